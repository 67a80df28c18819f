// Browser test of the base map drawn where the deployment has no tile server: the township and village outlines
// with the township names, under the event map of a county operator and under the report page of a resident (who
// may not read the region tree), on a desktop screen and on a phone; the outlines take no clicks from the page.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/base-map.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, TIMEOUT, launchBrowser, screenshot, signIn, signOut } from './support.mjs'

const SCREENS = {
  desktop: {},
  phone: { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 },
}

/** Waits until the map in `container` draws the county's 20 township outlines and some village outlines. */
async function waitForOutlines(page, container) {
  await page.waitForFunction(
    (selector) => {
      const pane = document.querySelector(`${selector} .leaflet-outlines-pane`)
      return (
        pane?.querySelectorAll('path.outline-township').length >= 20 &&
        pane.querySelectorAll('path.outline-village').length > 100
      )
    },
    container,
    { timeout: TIMEOUT },
  )
  const pane = page.locator(`${container} .leaflet-outlines-pane`)
  assert.equal(await pane.evaluate((el) => getComputedStyle(el).pointerEvents), 'none', 'the outlines take no clicks')
  // Beneath the page's own layers (overlayPane, 400).
  assert.ok(Number(await pane.evaluate((el) => getComputedStyle(el).zIndex)) < 400)
}

/** The township names shown (visible) over the map in `container`. */
async function visibleTownshipNames(page, container) {
  const selector = `${container} .leaflet-outline-labels-pane .outline-label-township span`
  await page.waitForFunction((s) => [...document.querySelectorAll(s)].some((span) => span.offsetParent !== null), selector, {
    timeout: TIMEOUT,
  })
  return page.locator(selector).evaluateAll((spans) => spans.filter((s) => s.offsetParent !== null).map((s) => s.textContent))
}

for (const [screen, options] of Object.entries(SCREENS)) {
  test(`township and village outlines under the event map and the report map (${screen})`, async () => {
    const browser = await launchBrowser(options)
    const page = browser.page
    const errors = []
    page.on('pageerror', (error) => errors.push(error.message))
    try {
      await page.goto(`${BASE_URL}/#/login`)
      await signIn(page, 'county.operator')
      const config = await page.evaluate(() => fetch('/api/shell/config').then((r) => r.json()))
      assert.ok(!config.tileUrl, 'this test needs a server without gridgov.web.tile-url')
      await page.goto(`${BASE_URL}/#/events/map`)
      const eventMap = '[data-testid="event-map-canvas"]'
      await waitForOutlines(page, eventMap)
      const townships = await page.evaluate(() =>
        fetch('/api/regions/421381/outlines?level=TOWNSHIP')
          .then((r) => r.json())
          .then((c) => c.features.map((f) => f.properties.name)),
      )
      assert.equal(townships.length, 20)
      const names = await visibleTownshipNames(page, eventMap)
      assert.ok(names.length >= 5, `township names shown: ${names.join(' ')}`)
      assert.ok(names.every((name) => townships.includes(name)), 'only township names, no codes')
      await screenshot(page, `base-map-event-map-${screen}.png`)
      await signOut(page)

      // A resident reports without region:read: no grids, but the outlines and the names to find their place by.
      await signIn(page, 'resident')
      await page.goto(`${BASE_URL}/#/events/report`)
      const reportMap = '[data-testid="event-map"]'
      await waitForOutlines(page, reportMap)
      assert.ok((await visibleTownshipNames(page, reportMap)).length >= 3, 'township names shown on the report map')
      assert.equal(await page.locator(`${reportMap} .leaflet-outline-labels-pane .outline-label-village span`).first().isVisible(), false, 'village names wait for a closer zoom')

      // A click through the outlines still places the event.
      const box = await page.locator(reportMap).boundingBox()
      await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
      await page.waitForFunction(() => document.querySelector('[data-testid="event-map"]')?.dataset.lon, null, {
        timeout: TIMEOUT,
      })
      assert.ok(Number(await page.getByTestId('event-map').getAttribute('data-lon')) > 113)
      await screenshot(page, `base-map-report-${screen}.png`)
      assert.deepEqual(errors, [], 'no uncaught errors in the page')
    } finally {
      await browser.close()
    }
  })
}
