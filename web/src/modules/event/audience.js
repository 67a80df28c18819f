// Who a page of the event module is for: residents (scope SELF: only their own reports) see their requests in plain
// words; everyone else works the cases.

/** A resident: someone whose scope is their own reports. */
export const isResident = (user) => user?.scopeKind === 'SELF'

/** Staff: grid workers, centers, departments. */
export const isStaff = (user) => Boolean(user) && !isResident(user)
