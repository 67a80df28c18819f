// How scores and figures are shown: grades as coloured tags, rates in per cent with one decimal, counts as they are.

/** Element Plus tag types of the grades: 优秀 green, 良好 blue, 合格 orange, 不合格 red. */
export const GRADE_TAGS = { EXCELLENT: 'success', GOOD: 'primary', PASS: 'warning', FAIL: 'danger' }

/** The figures shown beside each row of a ranking, by level (3–4 that say most about the level). */
export const KEY_INDICATORS = {
  WORKER: ['REPORTS', 'VALID_REPORTS', 'ON_THE_SPOT', 'SATISFACTION'],
  DEPARTMENT: ['CLOSE_RATE', 'ON_TIME_HANDLE', 'RETURNS', 'SATISFACTION'],
  region: ['REPORTS', 'CLOSE_RATE', 'ON_TIME_CLOSE', 'SATISFACTION'],
}

export const keyIndicators = (level) => KEY_INDICATORS[level] || KEY_INDICATORS.region

const isRate = (figure) => figure.kind === 'RATE' || figure.kind === 'INVERSE_RATE'

/** A figure's value: a rate in per cent with one decimal, a quota as reached / target, otherwise the count. */
export function figureValue(figure) {
  if (!figure) return '—'
  if (figure.kind === 'QUOTA') return `${figure.numerator} / ${figure.denominator}`
  if (figure.value === null || figure.value === undefined) return '—'
  return isRate(figure) ? `${figure.value.toFixed(1)}%` : String(Math.round(figure.value * 100) / 100)
}

/**
 * How many events stand behind a figure: the reports of a quota, the base of anything else; none for the registry
 * figures, which count base data and have no events list.
 */
export const eventCount = (figure) =>
  figure.countsEvents === false ? 0 : figure.kind === 'QUOTA' ? figure.numerator : figure.denominator

/** A figure's label in the locale. */
export const figureLabel = (figure, locale) => (locale === 'en' ? figure.labelEn : figure.label) || figure.indicator

/** A score with two decimals at most, or — when not assessed. */
export const scoreText = (score) => (score === null || score === undefined ? '—' : String(Math.round(score * 100) / 100))

/** Places gained: ↑2, ↓1, or — when unchanged or not ranked before. */
export function changeText(change) {
  if (!change) return '—'
  return change > 0 ? `↑${change}` : `↓${-change}`
}

/** The level below a region subject, for drilling down (none for grids, workers and departments). */
export const LEVEL_BELOW = { COUNTY: 'TOWNSHIP', TOWNSHIP: 'VILLAGE', VILLAGE: 'GRID' }

/** A row's figure of one indicator. */
export const figureOf = (score, indicator) => score?.indicators?.find((f) => f.indicator === indicator)

/** A local date and time. */
export function formatTime(value, locale) {
  if (!value) return '—'
  return new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' }).format(new Date(value))
}
