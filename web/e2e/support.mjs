// Shared helpers of the browser tests: launching the system Chromium, signing in and out through the pages, and
// calling the API from the page (with the session cookie and, for writes, the CSRF header).
// Not a test file itself (node --test runs only *.test.mjs here).
import { afterEach } from 'node:test'
import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

export const BASE_URL = process.env.BASE_URL
export const OUT_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'out')
export const TIMEOUT = 20_000
/** The password of every demo account. */
export const DEMO_PASSWORD = 'GridGov@2026'

/** Starts a fresh headless Chromium profile; answers { context, page, close }. Never downloads browsers. */
export async function launchBrowser(options = {}) {
  assert.ok(BASE_URL, 'set BASE_URL to the running GridGov server, e.g. http://localhost:8080')
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gridgov-e2e-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
    viewport: { width: 1440, height: 900 },
    locale: 'zh-CN',
    ...options,
  })
  context.setDefaultTimeout(TIMEOUT)
  const page = context.pages()[0] ?? (await context.newPage())
  const close = async () => {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
  return { context, page, close }
}

/** A phone's screen, 390 px wide: pages must not scroll sideways on it. */
export const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }

const opened = []

// After each test, not after the file: a browser still open keeps node's event loop alive, and node runs a file's
// last hooks only once that loop is empty, so a test that fails before its close() would never let the file end.
afterEach(async () => {
  await Promise.all(opened.map((close) => close()))
})

/**
 * A fresh browser (launchBrowser) for one test, closed when the test ends (or before, by close()); answers
 * { context, page, close, errors }, errors collecting the page's uncaught exceptions.
 */
export async function freshBrowser(options) {
  const browser = await launchBrowser(options)
  const close = async () => {
    if (opened.includes(close)) opened.splice(opened.indexOf(close), 1)
    await browser.close()
  }
  opened.push(close)
  const errors = []
  browser.page.on('pageerror', (error) => errors.push(error.message))
  return { ...browser, close, errors }
}

/** Signs in through the login page and waits for the application (or the change-password page) to show. */
export async function signIn(page, username, password = DEMO_PASSWORD) {
  if (!/#\/login/.test(page.url())) await page.goto(`${BASE_URL}/#/login`)
  await page.getByTestId('login-username').fill(username)
  await page.getByTestId('login-password').fill(password)
  await page.getByTestId('login-submit').click()
  await page.waitForURL((url) => !url.hash.startsWith('#/login'))
  await page.locator('[data-testid="user-name"], [data-testid="password-form"]').first().waitFor()
}

/** Signs out through the header's user menu and waits for the login page. */
export async function signOut(page) {
  await page.getByTestId('user-menu').click()
  await page.getByTestId('logout').click()
  await page.waitForURL(/#\/login/)
  await page.getByTestId('login-submit').waitFor()
}

/**
 * Fetches JSON from the page's origin, as the page itself would (with the session cookie); body (an object) is sent
 * as JSON, and a write carries the X-XSRF-TOKEN header with the XSRF-TOKEN cookie's value.
 */
export function fetchInPage(page, url, method = 'GET', body = undefined) {
  return page.evaluate(
    async ({ u, m, b }) => {
      const cookie = () => {
        const entry = document.cookie.split(';').map((c) => c.trim()).find((c) => c.startsWith('XSRF-TOKEN='))
        return entry ? decodeURIComponent(entry.slice('XSRF-TOKEN='.length)) : ''
      }
      const init = { method: m, headers: { Accept: 'application/json' } }
      if (m !== 'GET') {
        if (!cookie()) await fetch('/api/auth/csrf')
        init.headers['X-XSRF-TOKEN'] = cookie()
      }
      if (b !== undefined) {
        init.headers['Content-Type'] = 'application/json'
        init.body = JSON.stringify(b)
      }
      const response = await fetch(u, init)
      const text = await response.text()
      let parsed = null
      try {
        parsed = text ? JSON.parse(text) : null
      } catch {
        parsed = text
      }
      return { status: response.status, body: parsed }
    },
    { u: url, m: method, b: body },
  )
}

/** Saves a screenshot of the page into e2e/out/. */
export async function screenshot(page, name) {
  fs.mkdirSync(OUT_DIR, { recursive: true })
  await page.screenshot({ path: path.join(OUT_DIR, name) })
}

/** Waits until no Vue enter/leave transition (dialog, drawer, list) is running. */
export async function settleTransitions(page) {
  await page.waitForFunction(() => !document.querySelector('[class*="-enter-active"], [class*="-leave-active"]'))
  await page.waitForTimeout(200)
}

/** The texts of the side menu's entries. */
export async function menuTexts(page) {
  await page.getByTestId('side-menu').waitFor()
  return (await page.getByTestId('side-menu').locator('.el-menu-item').allInnerTexts()).map((t) => t.trim())
}

/** A valid 18-character ID number (GB 11643) of someone born in the month (yyyyMM), different each run. */
export function idNumber(born = '198006') {
  const serial = String(Date.now() % 1000).padStart(3, '0')
  const day = String(1 + (Math.floor(Date.now() / 1000) % 28)).padStart(2, '0')
  const first17 = `421381${born}${day}${serial}`
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * weights[i], 0)
  return first17 + '10X98765432'[sum % 11]
}

/** Picks an event category in the report form's two-level cascader: a major, then one of its minors. */
export async function pickCategory(page, major, minor) {
  await page.getByTestId('event-category').locator('input').click()
  const popper = page.locator('.category-cascader-popper').filter({ visible: true })
  await popper.locator('.el-cascader-node', { hasText: major }).click()
  await popper.locator('.el-cascader-node', { hasText: minor }).click()
  await page.waitForFunction(() => !document.querySelector('.category-cascader-popper:not([style*="display: none"]) .el-cascader-node'))
}
