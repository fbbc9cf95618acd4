// 佐证材料 in the window on the demo database: a photo taken on a phone (its EXIF says "turn
// me") and a program disguised as a photo chosen through the file dialog for a unit's
// observation in 2024Q3 — the photo attached with an upright thumbnail, the program refused by
// its bytes; the photo opened in the viewer; a PDF dropped on the panel and drawn by pdf.js, a
// damaged one shown as damaged; a file tied to one indicator, filtered and moved; a file
// attached to a finding shown as a thumbnail in the 整改台账; the CLI lists every file with its
// hash.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { closeMessages, dialog, message, nav, rows, until } from './lib.mjs'

export const demo = true

const dir = mkdtempSync(path.join(os.tmpdir(), 'lkp-evidence-'))
const photo = path.join(dir, '现场照片-党员活动室.jpg')
const fake = path.join(dir, '会场.jpg')
// A small PDF written by hand: two pages, the first with a red band and a line of text, so that
// a drawn page can be told from an empty frame by its pixels.
function makePdf() {
  const pages = ['0.78 0.16 0.16 rg 20 20 260 60 re f BT /F1 18 Tf 0 0 0 rg 40 120 Td (Huibao cailiao) Tj ET', 'BT /F1 18 Tf 40 100 Td (Page 2) Tj ET']
  const objs = [
    '<</Type/Catalog/Pages 2 0 R>>',
    '<</Type/Pages/Kids[3 0 R 4 0 R]/Count 2>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 5 0 R/Resources<</Font<</F1 7 0 R>>>>>>',
    '<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 200]/Contents 6 0 R/Resources<</Font<</F1 7 0 R>>>>>>',
    ...pages.map((c) => `<</Length ${c.length}>>stream\n${c}\nendstream`),
    '<</Type/Font/Subtype/Type1/BaseFont/Helvetica>>',
  ]
  let out = '%PDF-1.4\n'
  const offsets = objs.map((o, i) => {
    const at = out.length
    out += `${i + 1} 0 obj${o}endobj\n`
    return at
  })
  const xref = out.length
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`
  return out + `trailer<</Size ${objs.length + 1}/Root 1 0 R>>\nstartxref\n${xref}\n%%EOF\n`
}
const pdf = makePdf()
// A file that starts like a PDF and is not one: stored (its first bytes say PDF), shown as broken.
const brokenPdf = '%PDF-1.7\n' + 'this is not a PDF body '.repeat(40)

/** inked reads the PDF canvas's pixels: the share that is not white, and whether some are red. */
async function inked(canvas) {
  return canvas.evaluate((c) => {
    const { data } = c.getContext('2d').getImageData(0, 0, c.width, c.height)
    let ink = 0
    let red = 0
    for (let i = 0; i < data.length; i += 4) {
      if (data[i] < 240 || data[i + 1] < 240 || data[i + 2] < 240) ink++
      if (data[i] > 150 && data[i + 1] < 90 && data[i + 2] < 90) red++
    }
    return { ink: ink / (data.length / 4), red, width: c.width }
  })
}

/** dropFile drops one file with the given text on the panel. */
async function dropFile(page, panel, name, text) {
  const dt = await page.evaluateHandle(([t, n]) => {
    const d = new DataTransfer()
    d.items.add(new File([t], n, { type: 'application/pdf' }))
    return d
  }, [text, name])
  await panel.dispatchEvent('dragover', { dataTransfer: dt })
  await panel.dispatchEvent('drop', { dataTransfer: dt })
}

/** withOrientation puts an EXIF block with orientation o after a JPEG's start marker, as a phone does. */
function withOrientation(jpeg, o) {
  const tiff = Buffer.from([0x49, 0x49, 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, o, 0, 0, 0, 0, 0, 0, 0])
  const seg = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff])
  const head = Buffer.from([0xff, 0xe1, (seg.length + 2) >> 8, (seg.length + 2) & 0xff])
  return Buffer.concat([jpeg.subarray(0, 2), head, seg, jpeg.subarray(2)])
}

async function settled(page) {
  await until(async () => (await page.locator('.el-loading-mask:visible').count()) === 0, 'the loading masks to go')
}

let unit // the unit whose drawer is used
const drawerPanel = (page) => page.locator('[data-test="drawer-evidence"] [data-test="evidence-panel"]')

export default {
  async 'a photo and a disguised program chosen in the file dialog: the photo attached, the program refused'({ page, cli, dbPath, queueDialog, screenshot }) {
    // 160×100 landscape pixels whose EXIF orientation 6 says "turn a quarter clockwise": upright it is 100×160.
    await promisify(execFile)('/usr/bin/convert', ['-size', '160x100', 'xc:#8ecae6', '-fill', '#c62828', '-draw', 'rectangle 10,10 70,50', photo])
    writeFileSync(photo, withOrientation(readFileSync(photo), 6))
    writeFileSync(fake, Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(200)]))
    await page.setViewportSize({ width: 1366, height: 768 })
    const results = JSON.parse(await cli('results', '--db', dbPath, '--round', '2024Q3', '--json'))
    unit = results.units[0].unit
    await nav(page, 'results')
    await rows(page, 'ranking-table').filter({ hasText: unit }).locator('[data-test="unit-link"]').click()
    await until(async () => (await page.locator('[data-test="drawer-unit"]').innerText()) === unit, 'the drawer')
    const panel = drawerPanel(page)
    await panel.scrollIntoViewIfNeeded()
    const before = await panel.locator('[data-test="evidence-tile"]').count()
    await queueDialog([photo, fake])
    await panel.locator('input[data-test="evidence-note"]').fill('党员活动室现场')
    await panel.locator('[data-test="evidence-add"]').click()
    assert.match(await message(page, 'success'), /已附上 1 个文件/)
    const box = page.locator('.evidence-refused')
    await box.waitFor()
    assert.match(await box.innerText(), /会场\.jpg.*程序/)
    await screenshot('evidence-01-refused')
    await box.locator('.el-button--primary').click()
    await until(async () => (await panel.locator('[data-test="evidence-tile"]').count()) === before + 1, 'the new tile')
    const tile = panel.locator('[data-test="evidence-tile"]', { hasText: '现场照片-党员活动室.jpg' })
    const img = tile.locator('[data-test="evidence-thumb"]')
    await img.waitFor()
    // The thumbnail was turned upright in Go: taller than wide.
    const size = await img.evaluate((el) => [el.naturalWidth, el.naturalHeight])
    assert.deepEqual(size, [100, 160])
    assert.match(await tile.innerText(), /现场照片/)
    await closeMessages(page)
    await settled(page)
    await screenshot('evidence-02-drawer')
  },

  async 'the photo opens in the viewer, upright'({ page, screenshot }) {
    const tile = drawerPanel(page).locator('[data-test="evidence-tile"]', { hasText: '现场照片-党员活动室.jpg' })
    await tile.locator('[data-test="evidence-open"]').click()
    const viewer = dialog(page, 'evidence-viewer')
    const img = viewer.locator('[data-test="viewer-image"]')
    await img.waitFor()
    await until(() => img.evaluate((el) => el.complete && el.naturalWidth > 0), 'the image to load')
    // The engine applies the EXIF orientation (image-orientation: from-image).
    const box = await img.boundingBox()
    assert.ok(box && box.height > box.width, `the photo is shown upright (${box?.width}×${box?.height})`)
    const text = await viewer.innerText()
    assert.match(text, /党员活动室现场/)
    assert.match(text, /[0-9a-f]{64}/)
    await page.waitForTimeout(300)
    await screenshot('evidence-03-viewer')
    await viewer.locator('.el-dialog__headerbtn').click()
    await viewer.waitFor({ state: 'hidden' })
  },

  async 'a PDF dropped on the panel is attached and drawn in the viewer, page by page'({ page, screenshot }) {
    const panel = drawerPanel(page)
    const before = await panel.locator('[data-test="evidence-tile"]').count()
    await dropFile(page, panel, '汇报材料.pdf', pdf)
    assert.match(await message(page, 'success'), /已附上 1 个文件/)
    await until(async () => (await panel.locator('[data-test="evidence-tile"]').count()) === before + 1, 'the dropped tile')
    const tile = panel.locator('[data-test="evidence-tile"]', { hasText: '汇报材料.pdf' })
    assert.match(await tile.innerText(), /汇报材料/)
    await tile.locator('[data-test="evidence-open"]').click()
    const viewer = dialog(page, 'evidence-viewer')
    const view = viewer.locator('[data-test="viewer-pdf"]')
    await until(async () => (await view.getAttribute('data-pages')) === '2', 'pdf.js to read the two pages')
    const canvas = view.locator('[data-test="pdf-canvas"]')
    // pdf.js drew the first page: the red band and the text are pixels on the canvas, not an empty frame.
    await until(async () => (await inked(canvas)).red > 1000, 'the first page to be drawn')
    const first = await inked(canvas)
    assert.ok(first.ink > 0.15 && first.ink < 0.6, `share of inked pixels on page 1: ${first.ink}`)
    assert.match(await view.locator('[data-test="pdf-page"]').innerText(), /第 1 页 \/ 共 2 页/)
    await page.waitForTimeout(200)
    await screenshot('evidence-04-pdf')
    // The second page has no red band; zooming in draws a wider page.
    await view.locator('[data-test="pdf-next"]').click()
    await until(async () => (await view.getAttribute('data-page')) === '2' && (await inked(canvas)).red === 0 && (await inked(canvas)).ink > 0, 'page 2 to be drawn')
    const w = (await inked(canvas)).width
    await view.locator('[data-test="pdf-zoom-in"]').click()
    await until(async () => (await inked(canvas)).width > w * 1.2, 'the zoomed page')
    await viewer.locator('.el-dialog__headerbtn').click()
    await viewer.waitFor({ state: 'hidden' })
  },

  async 'a damaged PDF is shown as damaged, not as a crash'({ page, screenshot }) {
    const panel = drawerPanel(page)
    await dropFile(page, panel, '损坏的报告.pdf', brokenPdf)
    assert.match(await message(page, 'success'), /已附上 1 个文件/)
    const tile = panel.locator('[data-test="evidence-tile"]', { hasText: '损坏的报告.pdf' })
    await tile.waitFor()
    await tile.locator('[data-test="evidence-open"]').click()
    const viewer = dialog(page, 'evidence-viewer')
    const broken = viewer.locator('[data-test="viewer-pdf-broken"]')
    await broken.waitFor()
    assert.match(await broken.innerText(), /PDF 文件已损坏或无法识别/)
    // 另存为 stays offered.
    assert.equal(await viewer.locator('[data-test="viewer-save"]').count(), 1)
    await screenshot('evidence-04b-pdf-broken')
    await viewer.locator('.el-dialog__headerbtn').click()
    await viewer.waitFor({ state: 'hidden' })
  },

  async 'an observation file is tied to one indicator when attached, shown, filtered and moved'({ page, cli, dbPath, queueDialog, screenshot }) {
    const panel = drawerPanel(page)
    const pick = async (select, label) => {
      await select.click()
      await page.locator('.el-select-dropdown__item:visible', { hasText: label }).first().click()
    }
    // The choices are the round's indicators, "code name".
    const attach = panel.locator('[data-test="evidence-attach-indicator"]')
    await attach.click()
    const items = page.locator('.el-select-dropdown__item:visible')
    await until(async () => (await items.count()) > 3, 'the round’s indicators')
    const labels = await items.allInnerTexts()
    assert.equal(labels[0], '对应指标（可选）')
    const [first, second] = labels.slice(1, 3).map((l) => ({ code: l.split(' ')[0], name: l.slice(l.indexOf(' ') + 1) }))
    assert.match(first.code, /^\d+(\.\d+)*$/)
    await items.nth(1).click()
    const note = path.join(dir, '三会一课记录.txt')
    writeFileSync(note, '2024年三季度三会一课记录\n')
    await queueDialog([note])
    await panel.locator('[data-test="evidence-add"]').click()
    assert.match(await message(page, 'success'), /已附上 1 个文件/)
    const tile = panel.locator('[data-test="evidence-tile"]', { hasText: '三会一课记录.txt' })
    await tile.waitFor()
    assert.equal(await tile.locator('[data-test="evidence-indicator"]').innerText(), first.code)
    assert.match(await tile.innerText(), new RegExp(first.name))
    // The filter: only this file under the first indicator; it is not among the files tied to none.
    const filter = panel.locator('[data-test="evidence-filter-indicator"]')
    await pick(filter, `${first.code} ${first.name}`)
    await until(async () => (await panel.locator('[data-test="evidence-tile"]').count()) === 1, 'the filtered list')
    await closeMessages(page)
    await screenshot('evidence-06-indicator')
    await pick(filter, '不对应指标')
    await until(async () => (await tile.count()) === 0 && (await panel.locator('[data-test="evidence-tile"]').count()) > 0, 'the files tied to none')
    await pick(filter, '全部指标')
    await tile.waitFor()
    // Moved to the second indicator afterwards; the database says so.
    await tile.locator('[data-test="evidence-set-indicator"]').click()
    await tile.locator('[data-test="evidence-indicator-select"]').waitFor()
    // By the keyboard: the select has the focus and filters as one types.
    await page.keyboard.type(second.name)
    await until(async () => (await page.locator('.el-select-dropdown__item:visible').count()) === 1, 'one matching indicator')
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('Enter')
    assert.match(await message(page, 'success'), new RegExp(`已对应到指标 ${second.code}`))
    await until(async () => (await tile.locator('[data-test="evidence-indicator"]').innerText()) === second.code, 'the moved file')
    const list = JSON.parse(await cli('evidence', 'list', '--db', dbPath, '--round', '2024Q3', '--unit', unit, '--json'))
    const stored = list.evidence.find((e) => e.file_name === '三会一课记录.txt')
    assert.equal(stored?.indicator, second.code)
    await page.locator('.el-drawer__close-btn').click()
  },

  async 'a file attached to a finding shows as a thumbnail in the 整改台账'({ page, cli, dbPath, screenshot }) {
    const add = await cli('evidence', 'add', '--db', dbPath, '--finding', '1', '--note', '整改后照片', photo)
    assert.match(add, /已附上/)
    await nav(page, 'findings')
    const thumb = page.locator('[data-test="ledger-table"] [data-test="evidence-thumb"]').first()
    await thumb.waitFor()
    await settled(page)
    await screenshot('evidence-05-ledger')
    const list = JSON.parse(await cli('evidence', 'list', '--db', dbPath, '--json'))
    const names = list.evidence.map((e) => e.file_name)
    assert.ok(names.includes('现场照片-党员活动室.jpg') && names.includes('汇报材料.pdf'), names.join(', '))
    assert.ok(list.evidence.every((e) => /^[0-9a-f]{64}$/.test(e.sha256)))
    // The same photo on the drawer's unit and on the finding is stored once.
    const verify = await cli('evidence', 'verify', '--db', dbPath)
    assert.match(verify, /全部与校验值一致/)
  },

  async 'a feedback workbook returned in a folder with the photo it names brings the photo in'({ page, cli, dbPath, queueDialog, screenshot }) {
    const out = path.join(dir, '反馈表')
    await cli('ledger', 'units', '--db', dbPath, '--out', out)
    const book = readdirSync(out).find((f) => f.endsWith('_整改情况反馈表.xlsx'))
    const back = path.join(dir, '交回')
    const filled = path.join(back, book)
    await promisify(execFile)('/usr/bin/python3', ['-c', `
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb['整改情况']
ws['H4'] = '已重新布置学习园地'
ws['K4'] = '整改照片.jpg'
import os
os.makedirs(os.path.dirname(sys.argv[2]), exist_ok=True)
wb.save(sys.argv[2])
`, path.join(out, book), filled])
    copyFileSync(photo, path.join(back, '整改照片.jpg'))
    await closeMessages(page)
    await page.locator('[data-test="returns-open"]').click()
    const d = dialog(page, 'returns-dialog')
    await d.waitFor()
    await queueDialog([filled])
    await d.locator('[data-test="returns-pick"]').click()
    const good = d.locator(`[data-test="return-${book}"]`)
    await good.waitFor()
    assert.match(await good.locator('[data-test="return-tally"]').innerText(), /佐证材料 1 个/)
    assert.match(await good.locator('[data-test="return-changes"]').innerText(), /整改照片\.jpg/)
    await until(() => d.evaluate((el) => !el.getAnimations().length), 'the dialog to settle')
    await screenshot('evidence-06-return-preview')
    await d.locator('[data-test="returns-apply"]').click()
    assert.equal(await message(page, 'success'), '已导入 1 个文件')
    await d.locator('[data-test="returns-close"]').click()
    await d.waitFor({ state: 'hidden' })
    const row = rows(page, 'ledger-table').filter({ has: page.locator('[data-test="measures"]', { hasText: '已重新布置学习园地' }) })
    await row.locator('[data-test="evidence-thumb"]').waitFor()
    const list = JSON.parse(await cli('evidence', 'list', '--db', dbPath, '--json'))
    assert.ok(list.evidence.some((e) => e.file_name === '整改照片.jpg' && e.record_kind === 'finding'))
  },

  async 'the round’s evidence is exported to a folder per unit with an index workbook'({ page, queueDialog, screenshot }) {
    await nav(page, 'results')
    await page.locator('[data-test="results-round"]').waitFor()
    const out = path.join(dir, '导出')
    await queueDialog([out])
    await page.locator('[data-test="evidence-export"]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /已导出 \d+ 个单位的 \d+ 个文件/)
    await page.waitForTimeout(300)
    await screenshot('evidence-07-exported')
    await box.locator('.el-button:not(.el-button--primary)').click()
    const folder = path.join(out, '佐证材料_2024Q3')
    assert.ok(existsSync(path.join(folder, '佐证材料索引.xlsx')), 'the index workbook')
    assert.ok(readdirSync(folder).includes(unit), `a folder for ${unit}`)
    assert.ok(readdirSync(path.join(folder, unit)).some((f) => f.endsWith('现场照片-党员活动室.jpg')))
  },

  async 'deleting a temporary branch that carries evidence says so first'({ page, cli, dbPath, screenshot }) {
    await cli('evidence', 'add', '--db', dbPath, '--branch', '1', '--note', '成立大会', photo)
    const list = JSON.parse(await cli('evidence', 'list', '--db', dbPath, '--json'))
    const name = list.evidence.find((e) => e.record_kind === 'branch').record.replace(/^临时党支部 /, '')
    await nav(page, 'frontline')
    const row = rows(page, 'branches-table').filter({ hasText: name }).first()
    await row.locator('[data-test="delete-branch"]').click()
    const box = page.locator('.el-message-box')
    await box.waitFor()
    assert.match(await box.innerText(), /附有 1 个佐证材料/)
    await page.waitForTimeout(300)
    await screenshot('evidence-08-delete-warning')
    await box.locator('.el-button:not(.el-button--danger)').click()
    await box.waitFor({ state: 'hidden' })
  },
}
