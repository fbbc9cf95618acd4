import { ElMessage, ElMessageBox } from 'element-plus'
import { i18n } from '../locales'

/**
 * confirmDelete asks before deleting, runs the deletion, and reports the outcome either way;
 * extra is a second line of warning (the evidence files that go with the record).
 */
export async function confirmDelete(name: string, run: () => Promise<void>, extra = '') {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(t('common.confirmDelete', { name }) + (extra ? `\n${extra}` : ''), t('common.confirmDeleteTitle'), {
      customStyle: { whiteSpace: 'pre-line' },
      type: 'warning',
      confirmButtonText: t('common.delete'),
      cancelButtonText: t('common.cancel'),
      confirmButtonClass: 'el-button--danger',
    })
  } catch {
    return
  }
  try {
    await run()
    ElMessage.success(t('common.deleted'))
  } catch (e) {
    ElMessage.error({ message: (e as Error).message, duration: 6000 })
  }
}
