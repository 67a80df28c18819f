// Browser test of the grid teams (网格队伍): a township operator picks a grid of the township by its name, adds a
// member who began serving in the past, changes the member today (a new version), reads the member's history (both
// versions, the former with its old duties), and reads the roster of a past day (the former version); the grid's
// chain of responsibility names its 网格长 and the cadres above it. The operator assigns a cadre to a village (包联) and
// ends the assignment. A grid worker sees the team of their own grid, without changing it; a leader sees a phone in
// full after stating why. All again on a 390-px phone, which never scrolls sideways.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/team.test.mjs
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers. Needs the demo accounts
// (password GridGov@2026) and the demo teams.
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, freshBrowser, PHONE, screenshot, settleTransitions, signIn } from './support.mjs'
import { xlsx } from './xlsx.mjs'

const TOWNSHIP = '421381101'

async function noSidewaysScroll(page, what, phone) {
  if (!phone) return
  const width = await page.evaluate(() => document.documentElement.scrollWidth)
  assert.ok(width <= 390, `${what}: no sideways scrolling on a phone (scrollWidth ${width})`)
}

/** The second village of the township and its first grid, as the operator may read them. */
async function villageAndGrid(page) {
  const villages = await fetchInPage(page, `/api/regions/${TOWNSHIP}/children`)
  assert.equal(villages.status, 200)
  const village = villages.body.content[1]
  const grids = await fetchInPage(page, `/api/regions/${village.code}/children`)
  return { village, grid: grids.body.content.find((node) => node.gridType) }
}

/** The text field of a form control by its test id: the input itself, or the one inside (Element Plus puts it either way). */
const inputOf = (scope, id) =>
  scope.locator(`input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input, [data-testid="${id}"] textarea`).first()

/** Picks an option of an Element Plus select, typing part of its name where the select searches. */
async function pick(page, scope, id, typed, option) {
  await scope.getByTestId(id).first().click()
  const input = inputOf(scope, id)
  if (await input.isEditable()) await input.fill(typed)
  await page.locator('.el-select-dropdown__item:visible', { hasText: option }).first().click()
}

/** Types a day into an Element Plus date picker. */
async function typeDay(scope, id, day) {
  const input = inputOf(scope, id)
  await input.fill(day)
  await input.press('Enter')
}

/** The table row or the card of a member of the roster shown. */
const memberOf = (page, name) => page.locator('tr, article').filter({ has: page.getByTestId('roster-name').getByText(name, { exact: true }) })

async function rosterShown(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid="team-page"] .el-loading-mask'))
}

