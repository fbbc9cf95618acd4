// Safety in the window: the operator's name goes into the audit log, a deletion is preceded by
// an automatic backup, the log's chain verifies, and restoring the backup brings the deleted
// person back.
import assert from 'node:assert/strict'
import { closeMessages, dialog, message, nav, rows, until, waitRows } from './lib.mjs'

export const demo = true

const tab = (page, label) => page.locator('.el-tabs__item', { hasText: label }).click()

export default {
  async 'the operator is set in 设置'({ page }) {
    await nav(page, 'settings')
    await page.locator('[data-test="operator"]').fill('王建国')
    await page.locator('[data-test="save-operator"]').click()
    assert.equal(await message(page, 'success'), '操作人已保存')
  },

  async 'a person is added and then deleted after a confirmation'({ page }) {
    await nav(page, 'org')
    await tab(page, '人员')
    await page.locator('[data-test="add-person"]').click()
    await dialog(page, 'person-dialog').locator('[data-test="person-name"]').fill('测试人员甲')
    await dialog(page, 'person-dialog').locator('[data-test="save"]').click()
    assert.equal(await message(page, 'success'), '已保存')
    await closeMessages(page)
    await page.locator('.el-input input[placeholder="按姓名、职务或单位搜索"]').fill('测试人员甲')
    await waitRows(page, 'people-table', 1)
    await rows(page, 'people-table').first().locator('button', { hasText: '删除' }).click()
    await page.locator('.el-message-box button', { hasText: '删除' }).click()
    assert.equal(await message(page, 'success'), '已删除')
    await waitRows(page, 'people-table', 0)
  },

  async 'the deletion was backed up first and is in the audit log under the operator'({ page, screenshot }) {
    await nav(page, 'settings')
    await tab(page, '备份与恢复')
    const texts = await until(async () => {
      const t = await rows(page, 'backups-table').allInnerTexts()
      return t.some((x) => x.includes('删除前')) && t
    }, 'a 删除前 backup')
    assert.ok(texts.length >= 1)
    await tab(page, '审计日志')
    const entries = await until(async () => {
      const t = await rows(page, 'audit-table').allInnerTexts()
      return t.length > 0 && t
    }, 'audit entries')
    assert.match(entries[0], /王建国[\s\S]*删除[\s\S]*人员[\s\S]*测试人员甲/)
    assert.match(entries[1], /王建国[\s\S]*新增[\s\S]*测试人员甲/)
    await page.locator('[data-test="verify-audit"]').click()
    const result = page.locator('[data-test="audit-verification"]')
    await result.waitFor()
    assert.match(await result.innerText(), /审计日志完整：共 \d+ 条记录，校验链无误/)
    await screenshot('settings-01-audit')
  },

  async 'restoring the backup made before the deletion brings the person back'({ page, screenshot }) {
    await closeMessages(page)
    await tab(page, '备份与恢复')
    const row = rows(page, 'backups-table').filter({ hasText: '删除前' }).first()
    await row.locator('[data-test="restore"]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /当前数据会先另存一份备份/)
    await closeMessages(page)
    await box.locator('button', { hasText: '恢复' }).click()
    assert.match(await message(page, 'success', '已恢复到'), /^已恢复到 .* 的备份$/)
    await screenshot('settings-02-restored')
    await until(async () => (await rows(page, 'backups-table').allInnerTexts()).some((t) => t.includes('恢复前')), 'a 恢复前 backup')
    await nav(page, 'org')
    await tab(page, '人员')
    await page.locator('.el-input input[placeholder="按姓名、职务或单位搜索"]').fill('测试人员甲')
    await waitRows(page, 'people-table', 1)
  },
}
