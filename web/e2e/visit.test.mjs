// Browser test of visits (走访): on a 390-px phone a grid worker opens the plan (the 走访 tab), records a visit of the
// first record due with a photo and the phone's position, then records one without a network, which is kept on the
// phone and lands once when the network returns; the visits show in the list and on the place's page; on a desktop
// a county operator reads the schedules and a township operator's plan asks for a village or grid first.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/visit.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts
// (password GridGov@2026).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, freshBrowser, PHONE, screenshot, signIn, signOut } from './support.mjs'

const GRID = '421381101001101'

/** A 1×1 PNG, as a phone's camera would give a file. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** A text field by its test id: Element Plus puts the id on the input itself or on its wrapper. */
const field = (page, id, tag = 'textarea') => page.locator(`${tag}[data-testid="${id}"], [data-testid="${id}"] ${tag}`).first()

async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${what}: no sideways scrolling on a phone (scrollWidth ${width})`)
}

const mine = async (page) => (await fetchInPage(page, '/api/visits?mine=true&size=1')).body.totalElements

test('a grid worker visits from the plan with a photo, then offline, and each visit lands once (phone)', async () => {
  const { context, page, errors } = await freshBrowser(PHONE)
  await signIn(page, 'grid.worker')
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  const [longitude, latitude] = grid.body.labelPoint
  await context.grantPermissions(['geolocation'], { origin: BASE_URL })
  await context.setGeolocation({ longitude, latitude, accuracy: 8 })

  await page.goto(`${BASE_URL}/#/home`)
  await page.getByTestId('phone-tab-visit').click()
  await page.getByTestId('visit-plan').waitFor()
  await page.getByTestId('visit-summary').waitFor()
  await page.getByTestId('visit-window').getByText('全部').click()
  const first = page.getByTestId('plan-card').first()
  await first.waitFor()
  const subject = (await first.getByTestId('plan-subject').innerText()).trim()
  await noSidewaysScroll(page, '走访计划')
  await screenshot(page, 'visit-plan-phone.png')

  const before = await mine(page)
  await first.getByTestId('plan-visit').click()
  await page.getByTestId('visit-form').waitFor()
  assert.equal((await page.getByTestId('visit-form-subject').innerText()).trim(), subject)
  await page.getByTestId('visit-place').getByText('已定位').waitFor()
  const content = `入户了解近况，情况稳定 ${Date.now()}`
  await field(page, 'visit-content-input').fill(content)
  await page.getByTestId('visit-photo-input').setInputFiles({ name: 'door.png', mimeType: 'image/png', buffer: PHOTO })
  await page.getByTestId('visit-form-photo').first().waitFor()
  await noSidewaysScroll(page, '记录走访')
  await page.getByTestId('visit-save').click()
  await page.getByTestId('visit-saved').waitFor()
  assert.equal(await mine(page), before + 1)
  const kept = (await fetchInPage(page, '/api/visits?mine=true&size=1')).body.content[0]
  assert.equal(kept.content, content)
  assert.equal(kept.photos.length, 1, 'the photo followed the visit')
  assert.ok(kept.lon != null, 'the position was kept')

  // Without a network: a visit outside the plan, found by name, is kept on the phone and sent once later.
  await page.getByTestId('visit-again').click()
  await page.getByTestId('visit-kind').getByText('场所').click()
  const places = (await fetchInPage(page, `/api/registry/places?gridCode=${GRID}&size=1`)).body.content
  assert.ok(places.length, 'the demo grid has places')
  await field(page, 'visit-search', 'input').fill(places[0].name.slice(0, 4))
  await page.getByTestId('visit-target').first().click()
  await page.waitForLoadState('networkidle')
  await context.setOffline(true)
  const offline = `离线走访 ${Date.now()}`
  await field(page, 'visit-content-input').fill(offline)
  await page.getByTestId('visit-photo-input').setInputFiles({ name: 'shop.png', mimeType: 'image/png', buffer: PHOTO })
  await page.getByTestId('visit-save').click()
  await page.getByTestId('visit-queued').waitFor()
  await context.setOffline(false)
  await page.goto(`${BASE_URL}/#/me`)
  await page.locator('[data-testid="offline-queue"][data-count="0"]').waitFor({ timeout: 30_000 })
  assert.equal(await mine(page), before + 2, 'the offline visit landed once')
  const landed = (await fetchInPage(page, '/api/visits?mine=true&size=1')).body.content[0]
  assert.equal(landed.content, offline)
  assert.equal(landed.photos.length, 1, 'its photo followed it')

  await page.goto(`${BASE_URL}/#/visits/list`)
  await page.getByTestId('visit-list-mine').click()
  await page.getByTestId('visit-card').filter({ hasText: offline }).waitFor()
  await noSidewaysScroll(page, '走访记录')
  await screenshot(page, 'visit-list-phone.png')
  assert.deepEqual(errors, [])
})

test('a county operator reads the schedules and a township’s plan starts from a village (desktop)', async () => {
  const { page, errors } = await freshBrowser()
  await signIn(page, 'county.operator')
  await page.goto(`${BASE_URL}/#/visits/schedules`)
  await page.getByTestId('schedule-card').first().waitFor()
  assert.ok((await page.getByTestId('schedule-card').count()) >= 5)
  assert.ok((await page.getByTestId('schedule-save').count()) >= 1, 'a county center may change them')
  await screenshot(page, 'visit-schedules.png')

  await signOut(page)
  await signIn(page, 'yz.operator')
  await page.goto(`${BASE_URL}/#/visits`)
  await page.getByTestId('visit-plan').waitFor()
  await page.getByText('请选择村（社区）或网格').waitFor()
  const plan = await fetchInPage(page, `/api/visits/plan?region=${GRID.slice(0, 12)}&window=ALL`)
  assert.equal(plan.status, 200)
  assert.ok(plan.body.totalElements > 0, 'the demo village has records to visit')
  assert.deepEqual(errors, [])
})
