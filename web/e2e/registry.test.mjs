// Browser test of the resident register (实有人口): a grid worker adds a resident, first with a wrong check character
// (the field error shows under the ID number), then finds the resident by ID number, masked to its address code, with
// the birth year and the grid's name, and without 查看明文;
// a county leader opens the plain ID number for a stated purpose, and the audit administrator finds the UNMASK
// record. The tests run in order in one browser, each going on from where the one before stopped.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/registry.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, menuTexts, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'

/** The GB 11643 check character of the first 17 digits. */
const checkCharacter = (digits) => CHECK[[...digits].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11]

// 广水市, born 1985-06-15, a random sequence so that a second run on the same database adds another person.
const body = `421381198506${15}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
const idNumber = body + checkCharacter(body)
const wrongIdNumber = body + CHECK[(CHECK.indexOf(checkCharacter(body)) + 1) % 11]
const name = `测试居民${idNumber.slice(14, 17)}`
const GRID = '421381101001101'

let browser
let page
let residentId
const errors = []

before(async () => {
  browser = await launchBrowser()
  page = browser.page
  page.on('pageerror', (error) => errors.push(error.message))
})

after(async () => {
  await browser?.close()
})

test('a grid worker adds a resident after fixing a wrong check character', async () => {
  await signIn(page, 'grid.worker')
  assert.ok((await menuTexts(page)).includes('实有人口'), 'the menu offers 实有人口')
  await page.locator('[data-testid="side-menu"] [data-path="/registry/residents"]').click()
  await page.getByTestId('resident-list-page').waitFor()

  await page.getByTestId('resident-create').click()
  const form = page.getByTestId('resident-form')
  await form.waitFor()
  await settleTransitions(page)
  await page.getByTestId('resident-form-grid').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: GRID }).first().click()
  await page.getByTestId('resident-form-name').fill(name)
  await page.getByTestId('resident-form-id-number').fill(wrongIdNumber)
  await page.getByTestId('resident-form-address').fill('站前社区幸福路 8 号')
  await page.getByTestId('resident-form-submit').click()
  const idError = form.locator('.el-form-item', { has: page.getByTestId('resident-form-id-number') }).locator('.el-form-item__error')
  await idError.waitFor()
  assert.match(await idError.innerText(), /校验位/)
  await screenshot(page, 'registry-field-error.png')

  await page.getByTestId('resident-form-id-number').fill(idNumber)
  await page.getByTestId('resident-form-submit').click()
  await page.waitForURL(/#\/registry\/residents\/\d+/)
  residentId = page.url().match(/residents\/(\d+)/)[1]
  await page.getByTestId('resident-info').waitFor()
  // Without personal:unmask the birth year only: the birth date would fill the masked digits of the ID number.
  assert.match(await page.getByTestId('resident-born').innerText(), /1985/, 'the birth year comes from the ID number')
  assert.doesNotMatch(await page.getByTestId('resident-info').innerText(), /1985-06-15/)
})

test('the grid worker finds the resident by ID number, masked, without 查看明文', async () => {
  await page.goto(`${BASE_URL}/#/registry/residents`)
  await page.getByTestId('filter-id-number').fill(idNumber)
  await page.getByTestId('filter-search').click()
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="resident-name-cell"]')].map((c) => c.textContent).join() === n,
    name,
  )
  const shown = await page.getByTestId('resident-id-cell').first().innerText()
  assert.notEqual(shown, idNumber)
  assert.equal(shown, `${idNumber.slice(0, 6)}${'*'.repeat(12)}`, `masked to the address code: ${shown}`)
  // People read the grid's name, not its 15-digit code.
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  assert.equal((await page.getByTestId('resident-grid-cell').first().innerText()).trim(), grid.body.name)

  await page.getByTestId('resident-table').locator('tbody tr').first().click()
  await page.getByTestId('resident-info').waitFor()
  assert.match(await page.getByTestId('resident-id-number').innerText(), /\*/)
  assert.equal(await page.getByTestId('resident-unmask').count(), 0, 'no 查看明文 without personal:unmask')
  await page.getByTestId('resident-edit').waitFor()
  await page.getByTestId('resident-confirm').click()
  await page.locator('.el-message--success', { hasText: '已记为核实' }).waitFor()
  assert.match(await page.getByTestId('resident-verified-at').innerText(), /\d/)
})

test('a county leader opens the plain ID number for a stated purpose', async () => {
  await signOut(page)
  await signIn(page, 'county.leader')
  await page.goto(`${BASE_URL}/#/registry/residents/${residentId}`)
  await page.getByTestId('resident-info').waitFor()
  assert.equal(await page.getByTestId('resident-edit').count(), 0, 'no change without registry:write')
  assert.match(await page.getByTestId('resident-born').innerText(), /1985-06-15/, 'personal:unmask keeps the birth date')
  await page.getByTestId('resident-unmask').click()
  const prompt = page.locator('.resident-prompt')
  await prompt.waitFor()
  await prompt.locator('input').fill('核实低保申请人身份')
  await prompt.locator('.el-button--primary').click()
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="resident-id-number"]')?.textContent.trim() === id,
    idNumber,
  )
  await settleTransitions(page)
  await screenshot(page, 'registry-unmasked.png')
})

