// REST client of the field day: a worker's own day (sign-in / sign-out, 民情日志 with photos) and what supervisors
// read of the workers in their scope (考勤 month and day, diaries, figures). Days are written 2026-12-03.
import { getJson, putJson, postMultipart } from '@/common/http.js'

/**
 * POST /api/field/my/sign-ins { kind: IN|OUT, lon, lat, accuracy, device, requestId, takenAt } as an item of the offline
 * queue: sent at once when online, else kept with its tap time (takenAt) and request id and sent when the network returns.
 */
export const signInRequest = (command, label) => ({ kind: 'sign-in', label, url: '/api/field/my/sign-ins', body: command })

/** GET /api/field/my/day?day=: the caller's day { status, firstIn, lastOut, hours, records }. */
export const getMyDay = (day) => getJson('/api/field/my/day', { day })

/** GET /api/field/my/grids: { code: name } of the grids the caller serves. */
export const getMyGrids = () => getJson('/api/field/my/grids')

/** POST /api/field/my/photos (multipart file): a photo for a diary entry to take { id, contentType, size }. */
export function uploadPhoto(file, onProgress) {
  const form = new FormData()
  form.append('file', file)
  return postMultipart('/api/field/my/photos', form, { onProgress })
}

/** POST /api/field/my/diary { requestId, day, seen, done, lon, lat, photoIds } as an item of the offline queue. */
export const diaryRequest = (entry, label) => ({ kind: 'diary', label, url: '/api/field/my/diary', body: entry })

/** PUT /api/field/my/diary/{id} { seen, done, lon, lat, photoIds, version }: on the entry's day only. */
export const changeDiary = (id, entry) => putJson(`/api/field/my/diary/${id}`, entry)

/** GET /api/field/my/diary: one page of the caller's entries, the latest first. */
export const getMyDiary = (filters, page = 0, size = 10) => getJson('/api/field/my/diary', { ...filters, page, size })

/** The address of a photo of one's own entry, or (supervisor) of an entry in scope. */
export const photoUrl = (entry, photo, mine) =>
  mine ? `/api/field/my/diary/${entry.id}/photos/${photo.id}` : `/api/field/diary/${entry.id}/photos/${photo.id}`

/** GET /api/field/attendance?region=&month=: workers × days of an area, a page of workers. */
export const getMonth = (filters, page = 0, size = 20) => getJson('/api/field/attendance', { ...filters, page, size })

/** GET /api/field/workers/{userId}/days/{day}: a worker's day with its records. */
export const getWorkerDay = (userId, day) => getJson(`/api/field/workers/${userId}/days/${day}`)

/** GET /api/field/diary?region=&userId=&from=&to=: one page of the entries of an area. */
export const getDiaries = (filters, page = 0, size = 20) => getJson('/api/field/diary', { ...filters, page, size })

/** GET /api/field/figures?region=&from=&to=&by=WORKER|GRID|VILLAGE. */
export const getFigures = (filters, page = 0, size = 50) => getJson('/api/field/figures', { ...filters, page, size })
