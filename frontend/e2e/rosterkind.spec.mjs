// The roster import dialog with the files offices really send: a budget table is no roster
// (nothing to import, the reason shown); a real 联系片划分表 whose titles carry a trailing space
// and a bracketed qualifier is recognised, its budget sheet named as left out, and imported;
// that roster handed to the scheme import is told to be one.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import path from 'node:path'
import { dialog, message, nav } from './lib.mjs'

export const demo = false

/** book writes an xlsx of the given sheets ({name: rows}) with openpyxl and returns its path. */
function book(dir, file, sheets) {
  const out = path.join(dir, file)
  const script = [
    'import json, sys, openpyxl',
    'wb = openpyxl.Workbook(); wb.remove(wb.active)',
    'for name, rows in json.loads(sys.argv[2]).items():',
    '    ws = wb.create_sheet(name)',
    '    for r in rows: ws.append(r)',
    'wb.save(sys.argv[1])',
  ].join('\n')
  execFileSync('/usr/bin/python3', ['-c', script, out, JSON.stringify(sheets)])
  return out
}

const budget = [
  ['2024年度部门预算安排表'],
  ['序号', '单位', '项目', '金额（万元）'],
  [1, '某某街道', '办公经费', 12.5],
  [null, '合计', null, 12.5],
]

async function open(page, queueDialog, file) {
  const d = dialog(page, 'roster-dialog')
  if (await d.isVisible()) {
    // The file is chosen in the first step: close and open the dialog again.
    await d.locator('.el-dialog__footer .el-button').first().click()
    await d.waitFor({ state: 'hidden' })
  }
  await page.locator('[data-test="roster-import-open"]').click()
  await d.waitFor()
  await queueDialog([file])
  await d.locator('[data-test="roster-pick"]').click()
  await d.locator('[data-test="roster-sheets"]').waitFor()
  return d
}

export default {
  async 'a budget table is no roster'({ page, screenshot, queueDialog, dir }) {
    const firstRun = dialog(page, 'first-run')
    await firstRun.waitFor()
    await page.locator('[data-test="start-empty"]').click()
    await firstRun.waitFor({ state: 'hidden' })
    await nav(page, 'org')
    const d = await open(page, queueDialog, book(dir, '预算.xlsx', { 预算: budget }))
    await d.locator('[data-test="roster-next"]').click()
    const problems = d.locator('[data-test="roster-problems"]')
    await problems.waitFor()
    assert.match(await problems.innerText(), /没有找到名册的表头/)
    assert.equal(await d.locator('[data-test="roster-import"]').isDisabled(), true, 'a budget table could be imported')
    await screenshot('rosterkind-01-budget')
  },

  async 'a real 联系片划分表 is recognised and its other sheet named'({ page, screenshot, queueDialog, dir, cli, dbPath }) {
    const file = book(dir, '联系片划分表.xlsx', {
      联系片划分: [
        ['机关党建联系片划分表'],
        ['序号', '联系片 ', '成员单位（部门）', '联系常委', '手机'],
        [1, '第一联系片', '区委办公室', '赵明华', '13805370001'],
        [null, '第一联系片', '区档案馆', null, null],
        [2, '第二联系片', '区财政局', '钱进', '13805370002'],
      ],
      人员名单: [
        ['序号', '姓名', '单位名称(全称)', '职务', '手机号'],
        [1, '王建国', '区委办公室', '主任', '13805370003'],
      ],
      预算: budget,
    })
    const d = await open(page, queueDialog, file)
    await screenshot('rosterkind-02-mapping')
    await d.locator('[data-test="roster-next"]').click()
    const notes = d.locator('[data-test="roster-notes"]')
    await notes.waitFor()
    assert.match(await notes.innerText(), /工作表「预算」没有识别为名册，未导入/)
    assert.equal(await d.locator('[data-test="roster-problems"]').count(), 0, 'the real roster has problems')
    await screenshot('rosterkind-03-preview')
    await d.locator('[data-test="roster-import"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await message(page, 'success')
    const org = JSON.parse(await cli('org', '--db', dbPath, '--json'))
    assert.deepEqual(org.areas.map((a) => [a.name, a.leader, a.units.length]), [['第一联系片', '赵明华', 2], ['第二联系片', '钱进', 1]])
  },

  async 'the roster given to the scheme import says what it is'({ page, screenshot, queueDialog, dir, cli, dbPath }) {
    const file = path.join(dir, '名册导出.xlsx')
    await cli('roster', 'export', '--db', dbPath, '--out', file)
    await nav(page, 'schemes')
    await page.locator('[data-test="scheme-import"]').click()
    const d = dialog(page, 'scheme-import-dialog')
    await d.waitFor()
    await queueDialog([file])
    await d.locator('[data-test="scheme-import-pick"]').click()
    const problems = d.locator('[data-test="scheme-import-problems"]')
    await problems.waitFor()
    assert.match(await problems.innerText(), /这是名册（联系片划分表或人员名单），请在“组织架构”中导入/)
    assert.equal(await d.locator('[data-test="scheme-import-confirm"]').isDisabled(), true, 'a roster could be imported as a scheme')
    await screenshot('rosterkind-04-scheme-dialog')
    await d.locator('.el-dialog__footer .el-button').first().click()
    await d.waitFor({ state: 'hidden' })
  },

  async 'a roster past the plausibility limit stops and asks'({ page, screenshot, queueDialog, dir, cli, dbPath }) {
    const rows = [['联系片', '成员单位']]
    for (let i = 0; i <= 500; i++) rows.push(['第九联系片', `测试单位${String(i).padStart(3, '0')}`])
    await nav(page, 'org')
    const d = await open(page, queueDialog, book(dir, '大名册.xlsx', { 联系片划分: rows }))
    await d.locator('[data-test="roster-next"]').click()
    const problems = d.locator('[data-test="roster-problems"]')
    await problems.waitFor()
    assert.match(await problems.innerText(), /名册列出了 501 个单位，一份名册一般不会超过 500 个/)
    assert.equal(await d.locator('[data-test="roster-import"]').isDisabled(), true, 'the implausible roster could be imported without asking')
    await screenshot('rosterkind-05-limit')
    // 仍然导入 asks first; cancelling leaves the refusal as it was.
    await d.locator('[data-test="roster-force"]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /请确认这就是要导入的名册/)
    await page.waitForTimeout(400) // the box's opening animation
    await screenshot('rosterkind-06-force-confirm')
    await box.locator('.el-button').first().click()
    await box.waitFor({ state: 'hidden' })
    assert.equal(await d.locator('[data-test="roster-import"]').isDisabled(), true, 'cancelling 仍然导入 went on')
    await d.locator('[data-test="roster-force"]').click()
    await box.waitFor()
    await box.locator('.el-button--primary').click()
    await problems.waitFor({ state: 'detached' })
    await box.waitFor({ state: 'hidden' })
    const notes = d.locator('[data-test="roster-notes"]')
    assert.match(await notes.innerText(), /已确认仍然导入/)
    await screenshot('rosterkind-07-forced-preview')
    await d.locator('[data-test="roster-import"]').click()
    await page.locator('.el-message-box .el-button--primary').click()
    await message(page, 'success')
    const org = JSON.parse(await cli('org', '--db', dbPath, '--json'))
    const area = org.areas.find((a) => a.name === '第九联系片')
    assert.equal(area?.units.length, 501, 'the forced roster was not imported whole')
  },
}
