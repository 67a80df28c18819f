export default [
  {
    path: '/events/report',
    name: 'event-report',
    component: () => import('./ReportPage.vue'),
    meta: { permission: 'event:report' },
  },
  { path: '/events/todo', name: 'event-tasks', component: () => import('./TasksPage.vue'), meta: { permission: 'event:read' } },
  { path: '/events', name: 'events', component: () => import('./EventListPage.vue'), meta: { permission: 'event:read' } },
  { path: '/events/map', name: 'event-map', component: () => import('./EventMapPage.vue'), meta: { permission: 'event:read' } },
  { path: '/calendar', name: 'calendar', component: () => import('./CalendarPage.vue'), meta: { permission: 'event:read' } },
  {
    path: '/events/:id(\\d+)',
    name: 'event-detail',
    component: () => import('./EventDetailPage.vue'),
    props: true,
    meta: { permission: 'event:read' },
  },
]
