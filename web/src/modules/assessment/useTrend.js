// The scores of one subject over the periods up to one (six by default), for a trend line; a period the subject
// cannot be scored in (not in scope then, or refused) counts as not assessed.
import { ref } from 'vue'
import { getScore } from './api.js'
import { periodLabel, periodsUpTo } from './period.js'

export function useTrend(t) {
  const points = ref([])
  const loading = ref(false)

  async function load(subject, period, count = 6) {
    loading.value = true
    try {
      const periods = periodsUpTo(period, count)
      const scores = await Promise.all(periods.map((p) => getScore(subject, p).catch(() => null)))
      points.value = periods.map((p, i) => ({ period: p, label: periodLabel(p, t), value: scores[i]?.score ?? null }))
    } finally {
      loading.value = false
    }
  }

  return { points, loading, load }
}
