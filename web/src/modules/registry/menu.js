import { markRaw } from 'vue'
import { Avatar } from '@element-plus/icons-vue'

export default [
  {
    path: '/registry/residents',
    titleKey: 'menu.residents',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Avatar),
    permission: 'registry:read',
    order: 30,
  },
]
