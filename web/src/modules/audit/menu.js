import { markRaw } from 'vue'
import { Document } from '@element-plus/icons-vue'

export default [{ path: '/audit', titleKey: 'menu.audit', icon: markRaw(Document), permission: 'audit:read', order: 60 }]
