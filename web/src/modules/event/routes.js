import { isResident, isStaff } from './audience.js'

export default [
  {
    path: '/events/report',
    name: 'event-report',
    component: () => import('./ReportPage.vue'),
    meta: { permission: 'event:report' },
  },
  { path: '/events/mine', name: 'event-mine', component: () => import('./MyRequestsPage.vue'), meta: { permission: 'event:read', when: isResident } },
  { path: '/events/todo', name: 'event-tasks', component: () => import('./TasksPage.vue'), meta: { permission: 'event:read', when: isStaff } },
  { path: '/events', name: 'events', component: () => import('./EventListPage.vue'), meta: { permission: 'event:read', when: isStaff } },
  { path: '/events/map', name: 'event-map', component: () => import('./EventMapPage.vue'), meta: { permission: 'event:read', when: isStaff } },
  { path: '/calendar', name: 'calendar', component: () => import('./CalendarPage.vue'), meta: { permission: 'event:read', when: isStaff } },
  {
    path: '/events/:id(\\d+)',
    name: 'event-detail',
    component: () => import('./EventDetailPage.vue'),
    props: true,
    meta: { permission: 'event:read' },
  },
]
