// The results page on the demo database: the ranking of 2024Q3 as the CLI computes it, a filter
// by area, a unit's radar and trend, the indicator and rater tabs, and findings recorded, moved
// through their statuses and deleted.
import assert from 'node:assert/strict'
import { choose, closeMessages, dialog, message, nav, rows, until, waitRows } from './lib.mjs'

export const demo = true

const description = '党员活动室“三会一课”记录存在补记现象，个别支部未按季度上党课'
let expected // results --json of 2024Q3
let before = 0 // findings of 2024Q3 in the demo

/** field is the input or textarea marked data-test=name, or the one inside what is so marked. */
const field = (page, name) =>
  page.locator([`input[data-test="${name}"]`, `textarea[data-test="${name}"]`, `[data-test="${name}"] input`, `[data-test="${name}"] textarea`].join(', ')).first()

/** fill types text into a field. */
async function fill(page, name, text) {
  await field(page, name).fill(text)
}

/** settled waits until no loading mask is left, so that a screenshot shows the page as it stays. */
async function settled(page) {
  await until(async () => (await page.locator('.el-loading-mask:visible').count()) === 0, 'the loading masks to go')
}

/** findingRow is the row of the finding recorded by this spec. */
const findingRow = (page) => rows(page, 'findings-table').filter({ hasText: description })

async function statusOf(page) {
  return (await findingRow(page).locator('[data-test="finding-status"]').innerText()).trim()
}

