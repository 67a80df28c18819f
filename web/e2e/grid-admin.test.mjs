// Browser test of grid maintenance on the region page: export, import (refused, then accepted), multi-select and
// merge, version history, retire and the adjustment log.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
// Signs in as the county operator through the login page; the API calls made from the page send the CSRF header.
// Rerunnable against the same server: each run works in a village of its own, created here, whose grids lie far
// from the demo county (around lon 105, lat 25) at a longitude derived from the village code.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  BASE_URL,
  fetchInPage as fetchIn,
  launchBrowser,
  screenshot as saveScreenshot,
  settleTransitions as settle,
  signIn,
} from './support.mjs'

const TOWNSHIP = { code: '421381102', name: '陈巷镇' }

let browser
let page

before(async () => {
  browser = await launchBrowser({ acceptDownloads: true })
  page = browser.page
})

after(async () => {
  await browser?.close()
})

/**
 * Fetches JSON from the page's origin, as the page itself would (with the session cookie); body (an object) is sent
 * as JSON, and writes carry the X-XSRF-TOKEN header.
 */
const fetchInPage = (url, method = 'GET', body = undefined) => fetchIn(page, url, method, body)

/** A closed square ring of `size` degrees with its south-west corner at [lon, lat]. */
function square(lon, lat, size = 0.01) {
  return {
    type: 'Polygon',
    coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
  }
}

const feature = (name, villageCode, geometry) => ({
  type: 'Feature',
  geometry,
  properties: { name, villageCode, type: 'ORDINARY' },
})

/**
 * A village of this run under 陈巷镇: the first free code from a time-derived number, created here (409 is fine).
 * When no code is free, the time-derived one is reused and its leftover grids retired.
 */
async function prepareVillage() {
  const start = Date.now() % 100
  for (let i = 0; i < 100; i++) {
    const n = 900 + ((start + i) % 100)
    const code = TOWNSHIP.code + String(n)
    if ((await fetchInPage(`/api/regions/${code}`)).status === 404) return createVillage(n, true)
  }
  return createVillage(900 + start, false)
}

async function createVillage(n, fresh) {
  const village = { code: TOWNSHIP.code + String(n), name: `E2E测试村${n}`, lon: 105 + (n - 900) * 0.05, lat: 25, fresh }
  const created = await fetchInPage('/api/regions', 'POST', { code: village.code, name: village.name, parentCode: TOWNSHIP.code })
  assert.ok([201, 409].includes(created.status), `village created (or already there): ${created.status}`)
  const leftovers = await fetchInPage(`/api/regions/${village.code}/children?page=0&size=200`)
  for (const grid of leftovers.body.content) {
    const retired = await fetchInPage(`/api/grids/${grid.code}/retire`, 'POST', { reason: 'e2e cleanup' })
    assert.equal(retired.status, 200, `leftover grid ${grid.code} retired`)
  }
  return village
}

