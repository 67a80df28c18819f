// Browser test of the event extras: a grid worker reports an event with a photo (the detail shows it); a second
// report of the same category at the same point shows the duplicate hint before it is submitted; the township
// center merges the second into the first (不予受理), found by its case number, and the first lists the merged
// reporter; the first is dispatched to the city management bureau, which claims it and asks for one more working
// day, and the center approves the delay (延期已批准 in the history, the request naming the bureau), and the
// department feeds back with a photo; a resident, who may not read the region tree, reports on the map, which shows
// the grid of the point over the township and village outlines without drawing grid outlines, and finds the report under 我的诉求 (a resident's menu is that
// and 我要上报, with plain statuses, also on a phone); the county leader's supervision shows in the timeline by its
// level in words; whoever resolved a case on the spot is not offered its verification. The tests run in order in one
// browser.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import zlib from 'node:zlib'
import { BASE_URL, fetchInPage, launchBrowser, menuTexts, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const GRID = '421381101001101'
const CGJ = '421381-cgj'

let browser
let page
const errors = []
const run = Date.now().toString(36)
/** The first event (with the photo, the original) and the second (the duplicate). */
const first = {}
const second = {}
/** [lon, lat] inside GRID: its label point. */
let inGrid
/** The resident's report: { id, serial }. */
let residents

/** A small valid PNG (width × height, one colour) made here, so that the test needs no file. */
function png(width = 24, height = 16, [r, g, b] = [30, 120, 220]) {
  const chunk = (type, data) => {
    const length = Buffer.alloc(4)
    length.writeUInt32BE(data.length)
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const crc = Buffer.alloc(4)
    crc.writeUInt32BE(zlib.crc32(body) >>> 0)
    return Buffer.concat([length, body, crc])
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(width, 0)
  header.writeUInt32BE(height, 4)
  header[8] = 8 // bit depth
  header[9] = 2 // truecolour RGB
  const row = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3).map((_, i) => [r, g, b][i % 3])])
  const pixels = zlib.deflateSync(Buffer.concat(Array.from({ length: height }, () => row)))
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', pixels),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

before(async () => {
  browser = await launchBrowser()
  page = browser.page
  page.on('pageerror', (error) => errors.push(error.message))
})

after(async () => {
  await browser?.close()
})

async function openMenu(path) {
  await page.getByTestId('side-menu').locator(`[data-path="${path}"]`).click()
  await page.waitForURL(new RegExp(`#${path}(\\?|$)`))
}

/** Opens an event's detail page by its id and waits for its case number. */
async function openEvent(event) {
  await page.goto(`${BASE_URL}/#/events/${event.id}`)
  await page.getByTestId('event-detail-serial').getByText(event.serial).waitFor()
}

async function move(name, status, fill = async () => {}) {
  await page.getByTestId(`move-${name}`).click()
  const dialog = page.locator(`[data-testid="move-dialog"][data-move="${name}"]`)
  await dialog.waitFor()
  await settleTransitions(page)
  await fill(dialog)
  await dialog.getByTestId('move-confirm').click()
  await page.locator(`[data-testid="event-detail-status"][data-status="${status}"]`).waitFor()
  await settleTransitions(page)
}

/** Fills the report form: title, 街面秩序 / 占道经营, and the label point of the grid. */
async function fillReport(title) {
  await openMenu('/events/report')
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  assert.equal(grid.status, 200)
  const [lon, lat] = grid.body.labelPoint
  inGrid = [lon, lat]
  await page.getByTestId('event-title').fill(title)
  await page.getByTestId('event-category').locator('input').click()
  const popper = page.locator('.category-cascader-popper').filter({ visible: true })
  await popper.locator('.el-cascader-node', { hasText: '街面秩序' }).click()
  await popper.locator('.el-cascader-node', { hasText: '占道经营' }).click()
  await page.waitForFunction(() => !document.querySelector('.category-cascader-popper:not([style*="display: none"]) .el-cascader-node'))
  await page.getByTestId('event-lon').fill(String(lon))
  await page.getByTestId('event-lat').fill(String(lat))
  await page.locator(`[data-testid="event-grid"][data-state="found"][data-code="${GRID}"]`).waitFor()
}

/** Submits the report form and answers { id, serial } of the new event. */
async function submitReport() {
  await page.getByTestId('event-submit').click()
  const created = page.getByTestId('event-created')
  await created.waitFor()
  return { id: await created.getAttribute('data-id'), serial: (await created.innerText()).trim() }
}

