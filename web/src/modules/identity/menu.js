import { markRaw } from 'vue'
import { User, Key, OfficeBuilding } from '@element-plus/icons-vue'

export default [
  { path: '/users', titleKey: 'menu.users', icon: markRaw(User), permission: 'user:read', order: 50 },
  { path: '/roles', titleKey: 'menu.roles', icon: markRaw(Key), permission: 'user:read', order: 51 },
  { path: '/organizations', titleKey: 'menu.organizations', icon: markRaw(OfficeBuilding), permission: 'org:read', order: 52 },
]
