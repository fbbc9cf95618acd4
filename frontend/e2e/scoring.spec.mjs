// Starting from the demo: enter one rater's scores for 2024Q4 with the keyboard as in a
// spreadsheet, see a refused value explained at its cell in Chinese and marked red, correct it,
// see the unit become 已完成, paste a block copied from Excel, and find it all again after a reload.
import assert from 'node:assert/strict'
import { choose, nav, until } from './lib.mjs'
import { cell, cellText, enter, grid, settled, shows, status } from './grid.mjs'

export const demo = true

let unit = '' // the short name of the unit scored below
let rater = ''

export default {
  async 'the grid of a rater of 2024Q4 opens with the own unit barred'({ page, screenshot, cli, dbPath }) {
    const rounds = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds
    const q4 = rounds.find((r) => r.code === '2024Q4')
    assert.equal(q4.status, 'scoring')
    // The first 联系片互评 rater of 2024Q4 is the liaison of an observed lead unit.
    rater = q4.groups[1].raters[0]
    await nav(page, 'scoring')
    await choose(page, page.locator('[data-test="round-select"]'), '2024Q4')
    await choose(page, page.locator('[data-test="rater-select"]'), rater)
    await grid(page).locator('tr.ir').first().waitFor()
    // That liaison works in an observed unit: its column is greyed out and says 回避.
    const barred = grid(page).locator('th.uh.bar')
    assert.equal(await barred.count(), 1)
    assert.match(await barred.getAttribute('title'), /本单位人员，回避/)
    assert.equal(await status(page, await barred.getAttribute('data-unit')), '回避')
    assert.match(await page.locator('[data-test="rater-progress"]').innerText(), /已完成 0 \/ 10 个单位/)
    // The selection starts on the first unit the rater may score.
    unit = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    assert.ok(unit && unit !== (await barred.getAttribute('data-unit')))
    assert.match(await status(page, unit), /缺 9 项/)
    await screenshot('scoring-01-grid')
  },

  async 'values typed down a unit’s column are saved and shown formatted'({ page }) {
    for (const v of ['8', '９.5', '较好', '7', '9分', '好']) await enter(page, v)
    await settled(page)
    assert.deepEqual(
      await Promise.all(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3'].map((c) => cellText(page, c, unit))),
      ['8', '9.5', '较好', '7', '9', '好'],
    )
    assert.match(await status(page, unit), /缺 3 项/)
  },

  async 'text where a number belongs is refused in Chinese at the cell and marked red'({ page, screenshot }) {
    await enter(page, '九十') // 3.1, 0–15 points
    await page.keyboard.press('ArrowUp')
    const c = await cell(page, '3.1', unit)
    await until(async () => /\bbad\b/.test(await c.getAttribute('class')), 'the red cell')
    const msg = page.locator('[data-test="cell-message"]')
    await msg.waitFor()
    assert.equal(await msg.innerText(), '「九十」不是数字，请输入0～15之间的数，须为0.5的倍数')
    assert.equal(await c.innerText(), '九十')
    assert.match(await page.locator('[data-test="save-state"]').innerText(), /1 个单元格未保存：「九十」不是数字/)
    await screenshot('scoring-02-refused')
    // Escape gives up the refused text: the cell shows what is stored (nothing yet).
    await page.keyboard.press('Escape')
    await until(async () => !/\bbad\b/.test(await c.getAttribute('class')), 'the cell no longer red')
    assert.equal((await c.innerText()).trim(), '')
    assert.doesNotMatch(await page.locator('[data-test="save-state"]').innerText(), /未保存/)
  },

  async 'a value above the maximum is refused too, and corrections turn the cells back'({ page, screenshot }) {
    await enter(page, '13') // 3.1 again
    await enter(page, '8') // 3.2
    await enter(page, '16') // 3.3 takes 0–10
    await page.keyboard.press('ArrowUp')
    const c = await cell(page, '3.3', unit)
    await until(async () => /\bbad\b/.test(await c.getAttribute('class')), 'the red cell 3.3')
    assert.equal(await page.locator('[data-test="cell-message"]').innerText(), '「16」超出范围，请输入0～10之间的数，须为0.5的倍数')
    assert.equal(await cellText(page, '3.1', unit), '13')
    await screenshot('scoring-03-over-max')
    await enter(page, '9.5')
    await settled(page)
    assert.doesNotMatch(await c.getAttribute('class'), /\bbad\b/)
    assert.equal(await cellText(page, '3.3', unit), '9.5')
  },

  async 'the unit’s footer says 已完成 and the rater’s count goes up'({ page, screenshot }) {
    await until(async () => (await status(page, unit)) === '已完成', `${unit} 已完成`)
    const total = await grid(page).locator(`td.tot[data-unit="${unit}"]`).innerText()
    assert.equal(total.trim(), '87.00') // 8 + 9.5 + 8 (较好) + 7 + 9 + 15 (好) + 13 + 8 + 9.5
    assert.match(await page.locator('[data-test="rater-progress"]').innerText(), /已完成 1 \/ 10 个单位/)
    await screenshot('scoring-04-complete')
  },

  async 'arrow keys move across units, Tab goes right, Delete clears'({ page }) {
    // Back up from 4.1 to 3.3 of the unit, right to the next unit, type, then clear it again.
    await page.keyboard.press('ArrowUp')
    await page.keyboard.press('ArrowRight')
    const next = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    assert.notEqual(next, unit)
    await page.keyboard.type('6')
    await page.keyboard.press('Tab')
    await shows(page, '3.3', next, '6')
    await page.keyboard.press('Shift+Tab')
    await page.keyboard.press('Delete')
    await shows(page, '3.3', next, '')
    await settled(page)
  },

  async 'a block copied from Excel is pasted in one go, and Ctrl+C copies the selection as TSV'({ page }) {
    const next = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    await (await cell(page, '1.1', next)).click()
    // Two units × two indicators, as Excel puts them on the clipboard: \r\n and a trailing newline.
    await page.locator('[data-test="grid-input"]').evaluate((el, text) => {
      const dt = new DataTransfer()
      dt.setData('text/plain', text)
      el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, cancelable: true }))
    }, '7\t6.5\r\n"8"\t9\r\n')
    await shows(page, '1.2', next, '8')
    await settled(page)
    const third = await grid(page).locator(`th.uh[data-c="${Number(await grid(page).locator(`th.uh[data-unit="${next}"]`).getAttribute('data-c')) + 1}"]`).getAttribute('data-unit')
    assert.deepEqual(
      [await cellText(page, '1.1', next), await cellText(page, '1.1', third), await cellText(page, '1.2', next), await cellText(page, '1.2', third)],
      ['7', '6.5', '8', '9'],
    )
    // The pasted block is selected; Ctrl+C puts it on the clipboard as Excel would.
    const copied = await page.evaluate(
      () =>
        new Promise((resolve) => {
          document.addEventListener('copy', (e) => resolve(e.clipboardData.getData('text/plain')), { once: true })
          const ta = document.querySelector('[data-test="grid-input"]')
          ta.dispatchEvent(new KeyboardEvent('keydown', { key: 'c', ctrlKey: true, bubbles: true }))
          ta.dispatchEvent(new ClipboardEvent('copy', { clipboardData: new DataTransfer(), bubbles: true, cancelable: true }))
        }),
    )
    assert.equal(copied, '7\t6.5\r\n8\t9')
  },

  async 'a grade typed through a Chinese input method shows no error while composing'({ page }) {
    const next = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    await (await cell(page, '1.3', next)).click()
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Input.imeSetComposition', { text: 'jiao', selectionStart: 4, selectionEnd: 4 })
    await page.locator('[data-test="grade-options"]').waitFor()
    assert.equal(await page.locator('[data-test="cell-message"]').count(), 0)
    await cdp.send('Input.insertText', { text: '较好' })
    await page.keyboard.press('Enter')
    await shows(page, '1.3', next, '较好')
    await settled(page)
  },

  async 'after a reload the values are still there'({ page, screenshot }) {
    await page.reload()
    await grid(page).locator('tr.ir').first().waitFor()
    assert.match(await page.locator('[data-test="rater-select"]').innerText(), new RegExp(rater))
    assert.deepEqual(
      await Promise.all(['1.1', '1.2', '1.3', '2.1', '2.2', '2.3', '3.1', '3.2', '3.3'].map((c) => cellText(page, c, unit))),
      ['8', '9.5', '较好', '7', '9', '好', '13', '8', '9.5'],
    )
    assert.equal(await status(page, unit), '已完成')
    assert.match(await page.locator('[data-test="rater-progress"]').innerText(), /已完成 1 \/ 10 个单位/)
    await screenshot('scoring-05-after-reload')
  },

  async 'one unit at a time shows the scoring points beside a single column'({ page, screenshot }) {
    await page.locator('[data-test="view-mode"] label', { hasText: '逐个单位' }).click()
    await page.locator('[data-test="unit-select"]').waitFor()
    assert.equal(await grid(page).locator('th.uh').count(), 1)
    assert.match(await grid(page).locator('td.pts').first().innerText(), /党组（党委）每季度专题研究机关党建工作/)
    assert.equal((await grid(page).locator('tr.ir').first().locator('td.v').innerText()).trim(), '8')
    await screenshot('scoring-06-one-unit')
  },
}