test('a grid worker reports an event with a photo, and its detail shows the photo', async () => {
  await page.goto(BASE_URL)
  await signIn(page, 'grid.worker')
  await fillReport(`摊位占道 ${run}`)
  const input = page.getByTestId('event-photos').locator('input[type="file"]')
  // A file that is not an image is refused at once, with a message.
  await input.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not an image') })
  await page.locator('.el-message').getByText('notes.txt').waitFor()
  await page.locator('[data-testid="event-photos"][data-count="0"]').waitFor()
  await input.setInputFiles({ name: `stall-${run}.png`, mimeType: 'image/png', buffer: png() })
  await page.locator('[data-testid="event-photos"][data-count="1"]').waitFor()
  // The duplicate hint (asked once the point is set) may still push the form down.
  await page.waitForTimeout(800)
  await page.getByTestId('event-photos').evaluate((el) => el.scrollIntoView({ block: 'center' }))
  await settleTransitions(page)
  await screenshot(page, 'extras-report-photo.png')

  Object.assign(first, await submitReport())
  assert.match(first.serial, /^421381-\d{4}-\d{6}$/)
  await page.locator('[data-testid="event-photo-upload"][data-state="done"]').waitFor()
  await screenshot(page, 'extras-report-created.png')
  const photos = await fetchInPage(page, `/api/events/${first.id}/attachments?page=0&size=20`)
  assert.equal(photos.status, 200, JSON.stringify(photos.body))
  assert.equal(photos.body.totalElements, 1)
  assert.equal(photos.body.content[0].contentType, 'image/png')

  await page.getByTestId('event-created-open').click()
  await page.getByTestId('event-detail-serial').getByText(first.serial).waitFor()
  await page.locator('[data-testid="event-gallery"][data-count="1"]').waitFor()
  assert.equal(await page.getByTestId('event-photo').count(), 1)
  await page.waitForFunction(() => document.querySelector('[data-testid="event-photo"] img')?.naturalWidth === 24)
  // A click opens the preview.
  await page.getByTestId('event-photo').click()
  await page.locator('.el-image-viewer__wrapper').waitFor()
  await settleTransitions(page)
  await screenshot(page, 'extras-photo-preview.png')
  await page.keyboard.press('Escape')
  await page.locator('.el-image-viewer__wrapper').waitFor({ state: 'detached' })
})

test('a second report at the same point and category shows the duplicate hint', async () => {
  await fillReport(`摊位占道（重复） ${run}`)
  const hint = page.getByTestId('event-duplicates')
  await hint.waitFor()
  await hint.locator(`[data-testid="event-duplicate"][data-serial="${first.serial}"]`).waitFor()
  assert.match(await hint.innerText(), /附近可能有相同事件/)
  await settleTransitions(page)
  await screenshot(page, 'extras-duplicate-hint.png')
  // A "PNG" that is none passes the browser's check but not the server's: the event is created all the same, and
  // the created page says which photo failed.
  await page.getByTestId('event-photos').locator('input[type="file"]')
    .setInputFiles({ name: 'fake.png', mimeType: 'image/png', buffer: Buffer.from('not really a PNG') })
  await page.locator('[data-testid="event-photos"][data-count="1"]').waitFor()
  // Only a hint: the report goes through.
  Object.assign(second, await submitReport())
  assert.notEqual(second.id, first.id)
  await page.locator('[data-testid="event-photo-upload"][data-state="failed"]').waitFor()
  assert.match(await page.getByTestId('event-photo-failed').innerText(), /fake\.png.*JPEG、PNG 或 WebP/)
  await settleTransitions(page)
  await screenshot(page, 'extras-photo-failed.png')
})

