import { reactive, ref, type Reactive } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { i18n } from '../locales'

/**
 * useEditDialog is the state of an add/edit dialog: open it with a form's starting values,
 * submit validates, saves through the given function, reports the outcome and closes on success.
 */
export function useEditDialog<T extends object>(blank: () => T, save: (form: Reactive<T>) => Promise<unknown>) {
  const visible = ref(false)
  const saving = ref(false)
  const formRef = ref<FormInstance>()
  const form = reactive(blank())

  function open(values?: T) {
    Object.assign(form, values ?? blank())
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

  return { visible, saving, formRef, form, open, submit }
}
