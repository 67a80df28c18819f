// The bell's unread count, asked once a minute. Only while the page is visible and someone has used it lately: a
// request touches the session, and a bell that asked on its own would keep an unattended console signed in past
// the idle timeout (server.servlet.session.timeout).
import { onBeforeUnmount, ref, watch } from 'vue'
import { getUnreadCount } from './api.js'

const INTERVAL_MS = 60_000
/** Shorter than the session's idle timeout (30 min by default), so that an idle session still ends on time. */
const IDLE_MS = 10 * 60_000
const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart']

/** @param enabled a getter: whether the user may read notifications (polls only then) */
export function useUnreadCount(enabled) {
  const count = ref(0)
  let timer = null
  let lastActive = Date.now()
  let asking = false

  async function refresh() {
    if (!enabled() || asking) return
    asking = true
    try {
      count.value = (await getUnreadCount()).count ?? 0
    } catch {
      // The next tick asks again; a lost session is handled by the 401 handler of http.js.
    } finally {
      asking = false
    }
  }

  const idle = () => Date.now() - lastActive > IDLE_MS
  const tick = () => {
    if (document.visibilityState === 'visible' && !idle()) refresh()
  }
  const onActivity = () => {
    const wasIdle = idle()
    lastActive = Date.now()
    if (wasIdle) refresh()
  }
  const onVisibility = () => document.visibilityState === 'visible' && onActivity()

  function start() {
    stop()
    lastActive = Date.now()
    refresh()
    timer = window.setInterval(tick, INTERVAL_MS)
    ACTIVITY.forEach((name) => window.addEventListener(name, onActivity, { passive: true }))
    document.addEventListener('visibilitychange', onVisibility)
  }

  function stop() {
    if (timer) window.clearInterval(timer)
    timer = null
    ACTIVITY.forEach((name) => window.removeEventListener(name, onActivity))
    document.removeEventListener('visibilitychange', onVisibility)
  }

  watch(
    enabled,
    (on) => {
      if (on) {
        start()
      } else {
        stop()
        count.value = 0
      }
    },
    { immediate: true },
  )
  onBeforeUnmount(stop)
  return { count, refresh }
}
