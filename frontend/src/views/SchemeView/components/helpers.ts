import { ElMessage, ElMessageBox } from 'element-plus'
import type { Kind, Subtotal } from '../../../api/scheme'
import { i18n } from '../../../locales'
import { formatPoints, useSchemeStore } from '../../../stores/scheme'

/** Tag colours of the kinds: score neutral, deduct red, bonus green, grade blue-violet. */
export const kindTag: Record<string, 'primary' | 'success' | 'warning' | 'info' | 'danger'> = {
  score: 'primary',
  deduct: 'danger',
  bonus: 'success',
  grade: 'warning',
}

/** pointsLabel is the short points text of a tree row: “10分”, “+5”, “−10”, or a group's sums. */
export function pointsLabel(kind: Kind, maxCenti: number, sub: Subtotal, isGroup: boolean): string {
  if (isGroup) {
    const parts: string[] = []
    if (sub.scoreCenti) parts.push(`${formatPoints(sub.scoreCenti)}分`)
    if (sub.bonusCenti) parts.push(`+${formatPoints(sub.bonusCenti)}`)
    if (sub.deductCenti) parts.push(`−${formatPoints(sub.deductCenti)}`)
    return parts.join(' ')
  }
  switch (kind) {
    case 'bonus':
      return `+${formatPoints(maxCenti)}`
    case 'deduct':
      return `−${formatPoints(maxCenti)}`
    case '':
      return ''
  }
  return `${formatPoints(maxCenti)}分`
}

/** fail shows an error from Go long enough to read it. */
export function fail(e: unknown) {
  ElMessage.error({ message: (e as Error).message, duration: 8000, showClose: true })
}

/** exportScheme asks where to save a version and says where it went. */
export async function exportScheme(id: number) {
  const t = i18n.global.t
  try {
    const path = await useSchemeStore().exportScheme(id)
    if (path) ElMessage.success({ message: t('scheme.exported', { path }), duration: 5000 })
  } catch (e) {
    fail(e)
  }
}

/** newVersionOf asks, then copies a version into a new draft; it returns the draft's id, or 0. */
export async function newVersionOf(s: { id: number; name: string; version: number }): Promise<number> {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(t('scheme.newVersionConfirm', { name: s.name, v: s.version }), t('scheme.newVersion'), {
      confirmButtonText: t('scheme.newVersion'),
      cancelButtonText: t('common.cancel'),
    })
  } catch {
    return 0
  }
  try {
    const created = await useSchemeStore().newVersion(s.id)
    ElMessage.success(t('scheme.newVersionDone', { v: created.version }))
    return created.id
  } catch (e) {
    fail(e)
    return 0
  }
}
