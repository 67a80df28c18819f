// Browser test of the home pages (工作台): every role signs in and lands on its own home page — a center's operator,
// a center leader, a department, someone who works a grid each see their title and figures that are numbers, a
// resident lands on 我的诉求 with 我要上报, the administrators land where they did before — on a desktop and on a
// 390-px phone without sideways scrolling; a figure on the operator's home opens the event list of exactly as many
// events (each figure checked against the list's total), and so do the leader's supervised cases (督办件).
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/home.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts
// (password GridGov@2026) and the demo events.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { fetchInPage, freshBrowser, PHONE, screenshot, signIn } from './support.mjs'

/** A grid of 站前社区 (杨寨镇). */
const GRID = '421381101001101'

/** Who lands where: the page's address, its test id, and for staff the title and a figure shown. */
const LANDINGS = [
  { user: 'county.operator', path: '/home', title: '坐席工作台', figure: 'figure-toAccept' },
  { user: 'yz.operator', path: '/home', title: '坐席工作台', figure: 'figure-reportedToday' },
  { user: 'county.leader', path: '/home', title: '领导工作台', figure: 'figure-overdue' },
  { user: 'dept.handler', path: '/home', title: '部门工作台', figure: 'figure-toClaim' },
  { user: 'dept.leader', path: '/home', title: '部门工作台', figure: 'figure-inHand' },
  { user: 'grid.worker', path: '/home', title: '网格员工作台', figure: 'figure-todo' },
  { user: 'grid.leader', path: '/home', title: '网格员工作台', figure: 'figure-reportedThisMonth' },
  { user: 'grid.assistant', path: '/home', title: '网格员工作台', figure: 'figure-reportedThisMonthOpen' },
  { user: 'resident', path: '/events/mine', page: 'event-mine' },
  { user: 'admin', path: '/users' },
  { user: 'auditor', path: '/audit' },
]

/** The number a figure shows, checked to be one. */
async function figureValue(page, testId) {
  const text = (await page.getByTestId(testId).getByTestId('figure-value').innerText()).trim()
  assert.match(text, /^\d+$/, `${testId} shows a number, not ${JSON.stringify(text)}`)
  return Number(text)
}

async function checkLanding(page, landing, phone) {
  await signIn(page, landing.user)
  await page.waitForURL(new RegExp(`#${landing.path}(\\?|$)`))
  if (landing.title) {
    const home = page.getByTestId('home-page')
    await home.waitFor()
    assert.equal((await page.getByTestId('home-title').innerText()).trim(), landing.title, landing.user)
    await page.getByTestId(landing.figure).waitFor()
    await figureValue(page, landing.figure)
    if (landing.title === '网格员工作台') await page.getByTestId('home-report').waitFor()
    if (landing.user === 'county.leader') {
      // The leader's hotspots: this month's events by grid over the outlines, a circle for each grid that had any.
      const hotspots = page.getByTestId('home-hotspots')
      await hotspots.locator('path.outline-township').first().waitFor()
      await page.locator('[data-testid="home-hotspots"][data-loaded="true"]').waitFor()
      const spots = Number(await hotspots.getAttribute('data-spots'))
      assert.equal(await hotspots.locator('path.hotspot').count(), spots, 'a circle for each grid with events this month')
    }
    // 工作台 is the first entry of the menu.
    const first = page.getByTestId('side-menu').locator('.el-menu-item').first()
    if (!phone) assert.equal(await first.getAttribute('data-path'), '/home')
  }
  if (landing.page) {
    await page.getByTestId(landing.page).waitFor()
    await page.getByTestId('mine-report').waitFor()
  }
  if (phone) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth)
    assert.ok(width <= 390, `${landing.user}: no sideways scrolling on a phone (scrollWidth ${width})`)
    await screenshot(page, `home-phone-${landing.user}.png`)
  }
}

for (const [name, options] of [['desktop', {}], ['phone', PHONE]]) {
  test(`every role lands on its own home page (${name})`, async () => {
    for (const landing of LANDINGS) {
      // A fresh profile for each: nobody signed in, nothing remembered.
      const { page, close, errors } = await freshBrowser(options)
      try {
        await checkLanding(page, landing, name === 'phone')
        assert.deepEqual(errors, [], `${landing.user}: no script errors`)
      } finally {
        await close()
      }
    }
  })
}

test("each figure on the operator's home opens the event list of as many events", async () => {
  const { page, errors, close } = await freshBrowser()
  await signIn(page, 'yz.operator')
  await page.getByTestId('home-page').waitFor()
  // Something reported today through a channel, so that today's figures are not all zero.
  const grid = await fetchInPage(page, `/api/grids/${GRID}`)
  const [lon, lat] = grid.body.labelPoint
  const reported = await fetchInPage(page, '/api/events', 'POST', { title: '热线反映路灯不亮', categoryCode: '0406', lon, lat, source: 'HOTLINE' })
  assert.equal(reported.status, 201, JSON.stringify(reported.body))
  await page.reload()
  await page.getByTestId('home-page').waitFor()
  assert.ok((await figureValue(page, 'figure-source-HOTLINE')) >= 1, 'the hotline report counts today')
  await screenshot(page, 'home-operator.png')
  const figures = await page.locator('a[data-testid^="figure-"]').evaluateAll((links) => links.map((a) => a.dataset.testid))
  assert.ok(figures.length >= 10, `the operator sees at least ten figures: ${figures}`)
  for (const figure of figures) {
    await page.goto(page.url().replace(/#.*/, '#/home'))
    await page.getByTestId(figure).waitFor()
    const value = await figureValue(page, figure)
    await page.getByTestId(figure).click()
    await page.waitForURL(/#\/events\?/)
    const total = page.locator('[data-testid="event-total"]')
    await total.waitFor()
    assert.equal(Number(await total.getAttribute('data-total')), value, `${figure}: the list shows as many events`)
  }
  assert.deepEqual(errors, [])
  await close()
})

for (const [name, options] of [['desktop', {}], ['phone', PHONE]]) {
  test(`the leader's supervised cases open the event list of as many (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'county.leader')
    await page.getByTestId('home-page').waitFor()
    // The demo county's leader supervised some late cases, and some of them are still open.
    assert.ok((await figureValue(page, 'figure-supervised')) > 0, 'the demo county has open supervised cases')
    for (const figure of ['figure-supervised', 'figure-supervisedOverdue']) {
      await page.goto(page.url().replace(/#.*/, '#/home'))
      await page.getByTestId(figure).waitFor()
      const value = await figureValue(page, figure)
      await page.getByTestId(figure).click()
      await page.waitForURL(/#\/events\?.*supervised=true/)
      const total = page.locator('[data-testid="event-total"]')
      await total.waitFor()
      assert.equal(Number(await total.getAttribute('data-total')), value, `${figure}: the list shows as many events`)
      if (value > 0) {
        // Every row shown carries its 督办 mark.
        const rows = page.locator('[data-testid="event-list"] .event-row.item')
        await rows.first().waitFor()
        assert.equal(await rows.locator('.supervised').count(), await rows.count(), `${figure}: every row is supervised`)
      }
      if (name === 'phone') {
        const width = await page.evaluate(() => document.documentElement.scrollWidth)
        assert.ok(width <= 390, `${figure}: no sideways scrolling on a phone (scrollWidth ${width})`)
      } else {
        // The list's filter says what it shows.
        assert.ok(await page.getByTestId('filter-supervised').locator('input').isChecked(), 'supervised only is ticked')
      }
    }
    await screenshot(page, `home-supervised-list-${name}.png`)
    assert.deepEqual(errors, [])
    await close()
  })
}
