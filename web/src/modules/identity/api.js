// REST client of the identity module: sign-in and the signed-in user (/api/auth), accounts (/api/users),
// roles (/api/roles) and organizations (/api/organizations).
import { ensureCsrf, getAllPages, getJson, postForm, postJson, putJson, request } from '@/common/http.js'

const enc = encodeURIComponent

/** GET /api/auth/csrf: makes sure the CSRF cookie is set (answers its value). */
export const fetchCsrf = () => ensureCsrf(true)

/** POST /api/auth/login (form fields username, password, code): the signed-in user; 401 problem when refused. */
export const login = (username, password, code) => postForm('/api/auth/login', { username, password, code }, { auth: false })

/** GET /api/auth/providers: identity providers for single sign-on, [{ id, name, url }]; empty without any. */
export const getProviders = () => getJson('/api/auth/providers', null, { auth: false })

/** POST /api/auth/logout: ends the session (204). */
export const logout = () => request('/api/auth/logout', { method: 'POST', auth: false })

/** GET /api/auth/me: the signed-in user with roles, permissions and scope; 401 when nobody is signed in. */
export const getMe = () => getJson('/api/auth/me', null, { auth: false })

/** POST /api/auth/password: changes one's own password (204); 400 problem with errors[] per field. */
export const changePassword = (oldPassword, newPassword) => postJson('/api/auth/password', { oldPassword, newPassword })

/** GET /api/users?name=: one page of accounts, phones masked. */
export const getUsers = (name, page = 0, size = 20) => getJson('/api/users', { name, page, size })

/** GET /api/users/{id}. */
export const getUser = (id) => getJson(`/api/users/${enc(id)}`)

/** POST /api/users: creates an account (201); 400 problem with errors[] per field. */
export const createUser = (draft) => postJson('/api/users', draft)

/** PUT /api/users/{id}/roles: replaces the account's roles (422 for one's own). */
export const assignRoles = (id, roles) => putJson(`/api/users/${enc(id)}/roles`, { roles })

/** PUT /api/users/{id}/status: ACTIVE or DISABLED. */
export const setUserStatus = (id, status) => putJson(`/api/users/${enc(id)}/status`, { status })

/** POST /api/users/{id}/password-reset: sets a password the user must change at the next sign-in (204). */
export const resetPassword = (id, password) => postJson(`/api/users/${enc(id)}/password-reset`, { password })

/** GET /api/users/{id}/phone?purpose=: the full phone number; every look is audited with its purpose. */
export const getFullPhone = (id, purpose) => getJson(`/api/users/${enc(id)}/phone`, { purpose })

/** GET /api/roles: every role with its label and permissions. */
export async function getRoles() {
  const { items } = await getAllPages('/api/roles', {}, 100)
  return items
}

/** GET /api/organizations?parentId=: the organizations under a parent (top level without one), every page. */
export async function getOrganizations(parentId) {
  const { items } = await getAllPages('/api/organizations', { parentId }, 200)
  return items
}

/** POST /api/organizations: creates an organization (201); 400 problem with errors[] per field. */
export const createOrganization = (organization) => postJson('/api/organizations', organization)
