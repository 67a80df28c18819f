import { markRaw } from 'vue'
import { Calendar, Document, EditPen, List, Location, Tickets } from '@element-plus/icons-vue'
import { isResident, isStaff } from './audience.js'

// After the grid map (order 10), so that the users who have both still land on the map after signing in. A resident
// sees 我要上报 and 我的诉求 only; staff see the work lists and the map.
export default [
  { path: '/events/report', titleKey: 'menu.eventReport', icon: markRaw(EditPen), permission: 'event:report', order: 20, when: isStaff },
  { path: '/events/report', titleKey: 'menu.myReport', icon: markRaw(EditPen), permission: 'event:report', order: 20, when: isResident },
  { path: '/events/mine', titleKey: 'menu.myRequests', icon: markRaw(Document), permission: 'event:read', order: 21, when: isResident },
  { path: '/events/todo', titleKey: 'menu.tasks', icon: markRaw(Tickets), permission: 'event:read', order: 21, when: isStaff },
  { path: '/events', titleKey: 'menu.events', icon: markRaw(List), permission: 'event:read', order: 22, when: isStaff },
  { path: '/events/map', titleKey: 'menu.eventMap', icon: markRaw(Location), permission: 'event:read', order: 23, when: isStaff },
  { path: '/calendar', titleKey: 'menu.calendar', icon: markRaw(Calendar), permission: 'event:read', order: 24, when: isStaff },
]
