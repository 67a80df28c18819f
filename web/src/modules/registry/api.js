// REST client of the registry module: the resident register (实有人口) with its history, the audited unmask and the
// code sets its forms offer.
import { getJson, postJson, postMultipart, putJson, query } from '@/common/http.js'

const enc = encodeURIComponent

/** GET /api/registry/residents: one page of residents matching every given filter. */
export const searchResidents = (filters, page = 0, size = 20) => getJson('/api/registry/residents', { ...filters, page, size })

/** POST /api/registry/residents: 201 with the new resident (masked). */
export const createResident = (draft) => postJson('/api/registry/residents', draft)

/** GET /api/registry/residents/{id}: the resident, personal data masked. */
export const getResident = (id) => getJson(`/api/registry/residents/${enc(id)}`)

/** PUT /api/registry/residents/{id}: changes the resident; the draft carries the version seen (409 when stale). */
export const updateResident = (id, draft) => putJson(`/api/registry/residents/${enc(id)}`, draft)

/** POST /api/registry/residents/{id}/retire: retires the resident with a reason. */
export const retireResident = (id, version, reason, enteredInError = false) =>
  postJson(`/api/registry/residents/${enc(id)}/retire`, { version, reason, enteredInError })

/** POST /api/registry/residents/{id}/reinstate: takes a retired resident back with a reason (409 while another record holds the ID number). */
export const reinstateResident = (id, version, reason) => postJson(`/api/registry/residents/${enc(id)}/reinstate`, { version, reason })

/** GET /api/registry/residents/{id}/history: one page of field changes, newest first. */
export const getResidentHistory = (id, page = 0, size = 20) =>
  getJson(`/api/registry/residents/${enc(id)}/history`, { page, size })

/** GET /api/registry/residents/{id}/unmasked?purpose=: the plain ID number, phone and document number; audited. */
export const unmaskResident = (id, purpose) => getJson(`/api/registry/residents/${enc(id)}/unmasked`, { purpose })

let codes = null

/** GET /api/registry/codes: every code set with its values, asked once per page load (they change by deployment). */
export function getCodes() {
  codes ??= getJson('/api/registry/codes').catch((error) => {
    codes = null
    throw error
  })
  return codes
}

/** GET /api/registry/figures?region=: residents, households and houses per area one level below the region. */
export const getFigures = (region) => getJson('/api/registry/figures', region ? { region } : {})

/** GET /api/registry/quality?region=: one page of grids, the least complete or least recently confirmed first. */
export const getQuality = (region, page = 0, size = 20) =>
  getJson('/api/registry/quality', region ? { region, page, size } : { page, size })

/** POST /api/registry/residents/{id}/confirm: the record was checked with the person (核实). */
export const confirmResident = (id) => postJson(`/api/registry/residents/${enc(id)}/confirm`, {})

/**
 * The other registers share one shape: GET/POST /api/registry/{register}, GET/PUT /{id}, POST /{id}/retire and
 * GET /{id}/history; register is 'houses', 'places' or 'organizations'. A house comes with its households and members.
 */
export const searchRecords = (register, filters, page = 0, size = 20) =>
  getJson(`/api/registry/${register}`, { ...filters, page, size })
export const createRecord = (register, draft) => postJson(`/api/registry/${register}`, draft)
export const getRecord = (register, id) => getJson(`/api/registry/${register}/${enc(id)}`)
export const updateRecord = (register, id, draft) => putJson(`/api/registry/${register}/${enc(id)}`, draft)
export const retireRecord = (register, id, version, reason) =>
  postJson(`/api/registry/${register}/${enc(id)}/retire`, { version, reason })
export const getRecordHistory = (register, id, page = 0, size = 20) =>
  getJson(`/api/registry/${register}/${enc(id)}/history`, { page, size })

/** POST /api/registry/households: a household (户号, house) without members yet. */
export const createHousehold = (draft) => postJson('/api/registry/households', draft)

/** POST /api/registry/{register}/imports (multipart `file`): 202 with the import job, which then runs by itself. */
export function startImport(register, file, onProgress) {
  const form = new FormData()
  form.append('file', file)
  return postMultipart(`/api/registry/${register}/imports`, form, { onProgress })
}

/** GET /api/registry/imports/{id}: the job's status and its counts so far. */
export const getImport = (id) => getJson(`/api/registry/imports/${enc(id)}`)

/** GET /api/registry/imports/{id}/rejections: one page of refused rows with their reasons. */
export const getImportRejections = (id, page = 0, size = 50) =>
  getJson(`/api/registry/imports/${enc(id)}/rejections`, { page, size })

/** Where a register's template, a job's refused rows and a list's export are downloaded (session cookie; plain links). */
export const templateUrl = (register) => `/api/registry/${register}/template`
export const importRejectionsUrl = (id) => `/api/registry/imports/${enc(id)}/rejections/export`
export const exportUrl = (register, filters, purpose) => `/api/registry/${register}/export${query({ ...filters, purpose })}`

/** GET /api/registry/register-types?includeRetired=: the registers the deployment defined, with their fields. */
export const getRegisterTypes = (includeRetired = false, page = 0, size = 100) =>
  getJson('/api/registry/register-types', { includeRetired: includeRetired || undefined, page, size })

/** POST /api/registry/register-types: defines a register (registry:define); 409 when the code exists. */
export const defineRegisterType = (draft) => postJson('/api/registry/register-types', draft)

/**
 * PUT /api/registry/register-types/{id}: name and fields with the version seen (409 when stale or retired); a field
 * entries hold a value for keeps its type and code set and cannot go (400 naming fields[i] or fields).
 */
export const changeRegisterType = (id, draft) => putJson(`/api/registry/register-types/${enc(id)}`, draft)

/** POST /api/registry/register-types/{id}/retire: no new entries nor changes from then on; entries stay readable. */
export const retireRegisterType = (id, version, reason) =>
  postJson(`/api/registry/register-types/${enc(id)}/retire`, { version, reason })

/** GET /api/registry/register-types/{id}/history: one page of changes of the definition, newest first. */
export const getRegisterTypeHistory = (id, page = 0, size = 20) =>
  getJson(`/api/registry/register-types/${enc(id)}/history`, { page, size })

/** GET /api/registry/register-types/{id}/entries?residentId=&includeRetired=: one page of entries, newest first. */
export const getRegisterEntries = (type, residentId, includeRetired = false, page = 0, size = 50) =>
  getJson(`/api/registry/register-types/${enc(type)}/entries`, { residentId, includeRetired: includeRetired || undefined, page, size })

/** POST /api/registry/register-types/{id}/entries: an entry checked against the register's fields. */
export const addRegisterEntry = (type, entry) => postJson(`/api/registry/register-types/${enc(type)}/entries`, entry)

/** PUT /api/registry/register-types/{id}/entries/{entry}: the values with the version seen (409 when stale). */
export const changeRegisterEntry = (type, id, draft) =>
  putJson(`/api/registry/register-types/${enc(type)}/entries/${enc(id)}`, draft)

/** POST /api/registry/register-types/{id}/entries/{entry}/retire: retires the entry with a reason. */
export const retireRegisterEntry = (type, id, version, reason) =>
  postJson(`/api/registry/register-types/${enc(type)}/entries/${enc(id)}/retire`, { version, reason })

/** GET /api/registry/register-types/{id}/entries/{entry}/history: one page of the entry's changes, newest first. */
export const getRegisterEntryHistory = (type, id, page = 0, size = 20) =>
  getJson(`/api/registry/register-types/${enc(type)}/entries/${enc(id)}/history`, { page, size })
