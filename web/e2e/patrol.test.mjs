// Browser test of patrols (巡查): a grid worker on a 390-px phone starts a patrol in their grid, walks with simulated
// GPS (the browser's geolocation moved along a track inside the grid), pauses, resumes and stops it, seeing distance
// and time on the way, on a page that never scrolls sideways; then the village's grid leader, on a desktop, finds the
// patrol in the records and replays it on the map.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/patrol.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, freshBrowser, PHONE, screenshot, signIn } from './support.mjs'

async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${what}: no sideways scrolling on a phone (scrollWidth ${width})`)
}

test('a grid worker patrols with GPS on a phone and the grid leader replays the patrol', async () => {
  const phone = await freshBrowser({
    ...PHONE,
    permissions: ['geolocation'],
    geolocation: { latitude: 31.62, longitude: 113.82, accuracy: 8 },
  })
  const { page, context } = phone
  await signIn(page, 'grid.worker')
  // A patrol left open by an earlier run is stopped first.
  const current = await fetchInPage(page, '/api/patrols/mine/current')
  if (current.body.patrol) await fetchInPage(page, `/api/patrols/mine/${current.body.patrol.id}/stop`, 'POST', {})
  const me = await fetchInPage(page, '/api/auth/me')
  const grid = await fetchInPage(page, `/api/grids/${me.body.gridCodes[0]}`)
  const [lon, lat] = grid.body.labelPoint
  await context.setGeolocation({ latitude: lat, longitude: lon, accuracy: 8 })

  await page.goto(`${BASE_URL}/#/field/patrol`)
  await page.getByTestId('patrol-start').click()
  await page.getByTestId('patrol-status').waitFor()
  await noSidewaysScroll(page, 'patrol running')

  // Walk east about 19 m every 1.5 s, pause for a while, walk on.
  const walk = async (from, steps) => {
    for (let i = from; i < from + steps; i++) {
      await context.setGeolocation({ latitude: lat, longitude: lon + i * 0.0002, accuracy: 8 })
      await page.waitForTimeout(1500)
    }
  }
  await walk(0, 6)
  await page.getByTestId('patrol-pause').click()
  await page.getByTestId('patrol-resume').waitFor()
  await context.setGeolocation({ latitude: lat + 0.002, longitude: lon, accuracy: 8 })
  await page.waitForTimeout(1500)
  await page.getByTestId('patrol-resume').click()
  await page.getByTestId('patrol-pause').waitFor()
  await walk(6, 4)
  const pending = await page.getByTestId('patrol-pending').textContent()
  assert.ok(pending.trim().length > 0)
  await screenshot(page, 'patrol-phone-running.png')
  await noSidewaysScroll(page, 'patrol after a pause')

  await page.getByTestId('patrol-stop').click()
  await page.getByTestId('patrol-finished').waitFor()
  await screenshot(page, 'patrol-phone-finished.png')
  await noSidewaysScroll(page, 'patrol finished')
  const mine = await fetchInPage(page, '/api/patrols/mine?size=1')
  const patrol = mine.body.content[0]
  assert.equal(patrol.status, 'STOPPED')
  assert.ok(patrol.pointCount >= 8, `points stored: ${patrol.pointCount}`)
  assert.ok(patrol.distanceMetres > 100, `distance: ${patrol.distanceMetres}`)
  await phone.close()

  const desk = await freshBrowser()
  await signIn(desk.page, 'grid.leader')
  await desk.page.goto(`${BASE_URL}/#/field/patrols`)
  await desk.page.getByTestId('patrols-table').getByText(patrol.workerName).first().waitFor()
  await desk.page.goto(`${BASE_URL}/#/field/patrols/${patrol.id}`)
  await desk.page.getByTestId('replay-map').waitFor()
  await desk.page.getByTestId('replay-distance').waitFor()
  const shown = await desk.page.getByTestId('replay-distance').textContent()
  assert.match(shown, /\d+ m|km/)
  const before = await desk.page.getByTestId('replay-at').textContent()
  await desk.page.getByTestId('replay-play').click()
  await desk.page.waitForTimeout(1500)
  const after = await desk.page.getByTestId('replay-at').textContent()
  assert.notEqual(after, before, 'the replay moves on')
  await screenshot(desk.page, 'patrol-replay.png')
  // The map draws on a canvas: what it was given is checked through the answer the page drew it from.
  const track = await fetchInPage(desk.page, `/api/patrols/${patrol.id}/track`)
  assert.ok(track.body.outline.length > 0, 'the grid outline is drawn')
  assert.equal(track.body.points.content.length, patrol.pointCount)
  assert.equal(track.body.pauses.length, 1)
  assert.deepEqual(desk.errors, [])
})
