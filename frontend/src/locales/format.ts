// The one place where dates, times and sizes become text. Each follows the interface language:
// in Chinese as the office writes them (2024年6月15日, 2024-06-15 14:05), in English through
// Intl. Values sent back to Go are not formatted here but by isoDate, which never changes.
import { i18n } from '.'

const pad = (n: number) => String(n).padStart(2, '0')
const english = () => i18n.global.locale.value === 'en'

/** toDate reads a time from Go (an ISO string) or a Date; null for nothing or Go's zero time. */
function toDate(v: unknown): Date | null {
  if (!v) return null
  const d = v instanceof Date ? v : new Date(String(v))
  return Number.isNaN(d.getTime()) || d.getFullYear() < 1900 ? null : d
}

/** formatDate writes a day: 2024年6月15日, or 15 June 2024. */
export function formatDate(v: unknown): string {
  const d = toDate(v)
  if (!d) return ''
  if (english()) return new Intl.DateTimeFormat('en-GB', { dateStyle: 'long' }).format(d)
  return `${d.getFullYear()}年${d.getMonth() + 1}月${d.getDate()}日`
}

/** formatDateTime writes a moment to the minute: 2024-12-03 14:05, or 3 Dec 2024, 14:05. */
export function formatDateTime(v: unknown): string {
  const d = toDate(v)
  if (!d) return ''
  if (english()) return new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(d)
  return `${isoDate(d)} ${pad(d.getHours())}:${pad(d.getMinutes())}`
}

/** formatClock writes the time of day to the second, 14:05:09, the same in both languages. */
export function formatClock(v: unknown): string {
  const d = toDate(v)
  return d ? `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}` : ''
}

/** isoDate is the local day as Go expects it, 2024-06-15, whatever the language. */
export function isoDate(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`
}

/** formatBytes writes a file size as people read it: 12.3 MB, 850 KB, 300 字节 (300 bytes). */
export function formatBytes(n: number): string {
  if (n >= 1 << 20) return `${(n / (1 << 20)).toFixed(1)} MB`
  if (n >= 1 << 10) return `${Math.round(n / 1024)} KB`
  return i18n.global.t('common.bytes', { n })
}
