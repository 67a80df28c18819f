// Browser test of 我的走访: a grid worker sees an overdue follow-up of a demo special-group member, opens it, records
// a visit, and the person leaves the overdue list; a grid assistant (no special:read) is not offered the pages. A grid
// worker registers a resident of their grid in a service group with the group's fields, and a center operator
// defines a register of the deployment's own, renames one, and retires an entry of it on the resident's page.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/registry-special.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, menuTexts, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const GRID = '421381101001101'

/** A valid GB 11643 number born in May 1985, apart from the people other tests create. */
function idNumber() {
  const first17 = `42138119850516${String(100 + Math.floor(Math.random() * 900))}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((total, digit, i) => total + Number(digit) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

/** Opens a select and picks the option with the text. */
async function pick(select, text) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
  await settleTransitions(page)
}

let browser
let page
const errors = []

before(async () => {
  browser = await launchBrowser()
  page = browser.page
  page.on('pageerror', (error) => errors.push(error.message))
})

after(async () => {
  await browser?.close()
})

test('a grid worker records an overdue follow-up and it leaves 我的走访', async () => {
  await signIn(page, 'grid.worker')
  const menu = await menuTexts(page)
  assert.ok(menu.includes('我的走访') && menu.includes('特殊人群') && menu.includes('三本台账'), `menu: ${menu}`)
  await page.locator('[data-testid="side-menu"] [data-path="/registry/my-visits"]').click()
  await page.getByTestId('overdue-page').waitFor()
  const firstOverdue = page.getByTestId('member-name-cell').first()
  await firstOverdue.waitFor()
  const overdue = await fetchInPage(page, '/api/registry/follow-ups/overdue?size=200')
  const target = overdue.body.content[0]
  assert.ok(target.overdue, 'the first one is overdue')
  await screenshot(page, 'registry-my-visits.png')

  await firstOverdue.click()
  await page.waitForURL(/#\/registry\/groups\/(special|service)\/\d+/)
  await page.getByTestId('member-detail-overdue').waitFor()
  await page.getByTestId('follow-up-content').fill('入户走访，本人在家，情况稳定')
  await page.getByTestId('follow-up-submit').click()
  await page.getByTestId('member-detail-overdue').waitFor({ state: 'detached' })
  await page.getByTestId('follow-up-timeline').getByText('入户走访，本人在家，情况稳定').waitFor()

  await page.goto(`${BASE_URL}/#/registry/my-visits`)
  await page.getByTestId('overdue-page').waitFor()
  const after = await fetchInPage(page, '/api/registry/follow-ups/overdue?size=200')
  assert.ok(!after.body.content.some((m) => m.id === target.id), 'the person left the overdue list')
  assert.equal(after.body.totalElements, overdue.body.totalElements - 1)
  await signOut(page)
})

test('the three ledgers show their tabs, and a grid assistant is not offered them', async () => {
  await signIn(page, 'grid.worker')
  await page.goto(`${BASE_URL}/#/registry/ledgers`)
  await page.getByTestId('ledger-page').waitFor()
  await page.getByTestId('member-name-cell').first().waitFor()
  const level = (await page.getByTestId('member-level-cell').first().textContent()).trim()
  assert.ok(['一般', '中等', '严重'].includes(level), `attention level named: ${level}`)
  await page.getByRole('tab', { name: '社会稳定' }).click()
  await page.getByTestId('member-name-cell').first().waitFor()
  await signOut(page)

  await signIn(page, 'grid.assistant')
  const menu = await menuTexts(page)
  assert.ok(!menu.includes('我的走访') && !menu.includes('特殊人群'), `menu: ${menu}`)
  await signOut(page)
  assert.deepEqual(errors, [])
})