test('grid import, merge, versions, retire and adjustment log', async () => {
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  const importCalls = []
  page.on('request', (request) => {
    if (request.url().includes('/api/grids/import')) importCalls.push(request.url())
  })

  // The county operator may read and write grids (region:read, region:write, grid:write, grid:export).
  await page.goto(`${BASE_URL}/#/login`)
  await signIn(page, 'county.operator')
  await page.waitForURL(/#\/home/)
  await page.goto(`${BASE_URL}/#/region`)
  const village = await prepareVillage()
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gridgov-e2e-files-'))
  const a = feature('E2E网格甲', village.code, square(village.lon, village.lat))
  const b = feature('E2E网格乙', village.code, square(village.lon + 0.02, village.lat))
  const overlapping = feature('E2E网格丙', village.code, square(village.lon + 0.005, village.lat))
  const files = {
    bad: writeFile(tmp, 'broken.json', '{"type":"FeatureCollection","features":['),
    three: writeFile(tmp, 'three.geojson', JSON.stringify({ type: 'FeatureCollection', features: [a, b, overlapping] })),
    two: writeFile(tmp, 'two.geojson', JSON.stringify({ type: 'FeatureCollection', features: [a, b] })),
  }

  // Select the township in the tree.
  const tree = page.getByTestId('region-tree')
  await tree.getByText(TOWNSHIP.name, { exact: true }).click()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="grid-map"] path[data-code]').length > 5)

  // A file that is not JSON is refused here, without calling the server.
  await page.getByTestId('grid-import-open').click()
  const dialog = page.getByTestId('grid-import-dialog')
  await dialog.waitFor()
  await dialog.locator('input[type=file]').setInputFiles(files.bad)
  await page.getByTestId('grid-import-submit').click()
  await dialog.getByText('不是有效的 JSON').waitFor()
  assert.deepEqual(importCalls, [], 'no import request for a file that is not JSON')

  // An overlapping square: the server refuses the whole file and lists the problem.
  await dialog.locator('input[type=file]').setInputFiles(files.three)
  await page.getByTestId('grid-import-submit').click()
  const table = page.getByTestId('import-errors')
  await table.waitFor()
  await dialog.getByText(/未导入任何网格/).first().waitFor()
  const rows = await table.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  )
  assert.ok(rows.length >= 1, 'at least one problem row')
  assert.ok(
    rows.some(([field, code]) => field === 'features[2].geometry' && code === 'overlap'),
    `a row for features[2].geometry with code overlap: ${JSON.stringify(rows)}`,
  )
  // The server names both sides of an overlap inside one file; the third square overlaps only the first one.
  for (const [field, code, message] of rows) {
    assert.equal(code, 'overlap')
    assert.ok(['features[0].geometry', 'features[2].geometry'].includes(field), `unexpected row ${field}`)
    assert.match(message, /重叠/)
  }
  await settleTransitions()
  await screenshot('grid-import-errors.png')
  const none = await fetchInPage(`/api/regions/${village.code}/children?page=0&size=20`)
  assert.equal(none.body.totalElements, 0, 'nothing was imported')

  // The two good squares are imported.
  await dialog.locator('input[type=file]').setInputFiles(files.two)
  await page.getByTestId('grid-import-reason').fill('E2E 导入')
  await page.getByTestId('grid-import-submit').click()
  const result = page.getByTestId('import-result')
  await result.waitFor()
  const created = [`${village.code}101`, `${village.code}102`]
  assert.match(await result.innerText(), /新增 2 个/)
  if (village.fresh) for (const code of created) await result.getByText(code, { exact: true }).waitFor()
  const imported = await fetchInPage(`/api/regions/${village.code}/children?page=0&size=20`)
  assert.equal(imported.body.totalElements, 2, 'two grids imported')
  const codes = imported.body.content.map((g) => g.code).sort()
  if (village.fresh) assert.deepEqual(codes, created)
  await dialog.getByRole('button', { name: '关闭', exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })

  // Select the village in the tree (the township's children were reloaded): its two grids are drawn.
  await tree.getByText(village.name, { exact: true }).click()
  await page.waitForFunction(
    (list) => list.every((c) => document.querySelector(`[data-testid="grid-map"] path[data-code="${c}"]`)) &&
      document.querySelectorAll('[data-testid="grid-map"] path[data-code]').length === list.length,
    codes,
  )

  // Export downloads the village's grids as GeoJSON.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('grid-export').click()])
  assert.match(download.suggestedFilename(), /\.geojson$/)
  const exported = JSON.parse(fs.readFileSync(await download.path(), 'utf8'))
  assert.equal(exported.type, 'FeatureCollection')
  assert.deepEqual(exported.features.map((f) => f.properties?.code ?? f.id).sort(), codes)

  // Pick both grids: Ctrl/⌘-click the first, then the multi-select toggle and a plain click for the second.
  const merge = page.getByTestId('grid-merge')
  assert.equal(await merge.isDisabled(), true, 'merge needs two grids')
  await settleMap()
  await polygon(codes[0]).click({ modifiers: ['ControlOrMeta'] })
  await page.getByTestId('grid-multiselect').click()
  await polygon(codes[1]).click()
  await page.waitForFunction(() => document.querySelectorAll('path.grid-selected').length === 2)
  assert.equal(await page.getByTestId('grid-detail').count(), 0, 'picking grids does not open their details')
  await page.getByTestId('grid-selected-count').getByText('已选 2 个网格').waitFor()
  assert.equal(await merge.isEnabled(), true, 'merge is enabled with two grids picked')
  await screenshot('grid-multiselect.png')

  // Merge them into a new grid, which is selected.
  await merge.click()
  const mergeDialog = page.getByTestId('grid-merge-dialog')
  await mergeDialog.waitFor()
  await page.getByTestId('grid-merge-name').fill('E2E合并网格')
  await page.getByTestId('grid-merge-reason').fill('E2E 合并')
  await page.getByTestId('grid-merge-submit').click()
  await mergeDialog.waitFor({ state: 'hidden' })
  const detail = page.getByTestId('grid-detail')
  await detail.waitFor()
  const mergedCode = await detail.getAttribute('data-code')
  assert.match(mergedCode, new RegExp(`^${village.code}1\\d\\d$`))
  if (village.fresh) assert.equal(mergedCode, `${village.code}103`)
  await detail.getByText(mergedCode, { exact: true }).waitFor()
  await detail.getByText('E2E合并网格', { exact: true }).waitFor()
  await page.waitForFunction(
    (code) => document.querySelector(`path.grid-highlight[data-code="${code}"]`) &&
      document.querySelectorAll('[data-testid="grid-map"] path[data-code]').length === 1,
    mergedCode,
  )

  // Its version history has one version, the current one.
  await detail.getByRole('tab', { name: '版本历史' }).click()
  const versions = page.getByTestId('grid-versions')
  await versions.getByTestId('grid-version').first().waitFor()
  assert.equal(await versions.getByTestId('grid-version').count(), 1)
  assert.match(await versions.innerText(), /现行/)
  assert.match(await versions.innerText(), /E2E合并网格/)
  await settleMap()
  await screenshot('grid-merged-versions.png')

  // Retire it: it holds nothing, so only a reason is asked for; then the grid leaves the map and shows retired.
  await detail.getByRole('tab', { name: '基本信息' }).click()
  await page.getByTestId('grid-retire').click()
  const retireDialog = page.getByTestId('grid-retire-dialog')
  await retireDialog.locator('[data-testid="grid-retire-contents"][data-occupied="false"]').waitFor()
  await page.getByTestId('grid-retire-reason').fill('E2E 撤销')
  await page.getByTestId('grid-retire-confirm').click()
  await retireDialog.waitFor({ state: 'hidden' })
  await detail.locator('[data-testid="grid-status"][data-status="RETIRED"]').waitFor()
  assert.match(await detail.getByTestId('grid-status').innerText(), /已撤销/)
  await page.waitForFunction(() => !document.querySelector('[data-testid="grid-map"] path[data-code]'))
  assert.equal(await page.getByTestId('grid-retire').count(), 0, 'no retire action for a retired grid')
  await detail.getByRole('tab', { name: '版本历史' }).click()
  await versions.getByTestId('grid-version').first().waitFor()
  assert.doesNotMatch(await versions.innerText(), /现行/, 'the only version has ended')

  // The adjustment log lists the import, the merge and the retirement, newest first.
  await page.getByTestId('grid-adjustments-open').click()
  const log = page.getByTestId('grid-adjustments')
  await log.locator('tbody tr').nth(2).waitFor()
  const kinds = await log.locator('tbody tr td:first-child').allInnerTexts()
  assert.deepEqual(kinds.slice(0, 3).map((k) => k.trim()), ['撤销', '合并', '导入'])
  assert.match(await log.innerText(), /E2E 合并/)
  await log.locator('.el-pagination').waitFor()
  await settleTransitions()
  await screenshot('grid-adjustments.png')

  assert.deepEqual(errors, [], 'no uncaught errors in the page')
  fs.rmSync(tmp, { recursive: true, force: true })
})

function writeFile(dir, name, text) {
  const file = path.join(dir, name)
  fs.writeFileSync(file, text)
  return file
}

const polygon = (code) => page.locator(`[data-testid="grid-map"] path[data-code="${code}"]`)

const screenshot = (name) => saveScreenshot(page, name)

/** Waits until no Vue enter/leave transition (dialog, drawer, list) is running. */
const settleTransitions = () => settle(page)

/** Waits until the map has no zoom or pan animation running. */
async function settleMap() {
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim'))
  await page.waitForTimeout(400)
}
