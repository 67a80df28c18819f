import { markRaw } from 'vue'
import { HomeFilled } from '@element-plus/icons-vue'
import { isStaff } from '@/modules/event/audience.js'

// First of all entries: '/' leads to the first entry a user may use, so staff land here after signing in.
export default [
  { path: '/home', titleKey: 'menu.home', icon: markRaw(HomeFilled), permission: 'event:read', order: 0, when: isStaff },
]
