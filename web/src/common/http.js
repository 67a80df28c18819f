// Small fetch wrapper shared by the module api.js files.
// A non-2xx answer throws a ProblemError carrying the RFC 9457 problem body.
// Writes carry the CSRF token (header X-XSRF-TOKEN = the XSRF-TOKEN cookie); a 401 or an expired password is
// reported to the handlers the router registers (setAuthHandlers), which send the user to sign in or change it.

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.name = 'ProblemError'
    this.status = status
    this.problem = problem
  }
}

const CSRF_COOKIE = 'XSRF-TOKEN'
const CSRF_HEADER = 'X-XSRF-TOKEN'
const ACCEPT = 'application/json, application/problem+json'

const handlers = { unauthenticated: null, passwordExpired: null }

/** Registers what to do when a call answers 401 (not signed in) or 403 password-expired. */
export function setAuthHandlers({ unauthenticated, passwordExpired }) {
  handlers.unauthenticated = unauthenticated ?? null
  handlers.passwordExpired = passwordExpired ?? null
}

/** Parameters as a query string (with its ?), leaving out those not given: undefined, null or empty. */
export function query(params) {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.append(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

/** The value of the CSRF cookie, or null. */
export function csrfCookie() {
  for (const part of document.cookie.split(';')) {
    const [name, ...rest] = part.trim().split('=')
    if (name === CSRF_COOKIE) return decodeURIComponent(rest.join('=')) || null
  }
  return null
}

/** Makes sure the CSRF cookie is there (GET /api/auth/csrf sets it) and answers its value. */
export async function ensureCsrf(force = false) {
  if (!force && csrfCookie()) return csrfCookie()
  await fetch('/api/auth/csrf', { headers: { Accept: ACCEPT }, credentials: 'same-origin' }).catch(() => null)
  return csrfCookie()
}

const isProblemType = (problem, suffix) => typeof problem?.type === 'string' && problem.type.endsWith(suffix)

async function answer(response, { auth = true } = {}) {
  const type = response.headers.get('content-type') || ''
  const body = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) {
    const error = new ProblemError(response.status, body || { title: response.statusText, status: response.status })
    if (auth && response.status === 401) handlers.unauthenticated?.(error)
    if (auth && response.status === 403 && isProblemType(body, 'password-expired')) handlers.passwordExpired?.(error)
    throw error
  }
  return body
}

/**
 * Sends a request; a write gets the CSRF header, and is sent once more with a fresh token when the server refuses
 * the token it carried (403 forbidden while the cookie has changed meanwhile, e.g. by a sign-in in another tab).
 * @param options.auth false for calls whose 401 is an answer, not a lost session (sign-in, who am I)
 */
export async function request(path, { method = 'GET', headers = {}, body, signal, auth = true } = {}) {
  const write = method !== 'GET' && method !== 'HEAD'
  const send = async (token) =>
    fetch(path, {
      method,
      headers: { Accept: ACCEPT, ...headers, ...(write && token ? { [CSRF_HEADER]: token } : {}) },
      body,
      signal,
      credentials: 'same-origin',
    })
  const token = write ? await ensureCsrf() : null
  let response = await send(token)
  if (write && response.status === 403) {
    const problem = await response.clone().json().catch(() => null)
    if (!problem || isProblemType(problem, '/forbidden')) {
      const fresh = await ensureCsrf(true)
      if (fresh && fresh !== token) response = await send(fresh)
    }
  }
  return answer(response, { auth })
}

export function getJson(path, params, { signal, auth } = {}) {
  return request(path + query(params), { signal, auth })
}

const jsonBody = (body) => (typeof body === 'string' ? body : JSON.stringify(body ?? {}))

/** POSTs JSON: an object is serialized, a string (e.g. a file's text) is sent as it is. */
export function postJson(path, body, params) {
  return request(path + query(params), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: jsonBody(body),
  })
}

/** PUTs JSON. */
export function putJson(path, body, params) {
  return request(path + query(params), {
    method: 'PUT',
    headers: { 'Content-Type': 'application/json' },
    body: jsonBody(body),
  })
}

/** POSTs form fields (application/x-www-form-urlencoded); empty values are left out. */
export function postForm(path, fields, { auth } = {}) {
  const form = new URLSearchParams()
  for (const [key, value] of Object.entries(fields || {})) {
    if (value !== undefined && value !== null && value !== '') form.append(key, String(value))
  }
  return request(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
    auth,
  })
}

/**
 * POSTs multipart/form-data (a FormData, e.g. a file) with the CSRF header, as request() does for JSON, reporting
 * upload progress (0–100) to onProgress; XMLHttpRequest, since fetch tells nothing of an upload's progress.
 */
export async function postMultipart(path, formData, { onProgress } = {}) {
  const send = (token) =>
    new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest()
      xhr.open('POST', path)
      xhr.withCredentials = true
      xhr.setRequestHeader('Accept', ACCEPT)
      if (token) xhr.setRequestHeader(CSRF_HEADER, token)
      if (onProgress) {
        xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(Math.round((e.loaded / e.total) * 100))
      }
      xhr.onload = () =>
        resolve(
          new Response(xhr.status === 204 ? null : xhr.responseText, {
            status: xhr.status,
            statusText: xhr.statusText,
            headers: { 'content-type': xhr.getResponseHeader('content-type') || '' },
          }),
        )
      xhr.onerror = () => reject(new TypeError('network error'))
      xhr.onabort = () => reject(new DOMException('aborted', 'AbortError'))
      xhr.send(formData)
    })
  const token = await ensureCsrf()
  let response = await send(token)
  if (response.status === 403) {
    const problem = await response.clone().json().catch(() => null)
    if (!problem || isProblemType(problem, '/forbidden')) {
      const fresh = await ensureCsrf(true)
      if (fresh && fresh !== token) response = await send(fresh)
    }
  }
  return answer(response)
}

/** Loads every page of a paged endpoint and returns the concatenated content. */
export async function getAllPages(path, params, size, pick = (page) => page.content) {
  const items = []
  let page = 0
  let first = null
  for (;;) {
    const result = await getJson(path, { ...params, page, size })
    first ??= result
    items.push(...(pick(result) || []))
    if (!(result.totalPages > page + 1)) break
    page += 1
  }
  return { first, items }
}

/** The text to show for an error in the given locale (detail / detailEn of a problem). */
export function problemText(error, locale) {
  const problem = error?.problem
  if (problem) {
    const detail = locale === 'en' ? problem.detailEn || problem.detail : problem.detail || problem.detailEn
    if (detail) return detail
    if (problem.title) return problem.title
  }
  return error?.message || String(error)
}

/** The message of one problem entry (errors[]) in the given locale. */
export const fieldMessage = (item, locale) =>
  (locale === 'en' ? item.messageEn || item.message : item.message || item.messageEn) || item.code || ''

/** The problem's errors[] grouped by field: { field: 'message; message' }. */
export function fieldErrors(error, locale) {
  const result = {}
  for (const item of error?.problem?.errors || []) {
    const key = item.field || ''
    const text = fieldMessage(item, locale)
    result[key] = result[key] ? `${result[key]}；${text}` : text
  }
  return result
}
