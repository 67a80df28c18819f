// The bottom navigation of the phone app, for people who work grids: five tabs, each shown only where its route
// exists in this build and the signed-in person may open it (the route's meta.permission and meta.when), so that
// a tab appears by itself when the page behind it lands (巡查 at /field/patrol) and never leads to a refusal.
import { House, EditPen, Guide, Notebook, User } from '@element-plus/icons-vue'
import { can, suits } from './session.js'

export const PHONE_TABS = [
  { key: 'home', path: '/home', icon: House },
  { key: 'report', path: '/events/report', icon: EditPen },
  { key: 'patrol', path: '/field/patrol', icon: Guide },
  { key: 'visit', path: '/visits', icon: Notebook },
  { key: 'me', path: '/me', icon: User },
]

const GRID_ROLES = ['GRID_LEADER', 'GRID_WORKER', 'GRID_ASSISTANT']

/** Whether the person works grids: a grid role, or grids assigned to their account. */
export const worksGrids = (user) =>
  Boolean(user) && (GRID_ROLES.some((role) => user.roles?.includes(role)) || Boolean(user.gridCodes?.length))

/** The route record a path leads to in this build, or null (the catch-all sends unknown paths home). */
export function routeOf(router, path) {
  const record = router.resolve(path).matched.at(-1)
  return record && !record.path.includes(':pathMatch') ? record : null
}

/** The tabs the signed-in person may use here. */
export function allowedTabs(router) {
  return PHONE_TABS.filter((tab) => {
    const record = routeOf(router, tab.path)
    return record && can(record.meta?.permission) && suits(record.meta)
  })
}

/** The tab a route belongs to: the one whose path is the longest prefix of it. */
export const activeTab = (tabs, path) =>
  tabs.filter((tab) => path === tab.path || path.startsWith(`${tab.path}/`)).sort((a, b) => b.path.length - a.path.length)[0]?.key
