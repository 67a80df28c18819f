// REST client of the assessment module: rankings, scores and the events behind them, bulletins, adjustments,
// closing periods and schemes. Subjects are keyed TYPE:code; periods are written 2026-11, 2026-Q4 or 2026.
import { getJson, postJson, putJson, query } from '@/common/http.js'

const enc = encodeURIComponent

/** GET /api/assessment/rankings: one page of Score rows ({ level, region, period }). */
export const getRankings = (filters, page = 0, size = 20) => getJson('/api/assessment/rankings', { ...filters, page, size })

/** GET /api/assessment/scores/{subject}: one Score with every indicator. */
export const getScore = (subject, period) => getJson(`/api/assessment/scores/${enc(subject)}`, { period })

/**
 * GET /api/assessment/scores/{subject}/trend: one page of the subject's { period, score, grade, veto, rank, of, frozen }
 * in the `count` periods up to `period`, oldest first; score null where it was not assessed.
 */
export const getTrend = (subject, period, count = 6) => getJson(`/api/assessment/scores/${enc(subject)}/trend`, { period, count })

/** GET /api/assessment/scores/{subject}/events: the events behind one figure, counted ones first. */
export const getFigureEvents = (subject, { period, indicator }, page = 0, size = 20) =>
  getJson(`/api/assessment/scores/${enc(subject)}/events`, { period, indicator, page, size })

/** GET /api/assessment/bulletin: { title, period, level, regionName, frozen, grades, bottom, ranking }. */
export const getBulletin = (filters) => getJson('/api/assessment/bulletin', filters)

/** The address of the bulletin's workbook (GET /api/assessment/bulletin/export). */
export const bulletinExportUrl = (filters) => `/api/assessment/bulletin/export${query(filters)}`

/** GET /api/assessment/adjustments ({ period, subject, status }). */
export const getAdjustments = (filters, page = 0, size = 20) => getJson('/api/assessment/adjustments', { ...filters, page, size })

/** POST /api/assessment/adjustments { period, subject, points, reason }. */
export const enterAdjustment = (adjustment) => postJson('/api/assessment/adjustments', adjustment)

/** POST /api/assessment/adjustments/{id}/approve|reject { note }; decision is 'approve' or 'reject'. */
export const decideAdjustment = (id, decision, note) => postJson(`/api/assessment/adjustments/${id}/${decision}`, { note: note || null })

/**
 * POST /api/assessment/periods/{period}/close-all: freezes an ended period for every county of the caller's area;
 * answers { counties, closed, closedBefore, failed, subjects }.
 */
export const closePeriod = (period) => postJson(`/api/assessment/periods/${enc(period)}/close-all`, {})

/** GET /api/assessment/schemes/{type}: the scheme a subject type is scored by in a period (default this month). */
export const getScheme = (type, period) => getJson(`/api/assessment/schemes/${enc(type)}`, { period })

/** GET /api/assessment/schemes/{type}/versions: one page of { scheme, state, savedAt }, latest month first. */
export const getSchemeVersions = (type, page = 0, size = 10) => getJson(`/api/assessment/schemes/${enc(type)}/versions`, { page, size })

/** PUT /api/assessment/schemes/{type}: a new version from a month not yet begun ({ effectiveFrom, weights, … }). */
export const saveScheme = (type, scheme) => putJson(`/api/assessment/schemes/${enc(type)}`, scheme)

let indicators = null

/** GET /api/assessment/indicators: every indicator with { label, labelEn, kind, subjectTypes }, asked once. */
export function getIndicators() {
  indicators ??= getJson('/api/assessment/indicators').catch((error) => {
    indicators = null
    throw error
  })
  return indicators
}
