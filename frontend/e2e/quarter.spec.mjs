// A quarter as the office runs it, from the demo: copy the last round into the next quarter,
// plan its raters in the 评价关系表 workbook (a broken file refused by cell, the corrected one
// previewed and applied), score a little of 2024Q4 and see its ranking marked 暂列, then try
// to close 2024Q4 with most scores missing and close it only after confirming.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { choose, dialog, message, nav, rowTexts, until, waitRows } from './lib.mjs'
import { enter, grid, openGrid, settled } from './grid.mjs'

export const demo = true

const python = process.env.LKP_PYTHON || '/usr/bin/python3'

/** rowOf is the index of the rounds table's row of a round. */
async function rowOf(page, code) {
  const i = (await rowTexts(page, 'rounds-table')).findIndex((t) => t.startsWith(code))
  assert.ok(i >= 0, `no row for ${code}`)
  return i
}

/** editCells changes cells of a workbook with openpyxl, as another spreadsheet program would. */
function editCells(file, out, edits) {
  const py = `import openpyxl,sys,json
wb=openpyxl.load_workbook(sys.argv[1])
for s,c,v in json.loads(sys.argv[3]): wb[s][c]=v
wb.save(sys.argv[2])`
  execFileSync(python, ['-c', py, file, out, JSON.stringify(edits)])
}