test('the audit administrator finds the UNMASK record with its purpose', async () => {
  await signOut(page)
  await signIn(page, 'auditor')
  // The unmask answered only once its audit record was committed, so the record is there now.
  const answer = await fetchInPage(page, `/api/audit?action=UNMASK&objectType=resident&objectId=${residentId}`)
  assert.equal(answer.status, 200, JSON.stringify(answer.body))
  const found = answer.body.content.find((record) => record.username === 'county.leader')
  assert.ok(found, 'an UNMASK record of county.leader for the resident')
  assert.equal(found.purpose, '核实低保申请人身份')
  assert.deepEqual(errors, [], 'no page errors')
})

test('the township center reads the figures per village, then per grid, with the data quality of each grid', async () => {
  await signOut(page)
  await signIn(page, 'yz.operator')
  await page.locator('[data-testid="side-menu"] [data-path="/registry/figures"]').click()
  const counts = page.getByTestId('area-counts')
  await counts.locator('tbody tr', { hasText: '站前社区' }).first().waitFor()
  await counts.locator('tbody tr', { hasText: '站前社区' }).first().click()
  await page.waitForFunction(() =>
    [...document.querySelectorAll('[data-testid="area-counts"] tbody tr')].some((row) => /421381101001\d{3}/.test(row.textContent)),
  )
  assert.match(await page.getByTestId('figures-trail').innerText(), /站前社区/)
  await page.getByTestId('grid-quality').locator('tbody tr').first().waitFor()
  await screenshot(page, 'registry-figures.png')

  // The grid page of the region module shows the same grid's base data.
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  const [lon, lat] = grid.body.labelPoint
  await page.goto(`${BASE_URL}/#/region`)
  await page.getByTestId('locate-lon').fill(String(lon))
  await page.getByTestId('locate-lat').fill(String(lat))
  await page.getByTestId('locate-submit').click()
  const detail = page.getByTestId('grid-detail')
  await detail.getByText(GRID, { exact: true }).waitFor()
  await detail.locator('.el-tabs__item', { hasText: '基础数据' }).click()
  await page.getByTestId('grid-residents').waitFor()
  assert.ok(Number(await page.getByTestId('grid-residents').innerText()) > 0, 'the grid has residents')
  assert.deepEqual(errors, [], 'no page errors')
})

test('on a phone the list pages keep their titles on one line and their buttons inside the screen', async () => {
  const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const p = phone.page
  try {
    await p.goto(BASE_URL)
    await signIn(p, 'county.operator')
    for (const path of ['/registry/residents', '/registry/houses', '/registry/places', '/registry/organizations', '/events']) {
      await p.goto(`${BASE_URL}/#${path}`)
      const title = p.locator('.page-bar .page-title').first()
      await title.waitFor()
      await settleTransitions(p)
      const { lines, overflow, outside } = await p.evaluate(() => {
        const heading = document.querySelector('.page-bar .page-title')
        const lineHeight = parseFloat(getComputedStyle(heading).lineHeight) || parseFloat(getComputedStyle(heading).fontSize) * 1.5
        const buttons = [...document.querySelectorAll('.page-bar .el-button')].map((b) => b.getBoundingClientRect())
        return {
          lines: Math.round(heading.getBoundingClientRect().height / lineHeight),
          overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
          outside: buttons.filter((r) => r.left < 0 || r.right > window.innerWidth).length,
        }
      })
      assert.equal(lines, 1, `${path}: the title on one line`)
      assert.equal(overflow, 0, `${path}: no horizontal scroll`)
      assert.equal(outside, 0, `${path}: every button inside the screen`)
    }
    await screenshot(p, 'registry-phone-list.png')
  } finally {
    await phone.close()
  }
})

test('on a phone a resident reads in one column and the change form fits the screen, naming the grid', async () => {
  const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const p = phone.page
  try {
    await p.goto(BASE_URL)
    await signIn(p, 'grid.worker')
    await p.goto(`${BASE_URL}/#/registry/residents`)
    await p.getByTestId('resident-name-cell').first().click()
    const info = p.getByTestId('resident-info')
    await info.waitFor()
    const cellsPerRow = await info.evaluate((table) =>
      [...table.querySelectorAll('tbody tr')].map((row) => row.querySelectorAll('th, td').length))
    assert.ok(cellsPerRow.length > 0 && cellsPerRow.every((n) => n === 2), `one label and one value a row: ${cellsPerRow}`)

    await p.getByTestId('resident-edit').click()
    const dialog = p.locator('.el-dialog').filter({ has: p.getByTestId('resident-form-grid') })
    await dialog.waitFor()
    await settleTransitions(p)
    const box = await dialog.boundingBox()
    assert.ok(box.x >= 0 && box.x + box.width <= 390, `the form inside the screen: ${JSON.stringify(box)}`)
    const grid = dialog.locator('.el-form-item', { has: p.getByTestId('resident-form-grid') })
    await p.waitForFunction(
      (el) => /网格/.test(el.innerText),
      await grid.elementHandle(),
    )
    await screenshot(p, 'registry-phone-resident-form.png')
  } finally {
    await phone.close()
  }
})
