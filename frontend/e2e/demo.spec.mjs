// Starting from an empty database: load the demo from the first-run dialog, browse it, and see
// that an area which still has units cannot be deleted.
import assert from 'node:assert/strict'
import { choose, closeMessages, dialog, message, nav, rows, waitRows } from './lib.mjs'

export const demo = false

export default {
  async '载入演示数据 fills the database'({ page, screenshot }) {
    const firstRun = dialog(page, 'first-run')
    await firstRun.waitFor()
    await page.locator('[data-test="load-demo"]').click()
    assert.equal(await message(page, 'success'), '演示数据已载入')
    await firstRun.waitFor({ state: 'hidden' })
    await screenshot('demo-01-loaded')
  },

  async 'the organisation shows 11 liaison areas'({ page, screenshot }) {
    await nav(page, 'org')
    const texts = await waitRows(page, 'areas-table', 11)
    assert.match(texts[0], /第一联系片/)
    assert.match(texts[10], /第十一联系片/)
    await screenshot('demo-02-areas')
  },

  async 'units filtered by 第六联系片 include 教体局'({ page, screenshot }) {
    await page.locator('#tab-units').click()
    await waitRows(page, 'units-table', 67)
    await choose(page, page.locator('[data-test="unit-area-filter"]'), '第六联系片')
    const texts = await waitRows(page, 'units-table', 6)
    assert.ok(texts.every((t) => t.includes('第六联系片')), 'a unit of another area is shown')
    assert.ok(texts.some((t) => /区教育和体育局[\s\S]*教体局/.test(t)), '教体局 is missing')
    await screenshot('demo-03-units-of-area-6')
  },

  async 'deleting an area that has units is confirmed, then refused, and the row remains'({ page, screenshot }) {
    await page.locator('#tab-areas').click()
    await closeMessages(page)
    const row = rows(page, 'areas-table').filter({ hasText: '第六联系片' })
    await row.locator('[data-test="delete-area"]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /确定要删除「第六联系片（教育卫生）」吗/)
    await screenshot('demo-04-confirm-delete')
    await box.locator('button', { hasText: '删除' }).click()
    const text = await message(page, 'error')
    assert.equal(text, '第六联系片（教育卫生）下还有 6 个单位，请先把它们移到其他联系片或删除')
    await screenshot('demo-05-delete-refused')
    const texts = await waitRows(page, 'areas-table', 11)
    assert.ok(texts.some((t) => t.includes('第六联系片')), 'the area row is gone')
  },
}
