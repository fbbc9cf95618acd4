// The 一线支部 page on the demo district: the 30 temporary branches are listed, a new inspection
// group's branch is added through its dialog (and a second one with the same name refused),
// 办实事 are filtered by status, a brand's bonus is counted in the open round and shows in its
// results, and an exported ledger previews as unchanged on import.
import assert from 'node:assert/strict'
import path from 'node:path'
import { choose, closeMessages, dialog, message, nav, rows, until, waitRows } from './lib.mjs'

export const demo = true

const newBranch = '第六轮巡察第一组临时党支部'

/** fillDate types a date into the el-date-picker with data-test=name inside d. */
async function fillDate(page, d, name, date) {
  // Element Plus puts the attribute on the input or on its wrapper, depending on the version.
  const input = d.locator(`input[data-test="${name}"], [data-test="${name}"] input`).first()
  await input.click()
  await input.fill(date)
  await input.press('Enter')
  // Close the calendar without Escape, which would close the dialog too.
  await d.locator('.el-dialog__title').click()
}

export default {
  async 'the 30 temporary branches are listed with the ledger counts'({ page, screenshot }) {
    await nav(page, 'frontline')
    const texts = await waitRows(page, 'branches-table', 30)
    assert.match(texts[0], /区县域经济高质量发展指挥部临时党支部[\s\S]*下设 4 个工作专班[\s\S]*指挥部/)
    assert.ok(texts.some((t) => /第一轮巡察第一组临时党支部[\s\S]*巡察组[\s\S]*区纪委监委/.test(t)), 'no 巡察组 branch of the first round')
    const stats = await page.locator('[data-test="frontline-stats"]').innerText()
    assert.match(stats, /临时党支部\s*30/)
    assert.match(stats, /办实事\s*367/)
    await screenshot('frontline-01-branches')
  },

  async 'a branch is added through its dialog'({ page, screenshot }) {
    await page.locator('[data-test="add-branch"]').click()
    const d = dialog(page, 'branch-dialog')
    await d.waitFor()
    await d.locator('[data-test="branch-name"]').fill(newBranch)
    await choose(page, d.locator('[data-test="branch-host-unit"]'), '区纪委监委')
    await d.locator('[data-test="branch-secretary"]').fill('赵明')
    await d.locator('textarea').first().fill('赵明、钱亮、孙丽、李敏、周杰')
    await fillDate(page, d, 'branch-founded', '2024-11-04')
    await screenshot('frontline-02-branch-dialog')
    await d.locator('[data-test="save"]').click()
    await d.waitFor({ state: 'hidden' })
    await message(page, 'success')
    const texts = await waitRows(page, 'branches-table', 31)
    const added = texts.find((t) => t.includes(newBranch))
    assert.ok(added, 'the new branch is not listed')
    assert.match(added, /巡察组[\s\S]*区纪委监委[\s\S]*赵明[\s\S]*5[\s\S]*2024-11-04[\s\S]*运行中/)
    assert.match(await page.locator('[data-test="frontline-stats"]').innerText(), /临时党支部\s*31/)
  },

  async 'a second branch of the same name is refused in Chinese'({ page, screenshot }) {
    await closeMessages(page)
    await page.locator('[data-test="add-branch"]').click()
    const d = dialog(page, 'branch-dialog')
    await d.waitFor()
    await d.locator('[data-test="branch-name"]').fill(newBranch)
    await choose(page, d.locator('[data-test="branch-host-unit"]'), '区纪委监委')
    await d.locator('[data-test="branch-secretary"]').fill('钱亮')
    await fillDate(page, d, 'branch-founded', '2024-11-05')
    await d.locator('[data-test="save"]').click()
    assert.equal(await message(page, 'error'), `已有名为「${newBranch}」的临时党支部`)
    await screenshot('frontline-03-duplicate-refused')
    await d.locator('button', { hasText: '取消' }).click()
    await d.waitFor({ state: 'hidden' })
    await until(async () => (await rows(page, 'branches-table').count()) === 31, '31 branch rows')
  },

  async '办实事 are filtered by status'({ page, screenshot }) {
    await page.locator('#tab-matters').click()
    await waitRows(page, 'matters-table', 367)
    const stats = await page.locator('[data-test="frontline-stats"]').innerText()
    const open = Number(/办理中 (\d+) 件/.exec(stats)?.[1])
    assert.ok(open > 0 && open < 367, `办理中 count ${open}`)
    await page.locator('[data-test="matter-status-filter"] label', { hasText: '办理中' }).click()
    const texts = await waitRows(page, 'matters-table', open)
    assert.ok(texts.every((t) => t.includes('办理中')), 'a row that is not 办理中 is shown')
    assert.match(await page.locator('[data-test="matter-count"]').innerText(), new RegExp(`${open} / 367`))
    await closeMessages(page)
    await page.waitForTimeout(400) // the radio button's colour transition
    await screenshot('frontline-04-matters-open')
    await page.locator('[data-test="matter-status-filter"] label', { hasText: '已办结' }).click()
    await waitRows(page, 'matters-table', 367 - open)
    await page.locator('input[data-test="matter-search"], [data-test="matter-search"] input').first().fill('路灯')
    await until(async () => {
      const t = await rows(page, 'matters-table').allInnerTexts()
      return t.length > 0 && t.length < 367 - open && t.every((x) => x.includes('路灯') && x.includes('已办结'))
    }, 'only finished street-light matters')
    await page.locator('input[data-test="matter-search"], [data-test="matter-search"] input').first().fill('')
    await page.locator('[data-test="matter-status-filter"] label', { hasText: '全部' }).click()
    await waitRows(page, 'matters-table', 367)
  },

  async 'a brand’s bonus is counted in the open round'({ page, screenshot, cli, dbPath }) {
    // The bonus is verified by the operator named in Settings.
    await closeMessages(page)
    await nav(page, 'settings')
    await page.locator('input[data-test="operator"], [data-test="operator"] input').first().fill('区直机关工委 王建国')
    await page.locator('[data-test="save-operator"]').click()
    await message(page, 'success')
    await closeMessages(page)
    await nav(page, 'frontline')
    await page.locator('#tab-brands').click()
    const honour = '济宁市机关党建创新优秀案例'
    const row = rows(page, 'brands-table').filter({ hasText: honour })
    await row.waitFor()
    await page.waitForTimeout(400) // the tab's underline slides across
    await screenshot('frontline-05-brands')
    await row.locator('[data-test="apply-brand"]').click()
    const d = dialog(page, 'apply-dialog')
    await d.waitFor()
    const q4 = d.locator('[data-test="apply-rounds"] tbody tr', { hasText: '2024Q4' })
    await q4.waitFor()
    assert.match(await d.locator('[data-test="apply-rounds"] tbody tr', { hasText: '2024Q3' }).innerText(), /已结束，不能再计入加分/)
    await q4.locator('[data-test="apply-round"]').click()
    assert.equal(await message(page, 'success'), '已计入轮次 2024Q4，加 1 分')
    await until(async () => /已计入/.test(await q4.innerText()), '2024Q4 marked as counted')
    await until(async () => /区直机关工委 王建国/.test(await d.innerText()), 'the operator as the verifier')
    await screenshot('frontline-06-applied')
    await d.locator('.el-dialog__footer button', { hasText: '关闭' }).click()
    await d.waitFor({ state: 'hidden' })
    await until(async () => /2024Q4 \+1/.test(await row.innerText()), 'the application on the brand row')
    const results = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q4', '--json'))
    const unit = results.units.find((u) => u.unit === '区教育和体育局')
    assert.equal(unit.adjust, 1)
  },

  async 'an exported ledger previews as unchanged'({ page, screenshot, cli, dbPath, dir, queueDialog }) {
    const file = path.join(dir, '一线支部工作台账.xlsx')
    await cli('frontline', 'export', '--db', dbPath, '--out', file)
    await page.locator('[data-test="ledger-import-open"]').click()
    const d = dialog(page, 'ledger-dialog')
    await d.waitFor()
    queueDialog([file])
    await d.locator('[data-test="ledger-pick"]').click()
    await d.locator('[data-test="ledger-counts"]').waitFor()
    const counts = await d.locator('[data-test="ledger-counts"]').innerText()
    assert.match(counts, /临时党支部\s+0\s+0\s+31/)
    assert.match(counts, /办实事\s+0\s+0\s+367/)
    await screenshot('frontline-07-import-preview')
    await d.locator('[data-test="ledger-import"]').click()
    assert.equal(await message(page, 'info'), '文件与系统中的记录完全一致，无需导入')
    await d.locator('.el-dialog__footer button', { hasText: '取消' }).click()
    await d.waitFor({ state: 'hidden' })
  },
}
