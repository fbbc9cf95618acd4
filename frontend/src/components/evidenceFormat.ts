import { formatBytes } from '../locales/format'

/** humanSize writes a file size as people read it: 850 KB, 12.3 MB (the one formatter's). */
export const humanSize = formatBytes

/** kindIcon names the Element Plus icon of a file kind. */
export function kindIcon(kind: string): string {
  return { image: 'Picture', pdf: 'Document', word: 'Document', excel: 'Grid', text: 'Tickets' }[kind] ?? 'Document'
}
