export default [
  {
    path: '/field/patrol',
    name: 'patrol-phone',
    component: () => import('./PatrolPage.vue'),
    meta: { permission: 'field:write' },
  },
  {
    path: '/field/patrols',
    name: 'patrol-list',
    component: () => import('./PatrolsPage.vue'),
    meta: { permission: 'field:read' },
  },
  {
    path: '/field/patrols/:id',
    name: 'patrol-replay',
    component: () => import('./PatrolReplayPage.vue'),
    meta: { permission: 'field:read' },
  },
]
