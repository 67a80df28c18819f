import { markRaw } from 'vue'
import { Medal, Operation, Stamp } from '@element-plus/icons-vue'
import { decidesOrAsks, notGridWorker } from './audience.js'

// After the registers (30–39), before administration (50–). Grid workers find their figures on the home page.
export default [
  { path: '/assessment/rankings', titleKey: 'assessment.menu.rankings', icon: markRaw(Medal), permission: 'assessment:read', order: 40, when: notGridWorker },
  { path: '/assessment/adjustments', titleKey: 'assessment.menu.adjustments', icon: markRaw(Stamp), permission: 'assessment:read', order: 41, when: decidesOrAsks },
  { path: '/assessment/schemes', titleKey: 'assessment.menu.schemes', icon: markRaw(Operation), permission: 'assessment:manage', order: 42 },
]
