// Formatting of numbers and instants shared by the region components (locale-aware).

/** "12,345 m² (0.012 km²)", or — when unknown. */
export function formatArea(m2, locale) {
  if (m2 == null) return '—'
  const m = new Intl.NumberFormat(locale).format(Math.round(m2))
  const km2 = new Intl.NumberFormat(locale, { maximumFractionDigits: 3 }).format(m2 / 1e6)
  return `${m} m² (${km2} km²)`
}

export function formatCount(value, locale) {
  return value == null ? '—' : new Intl.NumberFormat(locale).format(value)
}

/** An ISO instant in local time ("2026年11月25日 15:04"), a date-only value as it is, or — when absent. */
export function formatInstant(value, locale) {
  if (!value) return '—'
  if (!String(value).includes('T')) return value
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}
