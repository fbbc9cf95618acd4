import { afterEach, describe, expect, it } from 'vitest'
import { i18n } from '.'
import { formatBytes, formatClock, formatDate, formatDateTime, isoDate } from './format'

const at = new Date(2024, 11, 3, 9, 5, 7)

describe('the one formatter', () => {
  afterEach(() => {
    i18n.global.locale.value = 'zh-CN'
  })

  it('writes dates and times as the office does in Chinese', () => {
    expect(formatDate(at.toISOString())).toBe('2024年12月3日')
    expect(formatDateTime(at.toISOString())).toBe('2024-12-03 09:05')
    expect(formatClock(at)).toBe('09:05:07')
    expect(formatBytes(300)).toBe('300 字节')
  })

  it('follows the language', () => {
    i18n.global.locale.value = 'en'
    expect(formatDate(at)).toBe('3 December 2024')
    expect(formatDateTime(at)).toMatch(/^3 Dec 2024, 09:05$/)
    expect(formatBytes(300)).toBe('300 bytes')
  })

  it('leaves nothing, garbage and Go’s zero time empty, and sends Go its own form', () => {
    for (const v of [undefined, '', 'not a date', '0001-01-01T00:00:00Z']) expect(formatDateTime(v)).toBe('')
    expect(isoDate(at)).toBe('2024-12-03')
    expect(formatBytes(1536)).toBe('2 KB')
    expect(formatBytes(5 << 20)).toBe('5.0 MB')
  })
})
