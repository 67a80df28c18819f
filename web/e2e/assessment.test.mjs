// Browser test of the assessment pages: the county operator ranks the townships of the current month, drills down
// township → village → grid, opens a grid's score and the events behind one of its figures (as many as the figure
// says) and follows one to the event's page; the operator asks for a 加分 (the dialog first refuses an empty one,
// naming the fields), the county leader approves it on 加减分审批 and the score shows it; the bulletin shows its
// title and the whole ranking; the operator closes a past period (2025, without events) and sees it 已关账; a grid
// worker's home shows the quota card, a leader's and a department's home their assessment; the leader opens a
// township's trend on the ranking, six periods up to the month, and a period of the chart opens its score. All again
// on a 390-px phone, which never scrolls sideways.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/assessment.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts
// (password GridGov@2026) and the demo events of the last months.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, freshBrowser, menuTexts, PHONE, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const PAGE_SIZE = 20

/** The current month in China's time zone, as the pages default to it. */
function currentMonth() {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).formatToParts(new Date())
  return `${parts.find((p) => p.type === 'year').value}-${parts.find((p) => p.type === 'month').value}`
}

async function noSidewaysScroll(page, what, phone) {
  if (!phone) return
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${what}: no sideways scrolling on a phone (scrollWidth ${width})`)
}

/** Waits for the ranking of a level (and region) to show its rows; answers the rows' subjects. */
async function rankingShown(page, level, region) {
  const ranking = page.locator(`[data-testid="rankings-page"][data-level="${level}"][data-region="${region ?? ''}"]`)
  await ranking.waitFor()
  await page.waitForFunction(() => !document.querySelector('[data-testid="rankings-page"] .el-loading-mask'))
  const rows = ranking.getByTestId('ranking-row')
  await rows.first().waitFor()
  return rows.evaluateAll((elements) => elements.map((e) => e.dataset.subject))
}

const rowOf = (page, subject) => page.locator(`[data-testid="ranking-row"][data-subject="${subject}"]`)

/** Drills from the first row of the ranking shown (the best) into the level below. */
async function drillFirst(page, level, region, below) {
  const subjects = await rankingShown(page, level, region)
  assert.ok(subjects.length > 0, `${level} has rows`)
  const first = subjects[0]
  const code = first.split(':')[1]
  // The table's drill button stands in the row's <tr>; a card (the row itself) holds it.
  const drill = page.locator(`tr:has([data-testid="ranking-row"][data-subject="${first}"]), article[data-subject="${first}"]`).getByTestId('ranking-drill')
  await drill.click()
  await page.waitForURL(new RegExp(`level=${below}`))
  assert.match(page.url(), new RegExp(`region=${code}`))
  return code
}

for (const [name, options] of [['desktop', {}], ['phone', PHONE]]) {
  const phone = name === 'phone'

  test(`the operator drills down to a grid and the events behind a figure (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'county.operator')
    if (!phone) assert.ok((await menuTexts(page)).includes('考核排名'), 'the menu offers 考核排名')
    await page.goto(`${BASE_URL}/#/assessment/rankings`)
    // A county's operator starts at the townships of the current month.
    await rankingShown(page, 'TOWNSHIP', '')
    assert.equal(await page.getByTestId('rankings-page').getAttribute('data-period'), currentMonth())
    await page.getByTestId(phone ? 'ranking-cards' : 'ranking-table').waitFor()
    await noSidewaysScroll(page, 'townships', phone)
    await screenshot(page, `assessment-townships-${name}.png`)

    const township = await drillFirst(page, 'TOWNSHIP', '', 'VILLAGE')
    assert.equal(township.length, 9)
    // The breadcrumb names the township.
    await page.getByTestId('rankings-crumbs').locator(`[data-code="${township}"]`).waitFor()
    const village = await drillFirst(page, 'VILLAGE', township, 'GRID')
    assert.equal(village.length, 12)
    const grids = await rankingShown(page, 'GRID', village)
    await noSidewaysScroll(page, 'grids', phone)

    await rowOf(page, grids[0]).getByTestId('ranking-name').click()
    await page.waitForURL(/#\/assessment\/scores\/GRID/)
    await page.getByTestId('score-head').waitFor()
    assert.match(await page.getByTestId('score-rank').innerText(), /第 \d+ 名 \/ 共 \d+/)
    await page.getByTestId('indicator-table').waitFor()
    await page.getByTestId('trend-chart').locator('canvas').waitFor()
    await noSidewaysScroll(page, 'score', phone)
    await screenshot(page, `assessment-score-${name}.png`)

    // The figure with the most events behind it; its drawer lists as many (one page at most).
    const counts = page.getByTestId('indicator-counts')
    const many = await counts.evaluateAll((buttons) => buttons.map((b) => Number(b.dataset.events)))
    assert.ok(many.length > 0, 'the best grid of the best village of the best township has events this month')
    const most = many.indexOf(Math.max(...many))
    await counts.nth(most).click()
    const drawer = page.getByTestId('figure-events')
    await drawer.getByTestId('figure-event').first().waitFor()
    await settleTransitions(page)
    assert.equal(await drawer.getByTestId('figure-event').count(), Math.min(many[most], PAGE_SIZE))
    assert.equal(Number(await drawer.getByTestId('figure-events-total').getAttribute('data-total')), many[most])
    await noSidewaysScroll(page, 'events drawer', phone)
    await screenshot(page, `assessment-events-${name}.png`)
    await drawer.getByTestId('figure-event').first().click()
    await page.waitForURL(/#\/events\/\d+$/)
    assert.deepEqual(errors, [])
    await close()
  })

  test(`an adjustment asked for by the operator and approved by the leader counts (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'county.operator')
    const subject = 'VILLAGE:421381101001'
    await page.goto(`${BASE_URL}/#/assessment/scores/${subject}`)
    await page.getByTestId('score-head').waitFor()
    await page.getByTestId('adjustment-ask').click()
    const dialog = page.getByTestId('adjustment-dialog')
    await dialog.getByTestId('adjustment-save').waitFor()
    await settleTransitions(page)
    // Nothing filled in: the server's problems stand beside both fields.
    await dialog.getByTestId('adjustment-save').click()
    await dialog.getByTestId('adjustment-points-item').locator('.el-form-item__error').waitFor()
    await dialog.getByTestId('adjustment-reason-item').locator('.el-form-item__error').waitFor()
    await dialog.getByTestId('adjustment-points').locator('input').fill('2.5')
    await dialog.locator('textarea[data-testid="adjustment-reason"], [data-testid="adjustment-reason"] textarea').fill('协助处置突发事件，表现突出')
    const answer = page.waitForResponse((r) => r.url().endsWith('/api/assessment/adjustments') && r.request().method() === 'POST')
    await dialog.getByTestId('adjustment-save').click()
    const entered = await (await answer).json()
    assert.equal(entered.status, 'PENDING')
    assert.equal(entered.points, 2.5)
    await page.locator(`[data-testid="score-adjustments"] [data-testid="adjustment-row"][data-id="${entered.id}"][data-status="PENDING"]`).waitFor()
    await signOut(page)

    await signIn(page, 'county.leader')
    if (phone) await page.goto(`${BASE_URL}/#/assessment/adjustments`)
    else await page.getByTestId('side-menu').getByText('加减分审批', { exact: true }).click()
    await page.getByTestId('adjustments-page').waitFor()
    const row = page.locator(`[data-testid="adjustment-row"][data-id="${entered.id}"]`)
    await row.waitFor()
    await noSidewaysScroll(page, 'adjustments', phone)
    await screenshot(page, `assessment-adjustments-${name}.png`)
    await page.locator(`tr:has([data-testid="adjustment-row"][data-id="${entered.id}"]), article[data-id="${entered.id}"]`).getByTestId('adjustment-approve').click()
    await page.locator('.el-message-box').waitFor()
    await page.locator('.el-message-box textarea').fill('同意')
    await page.locator('.el-message-box .el-button--primary').click()
    // Decided: it leaves the pending list.
    await row.waitFor({ state: 'detached' })

    await page.goto(`${BASE_URL}/#/assessment/scores/${subject}`)
    await page.locator(`[data-testid="adjustment-row"][data-id="${entered.id}"][data-status="APPROVED"]`).waitFor()
    const points = Number(await page.getByTestId('score-adjustment').getAttribute('data-points'))
    assert.ok(points >= 2.5, `the score counts the approved points (${points})`)
    assert.deepEqual(errors, [])
    await close()
  })

  test(`a subject's trend on the ranking shows six periods and opens one (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'county.leader')
    const month = currentMonth()
    await page.goto(`${BASE_URL}/#/assessment/rankings?level=TOWNSHIP&period=${month}`)
    const subjects = await rankingShown(page, 'TOWNSHIP', '')
    const subject = subjects[0]
    await page.locator(`tr:has([data-testid="ranking-row"][data-subject="${subject}"]), article[data-subject="${subject}"]`).getByTestId('ranking-trend-open').click()
    const trend = page.locator(`[data-testid="ranking-trend"][data-subject="${subject}"]`)
    await trend.getByTestId('trend-period').nth(5).waitFor()
    const periods = await trend.getByTestId('trend-period').evaluateAll((items) => items.map((i) => i.dataset.period))
    assert.equal(periods.length, 6, 'six periods')
    assert.equal(periods[5], month, 'up to the ranking’s month')
    const chart = trend.getByTestId('trend-chart')
    await chart.locator('canvas').waitFor()
    assert.equal(await chart.getAttribute('data-points'), '6')
    await settleTransitions(page)
    await noSidewaysScroll(page, 'trend', phone)
    await screenshot(page, `assessment-trend-${name}.png`)

    // The previous month's column of the chart (36 px of axis on the left, 12 on the right) opens its score.
    const box = await chart.boundingBox()
    const x = box.x + 36 + 4.5 * ((box.width - 48) / 6)
    const y = box.y + box.height / 2
    if (phone) await page.touchscreen.tap(x, y)
    else await page.mouse.click(x, y)
    await page.waitForURL(new RegExp(`#/assessment/scores/${subject.replace(':', '(:|%3A)')}\\?period=${periods[4]}`))
    await page.getByTestId('score-head').waitFor()
    assert.equal(await page.getByTestId('score-page').getAttribute('data-period'), periods[4])
    await noSidewaysScroll(page, 'score from the trend', phone)
    assert.deepEqual(errors, [])
    await close()
  })

  test(`the bulletin shows its title and the ranking (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'county.operator')
    await page.goto(`${BASE_URL}/#/assessment/rankings?level=TOWNSHIP&period=${currentMonth()}`)
    const subjects = await rankingShown(page, 'TOWNSHIP', '')
    await page.getByTestId('rankings-bulletin').click()
    await page.waitForURL(/#\/assessment\/bulletin/)
    assert.match(await page.getByTestId('bulletin-title').innerText(), /考核通报/)
    await page.waitForFunction(() => !document.querySelector('[data-testid="bulletin-page"] .el-loading-mask'))
    assert.match(await page.getByTestId('bulletin-summary').innerText(), /优秀 \d+ 个，良好 \d+ 个，合格 \d+ 个，不合格 \d+ 个/)
    assert.ok((await page.getByTestId('bulletin-row').count()) >= subjects.length)
    assert.match(await page.getByTestId('bulletin-export').getAttribute('href'), /\/api\/assessment\/bulletin\/export\?level=TOWNSHIP/)
    await noSidewaysScroll(page, 'bulletin', phone)
    await screenshot(page, `assessment-bulletin-${name}.png`)
    assert.deepEqual(errors, [])
    await close()
  })

  test(`the homes show the assessment (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'grid.worker')
    if (!phone) assert.ok(!(await menuTexts(page)).includes('考核排名'), 'a grid worker has his figures on the home page')
    const card = page.getByTestId('assessment-worker-card')
    await card.waitFor()
    assert.match(await card.getByTestId('assessment-reports').innerText(), /^\d+ \/ \d+\s/)
    assert.match(await card.getByTestId('assessment-rank').innerText(), /第 \d+ \/ 共 \d+/)
    await card.getByTestId('grade-tag').waitFor()
    await noSidewaysScroll(page, 'worker home', phone)
    await screenshot(page, `assessment-home-worker-${name}.png`)
    await card.getByTestId('assessment-card-more').click()
    await page.waitForURL(/#\/assessment\/scores\/WORKER/)
    await page.getByTestId('score-head').waitFor()
    await signOut(page)

    await signIn(page, 'county.leader')
    const center = page.getByTestId('assessment-center')
    await center.getByTestId('assessment-top-row').first().waitFor()
    await center.getByTestId('trend-chart').locator('canvas').waitFor()
    await noSidewaysScroll(page, 'leader home', phone)
    await screenshot(page, `assessment-home-leader-${name}.png`)
    await signOut(page)

    await signIn(page, 'dept.handler')
    const department = page.getByTestId('assessment-department-card')
    await department.waitFor()
    assert.match(await department.getByTestId('assessment-rank').innerText(), /第 \d+ \/ 共 \d+/)
    await noSidewaysScroll(page, 'department home', phone)
    assert.deepEqual(errors, [])
    await close()
  })
}

test('the operator closes a past period and sees it closed', async () => {
  const { page, errors, close } = await freshBrowser()
  await signIn(page, 'county.operator')
  await page.goto(`${BASE_URL}/#/assessment/rankings?level=TOWNSHIP&period=2025`)
  await rankingShown(page, 'TOWNSHIP', '')
  const frozen = page.getByTestId('rankings-frozen')
  if (!(await frozen.isVisible())) {
    await page.getByTestId('rankings-close').click()
    await page.locator('.el-message-box').waitFor()
    await page.locator('.el-message-box .el-button--primary').click()
  }
  await frozen.waitFor()
  assert.ok(await page.getByTestId('rankings-close').isDisabled(), 'a closed period cannot be closed again')
  // The current month has not ended: it cannot be closed yet.
  await page.goto(`${BASE_URL}/#/assessment/rankings?level=TOWNSHIP&period=${currentMonth()}`)
  await rankingShown(page, 'TOWNSHIP', '')
  assert.ok(await page.getByTestId('rankings-close').isDisabled())
  await signOut(page)
  // A leader may read but not close.
  await signIn(page, 'county.leader')
  await page.goto(`${BASE_URL}/#/assessment/rankings`)
  await rankingShown(page, 'TOWNSHIP', '')
  assert.equal(await page.getByTestId('rankings-close').count(), 0)
  assert.deepEqual(errors, [])
  await close()
})
