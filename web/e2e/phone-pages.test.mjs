// Browser test: every page a grid worker can reach (their menu, the bottom navigation and a detail page of each
// kind) fits a 390-px and a 360-px phone screen without sideways scrolling, the document's nor the content pane's.
// The pages are found from the menu the worker is shown, so pages added later (巡查, 民情日志 …) are checked too.
// Run from web/: BASE_URL=http://localhost:8080 node --test e2e/phone-pages.test.mjs
import { test } from 'node:test'
import assert from 'node:assert/strict'
import { BASE_URL, fetchInPage, freshBrowser, PHONE, screenshot, settleTransitions, signIn } from './support.mjs'

/** The pages behind the worker's menu and tabs, and one detail page of each kind found through the API. */
async function workerPages(page) {
  await page.getByTestId('menu-toggle').click()
  await page.getByTestId('menu-drawer').locator('[data-path]').first().waitFor()
  const menu = await page.getByTestId('menu-drawer').locator('[data-path]').evaluateAll((items) => items.map((i) => i.dataset.path))
  await page.keyboard.press('Escape')
  const tabs = await page.getByTestId('phone-nav').locator('a').evaluateAll((links) => links.map((a) => a.getAttribute('href').replace(/^#/, '')))
  const first = async (url, pick = (body) => body.content?.[0]?.id) => {
    const answer = await fetchInPage(page, url)
    return answer.status === 200 ? pick(answer.body) : undefined
  }
  const details = [
    ['/events/', await first('/api/events?box=reported&size=1')],
    ['/registry/residents/', await first('/api/registry/residents?size=1')],
    ['/registry/groups/special/', await first('/api/registry/special-groups?size=1')],
    ['/registry/houses/', await first('/api/registry/houses?size=1')],
    ['/registry/places/', await first('/api/registry/places?size=1')],
  ]
    .filter(([, id]) => id)
    .map(([prefix, id]) => `${prefix}${id}`)
  // Pages reached from others rather than the menu: the form of a visit.
  return [...new Set([...tabs, ...menu, ...details, '/visits/new'])]
}

async function overflow(page) {
  return page.evaluate(() => {
    const main = document.querySelector('.app-main')
    const over = (el) => (el ? el.scrollWidth - el.clientWidth : 0)
    const doc = document.documentElement.scrollWidth - window.innerWidth
    // The widest element sticking out on the right, to say what to fix.
    let culprit = ''
    if (doc > 0 || over(main) > 0) {
      let worst = 0
      for (const el of document.querySelectorAll('.app-main *')) {
        const right = el.getBoundingClientRect().right - window.innerWidth
        if (right > worst && el.offsetParent) {
          worst = right
          culprit = `${el.tagName.toLowerCase()}.${[...el.classList].join('.')}[${el.dataset.testid || ''}] +${Math.round(right)}`
        }
      }
    }
    return { doc, main: over(main), culprit }
  })
}

for (const width of [390, 360]) {
  test(`every page of a grid worker fits a ${width}-px phone`, async (t) => {
    const { page, errors } = await freshBrowser({ ...PHONE, viewport: { width, height: 800 } })
    await page.goto(BASE_URL)
    await signIn(page, 'grid.worker')
    await page.getByTestId('phone-nav').waitFor()
    const paths = await workerPages(page)
    assert.ok(paths.length >= 8, `pages: ${paths}`)
    t.diagnostic(`pages: ${paths.join(' ')}`)
    const offenders = []
    for (const path of paths) {
      // A full load per page: a change of the hash alone would let the previous page be measured.
      await page.goto(`${BASE_URL}/#${path}`)
      await page.reload({ waitUntil: 'networkidle' })
      await page.locator('.app-main > *').first().waitFor()
      await settleTransitions(page)
      const header = await page.locator('.app-header').evaluate((el) => el.scrollWidth - el.clientWidth)
      const { doc, main, culprit } = await overflow(page)
      if (doc > 0 || main > 0 || header > 0) {
        offenders.push(`${path}: document +${doc}, content +${main}, header +${header} ${culprit}`)
        await screenshot(page, `phone-overflow-${width}-${path.replace(/\W+/g, '-')}.png`)
      }
    }
    assert.deepEqual(offenders, [], `pages that scroll sideways at ${width} px:\n${offenders.join('\n')}`)
    assert.deepEqual(errors, [])
  })
}