test('a grid worker registers a resident of their grid in a service group with its fields and sees it on the page', async () => {
  await signIn(page, 'grid.worker')
  const created = await fetchInPage(page, '/api/registry/residents', 'POST', {
    gridCode: GRID,
    name: '残助甲',
    idNumber: idNumber(),
    ethnicity: '05',
    kind: 'REGISTERED',
  })
  assert.equal(created.status, 201, JSON.stringify(created.body))
  await page.goto(`${BASE_URL}/#/registry/residents/${created.body.id}`)
  await page.getByTestId('resident-detail').waitFor()
  await page.getByTestId('resident-ethnicity').filter({ hasText: '维吾尔族' }).waitFor()
  await page.getByRole('tab', { name: '人群类别' }).click()
  await page.getByTestId('resident-register-group').click()
  const dialog = page.getByTestId('member-form-dialog')
  await dialog.waitFor()
  await settleTransitions(page)
  await pick(page.getByTestId('member-form-group'), '残疾人')
  await page.getByTestId('field-certificateNumber').fill('42138119850516001')
  await page.getByTestId('member-form-save').click()
  const required = dialog.locator('.el-form-item', { has: page.getByTestId('field-disabilityType') }).locator('.el-form-item__error')
  await required.waitFor()
  await screenshot(page, 'registry-group-field-error.png')

  await pick(page.getByTestId('field-disabilityType'), '听力残疾')
  await page.getByTestId('member-form-save').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByTestId('resident-group-name').filter({ hasText: '残疾人' }).waitFor()
  const groups = await fetchInPage(page, `/api/registry/residents/${created.body.id}/groups`)
  assert.equal(groups.body[0].groupCode, 'DISABLED')

  await page.getByTestId('resident-group-level').filter({ hasText: '一般' }).waitFor()

  // Coded values follow the language as the labels do: the attention level, a group field's value, the ethnicity.
  await page.getByTestId('locale-switch').getByText('English').click()
  await page.getByTestId('resident-group-name').filter({ hasText: 'Person with disability' }).waitFor()
  await page.getByTestId('resident-group-level').filter({ hasText: 'Low' }).waitFor()
  await page.getByRole('tab', { name: 'Details' }).click()
  await page.getByTestId('resident-ethnicity').filter({ hasText: 'Uyghur' }).waitFor()
  await page.getByRole('tab', { name: 'Groups' }).click()
  await page.getByTestId('resident-group-name').click()
  await page.waitForURL(/#\/registry\/groups\/service\/\d+/)
  await page.getByTestId('member-info').getByText('Disability type').waitFor()
  await page.getByTestId('member-info').getByText('Hearing disability').waitFor()
  await page.getByTestId('member-level').filter({ hasText: 'Low' }).waitFor()
  await screenshot(page, 'registry-member-english.png')
  await page.getByTestId('locale-switch').getByText('中文').click()
  await signOut(page)
})

test('a center operator defines a register of the deployment and its fields', async () => {
  await signIn(page, 'yz.operator')
  await page.locator('[data-testid="side-menu"] [data-path="/registry/register-types"]').click()
  await page.getByTestId('register-types-page').waitFor()
  await page.getByTestId('register-type-define').click()
  await page.getByTestId('register-type-dialog').waitFor()
  await settleTransitions(page)
  await page.getByTestId('register-type-code').fill('VOLUNTEER')
  await page.getByTestId('register-type-name').fill('志愿者')
  const first = page.getByTestId('register-field-0')
  await first.getByTestId('register-field-name').fill('team')
  await first.getByTestId('register-field-label').fill('服务队')
  await page.getByTestId('register-field-add').click()
  const second = page.getByTestId('register-field-1')
  await second.getByTestId('register-field-name').fill('Joined')
  await second.getByTestId('register-field-label').fill('加入日期')
  await pick(second.getByTestId('register-field-type'), '日期')
  await page.getByTestId('register-type-save').click()
  await page.getByTestId('register-type-dialog').getByText('字段名须为小写字母开头').waitFor()

  await second.getByTestId('register-field-name').fill('joinedOn')
  await page.getByTestId('register-type-save').click()
  await page.getByTestId('register-type-dialog').waitFor({ state: 'hidden' })
  await page.getByTestId('register-type-table').getByText('志愿者').waitFor()
  await screenshot(page, 'registry-register-types.png')
  await signOut(page)
  assert.deepEqual(errors, [])
})

test('a center operator renames a register, sees it in its history, and retires an entry of it', async () => {
  await signIn(page, 'yz.operator')
  const defined = await fetchInPage(page, '/api/registry/register-types', 'POST', {
    code: 'BLOOD_DONOR',
    name: '献血者',
    fields: [{ name: 'bloodType', label: '血型', type: 'TEXT', required: true }],
  })
  assert.equal(defined.status, 201, JSON.stringify(defined.body))
  const person = await fetchInPage(page, '/api/registry/residents', 'POST', {
    gridCode: GRID,
    name: '献血甲',
    idNumber: idNumber(),
    kind: 'REGISTERED',
  })
  assert.equal(person.status, 201, JSON.stringify(person.body))
  const entries = `/api/registry/register-types/${defined.body.id}/entries`
  const entry = await fetchInPage(page, entries, 'POST', { residentId: person.body.id, values: { bloodType: 'AB' } })
  assert.equal(entry.status, 201, JSON.stringify(entry.body))

  await page.locator('[data-testid="side-menu"] [data-path="/registry/register-types"]').click()
  await page.getByTestId('register-types-page').waitFor()
  const row = page.getByTestId('register-type-table').locator('.el-table__row', { hasText: 'BLOOD_DONOR' })
  await row.getByTestId('register-type-edit').click()
  const dialog = page.getByTestId('register-type-dialog')
  await dialog.waitFor()
  await settleTransitions(page)
  assert.ok(await dialog.getByTestId('register-type-code').isDisabled(), 'the code stays')
  await dialog.getByTestId('register-type-name').fill('无偿献血者')
  await dialog.getByTestId('register-type-save').click()
  await dialog.waitFor({ state: 'hidden' })
  await row.getByText('无偿献血者').waitFor()
  await row.getByTestId('register-type-history').click()
  await page.getByTestId('register-type-changes').getByText('无偿献血者').waitFor()
  await settleTransitions(page)
  await screenshot(page, 'registry-register-type-history.png')
  await page.keyboard.press('Escape')
  await page.getByTestId('register-type-changes').waitFor({ state: 'detached' })

  await page.goto(`${BASE_URL}/#/registry/residents/${person.body.id}`)
  await page.getByTestId('resident-detail').waitFor()
  await page.getByRole('tab', { name: '登记簿' }).click()
  await pick(page.getByTestId('resident-register-type'), '无偿献血者')
  const entryRow = page.getByTestId('register-entries').locator('.el-table__row', { hasText: 'AB' })
  await entryRow.getByTestId('register-entry-retire').click()
  const prompt = page.locator('.register-entry-retire-prompt')
  await prompt.waitFor()
  await prompt.locator('input').fill('误登记')
  await prompt.locator('.el-button--primary').click()
  await entryRow.waitFor({ state: 'detached' })
  const after = await fetchInPage(page, `${entries}?includeRetired=true&residentId=${person.body.id}`)
  assert.equal(after.body.content[0].retiredReason, '误登记')
  await page.getByTestId('register-entries-retired').click()
  await entryRow.getByText('已注销').waitFor()
  await entryRow.getByTestId('register-entry-history').click()
  await page.getByTestId('register-entry-changes').getByText('误登记').waitFor()
  await settleTransitions(page)
  await screenshot(page, 'registry-register-entry-history.png')
  await page.keyboard.press('Escape')
  await page.getByTestId('register-entry-changes').waitFor({ state: 'detached' })
  await settleTransitions(page)
  await signOut(page)
  assert.deepEqual(errors, [])
})
