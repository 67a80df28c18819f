import { isCenter } from './audience.js'

// Bare: the screen fills a wall display by itself, without the console's header and menu.
export default [
  {
    path: '/screen',
    name: 'command-screen',
    component: () => import('./CommandScreenPage.vue'),
    meta: { permission: 'event:read', when: isCenter, bare: true },
  },
]
