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

/**
 * Files still allowed Chinese text outside locales/, each for a reason. Stored values the window
 * compares (statuses, kinds, grades, org types) move to codes with locale labels in issue 12's
 * item 5; the rest are data or typography, not interface text.
 */
const chineseAllowed: Record<string, string> = {
  'api/finding.ts': 'finding statuses are stored in Chinese until they become codes',
  'components/FindingDialog.vue': 'finding statuses are stored in Chinese until they become codes',
  'components/FindingStatusDialog.vue': 'finding statuses are stored in Chinese until they become codes',
  'components/findingMove.ts': 'finding statuses are stored in Chinese until they become codes',
  'components/findingStatus.ts': 'finding statuses are stored in Chinese until they become codes',
  'stores/finding.ts': 'finding statuses are stored in Chinese until they become codes',
  'views/FindingsView/index.vue': 'CSS classes named after the stored finding statuses',
  'views/FrontlineView/components/BranchesTab.vue': 'branch kinds are stored in Chinese until they become codes',
  'views/FrontlineView/components/BrandsTab.vue': 'brand kinds and levels are stored in Chinese until they become codes',
  'views/FrontlineView/components/MattersTab.vue': 'matter sources and statuses are stored in Chinese until they become codes',
  'views/HomeView/components/charts.ts': 'colours keyed by stored grades and statuses; tooltip units',
  'views/ResultsView/components/RankingTab.vue': 'grades are stored in Chinese until they become codes',
  'views/ResultsView/components/charts.ts': 'colours keyed by the stored grades',
  'views/OrgView/components/UnitsTab.vue': 'the party organisation types a unit is stored with (党组, 党委 …)',
  'components/NoticePreview.vue': 'Chinese font names in CSS (仿宋, 黑体) for the 公文 preview',
  'views/SettingsView/index.vue': 'the language picker names 简体中文 in Chinese, and the logo',
  'stores/scoreValue.ts': 'the pre-check reads what raters type (分, 优秀 …) until one shared parser replaces it (item 3)',
  'views/ScoringView/components/CellPopup.vue': 'reads and shows the points suffix 分 as raters type it, with scoreValue.ts',
  'views/ScoringView/useGridWindow.ts': 'Chinese ordinal numerals of the dimension headings (一、二、)',
  'stores/importChoices.ts': 'matches Go’s rendering of an empty cell (（空）) in conflicts',
  'stores/scheme.ts': 'default names of a new indicator, stored as typed data',
  'views/SchemeView/components/IndicatorForm.vue': 'level names and grade presets written into the scheme as data',
  'views/SchemeView/components/helpers.ts': 'points suffix 分 in scheme summaries',
  'views/SettingsView/components/audit.ts': 'column names of audit records (to move to the locale files)',
}

/** chineseLines lists the lines of a file's code (comments removed) that hold Chinese characters. */
function chineseLines(file: string): string[] {
  const text = readFileSync(path.join(src, file), 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/(^|\s)\/\/.*$/gm, '$1')
  return text.split('\n').filter((l) => /[\u3400-\u4dbf\u4e00-\u9fff]/.test(l))
}

describe('interface text', () => {
  const outside = code.filter((f) => !f.startsWith('locales/'))

  it('no Chinese string outside locales/, but for the listed exceptions', () => {
    const bad = outside.filter((f) => !(f in chineseAllowed)).flatMap((f) => chineseLines(f).map((l) => `${f}: ${l.trim()}`))
    expect(bad).toEqual([])
  })

  it('lists no exception that has become clean (take it off the list)', () => {
    expect(Object.keys(chineseAllowed).filter((f) => !outside.includes(f) || chineseLines(f).length === 0)).toEqual([])
  })
})
