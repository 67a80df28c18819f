// Browser test of keeping the region tree on the region page: adding a township, importing villages (a refused
// workbook with its rows named, then a GeoJSON file), the template download, and retiring a grid that still has a
// resident, through the dialog that shows what the grid holds and asks for its successor; then the same dialogs on a
// phone-sized screen.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/region-admin.test.mjs
// Rerunnable against the same server: each run adds a township of its own (the first free code from 421381120 on),
// whose grids lie far from the demo county (around lon 107, lat 26).
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  BASE_URL,
  fetchInPage as fetchIn,
  idNumber,
  launchBrowser,
  screenshot as saveScreenshot,
  settleTransitions,
  signIn,
} from './support.mjs'
import { xlsx } from './xlsx.mjs'

const COUNTY = '421381'

let browser
let page
let tmp
/** The township, village and grids this run made, shared with the phone test. */
const made = {}

before(async () => {
  browser = await launchBrowser({ acceptDownloads: true })
  page = browser.page
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'gridgov-e2e-region-'))
})

after(async () => {
  await browser?.close()
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true })
})

const fetchInPage = (url, method = 'GET', body = undefined) => fetchIn(page, url, method, body)

/** A closed square ring of `size` degrees with its south-west corner at [lon, lat]. */
const square = (lon, lat, size = 0.01) => ({
  type: 'Polygon',
  coordinates: [[[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size], [lon, lat]]],
})

function writeFile(name, content) {
  const file = path.join(tmp, name)
  fs.writeFileSync(file, content)
  return file
}

/** The first township code from 421381120 on that names nothing yet. */
async function freeTownship() {
  for (let n = 120; n < 200; n++) {
    const code = `${COUNTY}${n}`
    if ((await fetchInPage(`/api/regions/${code}`)).status === 404) return { code, n }
  }
  throw new Error('no free township code left under 421381')
}

