// Issue 4's end-to-end path: a rater enters two units' scores for 2024Q4 with the keyboard in
// the 评分 grid, the ranking of 2024Q4 on 汇总排名 follows, and raising one unit's scores
// changes the order.
import assert from 'node:assert/strict'
import { choose, nav, rows, until } from './lib.mjs'
import { cell, enter, grid, openGrid, settled, status } from './grid.mjs'

export const demo = true

let rater = ''
const units = [] // the short names of the two units scored
let firstUnit = ''

/** fill types a unit's nine required values down its column, starting at 1.1. */
async function fill(page, unit, values) {
  await (await cell(page, '1.1', unit)).click()
  for (const v of values) await enter(page, v)
  await settled(page)
  await until(async () => (await status(page, unit)) === '已完成', `${unit} 已完成`)
}

/** ranking reads the 2024Q4 ranking table as [rank, unit name] pairs of the scored units; 2024Q4
 * is still scoring, so every rank must be marked 暂列 (provisional). */
async function ranking(page) {
  await nav(page, 'results')
  await choose(page, page.locator('[data-test="results-round"]'), '2024Q4')
  return until(async () => {
    const texts = await rows(page, 'ranking-table').allInnerTexts()
    const scored = texts.filter((t) => /^\s*\d+\s+暂列\s/.test(t)).map((t) => t.trim().split(/\s+/).filter((w) => w !== '暂列').slice(0, 2))
    return scored.length === 2 && scored
  }, 'two ranked units marked 暂列')
}

export default {
  async 'a rater scores two units of 2024Q4 with the keyboard'({ page, cli, dbPath }) {
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q4')
    rater = q4.groups[2].raters[0] // 区直机关工委: no unit of their own among the observed
    await openGrid(page, '2024Q4', rater)
    const heads = grid(page).locator('th.uh:not(.bar)')
    units.push(await heads.nth(0).getAttribute('data-unit'), await heads.nth(1).getAttribute('data-unit'))
    await fill(page, units[0], ['6', '6', '一般', '6', '6', '一般', '6', '6', '6'])
    await fill(page, units[1], ['9', '9', '好', '9', '9', '好', '9', '9', '9'])
  },

  async 'the ranking shows the better unit first'({ page, screenshot, cli, dbPath }) {
    const results = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q4', '--json'))
    const ranked = results.units.filter((u) => u.rank !== null)
    assert.equal(ranked.length, 2)
    const [first, second] = await ranking(page)
    assert.equal(first[0], '1')
    assert.equal(second[0], '2')
    assert.equal(first[1], ranked[0].unit)
    assert.equal(second[1], ranked[1].unit)
    await screenshot('ranking-01-two-units')
    firstUnit = first[1]
  },

  async 'raising the second unit’s scores puts it first'({ page, screenshot }) {
    await openGrid(page, '2024Q4', rater)
    await (await cell(page, '1.1', units[0])).click()
    for (const v of ['10', '10', '好', '10', '10', '好', '10', '10', '10']) await enter(page, v)
    await settled(page)
    const before = firstUnit
    const [first, second] = await ranking(page)
    assert.equal(second[1], before, 'the unit that was first is now second')
    assert.notEqual(first[1], before)
    await screenshot('ranking-02-order-changed')
  },
}
