// One page of an event list at a time: the filters, the page number and the answer, with stale answers dropped.
import { ref } from 'vue'
import { listEvents } from './api.js'

export function useEventPage(pageSize = 20) {
  const page = ref(1)
  const result = ref(null)
  const error = ref(null)
  const loading = ref(false)
  let filters = {}
  let requestId = 0

  async function load() {
    const id = ++requestId
    loading.value = true
    error.value = null
    try {
      const data = await listEvents(filters, page.value - 1, pageSize)
      if (id === requestId) result.value = data
    } catch (e) {
      if (id === requestId) error.value = e
    } finally {
      if (id === requestId) loading.value = false
    }
  }

  /** Starts again from the first page with other filters. */
  function search(next) {
    filters = { ...next }
    page.value = 1
    return load()
  }

  return { page, result, error, loading, load, search, pageSize }
}
