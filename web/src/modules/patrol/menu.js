import { markRaw } from 'vue'
import { Guide, MapLocation } from '@element-plus/icons-vue'

// In the field day's group: the worker's patrol after 今日, the patrols supervisors read after 考勤.
export default [
  { path: '/field/patrol', titleKey: 'patrol.menu.patrol', groupKey: 'field.menu.group', icon: markRaw(Guide), permission: 'field:write', order: 27.5 },
  { path: '/field/patrols', titleKey: 'patrol.menu.patrols', groupKey: 'field.menu.group', icon: markRaw(MapLocation), permission: 'field:read', order: 29.2 },
]
