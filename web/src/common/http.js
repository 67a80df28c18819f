// Small fetch wrapper shared by the module api.js files.
// A non-2xx answer throws a ProblemError carrying the RFC 9457 problem body.

export class ProblemError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`)
    this.name = 'ProblemError'
    this.status = status
    this.problem = problem
  }
}

function query(params) {
  if (!params) return ''
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null) search.append(key, String(value))
  }
  const text = search.toString()
  return text ? `?${text}` : ''
}

async function answer(response) {
  const type = response.headers.get('content-type') || ''
  const body = type.includes('json') ? await response.json().catch(() => null) : null
  if (!response.ok) {
    throw new ProblemError(response.status, body || { title: response.statusText, status: response.status })
  }
  return body
}

const ACCEPT = 'application/json, application/problem+json'

export async function getJson(path, params, { signal } = {}) {
  return answer(await fetch(path + query(params), { headers: { Accept: ACCEPT }, signal }))
}

/** POSTs JSON: an object is serialized, a string (e.g. a file's text) is sent as it is. */
export async function postJson(path, body, params) {
  const response = await fetch(path + query(params), {
    method: 'POST',
    headers: { Accept: ACCEPT, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body ?? {}),
  })
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

