// Browser test of roles as people see them: the roles page names every role and permission in the page's language
// (no codes such as `event:read` or `AUDIT_ADMIN`), in Chinese and in English; and the security administrator's role
// dialog shows why a combination that would undo the separation of duties (三权分立) is refused.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/identity-roles.test.mjs
import { after, before, test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, launchBrowser, screenshot, settleTransitions, signIn } from './support.mjs'

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

const CODE = /\b[A-Z]+_[A-Z_]+\b|\b[a-z]+:[a-z]+\b/

async function rolesTableTexts() {
  const table = page.getByTestId('roles-table')
  await table.getByTestId('permission-name').first().waitFor()
  return {
    roles: await table.getByTestId('role-name').allInnerTexts(),
    permissions: await table.getByTestId('permission-name').allInnerTexts(),
  }
}

test('the roles page names roles and permissions in the page language only', async () => {
  await signIn(page, 'secadmin')
  await page.goto(`${BASE_URL}/#/roles`)
  const zh = await rolesTableTexts()
  assert.equal(zh.roles.length, 11)
  assert.ok(zh.roles.includes('审计管理员'), `roles: ${zh.roles}`)
  assert.ok(zh.permissions.includes('查看事件'), `permissions: ${zh.permissions}`)
  assert.ok(zh.permissions.includes('查看运维信息（接口文档、监控指标）'), `permissions: ${zh.permissions}`)
  for (const text of [...zh.roles, ...zh.permissions]) {
    assert.doesNotMatch(text, CODE, `a code on the page: ${text}`)
    assert.doesNotMatch(text, /[A-Za-z]{3,}/, `English on the Chinese page: ${text}`)
  }
  assert.doesNotMatch(await page.getByTestId('roles-table').innerText(), CODE)
  await settleTransitions(page)
  await screenshot(page, 'identity-roles-zh.png')

  await page.getByTestId('locale-switch').getByText('English').click()
  await page.getByTestId('roles-table').getByText('Audit administrator', { exact: true }).waitFor()
  const en = await rolesTableTexts()
  assert.ok(en.permissions.includes('View events'), `permissions: ${en.permissions}`)
  for (const text of [...en.roles, ...en.permissions]) {
    assert.doesNotMatch(text, CODE, `a code on the page: ${text}`)
    assert.doesNotMatch(text, /[\u4e00-\u9fff]/, `Chinese on the English page: ${text}`)
  }
  await settleTransitions(page)
  await screenshot(page, 'identity-roles-en.png')
  await page.getByTestId('locale-switch').getByText('中文').click()
})

test('the role dialog shows why two administrator roles or an administrator with a business role are refused', async () => {
  await page.goto(`${BASE_URL}/#/users`)
  await page.getByTestId('users-search').fill('grid.assistant')
  await page.getByTestId('users-search-submit').click()
  const table = page.getByTestId('users-table')
  const row = table.locator('tbody tr', { has: page.getByText('grid.assistant', { exact: true }) })
  await row.getByTestId('user-roles-open').click()
  const dialog = page.getByTestId('user-roles-dialog')
  await dialog.waitFor()
  assert.match(await dialog.innerText(), /三权分立/)
  await dialog.locator('[data-role="AUDIT_ADMIN"]').click()
  await page.getByTestId('user-roles-submit').click()
  const refusal = page.getByTestId('user-roles-error')
  await refusal.waitFor()
  assert.match(await refusal.innerText(), /审计管理员不能兼任业务角色/)
  assert.match(await refusal.innerText(), /网格辅助员/)
  await settleTransitions(page)
  await screenshot(page, 'identity-roles-refused.png')
  // Nothing was changed: the account keeps its one role.
  await dialog.getByText('取消', { exact: true }).click()
  await dialog.waitFor({ state: 'hidden' })
  assert.doesNotMatch(await row.innerText(), /审计管理员/)
  assert.deepEqual(errors, [], 'no uncaught errors in the page')
})
