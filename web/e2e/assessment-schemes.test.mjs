// Browser test of 考核方案: the county operator opens the page from the menu, is refused a grade line above 优秀's
// beside the field, then changes a weight and the report quota of the grid workers' scheme from a month not yet
// begun, saves after confirming, reloads and finds the new version planned with those numbers; a month already begun
// cannot be picked. A township operator and the county leader have no menu entry and are told why on the page. On a
// 390-px phone the page, an opened version and the form never scroll sideways.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/assessment-schemes.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts
// (password GridGov@2026).
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, freshBrowser, menuTexts, PHONE, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

/** A month n months after the current one in China's time zone, as the form writes it (2027-03). */
function monthsAhead(n) {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date())
  const year = Number(parts.find((p) => p.type === 'year').value)
  const month = Number(parts.find((p) => p.type === 'month').value) - 1 + n
  return `${year + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`
}

async function noSidewaysScroll(page, what) {
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${what}: no sideways scrolling on a phone (scrollWidth ${width})`)
}

async function schemesShown(page, type) {
  await page.locator(`[data-testid="schemes-page"][data-type="${type}"]`).waitFor()
  await page.getByTestId('scheme-in-force').getByTestId('scheme-summary').waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="scheme-versions"] .el-loading-mask'))
}

/** Types into an input-number (or any input) of the form and leaves it, so that it takes the value. */
async function typeInto(field, value) {
  const input = field.locator('input').first()
  await input.fill(String(value))
  await input.press('Tab')
}

/** Opens the month picker of a form item and shows the year of a month; answers the month's cell. */
async function monthCell(page, item, key) {
  if (!(await page.locator('.el-date-picker:visible').count())) await item.locator('input').click()
  const panel = page.locator('.el-date-picker:visible')
  await panel.waitFor()
  const [year, month] = key.split('-').map(Number)
  for (let tries = 0; tries < 5; tries += 1) {
    const shown = Number((await panel.locator('.el-date-picker__header-label').first().innerText()).match(/\d{4}/)[0])
    if (shown === year) break
    await panel.locator(shown < year ? 'button.d-arrow-right' : 'button.d-arrow-left').click()
  }
  return panel.locator('.el-month-table td').nth(month - 1)
}

async function confirmSave(page) {
  await page.getByTestId('scheme-save').click()
  const box = page.locator('.el-message-box')
  await box.waitFor()
  const text = await box.innerText()
  await box.locator('.el-button--primary').click()
  await box.waitFor({ state: 'hidden' })
  return text
}

test('the county operator keeps a new version of the grid workers’ scheme', async () => {
  const { page, errors, close } = await freshBrowser()
  await signIn(page, 'county.operator')
  assert.ok((await menuTexts(page)).includes('考核方案'), 'the menu offers 考核方案')
  await page.getByTestId('side-menu').getByText('考核方案', { exact: true }).click()
  await page.waitForURL(/#\/assessment\/schemes/)
  await schemesShown(page, 'WORKER')
  // Indicators by their names, never their codes.
  const inForce = await page.getByTestId('scheme-in-force').innerText()
  assert.match(inForce, /上报数/)
  assert.doesNotMatch(inForce, /REPORTS|VALID_REPORTS/)
  await screenshot(page, 'assessment-schemes-desktop.png')

  await page.getByTestId('scheme-new').click()
  const form = page.getByTestId('scheme-form')
  await form.getByTestId('scheme-save').waitFor()
  await settleTransitions(page)
  // The current month has begun: its cell cannot be picked; two months ahead can.
  const month = form.getByTestId('scheme-from-item')
  const begun = await monthCell(page, month, monthsAhead(0))
  assert.match(await begun.getAttribute('class'), /disabled/, 'a month already begun cannot be picked')
  const from = monthsAhead(2)
  await (await monthCell(page, month, from)).click()
  await page.locator('.el-date-picker:visible').waitFor({ state: 'hidden' })
  assert.equal(await month.locator('input').inputValue(), from)

  // A grade line for 良好 above 优秀's: the server's refusal stands beside the grade lines.
  await typeInto(form.getByTestId('scheme-goodMin'), 95)
  await confirmSave(page)
  await form.getByTestId('scheme-grades-item').locator('.el-form-item__error').waitFor()
  assert.match(await form.getByTestId('scheme-grades-item').innerText(), /合格线 ≤ 良好线 ≤ 优秀线/)
  await typeInto(form.getByTestId('scheme-goodMin'), 75)

  // A weight and the quota that no earlier run has left there.
  const weight = 40 + (Date.now() % 20)
  const quota = 5 + (Date.now() % 7)
  const reports = form.locator('[data-testid="scheme-weight-row"][data-indicator="REPORTS"]')
  const sumBefore = Number(await form.getByTestId('scheme-weight-sum').innerText())
  const weightBefore = Number(await reports.locator('input').inputValue())
  await typeInto(reports, weight)
  assert.equal(Number(await form.getByTestId('scheme-weight-sum').innerText()), Math.round((sumBefore - weightBefore + weight) * 100) / 100)
  await typeInto(form.getByTestId('scheme-quota-item'), quota)
  await screenshot(page, 'assessment-schemes-form-desktop.png')
  const saved = page.waitForResponse((r) => r.url().endsWith('/api/assessment/schemes/WORKER') && r.request().method() === 'PUT')
  assert.match(await confirmSave(page), new RegExp(`${Number(from.slice(5))}月`))
  const answer = await saved
  assert.equal(answer.status(), 200)
  const body = await answer.json()
  assert.equal(body.effectiveFrom, `${from}-01`)
  assert.equal(body.reportQuota, quota)
  assert.equal(body.weights.REPORTS, weight)
  await form.waitFor({ state: 'hidden' })

  await page.reload()
  await schemesShown(page, 'WORKER')
  const version = page.locator(`[data-testid="scheme-version"][data-from="${from}"]`)
  assert.equal(await version.getAttribute('data-state'), 'PLANNED')
  await version.locator('.el-collapse-item__header').click()
  await version.locator(`[data-testid="scheme-quota"][data-value="${quota}"]`).waitFor()
  await version.locator(`[data-testid="scheme-weight"][data-indicator="REPORTS"][data-value="${weight}"]`).waitFor()
  // The scheme in force this month is not the planned one.
  assert.notEqual(await page.getByTestId('scheme-in-force').getAttribute('data-from'), from)
  await screenshot(page, 'assessment-schemes-saved-desktop.png')
  assert.deepEqual(errors, [])
  await close()
})

test('those without assessment:manage have no menu entry and are told why', async () => {
  const { page, errors, close } = await freshBrowser()
  for (const username of ['yz.operator', 'county.leader']) {
    await signIn(page, username)
    const menu = await menuTexts(page)
    assert.ok(menu.includes('考核排名'), `${username} reads the rankings: ${menu}`)
    assert.ok(!menu.includes('考核方案'), `${username} has no 考核方案: ${menu}`)
    await page.goto(`${BASE_URL}/#/assessment/schemes`)
    await page.getByTestId('schemes-forbidden').waitFor()
    assert.match(await page.getByTestId('schemes-forbidden').innerText(), /无权维护考核方案/)
    assert.equal(await page.getByTestId('schemes-page').count(), 0)
    await signOut(page)
  }
  assert.deepEqual(errors, [])
  await close()
})

