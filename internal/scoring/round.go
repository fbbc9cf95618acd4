package scoring

import (
	"fmt"
	"slices"
)

// Group is a rater group (评价主体) of a round with its relative weight, e.g. 4000 basis points.
type Group struct {
	ID     uint  `json:"id"`
	Weight int64 `json:"weight"`
}

// Rater is a person scoring in a round, in one group. Recused lists the units they are barred
// from scoring (回避, usually their own): they are not expected there, and a sheet they have for
// such a unit is ignored.
type Rater struct {
	ID      uint   `json:"id"`
	Group   uint   `json:"group"`
	Recused []uint `json:"recused,omitempty"`
}

// SheetKey names one rater's sheet for one unit.
type SheetKey struct {
	Unit  uint
	Rater uint
}

// Scores holds every sheet of a round; a missing sheet is as blank as an empty one.
type Scores map[SheetKey]Values

// Set stores one value, creating the sheet when needed; the round service fills Scores with
// it row by row from storage.
func (s Scores) Set(unit, rater, indicator uint, v int64) {
	k := SheetKey{unit, rater}
	if s[k] == nil {
		s[k] = Values{}
	}
	s[k][indicator] = v
}

// RoundInput is everything Compute needs of a round. Units, groups and raters are in the
// order the round lists them; that order breaks ties in the output.
type RoundInput struct {
	Indicators []Indicator
	Groups     []Group
	Raters     []Rater
	Units      []uint
	Scores     Scores
	Adjust     map[uint]int64 // unit → sum of admin-verified bonus/deduction items, centi-points
	Settings   Settings
}

// RaterResult is one expected rater's total for a unit.
type RaterResult struct {
	Rater uint `json:"rater"`
	Group uint `json:"group"`
	Total
}

// UnitResult is everything shown about one unit: totals, group scores, final score, rank and
// grade, with its completeness (Complete of Expected totals) wherever the score is shown.
type UnitResult struct {
	Unit         uint          `json:"unit"`
	Raters       []RaterResult `json:"raters"`       // expected raters, in input order
	Groups       []GroupResult `json:"groups"`       // every group, in input order
	Complete     int           `json:"complete"`     // complete totals over all groups
	Expected     int           `json:"expected"`     // totals expected (recused raters excluded)
	AllComplete  bool          `json:"allComplete"`  // Complete == Expected > 0
	Adjust       int64         `json:"adjust"`       // included in Final, centi-points
	Final        Exact         `json:"final"`        // exact; Final.Centi() is what is shown and ranked
	Scored       bool          `json:"scored"`       // there is a final score
	Renormalised bool          `json:"renormalised"` // a weighted group was missing
	Placing
}

// RoundResult is the scoring of a whole round.
type RoundResult struct {
	Units      []UnitResult    `json:"units"`      // by rank, ties and unscored units (last) in input order
	Indicators []IndicatorStat `json:"indicators"` // over every complete sheet of the round
	Raters     []RaterStat     `json:"raters"`     // in input order
}

// Compute scores a round by DOMAIN §4: rater totals, group scores, final scores, ranks,
// grades and the statistics beside them. It refuses only input that cannot be right (invalid
// settings or indicators, repeated IDs, a rater in an unknown group, a negative weight), with
// a Chinese message; blank and invalid values are reported in the result, not refused.
func Compute(in RoundInput) (RoundResult, error) {
	if err := validateInput(in); err != nil {
		return RoundResult{}, err
	}
	groupPos := make(map[uint]int, len(in.Groups))
	for i, g := range in.Groups {
		groupPos[g.ID] = i
	}
	recused := map[SheetKey]bool{}
	for _, r := range in.Raters {
		for _, u := range r.Recused {
			recused[SheetKey{u, r.ID}] = true
		}
	}
	acc := newIndicatorAcc(in.Indicators)
	units := make([]UnitResult, len(in.Units))
	ranked := make([]Ranked, len(in.Units))
	totals := make([][]int64, len(in.Groups))
	for ui, unit := range in.Units {
		res := UnitResult{Unit: unit, Adjust: in.Adjust[unit], Groups: make([]GroupResult, len(in.Groups))}
		for gi := range totals {
			totals[gi] = totals[gi][:0]
		}
		for _, r := range in.Raters {
			key := SheetKey{unit, r.ID}
			if recused[key] {
				continue
			}
			gi := groupPos[r.Group]
			t := RaterTotal(in.Indicators, in.Scores[key])
			res.Raters = append(res.Raters, RaterResult{Rater: r.ID, Group: r.Group, Total: t})
			res.Groups[gi].Expected++
			if t.Complete {
				totals[gi] = append(totals[gi], t.Points)
				acc.add(in.Scores[key])
			}
		}
		for gi, g := range in.Groups {
			gr := &res.Groups[gi]
			gr.Group, gr.Weight, gr.Complete = g.ID, g.Weight, len(totals[gi])
			gr.Score, gr.Trimmed, gr.Present = TrimmedMean(totals[gi], in.Settings.TrimMinRaters)
			res.Complete += gr.Complete
			res.Expected += gr.Expected
		}
		// A unit nobody may score has nothing complete about it: 0 of 0 is not "complete".
		res.AllComplete = res.Expected > 0 && res.Complete == res.Expected
		res.Final, res.Renormalised, res.Scored = FinalScore(res.Groups, res.Adjust)
		units[ui] = res
		ranked[ui] = Ranked{Final: res.Final.Centi(), Scored: res.Scored}
	}
	for i, p := range Place(ranked, in.Settings) {
		units[i].Placing = p
	}
	out := RoundResult{
		Indicators: acc.stats(),
		Raters:     RaterConsistency(in.Raters, units, in.Settings.DeviationFlag),
	}
	slices.SortStableFunc(units, func(a, b UnitResult) int {
		switch {
		case a.Scored != b.Scored:
			if a.Scored {
				return -1
			}
			return 1
		}
		return a.Rank - b.Rank
	})
	out.Units = units
	return out, nil
}

func validateInput(in RoundInput) error {
	if err := in.Settings.Validate(); err != nil {
		return err
	}
	seenInd := map[uint]bool{}
	for _, ind := range in.Indicators {
		if seenInd[ind.ID] {
			return fmt.Errorf("指标 %d 重复", ind.ID)
		}
		seenInd[ind.ID] = true
		if err := ind.Validate(); err != nil {
			return fmt.Errorf("指标 %d：%w", ind.ID, err)
		}
	}
	groups := map[uint]bool{}
	for _, g := range in.Groups {
		if groups[g.ID] {
			return fmt.Errorf("评价主体 %d 重复", g.ID)
		}
		if g.Weight < 0 {
			return fmt.Errorf("评价主体 %d 的权重不能为负", g.ID)
		}
		groups[g.ID] = true
	}
	raters := map[uint]bool{}
	for _, r := range in.Raters {
		if raters[r.ID] {
			return fmt.Errorf("评分人 %d 重复", r.ID)
		}
		if !groups[r.Group] {
			return fmt.Errorf("评分人 %d 所在的评价主体 %d 不存在", r.ID, r.Group)
		}
		raters[r.ID] = true
	}
	units := map[uint]bool{}
	for _, u := range in.Units {
		if units[u] {
			return fmt.Errorf("观摩单位 %d 重复", u)
		}
		units[u] = true
	}
	return nil
}
