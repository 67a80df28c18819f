// 我的: the signed-in person, their grids, what waits in the offline queue, language and sign-out. Open to every
// signed-in person (the phone app's fifth tab).
export default [{ path: '/me', name: 'me', component: () => import('./MePage.vue') }]
