import { reactive, ref, type Reactive } from 'vue'
import { ElMessage, ElMessageBox, type FormInstance } from 'element-plus'
import { i18n } from '../locales'

/**
 * guardDirty makes a dialog's before-close: a close by the ×, Escape or a click beside the dialog
 * asks before it throws away what was typed (snapshot() taken when the dialog opened differs from
 * now()). Saving closes through v-model and is not asked about.
 */
export function guardDirty(now: () => unknown) {
  let snapshot = ''
  return {
    mark() {
      snapshot = JSON.stringify(now())
    },
    beforeClose(done: () => void) {
      if (JSON.stringify(now()) === snapshot) return done()
      const t = i18n.global.t
      ElMessageBox.confirm(t('window.dirty.text'), t('window.dirty.title'), {
        type: 'warning',
        confirmButtonText: t('window.dirty.discard'),
        cancelButtonText: t('window.dirty.keep'),
        distinguishCancelAndClose: true,
      }).then(() => done(), () => {})
    },
  }
}

/**
 * useEditDialog is the state of an add/edit dialog: open it with a form's starting values,
 * submit validates, saves through the given function, reports the outcome and closes on success;
 * beforeClose (bind it as the dialog's before-close) keeps unsaved edits from a close by mistake.
 */
export function useEditDialog<T extends object>(blank: () => T, save: (form: Reactive<T>) => Promise<unknown>) {
  const visible = ref(false)
  const saving = ref(false)
  const formRef = ref<FormInstance>()
  const form = reactive(blank())
  const guard = guardDirty(() => form)

  function open(values?: T) {
    Object.assign(form, values ?? blank())
    guard.mark()
    visible.value = true
    formRef.value?.clearValidate()
  }

  async function submit() {
    if (!(await formRef.value?.validate().catch(() => false))) return
    saving.value = true
    try {
      await save(form)
      ElMessage.success(i18n.global.t('common.saved'))
      visible.value = false
    } catch (e) {
      ElMessage.error({ message: (e as Error).message, duration: 6000 })
    } finally {
      saving.value = false
    }
  }

  return { visible, saving, formRef, form, open, submit, beforeClose: guard.beforeClose }
}
