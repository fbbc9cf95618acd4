// The paper sheets (纸质评分表) of the demo's 2024Q4 from the 工作簿 page: the button beside the
// workbook export writes, into a folder the user picks, a file per rater and a blank one, with
// the progress shown while it works and a result naming the folder; the workbooks' own export
// result is left alone; for a closed round the button is off and says why.
import assert from 'node:assert/strict'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { choose, closeMessages, message, nav, until, waitRows } from './lib.mjs'

export const demo = true

const roundOfPage = (page) => Number(new URL(page.url().replace('#/', '')).searchParams.get('round'))

export default {
  async 'the paper sheets of 2024Q4 are written to a folder, with progress and a result'({ page, screenshot, dir, queueDialog, cli, dbPath }) {
    await nav(page, 'workbooks')
    await waitRows(page, 'export-raters', 13)
    const button = page.locator('[data-test="export-paper"]')
    assert.match(await button.innerText(), /导出纸质评分表/)
    assert.match(await page.locator('[data-test="export-panel"]').innerText(), /每个单位一页 A4，表末有评分人签名和日期栏/)
    const out = path.join(dir, '纸质评分表')

    let release
    const held = new Promise((r) => (release = r))
    await page.route((url) => url.pathname.endsWith('/WorkbookAPI/ExportPaper'), async (route) => {
      await held
      await route.continue()
    })
    queueDialog([out])
    await button.click()
    const progress = page.locator('[data-test="export-progress"]')
    await progress.waitFor()
    assert.equal(await page.locator('[data-test="export-run"]').isDisabled(), true, 'the workbook export waits while paper is written')
    await page.evaluate((id) => window.runtime.EventsEmit('workbook:export-progress', { roundId: id, done: 6, total: 14 }), roundOfPage(page))
    await until(async () => /正在生成纸质评分表：第 6 \/ 14 份/.test(await progress.innerText()), 'the progress of 6 of 14')
    await page.waitForTimeout(300)
    await screenshot('paper-01-progress')
    release()
    await page.unroute((url) => url.pathname.endsWith('/WorkbookAPI/ExportPaper'))

    assert.equal(await message(page, 'success'), '已为轮次 2024Q4 导出 14 份纸质评分表')
    const result = page.locator('[data-test="paper-result"]')
    await result.waitFor()
    assert.match(await result.innerText(), /已为轮次 2024Q4 导出 14 份纸质评分表（其中 1 份空白表），每个单位一页，可直接打印/)
    assert.equal(await page.locator('[data-test="paper-dir"]').innerText(), out)
    assert.equal(await page.locator('[data-test="export-result"]').count(), 0, 'no workbook export is claimed')
    const written = (await readdir(out)).sort()
    assert.equal(written.length, 14)
    assert.ok(written.includes('2024Q4_空白纸质评分表.xlsx'), written.join(' '))
    assert.ok(written.every((f) => f.endsWith('纸质评分表.xlsx')), written.join(' '))
    // Nothing was recorded as a handed-out workbook: the raters' file column stays empty.
    const texts = await waitRows(page, 'export-raters', 13)
    assert.ok(texts.every((t) => !/纸质评分表/.test(t)))
    await closeMessages(page)
    await screenshot('paper-02-result')
    // The CLI writes the same set.
    const printed = await cli('export', 'raters', '--db', dbPath, '--round', '2024Q4', '--out', path.join(dir, 'cli'), '--paper')
    assert.match(printed, /已为轮次 2024Q4 导出 14 份纸质评分表/)
  },

  async 'a closed round has no paper sheets to export'({ page, screenshot }) {
    await choose(page, page.locator('[data-test="round-select"]'), '2024Q3')
    await until(async () => (await page.locator('[data-test="not-scoring"]').count()) === 1, 'the closed round is shown')
    const button = page.locator('[data-test="export-paper"]')
    await until(() => button.isDisabled(), 'the paper button to be off')
    assert.match(await page.locator('[data-test="export-panel"]').innerText(), /这一轮已结束，不再导出纸质评分表/)
    assert.equal(await page.locator('[data-test="paper-result"]').count(), 0)
    await screenshot('paper-03-closed')
  },
}
