// The signed-in user (GET /api/auth/me), loaded once and kept here; the menu, the route guard and the pages read
// permissions from it.
import { reactive } from 'vue'
import { getMe, login, logout } from '@/modules/identity/api.js'
import { menuEntries } from './menu.js'

export const session = reactive({
  /** { username, realName, roles, permissions, organizationName, scopeKind, scopeCode, gridCodes, passwordExpired } */
  user: null,
  /** Whether /api/auth/me has been asked since the page loaded (or since the last sign-in / sign-out). */
  loaded: false,
})

let pending = null

// The last user the server confirmed, kept on the device: a phone that starts the app without a network opens it as
// that person (their offline queue, their pages from the kept app shell) instead of a sign-in it cannot complete.
// Dropped on sign-out and whenever the server says the session is gone.
const LAST_USER = 'gridgov.lastUser'
const keep = (user) => {
  try {
    if (user) localStorage.setItem(LAST_USER, JSON.stringify(user))
    else localStorage.removeItem(LAST_USER)
  } catch {
    // private mode: nothing is kept
  }
}
const lastUser = () => {
  try {
    return JSON.parse(localStorage.getItem(LAST_USER) || 'null')
  } catch {
    return null
  }
}

/** Asks who is signed in, once; later calls answer the same user (force asks again). Resolves to the user or null. */
export function loadSession(force = false) {
  if (session.loaded && !force && !pending) return Promise.resolve(session.user)
  if (pending && !force) return pending
  const request = getMe()
    .then((user) => {
      keep(user)
      return user
    })
    // No answer at all (no network): the last confirmed user; any answer of the server (401 …) means signed out.
    .catch((error) => {
      if (!error?.status) return lastUser()
      keep(null)
      return null
    })
    .then((user) => {
      if (pending === request) {
        session.user = user
        session.loaded = true
        pending = null
      }
      return user
    })
  pending = request
  return request
}

/** Signs in; resolves to the user, or throws the refusal (ProblemError with detail / detailEn). */
export async function signIn(username, password, code) {
  const answered = await login(username, password, code)
  const user = await loadSession(true)
  session.user = user ?? answered
  session.loaded = true
  return session.user
}

/** Signs out (the session ends on the server even if the answer is lost). */
export async function signOut() {
  try {
    await logout()
  } finally {
    forget()
  }
}

/**
 * Signs out and goes to the sign-in page; a refusal of the sign-out (the session ends anyway) is passed to warn.
 */
export async function signOutAndLeave(router, warn) {
  try {
    await signOut()
  } catch (error) {
    warn(error)
  }
  router.push({ name: 'login' })
}

/** Drops the user kept here (after sign-out or a 401). */
export function forget() {
  keep(null)
  pending = null
  session.user = null
  session.loaded = true
}

/** Whether the signed-in user holds the permission (an entry without one is open to every signed-in user). */
export function can(permission) {
  if (!permission) return Boolean(session.user)
  return Boolean(session.user?.permissions?.includes(permission))
}

/**
 * Whether a menu entry or route (meta) suits the signed-in user beyond its permission: an optional when(user) says
 * (a resident's menu is not a staff menu even where the permissions overlap).
 */
export const suits = (target) => Boolean(session.user) && (!target?.when || target.when(session.user))

/** The menu entries the signed-in user may use. */
export const allowedEntries = () => menuEntries.filter((entry) => can(entry.permission) && suits(entry))

/** Where to go after signing in: the first menu entry the user may use, or null. */
export const firstAllowedPath = () => allowedEntries()[0]?.path ?? null

/** A route to return to after signing in, when it is one of ours (never the sign-in page itself). */
export function safeRedirect(value) {
  const text = Array.isArray(value) ? value[0] : value
  return typeof text === 'string' && text.startsWith('/') && !text.startsWith('/login') ? text : null
}
