// REST client of the working calendar (/api/calendar): a year's holidays and 调休 working days, whether the coming
// year is entered, who changed which day, and — for county-level keepers (rules:write) — reading the State Council
// notice and entering a whole year.
import { getAllPages, getJson, postJson, putJson } from '@/common/http.js'

/** GET /api/calendar?year=: every exception day of the year ({ day, kind HOLIDAY|WORKDAY, name }), in order. */
export async function getCalendarYear(year) {
  const { items } = await getAllPages('/api/calendar', { year }, 366)
  return items
}

/**
 * GET /api/calendar/status: { today, year, yearEntered, nextYear, nextYearEntered, warnFrom, warning, enteredYears };
 * warning is YEAR_MISSING, NEXT_YEAR_MISSING (from 1 November) or null.
 */
export const getCalendarStatus = () => getJson('/api/calendar/status')

/** GET /api/calendar/changes?year=: one page of the changes of the year's days, newest first. */
export const getCalendarChanges = (year, page = 0, size = 20) => getJson('/api/calendar/changes', { year, page, size })

/** POST /api/calendar/notice-reading: the days a pasted notice names ({ year, days, problems }); saves nothing. */
export const readNotice = (year, text) => postJson('/api/calendar/notice-reading', { year, text })

/** PUT /api/calendar/years/{year}: the year's exception days become exactly `days`; provisional deadlines are recounted. */
export const enterYear = (year, days) => putJson(`/api/calendar/years/${encodeURIComponent(year)}`, { days })
