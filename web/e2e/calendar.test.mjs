// Browser test of the working calendar at a year's end: while next year's holidays are missing, a township operator
// sees a deadline counted into that year marked 暂定 and the calendar read only, with no banner (he may not change the
// county's rules); the county operator is warned by the banner, pastes the State Council notice, checks the days it
// read, adds one more day by hand, and saves the year; the banner goes, the event's deadline is final and its history
// says it was recounted. The tests run in order in one browser.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/calendar.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, launchBrowser, screenshot, settleTransitions, signIn, signOut } from './support.mjs'

const GRID = '421381101001101'
const CGJ = '421381-cgj'

let browser
let page
const errors = []
/** The year whose holidays are missing (next year, or this one), and the provisional event. */
let year
/** Whether the platform warns of it now (from 1 November for next year). */
let warned
const event = {}

before(async () => {
  browser = await launchBrowser()
  page = browser.page
  page.on('pageerror', (error) => errors.push(error.message))
})

after(async () => {
  await browser?.close()
})

async function as(username, work) {
  await signIn(page, username)
  try {
    await work()
  } finally {
    await signOut(page)
  }
}

async function move(id, name, extra = {}) {
  const current = await fetchInPage(page, `/api/events/${id}`)
  const answer = await fetchInPage(page, `/api/events/${id}/${name}`, 'POST', { version: current.body.version, ...extra })
  assert.equal(answer.status, 200, `${name}: ${JSON.stringify(answer.body)}`)
  return answer.body
}

test('a deadline counted into the missing year is provisional, and a township sees it but may not change the calendar', async () => {
  await as('grid.worker', async () => {
    const status = await fetchInPage(page, '/api/calendar/status')
    assert.equal(status.status, 200)
    year = status.body.warning === 'YEAR_MISSING' ? status.body.year : status.body.nextYear
    warned = Boolean(status.body.warning)
    assert.equal(status.body.enteredYears.includes(year), false, `the demo calendar lacks ${year}`)
    const grid = await fetchInPage(page, `/api/grids/${GRID}`)
    const [lon, lat] = grid.body.labelPoint
    const reported = await fetchInPage(page, '/api/events', 'POST', {
      requestId: `calendar-${Date.now()}`,
      title: '违章搭建彩钢棚',
      categoryCode: '0101',
      lon,
      lat,
    })
    assert.equal(reported.status, 201, JSON.stringify(reported.body))
    event.id = reported.body.id
    event.serial = reported.body.serialNumber
  })
  await as('yz.operator', async () => {
    await move(event.id, 'accept')
    await move(event.id, 'dispatch', { assignee: CGJ })
  })
  await as('dept.handler', async () => {
    await move(event.id, 'claim')
    // Forty more working days reach into the missing year from any day of this one's last quarter.
    const asked = await fetchInPage(page, `/api/events/${event.id}/delay-requests`, 'POST', {
      reason: '需等待拆除许可',
      extraAmount: 40,
      unit: 'WORKING_DAYS',
    })
    assert.equal(asked.status, 201, JSON.stringify(asked.body))
    event.request = asked.body.id
  })
  await signIn(page, 'yz.operator')
  const approved = await fetchInPage(page, `/api/delay-requests/${event.request}/approve`, 'POST', { note: '同意' })
  assert.equal(approved.status, 200, JSON.stringify(approved.body))
  const shown = await fetchInPage(page, `/api/events/${event.id}`)
  assert.equal(shown.body.deadlineProvisional, true, JSON.stringify(shown.body))
  event.deadline = shown.body.deadlineAt

  await page.goto(`${BASE_URL}/#/events/${event.id}`)
  await page.getByTestId('event-detail-serial').getByText(event.serial).waitFor()
  await page.getByTestId('deadline-provisional').getByText('暂定').waitFor()
  assert.equal(await page.getByTestId('calendar-banner').count(), 0, 'no banner for a township operator')

  await page.getByTestId('side-menu').locator('[data-path="/calendar"]').click()
  await page.getByTestId('calendar-page').waitFor()
  await page.getByTestId(`day-${new Date().getFullYear()}-10-01`).waitFor()
  assert.equal(await page.getByTestId('calendar-save').count(), 0, 'a township operator cannot save the calendar')
  assert.equal(await page.getByTestId('calendar-paste').count(), 0)
  await page.getByText('只有县级中心持“县级规则维护”权限的人员可以修改').waitFor()
  await signOut(page)
})

