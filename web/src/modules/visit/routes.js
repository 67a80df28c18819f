// Visits (走访): the plan (the phone app's 走访 tab), the form of one visit, the list of visits, the schedules.
export default [
  { path: '/visits', name: 'visit-plan', component: () => import('./VisitPlanPage.vue'), meta: { permission: 'registry:read' } },
  { path: '/visits/new', name: 'visit-new', component: () => import('./VisitFormPage.vue'), meta: { permission: 'registry:write' } },
  { path: '/visits/list', name: 'visit-list', component: () => import('./VisitListPage.vue'), meta: { permission: 'registry:read' } },
  { path: '/visits/schedules', name: 'visit-schedules', component: () => import('./SchedulesPage.vue'), meta: { permission: 'registry:read' } },
]
