// Browser test of 我的走访: a grid worker sees an overdue follow-up of a demo special-group member, opens it, records
// a visit, and the person leaves the overdue list; a grid assistant (no special:read) is not offered the pages.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/registry-special.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, menuTexts, screenshot, signIn, signOut } from './support.mjs'

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
  await page.getByRole('tab', { name: '社会稳定' }).click()
  await page.getByTestId('member-name-cell').first().waitFor()
  await signOut(page)

  await signIn(page, 'grid.assistant')
  const menu = await menuTexts(page)
  assert.ok(!menu.includes('我的走访') && !menu.includes('特殊人群'), `menu: ${menu}`)
  assert.deepEqual(errors, [])
})
