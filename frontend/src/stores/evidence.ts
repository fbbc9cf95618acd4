import { defineStore } from 'pinia'
import { ref } from 'vue'
import { evidenceApi, type DroppedFile, type EvidenceFilter, type EvidenceItem, type EvidenceTarget } from '../api/evidence'

/** toBase64 reads a dropped file's bytes as base64 for the bridge to Go. */
export async function toBase64(f: Blob): Promise<string> {
  const bytes = new Uint8Array(await f.arrayBuffer())
  let s = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) s += String.fromCharCode(...bytes.subarray(i, i + chunk))
  return btoa(s)
}

/** dataUrlToBlob turns a data URL into a Blob, so that a PDF opens in an iframe through a blob URL. */
export function dataUrlToBlob(url: string): Blob {
  const [head = '', body = ''] = url.split(',', 2)
  const mime = head.replace(/^data:/, '').replace(/;base64$/, '')
  const bin = atob(body)
  const bytes = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i)
  return new Blob([bytes], { type: mime })
}

/**
 * The evidence files (佐证材料) of records. Several panels show different records at once, so
 * each keeps its own list; the store holds what they share: the thumbnails already fetched and
 * a change counter that tells every panel to reload after an attach or a removal elsewhere.
 */
export const useEvidenceStore = defineStore('evidence', () => {
  const thumbs = ref<Record<number, string>>({})
  const changes = ref(0)

  async function list(f: Partial<EvidenceFilter>): Promise<EvidenceItem[]> {
    const items = (await evidenceApi.list(f)) ?? []
    const missing = items.filter((i) => i.hasThumb && !(i.id in thumbs.value)).map((i) => i.id)
    if (missing.length) Object.assign(thumbs.value, (await evidenceApi.thumbnails(missing)) ?? {})
    return items
  }

  const changed = () => changes.value++

  /** pick asks for files and attaches them; null when cancelled. */
  async function pick(t: Partial<EvidenceTarget>, note = '') {
    const rep = await evidenceApi.pickAndAttach(t, note)
    if (rep) changed()
    return rep
  }

  /** drop attaches files dropped on a panel. */
  async function drop(t: Partial<EvidenceTarget>, files: File[], note = '') {
    const dropped: DroppedFile[] = []
    for (const f of files) dropped.push({ name: f.name, data: await toBase64(f) })
    const rep = await evidenceApi.attachDropped(t, dropped, note)
    changed()
    return rep
  }

  async function remove(id: number) {
    await evidenceApi.remove(id)
    changed()
  }

  async function setNote(id: number, note: string) {
    await evidenceApi.setNote(id, note)
    changed()
  }

  /** setIndicator ties an observation's file to one indicator of the round (0: to none). */
  async function setIndicator(id: number, indicatorId: number) {
    await evidenceApi.setIndicator(id, indicatorId)
    changed()
  }

  return {
    thumbs,
    changes,
    list,
    pick,
    drop,
    remove,
    setNote,
    setIndicator,
    content: evidenceApi.content,
    saveAs: evidenceApi.saveAs,
    openFolder: evidenceApi.openFolder,
    count: evidenceApi.count,
    exportRound: evidenceApi.exportRound,
    maxMB: evidenceApi.maxMB,
    setMaxMB: evidenceApi.setMaxMB,
  }
})
