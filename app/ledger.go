package app

import (
	"liankanping/internal/backup"
	"liankanping/internal/finding"
	"liankanping/internal/ledger"
	"liankanping/internal/store"
)

// LedgerAPI is the rectification ledger (整改台账) beyond single findings (FindingAPI): its export,
// the feedback workbooks sent to units, and their returns with preview, apply and undo.
type LedgerAPI struct{ c *Core }

// NewLedgerAPI binds the ledger facade.
func NewLedgerAPI(c *Core) *LedgerAPI { return &LedgerAPI{c} }

func (a *LedgerAPI) svc(s *store.Store) *ledger.Service { return ledger.NewService(s) }

// ExportLedger asks where to save the ledger of the findings f selects and writes it there;
// "" when the user cancelled.
func (a *LedgerAPI) ExportLedger(f finding.Filter) (string, error) {
	path, err := a.c.Dialogs.SaveFile("导出整改台账", "问题整改台账.xlsx", XLSXFilter)
	if err != nil || path == "" {
		return "", mapError(err)
	}
	return path, call0(a.c, func(s *store.Store) error {
		_, err := a.svc(s).ExportLedger(path, f)
		return err
	})
}

// UnitChoices lists the units with findings not closed (of a round, or all for 0).
func (a *LedgerAPI) UnitChoices(roundID uint) ([]ledger.UnitChoice, error) {
	return call1(a.c, func(s *store.Store) ([]ledger.UnitChoice, error) { return a.svc(s).UnitChoices(roundID) })
}

// PickExportFolder asks for the folder to write the units' feedback workbooks into; "" when
// cancelled.
func (a *LedgerAPI) PickExportFolder() (string, error) {
	dir, err := a.c.Dialogs.OpenDirectory("选择保存整改情况反馈表的文件夹")
	return dir, mapError(err)
}

// ExportUnits writes one feedback workbook per chosen unit into req.Dir.
func (a *LedgerAPI) ExportUnits(req ledger.ExportRequest) (*ledger.ExportResult, error) {
	return call1(a.c, func(s *store.Store) (*ledger.ExportResult, error) { return a.svc(s).ExportUnits(req, a.c.Operator()) })
}

// PickReturnedFiles asks for returned feedback workbooks; empty when cancelled.
func (a *LedgerAPI) PickReturnedFiles() ([]string, error) {
	paths, err := a.c.Dialogs.OpenFiles("选择交回的整改情况反馈表（或连同佐证材料的压缩包）", ReturnFilter)
	return paths, mapError(err)
}

// PreviewReturns tells, per file, what importing the returned workbooks would do, writing
// nothing; the report's token names the files for ApplyReturns.
func (a *LedgerAPI) PreviewReturns(req ledger.ImportRequest) (*ledger.Report, error) {
	return call1(a.c, func(s *store.Store) (*ledger.Report, error) { return a.svc(s).Preview(req) })
}

// ApplyReturns imports the previewed files, each all or nothing, after an automatic backup.
func (a *LedgerAPI) ApplyReturns(req ledger.ImportRequest) (*ledger.Report, error) {
	return callAfterBackup1(a.c, backup.BeforeImport, func(s *store.Store) (*ledger.Report, error) {
		return a.svc(s).Apply(req, a.c.Operator())
	})
}

// ListBatches lists the returns taken in, newest first.
func (a *LedgerAPI) ListBatches() ([]ledger.BatchView, error) {
	return call1(a.c, func(s *store.Store) ([]ledger.BatchView, error) { return a.svc(s).ListBatches() })
}

// UndoBatch takes back one return, after an automatic backup.
func (a *LedgerAPI) UndoBatch(id uint) (*ledger.UndoResult, error) {
	return callAfterBackup1(a.c, backup.BeforeChange, func(s *store.Store) (*ledger.UndoResult, error) {
		return a.svc(s).Undo(id, a.c.Operator())
	})
}
