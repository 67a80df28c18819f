import { createApp, watch } from 'vue'
import 'leaflet/dist/leaflet.css'
import './style.css'
import App from './App.vue'
import { i18n } from './i18n.js'
import { router } from './router.js'
import { registerServiceWorker } from './shell/pwa.js'
import { session } from './shell/session.js'
import { ownerChanged, startOfflineQueue } from './common/offline/index.js'

document.documentElement.lang = i18n.global.locale.value
createApp(App).use(i18n).use(router).mount('#app')
registerServiceWorker()
// What was written offline is the signed-in person's: sent when they are signed in, under their session.
startOfflineQueue({ owner: () => session.user?.username ?? null })
watch(
  () => session.user?.username,
  () => ownerChanged(),
)
