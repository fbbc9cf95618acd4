import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import zhLedger from '../../locales/zh-CN/ledger'
import enLedger from '../../locales/en/ledger'
import zhFinding from '../../locales/zh-CN/finding'

type Tree = { [k: string]: string | Tree }
const flat = (o: Tree, p = ''): string[] => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, `${p}${k}.`) : [`${p}${k}`]))

const zh = new Set(flat(zhLedger, 'ledger.'))
const en = new Set(flat(enLedger, 'ledger.'))
const finding = new Set(flat(zhFinding, 'finding.'))

describe('ledger messages', () => {
  it('exist in both languages', () => {
    expect([...zh].filter((k) => !en.has(k))).toEqual([])
    expect([...en].filter((k) => !zh.has(k))).toEqual([])
  })

  it('cover every literal key the 整改台账 page uses', () => {
    const files = [path.join(__dirname, 'index.vue'), ...readdirSync(path.join(__dirname, 'components')).map((f) => path.join(__dirname, 'components', f))]
    const used = new Set<string>()
    for (const f of files) {
      for (const m of readFileSync(f, 'utf8').matchAll(/\bt\('((?:ledger|finding)\.[\w.]+)'/g)) used.add(m[1]!)
    }
    expect(used.size).toBeGreaterThan(50)
    // A key ending in a dot is a prefix completed at run time (ledger.returns.status. + preview).
    expect([...used].filter((k) => !k.endsWith('.') && !zh.has(k) && !finding.has(k))).toEqual([])
  })
})
