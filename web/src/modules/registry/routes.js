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
    path: '/registry/special-groups',
    name: 'special-groups',
    component: () => import('./SpecialGroupListPage.vue'),
    meta: { permission: 'special:read' },
  },
  {
    path: '/registry/groups/:category(special|service)/:id(\\d+)',
    name: 'group-member',
    component: () => import('./MemberDetailPage.vue'),
    props: true,
    meta: { permission: 'registry:read' },
  },
  {
    path: '/registry/my-visits',
    name: 'my-visits',
    component: () => import('./OverduePage.vue'),
    meta: { permission: 'special:read' },
  },
  {
    path: '/registry/ledgers',
    name: 'ledgers',
    component: () => import('./LedgerPage.vue'),
    meta: { permission: 'special:read' },
  },
  {
    path: '/registry/figures',
    name: 'registry-figures',
    component: () => import('./FiguresPage.vue'),
    meta: { permission: 'registry:read' },
  },
]
