// The app's service worker, written into the build as /sw.js by the build (vite.config.js, serviceWorker()), which
// fills in the build's version and the files of its app shell. It keeps the shell (index.html, the built scripts and
// styles, icons, manifest) so that the app starts without a network; it never keeps an answer of /api (a page's
// data is always the server's, and what a person writes offline waits in IndexedDB, not here). A new build installs
// beside the old one under a new cache name and waits until the page says to take over (the page's 'new version'
// prompt); then the old caches are dropped.
const VERSION = '__VERSION__'
const CACHE = `gridgov-shell-${VERSION}`
const SHELL = __SHELL__

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then((cache) => cache.addAll(SHELL)))
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((n) => n.startsWith('gridgov-shell-') && n !== CACHE).map((n) => caches.delete(n))))
      .then(() => self.clients.claim()),
  )
})

self.addEventListener('message', (event) => {
  if (event.data === 'skip-waiting') self.skipWaiting()
  if (event.data === 'version') event.source?.postMessage({ version: VERSION })
})

self.addEventListener('fetch', (event) => {
  const request = event.request
  if (request.method !== 'GET') return
  const url = new URL(request.url)
  if (url.origin !== self.location.origin) return
  if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/actuator/')) return
  if (request.mode === 'navigate') {
    // The page itself from the network when there is one (a new build shows at once), else the kept shell.
    event.respondWith(fetch(request).catch(() => caches.match('/index.html', { cacheName: CACHE })))
    return
  }
  event.respondWith(caches.match(request, { cacheName: CACHE }).then((kept) => kept || fetch(request)))
})
