import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import zhResults from '../../../locales/zh-CN/results'
import enResults from '../../../locales/en/results'
import zhFinding from '../../../locales/zh-CN/finding'
import enFinding from '../../../locales/en/finding'

type Tree = { [k: string]: string | string[] | Tree }
const flat = (o: Tree, p = ''): string[] =>
  Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && !Array.isArray(v) ? flat(v, `${p}${k}.`) : [`${p}${k}`]))

const zh = new Set([...flat(zhResults, 'results.'), ...flat(zhFinding, 'finding.')])
const en = new Set([...flat(enResults, 'results.'), ...flat(enFinding, 'finding.')])

describe('results and finding messages', () => {
  it('exist in both languages', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !zh.has(k))).toEqual([])
  })

  it('cover every literal key the results page uses', () => {
    const dir = path.resolve(__dirname, '..')
    const files = [path.join(dir, 'index.vue'), ...readdirSync(__dirname).filter((f) => /\.(vue|ts)$/.test(f) && !f.endsWith('.test.ts')).map((f) => path.join(__dirname, f))]
    const used = new Set<string>()
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('((?:results|finding)\.[\w.]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(40)
    // A key ending in a dot is a prefix completed at run time (finding.move. + start).
    expect([...used].filter((k) => !k.endsWith('.') && !zh.has(k))).toEqual([])
  })
})
