// Browser test of the event loop (事件闭环): a grid worker reports an event in 站前社区 on the report page, the
// township center accepts it and dispatches it to the city management bureau (found by name in the dispatch dialog;
// the event then shows the bureau by name), which claims it and feeds back, the grid
// worker verifies it on site (closed) and rates it; an event escalated by the township reaches the county center,
// whose operator accepts it — no 上报上级 offered at the top — (and a move made on a stale page is refused and
// reloaded); the event list follows the box typed in the address; people and places show by name, never by login
// name or code; the report form works on a phone-size screen. The tests run in order in one browser, each going on from where the one before stopped.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
// Needs the demo accounts (password GridGov@2026) and the demo grids; creates new events on every run.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, pickCategory, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const GRID = '421381101001101'
const CGJ = '421381-cgj'

let browser
let page
const errors = []
const run = Date.now().toString(36)
/** The case number of the event the first test reports, and its id. */
let serial
let eventId

before(async () => {
  browser = await launchBrowser()
  page = browser.page
  page.on('pageerror', (error) => errors.push(error.message))
})

after(async () => {
  await browser?.close()
})

/** Opens a page of the application through its side-menu entry. */
async function openMenu(path) {
  await page.getByTestId('side-menu').locator(`[data-path="${path}"]`).click()
  await page.waitForURL(new RegExp(`#${path}(\\?|$)`))
}

