import { markRaw } from 'vue'
import { Calendar, EditPen, List, Location, Tickets } from '@element-plus/icons-vue'

// After the grid map (order 10), so that the users who have both still land on the map after signing in.
export default [
  { path: '/events/report', titleKey: 'menu.eventReport', icon: markRaw(EditPen), permission: 'event:report', order: 20 },
  { path: '/events/todo', titleKey: 'menu.tasks', icon: markRaw(Tickets), permission: 'event:read', order: 21 },
  { path: '/events', titleKey: 'menu.events', icon: markRaw(List), permission: 'event:read', order: 22 },
  { path: '/events/map', titleKey: 'menu.eventMap', icon: markRaw(Location), permission: 'event:read', order: 23 },
  { path: '/calendar', titleKey: 'menu.calendar', icon: markRaw(Calendar), permission: 'event:read', order: 24 },
]
