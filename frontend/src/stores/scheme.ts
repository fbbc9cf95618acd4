import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import {
  schemeApi,
  type Indicator,
  type IndicatorFields,
  type Kind,
  type SchemeDetail,
  type SchemeFields,
  type SchemeImportPreview,
  type SchemeSummary,
} from '../api/scheme'

/** One node of the indicator tree as the editor shows it. */
export interface TreeNode {
  id: number
  code: string
  name: string
  kind: Kind
  level: number
  ind: Indicator
  children: TreeNode[]
}

/**
 * buildTree nests indicators by their codes ("1.2" is a child of "1"), which works for stored
 * schemes and for an import preview whose indicators have no ids yet. The Go services keep the
 * codes; this only arranges them.
 */
export function buildTree(list: Indicator[]): TreeNode[] {
  const roots: TreeNode[] = []
  const byCode = new Map<string, TreeNode>()
  for (const ind of list) {
    const node: TreeNode = { id: ind.id, code: ind.code, name: ind.name, kind: ind.kind as Kind, level: ind.level, ind, children: [] }
    byCode.set(ind.code, node)
    const cut = ind.code.lastIndexOf('.')
    const parent = cut > 0 ? byCode.get(ind.code.slice(0, cut)) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}

/** visibleNodes lists the nodes a person sees, top to bottom, with collapsed ones' children hidden. */
export function visibleNodes(tree: TreeNode[], collapsed: ReadonlySet<number>): TreeNode[] {
  const out: TreeNode[] = []
  const walk = (nodes: TreeNode[]) => {
    for (const n of nodes) {
      out.push(n)
      if (!collapsed.has(n.id)) walk(n.children)
    }
  }
  walk(tree)
  return out
}

/** findNode finds a node and its siblings list. */
export function findNode(tree: TreeNode[], id: number): { node: TreeNode; siblings: TreeNode[]; parent: TreeNode | null } | null {
  const search = (nodes: TreeNode[], parent: TreeNode | null): ReturnType<typeof findNode> => {
    for (const n of nodes) {
      if (n.id === id) return { node: n, siblings: nodes, parent }
      const found = search(n.children, n)
      if (found) return found
    }
    return null
  }
  return search(tree, null)
}

/** formatPoints writes centi-points as people read them: 550 → "5.5". */
export function formatPoints(centi: number): string {
  return String(Math.round(centi) / 100)
}

/** toCenti turns points typed in a number box into centi-points. */
export function toCenti(points: number | null | undefined): number {
  return Math.round((points ?? 0) * 100)
}

/** uniqueName returns base, or base followed by a number, so that no sibling has it. */
export function uniqueName(base: string, taken: string[]): string {
  if (!taken.includes(base)) return base
  for (let i = 2; ; i++) if (!taken.includes(base + i)) return base + i
}

/** The schemes as the window shows them: the list, and the one being edited with its tree. */
export const useSchemeStore = defineStore('scheme', () => {
  const list = ref<SchemeSummary[]>([])
  const detail = ref<SchemeDetail | null>(null)
  const selectedId = ref<number | null>(null)
  const loading = ref(false)
  const busy = ref(false)
  const preview = ref<SchemeImportPreview | null>(null)

  const tree = computed(() => buildTree(detail.value?.indicators ?? []))
  const selected = computed(() => detail.value?.indicators.find((i) => i.id === selectedId.value) ?? null)
  const editable = computed(() => detail.value?.scheme.status === 'draft')
  /** Every version of the open scheme's name, newest first. */
  const versions = computed(() => list.value.filter((s) => s.name === detail.value?.scheme.name).sort((a, b) => b.version - a.version))

  async function loadList() {
    loading.value = true
    try {
      list.value = (await schemeApi.list()) ?? []
    } finally {
      loading.value = false
    }
  }

  /** open loads a scheme; the selection stays on the same indicator when it still exists. */
  async function open(id: number) {
    loading.value = true
    try {
      const d = await schemeApi.get(id)
      d.indicators = d.indicators ?? []
      d.issues = d.issues ?? []
      if (detail.value?.scheme.id !== id) selectedId.value = null
      detail.value = d
      if (!d.indicators.some((i) => i.id === selectedId.value)) selectedId.value = d.indicators[0]?.id ?? null
    } finally {
      loading.value = false
    }
  }

  function close() {
    detail.value = null
    selectedId.value = null
  }

  async function reload() {
    const id = detail.value?.scheme.id
    await Promise.all([loadList(), id ? open(id) : Promise.resolve()])
  }

  function currentId(): number {
    const id = detail.value?.scheme.id
    if (!id) throw new Error('no scheme open')
    return id
  }

  async function run<T>(fn: () => Promise<T>): Promise<T> {
    busy.value = true
    try {
      return await fn()
    } finally {
      busy.value = false
    }
  }

  const create = (s: SchemeFields) =>
    run(async () => {
      const sc = await schemeApi.create(s)
      await loadList()
      return sc
    })

  const update = (s: SchemeFields) =>
    run(async () => {
      await schemeApi.update({ ...s, id: currentId() })
      await reload()
    })

  const remove = (id: number) =>
    run(async () => {
      await schemeApi.remove(id)
      if (detail.value?.scheme.id === id) close()
      await loadList()
    })

  const publish = () =>
    run(async () => {
      await schemeApi.publish(currentId())
      await reload()
    })

  const newVersion = (from: number) =>
    run(async () => {
      const sc = await schemeApi.newVersion(from)
      await loadList()
      return sc
    })

  /**
   * addIndicator adds a dimension (parentId 0) or a child with a name no sibling has, and
   * selects it so the user can name it at once. A new child is a 5-point score indicator.
   */
  const addIndicator = (parentId: number) =>
    run(async () => {
      const siblings = parentId ? (findNode(tree.value, parentId)?.node.children ?? []) : tree.value
      const fields: IndicatorFields = parentId
        ? { name: uniqueName('新指标', siblings.map((s) => s.name)), points: '', method: '', kind: 'score', maxCenti: 500, stepCenti: 50, options: [] }
        : { name: uniqueName('新一级指标', siblings.map((s) => s.name)), points: '', method: '', kind: '', maxCenti: 0, stepCenti: 50, options: [] }
      const ind = await schemeApi.addIndicator(currentId(), parentId, fields)
      selectedId.value = ind.id
      await reload()
      return ind
    })

  const saveIndicator = (ind: IndicatorFields) =>
    run(async () => {
      const saved = await schemeApi.updateIndicator(ind)
      await reload()
      return saved
    })

  /** deleteIndicator deletes and selects what stood next to it. */
  const deleteIndicator = (id: number) =>
    run(async () => {
      const order = visibleNodes(tree.value, new Set())
      const found = findNode(tree.value, id)
      const i = order.findIndex((n) => n.id === id)
      const inside = new Set<number>()
      const mark = (n: TreeNode) => {
        inside.add(n.id)
        n.children.forEach(mark)
      }
      if (found) mark(found.node)
      const next = order.slice(i + 1).find((n) => !inside.has(n.id)) ?? order.slice(0, i).reverse()[0]
      await schemeApi.deleteIndicator(id)
      selectedId.value = next?.id ?? null
      await reload()
    })

  const shift = (id: number, delta: number) =>
    run(async () => {
      await schemeApi.shiftIndicator(id, delta)
      await reload()
    })

  const move = (id: number, parentId: number, index: number) =>
    run(async () => {
      await schemeApi.moveIndicator(id, parentId, index)
      await reload()
    })

  const diff = (a: number, b: number) => run(() => schemeApi.diff(a, b))

  /** pickImport asks for a workbook and previews it; false when the user cancelled. */
  const pickImport = () =>
    run(async () => {
      const path = await schemeApi.pickImportFile()
      if (!path) return false
      preview.value = await schemeApi.previewImport(path)
      return true
    })

  const importPreviewed = () =>
    run(async () => {
      if (!preview.value) throw new Error('nothing previewed')
      const res = await schemeApi.importFile(preview.value.path)
      preview.value = null
      await loadList()
      return res
    })

  const exportScheme = (id: number) => run(() => schemeApi.exportFile(id))

  return {
    list, detail, selectedId, loading, busy, preview, tree, selected, editable, versions,
    loadList, open, close, reload, create, update, remove, publish, newVersion,
    addIndicator, saveIndicator, deleteIndicator, shift, move, diff, pickImport, importPreviewed, exportScheme,
  }
})
