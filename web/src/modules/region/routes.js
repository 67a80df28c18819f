export default [{ path: '/region', name: 'region', component: () => import('./RegionPage.vue') }]
