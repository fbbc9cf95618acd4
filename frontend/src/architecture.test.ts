// Guards of the frontend's layering, read from the source files themselves: api/ → stores/ →
// components/ and views/, each view keeping its components to itself. A move that breaks a rule
// fails here, with the offending file and import, before anybody has to notice it in review.
import { readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'

const src = __dirname

/** sources lists every .ts and .vue file under src, as paths relative to src with / separators. */
function sources(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) return sources(p)
    return /\.(ts|vue)$/.test(e.name) ? [path.relative(src, p).split(path.sep).join('/')] : []
  })
}

const isTest = (f: string) => /\.test\.ts$/.test(f)

/** imports lists what a file imports from inside src, resolved to paths relative to src. */
function imports(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8')
  const out: string[] = []
  for (const m of text.matchAll(/(?:\bfrom\s+|\bimport\s*\(?\s*)['"]([^'"]+)['"]/g)) {
    const spec = m[1]!
    if (spec.startsWith('@/')) out.push(spec.slice(2))
    else if (spec.startsWith('.')) out.push(path.posix.normalize(path.posix.join(path.posix.dirname(file), spec)))
  }
  return out
}

const files = sources()
const code = files.filter((f) => !isTest(f))

describe('layering', () => {
  it('finds the sources it guards', () => {
    expect(code.length).toBeGreaterThan(100)
    expect(code).toContain('stores/scoring.ts')
  })

  it('no store imports a view or a component', () => {
    const bad = code
      .filter((f) => f.startsWith('stores/'))
      .flatMap((f) => imports(f).filter((i) => i.startsWith('views/') || i.startsWith('components/')).map((i) => `${f} → ${i}`))
    expect(bad).toEqual([])
  })

  it('only the router and the app shell import views; shared components import none', () => {
    const shells = new Set(['router.ts', 'App.vue'])
    const bad = code
      .filter((f) => !f.startsWith('views/') && !shells.has(f))
      .flatMap((f) => imports(f).filter((i) => i.startsWith('views/')).map((i) => `${f} → ${i}`))
    expect(bad).toEqual([])
  })

  it("no view imports another view's files", () => {
    const viewOf = (p: string) => p.split('/')[1]
    const bad = code
      .filter((f) => f.startsWith('views/'))
      .flatMap((f) => imports(f).filter((i) => i.startsWith('views/') && viewOf(i) !== viewOf(f)).map((i) => `${f} → ${i}`))
    expect(bad).toEqual([])
  })

  it('only api/ imports the generated wailsjs code', () => {
    const bad = code.filter((f) => !f.startsWith('api/')).flatMap((f) => imports(f).filter((i) => i.includes('wailsjs/')).map((i) => `${f} → ${i}`))
    expect(bad).toEqual([])
  })
})
