import { markRaw } from 'vue'
import { Avatar, House, OfficeBuilding, Shop } from '@element-plus/icons-vue'

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
    path: '/registry/houses',
    titleKey: 'menu.houses',
    groupKey: 'menu.baseInfo',
    icon: markRaw(House),
    permission: 'registry:read',
    order: 31,
  },
  {
    path: '/registry/places',
    titleKey: 'menu.places',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Shop),
    permission: 'registry:read',
    order: 32,
  },
  {
    path: '/registry/organizations',
    titleKey: 'menu.organizationsRegister',
    groupKey: 'menu.baseInfo',
    icon: markRaw(OfficeBuilding),
    permission: 'registry:read',
    order: 33,
  },
]
