// REST client of the event module: reports and where they go, work lists, an event with its history, the workflow
// moves, the category catalog and the organizations a dispatcher may pick; photos, delay requests and duplicates.
import { getAllPages, getJson, postJson, postMultipart } from '@/common/http.js'

const enc = encodeURIComponent

/** The endpoint of each move an event lists in allowedMoves (POST /api/events/{id}/{endpoint}). */
export const MOVE_ENDPOINTS = {
  ACCEPT: 'accept',
  REJECT: 'reject',
  RESOLVE: 'resolve',
  ESCALATE: 'escalate',
  DISPATCH: 'dispatch',
  CLAIM: 'claim',
  RETURN: 'return',
  FEEDBACK: 'feedback',
  VERIFY_PASS: 'verify',
  VERIFY_FAIL: 'rework',
  SUSPEND: 'suspend',
  RESUME: 'resume',
  REOPEN: 'reopen',
  RATE: 'rate',
  ARCHIVE: 'archive',
  SUPERVISE: 'supervise',
}

/** POST /api/events: 201 with the new event, 200 with the same one when requestId was sent before. */
export const reportEvent = (draft) => postJson('/api/events', draft)

/**
 * GET /api/events: one page of a work list (box todo|reported|overdue|supervised|done, or all when empty), narrowed by
 * status, urgency, category, source, card, open, supervised (督办件 in any box), from and to.
 */
export const listEvents = (filters, page = 0, size = 20) => getJson('/api/events', { ...filters, page, size })

/** GET /api/events?serial=: the event of a case number in the caller's scope, or null. */
export async function findBySerial(serial) {
  const page = await listEvents({ serial }, 0, 1)
  return page.content[0] ?? null
}

/** GET /api/events/{id}: the event with the moves the caller may make now. */
export const getEvent = (id) => getJson(`/api/events/${enc(id)}`)

/** GET /api/events/{id}/history: every row of the event's history, oldest first. */
export async function getHistory(id) {
  const { items } = await getAllPages(`/api/events/${enc(id)}/history`, {}, 100)
  return items
}

/** POST /api/events/{id}/{move}: makes a move with the version seen ({ version, note, assignee, ... }). */
export function makeMove(id, move, body) {
  const endpoint = MOVE_ENDPOINTS[move]
  if (!endpoint) throw new Error(`unknown move ${move}`)
  return postJson(`/api/events/${enc(id)}/${endpoint}`, body)
}

/** GET /api/event-categories?parent=: every category under a major, or the majors without one. */
export async function getCategories(parent) {
  const { items } = await getAllPages('/api/event-categories', { parent }, 200)
  return items
}

/** GET /api/event-categories/{code}: one category of the current catalog with its major (404 when it lacks it). */
export const getCategory = (code) => getJson(`/api/event-categories/${enc(code)}`)

/**
 * GET /api/events/{id}/dispatch-targets: one page of the organizations the event may be dispatched to, whose name
 * contains `name` (all when empty), those responsible for its category first (suggested: true).
 */
export const getDispatchTargets = (id, name, size = 50) =>
  getJson(`/api/events/${enc(id)}/dispatch-targets`, { name, size })

/** GET /api/events/locate: the grid (with its village and township) a report at the point goes to; 422 outside. */
export const locateReport = (lon, lat) => getJson('/api/events/locate', { lon, lat })

/** Every grid feature under a region (GeoJSON features), following pages. */
export async function getGridFeatures(region) {
  const { items } = await getAllPages('/api/grids/features', { region }, 5000, (page) => page.features)
  return items
}

/** Photos: JPEG, PNG or WebP, at most 5 MB each and 9 per event (the server checks again). */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp']
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024
export const PHOTO_MAX_COUNT = 9

/** POST /api/events/{id}/attachments: uploads one photo (field file); onProgress gets 0–100. */
export function uploadPhoto(id, file, onProgress) {
  const form = new FormData()
  form.append('file', file, file.name)
  return postMultipart(`/api/events/${enc(id)}/attachments`, form, { onProgress })
}

/** GET /api/events/{id}/attachments: every photo record of the event. */
export async function getPhotos(id) {
  const { items } = await getAllPages(`/api/events/${enc(id)}/attachments`, {}, 20)
  return items
}

/** The address of a photo's bytes (for img src; the session cookie goes along). */
export const photoUrl = (eventId, attachmentId) => `/api/events/${enc(eventId)}/attachments/${enc(attachmentId)}`

/** GET /api/events/{id}/delay-requests: the event's delay requests, newest first. */
export async function getDelayRequests(id) {
  const { items } = await getAllPages(`/api/events/${enc(id)}/delay-requests`, {}, 50)
  return items
}

/** POST /api/events/{id}/delay-requests: { reason, extraAmount, unit }. */
export const requestDelay = (id, body) => postJson(`/api/events/${enc(id)}/delay-requests`, body)

/** POST /api/delay-requests/{requestId}/approve|reject: { note } (required to reject). */
export const decideDelay = (requestId, approve, note) =>
  postJson(`/api/delay-requests/${enc(requestId)}/${approve ? 'approve' : 'reject'}`, { note: note || null })

/** GET /api/events/duplicates: recent events of the category near the point (one page, at most 20). */
export const findDuplicates = (categoryCode, lon, lat, exclude) =>
  getJson('/api/events/duplicates', { categoryCode, lon, lat, exclude })

/** POST /api/events/{id}/merge-into/{originalId}: closes the event as a duplicate; answers the original. */
export const mergeInto = (id, originalId, version) => postJson(`/api/events/${enc(id)}/merge-into/${enc(originalId)}`, { version })

/** GET /api/events/{id}/merged-reporters: who reported the duplicates merged into the event. */
export const getMergedReporters = (id) => getJson(`/api/events/${enc(id)}/merged-reporters`)
