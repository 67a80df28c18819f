import { markRaw } from 'vue'
import { Calendar, Notebook, Location, Reading } from '@element-plus/icons-vue'

// After the grid teams (25–26): a worker's own day first, then what supervisors read of it.
export default [
  { path: '/field/today', titleKey: 'field.menu.today', groupKey: 'field.menu.group', icon: markRaw(Location), permission: 'field:write', order: 27 },
  { path: '/field/diary', titleKey: 'field.menu.diary', groupKey: 'field.menu.group', icon: markRaw(Notebook), permission: 'field:write', order: 28 },
  { path: '/field/attendance', titleKey: 'field.menu.attendance', groupKey: 'field.menu.group', icon: markRaw(Calendar), permission: 'field:read', order: 29 },
  { path: '/field/diaries', titleKey: 'field.menu.diaries', groupKey: 'field.menu.group', icon: markRaw(Reading), permission: 'field:read', order: 29.5 },
]
