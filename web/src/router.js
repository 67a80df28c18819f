import { createRouter, createWebHashHistory } from 'vue-router'
import AppLayout from './shell/AppLayout.vue'
// Loaded with the application, not lazily: while a password has expired the server refuses everything but
// /api/auth/**, and a chunk fetched then could not load.
import LoginPage from './shell/LoginPage.vue'
import PasswordPage from './shell/PasswordPage.vue'
import { setAuthHandlers } from './common/http.js'
import { can, firstAllowedPath, forget, loadSession, safeRedirect, session, suits } from './shell/session.js'

// Each module may contribute routes in src/modules/<name>/routes.js (default export: array); a route names the
// permission it needs in meta.permission, and whom else it suits in meta.when(user), like the module's menu entry.
const files = import.meta.glob('./modules/*/routes.js', { eager: true })
const allModuleRoutes = Object.values(files).flatMap((module) => module.default || [])
// A route with meta.bare (a wall display) fills the window by itself, without the console's header and menu.
const moduleRoutes = allModuleRoutes.filter((route) => !route.meta?.bare)
const bareRoutes = allModuleRoutes.filter((route) => route.meta?.bare)

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/login', name: 'login', component: LoginPage, meta: { public: true } },
    { path: '/password', name: 'password', component: PasswordPage },
    {
      path: '/',
      component: AppLayout,
      children: [
        // Where '/' leads is decided by the guard below: the first menu entry the user may use.
        { path: '', name: 'home', component: () => import('./shell/ForbiddenPage.vue') },
        { path: '/forbidden', name: 'forbidden', component: () => import('./shell/ForbiddenPage.vue') },
        ...moduleRoutes,
      ],
    },
    ...bareRoutes,
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})

const home = () => firstAllowedPath() ?? { name: 'forbidden' }
const withRedirect = (name, to) => ({ name, query: to.fullPath && to.fullPath !== '/' ? { redirect: to.fullPath } : {} })

router.beforeEach(async (to) => {
  if (to.meta.public) {
    // Someone already signed in who opens the sign-in page goes on to the application.
    if (to.name === 'login' && session.loaded && session.user) return safeRedirect(to.query.redirect) ?? home()
    return true
  }
  const user = await loadSession()
  if (!user) return withRedirect('login', to)
  if (user.passwordExpired && to.name !== 'password') return withRedirect('password', to)
  if (to.name === 'home') return home()
  if (!can(to.meta.permission) || !suits(to.meta)) return to.name === 'forbidden' ? true : home()
  return true
})

// Any call answering 401 means the session is gone: sign in again, then come back here.
setAuthHandlers({
  unauthenticated() {
    const current = router.currentRoute.value
    forget()
    if (!current.meta.public) router.push(withRedirect('login', current))
  },
  passwordExpired() {
    const current = router.currentRoute.value
    if (session.user) session.user.passwordExpired = true
    if (current.name !== 'password') router.push(withRedirect('password', current))
  },
})
