// The home page (首页) of the demo: the current round's progress, the latest ranking, findings
// with the overdue ones, the front line; and the progress moving after a unit is scored.
import assert from 'node:assert/strict'
import { nav, until } from './lib.mjs'
import { enter, openGrid, settled, status } from './grid.mjs'

export const demo = true

const completeness = async (page) => (await page.locator('[data-test="home-complete"]').innerText()).trim()

let expected = 0

export default {
  async 'the dashboard shows 2024Q4 in scoring, the 2024Q3 ranking, findings and the front line'({ page, screenshot }) {
    await nav(page, 'home')
    const round = page.locator('[data-test="home-round"]')
    await until(async () => /2024Q4/.test(await round.innerText()), 'the current round')
    assert.match(await round.innerText(), /评分中[\s\S]*2024年第四季度/)
    const text = await until(async () => {
      const t = await completeness(page)
      return /^0\/\d+$/.test(t) && t
    }, 'the completeness 0/N')
    expected = Number(text.split('/')[1])
    assert.ok(expected > 100, `expected totals ${expected}`)
    const body = await page.locator('.home').innerText()
    assert.match(body, /最新汇总排名\s*2024Q3/)
    assert.match(body, /问题整改/)
    assert.match(await page.locator('[data-test="home-overdue"]').innerText(), /^\d+ 条逾期$/)
    assert.match(body, /为民办实事/)
    await screenshot('home-01-dashboard')
  },

  async 'scoring one unit completely moves the completeness to 1'({ page, cli, dbPath, screenshot }) {
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q4')
    await openGrid(page, '2024Q4', q4.groups[1].raters[0])
    const unit = await page.locator('[data-test="score-grid"] th.uh.hl').getAttribute('data-unit')
    for (const v of ['5', '5', '好', '5', '5', '好', '5', '5', '5']) await enter(page, v)
    await settled(page)
    await until(async () => (await status(page, unit)) === '已完成', `${unit} 已完成`)
    await nav(page, 'home')
    await until(async () => (await completeness(page)) === `1/${expected}`, `completeness 1/${expected}`)
    await screenshot('home-02-after-one-unit')
  },
}
