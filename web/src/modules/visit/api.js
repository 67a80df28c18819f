// REST client of visits (走访): the plan the schedules make, recording a visit through the offline queue (photos
// follow it), the lists of visits, and the schedules. Days are written 2026-12-03.
import { getJson, putJson } from '@/common/http.js'

/** GET /api/visits/plan?region=&window=OVERDUE|WEEK|ALL: records due, the earliest first. */
export const getPlan = (filters, page = 0, size = 20) => getJson('/api/visits/plan', { ...filters, page, size })

/** GET /api/visits/plan/summary?region=: { overdue, thisWeek, later }. */
export const getPlanSummary = (region) => getJson('/api/visits/plan/summary', { region })

/** GET /api/visits/targets?kind=&q=&region=: records to visit outside the plan. */
export const findTargets = (kind, q, region, page = 0, size = 20) => getJson('/api/visits/targets', { kind, q, region, page, size })

/**
 * POST /api/visits { subjectKind, subjectId, memberId, purpose, method, content, visitedAt, lon, lat, accuracy, requestId }
 * as an item of the offline queue; its photos go to /api/visits/{id}/photos once it has landed.
 */
export const visitRequest = (visit, files, label) => ({
  kind: 'visit',
  label,
  url: '/api/visits',
  body: visit,
  files,
  filesUrl: '/api/visits/{id}/photos',
})

/** GET /api/visits?region=&subjectKind=&subjectId=&mine=&from=&to=: visits, the latest first. */
export const getVisits = (filters, page = 0, size = 20) => getJson('/api/visits', { ...filters, page, size })

/** The address of a photo of a visit. */
export const visitPhotoUrl = (visit, photo) => `/api/visits/${visit.id}/photos/${photo.id}`

/** GET /api/visits/schedules. */
export const getSchedules = () => getJson('/api/visits/schedules')

/** PUT /api/visits/schedules/{code} { intervalDays, active }. */
export const changeSchedule = (code, change) => putJson(`/api/visits/schedules/${code}`, change)
