// Helpers for the score entry grid of the 评分 page, shared by the specs that type scores.
import { choose, nav, until } from './lib.mjs'

export const grid = (page) => page.locator('[data-test="score-grid"]')

/** cell is the grid cell of an indicator (by its code) and a unit (by its short name). */
export async function cell(page, code, unit) {
  const c = await grid(page).locator(`th.uh[data-unit="${unit}"]`).getAttribute('data-c')
  const row = grid(page).locator('tr.ir', { has: page.locator('td.code', { hasText: new RegExp(`^${code.replace('.', '\\.')}$`) }) })
  return row.locator(`td[data-c="${c}"]`)
}

export const cellText = async (page, code, unit) => (await (await cell(page, code, unit)).innerText()).trim()

/** status is the footer's completeness of a unit (已完成 / 缺 N 项 / 回避). */
export const status = (page, unit) => grid(page).locator(`td[data-test="unit-status"][data-unit="${unit}"]`).innerText()

export async function enter(page, text) {
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

/** settled waits until no cell is being saved and the page says so. */
export const settled = (page) =>
  until(async () => {
    const state = await page.locator('[data-test="save-state"]').innerText()
    return !/保存中/.test(state) && /已保存|未保存/.test(state) && (await grid(page).locator('td.pend').count()) === 0
  }, 'the saves to finish')

export const shows = (page, code, unit, text) => until(async () => (await cellText(page, code, unit)) === text, `${code} of ${unit} showing "${text}"`)

/** openGrid opens the grid of a rater of a round on the 评分 page. */
export async function openGrid(page, round, rater) {
  await nav(page, 'scoring')
  await choose(page, page.locator('[data-test="round-select"]'), round)
  await choose(page, page.locator('[data-test="rater-select"]'), rater)
  await grid(page).locator('tr.ir').first().waitFor()
}
