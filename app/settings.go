package app

import (
	"os/exec"
	"path/filepath"
	"runtime"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/audit"
	"liankanping/internal/backup"
	"liankanping/internal/preference"
	"liankanping/internal/store"
)

// SettingsAPI keeps the operator's name, the backups and the audit log.
type SettingsAPI struct{ c *Core }

// NewSettingsAPI binds the settings facade.
func NewSettingsAPI(c *Core) *SettingsAPI { return &SettingsAPI{c} }

// GetOperator returns the name recorded as the author of changes.
func (a *SettingsAPI) GetOperator() (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) { return audit.NewService(s).Operator() })
}

// SetOperator sets the name recorded as the author of changes.
func (a *SettingsAPI) SetOperator(name string) error {
	return call0(a.c, func(s *store.Store) error { return audit.NewService(s).SetOperator(name) })
}

// ListBackups lists the backups beside the database, newest first.
func (a *SettingsAPI) ListBackups() ([]backup.Info, error) {
	return call1(a.c, func(s *store.Store) ([]backup.Info, error) { return backup.List(s.Path) })
}

// MakeBackup makes a backup now.
func (a *SettingsAPI) MakeBackup() (backup.Info, error) {
	return call1(a.c, func(s *store.Store) (backup.Info, error) { return backup.Make(s, backup.Manual, time.Now()) })
}

// RestoreBackup replaces the database with a backup (after backing up the current state) and
// opens it again.
func (a *SettingsAPI) RestoreBackup(path string) error {
	return mapError(a.c.restore(path))
}

// OpenBackupFolder shows the backups folder in the system's file manager.
func (a *SettingsAPI) OpenBackupFolder() error {
	return call0(a.c, func(s *store.Store) error { return openFolder(backup.Dir(s.Path)) })
}

// OpenDataFolder shows the database's folder in the system's file manager.
func (a *SettingsAPI) OpenDataFolder() error {
	return call0(a.c, func(s *store.Store) error { return openFolder(filepath.Dir(s.Path)) })
}

// ListAudit returns a page of the audit log.
func (a *SettingsAPI) ListAudit(f audit.Filter) (audit.Page, error) {
	return call1(a.c, func(s *store.Store) (audit.Page, error) { return audit.NewService(s).List(f) })
}

// VerifyAudit checks the audit log's hash chain.
func (a *SettingsAPI) VerifyAudit() (audit.Verification, error) {
	return call1(a.c, func(s *store.Store) (audit.Verification, error) { return audit.NewService(s).Verify() })
}

// ExportAudit asks where to save the audit log and writes it; "" means cancelled.
func (a *SettingsAPI) ExportAudit() (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) {
		path, err := a.c.Dialogs.SaveFile("导出审计日志", "审计日志_"+time.Now().Format("20060102")+".xlsx", XLSXFilter)
		if err != nil || path == "" {
			return "", err
		}
		_, err = audit.NewService(s).Export(path, time.Now())
		return path, err
	})
}

func openFolder(dir string) error {
	var cmd *exec.Cmd
	switch runtime.GOOS {
	case "windows":
		cmd = exec.Command("explorer", dir)
	case "darwin":
		cmd = exec.Command("open", dir)
	default:
		cmd = exec.Command("xdg-open", dir)
	}
	if err := cmd.Start(); err != nil {
		return apperr.Invalidf("无法打开文件夹 %s：%v", dir, err)
	}
	go cmd.Wait()
	return nil
}

// GetPreference returns one of the window's own settings (preference.Zoom, …); "" when unset.
func (a *SettingsAPI) GetPreference(key string) (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) { return preference.NewService(s).Get(key) })
}

// SetPreference stores one of the window's own settings.
func (a *SettingsAPI) SetPreference(key, value string) error {
	return call0(a.c, func(s *store.Store) error { return preference.NewService(s).Set(key, value) })
}
