// REST client of the team module: grid rosters (网格队伍 / 花名册) kept as versions, and cadre assignments (包联).
// Days are written 2026-12-03; a member serves from validFrom until the day before validTo.
import { getJson, postJson, postMultipart, putJson } from '@/common/http.js'

const enc = encodeURIComponent

/** GET /api/teams/positions: one page of every position { code, name, nameEn, onePerGrid, employment }. */
export const getPositions = () => getJson('/api/teams/positions')

/** GET /api/teams/grids/{code}/members: one page of the grid's team on a day (`on`, default today). */
export const getRoster = (grid, on, page = 0, size = 50) => getJson(`/api/teams/grids/${enc(grid)}/members`, { on, page, size })

/** POST /api/teams/grids/{code}/members { positionCode, employment, name, phone, duties, userId, validFrom, validTo }. */
export const addMember = (grid, member) => postJson(`/api/teams/grids/${enc(grid)}/members`, member)

/** PUT /api/teams/members/{id}: a new version from effectiveFrom ({ …, effectiveFrom, note, version }). */
export const changeMember = (id, member) => putJson(`/api/teams/members/${id}`, member)

/** POST /api/teams/members/{id}/leave { on, reason, version }. */
export const leaveTeam = (id, ending) => postJson(`/api/teams/members/${id}/leave`, ending)

/** GET /api/teams/members/{id}/history: one page of the member's versions, the latest first. */
export const getMemberHistory = (id, page = 0, size = 20) => getJson(`/api/teams/members/${id}/history`, { page, size })

/** GET /api/teams/members/{id}/unmasked?purpose=: { phone } in full; audited. */
export const unmaskMember = (id, purpose) => getJson(`/api/teams/members/${id}/unmasked`, { purpose })

/** GET /api/teams/accounts?name=: one page of the accounts a member or cadre may be linked to. */
export const findAccounts = (name, page = 0, size = 20) => getJson('/api/teams/accounts', { name, page, size })

/** GET /api/teams/grids/{code}/chain: who answers for the grid on a day, { levels: [{ level, label, labelEn, people }] }. */
export const getChain = (grid, on) => getJson(`/api/teams/grids/${enc(grid)}/chain`, { on })

/** GET /api/teams/assignments: one page of assignments ({ region, on, includeEnded }). */
export const getAssignments = (filters, page = 0, size = 20) => getJson('/api/teams/assignments', { ...filters, page, size })

/** POST /api/teams/assignments { regionCode, cadreLevel, userId, cadreName, organizationName, role, validFrom, validTo }. */
export const assignCadre = (assignment) => postJson('/api/teams/assignments', assignment)

/** POST /api/teams/assignments/{id}/end { on, reason }. */
export const endAssignment = (id, ending) => postJson(`/api/teams/assignments/${id}/end`, ending)

/** GET /api/teams/boards?region=&on=: one page of grid boards (公示牌) with phones in full; each page is audited. */
export const getBoards = (region, on, page = 0, size = 20) => getJson('/api/teams/boards', { region, on, page, size })

/** GET /api/teams/import/template: the roster workbook to fill in. */
export const rosterTemplateUrl = '/api/teams/import/template'

/** POST /api/teams/imports (multipart `file`): { rows, added, rejectedRows, rejections[{rowNumber, name, field, code, message, messageEn}] }. */
export function importRoster(file) {
  const form = new FormData()
  form.append('file', file)
  return postMultipart('/api/teams/imports', form)
}
