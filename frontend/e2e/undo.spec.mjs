// Undo in the score grid, as in Excel: Ctrl+Z takes back a typed value, a pasted block and a
// cleared range — after they were saved — by writing the previous values back through the normal
// save; Ctrl+Y redoes. What was undone is what the database holds (the grid is reloaded). The grid
// of 11 units fits 1366×768.
import assert from 'node:assert/strict'
import { message, until } from './lib.mjs'
import { cell, cellText, enter, grid, openGrid, settled, shows } from './grid.mjs'

export const demo = true

let rater = ''
let a = '' // the first unit the rater may score, and the one right of it
let b = ''

const paste = (page, text) =>
  page.locator('[data-test="grid-input"]').evaluate((el, t) => {
    const dt = new DataTransfer()
    dt.setData('text/plain', t)
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
  }, text)

const block = (page) => Promise.all([cellText(page, '1.1', a), cellText(page, '1.1', b), cellText(page, '1.2', a), cellText(page, '1.2', b)])

export default {
  async 'the grid of 11 units fits 1366×768'({ page, cli, dbPath, screenshot }) {
    await page.setViewportSize({ width: 1366, height: 768 })
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q4')
    rater = q4.groups[1].raters[0]
    await openGrid(page, '2024Q4', rater)
    const heads = grid(page).locator('th.uh')
    assert.equal(await heads.count(), 11)
    const last = await heads.last().boundingBox()
    assert.ok(last && last.x + last.width <= 1366, `the 11th unit ends at ${last?.x + last?.width}`)
    a = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    const c = Number(await grid(page).locator(`th.uh[data-unit="${a}"]`).getAttribute('data-c'))
    b = await grid(page).locator(`th.uh[data-c="${c + 1}"]`).getAttribute('data-unit')
    await screenshot('undo-01-grid-1366')
  },

  async 'Ctrl+Z after a typed value writes the previous value back, Ctrl+Y again'({ page }) {
    await (await cell(page, '1.1', a)).click()
    await enter(page, '8')
    await settled(page)
    await (await cell(page, '1.1', a)).click()
    await enter(page, '9.5')
    await settled(page)
    await shows(page, '1.1', a, '9.5')
    await page.keyboard.press('Control+z')
    await shows(page, '1.1', a, '8')
    assert.match(await message(page, 'success', '已撤销'), /1 个单元格/)
    await settled(page)
    await page.keyboard.press('Control+y')
    await shows(page, '1.1', a, '9.5')
    await settled(page)
    await page.keyboard.press('Control+z')
    await shows(page, '1.1', a, '8')
    await settled(page)
  },

  async 'Ctrl+Z after a paste restores the four cells it overwrote'({ page, screenshot }) {
    await (await cell(page, '1.1', a)).click()
    await paste(page, '7\t6.5\r\n8.5\t9\r\n')
    await shows(page, '1.2', b, '9')
    await settled(page)
    assert.deepEqual(await block(page), ['7', '6.5', '8.5', '9'])
    await page.keyboard.press('Control+z')
    await until(async () => JSON.stringify(await block(page)) === JSON.stringify(['8', '', '', '']), 'the paste undone')
    await settled(page)
    await screenshot('undo-02-paste-undone')
  },

  async 'a range cleared with Delete says Ctrl+Z undoes it, and Ctrl+Z does'({ page, screenshot }) {
    await (await cell(page, '1.1', a)).click()
    await paste(page, '7\t6.5\r\n8.5\t9\r\n')
    await shows(page, '1.2', b, '9')
    await settled(page)
    await (await cell(page, '1.1', a)).click()
    await page.keyboard.press('Shift+ArrowDown')
    await page.keyboard.press('Shift+ArrowRight')
    await page.keyboard.press('Delete')
    assert.equal(await message(page, 'info', '已清除'), '已清除 4 个单元格，按 Ctrl+Z 可撤销')
    await until(async () => JSON.stringify(await block(page)) === JSON.stringify(['', '', '', '']), 'the range cleared')
    await settled(page)
    await screenshot('undo-03-range-cleared')
    await page.keyboard.press('Control+z')
    await until(async () => JSON.stringify(await block(page)) === JSON.stringify(['7', '6.5', '8.5', '9']), 'the range back')
    await settled(page)
    await screenshot('undo-04-range-undone')
  },

  async 'what was undone is what the database holds'({ page }) {
    await page.reload()
    await openGrid(page, '2024Q4', rater)
    await until(async () => JSON.stringify(await block(page)) === JSON.stringify(['7', '6.5', '8.5', '9']), 'the values after a reload')
  },
}
