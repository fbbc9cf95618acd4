// The 通报: 生成通报 on 汇总排名 previews the demo's 2024Q3 通报 and saves it as a Word file;
// 设置 → 通报模板 previews the wording, refuses an unknown placeholder by name, and 恢复默认.
import assert from 'node:assert/strict'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { closeMessages, dialog, message, nav, until, waitRows } from './lib.mjs'

export const demo = true

const preview = (page) => page.locator('[data-test="notice-preview"]').first()

export default {
  async '生成通报 shows the 2024Q3 通报 and saves it as .docx'({ page, cli, dbPath, dir, queueDialog, screenshot }) {
    const res = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q3', '--json'))
    const excellent = res.units.filter((u) => u.grade === '优秀').map((u) => u.unit) // rank order
    assert.ok(excellent.length > 0)
    await nav(page, 'results')
    await waitRows(page, 'ranking-table', 11)
    await page.locator('[data-test="notice-open"]').click()
    const d = dialog(page, 'notice-dialog')
    await d.waitFor()
    const text = await preview(page).innerText()
    assert.match(text, /关于2024年第三季度“常委看党建”观摩\s*评价结果的通报/)
    assert.ok(text.includes(`（一）“优秀”等次单位（${excellent.length}个）。${excellent.join('、')}。`), text)
    assert.match(text, /附件：2024年第三季度“常委看党建”观摩评价汇总表/)
    if (!res.units.some((u) => u.grade === '较差')) assert.ok(!text.includes('较差'), 'an empty grade is left out')
    await screenshot('notice-01-preview')
    const out = join(dir, '2024Q3_通报.docx')
    await queueDialog([out])
    await page.locator('[data-test="notice-save"]').click()
    assert.match(await message(page, 'success'), /通报已保存到/)
    assert.equal(readFileSync(out).subarray(0, 2).toString(), 'PK', 'a .docx is a zip package')
    await closeMessages(page)
  },

  async '设置 → 通报模板 previews, refuses an unknown placeholder and restores the default'({ page, cli, dbPath, screenshot }) {
    const res = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q3', '--json'))
    const first = `${res.units[0].unit}（${res.units[0].final.toFixed(2)}分）`
    await nav(page, 'settings')
    await page.locator('#tab-notice').click()
    await page.locator('[data-test="notice-template"]').waitFor()
    await until(async () => (await preview(page).count()) > 0, 'the preview')
    assert.ok((await preview(page).innerText()).includes(res.units[0].unit))
    await page.locator('[data-test="nt-scores"]').click()
    await page.locator('[data-test="nt-preview"]').click()
    await until(async () => (await preview(page).innerText()).includes(first), `${first} in the preview`)
    await screenshot('notice-02-template')

    const body = page.locator('textarea[data-test="nt-body"], [data-test="nt-body"] textarea').first()
    await body.fill((await body.inputValue()) + '\n请{联系人}于{截止日期}前报送。')
    await page.locator('[data-test="nt-save"]').click()
    assert.match(await message(page, 'error'), /不认识的占位符：\{联系人\}、\{截止日期\}/)
    assert.match(await page.locator('[data-test="nt-problem"]').innerText(), /\{联系人\}/)
    await screenshot('notice-03-unknown')
    await closeMessages(page)

    await page.locator('[data-test="nt-reset"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    assert.match(await message(page, 'success'), /已恢复默认模板/)
    await until(async () => (await preview(page).count()) > 0, 'the preview again')
    assert.ok(!(await body.inputValue()).includes('{联系人}'))
  },
}
