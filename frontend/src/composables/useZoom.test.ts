import { describe, expect, it } from 'vitest'
import { nextZoom, zoomKey } from './useZoom'

describe('zoom steps', () => {
  it('steps up and down through the office steps and stops at the ends', () => {
    expect(nextZoom(100, 1)).toBe(110)
    expect(nextZoom(100, -1)).toBe(90)
    expect(nextZoom(105, -1)).toBe(100)
    expect(nextZoom(200, 1)).toBe(200)
    expect(nextZoom(67, -1)).toBe(67)
    expect(nextZoom(150, 0)).toBe(100)
  })
  it('reads Ctrl with plus, equals, minus and zero, and nothing else', () => {
    const k = (key: string, ctrlKey = true, altKey = false) => zoomKey({ key, ctrlKey, altKey, metaKey: false })
    expect(k('=')).toBe(1)
    expect(k('+')).toBe(1)
    expect(k('-')).toBe(-1)
    expect(k('0')).toBe(0)
    expect(k('0', false)).toBeNull()
    expect(k('=', true, true)).toBeNull()
    expect(k('z')).toBeNull()
  })
})
