// Names, colours and needs of the event workflow shared by the event pages.

export const STATUSES = ['REPORTED', 'ACCEPTED', 'DISPATCHED', 'CLAIMED', 'FEEDBACK', 'CLOSED', 'REJECTED', 'SUSPENDED', 'ARCHIVED']
export const URGENCIES = ['NORMAL', 'URGENT', 'EMERGENCY']
export const BOXES = ['todo', 'reported', 'overdue', 'supervised', 'visit', 'done', 'all']
/** Boxes a link may open (the home page's figures) that get a tab only while shown. */
export const EXTRA_BOXES = ['delay', 'returned']
export const SOURCES = ['GRID_WORKER', 'RESIDENT_WEB', 'HOTLINE', 'API']
export const CARDS = ['YELLOW', 'RED']

/** Marker and legend colour of each status on the event map. */
export const STATUS_COLORS = {
  REPORTED: '#e6a23c',
  ACCEPTED: '#409eff',
  DISPATCHED: '#8e44ad',
  CLAIMED: '#1f6fd1',
  FEEDBACK: '#00a3a3',
  CLOSED: '#67c23a',
  REJECTED: '#909399',
  SUSPENDED: '#b88230',
  ARCHIVED: '#5f6b7a',
}

/** Element Plus tag type of each status. */
export const STATUS_TAGS = {
  REPORTED: 'warning',
  ACCEPTED: 'primary',
  DISPATCHED: 'primary',
  CLAIMED: 'primary',
  FEEDBACK: 'warning',
  CLOSED: 'success',
  REJECTED: 'info',
  SUSPENDED: 'info',
  ARCHIVED: 'info',
}

export const URGENCY_TAGS = { NORMAL: 'info', URGENT: 'warning', EMERGENCY: 'danger' }

/** Deadline card colours (绿牌 / 黄牌 / 红牌). */
export const CARD_COLORS = { GREEN: '#3bb143', YELLOW: '#f0b400', RED: '#e03131' }

/** Moves whose reason or result is required. */
export const NOTE_REQUIRED = ['REJECT', 'RESOLVE', 'ESCALATE', 'RETURN', 'FEEDBACK', 'VERIFY_FAIL', 'SUSPEND', 'REOPEN', 'SUPERVISE']

/** Button type of each move on the detail page: the usual way forward stands out, turning back is muted. */
export const MOVE_BUTTONS = {
  ACCEPT: 'primary',
  DISPATCH: 'primary',
  CLAIM: 'primary',
  FEEDBACK: 'primary',
  VERIFY_PASS: 'success',
  RESOLVE: 'success',
  RATE: 'primary',
  REJECT: 'danger',
  VERIFY_FAIL: 'warning',
  RETURN: 'warning',
  ESCALATE: 'warning',
  SUPERVISE: 'danger',
}

export const SUPERVISIONS = ['NORMAL', 'YELLOW', 'RED']

/** An ISO instant as local date and time to the minute, or — when absent. */
export function formatTime(value, locale) {
  if (!value) return '—'
  const date = new Date(value)
  if (Number.isNaN(date.getTime())) return value
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(date)
}

/** How long until (positive) or since (negative) a deadline, as { overdue, hours, minutes }; null without one. */
export function timeLeft(deadline, now = Date.now()) {
  if (!deadline) return null
  const ms = new Date(deadline).getTime() - now
  if (Number.isNaN(ms)) return null
  const total = Math.floor(Math.abs(ms) / 60000)
  return { overdue: ms < 0, days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 }
}

/** A label by i18n key prefix, or the raw value when there is no translation. */
export const labelOf = (t, te, prefix, value) => (value && te(`${prefix}.${value}`) ? t(`${prefix}.${value}`) : value || '—')
