// Which home page a staff member sees, by role: a center leader, a center's operator, a department, or someone who
// works a grid. A user holding several roles sees the first that fits in this order.
const has = (user, ...roles) => roles.some((role) => user?.roles?.includes(role))

/** 'leader' | 'center' | 'department' | 'grid'; anyone else who reads events gets the center's figures. */
export function homeKind(user) {
  if (has(user, 'CENTER_LEADER')) return 'leader'
  if (has(user, 'CENTER_OPERATOR')) return 'center'
  if (has(user, 'DEPARTMENT_HANDLER', 'DEPARTMENT_LEADER')) return 'department'
  if (has(user, 'GRID_LEADER', 'GRID_WORKER', 'GRID_ASSISTANT')) return 'grid'
  return 'center'
}

/** Where a figure leads: the event list with the same query the server counted (box all unless one is named). */
export const listLink = (query) => ({ name: 'events', query: { box: 'all', ...query } })
