// REST client of the audit module: searching the audit log and verifying its hash chain.
import { getJson } from '@/common/http.js'

/**
 * GET /api/audit: one page of records, newest first.
 * @param filters { from, to (ISO-8601 instants), username, action, objectType, objectId, result }
 */
export const searchAudit = (filters, page = 0, size = 20) => getJson('/api/audit', { ...filters, page, size })

/** GET /api/audit/verify: { ok, checked, firstBrokenId }. */
export const verifyAudit = () => getJson('/api/audit/verify')
