// One page of a list at a time: the filters, the page number and the answer, with stale answers dropped (a slow
// answer to an older search must not replace the newer one).
import { ref } from 'vue'

/** fetch(filters, page, size) answers a page ({ content, totalElements, … }); page numbers here start at 1. */
export function usePagedList(fetch, pageSize = 20) {
  const page = ref(1)
  const result = ref(null)
  const error = ref(null)
  const loading = ref(false)
  const filters = ref({})
  let requestId = 0

  async function load() {
    const id = ++requestId
    loading.value = true
    error.value = null
    try {
      const data = await fetch(filters.value, page.value - 1, pageSize)
      if (id === requestId) result.value = data
    } catch (e) {
      if (id === requestId) error.value = e
    } finally {
      if (id === requestId) loading.value = false
    }
  }

  /** Starts again from the first page with other filters. */
  function search(next) {
    filters.value = { ...next }
    page.value = 1
    return load()
  }

  return { page, result, error, loading, filters, load, search, pageSize }
}
