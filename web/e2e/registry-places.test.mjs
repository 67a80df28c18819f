// Browser test of the houses register (实有房屋): a grid worker opens 实有房屋 from the menu, finds a demo house by a
// fragment of its address, opens it and sees its household (户号) with the residents in it, their ID numbers masked
// and their relation to the head named; then adds a place (场所) through the generic form and finds its history.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/registry-places.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, menuTexts, screenshot, settleTransitions, signIn } from './support.mjs'

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

test('a grid worker opens a house and sees its households and their residents', async () => {
  await signIn(page, 'grid.worker')
  const menu = await menuTexts(page)
  for (const entry of ['实有房屋', '场所', '组织']) assert.ok(menu.includes(entry), `the menu offers ${entry}`)
  // A demo house of the worker's grid that has a household with a head.
  const houses = await fetchInPage(page, '/api/registry/houses?gridCode=421381101001101&size=50')
  assert.equal(houses.status, 200, JSON.stringify(houses.body))
  let house = null
  for (const candidate of houses.body.content) {
    const detail = await fetchInPage(page, `/api/registry/houses/${candidate.id}`)
    if (detail.body.households.some((h) => h.members.length > 1 && h.headName)) {
      house = detail.body
      break
    }
  }
  assert.ok(house, 'a demo house with a household of several people')

  await page.locator('[data-testid="side-menu"] [data-path="/registry/houses"]').click()
  await page.getByTestId('houses-list-page').waitFor()
  await page.getByTestId('record-filter-addressContains').fill(house.house.address)
  await page.getByTestId('record-search').click()
  await page.waitForFunction(
    (address) => document.querySelector('[data-testid="record-rows"] tbody tr')?.textContent.includes(address),
    house.house.address,
  )
  await page.getByTestId('record-rows').locator('tbody tr').first().click()
  await page.getByTestId('house-households').waitFor()
  assert.equal((await page.getByTestId('record-title').innerText()).trim(), house.house.address)
  const household = house.households.find((h) => h.members.length > 1)
  const card = page.getByTestId(`household-${household.id}`)
  await card.waitFor()
  const text = await card.innerText()
  assert.ok(text.includes(household.householdNumber), 'the household number is shown')
  for (const member of household.members) {
    assert.ok(text.includes(member.name), `member ${member.name} is shown`)
    if (member.idNumber) assert.ok(text.includes(member.idNumber), 'the ID number is shown masked')
  }
  assert.match(text, /户主/, 'the relation to the head is named')
  assert.doesNotMatch(text, /\d{17}[\dX]/, 'no ID number in full')
  await settleTransitions(page)
  await screenshot(page, 'registry-house-households.png')
})

test('the grid worker adds a place and finds it with its history', async () => {
  await page.goto(`${BASE_URL}/#/registry/places`)
  await page.getByTestId('places-list-page').waitFor()
  await page.getByTestId('record-create').click()
  const form = page.getByTestId('record-form')
  await form.waitFor()
  await settleTransitions(page)
  await page.getByTestId('record-form-gridCode').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '421381101001101' }).first().click()
  const name = `测试便民店${Date.now() % 100000}`
  await page.getByTestId('record-form-name').fill(name)
  await page.getByTestId('record-form-type').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '商铺' }).first().click()
  await page.getByTestId('record-form-address').fill('站前社区幸福路 9 号')
  await page.getByTestId('record-form-submit').click()
  await page.waitForURL(/#\/registry\/places\/\d+/)
  await page.getByTestId('record-info').waitFor()
  assert.ok((await page.getByTestId('record-info').innerText()).includes('商铺'))
  // A change of type: the history names both types, not their codes.
  await page.getByTestId('record-edit').click()
  await form.waitFor()
  await settleTransitions(page)
  await page.getByTestId('record-form-type').click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: '餐饮' }).first().click()
  await page.getByTestId('record-form-submit').click()
  await form.waitFor({ state: 'hidden' })
  await page.locator('.el-tabs__item', { hasText: '变更记录' }).click()
  await page.getByTestId('record-history').waitFor()
  await page.waitForFunction(() => document.querySelector('[data-testid="record-history"] tbody')?.textContent.includes('餐饮'))
  const history = await page.getByTestId('record-history').locator('tbody').innerText()
  assert.match(history, /商铺\s*→\s*餐饮/, `the type change is named: ${history}`)
  assert.doesNotMatch(history, /SHOP|RESTAURANT/, 'no raw codes in the history')
  assert.deepEqual(errors, [], 'no page errors')
})
