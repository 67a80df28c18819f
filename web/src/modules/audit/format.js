// Formatting of audit times (to the second, local time).

/** An ISO instant as local date and time with seconds, or — when absent. */
export function formatTime(value, locale) {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'medium' }).format(date)
}

/** The instant of a date picked in the browser, with its offset, as the server wants it (ISO-8601). */
export const toInstant = (date) => (date ? new Date(date).toISOString() : undefined)
