package app

import (
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// ScoreAPI serves score entry and the results of a round.
type ScoreAPI struct{ c *Core }

// NewScoreAPI binds the scores facade.
func NewScoreAPI(c *Core) *ScoreAPI { return &ScoreAPI{c} }

func (a *ScoreAPI) svc(s *store.Store) *score.Service { return score.NewService(s) }

// Grid returns one rater's scores for a round.
func (a *ScoreAPI) Grid(roundID, raterID uint) (*score.Grid, error) {
	return call1(a.c, func(s *store.Store) (*score.Grid, error) { return a.svc(s).Grid(roundID, raterID) })
}

// Enter saves typed or pasted cells and reports each one.
func (a *ScoreAPI) Enter(roundID, raterID uint, cells []score.CellInput) (*score.EnterResult, error) {
	return call1(a.c, func(s *store.Store) (*score.EnterResult, error) {
		return a.svc(s).Enter(roundID, raterID, cells, a.c.Operator())
	})
}

// Progress lists every rater of a round with their completeness.
func (a *ScoreAPI) Progress(roundID uint) ([]score.RaterProgress, error) {
	return call1(a.c, func(s *store.Store) ([]score.RaterProgress, error) { return a.svc(s).Progress(roundID) })
}

// History lists every change of one score.
func (a *ScoreAPI) History(k score.Key) ([]score.History, error) {
	return call1(a.c, func(s *store.Store) ([]score.History, error) { return a.svc(s).HistoryOf(k) })
}

// Results computes a round's ranking and statistics.
func (a *ScoreAPI) Results(roundID uint) (*score.Results, error) {
	return call1(a.c, func(s *store.Store) (*score.Results, error) { return a.svc(s).Results(roundID) })
}

// Trend lists a unit's results across rounds.
func (a *ScoreAPI) Trend(unitID uint) ([]score.TrendPoint, error) {
	return call1(a.c, func(s *store.Store) ([]score.TrendPoint, error) { return a.svc(s).Trend(unitID) })
}
