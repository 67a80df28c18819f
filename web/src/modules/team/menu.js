import { markRaw } from 'vue'
import { Connection, Postcard, UserFilled } from '@element-plus/icons-vue'

/** Those who keep or read areas rather than grids: a grid worker sees their grid's chain on the roster page. */
const notGridWorker = (user) => Boolean(user) && user.scopeKind !== 'GRIDS'

// After the event pages (20–24), before the registers (30–): who serves each grid, and who answers for each area.
export default [
  { path: '/team', titleKey: 'team.menu.roster', groupKey: 'team.menu.group', icon: markRaw(UserFilled), permission: 'team:read', order: 25 },
  { path: '/team/assignments', titleKey: 'team.menu.assignments', groupKey: 'team.menu.group', icon: markRaw(Connection), permission: 'team:read', order: 26, when: notGridWorker },
  { path: '/team/boards', titleKey: 'team.board.menu', groupKey: 'team.menu.group', icon: markRaw(Postcard), permission: 'team:write', order: 26.5, when: notGridWorker },
]
