// REST client of patrols (巡查): the worker's own under /api/patrols/mine, a supervisor's reads under /api/patrols.
import { getJson, postJson } from '@/common/http.js'

/** POST /api/patrols/mine { requestId, gridCode }: starts (201) or answers the patrol that request started (200). */
export const startPatrol = (requestId, gridCode) => postJson('/api/patrols/mine', { requestId, gridCode })

/** GET /api/patrols/mine/current: { patrol (or null), uploadEverySeconds }. */
export const getCurrentPatrol = () => getJson('/api/patrols/mine/current')

/** POST /api/patrols/mine/{id}/points { points: [{ seq, recordedAt, lon, lat, accuracy }] }: { stored, maxSeq, … }. */
export const sendPoints = (id, points) => postJson(`/api/patrols/mine/${id}/points`, { points })

export const pausePatrol = (id) => postJson(`/api/patrols/mine/${id}/pause`)
export const resumePatrol = (id) => postJson(`/api/patrols/mine/${id}/resume`)

/** POST /api/patrols/mine/{id}/stop { points }: the last points the phone holds go with the stop. */
export const stopPatrol = (id, points) => postJson(`/api/patrols/mine/${id}/stop`, { points })

/** GET /api/patrols/mine/{id}/track: the caller's own track. */
export const getMyTrack = (id) => getJson(`/api/patrols/mine/${id}/track`)

/** GET /api/patrols: one page of patrols in scope ({ region, userId, day, from, to }). */
export const getPatrols = (filters, page = 0, size = 20) => getJson('/api/patrols', { ...filters, page, size })

/** GET /api/patrols/{id}: a patrol with its figures and linked events. */
export const getPatrol = (id) => getJson(`/api/patrols/${id}`)

/** GET /api/patrols/{id}/track: { patrol, points: page, pauses, outline } for a replay. */
export const getTrack = (id, page = 0, size = 5000) => getJson(`/api/patrols/${id}/track`, { page, size })

/** GET /api/patrols/figures { by: WORKER | GRID | VILLAGE, region, from, to }. */
export const getPatrolFigures = (filters, page = 0, size = 20) => getJson('/api/patrols/figures', { ...filters, page, size })
