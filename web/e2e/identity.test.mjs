// Browser test of sign-in, roles and permissions: a refused sign-in, a township operator who sees only his township,
// a leader without grid write buttons, the audit administrator's audit log, the system administrator's user list with
// masked phones, roles and organizations, and a new account that must change its initial password.
// The tests run in order in one browser, each going on from where the one before stopped.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/
// Uses the system Chromium (CHROMIUM, default /usr/bin/chromium); never downloads browsers.
// Needs the demo accounts (password GridGov@2026). The refused sign-in uses the `resident` account, which no other
// test signs in with: after five runs within 30 minutes it is locked, and the page then shows the lock message.
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import {
  BASE_URL,
  fetchInPage,
  launchBrowser,
  menuTexts,
  screenshot,
  settleTransitions,
  signIn,
  signOut,
} from './support.mjs'

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

test('a wrong password shows the login error', async () => {
  await page.goto(BASE_URL)
  await page.waitForURL(/#\/login/)
  await page.getByTestId('login-username').fill('resident')
  await page.getByTestId('login-password').fill('Wrong#Password1')
  await page.getByTestId('login-submit').click()
  const message = page.getByTestId('login-error')
  await message.waitFor()
  assert.match(await message.innerText(), /用户名或密码错误|锁定/)
  assert.match(page.url(), /#\/login/, 'still on the login page')
  // Still signed out: the API answers 401 with the problem the page shows elsewhere.
  const me = await fetchInPage(page, '/api/auth/me')
  assert.equal(me.status, 401)
  assert.equal(me.body.detail, '请先登录')
  await settleTransitions(page)
  await screenshot(page, 'identity-login-error.png')
})

test('a township operator sees his township only', async () => {
  await signIn(page, 'yz.operator')
  // Staff land on their home page (工作台); the region tree is the grid map's.
  await page.waitForURL(/#\/home/)
  await page.goto(`${BASE_URL}/#/region`)
  await page.waitForURL(/#\/region/)
  assert.match(await page.getByTestId('user-name').innerText(), /杨寨镇坐席员/)

  const tree = page.getByTestId('region-tree')
  // The root is the township, expanded on load with its villages.
  const root = tree.locator(':scope > .el-tree-node').first()
  await root.locator(':scope > .el-tree-node__content').getByText('杨寨镇', { exact: true }).waitFor()
  assert.equal(await tree.locator(':scope > .el-tree-node').count(), 1, 'one root')
  await root.locator('.el-tree-node__children .el-tree-node').first().waitFor()
  assert.ok((await root.locator('.el-tree-node__children .el-tree-node').count()) > 0, 'the township has villages')
  const treeText = await tree.innerText()
  assert.doesNotMatch(treeText, /广水市/, 'the county is not in the tree')
  assert.doesNotMatch(treeText, /应山街道/, 'another township is not in the tree')

  const menu = await menuTexts(page)
  assert.ok(menu.includes('网格地图'), `menu: ${menu}`)
  assert.ok(!menu.includes('审计日志'), `menu: ${menu}`)
  assert.ok(!menu.includes('用户管理'), `menu: ${menu}`)

  // A page the user may not use leads back to the first one he may, his home page.
  await page.goto(`${BASE_URL}/#/audit`)
  await page.waitForURL(/#\/home/)
  await page.goto(`${BASE_URL}/#/region`)
  await tree.getByText('杨寨镇', { exact: true }).first().waitFor()
  await page.waitForTimeout(500)
  await screenshot(page, 'identity-township-operator.png')
})

test('a center leader may export grids but not change them', async () => {
  await signOut(page)
  await signIn(page, 'county.leader')
  await page.waitForURL(/#\/home/)
  await page.goto(`${BASE_URL}/#/region`)
  await page.getByTestId('region-tree').getByText('杨寨镇', { exact: true }).click()
  await page.getByTestId('grid-export').waitFor()
  for (const id of ['grid-import-open', 'grid-multiselect', 'grid-merge']) {
    assert.equal(await page.getByTestId(id).count(), 0, `no ${id} without grid:write`)
  }
})

test('the audit administrator reads the audit log and verifies its chain', async () => {
  await signOut(page)
  await signIn(page, 'auditor')
  await page.waitForURL(/#\/audit/)
  const menu = await menuTexts(page)
  assert.ok(menu.includes('审计日志'), `menu: ${menu}`)
  assert.ok(!menu.includes('网格地图'), `menu: ${menu}`)

  const table = page.getByTestId('audit-table')
  await table.locator('tbody tr').first().waitFor()

  // Only the township operator's records: his sign-in of the test before is there.
  await page.getByTestId('audit-username').fill('yz.operator')
  await page.getByTestId('audit-search').click()
  await page.waitForFunction(() => {
    const cells = [...document.querySelectorAll('[data-testid="audit-username-cell"]')]
    return cells.length > 0 && cells.every((c) => c.dataset.username === 'yz.operator')
  })
  const actions = await table.locator('[data-testid="audit-action-cell"]').evaluateAll((tags) => tags.map((t) => t.dataset.action))
  assert.ok(actions.includes('LOGIN'), `a LOGIN of yz.operator: ${actions}`)
  assert.match(await table.innerText(), /登录/)
  // People and objects by name, in the page's language, not as "user 3".
  const users = await table.locator('[data-testid="audit-username-cell"]').allInnerTexts()
  assert.ok(users.every((u) => u.trim() === '杨寨镇坐席员'), `users: ${users}`)
  const objects = await table.locator('[data-testid="audit-object-cell"]').allInnerTexts()
  assert.ok(objects.includes('用户 杨寨镇坐席员'), `objects: ${objects}`)
  assert.ok(objects.every((o) => !/^(user|resident|api)\b/.test(o.trim())), `objects: ${objects}`)

  await page.getByTestId('audit-verify').click()
  const verified = page.getByTestId('audit-verify-result')
  await verified.waitFor()
  assert.equal(await verified.getAttribute('data-ok'), 'true', await verified.innerText())
  assert.match(await verified.innerText(), /校验通过/)
  await settleTransitions(page)
  await screenshot(page, 'identity-audit.png')

  // When the session is gone, the next call (401) leads to the login page, which remembers the page.
  await browser.context.clearCookies()
  await page.getByTestId('audit-search').click()
  await page.waitForURL(/#\/login\?redirect=(%2F|\/)audit/)
  await page.getByTestId('login-submit').waitFor()
})

test('the system administrator lists users with masked phones and has no grid map', async () => {
  // Opening a page while signed out asks to sign in first, then returns to it.
  await page.goto(`${BASE_URL}/#/users`)
  await page.waitForURL(/#\/login\?redirect=/)
  await signIn(page, 'admin')
  await page.waitForURL(/#\/users/)

  const menu = await menuTexts(page)
  assert.ok(menu.includes('用户管理'), `menu: ${menu}`)
  assert.ok(!menu.includes('网格地图'), `menu: ${menu}`)
  assert.ok(!menu.includes('审计日志'), `menu: ${menu}`)

  const table = page.getByTestId('users-table')
  await table.getByText('yz.operator', { exact: true }).waitFor()
  const phones = await table.getByTestId('user-phone').allInnerTexts()
  assert.ok(phones.length > 5, `several users listed: ${phones.length}`)
  assert.ok(phones.some((p) => /^138\*{4}\d{4}$/.test(p.trim())), `masked phones: ${phones}`)
  assert.ok(phones.every((p) => !/^1\d{10}$/.test(p.trim())), 'no phone shown in full')
  // The system administrator keeps accounts but neither grants roles nor sees full numbers.
  assert.equal(await page.getByTestId('user-roles-open').count(), 0, 'no role assignment without role:assign')
  assert.equal(await page.getByTestId('user-phone-show').count(), 0, 'no full number without personal:unmask')
  assert.ok((await page.getByTestId('user-reset').count()) > 0, 'password reset with user:write')

  // The name search narrows the list.
  await page.getByTestId('users-search').fill('杨寨镇')
  await page.getByTestId('users-search-submit').click()
  await page.waitForFunction(() => !document.querySelector('[data-testid="users-table"]')?.innerText.includes('county.operator'))
  await table.getByText('yz.operator', { exact: true }).waitFor()

  await page.getByTestId('users-search').fill('')
  await page.getByTestId('users-search-submit').click()
  await table.getByText('county.operator', { exact: true }).waitFor()
  await settleTransitions(page)
  await screenshot(page, 'identity-users.png')

  // The roles page lists every role with its permissions, read only.
  await page.getByTestId('side-menu').getByText('角色权限', { exact: true }).click()
  const roles = page.getByTestId('roles-table')
  await roles.getByText('审计管理员', { exact: true }).waitFor()
  assert.equal(await roles.locator('tbody tr').count(), 11)
  assert.match(await roles.innerText(), /查看审计日志/)

  // The organization tree starts with the county center; the administrator may add organizations.
  await page.getByTestId('side-menu').getByText('组织机构', { exact: true }).click()
  const orgs = page.getByTestId('organizations-tree')
  await orgs.getByText('广水市网格化服务管理中心', { exact: true }).click()
  await orgs.getByText('杨寨镇综治中心', { exact: true }).waitFor()
  await page.getByTestId('organization-detail').getByText('421381-center').waitFor()
  assert.equal(await page.getByTestId('org-create-open').count(), 1, 'create with org:write')
  await settleTransitions(page)
  await screenshot(page, 'identity-organizations.png')
})

test('a new account must change its initial password first', async () => {
  const username = `e2e.${Date.now().toString(36)}`
  await page.getByTestId('side-menu').getByText('用户管理', { exact: true }).click()
  await page.getByTestId('user-create-open').click()
  const dialog = page.getByTestId('user-create-dialog')
  await dialog.waitFor()
  await page.getByTestId('user-form-username').fill(username)
  await page.getByTestId('user-form-realname').fill('E2E测试用户')
  await page.getByTestId('user-form-phone').fill('13912345678')
  // A weak initial password is refused with the field's message.
  await page.getByTestId('user-form-password').fill('abc')
  await page.getByTestId('user-form-submit').click()
  await dialog.locator('.el-form-item__error').first().waitFor()
  assert.match(await dialog.innerText(), /密码至少/)
  await page.getByTestId('user-form-password').fill('Init#Pass2026')
  await page.getByTestId('user-form-submit').click()
  await dialog.waitFor({ state: 'hidden' })
  await page.getByTestId('users-table').getByText(username, { exact: true }).waitFor()

  // Signed in with the initial password, the new user can only change it.
  await signOut(page)
  await signIn(page, username, 'Init#Pass2026')
  await page.waitForURL(/#\/password/)
  await page.getByTestId('password-old').fill('Init#Pass2026')
  await page.getByTestId('password-new').fill('simplepassword')
  await page.getByTestId('password-repeat').fill('simplepassword')
  await page.getByTestId('password-submit').click()
  const form = page.getByTestId('password-form')
  await form.locator('.el-form-item__error').first().waitFor()
  assert.match(await form.innerText(), /至少 3 类/)
  await settleTransitions(page)
  await screenshot(page, 'identity-password.png')

  await page.getByTestId('password-new').fill('Changed#Pass2026')
  await page.getByTestId('password-repeat').fill('Changed#Pass2026')
  await page.getByTestId('password-submit').click()
  // Without any role there is nothing to use: the small 403 page.
  await page.getByTestId('forbidden').waitFor()
  assert.equal(await page.getByTestId('side-menu').locator('.el-menu-item').count(), 0, 'an empty menu')
  await settleTransitions(page)
  await screenshot(page, 'identity-forbidden.png')

  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})
