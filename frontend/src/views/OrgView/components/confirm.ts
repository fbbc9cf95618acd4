import { ElMessage, ElMessageBox } from 'element-plus'
import { i18n } from '../../../locales'

/** confirmDelete asks before deleting, runs the deletion, and reports the outcome either way. */
export async function confirmDelete(name: string, run: () => Promise<void>) {
  const t = i18n.global.t
  try {
    await ElMessageBox.confirm(t('common.confirmDelete', { name }), t('common.confirmDeleteTitle'), {
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
