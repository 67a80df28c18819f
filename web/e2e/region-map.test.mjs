// Browser test of the region page (tree, grid map, grid detail, point location).
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
// Signs in as the county operator (demo account, scope 广水市) through the login page first.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, TIMEOUT, fetchInPage as fetchIn, launchBrowser, screenshot, signIn } from './support.mjs'

let browser
let page

before(async () => {
  browser = await launchBrowser()
  page = browser.page
})

after(async () => {
  await browser?.close()
})

/** Fetches JSON from the page's origin, as the page itself would (signed in: with the session cookie). */
const fetchInPage = (url) => fetchIn(page, url)

test('region tree, grid map, grid detail and point location', async () => {
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))

  // Signed out, the application shows the login page; the county operator then lands on his home page (工作台) and
  // opens the grid map from the menu.
  await page.goto(BASE_URL)
  await page.waitForURL(/#\/login/)
  await signIn(page, 'county.operator')
  await page.waitForURL(/#\/home/)
  await page.getByTestId('side-menu').locator('[data-path="/region"]').click()
  await page.waitForURL(/#\/region/)

  // The tree shows the root, expanded on load, with its townships.
  const tree = page.getByTestId('region-tree')
  await tree.getByText('广水市', { exact: true }).waitFor()
  await tree.getByText('应山街道', { exact: true }).waitFor()
  const township = tree.getByText('杨寨镇', { exact: true })
  await township.waitFor()

  // Selecting a township draws its grids.
  await township.click()
  const polygons = page.locator('[data-testid="grid-map"] .leaflet-overlay-pane path')
  await page.waitForFunction(
    () => document.querySelectorAll('[data-testid="grid-map"] .leaflet-overlay-pane path').length > 10,
    null,
    { timeout: TIMEOUT },
  )
  assert.ok((await polygons.count()) > 10, 'more than 10 grid polygons drawn')

  // Take one grid of the township and locate its label point.
  const features = await fetchInPage('/api/grids/features?region=421381101&page=0&size=1')
  assert.equal(features.status, 200)
  const code = features.body.features[0].properties?.code ?? features.body.features[0].id
  const grid = await fetchInPage(`/api/grids/${code}`)
  assert.equal(grid.status, 200)
  const [lon, lat] = grid.body.labelPoint

  await page.getByTestId('locate-lon').fill(String(lon))
  await page.getByTestId('locate-lat').fill(String(lat))
  await page.getByTestId('locate-submit').click()

  const result = page.getByTestId('locate-result')
  await result.waitFor()
  assert.match(await result.innerText(), new RegExp(code))
  await page.waitForFunction(() => document.querySelectorAll('path.grid-highlight').length === 1)
  assert.equal(await page.locator('path.grid-highlight').count(), 1, 'exactly one highlighted grid')

  const detail = page.getByTestId('grid-detail')
  await detail.getByText(code, { exact: true }).waitFor()
  assert.match(await detail.innerText(), /普通网格|专属网格/)

  await settleMap()
  await screenshot(page, 'region-map.png')

  // A point outside all grids shows the problem's detail.
  await page.getByTestId('locate-lon').fill('0')
  await page.getByTestId('locate-lat').fill('0')
  await page.getByTestId('locate-submit').click()
  const problem = await fetchInPage('/api/grids/locate?lon=0&lat=0')
  assert.equal(problem.status, 404)
  const message = page.getByTestId('locate-error')
  await message.waitFor()
  assert.ok(problem.body.detail, 'the 404 problem has a detail')
  assert.match(await message.innerText(), new RegExp(escapeRegExp(problem.body.detail)))
  await screenshot(page, 'region-map-error.png')

  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

/** Waits until the map has no zoom or pan animation running. */
async function settleMap() {
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim'))
  await page.waitForTimeout(400)
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
