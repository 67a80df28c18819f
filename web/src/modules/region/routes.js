export default [
  { path: '/region', name: 'region', component: () => import('./RegionPage.vue'), meta: { permission: 'region:read' } },
]
