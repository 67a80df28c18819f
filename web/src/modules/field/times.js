// Times as the platform shows them: in China's time zone.
import { fieldMessage, problemText } from '@/common/http.js'
const TIME = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hour12: false })
const MONTH = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })

const DAY_TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
})

/** 2026/12/04 08:30 of an instant in China's time, or an empty text. */
export const dayTime = (instant) => (instant ? DAY_TIME.format(new Date(instant)) : '')

/** 08:30 of an instant, or an empty text. */
export const clock = (instant) => (instant ? TIME.format(new Date(instant)) : '')

const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today, 2026-12-03. */
export const today = () => DAY.format(new Date())

/** This month, 2026-12. */
export const thisMonth = () => MONTH.format(new Date())

/** The phone's position, as a promise of { lon, lat, accuracy }; refused with a reason people can read. */
export function position() {
  return new Promise((resolve, reject) => {
    if (!navigator.geolocation) {
      reject(new Error('navigator.geolocation'))
      return
    }
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lon: p.coords.longitude, lat: p.coords.latitude, accuracy: Math.round(p.coords.accuracy ?? 0) }),
      (e) => reject(new Error(e.message || String(e.code))),
      { enableHighAccuracy: true, timeout: 15000, maximumAge: 30000 },
    )
  })
}

/** The phone as it names itself, short. */
export const device = () => (navigator.userAgentData?.platform || navigator.platform || 'browser').slice(0, 100)

/** What went wrong, for people: the first field's message when the problem names fields. */
export function reason(error, locale) {
  const first = error?.problem?.errors?.[0]
  if (first) return fieldMessage(first, locale)
  return problemText(error, locale)
}
