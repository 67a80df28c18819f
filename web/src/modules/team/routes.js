export default [
  {
    path: '/team',
    name: 'team-roster',
    component: () => import('./TeamPage.vue'),
    meta: { permission: 'team:read' },
  },
  {
    path: '/team/assignments',
    name: 'team-assignments',
    component: () => import('./AssignmentsPage.vue'),
    meta: { permission: 'team:read' },
  },
  {
    path: '/team/boards',
    name: 'team-boards',
    component: () => import('./BoardPage.vue'),
    meta: { permission: 'team:write' },
  },
]
