// The command-center screen is for centers: their operators and leaders see the whole area they answer for.
export const isCenter = (user) =>
  Boolean(user) && user.scopeKind === 'REGION' && ['CENTER_OPERATOR', 'CENTER_LEADER'].some((r) => user.roles?.includes(r))
