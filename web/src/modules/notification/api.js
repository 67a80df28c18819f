// REST client of the notification module: the signed-in user's notifications, their unread count, marking read.
import { getJson, postJson } from '@/common/http.js'

const enc = encodeURIComponent

/** GET /api/notifications: one page, newest first; only the unread ones when unread is true. */
export const listNotifications = ({ unread, page = 0, size = 10 } = {}) => getJson('/api/notifications', { unread, page, size })

/** GET /api/notifications/unread-count: { count }. */
export const getUnreadCount = () => getJson('/api/notifications/unread-count')

/** POST /api/notifications/{id}/read: the notification, read. */
export const markRead = (id) => postJson(`/api/notifications/${enc(id)}/read`)

/** POST /api/notifications/read-all?upTo=: marks the unread ones up to that id (all without it); { marked }. */
export const markAllRead = (upTo) => postJson('/api/notifications/read-all', null, { upTo })
