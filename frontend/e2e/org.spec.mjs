// Starting from an empty database: decline the demo, enter an area and a unit by hand, and
// find them again after reloading the page; a duplicate short name is refused.
import assert from 'node:assert/strict'
import { choose, closeMessages, dialog, message, nav, rows, until, waitRows } from './lib.mjs'

export const demo = false

const area = '第一联系片（党群综合）'

export default {
  async 'the first run offers the demo, and 从空白开始 declines it'({ page, screenshot }) {
    const firstRun = dialog(page, 'first-run')
    await firstRun.waitFor()
    assert.match(await firstRun.innerText(), /载入演示数据/)
    await screenshot('org-01-first-run')
    await page.locator('[data-test="start-empty"]').click()
    await firstRun.waitFor({ state: 'hidden' })
  },

  async 'an area is added through its dialog'({ page, screenshot, cli, dbPath }) {
    await nav(page, 'org')
    await waitRows(page, 'areas-table', 0)
    await page.locator('[data-test="add-area"]').click()
    const d = dialog(page, 'area-dialog')
    await d.waitFor()
    await d.locator('[data-test="area-name"]').fill(area)
    await d.locator('[data-test="save"]').click()
    await d.waitFor({ state: 'hidden' })
    const texts = await waitRows(page, 'areas-table', 1)
    assert.match(texts[0], /第一联系片（党群综合）/)
    const stored = JSON.parse(await cli('org', '--db', dbPath, '--json'))
    assert.deepEqual(stored.areas.map((a) => [a.number, a.name]), [[1, area]])
    await screenshot('org-02-area-added')
  },

  async 'a unit is added in that area with a short name'({ page, screenshot }) {
    await page.locator('#tab-units').click()
    await page.locator('[data-test="add-unit"]').click()
    const d = dialog(page, 'unit-dialog')
    await d.waitFor()
    await d.locator('[data-test="unit-name"]').fill('区委办公室')
    await d.locator('[data-test="unit-short-name"]').fill('区委办')
    await choose(page, d.locator('[data-test="unit-area"]'), area)
    await d.locator('[data-test="save"]').click()
    await d.waitFor({ state: 'hidden' })
    const texts = await waitRows(page, 'units-table', 1)
    assert.match(texts[0], /第一联系片（党群综合）[\s\S]*区委办公室[\s\S]*区委办/)
    await screenshot('org-03-unit-added')
  },

  async 'both are still there after reloading the page'({ page, screenshot }) {
    await page.reload()
    await nav(page, 'org')
    const areas = await waitRows(page, 'areas-table', 1)
    assert.match(areas[0], /第一联系片（党群综合）[\s\S]*\b1\b/)
    await page.locator('#tab-units').click()
    const units = await waitRows(page, 'units-table', 1)
    assert.match(units[0], /区委办公室/)
    assert.equal(await dialog(page, 'first-run').isVisible(), false, 'the first-run dialog came back')
    await screenshot('org-04-after-reload')
  },

  async 'a duplicate short name is refused in Chinese and nothing is added'({ page, screenshot, cli, dbPath }) {
    await closeMessages(page)
    await page.locator('[data-test="add-unit"]').click()
    const d = dialog(page, 'unit-dialog')
    await d.waitFor()
    await d.locator('[data-test="unit-name"]').fill('区委办公厅')
    await d.locator('[data-test="unit-short-name"]').fill('区委办')
    await d.locator('[data-test="save"]').click()
    const text = await message(page, 'error')
    assert.equal(text, '简称「区委办」已被其他单位使用')
    await screenshot('org-05-duplicate-short-name')
    assert.equal(await d.isVisible(), true, 'the dialog closed although saving failed')
    await d.locator('button', { hasText: '取消' }).click()
    await d.waitFor({ state: 'hidden' })
    await until(async () => (await rows(page, 'units-table').count()) === 1, 'one unit row')
    const stored = JSON.parse(await cli('org', '--db', dbPath, '--json'))
    assert.deepEqual(stored.areas[0].units, [{ name: '区委办公室', short_name: '区委办' }])
  },
}
