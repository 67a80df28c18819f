// Names of roles and permissions in the current locale: the i18n messages when they have one, else the server's
// label (roles) or the code itself.

/** @param t, te from useI18n(); label the server's label (Chinese) */
export function roleName(t, te, role, label) {
  const key = `roleName.${role}`
  if (te(key)) return t(key)
  return label || role
}

export function permissionName(t, te, permission) {
  const key = `permission.${String(permission).replace(':', '_')}`
  return te(key) ? t(key) : permission
}