test('townships are added, villages imported and an occupied grid retired to a successor', async () => {
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${BASE_URL}/#/login`)
  await signIn(page, 'county.operator')
  await page.waitForURL(/#\/home/)
  await page.goto(`${BASE_URL}/#/region`)
  const tree = page.getByTestId('region-tree')
  await tree.getByText('杨寨镇', { exact: true }).waitFor()

  // 新增乡镇: a bad code is refused on its field, then the township is added and shows in the tree.
  const { code: township, n } = await freeTownship()
  const townshipName = `E2E新设镇${n}`
  await page.getByTestId('township-open').click()
  const townshipDialog = page.getByTestId('township-dialog')
  await townshipDialog.waitFor()
  await townshipDialog.getByTestId('township-county').getByText('广水市').waitFor()
  await page.getByTestId('township-code').fill(`${COUNTY}000`)
  await page.getByTestId('township-name').fill(townshipName)
  await page.getByTestId('township-submit').click()
  await townshipDialog.getByText(/001–599/).first().waitFor()
  await page.getByTestId('township-code').fill(township)
  await page.getByTestId('township-submit').click()
  await townshipDialog.waitFor({ state: 'hidden' })
  await tree.getByText(townshipName, { exact: true }).waitFor()

  // 批量导入村（社区）: the template downloads; a workbook with bad rows is refused whole, each row named.
  await page.getByTestId('village-import-open').click()
  const importDialog = page.getByTestId('village-import-dialog')
  await importDialog.waitFor()
  const [template] = await Promise.all([page.waitForEvent('download'), page.getByTestId('village-template').click()])
  assert.match(template.suggestedFilename(), /\.xlsx$/)
  assert.ok(fs.statSync(await template.path()).size > 1000, 'the template is a workbook')
  const village = `${township}201`
  const bad = writeFile(
    'villages.xlsx',
    xlsx([
      ['编码 code', '名称 name', '上级乡镇编码 parentCode', '边界 outline'],
      [village, 'E2E好村', township, ''],
      [`${township}20`, 'E2E短码村', township, ''],
      [`${township}202`, '', township, ''],
    ]),
  )
  await importDialog.locator('input[type=file]').setInputFiles(bad)
  await page.getByTestId('village-import-submit').click()
  const problems = page.getByTestId('village-import-errors')
  await problems.waitFor()
  const rows = await problems.locator('tbody tr').evaluateAll((trs) =>
    trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.innerText.trim())),
  )
  assert.deepEqual(
    rows.map(([where, column]) => [where, column]),
    [
      ['第 3 行', '编码'],
      ['第 4 行', '名称'],
    ],
  )
  await importDialog.getByText(/未导入任何村（社区）/).first().waitFor()
  assert.equal((await fetchInPage(`/api/regions/${village}`)).status, 404, 'nothing was imported')
  await settleTransitions(page)
  await screenshot('village-import-errors.png')

  // The same village from a GeoJSON file is imported.
  const good = writeFile(
    'villages.geojson',
    JSON.stringify({
      type: 'FeatureCollection',
      features: [{ type: 'Feature', geometry: null, properties: { code: village, name: `E2E导入村${n}`, parentCode: township } }],
    }),
  )
  await importDialog.locator('input[type=file]').setInputFiles(good)
  await page.getByTestId('village-import-submit').click()
  await page.getByTestId('village-import-result').getByText('已导入 1 个村（社区）').waitFor()
  await importDialog.getByRole('button', { name: '关闭', exact: true }).click()
  await importDialog.waitFor({ state: 'hidden' })

  // Two grids in the village, and a resident in the first.
  const lon = 107 + (n - 120) * 0.05
  const lat = 26
  const imported = await fetchInPage('/api/grids/import', 'POST', {
    type: 'FeatureCollection',
    features: [
      { type: 'Feature', geometry: square(lon, lat), properties: { name: 'E2E甲网格', villageCode: village } },
      { type: 'Feature', geometry: square(lon + 0.01, lat), properties: { name: 'E2E乙网格', villageCode: village } },
      { type: 'Feature', geometry: square(lon + 0.02, lat), properties: { name: 'E2E丙网格', villageCode: village } },
    ],
  })
  assert.equal(imported.status, 200, JSON.stringify(imported.body))
  const [gridA, gridB, gridC] = [`${village}101`, `${village}102`, `${village}103`]
  const resident = await fetchInPage('/api/registry/residents', 'POST', {
    gridCode: gridA,
    name: 'E2E住户',
    idNumber: idNumber(),
    kind: 'REGISTERED',
  })
  assert.equal(resident.status, 201, JSON.stringify(resident.body))
  Object.assign(made, { township, townshipName, village, gridA, gridB, gridC })

  // Pick the first grid on the map of its village: its details count its resident as the 基础数据 tab does.
  await tree.getByText(townshipName, { exact: true }).click()
  await tree.getByText(`E2E导入村${n}`, { exact: true }).click()
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="grid-map"] path[data-code]').length === 3)
  await settleMap()
  await page.locator(`[data-testid="grid-map"] path[data-code="${gridA}"]`).click()
  const detail = page.getByTestId('grid-detail')
  await page.locator(`[data-testid="grid-detail"][data-code="${gridA}"]`).waitFor()
  await detail.getByTestId('grid-population').getByText('1', { exact: true }).waitFor()

  // Retire it: the dialog shows what it holds and asks for the reason and the successor.
  await page.getByTestId('grid-retire').click()
  const dialog = page.getByTestId('grid-retire-dialog')
  await dialog.waitFor()
  await dialog.locator('[data-testid="grid-retire-contents"][data-occupied="true"]').waitFor()
  await dialog.locator('[data-kind="residents"]').getByText('实有人口 1').waitFor()
  assert.equal(await page.getByTestId('grid-retire-confirm').isDisabled(), true, 'no retirement without a successor')
  await page.getByTestId('grid-retire-reason').fill('E2E 并入乙网格')
  await page.getByTestId('grid-retire-successor').click()
  await page.locator('.grid-retire-successor-options').filter({ visible: true }).getByText('E2E乙网格').click()
  await settleTransitions(page)
  await screenshot('grid-retire-dialog.png')
  await page.getByTestId('grid-retire-confirm').click()
  await dialog.waitFor({ state: 'hidden' })
  await detail.locator('[data-testid="grid-status"][data-status="RETIRED"]').waitFor()

  // The resident now lives in the successor, with the move in the history.
  const moved = await fetchInPage(`/api/registry/residents/${resident.body.id}`)
  assert.equal(moved.body.gridCode, gridB)
  const history = await fetchInPage(`/api/registry/residents/${resident.body.id}/history`)
  assert.ok(history.body.content.some((c) => c.field === 'gridCode' && c.newValue === gridB), JSON.stringify(history.body))
  await page.getByTestId('grid-adjustments-open').click()
  await page.getByTestId('adjustment-successor').first().getByText(gridB).waitFor()
  await settleTransitions(page)
  await screenshot('grid-retire-adjustments.png')
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test('the township, village import and retire dialogs fit a phone', async () => {
  assert.ok(made.gridC, 'the desktop test made the grids')
  const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const p = phone.page
  const phoneErrors = []
  p.on('pageerror', (error) => phoneErrors.push(error.message))
  try {
    await p.goto(BASE_URL)
    await signIn(p, 'county.operator')
    await p.waitForURL(/#\/home/)
    await p.goto(`${BASE_URL}/#/region`)
    await p.getByTestId('region-tree').getByText('杨寨镇', { exact: true }).waitFor()

    for (const [open, dialog, submit] of [
      ['township-open', 'township-dialog', 'township-submit'],
      ['village-import-open', 'village-import-dialog', 'village-import-submit'],
    ]) {
      await p.getByTestId(open).scrollIntoViewIfNeeded()
      await p.getByTestId(open).click()
      await p.getByTestId(dialog).waitFor()
      await settleTransitions(p)
      await fits(p, dialog, submit)
      await saveScreenshot(p, `${dialog}-phone.png`)
      await p.getByTestId(dialog).locator('.el-dialog__headerbtn').click()
      await p.getByTestId(dialog).waitFor({ state: 'hidden' })
    }

    // The retire dialog of an empty grid: nothing to move, only the reason.
    await p.getByTestId('locate-lon').fill(String(107 + 0.025 + (Number(made.township.slice(6)) - 120) * 0.05))
    await p.getByTestId('locate-lat').fill('26.005')
    await p.getByTestId('locate-submit').click()
    const detail = p.locator(`[data-testid="grid-detail"][data-code="${made.gridC}"]`)
    await detail.waitFor()
    await p.getByTestId('grid-retire').scrollIntoViewIfNeeded()
    await p.getByTestId('grid-retire').click()
    await p.locator('[data-testid="grid-retire-contents"][data-occupied="false"]').waitFor()
    await settleTransitions(p)
    await fits(p, 'grid-retire-dialog', 'grid-retire-confirm')
    await saveScreenshot(p, 'grid-retire-dialog-phone.png')
    await p.getByTestId('grid-retire-reason').fill('E2E 手机撤销')
    await p.getByTestId('grid-retire-confirm').click()
    await detail.locator('[data-testid="grid-status"][data-status="RETIRED"]').waitFor()
    assert.deepEqual(phoneErrors, [], 'no uncaught errors on the phone')
  } finally {
    await phone.close()
  }
})

/** The dialog lies within the 390 px screen and its main button is big enough to tap. */
async function fits(p, dialog, button) {
  const box = await p.getByTestId(dialog).boundingBox()
  assert.ok(box.x >= 0 && box.x + box.width <= 390, `${dialog} inside the screen: ${JSON.stringify(box)}`)
  const target = p.getByTestId(button)
  await target.scrollIntoViewIfNeeded()
  const tap = await target.boundingBox()
  assert.ok(tap.x >= 0 && tap.x + tap.width <= 390, `${button} inside the screen: ${JSON.stringify(tap)}`)
  assert.ok(tap.height >= 36, `${button} big enough to tap: ${tap.height}`)
}

const screenshot = (name) => saveScreenshot(page, name)

/** Waits until the map has no zoom or pan animation running. */
async function settleMap() {
  await page.waitForFunction(() => !document.querySelector('.leaflet-zoom-anim, .leaflet-pan-anim'))
  await page.waitForTimeout(400)
}
