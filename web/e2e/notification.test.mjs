// Browser test of notifications (消息提醒): the township center dispatches an event to the city management bureau,
// whose handler finds it under the bell in the header, opens the event from there (read now), and marks the rest
// read with 全部已读.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const GRID = '421381101001101'
const CGJ = '421381-cgj'

let browser
let page
const errors = []
const run = Date.now().toString(36)

before(async () => {
  browser = await launchBrowser()
  page = browser.page
  page.on('pageerror', (error) => errors.push(error.message))
})

after(async () => {
  await browser?.close()
})

/** Makes a move through the API with the version the event has now. */
async function move(id, name, extra = {}) {
  const event = await fetchInPage(page, `/api/events/${id}`)
  const moved = await fetchInPage(page, `/api/events/${id}/${name}`, 'POST', { version: event.body.version, ...extra })
  assert.equal(moved.status, 200, JSON.stringify(moved.body))
}

/** Reports an event in the township as its operator and dispatches it to the department; answers the event. */
async function dispatchedEvent(name) {
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  const [lon, lat] = grid.body.labelPoint
  const reported = await fetchInPage(page, '/api/events', 'POST', {
    requestId: `e2e-${run}-${name}`,
    title: `门店占道经营 ${run} ${name}`,
    categoryCode: '0406',
    lon,
    lat,
  })
  assert.equal(reported.status, 201, JSON.stringify(reported.body))
  await move(reported.body.id, 'accept')
  await move(reported.body.id, 'dispatch', { assignee: CGJ, note: '请当日处置' })
  return reported.body
}

/** The caller's unread DISPATCHED notification about an event, waiting for it: it is written just after the commit. */
async function dispatchNotice(eventId) {
  for (let i = 0; i < 50; i++) {
    const unread = await fetchInPage(page, '/api/notifications?unread=true&size=50')
    const found = unread.body.content.find((n) => n.eventId === eventId && n.kind === 'DISPATCHED')
    if (found) return found
    await page.waitForTimeout(200)
  }
  assert.fail(`no DISPATCHED notification about event ${eventId}`)
}

test('the department hears of a dispatch under the bell and opens the event from there', async () => {
  await page.goto(BASE_URL)
  await signIn(page, 'yz.operator')
  const first = await dispatchedEvent('first')
  const second = await dispatchedEvent('second')

  await signOut(page)
  await signIn(page, 'dept.handler')
  const notice = await dispatchNotice(first.id)
  const other = await dispatchNotice(second.id)
  assert.match(notice.title, /已派遣至本单位，请签收/)

  const bell = page.getByTestId('notification-bell')
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="notification-bell"]')?.dataset.count) >= 2)
  assert.ok(await bell.locator('.el-badge__content').isVisible(), 'the badge shows the unread count')
  await bell.click()
  const item = page.locator(`[data-testid="notification-item"][data-id="${notice.id}"]`)
  await item.waitFor()
  assert.equal(await item.getAttribute('data-read'), 'false')
  await settleTransitions(page)
  await screenshot(page, 'notification-bell.png')

  await item.click()
  await page.waitForURL(new RegExp(`#/events/${first.id}$`))
  await page.getByTestId('event-detail-serial').getByText(first.serialNumber).waitFor()
  const read = await fetchInPage(page, '/api/notifications?size=50')
  assert.ok(read.body.content.find((n) => n.id === notice.id).readAt, 'opening it marked it read')

  await bell.click()
  await page.locator(`[data-testid="notification-item"][data-id="${notice.id}"][data-read="true"]`).waitFor()
  await page.locator(`[data-testid="notification-item"][data-id="${other.id}"][data-read="false"]`).waitFor()
  await page.getByTestId('notification-read-all').click()
  await page.locator(`[data-testid="notification-item"][data-id="${other.id}"][data-read="true"]`).waitFor()
  await page.waitForFunction(() => document.querySelector('[data-testid="notification-bell"]')?.dataset.count === '0')
  // No badge once all are read (it fades out).
  await bell.locator('.el-badge__content').waitFor({ state: 'hidden' })
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test('roles without notifications have no bell', async () => {
  await signOut(page)
  await signIn(page, 'auditor')
  await page.getByTestId('user-name').waitFor()
  assert.equal(await page.getByTestId('notification-bell').count(), 0)
})
