export default [
  {
    path: '/registry/residents',
    name: 'residents',
    component: () => import('./ResidentListPage.vue'),
    meta: { permission: 'registry:read' },
  },
  {
    path: '/registry/residents/:id(\\d+)',
    name: 'resident-detail',
    component: () => import('./ResidentDetailPage.vue'),
    props: true,
    meta: { permission: 'registry:read' },
  },
  {
    path: '/registry/figures',
    name: 'registry-figures',
    component: () => import('./FiguresPage.vue'),
    meta: { permission: 'registry:read' },
  },
]
