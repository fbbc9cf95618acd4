import { createI18n } from 'vue-i18n'
import zhCN from './zh-CN'
import en from './en'

export type Locale = 'zh-CN' | 'en'
const STORAGE_KEY = 'liankanping.locale'

function savedLocale(): Locale {
  const v = globalThis.localStorage?.getItem(STORAGE_KEY)
  return v === 'en' ? 'en' : 'zh-CN'
}

export const i18n = createI18n({
  legacy: false,
  locale: savedLocale(),
  fallbackLocale: 'zh-CN',
  messages: { 'zh-CN': zhCN, en },
})

/** setLocale switches the interface language and remembers the choice. */
export function setLocale(l: Locale) {
  i18n.global.locale.value = l
  globalThis.localStorage?.setItem(STORAGE_KEY, l)
  document.documentElement.lang = l
}
