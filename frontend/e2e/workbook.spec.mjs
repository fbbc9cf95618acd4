// The workbook round trip on the demo's 2024Q4 (in scoring, no scores yet): the raters'
// workbooks are exported to a folder through the 工作簿 page; two are filled as raters would
// (openpyxl puts values in the 得分 column), one score is typed in the window so that one
// workbook conflicts with it, and a broken file lies beside them. The folder is previewed — a
// file of each status, the conflict with where the stored value came from — the conflict is
// decided for the workbook, the import applied; then the import is undone and the score is back
// to the typed value, and an undo that a later change blocks is refused with Go's message.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFile, mkdir, readdir, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import path from 'node:path'
import { promisify } from 'node:util'
import { closeMessages, message, nav, rows, until, waitRows } from './lib.mjs'
import { cell, cellText, enter, grid, openGrid, settled } from './grid.mjs'

export const demo = true

const run = promisify(execFile)
const python = process.env.LKP_PYTHON || '/usr/bin/python3'

// fill puts into every unit sheet of each workbook what a rater who gives full marks types in
// 得分 (column G, indicators from row 4): the maximum of a 得分项, 好 for a grade, 0 for a bonus
// or a deduction. Units are found by the marker in I1, as the importer finds them.
const fill = `
import sys, openpyxl
for path in sys.argv[1:]:
    wb = openpyxl.load_workbook(path)
    for ws in wb.worksheets:
        marker = ws['I1'].value
        if not (isinstance(marker, str) and marker.startswith('LKP1')):
            continue
        for r in range(4, ws.max_row + 1):
            code, top, method = ws.cell(r, 1).value, ws.cell(r, 5).value, ws.cell(r, 6).value or ''
            if not code or code == '合计':
                continue
            if method.startswith('等次项'):
                ws.cell(r, 7).value = '好'
            elif method.startswith('得分项'):
                ws.cell(r, 7).value = top
            else:
                ws.cell(r, 7).value = 0
    wb.save(path)
`

const first = '武玥' // fills her workbook, which conflicts with the score typed for her
const second = '夏雪' // fills hers
const blank = '孔长江' // returns his untouched
const operator = '区直机关工委 王建国'
const fileOf = (name) => `2024Q4_${name}_评分表.xlsx`
let exportDir = ''
let returnedDir = ''
let unit = '' // the short name of the unit whose 1.1 is typed for 武玥
// The demo's figures, recomputed from what the CLI says rather than written in: 武玥 and 夏雪
// are 区委常委 with no unit of their own, so each scores every observed unit, and a filled
// workbook holds a value for every scorable indicator of every unit.
let units = 0 // observed units of 2024Q4, each in every 区委常委's workbook
let cells = 0 // values in one filled 区委常委 workbook
let firstUnit = '' // the full name of the unit typed for 武玥: the round's first, as she is barred from none

/** roundOfPage is the round id the 工作簿 page keeps in its address. */
const roundOfPage = (page) => Number(new URL(page.url().replace('#/', '')).searchParams.get('round'))

/** fileRow is the row of a file in the preview (not its expanded details, whose tables have rows too). */
const fileRows = (page) => page.locator('[data-test="import-files"] tr:has([data-test="file-status"])')
const fileRow = (page, name) => fileRows(page).filter({ hasText: name })
const statusOf = (page, name) => fileRow(page, name).locator('[data-test="file-status"]').innerText()

/** confirm answers the el-message-box with its confirm button. */
async function confirm(page, button) {
  // The box that opens next (a refusal) may share its title: hold on to this very element.
  const box = await page.locator('.el-message-box').first().elementHandle()
  const text = await (await box.$('.el-message-box__message')).innerText()
  const btn = await box.$$('.el-message-box__btns button')
  const texts = await Promise.all(btn.map((b) => b.innerText()))
  await btn[texts.findIndex((t) => t.trim() === button)].click()
  await box.waitForElementState('hidden')
  return text
}

