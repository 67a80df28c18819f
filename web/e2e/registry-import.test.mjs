// Browser test of the resident import: the township center imports a small workbook with one bad row, sees the
// report of the refused row, and the imported people are found by ID number — masked for a grid worker, plain for a
// county leader who states a purpose, and that view is in the audit log.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/registry-import.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, screenshot, signIn, signOut } from './support.mjs'
import { xlsx } from './xlsx.mjs'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK = '10X98765432'
const checkCharacter = (digits) => CHECK[[...digits].reduce((sum, d, i) => sum + Number(d) * WEIGHTS[i], 0) % 11]

// Random sequences, so that a second run on the same database imports other people.
const body = (birth) => `421381${birth}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`
const first = body('19760203')
const second = body('19880917')
const bad = body('19900101')
const good1 = first + checkCharacter(first)
const good2 = second + checkCharacter(second)
const wrong = bad + CHECK[(CHECK.indexOf(checkCharacter(bad)) + 1) % 11]
const GRID = '421381101001101'

const workbook = xlsx([
  ['姓名', '身份证号', '所属网格', '民族', '现住址', '联系电话', '人员类型'],
  [`导入甲${good1.slice(14, 17)}`, good1, GRID, '汉族', '站前社区幸福路 1 号', '13800001111', '户籍人口'],
  [`导入乙${bad.slice(14, 17)}`, wrong, GRID, '01', '站前社区幸福路 2 号', '', '户籍人口'],
  [`导入丙${good2.slice(14, 17)}`, good2, GRID, '汉族', '站前社区幸福路 3 号', '', '流动人口'],
])

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

test('the township center imports a workbook and sees the one refused row with its reason', async () => {
  await signIn(page, 'yz.operator')
  await page.goto(`${BASE_URL}/#/registry/residents`)
  await page.getByTestId('resident-import-open').click()
  await page.getByTestId('resident-import').waitFor()
  await page.getByTestId('resident-import-file').setInputFiles({
    name: 'residents.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: workbook,
  })
  await page.getByTestId('resident-import-start').click()
  await page.locator('[data-testid="resident-import-status"][data-status="DONE"]').waitFor()
  assert.match(await page.getByTestId('resident-import-status').innerText(), /已读 3 行，导入 2 行，未导入 1 行/)
  // The refused row's one fault, the check character: no second line about the sex it therefore cannot give.
  const refused = page.getByTestId('resident-import-rejections').locator('tbody tr')
  await refused.first().waitFor()
  const lines = await refused.allInnerTexts()
  assert.ok(lines.every((line) => /^\s*3\s/.test(line)), `every line is about row 3: ${lines}`)
  assert.ok(lines.some((line) => /校验位/.test(line)), `the check character is named: ${lines}`)
  assert.equal(lines.length, 1, `only the real fault is reported: ${lines}`)
  assert.ok(lines.every((line) => !line.includes(wrong)), 'the refused ID number is shown masked')
  await screenshot(page, 'registry-import-report.png')
  await page.locator('.el-dialog', { has: page.getByTestId('resident-import') }).getByRole('button', { name: '关闭', exact: true }).click()
  await page.getByTestId('resident-import').waitFor({ state: 'hidden' })
})

test('a grid worker finds an imported resident by ID number, masked', async () => {
  await signOut(page)
  await signIn(page, 'grid.worker')
  await page.goto(`${BASE_URL}/#/registry/residents`)
  await page.getByTestId('filter-id-number').fill(good1)
  await page.getByTestId('filter-search').click()
  await page.waitForFunction(
    (n) => [...document.querySelectorAll('[data-testid="resident-name-cell"]')].map((c) => c.textContent.trim()).join() === n,
    `导入甲${good1.slice(14, 17)}`,
  )
  const shown = await page.getByTestId('resident-id-cell').first().innerText()
  assert.notEqual(shown, good1)
  assert.match(shown, /\*/)
  await page.getByTestId('resident-table').locator('tbody tr').first().click()
  await page.getByTestId('resident-info').waitFor()
  residentId = page.url().match(/residents\/(\d+)/)[1]
  assert.equal(await page.getByTestId('resident-unmask').count(), 0, 'no 查看明文 for a grid worker')
})

test('a county leader sees it plain for a stated purpose, and the view is audited', async () => {
  await signOut(page)
  await signIn(page, 'county.leader')
  await page.goto(`${BASE_URL}/#/registry/residents/${residentId}`)
  await page.getByTestId('resident-unmask').click()
  const prompt = page.locator('.resident-prompt')
  await prompt.waitFor()
  await prompt.locator('input').fill('核对导入数据')
  await prompt.locator('.el-button--primary').click()
  await page.waitForFunction(
    (id) => document.querySelector('[data-testid="resident-id-number"]')?.textContent.trim() === id,
    good1,
  )
  await signOut(page)
  await signIn(page, 'auditor')
  const answer = await fetchInPage(page, `/api/audit?action=UNMASK&objectType=resident&objectId=${residentId}`)
  assert.equal(answer.status, 200)
  assert.ok(
    answer.body.content.some((r) => r.username === 'county.leader' && r.purpose === '核对导入数据'),
    'an UNMASK record of county.leader with the purpose',
  )
  assert.deepEqual(errors, [], 'no page errors')
})

test('a township center imports places with one unknown type, and exports the list', async () => {
  await signOut(page)
  await signIn(page, 'yz.operator')
  await page.goto(`${BASE_URL}/#/registry/places`)
  await page.getByTestId('record-import-open').click()
  await page.getByTestId('resident-import').waitFor()
  await page.getByTestId('resident-import-file').setInputFiles({
    name: 'places.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx([
      ['所属网格', '场所名称', '场所类型', '地址'],
      [GRID, `导入便民店${good1.slice(14, 17)}`, '商铺', '站前社区幸福路 20 号'],
      [GRID, '类型不明的场所', '飞船基地', '站前社区幸福路 21 号'],
    ]),
  })
  await page.getByTestId('resident-import-start').click()
  await page.locator('[data-testid="resident-import-status"][data-status="DONE"]').waitFor()
  assert.match(await page.getByTestId('resident-import-status').innerText(), /已读 2 行，导入 1 行，未导入 1 行/)
  assert.match(await page.getByTestId('resident-import-rejections').innerText(), /飞船基地|场所类型|type/)
  await page.locator('.el-dialog', { has: page.getByTestId('resident-import') }).getByRole('button', { name: '关闭', exact: true }).click()

  await page.getByTestId('record-export').click()
  const prompt = page.locator('.export-prompt')
  await prompt.waitFor()
  await prompt.locator('input').fill('年度场所核查')
  const [download] = await Promise.all([page.waitForEvent('download'), prompt.locator('.el-button--primary').click()])
  assert.match(download.suggestedFilename(), /\.xlsx$/)
  assert.deepEqual(errors, [], 'no page errors')
})

