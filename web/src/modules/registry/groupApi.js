// REST client of the registry's groups: special groups (特殊人群, special:read), service recipients (重点服务对象,
// registry:read), their follow-ups (走访/帮扶), the overdue list (我的走访) and the three ledgers (三本台账).
import { getJson, postJson, putJson } from '@/common/http.js'

const enc = encodeURIComponent

/** The path of a category: 'special' → /api/registry/special-groups, 'service' → /api/registry/service-recipients. */
const base = (category) => (category === 'service' ? '/api/registry/service-recipients' : '/api/registry/special-groups')

/** GET …/types: the groups of a category with their fields. */
export const getGroupTypes = (category) => getJson(`${base(category)}/types`)

/** GET …?group=&attentionLevel=&overdue=&gridCode=&name=: one page, soonest due first, ID numbers masked. */
export const searchMembers = (category, filters, page = 0, size = 20) => getJson(base(category), { ...filters, page, size })

/** GET …/{id}: one registration with the group's fields. */
export const getMember = (category, id) => getJson(`${base(category)}/${enc(id)}`)

/** POST …: registers a resident in a group (201). */
export const registerMember = (category, draft) => postJson(base(category), draft)

/** PUT …/{id}: changes fields, attention level and frequency, with the version read (409 when stale). */
export const changeMember = (category, id, draft) => putJson(`${base(category)}/${enc(id)}`, draft)

/** POST …/{id}/end: ends the registration with a reason; the record and its follow-ups stay. */
export const endMember = (category, id, version, reason) => postJson(`${base(category)}/${enc(id)}/end`, { version, reason })

/** GET …/{id}/follow-ups: the follow-ups, newest first. */
export const getFollowUps = (category, id, page = 0, size = 50) =>
  getJson(`${base(category)}/${enc(id)}/follow-ups`, { page, size })

/** Where follow-ups of a registration go (POST records one, with an optional requestId, answering the registration). */
export const followUpsUrl = (category, id) => `${base(category)}/${enc(id)}/follow-ups`

/** GET /api/registry/follow-ups/overdue: the caller's people whose follow-up is overdue. */
export const getOverdue = (page = 0, size = 20) => getJson('/api/registry/follow-ups/overdue', { page, size })

/** GET /api/registry/ledgers/{livelihood|hardship|stability}: one page of a ledger. */
export const getLedger = (ledger, page = 0, size = 20) => getJson(`/api/registry/ledgers/${enc(ledger)}`, { page, size })

/** GET /api/registry/residents/{id}/groups: the groups a resident is in now (special ones only with special:read). */
export const getResidentGroups = (residentId) => getJson(`/api/registry/residents/${enc(residentId)}/groups`)
