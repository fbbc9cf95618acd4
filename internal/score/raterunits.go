package score

import "liankanping/internal/scoring"

// RaterUnits is one rater's completeness over a round with the detail per unit.
type RaterUnits struct {
	RaterProgress
	Units []UnitProgress
}

// RaterUnits lists every rater of a round, in group order, with their completeness per unit:
// what Progress and a Grid per rater tell, from one reading of the round's scores (the report's
// 评分完成情况 needs it for every rater, and a round of 20 raters read the scores 21 times).
func (s *Service) RaterUnits(roundID uint) ([]RaterUnits, error) {
	r, sheets, err := s.load(roundID)
	if err != nil {
		return nil, err
	}
	return r.raterUnits(sheets), nil
}

func (r *Round) raterUnits(sheets scoring.Scores) []RaterUnits {
	inds := r.scoringIndicators()
	out := []RaterUnits{}
	for _, g := range r.Groups {
		for _, rt := range g.Raters {
			ru := RaterUnits{RaterProgress: RaterProgress{RaterRef: rt, Group: g.Name},
				Units: r.unitProgress(inds, rt, func(unit uint) scoring.Values { return sheets[scoring.SheetKey{Unit: unit, Rater: rt.ID}] })}
			for _, u := range ru.Units {
				if u.Barred {
					continue
				}
				ru.Expected++
				ru.Filled += len(sheets[scoring.SheetKey{Unit: u.ID, Rater: rt.ID}])
				if u.Complete {
					ru.Complete++
				}
			}
			out = append(out, ru)
		}
	}
	return out
}
