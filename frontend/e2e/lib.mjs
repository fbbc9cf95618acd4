// Small helpers for specs: waiting for a condition and driving the few Element Plus widgets
// whose markup is not obvious (selects render their options in a popper under <body>).

import assert from 'node:assert/strict'

/** until polls fn until it returns a truthy value and returns it; it fails naming what. */
export async function until(fn, what, timeout = 10_000) {
  const end = Date.now() + timeout
  let last
  for (;;) {
    try {
      const v = await fn()
      if (v) return v
      last = v
    } catch (e) {
      last = e
    }
    if (Date.now() > end) assert.fail(`timed out waiting for ${what} (last: ${last?.message ?? JSON.stringify(last)})`)
    await new Promise((r) => setTimeout(r, 100))
  }
}

/** rows are the body rows of the el-table with data-test=name. */
export const rows = (page, name) => page.locator(`[data-test="${name}"] .el-table__body tbody tr`)

/** rowTexts are the texts of those rows. */
export const rowTexts = (page, name) => rows(page, name).allInnerTexts()

/** waitRows waits until the table shows n rows and returns their texts. */
export async function waitRows(page, name, n) {
  return until(async () => {
    const texts = await rowTexts(page, name)
    const empty = await page.locator(`[data-test="${name}"] .el-table__empty-block`).isVisible()
    const count = empty ? 0 : texts.length
    return count === n && texts
  }, `${n} rows in ${name}`)
}

/** nav clicks the left navigation entry with data-nav=key. */
export const nav = (page, key) => page.locator(`[data-nav="${key}"]`).click()

/** dialog is the open el-dialog with data-test=name. */
export const dialog = (page, name) => page.locator(`.el-dialog[data-test="${name}"]`)

/** choose opens the el-select matched by select and picks the visible option with that text. */
export async function choose(page, select, text) {
  await select.click()
  await page.locator('.el-select-dropdown__item:visible', { hasText: text }).first().click()
}

/** message waits for an el-message of a kind (success, error, warning, info) and returns its text. */
export async function message(page, kind, containing = '') {
  const m = page.locator(`.el-message--${kind}`, { hasText: containing }).last()
  await m.waitFor()
  // Let it slide in, so that a screenshot shows it.
  await until(() => m.evaluate((el) => !el.getAnimations().length && getComputedStyle(el).opacity === '1'), `the ${kind} message to appear`)
  return (await m.innerText()).trim()
}

/** closeMessages removes the toasts, so that the next check sees only new ones. */
export async function closeMessages(page) {
  await page.evaluate(() => document.querySelectorAll('.el-message').forEach((e) => e.remove()))
}
