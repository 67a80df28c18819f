import { isStaff } from '@/modules/event/audience.js'

// A resident's home is 我的诉求 (the event module's first entry for them); administrators have none and land on
// their first menu entry.
export default [
  { path: '/home', name: 'workbench', component: () => import('./HomePage.vue'), meta: { permission: 'event:read', when: isStaff } },
]
