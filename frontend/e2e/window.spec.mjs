// The window as a newcomer meets it, at 1366×768: the home page fills as soon as the demo is
// loaded, the operator's name is asked for and recorded, zoom is remembered, and no page of the
// Chinese window shows an English word or a raw field name.
import assert from 'node:assert/strict'
import { dialog, message, nav, until } from './lib.mjs'

export const demo = false
export const operatorPrompt = true

// Latin words a Chinese office window legitimately shows: file kinds, programs, keys, codes.
const allowed = new Set(['xlsx', 'xls', 'docx', 'pdf', 'Excel', 'WPS', 'Office', 'LibreOffice', 'Ctrl', 'Shift', 'Enter', 'Tab', 'Esc', 'Delete',
  'Backspace', 'Del', 'English', 'Windows', 'HMAC', 'SQLite', 'ID', 'A', 'B', 'C', 'D', 'A4', 'Q'])

/** latinWords are the visible Latin words of the page outside the allow-list (codes with digits are not words). */
async function latinWords(page) {
  const text = await page.evaluate(() => document.body.innerText)
  const words = text.match(/(?<![\p{L}\p{N}._/\\-])[A-Za-z]{2,}(?![\p{L}\p{N}_])/gu) ?? []
  return [...new Set(words.filter((w) => !allowed.has(w)))]
}

export default {
  async 'the home page fills as soon as the demo is loaded'({ page, screenshot }) {
    await page.setViewportSize({ width: 1366, height: 768 })
    const firstRun = dialog(page, 'first-run')
    await firstRun.waitFor()
    await page.locator('[data-test="load-demo"]').click()
    assert.equal(await message(page, 'success', '演示数据'), '演示数据已载入')
    await firstRun.waitFor({ state: 'hidden' })
    // Without leaving the page: the current round and the front line are there.
    const round = page.locator('[data-test="home-round"]')
    await until(async () => /2024Q4/.test(await round.innerText()), 'the current round on the home page')
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

  async 'no page of the Chinese window shows an English word'({ page, screenshot }) {
    const found = []
    for (const key of ['home', 'org', 'schemes', 'rounds', 'scoring', 'workbooks', 'results', 'findings', 'frontline', 'settings']) {
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
    assert.deepEqual(found, [])
  },
}