for (const [name, options] of [['desktop', {}], ['phone', PHONE]]) {
  const phone = name === 'phone'

  test(`the operator adds a member, changes them and reads their history and a past roster (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'yz.operator')
    const { grid } = await villageAndGrid(page)
    if (phone) {
      await page.goto(`${BASE_URL}/#/team`)
    } else {
      const item = page.getByTestId('side-menu').getByText('队伍花名册', { exact: true })
      if (!(await item.isVisible())) await page.getByTestId('side-menu').getByText('网格队伍', { exact: true }).click()
      await settleTransitions(page)
      await item.click()
    }
    await page.getByTestId('team-pick-grid').waitFor()
    await pick(page, page, 'team-grid', grid.name, grid.name)
    await page.waitForURL(new RegExp(`grid=${grid.code}`))
    await rosterShown(page)
    await page.getByTestId('roster-member').first().waitFor()
    // Names, never codes: the picker shows the grid's name only.
    const shownGrid = await page.locator('.el-form-item', { has: inputOf(page, 'team-grid') }).innerText()
    assert.ok(shownGrid.includes(grid.name) && !shownGrid.includes(grid.code), `the grid shows by its name: ${shownGrid}`)
    await page.getByTestId('chain-level').first().waitFor()
    assert.deepEqual(await page.getByTestId('chain-level').evaluateAll((items) => items.map((i) => i.dataset.level)), ['GRID', 'VILLAGE', 'TOWNSHIP', 'COUNTY'])
    assert.match(await page.locator('[data-testid="chain-level"][data-level="GRID"]').innerText(), /网格长/)
    await noSidewaysScroll(page, 'roster', phone)
    await screenshot(page, `team-roster-${name}.png`)

    const person = `队员${name === 'phone' ? '乙' : '甲'}${Date.now() % 100000}`
    await page.getByTestId('team-add').click()
    const form = page.getByTestId('member-form')
    await form.getByTestId('member-form-submit').waitFor()
    await settleTransitions(page)
    // Nothing filled in: the server names the position and the name.
    await form.getByTestId('member-form-submit').click()
    await form.locator('.el-form-item__error').first().waitFor()
    await pick(page, form, 'member-form-position', '兼职', '兼职网格员')
    await inputOf(form, 'member-form-name').fill(person)
    await inputOf(form, 'member-form-phone').fill('139 0012 3456')
    await inputOf(form, 'member-form-duties').fill('协助巡查')
    await typeDay(form, 'member-form-from', '2025-01-01')
    await noSidewaysScroll(page, 'member form', phone)
    const added = page.waitForResponse((r) => r.url().includes(`/api/teams/grids/${grid.code}/members`) && r.request().method() === 'POST')
    await form.getByTestId('member-form-submit').click()
    const member = await (await added).json()
    assert.equal(member.version, 1)
    assert.equal(member.validFrom, '2025-01-01')
    assert.equal(member.phone, '139****3456', 'the phone comes back masked')
    await form.waitFor({ state: 'hidden' })
    const row = memberOf(page, person)
    await row.waitFor()
    assert.match(await row.getByTestId('roster-phone').innerText(), /139\*\*\*\*3456/)

    await row.getByTestId('roster-edit').click()
    await form.getByTestId('member-form-submit').waitFor()
    await settleTransitions(page)
    assert.equal(await inputOf(form, 'member-form-phone').inputValue(), '139****3456')
    await inputOf(form, 'member-form-duties').fill('协助巡查、走访独居老人')
    await inputOf(form, 'member-form-note').fill('分工调整')
    const changed = page.waitForResponse((r) => r.url().endsWith(`/api/teams/members/${member.id}`) && r.request().method() === 'PUT')
    await form.getByTestId('member-form-submit').click()
    assert.equal((await (await changed).json()).version, 2)
    await form.waitFor({ state: 'hidden' })
    await page.locator(`[data-testid="roster-member"][data-id="${member.id}"][data-version="2"]`).waitFor()

    await memberOf(page, person).getByTestId('roster-history').click()
    const history = page.getByTestId('member-history')
    await history.locator('[data-testid="history-version"][data-version="1"]').waitFor()
    await settleTransitions(page)
    assert.deepEqual(await history.getByTestId('history-version').evaluateAll((items) => items.map((i) => i.dataset.version)), ['2', '1'])
    const first = history.locator('[data-testid="history-version"][data-version="1"]')
    assert.match(await first.getByTestId('history-duties').innerText(), /协助巡查$/)
    assert.match(await first.innerText(), /分工调整/)
    assert.match(await first.getByTestId('history-phone').innerText(), /139\*\*\*\*3456/)
    await noSidewaysScroll(page, 'history', phone)
    await screenshot(page, `team-history-${name}.png`)
    await page.keyboard.press('Escape')
    await history.waitFor({ state: 'hidden' })

    // The roster of a past day shows the member as they were then.
    let answered = page.waitForResponse((r) => r.url().includes(`/api/teams/grids/${grid.code}/members?on=2025-06-01`))
    await typeDay(page, 'team-on', '2025-06-01')
    await answered
    await page.getByTestId('team-past').waitFor()
    await rosterShown(page)
    const then = page.locator(`[data-testid="roster-member"][data-id="${member.id}"]`)
    await then.waitFor()
    assert.equal(await then.getAttribute('data-version'), '1')
    assert.equal(await page.getByTestId('team-add').count(), 0, 'a past roster is read, not changed')
    await noSidewaysScroll(page, 'past roster', phone)
    answered = page.waitForResponse((r) => r.url().includes(`/api/teams/grids/${grid.code}/members?on=2024-12-31`))
    await typeDay(page, 'team-on', '2024-12-31')
    assert.ok(!(await (await answered).json()).content.some((m) => m.id === member.id))
    await rosterShown(page)
    assert.equal(await memberOf(page, person).count(), 0, 'not yet on the team at the end of 2024')
    assert.deepEqual(errors, [])
    await close()
  })

  test(`a grid worker sees the team of their own grid (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'grid.worker')
    await page.goto(`${BASE_URL}/#/team`)
    await page.waitForURL(/grid=421381101001101/)
    await rosterShown(page)
    const own = memberOf(page, '网格员')
    await own.waitFor()
    assert.match(await own.innerText(), /专职网格员/)
    assert.equal(await page.getByTestId('team-add').count(), 0, 'a grid worker reads the team only')
    assert.equal(await page.getByTestId('roster-edit').count(), 0)
    await page.getByTestId('chain-person').first().waitFor()
    await noSidewaysScroll(page, 'grid worker roster', phone)
    await screenshot(page, `team-worker-${name}.png`)
    assert.deepEqual(errors, [])
    await close()
  })

  test(`a leader sees a member's phone in full for a stated purpose (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'county.leader')
    await page.goto(`${BASE_URL}/#/team?grid=421381101001101`)
    await rosterShown(page)
    const worker = memberOf(page, '网格员')
    await worker.waitFor()
    assert.match(await worker.getByTestId('roster-phone').innerText(), /^1\d\d\*{4}\d{4}$/)
    assert.equal(await page.getByTestId('team-add').count(), 0, 'a leader reads the roster only')
    await worker.getByRole('button', { name: '查看号码' }).click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    await box.locator('input').fill('核实联系方式')
    const unmasked = page.waitForResponse((r) => r.url().includes('/unmasked?purpose='))
    await box.locator('.el-button--primary').click()
    assert.equal((await unmasked).status(), 200)
    const shown = await worker.getByTestId('roster-phone').elementHandle()
    await page.waitForFunction((el) => /^1\d{10}$/.test(el.innerText.trim()), shown)
    await noSidewaysScroll(page, 'unmasked phone', phone)
    assert.deepEqual(errors, [])
    await close()
  })

  test(`the operator assigns a cadre to a village and ends the assignment (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'yz.operator')
    const { village } = await villageAndGrid(page)
    await page.goto(`${BASE_URL}/#/team/assignments`)
    await page.getByTestId('assignments-page').waitFor()
    await page.getByTestId('assignment-row').first().waitFor()
    await noSidewaysScroll(page, 'assignments', phone)

    const cadre = `包村${name === 'phone' ? '乙' : '甲'}${Date.now() % 100000}`
    await page.getByTestId('assignment-add').click()
    const form = page.getByTestId('assignment-form')
    await form.getByTestId('assignment-form-submit').waitFor()
    await settleTransitions(page)
    await pick(page, form, 'assignment-form-area', village.name, village.name)
    await inputOf(form, 'assignment-form-name').fill(cadre)
    await inputOf(form, 'assignment-form-organization').fill('杨寨镇人民政府')
    await inputOf(form, 'assignment-form-role').fill('包村干部')
    await noSidewaysScroll(page, 'assignment form', phone)
    const saved = page.waitForResponse((r) => r.url().endsWith('/api/teams/assignments') && r.request().method() === 'POST')
    await form.getByTestId('assignment-form-submit').click()
    const assignment = await (await saved).json()
    assert.equal(assignment.cadreLevel, 'TOWNSHIP', 'a village is answered for from the township')
    await form.waitFor({ state: 'hidden' })

    await pick(page, page, 'assignments-area', village.name, village.name)
    const row = page.locator(`tr:has([data-testid="assignment-row"][data-id="${assignment.id}"]), article[data-id="${assignment.id}"]`)
    await row.waitFor()
    assert.match(await row.innerText(), new RegExp(cadre))
    assert.match(await row.innerText(), new RegExp(village.name))
    await screenshot(page, `team-assignments-${name}.png`)
    await row.getByTestId('assignment-end').click()
    const end = page.getByTestId('team-end-dialog')
    await end.getByTestId('team-end-submit').waitFor()
    await settleTransitions(page)
    await inputOf(end, 'team-end-reason').fill('调整分工')
    await end.getByTestId('team-end-submit').click()
    await end.waitFor({ state: 'hidden' })
    await row.waitFor({ state: 'detached' })
    assert.deepEqual(errors, [])
    await close()
  })
  test(`the operator prints the boards of a village, one sheet per grid with phones in full (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'yz.operator')
    const { village } = await villageAndGrid(page)
    const boards = await fetchInPage(page, `/api/teams/boards?region=${village.code}&size=50`)
    assert.equal(boards.status, 200)
    await page.goto(`${BASE_URL}/#/team/boards`)
    await page.getByTestId('board-page').waitFor()
    await pick(page, page, 'board-area', village.name, village.name)
    await page.getByTestId('board-sheet').first().waitFor()
    await page.waitForFunction(() => !document.querySelector('[data-testid="board-page"] > .el-loading-mask'))
    assert.equal(await page.getByTestId('board-sheet').count(), Math.min(boards.body.totalElements, 20))
    const first = page.getByTestId('board-sheet').first()
    assert.equal(await first.getByTestId('board-grid-name').innerText(), boards.body.content[0].gridName)
    assert.ok((await first.getByTestId('board-member').count()) > 0, 'a demo grid has a team')
    assert.match(await first.getByTestId('board-phone').first().innerText(), /^1\d{10}$/, 'the board shows phones in full')
    assert.equal(await first.getByTestId('board-hotline').innerText(), '12345')
    await first.locator('[data-testid="board-map"] path').first().waitFor({ state: 'attached' })
    assert.match(await first.innerText(), new RegExp(village.name), 'the sheet names its village')
    await noSidewaysScroll(page, 'boards', phone)
    if (!phone) {
      await page.emulateMedia({ media: 'print' })
      assert.equal(await page.locator('.app-header').isVisible(), false, 'printing shows the sheets alone')
      assert.equal(await page.getByTestId('board-print').isVisible(), false)
      await page.emulateMedia({ media: 'screen' })
    }
    await screenshot(page, `team-boards-${name}.png`)
    assert.deepEqual(errors, [])
    await close()
  })
  test(`the operator imports a roster workbook and sees the refused row with its reason (${name})`, async () => {
    const { page, errors, close } = await freshBrowser(options)
    await signIn(page, 'yz.operator')
    const { grid } = await villageAndGrid(page)
    const stamp = `${name === 'phone' ? '乙' : '甲'}${Date.now() % 100000}`
    const workbook = xlsx([
      ['所属网格', '岗位', '姓名', '专兼职', '联系电话', '职责'],
      [grid.code, '楼栋长', `导入楼栋长${stamp}`, '兼职', '13822223333', '负责1号楼'],
      [grid.code, '楼栋长', `导入错号${stamp}`, '兼职', '12345', ''],
    ])
    await page.goto(`${BASE_URL}/#/team?grid=${grid.code}`)
    await rosterShown(page)
    await page.getByTestId('team-import').click()
    const dialog = page.getByTestId('roster-import')
    await dialog.waitFor()
    await settleTransitions(page)
    await noSidewaysScroll(page, 'import dialog', phone)
    await page.getByTestId('roster-import-file').setInputFiles({
      name: 'roster.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: workbook,
    })
    await page.getByTestId('roster-import-start').click()
    await page.getByTestId('roster-import-counts').waitFor()
    assert.match(await page.getByTestId('roster-import-counts').innerText(), /共 2 行：新增 1 人，未导入 1 行/)
    const refused = page.getByTestId('roster-import-rejection')
    assert.equal(await refused.count(), 1)
    assert.match(await refused.first().innerText(), new RegExp(`第 3 行 · 导入错号${stamp}[\\s\\S]*联系电话`))
    await noSidewaysScroll(page, 'import outcome', phone)
    await screenshot(page, `team-import-${name}.png`)
    await page.locator('.el-dialog__headerbtn').last().click()
    await memberOf(page, `导入楼栋长${stamp}`).waitFor()
    assert.deepEqual(errors, [])
    await close()
  })
}
