// Browser test of the field day: on a 390-px phone with the position set inside their grid, a grid worker signs in
// for the day (今日: inside the grid) and writes the day's field diary with a photo (民情日志); on a desktop, the grid
// leader of the village sees the month as a matrix with the worker's day present and opens that day's records.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/field-day.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts
// (password GridGov@2026).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, freshBrowser, PHONE, screenshot, signIn } from './support.mjs'

const GRID = '421381101001101'

/** A 1×1 PNG, as a phone's camera would give a file. */
const PHOTO = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
)

/** A text field by its test id: Element Plus puts the id on the textarea itself or on its wrapper. */
const field = (page, id) => page.locator(`textarea[data-testid="${id}"], [data-testid="${id}"] textarea`).first()

async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${what}: no sideways scrolling on a phone (scrollWidth ${width})`)
}

test('a grid worker signs in for the day inside the grid and writes the diary with a photo (phone)', async () => {
  const { context, page, errors } = await freshBrowser(PHONE)
  await signIn(page, 'grid.worker')
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  assert.equal(grid.status, 200)
  const [longitude, latitude] = grid.body.labelPoint
  await context.grantPermissions(['geolocation'], { origin: BASE_URL })
  await context.setGeolocation({ longitude, latitude, accuracy: 10 })

  await page.goto(`${BASE_URL}/#/field/today`)
  await page.getByTestId('field-today').waitFor()
  await page.getByTestId('sign-in').click()
  await page.getByTestId('sign-result').waitFor()
  assert.match(await page.getByTestId('sign-result').innerText(), /在网格内/)
  await page.getByTestId('today-inside').first().waitFor()
  assert.equal((await page.getByTestId('today-status').innerText()).trim(), '在岗')
  assert.ok((await page.getByTestId('today-records').locator('article').count()) >= 1)
  await noSidewaysScroll(page, '今日')
  await screenshot(page, 'field-today-phone.png')

  await page.goto(`${BASE_URL}/#/field/diary`)
  await page.getByTestId('field-diary').waitFor()
  await page.getByTestId('diary-mine').waitFor()
  await page.waitForLoadState('networkidle')
  // Run again on the same day, the day's entry exists already: it is changed instead.
  if (!(await page.getByTestId('diary-form').isVisible())) await page.getByTestId('diary-edit').first().click()
  const seen = `路灯不亮，已上报 ${Date.now()}`
  await field(page, 'diary-seen-input').fill(seen)
  await field(page, 'diary-done-input').fill('联系社区维修')
  await page.getByTestId('diary-photo-input').setInputFiles({ name: 'scene.png', mimeType: 'image/png', buffer: PHOTO })
  await page.getByTestId('diary-form-photo').last().waitFor()
  await page.getByTestId('diary-save').click()
  await page.getByTestId('diary-saved').waitFor()
  const card = page.getByTestId('diary-card').filter({ hasText: seen })
  await card.waitFor()
  await card.getByTestId('diary-photo').first().waitFor()
  const loaded = await card
    .getByTestId('diary-photo')
    .first()
    .evaluate((img) => img.complete && img.naturalWidth > 0)
  assert.ok(loaded, 'the photo is served back to its author')
  await noSidewaysScroll(page, '民情日志')
  await screenshot(page, 'field-diary-phone.png')

  // Offline, a sign-out is kept on the phone with the time of the tap, and sent once when the network returns.
  await page.goto(`${BASE_URL}/#/field/today`)
  await page.getByTestId('field-today').waitFor()
  await page.waitForLoadState('networkidle')
  const before = (await fetchInPage(page, '/api/field/my/day')).body.records.length
  await context.setOffline(true)
  const tapped = Date.now()
  await page.getByTestId('sign-out').click()
  await page.getByTestId('sign-result').getByText('已保存，联网后自动上报').waitFor()
  await context.setOffline(false)
  await page.goto(`${BASE_URL}/#/me`)
  await page.locator('[data-testid="offline-queue"][data-count="0"]').waitFor({ timeout: 30_000 })
  const day = (await fetchInPage(page, '/api/field/my/day')).body
  assert.equal(day.records.length, before + 1, 'the sign-out landed once')
  const landed = day.records.at(-1)
  assert.equal(landed.kind, 'OUT')
  assert.ok(Math.abs(new Date(landed.at).getTime() - tapped) < 15_000, 'it counts at the time of the tap')
  assert.ok(new Date(landed.receivedAt).getTime() >= new Date(landed.at).getTime())
  assert.deepEqual(errors, [])
})

test('the grid leader sees the month as a matrix and opens the worker’s day (desktop)', async () => {
  const { page, errors } = await freshBrowser()
  await signIn(page, 'grid.leader')
  // The demo fills last month, which has working days without a sign-in: gaps. (This month may have begun
  // only days ago, each of them signed.)
  const [year, month] = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' })
    .format(new Date())
    .split('-')
    .map(Number)
  const last = month === 1 ? `${year - 1}-12` : `${year}-${String(month - 1).padStart(2, '0')}`
  await page.goto(`${BASE_URL}/#/field/attendance?month=${last}`)
  await page.getByTestId('attendance-matrix').waitFor()
  const row = page.getByTestId('attendance-row').filter({ hasText: '网格员' }).first()
  await row.waitFor()
  assert.ok((await page.getByTestId('cell-GAP').count()) > 0, 'gaps are visible')
  const present = row.getByTestId('cell-PRESENT')
  assert.ok((await present.count()) > 0)
  await present.last().click()
  await page.getByTestId('attendance-record').first().waitFor()
  assert.match(await page.getByTestId('attendance-record').first().innerText(), /签到|签退/)
  await screenshot(page, 'field-attendance-desktop.png')
  assert.deepEqual(errors, [])
})
