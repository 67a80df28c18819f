import { markRaw } from 'vue'
import { Avatar, Bell, DataAnalysis, Notebook, UserFilled } from '@element-plus/icons-vue'

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
    path: '/registry/special-groups',
    titleKey: 'menu.specialGroups',
    groupKey: 'menu.baseInfo',
    icon: markRaw(UserFilled),
    permission: 'special:read',
    order: 31,
  },
  {
    path: '/registry/my-visits',
    titleKey: 'menu.myVisits',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Bell),
    permission: 'special:read',
    order: 32,
  },
  {
    path: '/registry/ledgers',
    titleKey: 'menu.ledgers',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Notebook),
    permission: 'special:read',
    order: 33,
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
