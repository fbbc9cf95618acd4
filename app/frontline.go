package app

import (
	"liankanping/internal/backup"
	"liankanping/internal/frontline"
	"liankanping/internal/store"
)

// FrontlineAPI keeps the ledgers of the 一线支部工作法: temporary party branches, practical
// matters and brands, their workbooks, and the counting of a brand's bonus in a round.
type FrontlineAPI struct{ c *Core }

// NewFrontlineAPI binds the front-line facade.
func NewFrontlineAPI(c *Core) *FrontlineAPI { return &FrontlineAPI{c} }

func (a *FrontlineAPI) svc(s *store.Store) *frontline.Service { return frontline.NewService(s) }

// ListBranches returns every temporary branch.
func (a *FrontlineAPI) ListBranches() ([]frontline.BranchView, error) {
	return call1(a.c, func(s *store.Store) ([]frontline.BranchView, error) { return a.svc(s).ListBranches() })
}

// SaveBranch records a new branch or changes one.
func (a *FrontlineAPI) SaveBranch(b frontline.Branch) (frontline.Branch, error) {
	return call1(a.c, func(s *store.Store) (frontline.Branch, error) { return a.svc(s).SaveBranch(b) })
}

// DeleteBranch deletes a branch that took on no matter.
func (a *FrontlineAPI) DeleteBranch(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).DeleteBranch(id) })
}

// ListMatters returns every practical matter.
func (a *FrontlineAPI) ListMatters() ([]frontline.MatterView, error) {
	return call1(a.c, func(s *store.Store) ([]frontline.MatterView, error) { return a.svc(s).ListMatters() })
}

// SaveMatter records a new practical matter or changes one.
func (a *FrontlineAPI) SaveMatter(m frontline.Matter) (frontline.Matter, error) {
	return call1(a.c, func(s *store.Store) (frontline.Matter, error) { return a.svc(s).SaveMatter(m) })
}

// DeleteMatter deletes a practical matter.
func (a *FrontlineAPI) DeleteMatter(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).DeleteMatter(id) })
}

// ListBrands returns every brand and honour with the rounds it was counted in.
func (a *FrontlineAPI) ListBrands() ([]frontline.BrandView, error) {
	return call1(a.c, func(s *store.Store) ([]frontline.BrandView, error) { return a.svc(s).ListBrands() })
}

// SaveBrand records a new brand or honour or changes one.
func (a *FrontlineAPI) SaveBrand(b frontline.Brand) (frontline.Brand, error) {
	return call1(a.c, func(s *store.Store) (frontline.Brand, error) { return a.svc(s).SaveBrand(b) })
}

// DeleteBrand deletes a brand or honour no round counted.
func (a *FrontlineAPI) DeleteBrand(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).DeleteBrand(id) })
}

// RoundChoices lists the rounds with whether the brand's bonus can be counted in each.
func (a *FrontlineAPI) RoundChoices(brandID uint) ([]frontline.RoundChoice, error) {
	return call1(a.c, func(s *store.Store) ([]frontline.RoundChoice, error) { return a.svc(s).RoundChoices(brandID) })
}

// ApplyBrand counts the brand's bonus in a round, verified by the operator.
func (a *FrontlineAPI) ApplyBrand(brandID, roundID uint) (frontline.Application, error) {
	return call1(a.c, func(s *store.Store) (frontline.Application, error) {
		return a.svc(s).ApplyBrand(brandID, roundID, a.c.Operator())
	})
}

// WithdrawBrand takes the brand's bonus out of a round that is not closed.
func (a *FrontlineAPI) WithdrawBrand(brandID, roundID uint) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).WithdrawBrand(brandID, roundID) })
}

// Summary counts the three ledgers.
func (a *FrontlineAPI) Summary() (frontline.Summary, error) {
	return call1(a.c, func(s *store.Store) (frontline.Summary, error) { return a.svc(s).Summary() })
}

// Options returns the choices of the forms.
func (a *FrontlineAPI) Options() (frontline.Options, error) {
	return call1(a.c, func(s *store.Store) (frontline.Options, error) { return a.svc(s).Options(), nil })
}

// PickLedger asks for a ledger workbook; "" when the user cancelled.
func (a *FrontlineAPI) PickLedger() (string, error) {
	path, err := a.c.Dialogs.OpenFile("选择台账工作簿", XLSXFilter)
	return path, mapError(err)
}

// PreviewLedger tells what importing the workbook would do, writing nothing.
func (a *FrontlineAPI) PreviewLedger(path string) (*frontline.LedgerPlan, error) {
	return call1(a.c, func(s *store.Store) (*frontline.LedgerPlan, error) { return a.svc(s).PreviewLedger(path) })
}

// ImportLedger applies the workbook, all or nothing.
func (a *FrontlineAPI) ImportLedger(path string) (*frontline.LedgerPlan, error) {
	return callAfterBackup1(a.c, backup.BeforeImport, func(s *store.Store) (*frontline.LedgerPlan, error) { return a.svc(s).ImportLedger(path) })
}

var ledgerFileNames = map[string]string{"branches": "临时党支部台账.xlsx", "matters": "办实事台账.xlsx", "brands": "党建品牌及荣誉台账.xlsx"}

// ExportLedger asks where to save one ledger (branches, matters, brands; "" for all three) and
// writes it there; "" when the user cancelled.
func (a *FrontlineAPI) ExportLedger(kind string) (string, error) {
	name, kinds := "一线支部工作台账.xlsx", []string(nil)
	if kind != "" {
		name, kinds = ledgerFileNames[kind], []string{kind}
	}
	path, err := a.c.Dialogs.SaveFile("导出台账", name, XLSXFilter)
	if err != nil || path == "" {
		return "", mapError(err)
	}
	return path, call0(a.c, func(s *store.Store) error { return a.svc(s).ExportLedger(path, kinds) })
}
