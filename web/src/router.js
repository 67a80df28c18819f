import { createRouter, createWebHashHistory } from 'vue-router'
import { menuEntries } from './shell/menu.js'

// Each module may contribute routes in src/modules/<name>/routes.js (default export: array).
const files = import.meta.glob('./modules/*/routes.js', { eager: true })
const moduleRoutes = Object.values(files).flatMap((module) => module.default || [])

export const router = createRouter({
  history: createWebHashHistory(),
  routes: [
    { path: '/', redirect: menuEntries[0]?.path || '/region' },
    ...moduleRoutes,
    { path: '/:pathMatch(.*)*', redirect: '/' },
  ],
})
