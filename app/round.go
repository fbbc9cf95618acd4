package app

import (
	"liankanping/internal/backup"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

// RoundAPI plans observation rounds and moves them through their statuses.
type RoundAPI struct{ c *Core }

// NewRoundAPI binds the rounds facade.
func NewRoundAPI(c *Core) *RoundAPI { return &RoundAPI{c} }

// ListRounds returns every round, newest first.
func (a *RoundAPI) ListRounds() ([]round.Summary, error) {
	return call1(a.c, func(s *store.Store) ([]round.Summary, error) { return round.NewService(s).List() })
}

// GetRound returns a whole round.
func (a *RoundAPI) GetRound(id uint) (*round.Detail, error) {
	return call1(a.c, func(s *store.Store) (*round.Detail, error) { return round.NewService(s).Get(id) })
}

// SaveRound creates or changes a round and returns its id.
func (a *RoundAPI) SaveRound(p round.Plan) (uint, error) {
	return call1(a.c, func(s *store.Store) (uint, error) { return round.NewService(s).Save(p) })
}

// SetRoundStatus moves a round to another status; note is the reason of a reopening. Closing
// goes through CloseRound's check, so it is refused while anything is missing.
func (a *RoundAPI) SetRoundStatus(id uint, to round.Status, note string) error {
	if to == round.Closed {
		_, err := a.CloseRound(id, false)
		return err
	}
	return call0(a.c, func(s *store.Store) error { return round.NewService(s).SetStatus(id, to, note, a.c.Operator()) })
}

// DeleteRound deletes a round without scores.
func (a *RoundAPI) DeleteRound(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return round.NewService(s).Delete(id) })
}

// PublishedSchemes lists the schemes a round may use.
func (a *RoundAPI) PublishedSchemes() ([]round.SchemeChoice, error) {
	return call1(a.c, func(s *store.Store) ([]round.SchemeChoice, error) { return round.NewService(s).PublishedSchemes() })
}
