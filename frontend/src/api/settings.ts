import * as SettingsAPI from '../../wailsjs/go/app/SettingsAPI'
import { audit } from '../../wailsjs/go/models'
import { call } from './core'

export type BackupInfo = Awaited<ReturnType<typeof SettingsAPI.ListBackups>>[number]
export type AuditEntry = audit.Entry
export type AuditFilter = audit.Filter
export type AuditPage = audit.Page
export type AuditVerification = audit.Verification

export const settingsApi = {
  getOperator: () => call(SettingsAPI.GetOperator()),
  setOperator: (name: string) => call(SettingsAPI.SetOperator(name)),
  listBackups: () => call(SettingsAPI.ListBackups()),
  makeBackup: () => call(SettingsAPI.MakeBackup()),
  restoreBackup: (path: string) => call(SettingsAPI.RestoreBackup(path)),
  openBackupFolder: () => call(SettingsAPI.OpenBackupFolder()),
  openDataFolder: () => call(SettingsAPI.OpenDataFolder()),
  listAudit: (f: Partial<AuditFilter>) => call(SettingsAPI.ListAudit(audit.Filter.createFrom(f))),
  verifyAudit: () => call(SettingsAPI.VerifyAudit()),
  exportAudit: () => call(SettingsAPI.ExportAudit()),
  getPreference: (key: string) => call(SettingsAPI.GetPreference(key)),
  setPreference: (key: string, value: string) => call(SettingsAPI.SetPreference(key, value)),
}
