package score

import (
	"liankanping/internal/round"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
)

// GroupScore is one rater group's score for a unit.
type GroupScore struct {
	Name       string `json:"name"`
	WeightBP   int    `json:"weightBp"`
	Present    bool   `json:"present"`
	ScoreCenti int64  `json:"scoreCenti"`
	Complete   int    `json:"complete"`
	Expected   int    `json:"expected"`
	Trimmed    bool   `json:"trimmed"`
}

// DimensionScore is a unit's mean points in one level-1 dimension over complete sheets.
type DimensionScore struct {
	Name      string `json:"name"`
	MeanCenti int64  `json:"meanCenti"`
	MaxCenti  int64  `json:"maxCenti"`
}

// UnitResult is one line of the ranking.
type UnitResult struct {
	round.UnitRef
	Scored       bool         `json:"scored"`
	FinalCenti   int64        `json:"finalCenti"`
	Rank         int          `json:"rank"`
	Grade        string       `json:"grade"`
	Capped       bool         `json:"capped"`
	Complete     bool         `json:"complete"`
	CompleteN    int          `json:"completeN"`
	Expected     int          `json:"expected"`
	AdjustCenti  int64        `json:"adjustCenti"`
	Adjustments  []Adjustment `json:"adjustments"`
	Renormalised bool         `json:"renormalised"`
	// Provisional marks the rank and grade of a round still scoring (暂列): they may change.
	Provisional bool             `json:"provisional"`
	Groups      []GroupScore     `json:"groups"`
	Dimensions  []DimensionScore `json:"dimensions"`
}

// IndicatorResult is an indicator's statistics.
type IndicatorResult struct {
	Indicator
	N             int   `json:"n"`
	MeanCenti     int64 `json:"meanCenti"`
	MeanLostCenti int64 `json:"meanLostCenti"`
}

// RaterResult is a rater's consistency with their group, shown and never applied.
type RaterResult struct {
	round.RaterRef
	Group                 string `json:"group"`
	Units                 int    `json:"units"`
	MeanDeviationCenti    int64  `json:"meanDeviationCenti"`
	MeanAbsDeviationCenti int64  `json:"meanAbsDeviationCenti"`
	Flagged               bool   `json:"flagged"`
}

// Results is the scoring of a round as the window, the CLI and the report show it.
type Results struct {
	RoundID    uint         `json:"roundId"`
	Code       string       `json:"code"`
	Title      string       `json:"title"`
	Date       string       `json:"date"`
	Status     round.Status `json:"status"`
	SchemeName string       `json:"schemeName"`
	// Provisional is true while the round is scoring: ranks and grades are 暂列.
	Provisional bool `json:"provisional"`
	// ExcellentCapPct is the round's cap on the share of 优秀 (0: none), for the notes beside
	// capped units.
	ExcellentCapPct int               `json:"excellentCapPct"`
	Groups          []round.Group     `json:"groups"`
	Units           []UnitResult      `json:"units"`
	Indicators      []IndicatorResult `json:"indicators"`
	Raters          []RaterResult     `json:"raters"`
}

// Results computes a round's ranking and statistics from what is stored.
func (s *Service) Results(roundID uint) (*Results, error) {
	r, sheets, err := s.load(roundID)
	if err != nil {
		return nil, err
	}
	return s.resultsOf(r, sheets)
}

// ResultsAndRaters is Results and RaterUnits from one reading of the round's scores (the
// report needs both; on a round of 480,000 scores each reading is most of its time).
func (s *Service) ResultsAndRaters(roundID uint) (*Results, []RaterUnits, error) {
	r, sheets, err := s.load(roundID)
	if err != nil {
		return nil, nil, err
	}
	res, err := s.resultsOf(r, sheets)
	if err != nil {
		return nil, nil, err
	}
	return res, r.raterUnits(sheets), nil
}

// load reads a round and every stored value of it.
func (s *Service) load(roundID uint) (*Round, scoring.Scores, error) {
	r, err := LoadRound(s.db, roundID)
	if err != nil {
		return nil, nil, err
	}
	sheets, err := loadSheets(s.db, roundID)
	if err != nil {
		return nil, nil, err
	}
	return r, sheets, nil
}

