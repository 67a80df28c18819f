// Whether the working calendar holds this year and, from 1 November, the next: asked once for calendar keepers (who
// see the banner) and again after they enter a year, shared by the banner and the calendar page.
import { ref } from 'vue'
import { getCalendarStatus } from './calendarApi.js'

export const calendarStatus = ref(null)

/** Asks the server again; a failure leaves the last answer (the banner is a reminder, not a gate). */
export async function refreshCalendarStatus() {
  try {
    calendarStatus.value = await getCalendarStatus()
  } catch {
    // Keep what was known.
  }
  return calendarStatus.value
}

/** The year the warning is about, or null: this year when it is missing, else the next. */
export function missingYear(status) {
  if (!status?.warning) return null
  return status.warning === 'YEAR_MISSING' ? status.year : status.nextYear
}
