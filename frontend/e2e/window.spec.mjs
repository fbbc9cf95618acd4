// The window as a newcomer meets it, at 1366×768: the home page fills as soon as the demo is
// loaded, the operator's name is asked for and recorded, zoom is remembered, and no page of the
// Chinese window shows an English word or a raw field name.
import assert from 'node:assert/strict'
import { dialog, message, nav, until } from './lib.mjs'

export const demo = false
export const operatorPrompt = true

// Latin words a Chinese office window legitimately shows: file kinds, programs, keys, codes.
const allowed = new Set(['xlsx', 'xls', 'docx', 'pdf', 'Excel', 'WPS', 'Office', 'LibreOffice', 'Ctrl', 'Shift', 'Enter', 'Tab', 'Esc', 'Delete',
  'Backspace', 'Del', 'English', 'Word', 'MB', 'KB', 'GB', 'Windows', 'HMAC', 'SQLite', 'ID', 'A', 'B', 'C', 'D', 'A4', 'Q'])

/** latinWords are the visible Latin words of the page outside the allow-list (codes with digits are not words). */
async function latinWords(page) {
  const text = await page.evaluate(() => document.body.innerText)
  const words = text.match(/(?<![\p{L}\p{N}._/\\-])[A-Za-z]{2,}(?![\p{L}\p{N}_])/gu) ?? []
  return [...new Set(words.filter((w) => !allowed.has(w)))]
}

/** scan visits each page and each of its tabs and lists the Latin words it shows. */
async function scan(page, screenshot, keys) {
  const found = []
  for (const key of keys) {
    await nav(page, key)
    await page.waitForTimeout(700)
    const tabs = page.locator('.page .el-tabs__item')
    const n = Math.max(1, await tabs.count())
    for (let i = 0; i < n; i++) {
      if (await tabs.count()) {
        await tabs.nth(i).click()
        await page.waitForTimeout(600)
      }
      const words = await latinWords(page)
      if (words.length) found.push(`${key}#${i}: ${words.join(' ')}`)
      await screenshot(`window-page-${key}-${i}`)
    }
  }
  return found
}

export default {
  async 'the home page fills as soon as the demo is loaded'({ page, screenshot }) {
    await page.setViewportSize({ width: 1366, height: 768 })
    const firstRun = dialog(page, 'first-run')
    await firstRun.waitFor()
    await page.locator('[data-test="load-demo"]').click()
    // Building the demo district takes a few seconds on a busy machine.
    await firstRun.waitFor({ state: 'hidden', timeout: 45_000 })
    // Without leaving the page: the current round and the front line are there.
    const round = page.locator('[data-test="home-round"]')
    await until(async () => /2024Q4/.test(await round.innerText()), 'the current round on the home page', 20_000)
    assert.doesNotMatch(await round.innerText(), /还没有进行中的观摩轮次/)
    const matters = await page.locator('.home').innerText()
    assert.doesNotMatch(matters, /暂无办实事/)
    assert.match(matters, /最新汇总排名\s*2024Q3/)
  },

  async 'the operator is asked for once the demo is loaded, and recorded'({ page, screenshot }) {
    const d = dialog(page, 'operator-dialog')
    await d.waitFor()
    await screenshot('window-01-operator-asked')
    await d.locator('input[data-test="operator-name"], [data-test="operator-name"] input').first().fill('区直机关工委 王建国')
    await d.locator('[data-test="operator-save"]').click()
    assert.match(await message(page, 'success', '操作人'), /区直机关工委 王建国/)
    await d.waitFor({ state: 'hidden' })
    await screenshot('window-02-home-after-demo')
    await nav(page, 'settings')
    await until(async () => (await page.locator('[data-test="operator"] input, input[data-test="operator"]').first().inputValue()) === '区直机关工委 王建国', 'the name in 设置')
  },

  async 'the name is not asked again after a reload'({ page }) {
    await page.reload()
    await page.locator('[data-nav="home"]').waitFor()
    await page.waitForTimeout(800)
    assert.equal(await dialog(page, 'operator-dialog').isVisible(), false)
  },

  async 'Ctrl + zooms, and the zoom is remembered after a reload; Ctrl 0 resets it'({ page, screenshot }) {
    await nav(page, 'home')
    const zoom = () => page.evaluate(() => document.documentElement.style.zoom || '1')
    await page.keyboard.press('Control+Equal')
    await until(async () => (await zoom()) === '1.1', 'zoom 110%')
    assert.match(await message(page, 'info', '缩放'), /110%/)
    await page.keyboard.press('Control+Minus')
    await page.keyboard.press('Control+Minus')
    await until(async () => (await zoom()) === '0.9', 'zoom 90%')
    await page.waitForTimeout(300)
    await page.reload()
    await until(async () => (await zoom()) === '0.9', 'zoom 90% after the reload')
    await screenshot('window-03-zoom-90')
    await page.keyboard.press('Control+0')
    await until(async () => (await zoom()) === '1', 'zoom reset')
  },

  async 'no page of 首页, 组织架构, 考核方案, 观摩轮次 or 评分 shows an English word'({ page, screenshot }) {
    assert.deepEqual(await scan(page, screenshot, ['home', 'org', 'schemes', 'rounds', 'scoring']), [])
  },

  async 'no page of 工作簿, 汇总排名, 整改台账, 一线支部 or 设置 shows an English word'({ page, screenshot }) {
    assert.deepEqual(await scan(page, screenshot, ['workbooks', 'results', 'findings', 'frontline', 'settings']), [])
  },

}
