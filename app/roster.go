package app

import (
	"liankanping/internal/backup"
	"liankanping/internal/roster"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// RosterAPI imports an office's roster workbook (with a column-mapping step) and exports the
// organisation as one.
type RosterAPI struct{ c *Core }

// NewRosterAPI binds the roster facade.
func NewRosterAPI(c *Core) *RosterAPI { return &RosterAPI{c} }

func (a *RosterAPI) svc(s *store.Store) *roster.Service { return roster.NewService(s) }

// forced is the service that goes on past the plausibility limits when the user confirmed.
func (a *RosterAPI) forced(s *store.Store, force bool) *roster.Service {
	svc := roster.NewService(s)
	svc.Force = force
	return svc
}

// PickFile asks for a roster workbook; "" when the user cancelled.
func (a *RosterAPI) PickFile() (string, error) {
	path, err := a.c.Dialogs.OpenFile("选择名册工作簿", XLSXFilter)
	return path, mapError(err)
}

// Preview tells what importing the workbook would do; a nil mapping recognises the sheets.
// force goes on past the plausibility limits (Plan.Limits) once the user confirmed 仍然导入.
func (a *RosterAPI) Preview(path string, mapping *workbook.RosterMapping, force bool) (*roster.Plan, error) {
	return call1(a.c, func(s *store.Store) (*roster.Plan, error) { return a.forced(s, force).Preview(path, mapping) })
}

// Import applies the workbook read with mapping, all or nothing; force as for Preview.
func (a *RosterAPI) Import(path string, mapping *workbook.RosterMapping, force bool) (*roster.Plan, error) {
	return callAfterBackup1(a.c, backup.BeforeImport, func(s *store.Store) (*roster.Plan, error) {
		return a.forced(s, force).Import(path, mapping)
	})
}

// Export asks where to save and writes the roster there; "" when the user cancelled.
func (a *RosterAPI) Export() (string, error) {
	path, err := a.c.Dialogs.SaveFile("导出名册", "联系片划分表.xlsx", XLSXFilter)
	if err != nil || path == "" {
		return "", mapError(err)
	}
	return path, call0(a.c, func(s *store.Store) error { return a.svc(s).Export(path) })
}
