// The search (Ctrl+K) finds units, people, rounds and findings, and opens the page that shows the hit.
import assert from 'node:assert/strict'
import { dialog, nav, rowTexts, until } from './lib.mjs'

export const demo = true

async function search(page, text) {
  await page.keyboard.press('Control+k')
  const d = dialog(page, 'search-dialog')
  await d.waitFor()
  await d.locator('input').fill(text)
  await until(async () => (await d.locator('[data-test="search-hits"] li').count()) > 0, `hits for ${text}`)
  return d
}

export default {
  async 'a unit is found by its short name and opened in 组织架构'({ page, screenshot }) {
    await page.setViewportSize({ width: 1366, height: 768 })
    await nav(page, 'home')
    const d = await search(page, '教体局')
    const hit = d.locator('li[data-kind="unit"]').first()
    assert.match(await hit.innerText(), /单位\s*区教育和体育局[\s\S]*教体局/)
    await screenshot('search-01-unit')
    await page.keyboard.press('Enter')
    await d.waitFor({ state: 'hidden' })
    await until(async () => {
      const rows = await rowTexts(page, 'units-table')
      return rows.length === 1 && rows[0].includes('区教育和体育局')
    }, 'the unit in the units tab')
    await screenshot('search-02-unit-opened')
  },

  async 'a person is found by name and shown among the people'({ page, cli, dbPath }) {
    const q4 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q4')
    const person = { name: q4.groups[1].raters[2] }
    const d = await search(page, person.name)
    await d.locator('li[data-kind="person"]', { hasText: person.name }).first().click()
    await until(async () => {
      const rows = await rowTexts(page, 'people-table')
      return rows.length >= 1 && rows.every((r) => r.includes(person.name))
    }, `${person.name} in the people tab`)
  },

  async 'a round is found by its code and opens its scoring'({ page }) {
    const d = await search(page, '2024Q2')
    const hit = d.locator('li[data-kind="round"]').first()
    assert.match(await hit.innerText(), /观摩轮次\s*2024Q2/)
    await hit.click()
    await until(async () => page.url().includes('/scoring'), 'the scoring page')
    await until(async () => (await page.locator('[data-test="round-select"]').innerText().catch(() => '')).includes('2024Q2') ||
      (await page.locator('[data-test="round-select"] input').inputValue().catch(() => '')).includes('2024Q2'), 'round 2024Q2 chosen')
  },

  async 'a finding is found by its words and shown in the ledger'({ page, screenshot }) {
    const d = await search(page, '三会一课')
    const hit = d.locator('li[data-kind="finding"]').first()
    const title = (await hit.locator('.title').innerText()).trim()
    await hit.click()
    await until(async () => {
      const rows = await rowTexts(page, 'ledger-table')
      return rows.length >= 1 && rows.some((r) => r.replace(/\s+/g, '').includes([...title].slice(0, 12).join('').replace(/\s+/g, '')))
    }, 'the finding in 整改台账')
    await screenshot('search-03-finding-opened')
    await nav(page, 'home')
    await page.keyboard.press('Control+k')
    const d2 = dialog(page, 'search-dialog')
    await d2.locator('input').fill('不存在的单位名称')
    await until(async () => /没有找到“不存在的单位名称”/.test(await d2.innerText()), 'nothing found said')
    assert.equal(await d2.locator('[data-test="search-hits"] li').count(), 0)
  },
}
