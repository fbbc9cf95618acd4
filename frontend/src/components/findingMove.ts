// One flow for a status move asked for in a table of findings (the results page's 问题记录 and the
// 整改台账 page): a step that records a date asks for it in the status dialog, a step back asks
// for a confirmation first, and Go decides whether the move is allowed.

import { ElMessage, ElMessageBox } from 'element-plus'
import { i18n } from '../locales'
import type { FindingMove, FindingView } from '../api/finding'
import type { StatusAction } from './findingStatus'

/**
 * moveFinding runs the move a of f: askDate opens the date dialog (which moves the finding
 * itself), setStatus moves it and reloads the list. Failures are shown, not thrown.
 */
export async function moveFinding(
  f: FindingView,
  a: StatusAction,
  setStatus: (id: number, m: FindingMove) => Promise<unknown>,
  askDate: (f: FindingView, a: StatusAction) => void,
) {
  const t = i18n.global.t
  if (a.needsDate) {
    askDate(f, a)
    return
  }
  let confirmed = false
  if (a.back) {
    const what = f.status === '已销号' ? t('finding.closedDate') : f.status === '已整改' ? t('finding.doneDate') : t('finding.move.progress')
    try {
      await ElMessageBox.confirm(t('finding.move.confirmBack', { from: f.status, to: a.to, what }), t('finding.move.confirmBackTitle'), {
        type: 'warning',
        confirmButtonText: t('finding.move.back'),
        cancelButtonText: t('common.cancel'),
      })
    } catch {
      return
    }
    confirmed = true
  }
  try {
    await setStatus(f.id, { to: a.to, date: '', confirmed })
    ElMessage.success(t('finding.move.moved', { status: a.to }))
  } catch (e) {
    ElMessage.error({ message: (e as Error).message, duration: 6000 })
  }
}
