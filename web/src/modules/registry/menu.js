import { markRaw } from 'vue'
import { Avatar, Bell, DataAnalysis, House, Notebook, OfficeBuilding, Shop, UserFilled } from '@element-plus/icons-vue'

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
    order: 34,
  },
  {
    path: '/registry/my-visits',
    titleKey: 'menu.myVisits',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Bell),
    permission: 'special:read',
    order: 35,
  },
  {
    path: '/registry/ledgers',
    titleKey: 'menu.ledgers',
    groupKey: 'menu.baseInfo',
    icon: markRaw(Notebook),
    permission: 'special:read',
    order: 36,
  },
  {
    path: '/registry/figures',
    titleKey: 'menu.registryFigures',
    groupKey: 'menu.baseInfo',
    icon: markRaw(DataAnalysis),
    permission: 'registry:read',
    order: 39,
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
