export default [
  { path: '/users', name: 'users', component: () => import('./UsersPage.vue'), meta: { permission: 'user:read' } },
  { path: '/roles', name: 'roles', component: () => import('./RolesPage.vue'), meta: { permission: 'user:read' } },
  {
    path: '/organizations',
    name: 'organizations',
    component: () => import('./OrganizationsPage.vue'),
    meta: { permission: 'org:read' },
  },
]