func (s *Service) resultsOf(r *Round, sheets scoring.Scores) (*Results, error) {
	roundID := r.ID
	adjust := map[uint]int64{}
	adj, err := adjustments(s.db, roundID)
	if err != nil {
		return nil, err
	}
	for _, a := range adj {
		adjust[a.UnitID] += a.PointsCenti
	}
	in := scoring.RoundInput{Indicators: r.scoringIndicators(), Scores: sheets, Adjust: adjust, Settings: settingsOf(&r.Round)}
	groupName := map[uint]string{}
	for _, g := range r.Groups {
		in.Groups = append(in.Groups, scoring.Group{ID: g.ID, Weight: int64(g.WeightBP)})
		groupName[g.ID] = g.Name
		for _, rt := range g.Raters {
			sr := scoring.Rater{ID: rt.ID, Group: g.ID}
			for _, u := range rt.Recused {
				if r.HasUnit(u) {
					sr.Recused = append(sr.Recused, u)
				}
			}
			in.Raters = append(in.Raters, sr)
		}
	}
	for _, u := range r.Units {
		in.Units = append(in.Units, u.ID)
	}
	res, err := scoring.Compute(in)
	if err != nil {
		return nil, err
	}
	provisional := r.Status != round.Closed
	out := &Results{RoundID: r.ID, Code: r.Code, Title: r.Title, Date: r.Date, Status: r.Status, SchemeName: r.SchemeName,
		Provisional: provisional, ExcellentCapPct: r.ExcellentCapPct,
		Units: []UnitResult{}, Indicators: []IndicatorResult{}, Raters: []RaterResult{}}
	for _, g := range r.Groups {
		out.Groups = append(out.Groups, g.Group)
	}
	unitRef := map[uint]round.UnitRef{}
	for _, u := range r.Units {
		unitRef[u.ID] = u
	}
	for _, ur := range res.Units {
		row := UnitResult{UnitRef: unitRef[ur.Unit], Scored: ur.Scored, FinalCenti: ur.Final.Centi(), Rank: ur.Rank, Grade: ur.Grade,
			Capped: ur.Capped, Complete: ur.AllComplete, CompleteN: ur.Complete, Expected: ur.Expected, AdjustCenti: ur.Adjust,
			Renormalised: ur.Renormalised, Provisional: provisional, Groups: []GroupScore{}, Adjustments: []Adjustment{}}
		for _, a := range adj {
			if a.UnitID == ur.Unit {
				row.Adjustments = append(row.Adjustments, a)
			}
		}
		if !ur.Scored {
			row.FinalCenti = 0
		}
		for _, g := range ur.Groups {
			row.Groups = append(row.Groups, GroupScore{Name: groupName[g.Group], WeightBP: int(g.Weight), Present: g.Present,
				ScoreCenti: g.Score.Centi(), Complete: g.Complete, Expected: g.Expected, Trimmed: g.Trimmed})
		}
		row.Dimensions = r.dimensionMeans(in.Indicators, sheets, ur)
		out.Units = append(out.Units, row)
	}
	for i, st := range res.Indicators {
		out.Indicators = append(out.Indicators, IndicatorResult{Indicator: r.Indicators[i], N: st.N, MeanCenti: st.Mean.Centi(), MeanLostCenti: st.MeanLost.Centi()})
	}
	for _, rs := range res.Raters {
		ref, _ := r.Rater(rs.Rater)
		out.Raters = append(out.Raters, RaterResult{RaterRef: ref, Group: groupName[rs.Group], Units: rs.Units,
			MeanDeviationCenti: rs.MeanDeviation.Centi(), MeanAbsDeviationCenti: rs.MeanAbsDeviation.Centi(), Flagged: rs.Flagged})
	}
	return out, nil
}

func settingsOf(r *round.Round) scoring.Settings {
	s := scoring.DefaultSettings()
	s.TrimMinRaters = r.TrimMinRaters
	s.Grades = scoring.StandardGrades(r.ExcellentMinCenti, r.GoodMinCenti, r.FairMinCenti)
	s.ExcellentCapPercent = r.ExcellentCapPct
	return s
}

// dimensionMeans averages, per level-1 dimension, the points of the unit's complete sheets
// (deductions negative), for the radar chart of a unit.
func (r *Round) dimensionMeans(inds []scoring.Indicator, sheets scoring.Scores, ur scoring.UnitResult) []DimensionScore {
	var dims []DimensionScore
	pos := map[string]int{}
	for _, ind := range r.Indicators {
		if _, ok := pos[ind.Dimension]; !ok {
			pos[ind.Dimension] = len(dims)
			dims = append(dims, DimensionScore{Name: ind.Dimension})
		}
		dims[pos[ind.Dimension]].MaxCenti += ind.Engine.Ceiling()
	}
	sums := make([]int64, len(dims))
	n := int64(0)
	for _, rr := range ur.Raters {
		if !rr.Complete {
			continue
		}
		v := sheets[scoring.SheetKey{Unit: ur.Unit, Rater: rr.Rater}]
		n++
		for _, ind := range r.Indicators {
			x, ok := v[ind.ID]
			if !ok {
				continue
			}
			if ind.Engine.Kind == scoring.KindDeduct {
				x = -x
			}
			sums[pos[ind.Dimension]] += x
		}
	}
	for i := range dims {
		if n > 0 {
			dims[i].MeanCenti = scoring.CentiRatio(sums[i], n).Centi()
		}
	}
	return dims
}

// TrendPoint is a unit's place in one round.
type TrendPoint struct {
	Code       string `json:"code"`
	Title      string `json:"title"`
	Date       string `json:"date"`
	FinalCenti int64  `json:"finalCenti"`
	Rank       int    `json:"rank"`
	Units      int    `json:"units"`
	Grade      string `json:"grade"`
}

// Trend lists a unit's final score and rank in every round that observed it, oldest first.
func (s *Service) Trend(unitID uint) ([]TrendPoint, error) {
	var ids []uint
	err := store.InTx(s.db, func(tx store.Tx) (err error) {
		ids, err = round.WithTx(tx).Observing(unitID)
		return err
	})
	if err != nil {
		return nil, err
	}
	out := []TrendPoint{}
	for _, id := range ids {
		res, err := s.Results(id)
		if err != nil {
			return nil, err
		}
		for _, u := range res.Units {
			if u.ID == unitID && u.Scored {
				out = append(out, TrendPoint{Code: res.Code, Title: res.Title, Date: res.Date, FinalCenti: u.FinalCenti,
					Rank: u.Rank, Units: len(res.Units), Grade: u.Grade})
			}
		}
	}
	return out, nil
}
