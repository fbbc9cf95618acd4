// Starting from an empty database: build a small scheme in the window (one dimension, two
// indicators, one of them graded), see its total, publish it and see it frozen; then import the
// office's sample 评分细则 workbook as a draft and compare versions.
import assert from 'node:assert/strict'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { closeMessages, dialog, message, nav, until, waitRows } from './lib.mjs'

export const demo = false

const here = path.dirname(fileURLToPath(import.meta.url))
const sample = path.resolve(here, '../../internal/workbook/testdata/评分细则.xlsx')
const name = '2025年度机关党建观摩评分细则'

/** node is the tree row of the indicator with that code. */
const node = (page, code) => page.locator(`[data-test="indicator-tree"] [data-code="${code}"]`)

/** typeName replaces the selected indicator's name, as the form opens with it selected. */
async function typeName(page, text) {
  const input = page.locator('input[data-test="indicator-name"]')
  await until(() => input.evaluate((el) => el === document.activeElement), 'the name field to take the cursor')
  await page.keyboard.type(text)
}

async function save(page) {
  await closeMessages(page)
  await page.locator('[data-test="indicator-save"]').click()
  await message(page, 'success', '已保存')
}

export default {
  async 'a new scheme is created from the list'({ page, screenshot }) {
    const firstRun = dialog(page, 'first-run')
    await firstRun.waitFor()
    await page.locator('[data-test="start-empty"]').click()
    await firstRun.waitFor({ state: 'hidden' })
    await nav(page, 'schemes')
    await waitRows(page, 'schemes-table', 0)
    await page.locator('[data-test="scheme-create"]').click()
    const d = dialog(page, 'scheme-info-dialog')
    await d.waitFor()
    await d.locator('input[data-test="scheme-name"]').fill(name)
    await d.locator('[data-test="scheme-info-save"]').click()
    await page.locator('[data-test="scheme-editor"]').waitFor()
    assert.match(await page.locator('[data-test="scheme-status"]').innerText(), /草稿/)
    await screenshot('scheme-01-new')
  },

  async 'one dimension and two indicators, one graded, make 100 points'({ page, screenshot }) {
    await page.locator('[data-test="add-dimension"]').click()
    await node(page, '1').waitFor()
    await typeName(page, '支部建设')
    await save(page)

    await page.locator('[data-test="add-child"]').click()
    await node(page, '1.1').waitFor()
    await typeName(page, '三会一课落实')
    await page.locator('[data-test="indicator-max"] input').fill('60')
    await save(page)

    await node(page, '1').click()
    await page.locator('[data-test="add-child"]').click()
    await node(page, '1.2').waitFor()
    await typeName(page, '书记述职评议')
    await page.locator('[data-test="indicator-max"] input').fill('40')
    await page.locator('[data-test="indicator-kind"] label', { hasText: '等次' }).click()
    await until(async () => (await page.locator('[data-test="indicator-options"] input').count()) >= 8, 'the four grades')
    await save(page)

    await until(async () => /满分 100 分/.test(await page.locator('[data-test="scheme-total"]').innerText()), 'the total of 100')
    assert.match(await node(page, '1').innerText(), /支部建设[\s\S]*100分/)
    assert.match(await node(page, '1.2').innerText(), /书记述职评议[\s\S]*等次[\s\S]*40分/)
    assert.match(await page.locator('[data-test="scheme-issues"]').innerText(), /检查通过/)
    await screenshot('scheme-02-built')
  },

  async 'keyboard: arrows select, Alt+↓ moves down, codes renumber'({ page }) {
    await node(page, '1.1').click()
    await page.keyboard.press('Alt+ArrowDown')
    await until(async () => /三会一课落实/.test(await node(page, '1.2').innerText()), '三会一课落实 to become 1.2')
    await page.keyboard.press('Alt+ArrowUp')
    await until(async () => /三会一课落实/.test(await node(page, '1.1').innerText()), '三会一课落实 back at 1.1')
    await page.keyboard.press('ArrowDown')
    await until(async () => (await page.locator('[data-test="indicator-form"]').innerText()).includes('1.2'), 'the form to show 1.2')
  },

  async 'publishing freezes it: status 已发布'({ page, screenshot, cli, dbPath }) {
    await page.locator('[data-test="scheme-publish"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await message(page, 'success', '已发布')
    await until(async () => /已发布/.test(await page.locator('[data-test="scheme-status"]').innerText()), 'status 已发布')
    assert.equal(await page.locator('[data-test="add-dimension"]').count(), 0, 'a published scheme still offers editing')
    await screenshot('scheme-03-published')

    const out = JSON.parse(await cli('schemes', '--db', dbPath, '--json'))
    assert.equal(out.schemes.length, 1)
    const s = out.schemes[0]
    assert.equal(s.status, 'published')
    assert.equal(s.total, 100)
    assert.deepEqual(s.indicators.map((i) => [i.code, i.name, i.parent, i.kind, i.max]), [
      ['1', '支部建设', '', '', 0],
      ['1.1', '三会一课落实', '1', 'score', 60],
      ['1.2', '书记述职评议', '1', 'grade', 40],
    ])
    assert.deepEqual(s.indicators[2].options, [
      { label: '好', points: 40 }, { label: '较好', points: 32 }, { label: '一般', points: 24 }, { label: '差', points: 12 },
    ])

    await page.locator('[data-test="scheme-back"]').click()
    const rowsText = await waitRows(page, 'schemes-table', 1)
    assert.match(rowsText[0], /2025年度机关党建观摩评分细则[\s\S]*第1版[\s\S]*已发布[\s\S]*100/)
  },

  async 'the sample workbook is previewed and imported as a draft'({ page, screenshot, queueDialog }) {
    await page.locator('[data-test="scheme-import"]').click()
    const d = dialog(page, 'scheme-import-dialog')
    await d.waitFor()
    await queueDialog([sample])
    await d.locator('[data-test="scheme-import-pick"]').click()
    await d.locator('[data-test="scheme-import-summary"]').waitFor()
    assert.match(await d.locator('[data-test="scheme-import-summary"]').innerText(), /第1版草稿，共 16 个指标[\s\S]*满分 100 分/)
    assert.match(await d.locator('[data-test="scheme-import-tree"]').innerText(), /述职评议考核[\s\S]*等次[\s\S]*党建品牌创建[\s\S]*加分[\s\S]*违规违纪问题[\s\S]*扣分/)
    await screenshot('scheme-04-import-preview')
    await d.locator('[data-test="scheme-import-confirm"]').click()
    await message(page, 'success', '已导入')
    await page.locator('[data-test="scheme-editor"]').waitFor()
    assert.match(await page.locator('[data-test="scheme-status"]').innerText(), /草稿/)
    assert.match(await node(page, '4.1').innerText(), /党建品牌创建[\s\S]*加分/)
  },

  async 'a new version of the published scheme is compared with it'({ page, screenshot }) {
    await page.locator('[data-test="scheme-back"]').click()
    await waitRows(page, 'schemes-table', 2)
    await page.locator('[data-test="schemes-table"] .name-link', { hasText: name }).click()
    await page.locator('[data-test="scheme-new-version"]').click()
    await page.locator('.el-message-box__btns .el-button--primary').click()
    await message(page, 'success', '第2版')
    await until(async () => /草稿/.test(await page.locator('[data-test="scheme-status"]').innerText()), 'the new draft')
    await node(page, '1.1').click()
    await page.locator('[data-test="indicator-max"] input').fill('50')
    await save(page)
    await page.locator('[data-test="scheme-diff"]').click()
    const d = dialog(page, 'scheme-diff-dialog')
    await d.waitFor()
    const rowsText = await waitRows(page, 'diff-table', 1)
    assert.match(rowsText[0], /修改[\s\S]*1\.1[\s\S]*三会一课落实[\s\S]*60分[\s\S]*50分/)
    await closeMessages(page)
    await until(() => d.evaluate((el) => !el.closest('.el-overlay')?.getAnimations({ subtree: true }).length), 'the dialog to open')
    await screenshot('scheme-05-diff')
  },
}