export default {
  async '汇总排名 opens on 2024Q3 with 11 ranked units, as the CLI ranks them'({ page, cli, dbPath, screenshot }) {
    expected = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q3', '--json'))
    assert.equal(expected.units.length, 11)
    await nav(page, 'results')
    const texts = await waitRows(page, 'ranking-table', 11)
    assert.match(await page.locator('[data-test="results-round"]').innerText(), /^2024Q3/)
    for (const [i, u] of expected.units.entries()) {
      const cells = texts[i].split('\t').map((s) => s.replace(/\s+/g, '').trim())
      assert.equal(cells[0], String(u.rank), `rank of row ${i + 1}`)
      assert.equal(cells[1], u.unit)
      assert.equal(cells[2], u.area)
      assert.ok(texts[i].includes(u.final.toFixed(2)), `${u.unit}: final ${u.final.toFixed(2)} in «${texts[i]}»`)
      assert.ok(texts[i].includes(u.grade), `${u.unit}: grade ${u.grade}`)
      for (const [group, score] of Object.entries(u.groups)) {
        assert.ok(texts[i].includes(score.toFixed(2)), `${u.unit}: ${group} ${score.toFixed(2)}`)
      }
    }
    // Every group column says how many complete totals it counted; an incomplete unit says 缺评.
    const incomplete = expected.units.filter((u) => !u.complete)
    const missing = await rows(page, 'ranking-table').filter({ hasText: '缺评' }).count()
    assert.equal(missing, incomplete.length)
    await page.locator('[data-test="ranking-chart"] canvas').first().waitFor()
    await settled(page)
    await page.waitForTimeout(600) // the chart's entry animation
    await screenshot('results-01-ranking')
    await page.locator('[data-test="ranking-chart"]').scrollIntoViewIfNeeded()
    await screenshot('results-01-ranking-chart')
    await page.locator('[data-test="results-tabs"]').scrollIntoViewIfNeeded()
  },

  async 'the ranking filters by 联系片 and keeps round-wide ranks'({ page, screenshot }) {
    const second = expected.units[1]
    const inArea = expected.units.filter((u) => u.area === second.area)
    await choose(page, page.locator('[data-test="results-area"]'), second.area)
    const texts = await waitRows(page, 'ranking-table', inArea.length)
    for (const [i, u] of inArea.entries()) {
      const cells = texts[i].split('\t').map((s) => s.replace(/\s+/g, '').trim())
      assert.deepEqual(cells.slice(0, 3), [String(u.rank), u.unit, u.area], `row ${i + 1}`)
    }
    await screenshot('results-02-area')
    await choose(page, page.locator('[data-test="results-area"]'), '全部联系片')
    await waitRows(page, 'ranking-table', 11)
  },

  async 'a unit opens with its dimension radar and its trend across rounds'({ page, screenshot }) {
    const top = expected.units[0]
    await rows(page, 'ranking-table').filter({ hasText: top.unit }).locator('[data-test="unit-link"]').click()
    await until(async () => (await page.locator('[data-test="drawer-unit"]').innerText()) === top.unit, 'the drawer of the first unit')
    await page.locator('[data-test="unit-radar"] canvas').first().waitFor()
    await page.locator('[data-test="unit-trend"] canvas').first().waitFor()
    const drawer = page.locator('.el-drawer')
    const text = await drawer.innerText()
    assert.ok(text.includes(top.final.toFixed(2)), 'the final score is shown')
    assert.match(text, /第 1 名 \/ 共 11 个/)
    assert.match(text, /负面清单：平均扣 \d+\.\d\d 分/)
    await page.waitForTimeout(600) // let the charts' entry animation finish for the picture
    await screenshot('results-03-unit')
    await page.locator('[data-test="unit-trend"]').scrollIntoViewIfNeeded()
    await page.waitForTimeout(300)
    await screenshot('results-03-unit-trend')
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
  },

  async '指标分析 lists every scorable indicator with the points lost'({ page, screenshot }) {
    await page.locator('#tab-indicators').click()
    // The demo scheme scores 13 indicators: 3 + 3 + 3 scored or graded, 2 bonus, 2 deduction.
    const texts = await waitRows(page, 'indicators-table', 13)
    assert.ok(texts.some((t) => t.includes('看党员干部精气神')))
    assert.ok(texts.filter((t) => t.includes('加分项不计失分')).length === 2, 'the two bonus indicators lose nothing')
    await page.locator('[data-test="lost-chart"] canvas').first().waitFor()
    await page.waitForTimeout(600)
    await screenshot('results-04-indicators')
  },

  async '评分人一致性 shows each rater and says it is never applied'({ page, cli, dbPath, screenshot }) {
    const rounds = JSON.parse(await cli('rounds', '--db', dbPath, '--json'))
    const q3 = rounds.rounds.find((r) => r.code === '2024Q3')
    const raters = q3.groups.reduce((n, g) => n + g.raters.length, 0)
    await page.locator('#tab-raters').click()
    await waitRows(page, 'raters-table', raters)
    assert.match(await page.locator('[data-test="raters-note"]').innerText(), /不会剔除或调整任何评分/)
    await screenshot('results-05-raters')
  },

  async '问题记录 lists the demo findings of 2024Q3'({ page }) {
    await page.locator('#tab-findings').click()
    await page.locator('[data-test="findings-table"] .el-table__body').waitFor()
    before = await until(async () => rows(page, 'findings-table').count(), 'the demo findings of 2024Q3')
    const texts = await rows(page, 'findings-table').allInnerTexts()
    assert.ok(texts.every((t) => /待整改|整改中|已整改|已销号/.test(t)))
  },

  async 'a finding with a deadline before the observation is refused by Go with a Chinese message'({ page, screenshot }) {
    await page.locator('[data-test="add-finding"]').click()
    const dlg = dialog(page, 'finding-dialog')
    await dlg.waitFor()
    await dlg.locator('[data-test="finding-save"]').click()
    await until(async () => (await dlg.locator('.el-form-item__error').count()) === 2, 'unit and description marked as required')
    await choose(page, dlg.locator('[data-test="finding-unit"]'), expected.units[1].unit)
    await choose(page, dlg.locator('[data-test="finding-method"]'), '个别谈话')
    await field(page, 'finding-dimension').click()
    await page.locator('.el-autocomplete-suggestion li:visible', { hasText: '模范机关建设' }).click()
    await fill(page, 'finding-description', description)
    await fill(page, 'finding-requirement', '补齐记录，每季度至少开展一次党课，建立会议记录检查台账')
    await fill(page, 'finding-responsible', '王建国')
    await fill(page, 'finding-deadline', '2024-09-01')
    await page.keyboard.press('Enter')
    await screenshot('results-06a-finding-form')
    await closeMessages(page)
    await dlg.locator('[data-test="finding-save"]').click()
    assert.equal(await message(page, 'error'), '整改期限 2024-09-01 早于观摩日期 2024-09-18')
  },

  async 'a corrected finding is saved and listed as 待整改, overdue'({ page, screenshot }) {
    const dlg = dialog(page, 'finding-dialog')
    await fill(page, 'finding-deadline', '2024-12-31')
    await page.keyboard.press('Enter')
    await closeMessages(page)
    await dlg.locator('[data-test="finding-save"]').click()
    assert.equal(await message(page, 'success'), '已保存')
    await dlg.waitFor({ state: 'hidden' })
    await waitRows(page, 'findings-table', before + 1)
    const text = await findingRow(page).innerText()
    assert.ok(text.includes(expected.units[1].unit) && text.includes('模范机关建设') && text.includes('个别谈话') && text.includes('王建国'), text)
    assert.equal(await statusOf(page), '待整改')
    assert.match(text, /2024-12-31[\s\S]*逾期 \d+ 天/)
    await screenshot('results-06-finding-added')
  },

  async 'its status moves forward with a date, and one step back only after a confirmation'({ page, screenshot }) {
    await closeMessages(page)
    await findingRow(page).locator('[data-test="move-start"]').click()
    assert.equal(await message(page, 'success'), '整改状态已更新为“整改中”')
    await until(async () => (await statusOf(page)) === '整改中', 'status 整改中')
    await closeMessages(page)
    await findingRow(page).locator('[data-test="move-done"]').click()
    const dlg = dialog(page, 'status-dialog')
    await dlg.waitFor()
    await fill(page, 'status-date', '2024-10-08')
    await page.keyboard.press('Enter')
    await until(() => dlg.evaluate((el) => !el.getAnimations().length), 'the dialog to settle')
    await screenshot('results-07a-status-date')
    await dlg.locator('[data-test="status-save"]').click()
    assert.equal(await message(page, 'success'), '整改状态已更新为“已整改”')
    await until(async () => (await statusOf(page)) === '已整改', 'status 已整改')
    assert.equal(await findingRow(page).locator('[data-test="finding-done-date"]').innerText(), '完成 2024-10-08')
    assert.doesNotMatch(await findingRow(page).innerText(), /逾期/)
    await screenshot('results-07-finding-done')

    await closeMessages(page)
    await findingRow(page).locator('[data-test="finding-more"]').click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '退回“整改中”' }).click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /从“已整改”退回“整改中”，会撤销已记录的整改完成日期/)
    await box.locator('button', { hasText: '退回' }).click()
    assert.equal(await message(page, 'success'), '整改状态已更新为“整改中”')
    await until(async () => (await statusOf(page)) === '整改中', 'status back to 整改中')
  },

  async 'the unit drawer lists the finding'({ page }) {
    await page.locator('#tab-ranking').click()
    await rows(page, 'ranking-table').filter({ hasText: expected.units[1].unit }).locator('[data-test="unit-link"]').click()
    const f = page.locator('[data-test="drawer-finding"]', { hasText: description })
    await f.waitFor()
    assert.match(await f.innerText(), /整改中/)
    const drawer = page.locator('.el-drawer')
    await drawer.locator('.el-drawer__close-btn').click()
    await drawer.waitFor({ state: 'hidden' })
  },

  async 'deleting the finding asks first, then removes it'({ page, screenshot }) {
    await page.locator('#tab-findings').click()
    await closeMessages(page)
    await findingRow(page).locator('[data-test="finding-more"]').click()
    await page.locator('.el-dropdown-menu__item:visible', { hasText: '删除' }).click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /确定要删除「党员活动室“三会一课”记录存在补记现象，个别支部…」吗/)
    await until(() => box.evaluate((el) => !el.getAnimations().length), 'the confirmation to settle')
    await screenshot('results-08-confirm-delete')
    await box.locator('button', { hasText: '删除' }).click()
    assert.equal(await message(page, 'success'), '已删除')
    await waitRows(page, 'findings-table', before)
    assert.equal(await page.locator('.el-message--error').count(), 0, 'an error was shown while deleting')
  },
}