/** Finds the event's row in the list on the page and opens it. */
async function openRow(number) {
  const row = page.getByTestId('event-list').locator(`[data-serial="${number}"]`)
  await row.waitFor()
  await row.click()
  await page.waitForURL(/#\/events\/\d+$/)
  await page.getByTestId('event-detail').locator('[data-testid="event-detail-serial"]').getByText(number).waitFor()
}

/** Makes a move through its button and dialog (fill: what to enter first), and waits for the status it leads to. */
async function move(name, status, fill = async () => {}) {
  await page.getByTestId(`move-${name}`).click()
  const dialog = page.locator(`[data-testid="move-dialog"][data-move="${name}"]`)
  await dialog.waitFor()
  await settleTransitions(page)
  await fill(dialog)
  await dialog.getByTestId('move-confirm').click()
  await page.locator(`[data-testid="event-detail"][data-status="${status}"]`).waitFor()
  await page.locator(`[data-testid="event-detail-status"][data-status="${status}"]`).waitFor()
  await settleTransitions(page)
}

/** The moves offered on the detail page. */
const offered = async () =>
  (await page.getByTestId('event-moves').locator('[data-testid^="move-"]').evaluateAll((buttons) =>
    buttons.map((b) => b.dataset.testid.slice('move-'.length))))

test('a grid worker reports an event on the map form', async () => {
  await page.goto(BASE_URL)
  await signIn(page, 'grid.worker')
  await openMenu('/events/report')
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  assert.equal(grid.status, 200)
  const [lon, lat] = grid.body.labelPoint

  await page.getByTestId('event-title').fill(`门店占道经营 ${run}`)
  await pickCategory(page, '街面秩序', '占道经营')
  await page.getByTestId('event-urgency').getByText('紧急').click()
  // The map and the coordinate inputs are kept in step; the grid of the point is found as soon as it is known.
  await page.getByTestId('event-lon').fill(String(lon))
  await page.getByTestId('event-lat').fill(String(lat))
  const located = page.locator(`[data-testid="event-grid"][data-state="found"][data-code="${GRID}"]`)
  await located.waitFor()
  assert.match(await located.innerText(), /站前社区第1网格/)
  assert.equal(await page.getByTestId('event-map').getAttribute('data-lon'), String(lon))
  await page.getByTestId('event-address').fill('站前路 12 号门前')
  await page.getByTestId('event-description').fill('门店将货架摆上人行道，行人绕行')
  await page.getByTestId('event-phone').fill('13912345678')
  await settleTransitions(page)
  await screenshot(page, 'event-report-form.png')

  await page.getByTestId('event-submit').click()
  const created = page.getByTestId('event-created')
  await created.waitFor()
  serial = (await created.innerText()).trim()
  assert.match(serial, /^421381-\d{4}-\d{6}$/)
  eventId = await created.getAttribute('data-id')
  const event = await fetchInPage(page, `/api/events/${eventId}`)
  assert.equal(event.body.serialNumber, serial)
  assert.equal(event.body.gridCode, GRID)
  assert.equal(event.body.categoryCode, '0406')
  assert.equal(event.body.urgency, 'URGENT')
  assert.equal(event.body.status, 'REPORTED')
  assert.equal(event.body.reporterPhone, '139****5678', 'the phone comes back masked')
  await settleTransitions(page)
  await screenshot(page, 'event-report-created.png')
})

test('the township center accepts it and dispatches it to the responsible department', async () => {
  await signOut(page)
  await signIn(page, 'yz.operator')
  await openMenu('/events/todo')
  await openRow(serial)
  assert.ok((await offered()).includes('ACCEPT'), `moves: ${await offered()}`)
  await move('ACCEPT', 'ACCEPTED')
  assert.deepEqual((await offered()).filter((m) => m === 'ACCEPT'), [], 'no second accept')

  // The category's responsible organization is suggested and picked already; a name finds it too.
  await page.getByTestId('move-DISPATCH').click()
  const dialog = page.locator('[data-testid="move-dialog"][data-move="DISPATCH"]')
  await dialog.waitFor()
  await page.waitForFunction(() => /421381-cgj/.test(document.querySelector('[data-testid="move-assignee"]')?.textContent || ''))
  await settleTransitions(page)
  await dialog.getByTestId('move-assignee').click()
  await page.keyboard.type('城市管理')
  const option = page.locator(`.el-select-dropdown__item[data-code="${CGJ}"]`).filter({ visible: true })
  await option.waitFor()
  assert.equal(await option.getAttribute('data-suggested'), 'true')
  assert.match(await page.locator('.el-select-group__title').filter({ visible: true }).first().innerText(), /按事件类别建议/)
  await settleTransitions(page)
  await screenshot(page, 'event-dispatch-search.png')
  await option.click()
  await dialog.getByTestId('move-note').fill('请当日处置')
  await settleTransitions(page)
  await screenshot(page, 'event-dispatch-dialog.png')
  await dialog.getByTestId('move-confirm').click()
  await page.locator('[data-testid="event-detail"][data-status="DISPATCHED"]').waitFor()
  const event = await fetchInPage(page, `/api/events/${eventId}`)
  assert.equal(event.body.holderOrg, CGJ)
  assert.deepEqual(event.body.allowedMoves, [], 'nothing left for the township center now')
  // The bureau shows by its name, its code in the tooltip, on the event and in its history.
  const holder = page.getByTestId('event-holder').locator('.org-name')
  await holder.getByText('广水市城市管理执法局').waitFor()
  assert.equal(await holder.getAttribute('title'), CGJ)
  const dispatched = page.locator('[data-testid="event-history-item"][data-move="DISPATCH"]')
  await dispatched.getByTestId('event-history-to').getByText('转 广水市城市管理执法局').waitFor()
  assert.doesNotMatch(await page.getByTestId('event-timeline').innerText(), /421381-cgj|421381101-center/)
  // People by name, never by login name; the grid by its name, township and village, never by its code.
  const timeline = await page.getByTestId('event-timeline').innerText()
  assert.match(timeline, /网格员[\s\S]*杨寨镇坐席员/)
  assert.doesNotMatch(timeline, /grid\.worker|yz\.operator/)
  assert.equal((await page.getByTestId('event-grid-name').innerText()).trim(), '站前社区第1网格')
  assert.equal((await page.getByTestId('event-grid-place').innerText()).trim(), '杨寨镇 / 站前社区')
  assert.doesNotMatch(await page.getByTestId('event-info').innerText(), new RegExp(GRID))
  // The dispatcher decides delay requests; asking for one is the department's, so no button here.
  assert.equal(await page.getByTestId('delay-request').count(), 0)
})

test('the department claims it and feeds back its result', async () => {
  await signOut(page)
  await signIn(page, 'dept.handler')
  await openMenu('/events/todo')
  await openRow(serial)
  await move('CLAIM', 'CLAIMED')
  await move('FEEDBACK', 'FEEDBACK', async (dialog) => {
    await dialog.getByTestId('move-note').fill('已责令店主将货架搬回店内')
  })
})

test('the grid worker verifies it on site, closing it, and rates it', async () => {
  await signOut(page)
  await signIn(page, 'grid.worker')
  await openMenu('/events/todo')
  await openRow(serial)
  // A note is required to send it back for rework: the dialog says so and sends nothing.
  await page.getByTestId('move-VERIFY_FAIL').click()
  const rework = page.locator('[data-testid="move-dialog"][data-move="VERIFY_FAIL"]')
  await rework.waitFor()
  await rework.getByTestId('move-confirm').click()
  await rework.getByText('请填写原因').waitFor()
  await rework.getByRole('button', { name: '取消' }).click()
  await settleTransitions(page)

  await move('VERIFY_PASS', 'CLOSED')
  assert.equal((await page.getByTestId('event-detail-status').innerText()).trim(), '已结案')
  await move('RATE', 'CLOSED', async (dialog) => {
    await dialog.getByTestId('move-satisfaction').locator('.el-rate__item').nth(4).click()
  })
  await page.locator('[data-testid="event-satisfaction"][data-value="5"]').waitFor()
  const history = await page.getByTestId('event-history-item').evaluateAll((items) => items.map((i) => i.dataset.move))
  assert.deepEqual(history, ['REPORT', 'ACCEPT', 'DISPATCH', 'CLAIM', 'FEEDBACK', 'VERIFY_PASS', 'RATE'])
  assert.match(await page.getByTestId('event-timeline').innerText(), /已责令店主将货架搬回店内/)
  await screenshot(page, 'event-closed.png')

  // The event map shows it, closed, among the events in scope; its popup links to the event.
  await openMenu('/events/map')
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="event-map-page"]')?.dataset.count) > 0)
  const marker = page.locator('path.event-marker.status-CLOSED').first()
  await marker.waitFor()
  await page.waitForTimeout(400)
  await screenshot(page, 'event-map.png')
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test('an event escalated by the township reaches the county center, which accepts it', async () => {
  // Reported through the API this time; the same request id sent again answers the same event.
  const draft = {
    requestId: `e2e-${run}-escalate`,
    title: `井盖缺失 ${run}`,
    categoryCode: '0406',
    urgency: 'NORMAL',
    lon: 113.7777649,
    lat: 31.5667525,
    description: '需县级协调',
  }
  const first = await fetchInPage(page, '/api/events', 'POST', draft)
  assert.equal(first.status, 201, JSON.stringify(first.body))
  const again = await fetchInPage(page, '/api/events', 'POST', draft)
  assert.equal(again.status, 200)
  assert.equal(again.body.id, first.body.id, 'not reported twice')
  const number = first.body.serialNumber

  await signOut(page)
  await signIn(page, 'yz.operator')
  await openMenu('/events/todo')
  await openRow(number)
  await move('ESCALATE', 'REPORTED', async (dialog) => {
    await dialog.getByTestId('move-note').fill('涉及多部门，请县中心协调')
  })
  await page.getByTestId('event-holder').getByText('广水市网格化服务管理中心').waitFor()

  await signOut(page)
  await signIn(page, 'county.operator')
  await openMenu('/events')
  // 事件列表 opens on the 待办 tab.
  await page.locator('[data-testid="event-boxes"] .el-tabs__item.is-active').getByText('待办').waitFor()
  const row = page.getByTestId('event-list').locator(`[data-serial="${number}"]`)
  await row.getByTestId('event-row-holder').getByText('广水市网格化服务管理中心').waitFor()
  await settleTransitions(page)
  await screenshot(page, 'event-list.png')
  // The list follows the address: another box typed there loads that box.
  const visit = page.waitForResponse((r) => /\/api\/events\?/.test(r.url()) && /box=visit/.test(r.url()))
  await page.evaluate(() => {
    window.location.hash = '#/events?box=visit'
  })
  await page.locator('[data-testid="event-boxes"][data-box="visit"] .el-tabs__item.is-active').getByText('待回访').waitFor()
  assert.equal((await visit).status(), 200)
  await page.waitForFunction((n) => !document.querySelector(`[data-testid="event-list"] [data-serial="${n}"]`), number)
  await page.evaluate(() => window.history.back())
  await page.locator('[data-testid="event-boxes"][data-box="todo"] .el-tabs__item.is-active').getByText('待办').waitFor()
  await openRow(number)
  assert.ok((await offered()).includes('ACCEPT'), `moves: ${await offered()}`)
  assert.ok(!(await offered()).includes('ESCALATE'), 'nowhere to escalate from the county center')
  await move('ACCEPT', 'ACCEPTED')
  assert.ok(!(await offered()).includes('ESCALATE'), `moves: ${await offered()}`)

  // Someone else suspends it meanwhile: this page still offers the old moves, and trying one reloads it.
  const current = await fetchInPage(page, `/api/events/${first.body.id}`)
  const suspended = await fetchInPage(page, `/api/events/${first.body.id}/suspend`, 'POST', {
    version: current.body.version,
    note: '等待县住建局回复',
  })
  assert.equal(suspended.status, 200, JSON.stringify(suspended.body))
  await page.getByTestId('move-DISPATCH').click()
  const dialog = page.locator('[data-testid="move-dialog"][data-move="DISPATCH"]')
  await dialog.waitFor()
  await page.waitForFunction(() => /421381-cgj/.test(document.querySelector('[data-testid="move-assignee"]')?.textContent || ''))
  await dialog.getByTestId('move-confirm').click()
  await page.locator('.el-message').getByText('事件已被他人处理').waitFor()
  await page.locator('[data-testid="event-detail"][data-status="SUSPENDED"]').waitFor()
  assert.ok((await offered()).includes('RESUME'), `moves: ${await offered()}`)
  await settleTransitions(page)
  await screenshot(page, 'event-stale.png')
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test('the report form, my tasks and an event work on a phone', async () => {
  const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const p = phone.page
  const phoneErrors = []
  p.on('pageerror', (error) => phoneErrors.push(error.message))
  try {
    await p.goto(BASE_URL)
    await signIn(p, 'grid.worker')
    // The side menu is a drawer behind the header's button.
    await p.getByTestId('menu-toggle').click()
    await p.getByTestId('menu-drawer').locator('[data-path="/events/report"]').click()
    await p.waitForURL(/#\/events\/report/)
    await p.getByTestId('event-title').waitFor()
    await settleTransitions(p)

    // A tap on the map sets the point; then the coordinates of a grid's label point are typed in.
    const map = p.getByTestId('event-map')
    const box = await map.boundingBox()
    await p.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await p.waitForFunction(() => document.querySelector('[data-testid="event-map"]')?.dataset.lon)
    const grid = await fetchInPage(p, `/api/grids/${GRID}`)
    const [lon, lat] = grid.body.labelPoint
    await p.getByTestId('event-lon').fill(String(lon))
    await p.getByTestId('event-lat').fill(String(lat))
    await p.locator(`[data-testid="event-grid"][data-state="found"][data-code="${GRID}"]`).waitFor()
    await p.getByTestId('event-title').fill(`垃圾堆放 ${run}`)
    await p.getByTestId('event-category').locator('input').click()
    const popper = p.locator('.category-cascader-popper').filter({ visible: true })
    await popper.locator('.el-cascader-node', { hasText: '街面秩序' }).click()
    await popper.locator('.el-cascader-node', { hasText: '占道经营' }).click()
    await settleTransitions(p)
    await screenshot(p, 'event-phone-report.png')

    const submit = p.getByTestId('event-submit')
    await submit.scrollIntoViewIfNeeded()
    const button = await submit.boundingBox()
    assert.ok(button.x >= 0 && button.x + button.width <= 390, `submit inside the screen: ${JSON.stringify(button)}`)
    assert.ok(button.height >= 40, `a big button: ${button.height}`)
    const overflow = await p.evaluate(() =>
      [document.documentElement, document.querySelector('.app-main')].map((el) => el.scrollWidth - el.clientWidth))
    assert.deepEqual(overflow, [0, 0], 'no horizontal scroll')
    await screenshot(p, 'event-phone-submit.png')
    await submit.click()
    const created = p.getByTestId('event-created')
    await created.waitFor()
    const number = (await created.innerText()).trim()
    const id = await created.getAttribute('data-id')

    await p.getByTestId('menu-toggle').click()
    await p.getByTestId('menu-drawer').locator('[data-path="/events/todo"]').click()
    await p.waitForURL(/#\/events\/todo/)
    await p.getByTestId('event-list').locator('[data-serial]').first().waitFor()
    await settleTransitions(p)
    await screenshot(p, 'event-phone-tasks.png')
    await p.getByTestId('event-list').locator(`[data-serial="${number}"]`).click()
    await p.waitForURL(new RegExp(`#/events/${id}$`))
    await p.getByTestId('event-detail-serial').getByText(number).waitFor()
    const moves = await p.getByTestId('event-moves').boundingBox()
    assert.ok(moves.y + moves.height <= 844 + 1, `the moves stay within reach: ${JSON.stringify(moves)}`)
    await p.getByTestId('move-RESOLVE').click()
    await p.locator('[data-testid="move-dialog"][data-move="RESOLVE"]').waitFor()
    await settleTransitions(p)
    await screenshot(p, 'event-phone-detail.png')
    assert.deepEqual(phoneErrors, [], 'no uncaught errors in the page')
  } finally {
    await phone.close()
  }
})
