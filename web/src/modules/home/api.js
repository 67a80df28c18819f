// REST client of the home page (工作台): its figures come from the event module.
import { getJson } from '@/common/http.js'

/**
 * GET /api/events/overview: the caller's figures, each counted as the event list counts the query named beside it
 * (todayFrom/todayTo, monthFrom, reportedToday, reportedTodayBySource[{ source, count }], todo, toAccept, toDispatch,
 * toVerify, toClaim, inHand, overdue, yellowCards, redCards, pendingDelays, returnedThisMonth, reportedThisMonth,
 * reportedThisMonthOpen, and for those who supervise or approve assessments supervised and supervisedOverdue, null
 * for anyone else).
 */
export const getOverview = () => getJson('/api/events/overview')
