// Names of the event categories a scheme's vetoes name, asked of the catalog once per code and kept for the page's
// life; a code the current catalog no longer has is shown as the code, marked.
import { reactive } from 'vue'
import { getCategory } from '@/modules/event/api.js'

const names = reactive({})
const asked = new Set()

/** nameOf(code): "major / minor" once known, the code until then; missing(code): the catalog lacks it. */
export function useCategoryNames() {
  function nameOf(code) {
    if (!code) return ''
    if (!asked.has(code)) {
      asked.add(code)
      getCategory(code)
        .then((c) => {
          names[code] = c.majorCode && c.majorCode !== c.code ? `${c.majorName} / ${c.name}` : c.name
        })
        .catch((error) => {
          if (error?.status === 404) names[code] = null
          else asked.delete(code)
        })
    }
    return names[code] || code
  }
  const missing = (code) => Boolean(code) && names[code] === null
  return { nameOf, missing }
}
