// Who sees which assessment pages and levels. Grid workers and assistants (scope GRIDS) see only their own figures,
// on their home page; department staff only their department's; centers and grid leaders rank the areas below them.

/** Everyone but those who work grids (scope GRIDS): they have their figures on the home page. */
export const notGridWorker = (user) => Boolean(user) && user.scopeKind !== 'GRIDS'

/** Who may ask for or decide adjustments. */
export const decidesOrAsks = (user) => ['assessment:approve', 'assessment:adjust'].some((p) => user?.permissions?.includes(p))

const isDepartment = (user) => ['DEPARTMENT_HANDLER', 'DEPARTMENT_LEADER'].some((r) => user?.roles?.includes(r))

/** The levels a user may rank, widest first, by the length of the region code they answer for. */
export function levelsFor(user) {
  if (isDepartment(user)) return ['DEPARTMENT']
  if (user?.scopeKind === 'GRIDS') return ['WORKER']
  const length = user?.scopeCode?.length ?? 0
  if (length >= 12) return ['GRID', 'WORKER']
  if (length >= 9) return ['VILLAGE', 'GRID', 'WORKER']
  if (length >= 6) return ['TOWNSHIP', 'VILLAGE', 'GRID', 'WORKER', 'DEPARTMENT']
  return ['COUNTY', 'TOWNSHIP', 'VILLAGE', 'GRID', 'WORKER', 'DEPARTMENT']
}

/** The subject of the area a center answers for (COUNTY:code or TOWNSHIP:code), or null. */
export function areaSubject(user) {
  const code = user?.scopeCode || ''
  if (code.length === 6) return `COUNTY:${code}`
  if (code.length === 9) return `TOWNSHIP:${code}`
  return null
}
