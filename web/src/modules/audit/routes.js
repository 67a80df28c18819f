export default [
  { path: '/audit', name: 'audit', component: () => import('./AuditPage.vue'), meta: { permission: 'audit:read' } },
]
