import { decidesOrAsks, notGridWorker } from './audience.js'

export default [
  {
    path: '/assessment/rankings',
    name: 'assessment-rankings',
    component: () => import('./RankingsPage.vue'),
    meta: { permission: 'assessment:read', when: notGridWorker },
  },
  {
    path: '/assessment/scores/:subject',
    name: 'assessment-score',
    component: () => import('./ScorePage.vue'),
    props: true,
    meta: { permission: 'assessment:read' },
  },
  {
    path: '/assessment/adjustments',
    name: 'assessment-adjustments',
    component: () => import('./AdjustmentsPage.vue'),
    meta: { permission: 'assessment:read', when: decidesOrAsks },
  },
  {
    path: '/assessment/bulletin',
    name: 'assessment-bulletin',
    component: () => import('./BulletinPage.vue'),
    meta: { permission: 'assessment:read', when: notGridWorker },
  },
  {
    // Open to anyone signed in: the page itself tells those without assessment:manage why they cannot keep schemes.
    path: '/assessment/schemes',
    name: 'assessment-schemes',
    component: () => import('./SchemesPage.vue'),
  },
]