export default {
  async 'the raters of 2024Q4 are listed and their workbooks exported to a folder'({ page, screenshot, dir, queueDialog, base, token, cli, dbPath }) {
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((x) => x.code === '2024Q4')
    const scheme = JSON.parse(await cli('schemes', '--db', dbPath, '--json')).schemes.find((x) => x.name === q4.scheme)
    units = q4.units.length
    firstUnit = q4.units[0]
    cells = units * scheme.indicators.filter((i) => i.kind).length
    // The operator named in Settings is recorded on every import and every typed score. It is set
    // through the bridge: the settings page may still be loading, and overwrite a name typed early.
    const r = await fetch(`${base}/__call/SettingsAPI/SetOperator`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Bridge-Token': token },
      body: JSON.stringify([operator]),
    })
    assert.equal(r.status, 200, await r.text())

    await nav(page, 'workbooks')
    const raters = await waitRows(page, 'export-raters', 13)
    assert.match(raters[0], new RegExp(`区委常委[\\s\\S]*武玥[\\s\\S]*0 / ${units}[\\s\\S]*未交回`))
    exportDir = path.join(dir, '发出的评分表')

    // Hold the call, so that the page shows its progress; the window's progress events are
    // played by hand (the bridge emits none).
    let release
    const held = new Promise((r) => (release = r))
    await page.route((url) => url.pathname.endsWith('/WorkbookAPI/ExportRaters'), async (route) => {
      await held
      await route.continue()
    })
    queueDialog([exportDir])
    await page.locator('[data-test="export-run"]').click()
    const progress = page.locator('[data-test="export-progress"]')
    await progress.waitFor()
    const roundId = roundOfPage(page)
    assert.ok(roundId > 0, 'the round is in the address')
    await page.evaluate((id) => window.runtime.EventsEmit('workbook:export-progress', { roundId: id, done: 5, total: 13 }), roundId)
    await until(async () => /第 5 \/ 13 份/.test(await progress.innerText()), 'the progress of 5 of 13')
    await page.waitForTimeout(300) // the bar's width transition
    await screenshot('workbook-01-export-progress')
    release()
    await page.unroute((url) => url.pathname.endsWith('/WorkbookAPI/ExportRaters'))

    assert.equal(await message(page, 'success'), '已为轮次 2024Q4 导出 13 份评分表')
    const result = page.locator('[data-test="export-result"]')
    await result.waitFor()
    assert.match(await result.innerText(), /已为轮次 2024Q4 导出 13 份评分表/)
    assert.equal(await page.locator('[data-test="export-dir"]').innerText(), exportDir)
    const texts = await waitRows(page, 'export-raters', 13)
    assert.match(texts[0], new RegExp(fileOf(first)))
    const written = (await readdir(exportDir)).sort()
    assert.equal(written.length, 13)
    assert.ok(written.includes(fileOf(first)) && written.includes(fileOf(second)))
    await closeMessages(page)
    await screenshot('workbook-02-export-result')
  },

  async 'one score is typed in the window for 武玥'({ page }) {
    await openGrid(page, '2024Q4', first)
    // The selection starts on 1.1 of the first unit she may score.
    unit = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    await enter(page, '8')
    await settled(page)
    assert.equal(await cellText(page, '1.1', unit), '8')
  },

  async 'a folder of returned workbooks previews each file with its status, and the conflict'({ page, screenshot, dir, queueDialog }) {
    returnedDir = path.join(dir, '收回的评分表')
    await mkdir(returnedDir)
    for (const name of [first, second, blank]) await copyFile(path.join(exportDir, fileOf(name)), path.join(returnedDir, fileOf(name)))
    await run(python, ['-c', fill, path.join(returnedDir, fileOf(first)), path.join(returnedDir, fileOf(second))])
    await writeFile(path.join(returnedDir, '损坏的评分表.xlsx'), randomBytes(2048))

    await nav(page, 'workbooks')
    await page.locator('#tab-import').click()
    queueDialog([returnedDir])
    await page.locator('[data-test="pick-folder"]').click()
    await until(async () => (await fileRows(page).count()) === 4, 'four files in the preview')
    assert.equal(await statusOf(page, fileOf(first)), '有冲突')
    assert.equal(await statusOf(page, fileOf(second)), '可导入')
    assert.equal(await statusOf(page, fileOf(blank)), '无变化')
    assert.equal(await statusOf(page, '损坏的评分表.xlsx'), '已拒绝')
    const firstRow = await fileRow(page, fileOf(first)).innerText()
    assert.match(firstRow, new RegExp(`武玥\\s*2024Q4\\s+${cells - 1}\\s+0\\s+0\\s+0\\s+0\\s+待定 1/1`))
    const secondRow = await fileRow(page, fileOf(second)).innerText()
    assert.match(secondRow, new RegExp(`夏雪\\s*2024Q4\\s+${cells}\\s+0\\s+0\\s+0\\s+0`))
    assert.match(await fileRow(page, '损坏的评分表.xlsx').innerText(), /不是 Excel 工作簿（\.xlsx），无法读取/)

    const conflicts = page.locator('[data-test="file-conflicts"]')
    const c = await conflicts.locator('.el-table__body tbody tr').first().innerText()
    assert.match(c, new RegExp(`${unit}!G4[\\s\\S]*1\\.1[\\s\\S]*\\b8\\b[\\s\\S]*由 ${operator} 在窗口中录入[\\s\\S]*10`))
    // The refused file's details say that nothing is written.
    await fileRow(page, '损坏的评分表.xlsx').locator('.el-table__expand-icon').click()
    const problems = page.locator('[data-test="details-损坏的评分表.xlsx"]')
    await problems.waitFor()
    assert.match(await problems.innerText(), /这份评分表不能导入（1 个问题），不会写入任何数据[\s\S]*整个文件\s+损坏的评分表\.xlsx 不是 Excel 工作簿/)
    assert.match(await page.locator('[data-test="import-summary"]').innerText(), /可导入 1[\s\S]*有冲突 1[\s\S]*无变化 1[\s\S]*已拒绝 1/)
    await screenshot('workbook-03-import-preview')
  },

  async 'the conflict is decided for the workbook and the import applied'({ page, screenshot }) {
    await page.locator('[data-test="file-conflicts"] .el-radio-button', { hasText: '采用评分表的值' }).first().click()
    await until(async () => (await statusOf(page, fileOf(first))) === '可导入', '武玥 ready')
    assert.match(await fileRow(page, fileOf(first)).innerText(), new RegExp(`${cells - 1}\\s+1\\s+0\\s+0\\s+0\\s+已处理 1`))
    await page.locator('[data-test="import-run"]').click()
    const text = await confirm(page, '导入')
    assert.match(text, new RegExp(`将导入 2 份评分表，新增 ${2 * cells - 1} 项、修改 1 项、清空 0 项评分。1 份已拒绝，不会写入任何数据。1 份与系统中的评分一致`))
    assert.equal(await message(page, 'success'), '已导入 2 份评分表')
    const done = page.locator('[data-test="import-done"]')
    await done.waitFor()
    assert.match(await done.innerText(), new RegExp(`已导入 2 份评分表：新增 ${2 * cells - 1} 项、修改 1 项、清空 0 项评分`))
    assert.equal(await statusOf(page, fileOf(first)), '已导入')
    assert.equal(await statusOf(page, fileOf(second)), '已导入')
    assert.equal(await statusOf(page, '损坏的评分表.xlsx'), '未导入')
    await closeMessages(page)
    await screenshot('workbook-04-import-result')
  },

  async 'the import of 武玥’s workbook is undone and her typed score is back'({ page, screenshot }) {
    await page.locator('[data-test="to-batches"]').click()
    const texts = await waitRows(page, 'batches-table', 2)
    assert.ok(texts.every((t) => /已导入/.test(t) && t.includes(operator)), texts.join('\n'))
    const row = rows(page, 'batches-table').filter({ hasText: fileOf(first) })
    assert.match(await row.innerText(), new RegExp(`武玥\\s+${cells - 1}\\s+1\\s+0\\s+0`))
    await page.waitForTimeout(300) // the tab's underline slides over
    await screenshot('workbook-05-batches')
    await row.locator('[data-test="undo-batch"]').click()
    const text = await confirm(page, '撤销')
    assert.match(text, new RegExp(`撤销导入“2024Q4_武玥_评分表\\.xlsx”（评分人 武玥）？这次导入写入的 ${cells} 项评分将恢复为导入前的值：新增的 ${cells - 1} 项删除，修改或清空的 1 项恢复原值`))
    assert.equal(await message(page, 'success'), `已撤销：恢复 1 项，删除 ${cells - 1} 项`)
    await until(async () => /已撤销/.test(await row.innerText()), 'the batch marked 已撤销')
    assert.equal(await row.locator('[data-test="undo-batch"]').count(), 0)
    await closeMessages(page)
    await screenshot('workbook-06-undone')

    await openGrid(page, '2024Q4', first)
    assert.equal(await cellText(page, '1.1', unit), '8')
  },

  async 'the score’s history tells each value’s source: typed, the workbook’s cell, the undo'({ page, screenshot }) {
    await (await cell(page, '1.1', unit)).click({ button: 'right' })
    const drawer = page.locator('[data-test="score-history"]')
    await drawer.waitFor()
    const items = drawer.locator('[data-test="history-item"]')
    await until(async () => (await items.count()) === 3, 'three changes in the history')
    const texts = (await items.allInnerTexts()).map((t) => t.replace(/\s+/g, ' '))
    // Newest first: the undo gave back the typed value with its provenance.
    assert.match(texts[0], new RegExp(`10 8 窗口录入 · ${operator}`))
    assert.match(texts[1], new RegExp(`8 10 评分表 ${fileOf(first)} ${unit}!G4`))
    assert.match(texts[2], new RegExp(`空 8 窗口录入 · ${operator}`))
    assert.match(await drawer.innerText(), new RegExp(`${first} · ${firstUnit} · 1\\.1 `))
    await page.waitForTimeout(400) // the drawer slides in
    await screenshot('workbook-07-history')
    await page.keyboard.press('Escape')
    await drawer.locator('.el-drawer').waitFor({ state: 'hidden' })
  },

  async 'an undo that a later change blocks is refused with the reason'({ page, screenshot }) {
    await openGrid(page, '2024Q4', second)
    const own = await grid(page).locator('th.uh.hl').getAttribute('data-unit')
    assert.equal(await cellText(page, '1.1', own), '10')
    await enter(page, '9')
    await settled(page)
    await nav(page, 'workbooks')
    await page.locator('#tab-batches').click()
    const row = rows(page, 'batches-table').filter({ hasText: fileOf(second) })
    await row.locator('[data-test="undo-batch"]').click()
    await confirm(page, '撤销')
    const box = page.locator('.el-message-box', { hasText: '不能撤销：' })
    await box.waitFor()
    assert.match(await box.innerText(), new RegExp(`不能撤销：这次导入之后，有 1 项评分又被修改过（${own}!G4）。请先撤销后来的导入或修改`))
    await until(() => box.evaluate((el) => !el.getAnimations({ subtree: true }).length), 'the message box to settle')
    await screenshot('workbook-08-undo-refused')
    await box.locator('button', { hasText: '关闭' }).click()
    assert.match(await row.innerText(), /已导入/)
  },
}
