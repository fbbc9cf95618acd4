package app

import (
	"os"

	"liankanping/internal/apperr"
	"liankanping/internal/backup"
	"liankanping/internal/exchange"
	"liankanping/internal/store"
)

// WorkbookAPI hands rater workbooks (评分表) out and takes the returned ones in: export with
// progress, preview, apply with the user's decisions on conflicts, the list of import batches
// and undo.
type WorkbookAPI struct{ c *Core }

// NewWorkbookAPI binds the rater workbooks facade.
func NewWorkbookAPI(c *Core) *WorkbookAPI { return &WorkbookAPI{c} }

// The events the window listens to while workbooks are written or read; each carries a
// Progress.
const (
	EventExportProgress = "workbook:export-progress"
	EventImportProgress = "workbook:import-progress"
)

// Progress is the payload of the progress events: done of total files, and the name of the
// file just done, so that the bar can say which.
type Progress struct {
	RoundID uint   `json:"roundId"`
	Done    int    `json:"done"`
	Total   int    `json:"total"`
	File    string `json:"file"`
}

func (a *WorkbookAPI) svc(s *store.Store) *exchange.Service { return exchange.NewService(s) }

// progress sends an event per file through the Core's Events (the window's runtime; nothing
// in the HTTP bridge).
func (a *WorkbookAPI) progress(event string, roundID uint) exchange.Progress {
	return func(done, total int, file string) {
		a.c.Events.Emit(event, Progress{RoundID: roundID, Done: done, Total: total, File: file})
	}
}

// PickExportFolder asks for the folder to write the workbooks into; "" when cancelled.
func (a *WorkbookAPI) PickExportFolder() (string, error) {
	dir, err := a.c.Dialogs.OpenDirectory("选择保存评分表的文件夹")
	return dir, mapError(err)
}

// PickReturnedFiles asks for returned workbooks; empty when cancelled.
func (a *WorkbookAPI) PickReturnedFiles() ([]string, error) {
	paths, err := a.c.Dialogs.OpenFiles("选择交回的评分表", XLSXFilter)
	return paths, mapError(err)
}

// PickReturnedFolder asks for a folder of returned workbooks; "" when cancelled.
func (a *WorkbookAPI) PickReturnedFolder() (string, error) {
	dir, err := a.c.Dialogs.OpenDirectory("选择存放交回评分表的文件夹")
	return dir, mapError(err)
}

// OpenFolder shows a folder of workbooks (where an export wrote them) in the file manager.
// Only a folder is opened: the system's default handler never runs a file.
func (a *WorkbookAPI) OpenFolder(dir string) error {
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		return mapError(apperr.Invalidf("文件夹 %s 不存在", dir))
	}
	return mapError(openFolder(dir))
}

// ExportRaters writes one workbook per rater of the round into dir, encrypted with password
// when it is not empty, emitting EventExportProgress after each file.
func (a *WorkbookAPI) ExportRaters(roundID uint, dir, password string) (*exchange.ExportResult, error) {
	return call1(a.c, func(s *store.Store) (*exchange.ExportResult, error) {
		opts := exchange.ExportOptions{Password: password, Operator: a.c.Operator()}
		return a.svc(s).ExportRaters(roundID, dir, opts, a.progress(EventExportProgress, roundID))
	})
}

// PreviewImport reads the files and folders of req.Paths and tells, per file, what importing
// would do, writing nothing; the report's token names the files for ApplyImport.
func (a *WorkbookAPI) PreviewImport(req exchange.ImportRequest) (*exchange.Report, error) {
	return call1(a.c, func(s *store.Store) (*exchange.Report, error) {
		return a.svc(s).Preview(req, a.progress(EventImportProgress, req.RoundID))
	})
}

// ApplyImport imports the previewed files (req.Token) or req.Paths, each file all or nothing,
// with req.Choices deciding conflicts, after an automatic backup.
func (a *WorkbookAPI) ApplyImport(req exchange.ImportRequest) (*exchange.Report, error) {
	return callAfterBackup1(a.c, backup.BeforeImport, func(s *store.Store) (*exchange.Report, error) {
		return a.svc(s).Apply(req, a.c.Operator(), a.progress(EventImportProgress, req.RoundID))
	})
}

// ListBatches lists the round's imports, newest first.
func (a *WorkbookAPI) ListBatches(roundID uint) ([]exchange.BatchView, error) {
	return call1(a.c, func(s *store.Store) ([]exchange.BatchView, error) { return a.svc(s).ListBatches(roundID) })
}

// UndoBatch takes back one import, after an automatic backup.
func (a *WorkbookAPI) UndoBatch(id uint) (*exchange.UndoResult, error) {
	return callAfterBackup1(a.c, backup.BeforeChange, func(s *store.Store) (*exchange.UndoResult, error) {
		return a.svc(s).Undo(id, a.c.Operator())
	})
}
