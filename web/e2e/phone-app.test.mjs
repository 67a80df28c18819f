// Browser test of the phone app at 390 px: the manifest and the service worker (served with the right types and
// never cached long) make the console an installable app; a grid worker gets the bottom navigation; offline, an event
// report with a photo and a follow-up visit are kept on the phone (已保存，联网后自动上报) and listed under 我的 with a
// count on its tab; back online, both land exactly once (one event with that request id, its photo attached once,
// one follow-up), and the queue empties. A refusal (4xx) stays in the queue with the server's reason.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/phone-app.test.mjs
import { test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { BASE_URL, fetchInPage, freshBrowser, idNumber, PHONE, pickCategory, screenshot, settleTransitions, signIn } from './support.mjs'

const GRID = '421381101001101'
const run = Date.now().toString(36)

/** A small real PNG (the app's icon) as a photo to attach. */
function photoFile() {
  const file = path.join(os.tmpdir(), `phone-photo-${run}.png`)
  fs.copyFileSync(new URL('../public/icons/icon-192.png', import.meta.url), file)
  return file
}

/** Fills the report form: a title, 占道经营, the point and one photo. */
async function fillReport(page, title, lon, lat) {
  await page.getByTestId('event-title').fill(title)
  await pickCategory(page, '街面秩序', '占道经营')
  await page.getByTestId('event-lon').fill(String(lon))
  await page.getByTestId('event-lat').fill(String(lat))
  await page.getByTestId('event-photos').locator('input[type=file]').setInputFiles(photoFile())
  await page.locator('[data-testid="event-photos"][data-count="1"]').waitFor()
}

async function noSidewaysScroll(page, what) {
  const [doc, main, inner] = await page.evaluate(() => [
    document.documentElement.scrollWidth - window.innerWidth,
    ...[document.querySelector('.app-main')].map((el) => (el ? el.scrollWidth - el.clientWidth : 0)),
    window.innerWidth,
  ])
  assert.ok(doc <= 0 && main <= 0, `${what}: no sideways scrolling at ${inner} px (document +${doc}, main +${main})`)
}

test('the app installs, and what a grid worker records offline lands once when the network returns', async () => {
  const { context, page, errors } = await freshBrowser(PHONE)
  await page.goto(BASE_URL)
  await signIn(page, 'grid.worker')

  // Installable: the manifest, its icons and the worker, with their types; the worker and the page never cached long.
  const served = await page.evaluate(async () => {
    const head = async (url) => {
      const r = await fetch(url, { cache: 'no-store' })
      return { status: r.status, type: r.headers.get('content-type'), cache: r.headers.get('cache-control'), body: await r.text() }
    }
    return {
      link: document.querySelector('link[rel=manifest]')?.getAttribute('href'),
      manifest: await head('/manifest.webmanifest'),
      worker: await head('/sw.js'),
      icon: await head('/icons/maskable-512.png'),
      page: await head('/'),
    }
  })
  assert.equal(served.link, '/manifest.webmanifest')
  assert.match(served.manifest.type, /application\/manifest\+json/)
  const manifest = JSON.parse(served.manifest.body)
  assert.equal(manifest.name, '网格化服务管理平台')
  assert.equal(manifest.display, 'standalone')
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.purpose === 'maskable'))
  assert.match(served.worker.type, /javascript/)
  assert.match(served.worker.cache, /no-cache/)
  assert.match(served.page.cache, /no-cache/)
  assert.equal(served.icon.status, 200)
  // Ready only once the whole app shell is kept: a file of the shell list that the server lacks fails the install.
  const worker = await page.evaluate(async () => {
    const registration = await Promise.race([navigator.serviceWorker.ready, new Promise((resolve) => setTimeout(resolve, 15_000))])
    return { scope: registration?.scope, state: registration?.active?.state }
  })
  assert.equal(worker.scope, `${BASE_URL}/`)
  // Kept pages come from the worker from the next load on.
  await page.reload()
  await page.getByTestId('phone-nav').waitFor()
  assert.ok(await page.evaluate(() => Boolean(navigator.serviceWorker.controller)), 'the page is controlled by the worker')

  // The bottom navigation: 工作台, 上报, 走访, 我的, and 巡查 where this build has its page.
  const tabs = await page.getByTestId('phone-nav').locator('[data-testid^="phone-tab-"]').evaluateAll((links) =>
    links.map((a) => a.dataset.testid.slice('phone-tab-'.length)))
  for (const tab of ['home', 'report', 'visit', 'me']) assert.ok(tabs.includes(tab), `tab ${tab} in ${tabs}`)
  const header = await page.locator('.app-header').evaluate((el) => el.scrollWidth - el.clientWidth)
  assert.ok(header <= 0, `the header fits: +${header}`)

  // A person in the worker's grid, registered in a special group, to visit.
  const resident = await fetchInPage(page, '/api/registry/residents', 'POST', { gridCode: GRID, name: `离线走访${run}`, idNumber: idNumber('198505'), kind: 'REGISTERED' })
  assert.equal(resident.status, 201, JSON.stringify(resident.body))
  const member = await fetchInPage(page, '/api/registry/special-groups', 'POST', {
    residentId: resident.body.id, groupCode: 'KEY_YOUTH', attentionLevel: 'MEDIUM', frequencyDays: 7, details: { youthType: '02' },
  })
  assert.equal(member.status, 201, JSON.stringify(member.body))
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  const [lon, lat] = grid.body.labelPoint

  // The report page loads its categories once online (kept on the phone for later), then the network goes.
  await page.getByTestId('phone-tab-report').click()
  await page.waitForURL(/#\/events\/report/)
  await pickCategory(page, '街面秩序', '占道经营')
  await page.goto(`${BASE_URL}/#/registry/groups/special/${member.body.id}`)
  await page.getByTestId('follow-up-form').waitFor()
  await noSidewaysScroll(page, 'a person in a group')

  await context.setOffline(true)
  await page.getByTestId('follow-up-content').fill(`离线入户走访 ${run}`)
  await page.getByTestId('follow-up-submit').click()
  await page.locator('.offline-saved').getByText('已保存，联网后自动上报').waitFor()

  await page.getByTestId('phone-tab-report').click()
  await page.waitForURL(/#\/events\/report/)
  const title = `离线上报 ${run}`
  await fillReport(page, title, lon, lat)
  assert.equal(await page.getByTestId('event-photos').locator('input[type=file]').getAttribute('capture'), 'environment')
  await noSidewaysScroll(page, 'the report form')
  await page.getByTestId('event-submit').click()
  const queued = page.getByTestId('event-queued')
  await queued.getByText('已保存，联网后自动上报').waitFor()
  const requestId = await queued.getAttribute('data-request-id')
  assert.match(requestId, /^[0-9a-f-]{36}$/)

  // 我的: both wait, in the order they were made, with a count on the tab.
  await page.getByTestId('phone-queue-badge').getByText('2').waitFor()
  await page.getByTestId('phone-tab-me').click()
  await page.locator('[data-testid="offline-queue"][data-count="2"]').waitFor()
  const kinds = await page.getByTestId('offline-item').evaluateAll((items) => items.map((i) => i.dataset.kind))
  assert.deepEqual(kinds, ['follow-up', 'event-report'])
  await page.getByTestId('offline-state').waitFor()
  await noSidewaysScroll(page, '我的 with its queue')
  await settleTransitions(page)
  await screenshot(page, 'phone-queue-offline.png')

  // Back online: both land once, and the queue empties.
  await context.setOffline(false)
  await page.locator('[data-testid="offline-queue"][data-count="0"]').waitFor({ timeout: 30_000 })
  await page.getByTestId('offline-landed').first().waitFor()
  await settleTransitions(page)
  await screenshot(page, 'phone-queue-landed.png')

  const found = await fetchInPage(page, `/api/events?box=reported&size=100`)
  assert.equal(found.status, 200, JSON.stringify(found.body))
  const mine = found.body.content.filter((e) => e.title === title)
  assert.equal(mine.length, 1, `one event: ${JSON.stringify(mine.map((e) => e.id))}`)
  // Sending the same request again answers the same event: the request id is the one the server knows.
  const again = await fetchInPage(page, '/api/events', 'POST', { requestId, title, categoryCode: '0406', lon, lat })
  assert.equal(again.body.id, mine[0].id)
  const photos = await fetchInPage(page, `/api/events/${mine[0].id}/attachments`)
  assert.equal(photos.body.content.length, 1, 'the photo is attached once')
  const visits = await fetchInPage(page, `/api/registry/special-groups/${member.body.id}/follow-ups`)
  assert.equal(visits.body.content.filter((f) => f.content === `离线入户走访 ${run}`).length, 1, 'the visit is recorded once')

  // A refusal is final: kept with the server's reason, to edit or delete.
  await context.setOffline(true)
  await page.getByTestId('phone-tab-report').click()
  await page.getByTestId('event-title').fill(`离线上报（范围外）${run}`)
  await pickCategory(page, '街面秩序', '占道经营')
  await page.getByTestId('event-lon').fill('100.0')
  await page.getByTestId('event-lat').fill('20.0')
  await page.getByTestId('event-submit').click()
  await page.getByTestId('event-queued').waitFor()
  await context.setOffline(false)
  await page.getByTestId('phone-tab-me').click()
  const refused = page.locator('[data-testid="offline-item"][data-status="failed"]')
  await refused.waitFor({ timeout: 30_000 })
  assert.ok((await refused.getByTestId('offline-reason').innerText()).length > 4, 'the server says why')
  await screenshot(page, 'phone-queue-refused.png')
  await refused.getByTestId('offline-remove').click()
  await page.locator('.el-message-box').getByRole('button', { name: /确定|OK/ }).click()
  await page.locator('[data-testid="offline-queue"][data-count="0"]').waitFor()
  assert.deepEqual(errors, [])
})

test('a photo whose answer was lost is not sent twice', async () => {
  // Without the service worker, so that the test sees the page's own requests.
  const { context, page, errors } = await freshBrowser({ ...PHONE, serviceWorkers: 'block' })
  await page.goto(BASE_URL)
  await signIn(page, 'grid.worker')
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  const [lon, lat] = grid.body.labelPoint
  // The first upload reaches the server, but its answer is lost on the way back.
  let lost = 0
  await context.route('**/api/events/*/attachments', async (route) => {
    if (route.request().method() !== 'POST' || lost > 0) return route.continue()
    lost += 1
    await route.fetch()
    await route.abort('connectionreset')
  })
  await page.goto(`${BASE_URL}/#/events/report`)
  const title = `照片应答丢失 ${run}`
  await fillReport(page, title, lon, lat)
  await page.getByTestId('event-submit').click()
  await page.getByTestId('event-queued').waitFor()
  assert.equal(lost, 1)

  await page.getByTestId('phone-tab-me').click()
  await page.locator('[data-testid="offline-queue"][data-count="1"]').waitFor()
  await page.getByTestId('offline-send-now').click()
  await page.locator('[data-testid="offline-queue"][data-count="0"]').waitFor({ timeout: 30_000 })
  const found = await fetchInPage(page, '/api/events?box=reported&size=100')
  const mine = found.body.content.filter((e) => e.title === title)
  assert.equal(mine.length, 1)
  const photos = await fetchInPage(page, `/api/events/${mine[0].id}/attachments`)
  assert.equal(photos.body.content.length, 1, 'the photo the server kept is not sent again')
  assert.deepEqual(errors, [])
})
