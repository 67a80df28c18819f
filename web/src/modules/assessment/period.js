// Assessment periods as the server writes them: a month 2026-11, a quarter 2026-Q4, a year 2026, counted in China's
// time zone; the pages default to the current month.

const MONTH = /^(\d{4})-(\d{2})$/
const QUARTER = /^(\d{4})-Q([1-4])$/
const YEAR = /^(\d{4})$/

/** The current month in China's time zone, e.g. 2026-12. */
export function currentMonth(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(now)
  const part = (type) => parts.find((p) => p.type === type).value
  return `${part('year')}-${part('month')}`
}

/** 'month' | 'quarter' | 'year'. */
export function periodKind(key) {
  if (QUARTER.test(key)) return 'quarter'
  if (YEAR.test(key)) return 'year'
  return 'month'
}

/** The period of a kind that holds a month key (2026-11 → 2026-Q4 or 2026). */
export function periodOf(kind, month) {
  const [, year, m] = month.match(MONTH)
  if (kind === 'quarter') return `${year}-Q${Math.floor((Number(m) - 1) / 3) + 1}`
  if (kind === 'year') return year
  return month
}

/** The period of the same kind before this one. */
export function previousPeriod(key) {
  let match
  if ((match = key.match(QUARTER))) {
    const [year, q] = [Number(match[1]), Number(match[2])]
    return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`
  }
  if ((match = key.match(YEAR))) return String(Number(match[1]) - 1)
  match = key.match(MONTH)
  const [year, month] = [Number(match[1]), Number(match[2])]
  return month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
}

/** The n periods of the same kind up to and including this one, oldest first. */
export function periodsUpTo(key, n) {
  const out = [key]
  while (out.length < n) out.unshift(previousPeriod(out[0]))
  return out
}

/** Whether a period has ended (only then may it be closed). */
export const hasEnded = (key, now = new Date()) => key < periodOf(periodKind(key), currentMonth(now))

/** A period as people read it, e.g. 2026年11月 / 2026年第4季度. */
export function periodLabel(key, t) {
  let match
  if ((match = key?.match(MONTH))) return t('assessment.periodLabel.month', { year: match[1], month: Number(match[2]) })
  if ((match = key?.match(QUARTER))) return t('assessment.periodLabel.quarter', { year: match[1], quarter: match[2] })
  if ((match = key?.match(YEAR))) return t('assessment.periodLabel.year', { year: match[1] })
  return key || ''
}