test('the township center merges the second into the first, which shows the merged reporter', async () => {
  await signOut(page)
  await signIn(page, 'yz.operator')
  await openEvent(second)
  await page.getByTestId('event-merge').click()
  const dialog = page.getByTestId('merge-dialog')
  await dialog.waitFor()
  await settleTransitions(page)
  // Not a case number: said so, nothing looked up.
  await dialog.getByTestId('merge-original').fill('摊位')
  await dialog.getByTestId('merge-search').click()
  await dialog.getByTestId('merge-error').getByText('事件编号格式应为').waitFor()
  // Within the county the year and number are enough; the original is found exactly and shown before merging.
  await dialog.getByTestId('merge-original').fill(first.serial.slice('421381-'.length))
  await dialog.getByTestId('merge-search').click()
  const found = dialog.locator(`[data-testid="merge-found"][data-id="${first.id}"]`)
  await found.waitFor()
  assert.match(await found.innerText(), new RegExp(`${first.serial}[\\s\\S]*摊位占道 ${run}[\\s\\S]*杨寨镇综治中心`))
  assert.equal(await dialog.getByTestId('merge-error').count(), 0)
  await settleTransitions(page)
  await screenshot(page, 'extras-merge-dialog.png')
  await dialog.getByTestId('merge-confirm').click()
  await page.waitForURL(new RegExp(`#/events/${first.id}$`))
  await page.getByTestId('event-detail-serial').getByText(first.serial).waitFor()
  const reporters = page.getByTestId('event-merged-reporters')
  await reporters.waitFor()
  assert.match(await reporters.innerText(), new RegExp(second.serial))
  await settleTransitions(page)
  await screenshot(page, 'extras-merged-original.png')

  await openEvent(second)
  await page.locator('[data-testid="event-detail-status"][data-status="REJECTED"]').waitFor()
  assert.equal((await page.getByTestId('event-detail-status').innerText()).trim(), '不予受理')
  const history = await page.getByTestId('event-history-item').evaluateAll((items) => items.map((i) => i.dataset.move))
  assert.deepEqual(history, ['REPORT', 'MERGE'])
})

