import { markRaw } from 'vue'
import { Calendar, Document, EditPen, List, Location, Tickets } from '@element-plus/icons-vue'
import { isResident, isStaff } from './audience.js'

// After the home page (order 0) and the grid map (order 10). A resident sees 我的诉求 and 我要上报 only, their requests
// first: '/' leads to the first entry, so that is where a resident lands; staff see the work lists and the map.
export default [
  { path: '/events/report', titleKey: 'menu.eventReport', icon: markRaw(EditPen), permission: 'event:report', order: 20, when: isStaff },
  { path: '/events/report', titleKey: 'menu.myReport', icon: markRaw(EditPen), permission: 'event:report', order: 20, when: isResident },
  { path: '/events/mine', titleKey: 'menu.myRequests', icon: markRaw(Document), permission: 'event:read', order: 19, when: isResident },
  { path: '/events/todo', titleKey: 'menu.tasks', icon: markRaw(Tickets), permission: 'event:read', order: 21, when: isStaff },
  { path: '/events', titleKey: 'menu.events', icon: markRaw(List), permission: 'event:read', order: 22, when: isStaff },
  { path: '/events/map', titleKey: 'menu.eventMap', icon: markRaw(Location), permission: 'event:read', order: 23, when: isStaff },
  { path: '/calendar', titleKey: 'menu.calendar', icon: markRaw(Calendar), permission: 'event:read', order: 24, when: isStaff },
]
