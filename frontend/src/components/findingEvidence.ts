import { onMounted, ref, watch } from 'vue'
import { ElMessage } from 'element-plus'
import { i18n } from '../locales'
import { useEvidenceStore } from '../stores/evidence'
import type { EvidenceItem, EvidenceTarget } from '../api/evidence'
import { confirmDelete } from './confirm'

/**
 * useFindingEvidence loads the evidence of every finding at once, for a table that shows each
 * row's thumbnails (one call, not one per row), and again after any attach or removal, and
 * whenever rows (the table's findings) change: a return imported or undone brings or takes
 * files with it.
 */
export function useFindingEvidence(rows?: () => unknown) {
  const store = useEvidenceStore()
  const byFinding = ref<Record<number, EvidenceItem[]>>({})
  async function load() {
    try {
      const map: Record<number, EvidenceItem[]> = {}
      for (const it of await store.list({})) if (it.findingId) (map[it.findingId] ??= []).push(it)
      byFinding.value = map
    } catch (e) {
      ElMessage.error({ message: (e as Error).message, duration: 6000 })
    }
  }
  onMounted(load)
  watch(() => store.changes, load)
  if (rows) watch(rows, load)
  /** warning is the line the deletion of a finding adds when it carries evidence, '' otherwise. */
  function warning(id: number) {
    const n = byFinding.value[id]?.length ?? 0
    return n ? i18n.global.t('evidence.deleteWarn', { n }) : ''
  }
  return { of: (id: number) => byFinding.value[id] ?? [], load, warning }
}

/**
 * confirmDeleteWithEvidence asks before deleting a record (a practical matter, a brand, a
 * branch), saying how many evidence files go with it.
 */
export async function confirmDeleteWithEvidence(name: string, target: Partial<EvidenceTarget>, run: () => Promise<void>) {
  let n = 0
  try {
    n = await useEvidenceStore().count(target)
  } catch {
    // The count only adds a warning; the deletion is still asked for.
  }
  return confirmDelete(name, run, n ? i18n.global.t('evidence.deleteWarn', { n }) : '')
}
