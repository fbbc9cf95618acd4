import { ref } from 'vue'
import { settingsApi } from '../api/settings'

/** The zoom steps offered, in per cent, as office programs step them. */
export const zoomSteps = [67, 75, 80, 90, 100, 110, 125, 150, 175, 200]

/** nextZoom is the step after (dir 1) or before (dir −1) the current zoom; dir 0 resets to 100. */
export function nextZoom(current: number, dir: -1 | 0 | 1): number {
  if (dir === 0) return 100
  if (dir > 0) return zoomSteps.find((z) => z > current) ?? zoomSteps[zoomSteps.length - 1]!
  return [...zoomSteps].reverse().find((z) => z < current) ?? zoomSteps[0]!
}

/** zoomKey tells which zoom step a key press asks for (Ctrl with +, =, −, 0), or null. */
export function zoomKey(e: Pick<KeyboardEvent, 'ctrlKey' | 'metaKey' | 'altKey' | 'key'>): -1 | 0 | 1 | null {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return null
  if (e.key === '+' || e.key === '=') return 1
  if (e.key === '-' || e.key === '_') return -1
  if (e.key === '0') return 0
  return null
}

const zoom = ref(100)

function apply(z: number) {
  zoom.value = z
  // CSS zoom scales the whole page, popups included, in Chromium (WebView2) and WebKit alike.
  document.documentElement.style.setProperty('zoom', z === 100 ? '' : String(z / 100))
}

/**
 * useZoom is the page zoom, kept in the database's settings so that the next start shows the
 * same size: load() once at start, step() on Ctrl + / Ctrl − / Ctrl 0.
 */
export function useZoom() {
  async function load() {
    const v = Number(await settingsApi.getPreference('zoom').catch(() => ''))
    if (v >= 50 && v <= 200) apply(v)
  }
  async function step(dir: -1 | 0 | 1) {
    apply(nextZoom(zoom.value, dir))
    await settingsApi.setPreference('zoom', String(zoom.value))
    return zoom.value
  }
  return { zoom, load, step }
}
