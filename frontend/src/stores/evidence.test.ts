import { describe, expect, it } from 'vitest'
import { dataUrlToBlob, toBase64 } from './evidence'
import { humanSize, kindIcon } from '../components/evidenceFormat'

describe('evidence helpers', () => {
  it('turns dropped bytes into base64 and a data URL back into the same bytes', async () => {
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 7) % 256)
    const b64 = await toBase64(new Blob([bytes]))
    const blob = dataUrlToBlob(`data:application/pdf;base64,${b64}`)
    expect(blob.type).toBe('application/pdf')
    expect(new Uint8Array(await blob.arrayBuffer())).toEqual(bytes)
  })
  it('writes sizes as people read them', () => {
    expect(humanSize(900)).toBe('900 字节')
    expect(humanSize(850 * 1024)).toBe('850 KB')
    expect(humanSize(12.3 * 1024 * 1024)).toBe('12.3 MB')
  })
  it('names an icon for every kind, a document for an unknown one', () => {
    expect(kindIcon('image')).toBe('Picture')
    expect(kindIcon('other')).toBe('Document')
  })
})
