import { markRaw } from 'vue'
import { Guide, MapLocation } from '@element-plus/icons-vue'

// After the grid teams (25–26): the worker's patrol on the phone, and the patrols supervisors read.
export default [
  { path: '/field/patrol', titleKey: 'patrol.menu.patrol', groupKey: 'patrol.menu.group', icon: markRaw(Guide), permission: 'field:write', order: 27 },
  { path: '/field/patrols', titleKey: 'patrol.menu.patrols', groupKey: 'patrol.menu.group', icon: markRaw(MapLocation), permission: 'field:read', order: 28 },
]