test('the county operator is warned, enters the year from the notice and by hand, and the deadline is recounted', async () => {
  await signIn(page, 'county.operator')
  if (warned) {
    const banner = page.getByTestId('calendar-banner')
    await banner.waitFor()
    assert.equal(await banner.getAttribute('data-year'), String(year))
    await screenshot(page, 'calendar-banner.png')
    await page.getByTestId('calendar-banner-open').click()
    await page.waitForURL(new RegExp(`#/calendar\\?year=${year}`))
  } else {
    await page.goto(`${BASE_URL}/#/calendar?year=${year}`)
  }
  await page.getByTestId('calendar-missing').waitFor()
  await page.locator(`[data-testid="year-calendar"][data-year="${year}"]`).waitFor()

  await page.getByTestId('calendar-paste').click()
  const dialog = page.getByTestId('notice-dialog')
  await dialog.waitFor()
  await settleTransitions(page)
  await dialog.getByTestId('notice-text').fill(
    '一、元旦：1月1日至3日放假，共3天。\n二、春节：2月6日（农历除夕）至12日放假调休，共7天。2月20日（周六）上班。',
  )
  await dialog.getByTestId('notice-read').click()
  await dialog.getByTestId('notice-summary').getByText('识别出放假 10 天、调休上班 1 天').waitFor()
  await screenshot(page, 'calendar-notice.png')
  await dialog.getByTestId('notice-apply').click()
  await settleTransitions(page)
  assert.equal(await page.getByTestId(`day-${year}-01-01`).getAttribute('data-kind'), 'HOLIDAY')
  assert.equal(await page.getByTestId(`day-${year}-02-20`).getAttribute('data-kind'), 'WORKDAY')

  // A day the notice did not name, set by hand.
  await page.getByTestId(`day-${year}-10-01`).click()
  const day = page.getByTestId('calendar-day-dialog')
  await day.waitFor()
  await settleTransitions(page)
  await day.getByTestId('calendar-day-holiday').click()
  await day.getByTestId('calendar-day-name').fill('国庆节')
  await day.getByTestId('calendar-day-apply').click()
  await settleTransitions(page)
  assert.equal(await page.getByTestId(`day-${year}-10-01`).getAttribute('data-kind'), 'HOLIDAY')
  await page.getByTestId('calendar-dirty').waitFor()

  await page.getByTestId('calendar-save').click()
  await page.locator('.el-message-box').waitFor()
  await settleTransitions(page)
  await page.locator('.el-message-box .el-button--primary').click()
  await page.locator('.el-message--success', { hasText: `${year} 年已保存` }).waitFor()
  await page.locator('[data-testid="calendar-entered"][data-entered="true"]').waitFor()
  await page.getByTestId('calendar-changes').getByText('国庆节').first().waitFor()
  await screenshot(page, 'calendar-entered.png')

  await page.goto(`${BASE_URL}/#/events/${event.id}`)
  await page.getByTestId('event-detail-serial').getByText(event.serial).waitFor()
  await page.locator('[data-move="DEADLINE_RECOUNT"]').waitFor()
  assert.equal(await page.getByTestId('deadline-provisional').count(), 0)
  assert.equal(await page.getByTestId('calendar-banner').count(), 0)
  const shown = await fetchInPage(page, `/api/events/${event.id}`)
  assert.equal(shown.body.deadlineProvisional, false)
  assert.notEqual(shown.body.deadlineAt, event.deadline, 'the holidays moved the deadline')
  await signOut(page)
  assert.deepEqual(errors, [])
})
