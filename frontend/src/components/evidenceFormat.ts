/** humanSize writes a file size as people read it: 850 KB, 12.3 MB. */
export function humanSize(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`
  if (n >= 1 << 10) return `${Math.round(n / 1024)} KB`
  return `${n} 字节`
}

/** kindIcon names the Element Plus icon of a file kind. */
export function kindIcon(kind: string): string {
  return { image: 'Picture', pdf: 'Document', word: 'Document', excel: 'Grid', text: 'Tickets' }[kind] ?? 'Document'
}
