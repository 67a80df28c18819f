// The installable app: registers the service worker (public/… and sw-template.js) in a built application, and when
// a new build has installed beside the running one, offers to switch to it (新版本 · 刷新); the page reloads once
// the new worker has taken over. A first install takes over at once (there is nothing to switch from).
import { h } from 'vue'
import { ElButton, ElNotification } from 'element-plus'
import { i18n } from '@/i18n.js'

let asked = false

function offer(registration) {
  const t = i18n.global.t
  const note = ElNotification({
    title: t('pwa.newVersion'),
    message: h('div', { class: 'pwa-update' }, [
      h('span', t('pwa.newVersionHint')),
      h(
        ElButton,
        {
          size: 'small',
          type: 'primary',
          'data-testid': 'pwa-reload',
          onClick: () => {
            asked = true
            note.close()
            registration.waiting?.postMessage('skip-waiting')
          },
        },
        () => t('pwa.reload'),
      ),
    ]),
    duration: 0,
    position: 'bottom-right',
    customClass: 'pwa-update-note',
  })
}

/** Registers /sw.js (only in a built application: the development server has none). */
export function registerServiceWorker() {
  if (!import.meta.env.PROD || !('serviceWorker' in navigator)) return
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (asked) window.location.reload()
  })
  window.addEventListener('load', async () => {
    const registration = await navigator.serviceWorker.register('/sw.js', { scope: '/' }).catch(() => null)
    if (!registration) return
    if (registration.waiting && navigator.serviceWorker.controller) offer(registration)
    registration.addEventListener('updatefound', () => {
      const worker = registration.installing
      worker?.addEventListener('statechange', () => {
        if (worker.state === 'installed' && navigator.serviceWorker.controller) offer(registration)
      })
    })
    // A person who keeps the app open for days still hears of a new build.
    setInterval(() => registration.update().catch(() => null), 60 * 60 * 1000)
  })
}
