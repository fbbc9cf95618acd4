// 打印 on 汇总排名, 整改台账 and 评分: the button calls window.print() once, and the page as
// print media shows the title and the date without the navigation or buttons; page.pdf()
// (headless Chromium, the engine of WebView2) gives A4 landscape pages, numbered.
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { choose, nav, until, waitRows } from './lib.mjs'

export const demo = true

const resultsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'test-results')

/** printIt clicks 打印 with window.print stubbed, so that headless Chromium opens no dialog. */
async function printIt(page) {
  await page.evaluate(() => {
    window.__printed = 0
    window.print = () => {
      window.__printed++
    }
  })
  await page.locator('[data-test="print"]:visible').click()
  assert.equal(await page.evaluate(() => window.__printed), 1, 'window.print() was called once')
}

/** asPrinted emulates print media and checks what a printout shows and hides. It comes after
 * pdf(): emulating print media resizes the window's content, and Element Plus then widens its
 * tables for it, which a real window.print() never gives it the chance to do. */
async function asPrinted(page, title, screenshot, shot, more = async () => {}) {
  await page.emulateMedia({ media: 'print' })
  const head = page.locator('[data-test="print-header"]')
  assert.equal((await head.locator('h1').innerText()).trim(), title)
  assert.match(await head.innerText(), /打印日期：\d{4}年\d{1,2}月\d{1,2}日/)
  assert.equal(await page.locator('[data-test="nav"]').isVisible(), false, 'the navigation is hidden')
  assert.equal(await page.locator('.el-aside').isVisible(), false, 'the side bar is hidden')
  assert.equal(await page.locator('[data-test="print"]').first().isVisible(), false, 'the buttons are hidden')
  await more()
  await screenshot(shot)
  await page.emulateMedia({ media: null }) // not 'screen', which page.pdf() would then print with
}

/** pdf prints the page with Chromium and checks its pages: A4 landscape, numbered. */
async function pdf(page, name, minPages = 1) {
  mkdirSync(resultsDir, { recursive: true })
  const file = path.join(resultsDir, `${name}.pdf`)
  writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: true }))
  const info = execFileSync('pdfinfo', [file]).toString()
  assert.match(info, /Page size:\s+84[12]\.\d+ x 59[45]\.\d+ pts \(A4\)/, info)
  const pages = Number(/Pages:\s+(\d+)/.exec(info)[1])
  assert.ok(pages >= minPages, `${pages} pages`)
  const text = execFileSync('pdftotext', ['-layout', file, '-']).toString().replace(/\s+/g, '')
  for (let i = 1; i <= pages; i++) assert.ok(text.includes(`第${i}页共${pages}页`), `no page number ${i} in ${name}.pdf`)
  execFileSync('pdftoppm', ['-png', '-r', '50', '-f', '1', '-l', '2', file, path.join(resultsDir, name)])
  return text
}

export default {
  async '汇总排名 prints as A4 with its title'({ page, cli, dbPath, screenshot }) {
    const res = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q3', '--json'))
    await nav(page, 'results')
    await waitRows(page, 'ranking-table', 11)
    await printIt(page)
    const text = await pdf(page, 'print-ranking')
    await asPrinted(page, '2024年第三季度“常委看党建”观摩 汇总排名', screenshot, 'print-01-ranking')
    for (const u of res.units) assert.ok(text.includes(u.unit), `${u.unit} is printed`)
  },

  async '整改台账 prints as A4 with its title'({ page, screenshot }) {
    await nav(page, 'findings')
    await page.locator('[data-test="ledger-counts"]').waitFor()
    await printIt(page)
    await pdf(page, 'print-ledger')
    await asPrinted(page, '整改台账', screenshot, 'print-02-ledger')
  },

  async '评分 prints one sheet per unit with the scores entered'({ page, cli, dbPath, screenshot }) {
    const q3 = JSON.parse(await cli('rounds', '--db', dbPath, '--json')).rounds.find((r) => r.code === '2024Q3')
    const rater = q3.groups[0].raters[0]
    await nav(page, 'scoring')
    await choose(page, page.locator('[data-test="round-select"]'), '2024Q3')
    await choose(page, page.locator('[data-test="rater-select"]'), rater)
    await page.locator('[data-test="score-grid"] tr.ir').first().waitFor()
    await printIt(page)
    const text = await pdf(page, 'print-scoring', q3.units.length)
    const sheets = page.locator('[data-test="score-sheet"]')
    await asPrinted(page, '2024年第三季度“常委看党建”观摩 评分表', screenshot, 'print-03-scoring', async () => {
      assert.equal(await page.locator('[data-test="score-grid"]').isVisible(), false, 'the on-screen grid is hidden')
      await until(async () => (await sheets.count()) === q3.units.length, 'a sheet per unit')
      assert.match(await sheets.first().innerText(), new RegExp(`评分人：${rater}`))
    })
    assert.ok(text.includes('评分人签名'), 'signature line printed')
    assert.ok(text.includes(`${q3.units[0]}评分表`), 'the first unit has its sheet')
  },
}
