import { markRaw } from 'vue'
import { Monitor } from '@element-plus/icons-vue'
import { isCenter } from './audience.js'

// Beside the assessment's entries (40–41).
export default [{ path: '/screen', titleKey: 'screen.menu', icon: markRaw(Monitor), permission: 'event:read', order: 42, when: isCenter }]
