package app

import (
	"liankanping/internal/assignment"
	"liankanping/internal/backup"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// CopyRound plans a new round like round fromID (units kept or rotated) and returns its id.
func (a *RoundAPI) CopyRound(fromID uint, o round.CopyOptions) (uint, error) {
	return call1(a.c, func(s *store.Store) (uint, error) { return round.NewService(s).Copy(fromID, o) })
}

// SuggestTitle proposes the title of a round from its code, in the wording of round likeID
// when it has one (0: none).
func (a *RoundAPI) SuggestTitle(code string, likeID uint) (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) {
		if likeID == 0 {
			return round.SuggestTitle(code, "", ""), nil
		}
		d, err := round.NewService(s).Get(likeID)
		if err != nil {
			return "", err
		}
		return round.SuggestTitle(code, d.Code, d.Title), nil
	})
}

// MissingScores lists what a round still lacks: raters who have not returned, units 缺评.
func (a *RoundAPI) MissingScores(roundID uint) (*score.Missing, error) {
	return call1(a.c, func(s *store.Store) (*score.Missing, error) { return score.NewService(s).Missing(roundID) })
}

// CloseRound ends a scoring round; while anything is missing it refuses unless force (the
// person confirmed), and it returns what was missing.
func (a *RoundAPI) CloseRound(roundID uint, force bool) (*score.Missing, error) {
	return call1(a.c, func(s *store.Store) (*score.Missing, error) {
		return score.NewService(s).Close(roundID, force, a.c.Operator())
	})
}

// Adjustments lists a round's admin-verified bonus and deduction items.
func (a *ScoreAPI) Adjustments(roundID uint) ([]score.Adjustment, error) {
	return call1(a.c, func(s *store.Store) ([]score.Adjustment, error) { return a.svc(s).Adjustments(roundID) })
}

// AddAdjustment records a verified bonus or deduction, with its reason.
func (a *ScoreAPI) AddAdjustment(roundID uint, in score.AdjustmentInput) (score.Adjustment, error) {
	return call1(a.c, func(s *store.Store) (score.Adjustment, error) {
		return a.svc(s).AddAdjustment(roundID, in, a.c.Operator())
	})
}

// DeleteAdjustment removes an entered item of a round that is not closed.
func (a *ScoreAPI) DeleteAdjustment(id uint) error {
	return call0(a.c, func(s *store.Store) error { return a.svc(s).DeleteAdjustment(id) })
}

// ExportAssignment asks where to save round roundID's 评价关系表 and writes it there; "" when
// the user cancelled.
func (a *RoundAPI) ExportAssignment(roundID uint, code string) (string, error) {
	path, err := a.c.Dialogs.SaveFile("导出评价关系表", assignment.FileName(code), XLSXFilter)
	if err != nil || path == "" {
		return "", mapError(err)
	}
	return path, call0(a.c, func(s *store.Store) error { return assignment.NewService(s).Export(roundID, path) })
}

// PickAssignment asks for a 评价关系表 to import; "" when the user cancelled.
func (a *RoundAPI) PickAssignment() (string, error) {
	path, err := a.c.Dialogs.OpenFile("选择评价关系表", XLSXFilter)
	return path, mapError(err)
}

// ImportAssignment previews (dryRun) or applies the 评价关系表 at path, all or nothing.
func (a *RoundAPI) ImportAssignment(roundID uint, path string, dryRun bool) (*assignment.Result, error) {
	if dryRun {
		return call1(a.c, func(s *store.Store) (*assignment.Result, error) {
			return assignment.NewService(s).Import(roundID, path, true)
		})
	}
	return callAfterBackup1(a.c, backup.BeforeImport, func(s *store.Store) (*assignment.Result, error) {
		return assignment.NewService(s).Import(roundID, path, false)
	})
}
