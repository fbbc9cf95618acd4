package scoring

// Values is one rater's sheet for one unit: indicator ID → value in centi-points, with
// deductions positive. A missing key is a blank cell, which is not the same as 0.
type Values map[uint]int64

// Total is a rater's total for a unit and whether it counts.
type Total struct {
	Points   int64 `json:"points"`   // centi-points: Σ score + Σ grade + Σ bonus − Σ deduct
	Complete bool  `json:"complete"` // every score and grade indicator has a valid value
	Missing  int   `json:"missing"`  // score and grade indicators left blank
	Invalid  int   `json:"invalid"`  // values outside their indicator's bounds, left out
}

// RaterTotal adds up one sheet over the indicators (DOMAIN §4.1). Values of IDs not among inds
// are ignored. A value that fails ValidateValue (stored data should never hold one) is left
// out of the sum, counted in Invalid and makes the total incomplete, so it is seen, not used.
func RaterTotal(inds []Indicator, values Values) Total {
	var t Total
	for _, ind := range inds {
		v, ok := values[ind.ID]
		if !ok {
			if ind.Required() {
				t.Missing++
			}
			continue
		}
		if code, _ := checkValue(ind, v); code != "" {
			t.Invalid++
			continue
		}
		if ind.Kind == KindDeduct {
			t.Points -= v
		} else {
			t.Points += v
		}
	}
	t.Complete = t.Missing == 0 && t.Invalid == 0
	return t
}

// TrimmedMean is a group's score for a unit (DOMAIN §4.2): the exact mean of the complete
// totals, after dropping one highest and one lowest when there are at least trimMin of them.
// Only one of each is dropped even when several tie; trimMin below 3 is taken as 3, since
// trimming fewer would leave nothing, and trimMin 0 means never trim. ok is false when totals
// is empty. The slice is not modified.
func TrimmedMean(totals []int64, trimMin int) (mean Exact, trimmed, ok bool) {
	n := len(totals)
	if n == 0 {
		return Exact{}, false, false
	}
	var sum int64
	lo, hi := totals[0], totals[0]
	for _, t := range totals {
		sum += t
		lo, hi = min(lo, t), max(hi, t)
	}
	if trimMin > 0 && n >= max(trimMin, 3) {
		return CentiRatio(sum-lo-hi, int64(n-2)), true, true
	}
	return CentiRatio(sum, int64(n)), false, true
}

// GroupResult is one rater group's score for one unit, with what is needed to show its
// completeness and to weigh it.
type GroupResult struct {
	Group    uint  `json:"group"`
	Weight   int64 `json:"weight"`   // relative: basis points, percent or any scale
	Score    Exact `json:"score"`    // meaningful only when Present
	Present  bool  `json:"present"`  // at least one complete total
	Complete int   `json:"complete"` // complete totals, before trimming
	Expected int   `json:"expected"` // raters of the group expected to score the unit
	Trimmed  bool  `json:"trimmed"`  // a highest and a lowest total were dropped
}

// FinalScore weighs the present groups' scores and adds the admin-verified adjustment
// (DOMAIN §4.3): Σ weight × score / Σ weight over present groups, plus adjust. renormalised is
// true when a group with a positive weight is missing; ok is false when no present group has a
// positive weight, and then there is no final score, whatever the adjustment.
func FinalScore(groups []GroupResult, adjust int64) (final Exact, renormalised, ok bool) {
	var weights int64
	var sum Exact
	for _, g := range groups {
		switch {
		case g.Weight <= 0:
		case !g.Present:
			renormalised = true
		default:
			weights += g.Weight
			sum = sum.add(g.Score.mulInt(g.Weight))
		}
	}
	if weights == 0 {
		return Exact{}, false, false
	}
	return sum.quoInt(weights).add(FromCenti(adjust)), renormalised, true
}
