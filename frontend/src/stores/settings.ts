import { defineStore } from 'pinia'
import { ref } from 'vue'
import { settingsApi, type AuditFilter, type AuditPage, type BackupInfo } from '../api/settings'

/** The operator's name, the backups and the audit log, as the settings page shows them. */
export const useSettingsStore = defineStore('settings', () => {
  const operator = ref('')
  const backups = ref<BackupInfo[]>([])
  const audit = ref<AuditPage>({ entries: [], total: 0 } as unknown as AuditPage)
  const loading = ref(false)

  async function load() {
    loading.value = true
    try {
      const [op, list] = await Promise.all([settingsApi.getOperator(), settingsApi.listBackups()])
      operator.value = op
      backups.value = list ?? []
    } finally {
      loading.value = false
    }
  }

  async function saveOperator(name: string) {
    await settingsApi.setOperator(name)
    operator.value = name.trim()
  }

  async function makeBackup() {
    const b = await settingsApi.makeBackup()
    backups.value = (await settingsApi.listBackups()) ?? []
    return b
  }

  async function restore(path: string) {
    await settingsApi.restoreBackup(path)
    backups.value = (await settingsApi.listBackups()) ?? []
  }

  async function loadAudit(f: Partial<AuditFilter>) {
    audit.value = await settingsApi.listAudit(f)
  }

  return {
    operator, backups, audit, loading, load, saveOperator, makeBackup, restore, loadAudit,
    verifyAudit: settingsApi.verifyAudit, exportAudit: settingsApi.exportAudit,
    openBackupFolder: settingsApi.openBackupFolder, openDataFolder: settingsApi.openDataFolder,
  }
})
