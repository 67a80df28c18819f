import { getJson } from '@/common/http.js'

let pending = null

/** GET /api/shell/config, fetched once: { appName, rootRegionCode, tileUrl, tileAttribution, tileOverlayUrl }. */
export function getShellConfig() {
  pending ??= getJson('/api/shell/config').catch((error) => {
    pending = null
    throw error
  })
  return pending
}
