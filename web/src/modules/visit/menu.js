import { markRaw } from 'vue'
import { Guide, List, Setting } from '@element-plus/icons-vue'

// In the field day's group, after the diary: the plan, what was visited, and the schedules behind the plan.
export default [
  { path: '/visits', titleKey: 'visit.menu.plan', groupKey: 'field.menu.group', icon: markRaw(Guide), permission: 'registry:read', order: 28.3 },
  { path: '/visits/list', titleKey: 'visit.menu.list', groupKey: 'field.menu.group', icon: markRaw(List), permission: 'registry:read', order: 28.4 },
  { path: '/visits/schedules', titleKey: 'visit.menu.schedules', groupKey: 'field.menu.group', icon: markRaw(Setting), permission: 'registry:read', order: 29.8 },
]
