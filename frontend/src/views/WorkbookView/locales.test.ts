import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import zhWorkbook from '../../locales/zh-CN/workbook'
import enWorkbook from '../../locales/en/workbook'

type Tree = { [k: string]: string | Tree }
const flat = (o: Tree, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]))
const zh = new Set(flat(zhWorkbook, 'workbook.'))
const en = new Set(flat(enWorkbook, 'workbook.'))

describe('workbook messages', () => {
  it('exist in both languages', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !zh.has(k))).toEqual([])
  })

  it('cover every literal key the page and the history drawer use', () => {
    const comp = path.join(__dirname, 'components')
    const files = [
      path.join(__dirname, 'index.vue'),
      path.resolve(__dirname, '../../components/ScoreHistory.vue'),
      ...readdirSync(comp).map((f) => path.join(comp, f)),
    ]
    const used = new Set<string>()
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/'(workbook\.[\w.]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(80)
    // A key ending in a dot is a prefix completed at run time (workbook.roundStatus. + status).
    expect([...used].filter((k) => !k.endsWith('.') && !zh.has(k))).toEqual([])
  })
})
