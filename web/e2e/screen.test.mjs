// Browser test of the command-center screen (指挥大屏): a county leader opens it from the menu at 1920×1080 and at
// 1366×768; it fills the window without scrolling, without the console's menu, shows today's figures as numbers, the
// township ranking with grades, the map with the township outlines and the open events, and the charts; a ranking
// row opens the score behind it. Grid workers have no such entry.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/screen.test.mjs
import { after, test } from 'node:test'
import assert from 'node:assert/strict'
import { launchBrowser, menuTexts, screenshot, signIn } from './support.mjs'

const browsers = []
after(async () => {
  await Promise.all(browsers.map((close) => close()))
})

async function openScreen(viewport) {
  const browser = await launchBrowser({ viewport })
  browsers.push(browser.close)
  const { page } = browser
  const errors = []
  page.on('pageerror', (error) => errors.push(error.message))
  await signIn(page, 'county.leader')
  await page.getByTestId('side-menu').locator('.el-menu-item[data-path="/screen"]').click()
  await page.getByTestId('command-screen').waitFor()
  return { page, errors }
}

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1366, height: 768 },
]) {
  test(`the command screen fills ${viewport.width}×${viewport.height} without scrolling and opens what it shows`, async () => {
    const { page, errors } = await openScreen(viewport)
    await page.getByTestId('screen-title').filter({ hasText: '广水市' }).waitFor()
    assert.match(await page.getByTestId('screen-title').innerText(), /广水市.*指挥中心/)
    assert.equal(await page.getByTestId('side-menu').count(), 0, 'no console menu on the wall display')
    const figure = page.getByTestId('screen-figure-today').locator('.value')
    await page.waitForFunction((el) => /^\d+$/.test(el.textContent.trim()), await figure.elementHandle())
    const rows = page.getByTestId('screen-ranking').locator('li')
    await rows.first().waitFor()
    assert.ok((await rows.count()) >= 5, 'the township ranking shows its top')
    assert.match(await rows.first().innerText(), /优秀|良好|合格|不合格/)
    await page.locator('[data-testid="screen-map"] path.outline-township').first().waitFor()
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="screen-map"] path.screen-event').length > 0)
    assert.ok(await page.locator('[data-testid="screen-reports"] canvas').count(), 'the reports chart is drawn')
    const overflow = await page.evaluate(() => ({
      x: document.documentElement.scrollWidth - window.innerWidth,
      y: document.documentElement.scrollHeight - window.innerHeight,
    }))
    assert.deepEqual(overflow, { x: 0, y: 0 }, 'nothing scrolls')
    await screenshot(page, `screen-${viewport.width}.png`)
    const name = (await rows.first().locator('.name').innerText()).trim()
    await rows.first().click()
    await page.waitForURL(/#\/assessment\/scores\//)
    await page.getByText(name).first().waitFor()
    assert.deepEqual(errors, [])
  })
}

test('grid workers have no command screen in their menu', async () => {
  const browser = await launchBrowser({ viewport: { width: 1440, height: 900 } })
  browsers.push(browser.close)
  await signIn(browser.page, 'grid.worker')
  assert.ok(!(await menuTexts(browser.page)).includes('指挥大屏'))
})
