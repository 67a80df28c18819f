export default [
  { path: '/field/today', name: 'field-today', component: () => import('./TodayPage.vue'), meta: { permission: 'field:write' } },
  { path: '/field/diary', name: 'field-diary', component: () => import('./DiaryPage.vue'), meta: { permission: 'field:write' } },
  { path: '/field/attendance', name: 'field-attendance', component: () => import('./AttendancePage.vue'), meta: { permission: 'field:read' } },
  { path: '/field/diaries', name: 'field-diaries', component: () => import('./DiariesPage.vue'), meta: { permission: 'field:read' } },
]
