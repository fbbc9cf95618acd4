// The 整改台账 page on the demo database: every finding with the overdue ones in red and counts by
// status; a finding moved 待整改 → 整改中 → 已整改 with a date; the units' feedback workbooks
// exported to a folder; one filled in with openpyxl (as a unit would in an office suite) and one
// with a changed locked cell, previewed (the second refused at its cell) and imported; the
// measures shown in the list; the import undone.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { closeMessages, dialog, message, nav, rows, until, waitRows } from './lib.mjs'

export const demo = true

const python = process.env.LKP_PYTHON || '/usr/bin/python3'
const measures = '建立“三会一课”记录专人负责、书记审签制度，补齐缺失记录'
const progress = '已完成整改并通过支部复核'

/** today is the local date as Go sees it, 2024-06-15. */
function today() {
  const d = new Date()
  const p = (n) => String(n).padStart(2, '0')
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`
}

/** counts reads the status cards: {全部问题: 13, 待整改: 2, …, 逾期: 4}. */
async function counts(page) {
  const out = {}
  for (const card of await page.locator('[data-test="ledger-counts"] .count').all()) {
    const [label, value] = (await card.innerText()).split('\n').map((s) => s.trim())
    out[label] = Number(value)
  }
  return out
}

/** settled waits until no loading mask is left, so that a screenshot shows the page as it stays. */
async function settled(page) {
  await until(async () => (await page.locator('.el-loading-mask:visible').count()) === 0, 'the loading masks to go')
}

/** fillWorkbook edits cells of a workbook with openpyxl and saves it as out. */
async function fillWorkbook(src, out, cells) {
  const script = `
import sys, json, datetime, openpyxl
src, out, cells = sys.argv[1], sys.argv[2], json.loads(sys.argv[3])
wb = openpyxl.load_workbook(src)
ws = wb['整改情况']
for ref, v in cells.items():
    if isinstance(v, str) and v.startswith('date:'):
        v = datetime.datetime.strptime(v[5:], '%Y-%m-%d')
    ws[ref] = v
wb.save(out)
`
  await promisify(execFile)(python, ['-c', script, src, out, JSON.stringify(cells)])
}

let start // the counts the page opened with
let total // how many findings the demo has
let moved // the description of the finding moved through its statuses
let exportDir
let target // the unit whose workbook is filled in

export default {
  async 'the ledger lists every finding, overdue ones in red, with counts by status'({ page, screenshot }) {
    await nav(page, 'findings')
    // The demo's findings: as many rows as the 全部问题 card counts, each in one status.
    await until(async () => ((await counts(page))['全部问题'] ?? 0) > 0, 'the status cards')
    start = await counts(page)
    total = start['全部问题']
    const texts = await waitRows(page, 'ledger-table', total)
    assert.equal(start['待整改'] + start['整改中'] + start['已整改'] + start['已销号'], total)
    assert.ok(start['逾期'] > 0, 'no overdue finding in the demo')
    const overdueRows = rows(page, 'ledger-table').and(page.locator('.overdue-row'))
    assert.equal(await overdueRows.count(), start['逾期'])
    assert.match(await overdueRows.first().locator('[data-test="overdue-days"]').innerText(), /^逾期 \d+ 天$/)
    const colour = await overdueRows.first().locator('[data-test="overdue-days"]').evaluate((el) => getComputedStyle(el).color)
    assert.equal(colour, 'rgb(198, 40, 40)')
    assert.ok(texts.some((t) => t.includes('2024Q3')) && texts.some((t) => t.includes('2023Q3')), 'rounds of every year are listed')
    await settled(page)
    await screenshot('ledger-01-list')

    await page.locator('[data-test="count-overdue"]').click()
    await waitRows(page, 'ledger-table', start['逾期'])
    await page.locator('[data-test="count-overdue"]').click()
    await waitRows(page, 'ledger-table', total)
  },

  async 'a finding moves 待整改 → 整改中 → 已整改 with a date, and the counts follow'({ page, screenshot }) {
    const row = rows(page, 'ledger-table').filter({ has: page.locator('[data-test="finding-status"]', { hasText: '待整改' }) }).first()
    moved = (await row.locator('td').nth(2).locator('.text').innerText()).trim()
    const unit = (await row.locator('td').first().locator('.text').innerText()).trim()
    const mine = () => rows(page, 'ledger-table').filter({ hasText: unit }).filter({ hasText: moved })
    const statusOf = async () => (await mine().locator('[data-test="finding-status"]').innerText()).trim()
    const overdue = (await mine().locator('[data-test="overdue-days"]').count()) > 0

    await mine().locator('[data-test="move-start"]').click()
    assert.equal(await message(page, 'success'), '整改状态已更新为“整改中”')
    await until(async () => (await statusOf()) === '整改中', 'status 整改中')
    await until(async () => (await counts(page))['整改中'] === start['整改中'] + 1, 'the 整改中 count to grow')
    assert.equal((await counts(page))['待整改'], start['待整改'] - 1)

    await closeMessages(page)
    await mine().locator('[data-test="move-done"]').click()
    const d = dialog(page, 'status-dialog')
    await d.waitFor()
    assert.equal(await d.locator('[data-test="status-date"] input').inputValue(), today())
    await page.waitForTimeout(400) // the dialog fades in
    await screenshot('ledger-02-status-date')
    await d.locator('[data-test="status-save"]').click()
    assert.equal(await message(page, 'success'), '整改状态已更新为“已整改”')
    await until(async () => (await statusOf()) === '已整改', 'status 已整改')
    assert.equal(await mine().locator('[data-test="done-date"]').innerText(), `完成 ${today()}`)
    const c = await counts(page)
    assert.equal(c['整改中'], start['整改中'])
    assert.equal(c['已整改'], start['已整改'] + 1)
    assert.equal(c['逾期'], start['逾期'] - (overdue ? 1 : 0))
    await closeMessages(page)
    await settled(page)
    await screenshot('ledger-03-moved')
  },

  async 'each unit with open findings gets its feedback workbook in the folder chosen'({ page, dir, queueDialog, screenshot }) {
    await page.locator('[data-test="units-open"]').click()
    const d = dialog(page, 'units-dialog')
    await d.waitFor()
    await until(async () => (await rows(page, 'units-table').count()) > 0, 'the units to choose from')
    const open = await rows(page, 'units-table').filter({ has: page.locator('.el-checkbox.is-checked') }).count()
    assert.ok(open > 0, 'no unit chosen at first')
    await page.waitForTimeout(400) // the dialog fades in
    await screenshot('ledger-04-units')
    exportDir = path.join(dir, '反馈表')
    queueDialog([exportDir])
    await d.locator('[data-test="units-export"]').click()
    await message(page, 'success')
    const files = await waitRows(page, 'units-files', open)
    assert.ok(files.every((t) => /_整改情况反馈表\.xlsx/.test(t)))
    const onDisk = readdirSync(exportDir).filter((f) => f.endsWith('_整改情况反馈表.xlsx'))
    assert.equal(onDisk.length, open)
    target = onDisk.find((f) => f.startsWith('司法局')) ?? onDisk[0]
    await d.locator('[data-test="units-close"]').click()
    await d.waitFor({ state: 'hidden' })
  },

  async 'a filled-in return is previewed (a tampered one refused at its cell), imported, and shown'({ page, dir, queueDialog, screenshot }) {
    const src = path.join(exportDir, target)
    const filled = path.join(dir, target.replace('.xlsx', '_已填.xlsx'))
    const tampered = path.join(dir, target.replace('.xlsx', '_改动.xlsx'))
    await fillWorkbook(src, filled, { H4: measures, I4: progress, J4: `date:${today()}` })
    await fillWorkbook(src, tampered, { C4: '问题已不存在', H4: '措施' })
    assert.ok(existsSync(filled) && existsSync(tampered))

    await closeMessages(page)
    await page.locator('[data-test="returns-open"]').click()
    const d = dialog(page, 'returns-dialog')
    await d.waitFor()
    queueDialog([filled, tampered])
    await d.locator('[data-test="returns-pick"]').click()
    const good = d.locator(`[data-test="return-${path.basename(filled)}"]`)
    const bad = d.locator(`[data-test="return-${path.basename(tampered)}"]`)
    await good.waitFor()
    assert.equal((await good.locator('[data-test="return-status"]').innerText()).trim(), '可以导入')
    assert.equal(await good.locator('[data-test="return-tally"]').innerText(), '新增 1，修改 0，不变 0，状态变更 1')
    assert.match(await good.locator('[data-test="return-move"]').innerText(), /(整改中|待整改) → 已整改/)
    assert.match(await good.locator('[data-test="return-changes"]').innerText(), new RegExp(progress))
    assert.equal((await bad.locator('[data-test="return-status"]').innerText()).trim(), '未导入')
    const problem = await bad.locator('[data-test="return-problems"]').innerText()
    assert.match(problem, /整改情况!C4[\s\S]*“问题描述”单元格已锁定，不能修改/)
    assert.match(await d.locator('[data-test="returns-apply"]').innerText(), /导入 1 个文件/)
    await until(() => d.evaluate((el) => !el.getAnimations().length), 'the dialog to settle')
    await screenshot('ledger-05-returns-preview')

    await d.locator('[data-test="returns-apply"]').click()
    assert.equal(await message(page, 'success'), '已导入 1 个文件')
    await until(async () => (await good.locator('[data-test="return-status"]').innerText()).trim() === '已导入', 'the file shown imported')
    await d.locator('[data-test="returns-close"]').click()
    await d.waitFor({ state: 'hidden' })

    const row = rows(page, 'ledger-table').filter({ has: page.locator('[data-test="measures"]', { hasText: measures }) })
    await row.waitFor()
    assert.equal((await row.locator('[data-test="finding-status"]').innerText()).trim(), '已整改')
    assert.equal(await row.locator('[data-test="done-date"]').innerText(), `完成 ${today()}`)
    assert.match(await row.innerText(), new RegExp(progress))
    await settled(page)
    await screenshot('ledger-06-imported')
  },

  async 'the import is undone from the history'({ page, screenshot }) {
    await closeMessages(page)
    await page.locator('[data-test="batches-open"]').click()
    const drawer = page.locator('.el-drawer[data-test="batches-drawer"]')
    await drawer.waitFor()
    const texts = await waitRows(page, 'batches-table', 1)
    assert.match(texts[0], /_已填\.xlsx[\s\S]*新增 1，修改 0，状态变更 1[\s\S]*已导入/)
    await drawer.locator('[data-test="undo-batch"]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /恢复这些问题导入前的整改措施/)
    await box.locator('button', { hasText: '撤销' }).click()
    assert.equal(await message(page, 'success'), '已撤销，恢复了 1 个问题')
    await rows(page, 'batches-table').first().locator('[data-test="batch-undone"]').waitFor()
    await screenshot('ledger-07-undone')
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
    await until(async () => (await rows(page, 'ledger-table').filter({ hasText: measures }).count()) === 0, 'the measures to be gone')
    const c = await counts(page)
    assert.equal(c['已整改'], start['已整改'] + 1, 'the finding moved in the window stays 已整改')
  },
}
