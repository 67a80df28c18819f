import { markRaw } from 'vue'
import { Avatar, DataAnalysis } from '@element-plus/icons-vue'

export default [
  {
    path: '/registry/residents',
    titleKey: 'menu.residents',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Avatar),
    permission: 'registry:read',
    order: 30,
  },
  {
    path: '/registry/figures',
    titleKey: 'menu.registryFigures',
    groupKey: 'menu.baseInfo',
    icon: markRaw(DataAnalysis),
    permission: 'registry:read',
    order: 39,
  },
]
