// Names of organizations by code, for events and their history, which carry only codes. Filled from the
// organizations the user may read (once per page load), the user's own organization and any list given later
// (e.g. the organizations responsible for a category); an unknown code shows as itself.
import { reactive } from 'vue'
import { getVisibleOrganizations } from './api.js'
import { can, session } from '@/shell/session.js'

const names = reactive({})
let loading = null
let loadedFor = null

/** The organizations known so far, [{ code, name }], loading those the user may read the first time. */
export function loadOrganizations() {
  const username = session.user?.username ?? null
  if (loadedFor !== username) {
    // Another user signed in in this tab: forget what the one before could see.
    for (const code of Object.keys(names)) delete names[code]
    loading = null
    loadedFor = username
  }
  if (session.user?.organizationCode && session.user.organizationName) {
    names[session.user.organizationCode] ??= session.user.organizationName
  }
  if (!loading) {
    loading = (can('org:read') ? getVisibleOrganizations() : Promise.resolve([]))
      .then((list) => {
        for (const org of list) names[org.code] = org.name
        return list
      })
      .catch(() => [])
  }
  return loading
}

/** Remembers names seen elsewhere: [{ code, name }]. */
export function rememberOrganizations(list) {
  for (const org of list || []) if (org?.code && org.name) names[org.code] = org.name
}

/** The organization's name, or its code when unknown; — for none. */
export const orgName = (code) => (code ? names[code] || code : '—')
