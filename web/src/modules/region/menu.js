import { markRaw } from 'vue'
import { MapLocation } from '@element-plus/icons-vue'

export default [{ path: '/region', titleKey: 'menu.region', icon: markRaw(MapLocation), permission: 'region:read', order: 10 }]
