// A rater corrects a returned workbook and returns it again: the preview lists each changed cell
// with its sheet!cell, unit, indicator and old → new value before anything is written.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import { readdir } from 'node:fs/promises'
import path from 'node:path'
import { promisify } from 'node:util'
import { nav, until } from './lib.mjs'

export const demo = true

const run = promisify(execFile)
const python = process.env.LKP_PYTHON || '/usr/bin/python3'

// set writes values into the 得分 column (G) of the first two unit sheets (found by the LKP1
// marker in I1): every scored indicator (dimensions 1–3) gets `value`, a grade 好, a bonus or a
// deduction 0; with `only45`, only rows 4 and 5 (1.1 and 1.2) of the first sheet.
const set = `
import sys, openpyxl
path, value, only45 = sys.argv[1], sys.argv[2], sys.argv[3] == '1'
wb = openpyxl.load_workbook(path)
done = 0
for ws in wb.worksheets:
    marker = ws['I1'].value
    if not (isinstance(marker, str) and marker.startswith('LKP1')):
        continue
    for r in range(4, ws.max_row + 1):
        code, method = ws.cell(r, 1).value, ws.cell(r, 6).value or ''
        if not code or code == '合计' or (only45 and r not in (4, 5)):
            continue
        if method.startswith('等次项'):
            ws.cell(r, 7).value = '好'
        elif str(code)[0] in '123':
            ws.cell(r, 7).value = float(value)
        else:
            ws.cell(r, 7).value = 0
    done += 1
    if done == 2 or only45:
        break
wb.save(path)
print(wb.worksheets[[i for i, w in enumerate(wb.worksheets) if isinstance(w['I1'].value, str) and w['I1'].value.startswith('LKP1')][0]].title)
`

let file = ''
let sheet = ''

export default {
  async 'a first return is imported'({ cli, dbPath, dir }) {
    const out = path.join(dir, 'out')
    await cli('export', 'raters', '--db', dbPath, '--round', '2024Q4', '--out', out)
    const names = (await readdir(out)).filter((f) => f.endsWith('.xlsx')).sort()
    file = path.join(out, names[1])
    sheet = (await run(python, ['-c', set, file, '5', '0'])).stdout.trim()
    const rep = JSON.parse(await cli('import', '--db', dbPath, '--json', file))
    const f = rep.files?.[0] ?? rep[0]
    assert.equal(f.status, 'applied', JSON.stringify(f).slice(0, 400))
  },

  async 'the corrected return previews each changed cell, old → new'({ page, queueDialog, screenshot }) {
    await page.setViewportSize({ width: 1366, height: 768 })
    await run(python, ['-c', set, file, '4', '1'])
    await nav(page, 'workbooks')
    await page.locator('#tab-import').click()
    await queueDialog([file])
    await page.locator('[data-test="pick-files"]').click()
    const changes = page.locator('[data-test="file-changes"]')
    await changes.waitFor()
    const rows = await changes.locator('.el-table__body tbody tr').allInnerTexts()
    assert.equal(rows.length, 2, rows.join('\n'))
    assert.match(rows[0], new RegExp(`${sheet}!G4[\\s\\S]*1\\.1[\\s\\S]*5\\s*→\\s*4`))
    assert.match(rows[1], new RegExp(`${sheet}!G5[\\s\\S]*1\\.2[\\s\\S]*5\\s*→\\s*4`))
    assert.match(await page.locator(`[data-test="details-${path.basename(file)}"]`).innerText(), /将修改 2 个单元格/)
    await screenshot('rereturn-01-preview-cells')
  },
}
