package app

import (
	"fmt"
	"liankanping/internal/backup"
	"path/filepath"

	"liankanping/internal/apperr"
	"liankanping/internal/scheme"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// SchemeAPI lists, edits, publishes, compares, imports and exports assessment schemes.
type SchemeAPI struct{ c *Core }

// NewSchemeAPI binds the scheme facade.
func NewSchemeAPI(c *Core) *SchemeAPI { return &SchemeAPI{c} }

func (a *SchemeAPI) svc(s *store.Store) *scheme.Service { return scheme.NewService(s) }

// List returns every scheme version.
func (a *SchemeAPI) List() ([]scheme.Summary, error) {
	return call1(a.c, func(s *store.Store) ([]scheme.Summary, error) { return a.svc(s).List() })
}

// Get returns a scheme version with its indicators.
func (a *SchemeAPI) Get(id uint) (scheme.Detail, error) {
	return call1(a.c, func(s *store.Store) (scheme.Detail, error) { return a.svc(s).Get(id) })
}

// Create starts a new, empty draft scheme.
func (a *SchemeAPI) Create(v scheme.Scheme) (scheme.Scheme, error) {
	return call1(a.c, func(s *store.Store) (scheme.Scheme, error) { return a.svc(s).Create(v) })
}

// Update changes a draft's name, year and base total.
func (a *SchemeAPI) Update(v scheme.Scheme) (scheme.Scheme, error) {
	return call1(a.c, func(s *store.Store) (scheme.Scheme, error) { return a.svc(s).Update(v) })
}

// Delete deletes a draft.
func (a *SchemeAPI) Delete(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).Delete(id) })
}

// AddIndicator adds an indicator under parentID (0 for a new dimension).
func (a *SchemeAPI) AddIndicator(schemeID, parentID uint, v scheme.Indicator) (scheme.Indicator, error) {
	return call1(a.c, func(s *store.Store) (scheme.Indicator, error) {
		return a.svc(s).AddIndicator(schemeID, optionalID(parentID), v)
	})
}

// UpdateIndicator saves an indicator's fields and options.
func (a *SchemeAPI) UpdateIndicator(v scheme.Indicator) (scheme.Indicator, error) {
	return call1(a.c, func(s *store.Store) (scheme.Indicator, error) { return a.svc(s).UpdateIndicator(v) })
}

// DeleteIndicator deletes an indicator and everything under it.
func (a *SchemeAPI) DeleteIndicator(id uint) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).DeleteIndicator(id) })
}

// MoveIndicator puts an indicator at index among the children of parentID (0: the dimensions).
func (a *SchemeAPI) MoveIndicator(id, parentID uint, index int) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).MoveIndicator(id, optionalID(parentID), index) })
}

// ShiftIndicator moves an indicator up (delta < 0) or down among its siblings.
func (a *SchemeAPI) ShiftIndicator(id uint, delta int) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).ShiftIndicator(id, delta) })
}

// Publish checks and freezes a draft.
func (a *SchemeAPI) Publish(id uint) (scheme.Scheme, error) {
	return call1(a.c, func(s *store.Store) (scheme.Scheme, error) { return a.svc(s).Publish(id) })
}

// NewVersion copies a scheme version into a new draft.
func (a *SchemeAPI) NewVersion(id uint) (scheme.Scheme, error) {
	return call1(a.c, func(s *store.Store) (scheme.Scheme, error) { return a.svc(s).NewVersion(id) })
}

// Diff compares version a with version b.
func (a *SchemeAPI) Diff(idA, idB uint) (scheme.Diff, error) {
	return call1(a.c, func(s *store.Store) (scheme.Diff, error) { return a.svc(s).Diff(idA, idB) })
}

// SchemeImportPreview is what the import dialog shows before anything is written: the tree read
// from the workbook, its problems by cell, and what importing would do.
type SchemeImportPreview struct {
	Path       string              `json:"path"`
	File       string              `json:"file"`
	Sheet      string              `json:"sheet"`
	Name       string              `json:"name"`
	Indicators []scheme.Indicator  `json:"indicators"`
	Total      scheme.Subtotal     `json:"total"`
	Problems   []workbook.Problem  `json:"problems"`
	Warnings   []string            `json:"warnings"`
	Result     scheme.ImportResult `json:"result"`
}

// PickImportFile asks for a 评分细则 workbook; "" when the user cancelled.
func (a *SchemeAPI) PickImportFile() (string, error) {
	path, err := a.c.Dialogs.OpenFile("选择评分细则工作簿", XLSXFilter)
	return path, mapError(err)
}

// PreviewImport reads the workbook at path and tells what importing it would do.
func (a *SchemeAPI) PreviewImport(path string) (SchemeImportPreview, error) {
	return call1(a.c, func(s *store.Store) (SchemeImportPreview, error) {
		sf := workbook.ReadSchemeFile(path)
		p := SchemeImportPreview{Path: path, File: filepath.Base(path), Sheet: sf.Sheet, Name: sf.Tree.Scheme.Name,
			Indicators: scheme.Flatten(sf.Tree.Roots), Total: scheme.Sum(sf.Tree.Roots), Problems: sf.Problems, Warnings: sf.Warnings}
		if len(sf.Problems) > 0 {
			return p, nil
		}
		var err error
		p.Result, err = a.svc(s).Import(sf.Tree, true)
		return p, err
	})
}

// Import reads the workbook at path again and stores it as a draft; a workbook with problems
// is refused whole.
func (a *SchemeAPI) Import(path string) (scheme.ImportResult, error) {
	return callAfterBackup1(a.c, backup.BeforeImport, func(s *store.Store) (scheme.ImportResult, error) {
		sf := workbook.ReadSchemeFile(path)
		if n := len(sf.Problems); n > 0 {
			return scheme.ImportResult{}, apperr.Invalidf("评分细则 %s 有 %d 个问题，未导入：%s", filepath.Base(path), n, sf.Problems[0].Message)
		}
		return a.svc(s).Import(sf.Tree, false)
	})
}

// Export asks where to save a scheme version and writes it there; "" when the user cancelled.
func (a *SchemeAPI) Export(id uint) (string, error) {
	d, err := a.Get(id)
	if err != nil {
		return "", err
	}
	name := d.Scheme.Name + ".xlsx"
	if d.Scheme.Version > 1 {
		name = fmt.Sprintf("%s（第%d版）.xlsx", d.Scheme.Name, d.Scheme.Version)
	}
	path, err := a.c.Dialogs.SaveFile("导出评分细则", name, XLSXFilter)
	if err != nil || path == "" {
		return "", mapError(err)
	}
	return path, mapError(workbook.WriteSchemeFile(path, d))
}

func optionalID(id uint) *uint {
	if id == 0 {
		return nil
	}
	return &id
}
