package scoring

import "slices"

// IndicatorStat is how an indicator fared over complete sheets, for "where units lose most
// points" (DOMAIN §4.6). It is shown, never applied.
type IndicatorStat struct {
	Indicator uint  `json:"indicator"`
	N         int   `json:"n"`        // complete sheets counted
	Mean      Exact `json:"mean"`     // mean value; a blank deduct or bonus counts as 0
	MeanLost  Exact `json:"meanLost"` // mean points lost: see IndicatorStats
}

// IndicatorStats returns, per indicator in the order given, the mean value and the mean
// points lost over the complete sheets among sheets (incomplete ones are left out, as from
// every mean). Points lost are the ceiling minus the value for score and grade, the points
// deducted for deduct, and 0 for bonus: a bonus not earned is not a loss.
func IndicatorStats(inds []Indicator, sheets []Values) []IndicatorStat {
	acc := newIndicatorAcc(inds)
	for _, v := range sheets {
		if RaterTotal(inds, v).Complete {
			acc.add(v)
		}
	}
	return acc.stats()
}

// MostLost returns a copy of stats ordered by mean points lost, most first; ties keep their order.
func MostLost(stats []IndicatorStat) []IndicatorStat {
	out := slices.Clone(stats)
	slices.SortStableFunc(out, func(a, b IndicatorStat) int { return b.MeanLost.Cmp(a.MeanLost) })
	return out
}

// indicatorAcc sums values and losses of complete sheets.
type indicatorAcc struct {
	inds        []Indicator
	ceiling     []int64
	values, los []int64
	n           int
}

func newIndicatorAcc(inds []Indicator) *indicatorAcc {
	a := &indicatorAcc{inds: inds, ceiling: make([]int64, len(inds)),
		values: make([]int64, len(inds)), los: make([]int64, len(inds))}
	for i, ind := range inds {
		a.ceiling[i] = ind.Ceiling()
	}
	return a
}

// add counts one complete sheet.
func (a *indicatorAcc) add(v Values) {
	a.n++
	for i, ind := range a.inds {
		x := v[ind.ID]
		a.values[i] += x
		switch ind.Kind {
		case KindScore, KindGrade:
			a.los[i] += a.ceiling[i] - x
		case KindDeduct:
			a.los[i] += x
		}
	}
}

func (a *indicatorAcc) stats() []IndicatorStat {
	out := make([]IndicatorStat, len(a.inds))
	for i, ind := range a.inds {
		out[i] = IndicatorStat{Indicator: ind.ID, N: a.n}
		if a.n > 0 {
			out[i].Mean = CentiRatio(a.values[i], int64(a.n))
			out[i].MeanLost = CentiRatio(a.los[i], int64(a.n))
		}
	}
	return out
}

// RaterStat is how far a rater's totals sit from their group's scores (DOMAIN §4.6): shown
// so that someone can look, never used to change a score.
type RaterStat struct {
	Rater uint `json:"rater"`
	Group uint `json:"group"`
	// Units is how many units were compared: those where the rater's total is complete and
	// the group has at least two complete totals (alone, a rater agrees with themself).
	Units int `json:"units"`
	// MeanDeviation is the mean of (total − group score): below 0 a strict rater, above 0 a
	// lenient one.
	MeanDeviation Exact `json:"meanDeviation"`
	// MeanAbsDeviation is the mean of |total − group score|; it also catches a rater who is
	// far off in both directions.
	MeanAbsDeviation Exact `json:"meanAbsDeviation"`
	// Flagged is MeanAbsDeviation > the DeviationFlag setting (when that is above 0).
	Flagged bool `json:"flagged"`
}

// RaterConsistency compares each rater's complete totals with their group's score for the same
// unit — the score actually used, after any trimming — over the units of a computed round.
// Raters come out in the order given; flag is in centi-points and 0 flags no one.
func RaterConsistency(raters []Rater, units []UnitResult, flag int64) []RaterStat {
	pos := make(map[uint]int, len(raters))
	out := make([]RaterStat, len(raters))
	sum := make([]Exact, len(raters))
	abs := make([]Exact, len(raters))
	for i, r := range raters {
		pos[r.ID] = i
		out[i] = RaterStat{Rater: r.ID, Group: r.Group}
	}
	for _, u := range units {
		for _, rr := range u.Raters {
			i, ok := pos[rr.Rater]
			g, found := groupOf(u.Groups, rr.Group)
			if !ok || !found || !rr.Complete || !g.Present || g.Complete < 2 {
				continue
			}
			d := FromCenti(rr.Points).sub(g.Score)
			sum[i], abs[i] = sum[i].add(d), abs[i].add(d.abs())
			out[i].Units++
		}
	}
	for i := range out {
		if n := int64(out[i].Units); n > 0 {
			out[i].MeanDeviation = sum[i].quoInt(n)
			out[i].MeanAbsDeviation = abs[i].quoInt(n)
			out[i].Flagged = flag > 0 && out[i].MeanAbsDeviation.Cmp(FromCenti(flag)) > 0
		}
	}
	return out
}

func groupOf(groups []GroupResult, id uint) (GroupResult, bool) {
	for _, g := range groups {
		if g.Group == id {
			return g, true
		}
	}
	return GroupResult{}, false
}
