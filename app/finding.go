package app

import (
	"liankanping/internal/backup"
	"liankanping/internal/finding"
	"liankanping/internal/store"
)

// FindingAPI records the problems found in units and moves their rectification along.
type FindingAPI struct{ c *Core }

// NewFindingAPI binds the findings facade.
func NewFindingAPI(c *Core) *FindingAPI { return &FindingAPI{c} }

// ListFindings returns the findings that match f.
func (a *FindingAPI) ListFindings(f finding.Filter) ([]finding.View, error) {
	return call1(a.c, func(s *store.Store) ([]finding.View, error) { return finding.NewService(s).List(f) })
}

// SaveFinding records a new finding or changes one and returns its id.
func (a *FindingAPI) SaveFinding(f finding.Finding) (uint, error) {
	return call1(a.c, func(s *store.Store) (uint, error) { return finding.NewService(s).Save(f) })
}

// SetFindingStatus moves a finding's rectification forward, or one confirmed step back.
func (a *FindingAPI) SetFindingStatus(id uint, m finding.Move) error {
	return call0(a.c, func(s *store.Store) error { return finding.NewService(s).SetStatus(id, m) })
}

// DeleteFinding removes a finding.
func (a *FindingAPI) DeleteFinding(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return finding.NewService(s).Delete(id) })
}

// FindingOptions returns the form's choices for findings of a round (0: no round).
func (a *FindingAPI) FindingOptions(roundID uint) (*finding.Options, error) {
	return call1(a.c, func(s *store.Store) (*finding.Options, error) { return finding.NewService(s).OptionsFor(roundID) })
}