test('on a 390-px phone nothing scrolls sideways', async () => {
  const { page, errors, close } = await freshBrowser(PHONE)
  await signIn(page, 'county.operator')
  await page.goto(`${BASE_URL}/#/assessment/schemes?type=TOWNSHIP`)
  await schemesShown(page, 'TOWNSHIP')
  await noSidewaysScroll(page, 'schemes')
  const first = page.getByTestId('scheme-version').first()
  await first.locator('.el-collapse-item__header').click()
  await first.getByTestId('scheme-summary').waitFor()
  await settleTransitions(page)
  await noSidewaysScroll(page, 'an opened version')
  await screenshot(page, 'assessment-schemes-phone.png')

  await page.getByTestId('scheme-new').click()
  const form = page.getByTestId('scheme-form')
  await form.getByTestId('scheme-save').waitFor()
  await settleTransitions(page)
  await form.getByTestId('scheme-veto-add').click()
  await form.getByTestId('scheme-veto-row').last().waitFor()
  await noSidewaysScroll(page, 'the form')
  const body = form.locator('.el-drawer__body')
  assert.ok(await body.evaluate((e) => e.scrollWidth <= e.clientWidth), 'the form does not scroll sideways inside its drawer')
  await screenshot(page, 'assessment-schemes-form-phone.png')
  assert.deepEqual(errors, [])
  await close()
})
