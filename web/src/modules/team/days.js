// Days as the platform counts them: in China's time zone, written 2026-12-03.
const DAY = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' })

/** Today, 2026-12-03. */
export const today = () => DAY.format(new Date())

/** A member's or cadre's period for people: "2025-01-01 起" or "2025-01-01 – 2025-06-01". */
export const period = (from, to, t) => (to ? `${from} – ${to}` : t('team.periodOpen', { from }))
