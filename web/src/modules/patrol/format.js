// How patrol figures read: 1.23 km / 850 m, 1:05:09, 37 %.
export const distance = (metres) => (metres >= 1000 ? `${(metres / 1000).toFixed(2)} km` : `${Math.round(metres || 0)} m`)

export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds || 0))
  const pad = (n) => String(n).padStart(2, '0')
  return `${Math.floor(s / 3600)}:${pad(Math.floor((s % 3600) / 60))}:${pad(s % 60)}`
}

export const share = (value) => (value == null ? '—' : `${Math.round(value * 100)} %`)

export const dateTime = (iso) => (iso ? new Date(iso).toLocaleString('zh-CN', { hour12: false }) : '—')