test('the department asks for a delay, and the center approves it', async () => {
  await openEvent(first)
  await move('ACCEPT', 'ACCEPTED')
  await page.getByTestId('move-DISPATCH').click()
  const dialog = page.locator('[data-testid="move-dialog"][data-move="DISPATCH"]')
  await dialog.waitFor()
  await page.waitForFunction((cgj) => document.querySelector('[data-testid="move-assignee"]')?.textContent.includes(cgj), CGJ)
  await dialog.getByTestId('move-confirm').click()
  await page.locator('[data-testid="event-detail-status"][data-status="DISPATCHED"]').waitFor()

  await signOut(page)
  await signIn(page, 'dept.handler')
  await openEvent(first)
  await move('CLAIM', 'CLAIMED')
  const before = (await fetchInPage(page, `/api/events/${first.id}`)).body.deadlineAt
  await page.getByTestId('delay-request').click()
  const delay = page.getByTestId('delay-dialog')
  await delay.waitFor()
  await settleTransitions(page)
  await delay.getByTestId('delay-unit').getByText('个工作日').click()
  await delay.getByTestId('delay-reason').fill('需协调城管与市场监管联合执法')
  await screenshot(page, 'extras-delay-dialog.png')
  await delay.getByTestId('delay-confirm').click()
  await page.locator('[data-testid="delay-item"][data-status="PENDING"]').waitFor()
  const asked = await fetchInPage(page, `/api/events/${first.id}/delay-requests?page=0&size=20`)
  assert.equal(asked.body.content[0].extraAmount, 1)
  assert.equal(asked.body.content[0].unit, 'WORKING_DAYS')
  assert.match(await page.locator('[data-testid="delay-item"][data-status="PENDING"]').innerText(), /广水市城市管理执法局/)

  await signOut(page)
  await signIn(page, 'yz.operator')
  await openEvent(first)
  await page.getByTestId('delay-approve').click()
  await page.locator('.el-message-box').waitFor()
  await settleTransitions(page)
  await page.locator('.el-message-box .delay-decide-confirm').click()
  await page.locator('[data-testid="delay-item"][data-status="APPROVED"]').waitFor()
  const approved = page.locator('[data-testid="event-history-item"][data-move="DELAY_APPROVED"]')
  await approved.waitFor()
  assert.match(await approved.innerText(), /延期已批准/)
  const after = (await fetchInPage(page, `/api/events/${first.id}`)).body.deadlineAt
  assert.ok(new Date(after) > new Date(before), `deadline moved on: ${before} → ${after}`)
  await settleTransitions(page)
  await screenshot(page, 'extras-delay-approved.png')

  // The department feeds back with a photo, uploaded once the move is made.
  await signOut(page)
  await signIn(page, 'dept.handler')
  await openEvent(first)
  await move('FEEDBACK', 'FEEDBACK', async (feedback) => {
    await feedback.getByTestId('move-note').fill('摊位已清理')
    await feedback.getByTestId('event-photos').locator('input[type="file"]').setInputFiles({ name: `after-${run}.png`, mimeType: 'image/png', buffer: png(24, 16, [40, 180, 90]) })
    await feedback.locator('[data-testid="event-photos"][data-count="1"]').waitFor()
  })
  await page.locator('[data-testid="event-gallery"][data-count="2"]').waitFor()
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test('a resident reports on the map, which shows the grid of the point over the township and village outlines only', async () => {
  await signOut(page)
  // What the resident's pages ask of the server: nothing of the region tree but the published township and village
  // outlines of the base map, and nothing refused.
  const asked = []
  const listen = (response) => {
    const url = new URL(response.url())
    if (url.pathname.startsWith('/api/') && !url.pathname.startsWith('/api/auth/')) asked.push(`${response.status()} ${url.pathname}`)
  }
  page.on('response', listen)
  try {
    await signIn(page, 'resident')
    await openMenu('/events/report')
    const map = page.locator('[data-testid="event-map"].leaflet-container')
    await map.waitFor()
    const box = await map.boundingBox()
    assert.ok(box.width > 200 && box.height > 200, `the map has a size: ${JSON.stringify(box)}`)
    // A click on the map sets the point and draws the marker (on the map's canvas).
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
    await page.waitForFunction(() => document.querySelector('[data-testid="event-map"]')?.dataset.lon)
    await map.locator('.leaflet-overlay-pane canvas').waitFor({ state: 'attached' })
    await page.locator('[data-testid="event-grid"]:not([data-state="locating"]):not([data-state="idle"])').waitFor()

    await page.getByTestId('event-lon').fill(String(inGrid[0]))
    await page.getByTestId('event-lat').fill(String(inGrid[1]))
    const located = page.locator(`[data-testid="event-grid"][data-state="found"][data-code="${GRID}"]`)
    await located.waitFor()
    assert.match(await located.innerText(), /站前社区第1网格[\s\S]*杨寨镇 \/ 站前社区/)
    await page.getByTestId('event-title').fill(`井盖松动 ${run}`)
    await page.getByTestId('event-category').locator('input').click()
    const popper = page.locator('.category-cascader-popper').filter({ visible: true })
    await popper.locator('.el-cascader-node', { hasText: '街面秩序' }).click()
    await popper.locator('.el-cascader-node', { hasText: '占道经营' }).click()
    await page.waitForFunction(() => !document.querySelector('.category-cascader-popper:not([style*="display: none"]) .el-cascader-node'))
    await settleTransitions(page)
    await screenshot(page, 'extras-resident-report.png')
    const reported = await submitReport()
    residents = reported
    await page.getByTestId('event-created-open').click()
    await page.getByTestId('event-detail-serial').getByText(reported.serial).waitFor()
    await page.getByTestId('event-holder').getByText('杨寨镇综治中心').waitFor()
  } finally {
    page.off('response', listen)
  }
  assert.ok(asked.some((a) => a.startsWith('200 /api/events/locate')), asked.join('\n'))
  assert.ok(asked.includes('200 /api/regions/421381/outlines'), asked.join('\n'))
  assert.deepEqual(
    asked.filter((a) => /\/api\/(grids|regions)/.test(a) && !/^200 \/api\/regions\/\d+\/outlines$/.test(a)),
    [],
    'nothing of the region tree but the outlines',
  )
  assert.deepEqual(asked.filter((a) => !/^(2|422 \/api\/events\/locate)/.test(a)), [], 'nothing refused')
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test("a resident's menu is 我的诉求 and 我要上报, where the report stands in plain words", async () => {
  // Still signed in as the resident.
  assert.deepEqual(await menuTexts(page), ['我的诉求', '我要上报'])
  await openMenu('/events/mine')
  const row = page.getByTestId('event-list').locator(`[data-serial="${residents.serial}"]`)
  await row.waitFor()
  assert.equal((await row.getByTestId('event-status').innerText()).trim(), '已提交')
  assert.equal(await page.getByTestId('event-boxes').count(), 0, 'no staff work boxes')
  assert.equal(await page.getByTestId('event-list').getByTestId('event-card').count(), 0, 'no deadline cards')
  await settleTransitions(page)
  await screenshot(page, 'extras-resident-requests.png')
  // The staff pages are not the resident's: their addresses lead home, to 我的诉求.
  await page.goto(`${BASE_URL}/#/events/todo`)
  await page.waitForURL(/#\/events\/mine/)
  await page.goto(`${BASE_URL}/#/events?box=overdue`)
  await page.waitForURL(/#\/events\/mine/)
  await openMenu('/events/mine')
  await row.click()
  await page.getByTestId('event-detail-serial').getByText(residents.serial).waitFor()
  assert.equal((await page.getByTestId('event-detail-status').innerText()).trim(), '已提交')

  const phone = await launchBrowser({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 })
  const p = phone.page
  const phoneErrors = []
  p.on('pageerror', (error) => phoneErrors.push(error.message))
  try {
    await p.goto(BASE_URL)
    await signIn(p, 'resident')
    await p.getByTestId('menu-toggle').click()
    const drawer = p.getByTestId('menu-drawer')
    await drawer.locator('[data-path="/events/mine"]').waitFor()
    assert.deepEqual((await drawer.locator('.el-menu-item').allInnerTexts()).map((text) => text.trim()), ['我的诉求', '我要上报'])
    await drawer.locator('[data-path="/events/mine"]').click()
    await p.waitForURL(/#\/events\/mine/)
    const card = p.getByTestId('event-list').locator(`[data-serial="${residents.serial}"]`)
    await card.waitFor()
    assert.equal((await card.getByTestId('event-status').innerText()).trim(), '已提交')
    const overflow = await p.evaluate(() =>
      [document.documentElement, document.querySelector('.app-main')].map((el) => el.scrollWidth - el.clientWidth))
    assert.deepEqual(overflow, [0, 0], 'no horizontal scroll')
    await settleTransitions(p)
    await screenshot(p, 'extras-resident-requests-phone.png')
    assert.deepEqual(phoneErrors, [], 'no uncaught errors in the page')
  } finally {
    await phone.close()
  }
})

test('a supervision shows by its level in words, and people and the grid by name', async () => {
  await signOut(page)
  await signIn(page, 'county.leader')
  await openEvent(first)
  await move('SUPERVISE', 'FEEDBACK', async (dialog) => {
    await dialog.getByTestId('move-supervision').getByText('黄牌督办').click()
    await dialog.getByTestId('move-note').fill('请尽快核查结案')
  })
  const supervised = page.locator('[data-testid="event-history-item"][data-move="SUPERVISE"]').last()
  await supervised.locator('[data-testid="event-history-supervision"][data-level="YELLOW"]').getByText('黄牌督办').waitFor()
  assert.match(await supervised.innerText(), /县中心领导/)
  const timeline = await page.getByTestId('event-timeline').innerText()
  assert.doesNotMatch(timeline, /(NORMAL|YELLOW|RED):/, 'no level codes')
  assert.doesNotMatch(timeline, /grid\.worker|yz\.operator|dept\.handler|county\.leader/, 'no login names')
  assert.match(timeline, /城管局经办人/)
  assert.equal((await page.getByTestId('event-grid-name').innerText()).trim(), '站前社区第1网格')
  // The leader neither holds nor handles it: no delay or photo buttons that would only be refused.
  assert.equal(await page.getByTestId('delay-request').count(), 0)
  assert.equal(await page.getByTestId('delay-approve').count(), 0)
  assert.equal(await page.getByTestId('event-photo-add').count(), 0)
  await settleTransitions(page)
  await screenshot(page, 'extras-supervised-timeline.png')
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})

test('whoever resolved a case on the spot is not offered its verification; another of the center is', async () => {
  await signOut(page)
  await signIn(page, 'grid.worker')
  const reported = await fetchInPage(page, '/api/events', 'POST', {
    title: `劝离占道摊贩 ${run}`,
    categoryCode: '0406',
    lon: inGrid[0],
    lat: inGrid[1],
  })
  assert.equal(reported.status, 201, JSON.stringify(reported.body))
  const resolved = await fetchInPage(page, `/api/events/${reported.body.id}/resolve`, 'POST', {
    version: reported.body.version,
    note: '当场劝离',
  })
  assert.equal(resolved.status, 200, JSON.stringify(resolved.body))
  const event = { id: reported.body.id, serial: reported.body.serialNumber }
  await openEvent(event)
  await page.locator('[data-testid="event-detail-status"][data-status="FEEDBACK"]').waitFor()
  const offered = await page.getByTestId('event-moves').locator('[data-testid^="move-"]').count()
  assert.equal(offered, 0, 'nothing to verify for the one who resolved it')

  await signOut(page)
  await signIn(page, 'grid.leader')
  await openEvent(event)
  await page.getByTestId('move-VERIFY_PASS').waitFor()
  await move('VERIFY_PASS', 'CLOSED')
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})
