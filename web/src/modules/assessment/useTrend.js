// The scores of one subject over the periods up to one (six by default), for a trend line, asked of the server in one
// request; a period the subject was not assessed in has no value. An answer that comes after a later request is
// dropped, so that switching subjects quickly never shows the wrong one.
import { ref } from 'vue'
import { getTrend } from './api.js'
import { periodLabel } from './period.js'

export function useTrend(t) {
  const points = ref([])
  const loading = ref(false)
  const error = ref(null)
  let latest = 0

  async function load(subject, period, count = 6) {
    const asked = ++latest
    loading.value = true
    error.value = null
    try {
      const { content } = await getTrend(subject, period, count)
      if (asked !== latest) return
      points.value = content.map((p) => ({ period: p.period, label: periodLabel(p.period, t), value: p.score, grade: p.grade, veto: p.veto }))
    } catch (e) {
      if (asked !== latest) return
      error.value = e
      points.value = []
    } finally {
      if (asked === latest) loading.value = false
    }
  }

  return { points, loading, error, load }
}
