package app

import (
	"liankanping/internal/exchange"
	"liankanping/internal/store"
)

// ExportPaper writes the round's paper sheets (纸质评分表) into dir — a file per rater and a
// blank one, each unit on one page to print and fill by hand — emitting EventExportProgress
// after each file.
func (a *WorkbookAPI) ExportPaper(roundID uint, dir string) (*exchange.ExportResult, error) {
	return call1(a.c, func(s *store.Store) (*exchange.ExportResult, error) {
		return a.svc(s).ExportPaper(roundID, dir, a.progress(EventExportProgress, roundID))
	})
}
