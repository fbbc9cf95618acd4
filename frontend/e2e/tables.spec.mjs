// Every list sorts and filters by its headers, and 导出 writes exactly what is shown (columns,
// order, sorted and filtered rows) to .xlsx; a form closed by mistake asks before dropping edits.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { dialog, message, nav, rowTexts, until } from './lib.mjs'

export const demo = true

const run = promisify(execFile)
const python = process.env.LKP_PYTHON || '/usr/bin/python3'
const readXlsx = `
import sys, json, openpyxl
ws = openpyxl.load_workbook(sys.argv[1]).active
def text(c):
    if c.value is None:
        return ""
    if c.number_format == "0.00":
        return format(c.value, ".2f")
    return str(c.value)
rows = [[text(c) for c in r] for r in ws.iter_rows(min_row=3)]
print(json.dumps(rows, ensure_ascii=False))
`

const table = (page, name) => page.locator(`[data-test="${name}"]`)
const header = (page, name, label) => table(page, name).locator('.el-table__header-wrapper th', { hasText: label })

/** shown reads the table's headings and cells as the page shows them, without the actions column. */
async function shown(page, name) {
  return table(page, name).evaluate((el) => {
    const txt = (c) => c.innerText.replace(/\s*\n\s*/g, ' ').trim()
    const keep = (c) => !c.classList.contains('no-export')
    const heads = [...el.querySelectorAll('.el-table__header-wrapper th')].filter(keep).map((th) => txt(th.querySelector('.cell')))
    const rows = [...el.querySelectorAll('.el-table__body-wrapper tbody tr.el-table__row')].map((tr) => [...tr.children].filter(keep).map((td) => txt(td.querySelector('.cell'))))
    return [heads, ...rows]
  })
}

async function hasTools(page, lists) {
  for (const [key, tab, name] of lists) {
    await nav(page, key)
    if (tab) await page.locator(tab).click()
    await table(page, name).waitFor()
    assert.ok(await page.locator(`[data-test="export-${name}"]`).isVisible(), `${name} has 导出`)
    assert.ok((await table(page, name).locator('th .caret-wrapper').count()) >= 2, `${name} sorts by its headers`)
  }
}

export default {
  async 'a header filter keeps the units of one organisation type'({ page, screenshot }) {
    await page.setViewportSize({ width: 1366, height: 768 })
    await nav(page, 'org')
    await page.locator('#tab-units').click()
    await until(async () => (await rowTexts(page, 'units-table')).length === 67, '67 units')
    await header(page, 'units-table', '党组织类型').locator('.el-table__column-filter-trigger').click()
    const pop = page.locator('.el-table-filter:visible')
    await pop.locator('.el-checkbox', { hasText: '党委' }).click()
    await pop.locator('.el-table-filter__bottom button').first().click()
    await until(async () => {
      const rows = await shown(page, 'units-table')
      return rows.length > 1 && rows.length < 68 && rows.slice(1).every((r) => r[3] === '党委')
    }, 'only 党委 units')
    await screenshot('tables-01-filtered')
  },

  async 'a header sort orders the filtered units by member count'({ page, screenshot }) {
    await header(page, 'units-table', '党员人数').locator('.cell').click()
    await until(async () => {
      const n = (await shown(page, 'units-table')).slice(1).map((r) => Number(r[5]))
      return n.length > 1 && n.every((v, i) => i === 0 || n[i - 1] <= v)
    }, 'ascending member counts')
    await header(page, 'units-table', '党员人数').locator('.cell').click()
    await until(async () => {
      const n = (await shown(page, 'units-table')).slice(1).map((r) => Number(r[5]))
      return n.length > 1 && n[0] > n[n.length - 1] && n.every((v, i) => i === 0 || n[i - 1] >= v)
    }, 'descending member counts')
    await screenshot('tables-02-sorted')
  },

  async '导出 writes exactly the rows, columns and order shown'({ page, dir, queueDialog }) {
    const want = await shown(page, 'units-table')
    const out = path.join(dir, '单位.xlsx')
    await queueDialog([out])
    await page.locator('[data-test="export-units-table"]').click()
    assert.match(await message(page, 'success', '已导出'), new RegExp(`已导出 ${want.length - 1} 行`))
    const { stdout } = await run(python, ['-c', readXlsx, out])
    const got = JSON.parse(stdout)
    assert.deepEqual(got, want)
    assert.ok(!want[0].includes('操作'))
  },

  async 'the lists of 组织架构, 考核方案, 观摩轮次 and 工作簿 have 导出 and sortable headers'({ page }) {
    await hasTools(page, [['org', '#tab-areas', 'areas-table'], ['org', '#tab-people', 'people-table'], ['schemes', null, 'schemes-table'],
      ['rounds', null, 'rounds-table'], ['workbooks', '#tab-batches', 'batches-table']])
  },

  async 'the lists of 汇总排名, 整改台账 and 一线支部 have 导出 and sortable headers'({ page }) {
    await hasTools(page, [['results', null, 'ranking-table'], ['findings', null, 'ledger-table'], ['frontline', null, 'branches-table'],
      ['frontline', '#tab-matters', 'matters-table'], ['frontline', '#tab-brands', 'brands-table']])
  },

  async 'the ranking exports sorted by the final score as shown'({ page, dir, queueDialog, screenshot }) {
    await nav(page, 'results')
    await until(async () => (await rowTexts(page, 'ranking-table')).length > 5, 'the ranking')
    await header(page, 'ranking-table', '最终得分').locator('.cell').click()
    const want = await shown(page, 'ranking-table')
    const out = path.join(dir, '排名.xlsx')
    await queueDialog([out])
    await page.locator('[data-test="export-ranking-table"]').click()
    await message(page, 'success', '已导出')
    const got = JSON.parse((await run(python, ['-c', readXlsx, out])).stdout)
    assert.deepEqual(got, want)
    await screenshot('tables-03-ranking-sorted')
  },

  async 'a form closed by mistake asks before dropping what was typed'({ page, screenshot }) {
    await nav(page, 'org')
    await page.locator('#tab-units').click()
    await page.locator('[data-test="add-unit"]').click()
    const d = dialog(page, 'unit-dialog')
    await d.waitFor()
    const name = d.locator('input').first()
    await name.fill('区数据局')
    await page.keyboard.press('Escape')
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /放弃未保存的修改/)
    await screenshot('tables-04-dirty-dialog')
    await box.locator('button', { hasText: '继续编辑' }).click()
    await box.waitFor({ state: 'hidden' })
    assert.ok(await d.isVisible())
    assert.equal(await name.inputValue(), '区数据局')
    await d.locator('.el-dialog__headerbtn').click()
    await box.waitFor()
    await box.locator('button', { hasText: '放弃修改' }).click()
    await d.waitFor({ state: 'hidden' })
  },
}