export default {
  async 'copy last quarter: 2024Q4 becomes a planned 2025Q1 with its title from the code'({ page, screenshot, cli, dbPath }) {
    await page.setViewportSize({ width: 1366, height: 768 }) // the office laptop's screen
    await nav(page, 'rounds')
    await waitRows(page, 'rounds-table', 6)
    await page.locator('[data-test="copy-round"]').first().click() // the newest round, 2024Q4
    const d = dialog(page, 'copy-dialog')
    await d.waitFor()
    assert.equal(await page.locator('[data-test="copy-code"]').inputValue(), '2025Q1')
    await until(async () => (await page.locator('[data-test="copy-title"]').inputValue()) === '2025年第一季度“常委看党建”观摩', 'the suggested title')
    await screenshot('quarter-01-copy')
    await page.locator('[data-test="copy-save"]').click()
    await page.locator('[data-test="round-drawer"]').waitFor()
    await until(async () => (await page.locator('[data-test="round-code"]').inputValue()) === '2025Q1', 'the new round in the drawer')
    await screenshot('quarter-02-copied-drawer')
    await page.keyboard.press('Escape')
    const rounds = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds
    const q1 = rounds.find((r) => r.code === '2025Q1')
    const q4 = rounds.find((r) => r.code === '2024Q4')
    assert.equal(q1.status, 'planned')
    assert.equal(q1.title, '2025年第一季度“常委看党建”观摩')
    assert.deepEqual(q1.groups.map((g) => [g.name, g.weight, g.raters]), q4.groups.map((g) => [g.name, g.weight, g.raters]))
    assert.equal(q1.units.length, 11)
    assert.ok(q1.units.every((u) => !q4.units.includes(u)), 'rotated: no unit of 2024Q4 again')
  },

  async 'import the assignment workbook: problems by cell first, then a preview and apply'({ page, screenshot, cli, dbPath, dir, queueDialog }) {
    const file = path.join(dir, '2025Q1评价关系表.xlsx')
    await cli('raters', 'export', '--db', dbPath, '--round', '2025Q1', '--out', file)
    const broken = path.join(dir, 'broken.xlsx')
    const fixed = path.join(dir, 'fixed.xlsx')
    // Row 4 is the first 区委常委: a typo in the name, and a 回避 unit that does not exist.
    editCells(file, broken, [['评价关系', 'C4', '查无此人'], ['评价关系', 'F5', '火星办']])
    // The corrected file moves the first 联系片互评 rater to 区直机关工委 and bars a 常委 from 区财政局.
    editCells(file, fixed, [['评价关系', 'B9', '区直机关工委'], ['评价关系', 'F4', '区财政局']])
    await waitRows(page, 'rounds-table', 7)
    await queueDialog([broken])
    const menu = page.locator('[data-test="assignment-menu"]').nth(await rowOf(page, '2025Q1'))
    await menu.click()
    await page.locator('[data-test="assignment-import"]:visible').click()
    const d = dialog(page, 'assignment-dialog')
    await d.waitFor()
    const problems = await until(async () => {
      const t = await rowTexts(page, 'assignment-problems')
      return t.length === 2 && t
    }, 'two problems')
    assert.match(problems.join('\n'), /评价关系!C4[\s\S]*没有“查无此人”/)
    assert.match(problems.join('\n'), /评价关系!F5[\s\S]*火星办/)
    assert.equal(await page.locator('[data-test="assignment-apply"]').count(), 0, 'a file with problems offers no import')
    await screenshot('quarter-03-assignment-problems')
    await page.keyboard.press('Escape')
    await d.waitFor({ state: 'hidden' })

    await queueDialog([fixed])
    await menu.click()
    await page.locator('[data-test="assignment-import"]:visible').click()
    await d.waitFor()
    await until(async () => /新增 0 人，变更 2 人，不变 11 人，移出 0 人/.test(await page.locator('[data-test="assignment-counts"]').innerText()), 'the counts')
    await screenshot('quarter-04-assignment-preview')
    await page.locator('[data-test="assignment-apply"]').click()
    await message(page, 'success', '评价关系已导入')
    const q1 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2025Q1')
    assert.deepEqual(q1.groups.map((g) => g.raters.length), [5, 4, 4])
  },

  async 'during scoring the ranking says 暂列 and marks a renormalised score'({ page, screenshot, cli, dbPath }) {
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q4')
    await openGrid(page, '2024Q4', q4.groups[0].raters[0])
    // One 区委常委 scores the first unit: nine required cells down its column.
    await grid(page).locator('th.uh.hl').waitFor()
    for (const v of ['8', '9', '好', '9', '8', '较好', '12', '8', '9']) await enter(page, v)
    await settled(page)
    await nav(page, 'results')
    await choose(page, page.locator('[data-test="results-round"]'), '2024Q4')
    await page.locator('[data-test="provisional-banner"]').waitFor()
    await page.locator('[data-test="provisional"]').first().waitFor()
    assert.match(await page.locator('[data-test="final"]').first().innerText(), /※$/)
    await screenshot('quarter-05-provisional')
    const res = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q4', '--json'))
    assert.equal(res.provisional, true)
    assert.ok(res.units.every((u) => u.provisional === true))
    assert.equal(res.units[0].renormalised, true)
  },

  async 'a verified deduction is entered with its reason in the unit drawer and counted once'({ page, screenshot, cli, dbPath }) {
    const before = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q4', '--json')).units[0]
    // The deduction is verified by the operator named in 设置.
    await nav(page, 'settings')
    await page.locator('input[data-test="operator"], [data-test="operator"] input').first().fill('区直机关工委 王建国')
    await page.locator('[data-test="save-operator"]').click()
    await message(page, 'success')
    await nav(page, 'results')
    await choose(page, page.locator('[data-test="results-round"]'), '2024Q4')
    await page.locator('[data-test="unit-link"]').first().click()
    await page.locator('[data-test="adjust-card"]').waitFor()
    await page.locator('[data-test="adjust-points"] input').fill('2')
    await page.locator('[data-test="adjust-reason"]').fill('违规违纪：一名党员受党内警告处分')
    await page.locator('[data-test="adjust-add"]').click()
    await message(page, 'success', '已计入最终得分')
    await until(async () => (await page.locator('[data-test="adjust-item"]').count()) === 1, 'the item listed')
    assert.match(await page.locator('[data-test="adjust-item"]').innerText(), /-2\.00[\s\S]*违规违纪[\s\S]*王建国/)
    await screenshot('quarter-06-adjust')
    // The same item again is refused: it counts once.
    await page.locator('[data-test="adjust-reason"]').fill('违规违纪：一名党员受党内警告处分')
    await page.locator('[data-test="adjust-add"]').click()
    await message(page, 'error', '只计一次')
    await page.keyboard.press('Escape')
    const after = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q4', '--json')).units.find((u) => u.unit === before.unit)
    assert.equal(after.adjust, -2)
    assert.equal(Math.round((before.final - 2) * 100), Math.round(after.final * 100))
  },

  async 'closing 2024Q4 lists what is missing and needs a confirmation'({ page, screenshot, cli, dbPath }) {
    await nav(page, 'rounds')
    await waitRows(page, 'rounds-table', 7)
    await page.locator('[data-test="rounds-table"] .el-table__body tbody tr').nth(await rowOf(page, '2024Q4')).locator('button', { hasText: '结束轮次' }).click()
    const d = dialog(page, 'close-dialog')
    await d.waitFor()
    const summary = await page.locator('[data-test="close-summary"]').innerText()
    assert.match(summary, /13 位评分人未交齐，11 个单位缺评（\d+ 份评分表、\d+ 项未评）/)
    assert.ok(await page.locator('[data-test="close-confirm"]').isDisabled(), 'closing without confirming')
    await waitRows(page, 'close-raters', 13)
    await screenshot('quarter-07-close-missing')
    await page.locator('[data-test="close-force"]').click()
    await page.locator('[data-test="close-confirm"]').click()
    await message(page, 'success', '轮次已结束')
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q4')
    assert.equal(q4.status, 'closed')
    const res = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q4', '--json'))
    assert.equal(res.provisional, false)
  },
}
