package scoring_test

import (
	"testing"

	"liankanping/internal/scoring"
)

func TestIndicatorStats(t *testing.T) {
	var (
		s = scoring.Indicator{ID: 1, Kind: scoring.KindScore, Max: 1000}
		g = scoring.Indicator{ID: 2, Kind: scoring.KindGrade, Options: []scoring.Option{{"好", 500}, {"差", 100}}}
		d = scoring.Indicator{ID: 3, Kind: scoring.KindDeduct, Max: 500}
		b = scoring.Indicator{ID: 4, Kind: scoring.KindBonus, Max: 300}
	)
	inds := []scoring.Indicator{b, d, g, s}
	sheets := []scoring.Values{
		{1: 800, 2: 500, 3: 100},        // bonus blank
		{1: 600, 2: 100, 4: 300},        // deduct blank
		{2: 100, 3: 500},                // incomplete: left out
		{1: 1000, 2: 500, 3: 600, 4: 0}, // invalid deduct: incomplete, left out
	}
	stats := scoring.IndicatorStats(inds, sheets)
	want := []struct {
		id         uint
		mean, lost string
	}{
		{4, "1.50", "0.00"}, // bonus: never a loss
		{3, "0.50", "0.50"}, // deduct: blank counts as 0 deducted
		{2, "3.00", "2.00"}, // grade: best option 5 minus the value
		{1, "7.00", "3.00"}, // score: max 10 minus the value
	}
	for i, w := range want {
		st := stats[i]
		if st.Indicator != w.id || st.N != 2 || st.Mean.String() != w.mean || st.MeanLost.String() != w.lost {
			t.Errorf("stat %d = {%d n=%d mean %s lost %s}, want {%d n=2 mean %s lost %s}",
				i, st.Indicator, st.N, st.Mean, st.MeanLost, w.id, w.mean, w.lost)
		}
	}
	order := []uint{}
	for _, st := range scoring.MostLost(stats) {
		order = append(order, st.Indicator)
	}
	if want := []uint{1, 2, 3, 4}; !equalUints(order, want) {
		t.Errorf("MostLost order %v, want %v", order, want)
	}
	if stats[0].Indicator != 4 {
		t.Errorf("MostLost reordered its argument")
	}

	empty := scoring.IndicatorStats(inds, []scoring.Values{{2: 100}})
	if empty[3].N != 0 || empty[3].Mean.Sign() != 0 || empty[3].MeanLost.Sign() != 0 {
		t.Errorf("with no complete sheet: %+v, want N 0 and zeros", empty[3])
	}
}

func TestIndicatorStatsMeanIsExact(t *testing.T) {
	s := scoring.Indicator{ID: 1, Kind: scoring.KindScore, Max: 1000, Step: 1}
	stats := scoring.IndicatorStats([]scoring.Indicator{s}, []scoring.Values{{1: 1000}, {1: 1000}, {1: 999}})
	if stats[0].Mean.Cmp(scoring.CentiRatio(2999, 3)) != 0 || stats[0].MeanLost.Cmp(scoring.CentiRatio(1, 3)) != 0 {
		t.Errorf("mean %v, lost %v; want 2999/3 and 1/3 centi", stats[0].Mean.Rat(), stats[0].MeanLost.Rat())
	}
}

func TestComputeIndicatorStats(t *testing.T) {
	scores := sheets(scoring.Scores{}, 100, map[uint]int64{11: 9000, 12: 8000, 13: -1})
	scores.Set(100, 11, 2, 200)
	scores.Set(100, 13, 2, 1000) // incomplete sheet: its deduction is not counted
	scores = sheets(scores, 101, map[uint]int64{11: 7000, 21: 10000})
	scores.Set(101, 21, 3, 500)
	scores = sheets(scores, 102, map[uint]int64{22: 5000}) // rater 22 is recused from 102: ignored
	raters := append([]scoring.Rater{}, roundRaters...)
	raters[6].Recused = []uint{102}
	res, err := scoring.Compute(scoring.RoundInput{
		Indicators: roundInds, Groups: roundGroups, Raters: raters,
		Units: []uint{100, 101, 102}, Scores: scores, Settings: scoring.DefaultSettings(),
	})
	if err != nil {
		t.Fatal(err)
	}
	// complete sheets: 9000 (−2), 8000, 7000, 10000 (+5)
	want := []struct{ mean, lost string }{{"85.00", "15.00"}, {"0.50", "0.50"}, {"1.25", "0.00"}}
	for i, w := range want {
		st := res.Indicators[i]
		if st.N != 4 || st.Mean.String() != w.mean || st.MeanLost.String() != w.lost {
			t.Errorf("indicator %d: n=%d mean %s lost %s, want n=4 mean %s lost %s",
				st.Indicator, st.N, st.Mean, st.MeanLost, w.mean, w.lost)
		}
	}
}

func TestRaterConsistency(t *testing.T) {
	groups := []scoring.Group{{ID: 1, Weight: 5000}, {ID: 2, Weight: 5000}}
	raters := []scoring.Rater{{ID: 1, Group: 1}, {ID: 2, Group: 1}, {ID: 3, Group: 1}, {ID: 4, Group: 1}, {ID: 9, Group: 2}}
	scores := sheets(scoring.Scores{}, 100, map[uint]int64{1: 9000, 2: 8000, 3: 7000, 4: 8000, 9: 6000}) // group 1: 80.00
	scores = sheets(scores, 101, map[uint]int64{1: 8000, 2: 8000, 3: -1, 4: 6000, 9: 9900})              // group 1: 73.33…
	scores = sheets(scores, 102, map[uint]int64{1: 8500, 2: -1, 3: -1, 4: 9500})                         // group 1: 90.00
	scores = sheets(scores, 103, map[uint]int64{1: 7000})                                                // alone: not compared
	tests := []struct {
		flag    int64
		flagged []uint
	}{
		{0, nil},               // 0 flags no one
		{500, []uint{1, 3, 4}}, // mean absolute deviations 7.22, 10 and 6.11 exceed 5
		{700, []uint{1, 3}},    // 6.11 does not exceed 7
		{999, []uint{3}},       // 10 exceeds 9.99
		{1000, nil},            // but not 10: the flag is strictly beyond the line
		{2000, nil},
	}
	for _, tt := range tests {
		s := scoring.DefaultSettings()
		s.DeviationFlag = tt.flag
		res, err := scoring.Compute(scoring.RoundInput{Indicators: roundInds, Groups: groups, Raters: raters,
			Units: []uint{100, 101, 102, 103}, Scores: scores, Settings: s})
		if err != nil {
			t.Fatal(err)
		}
		var flagged []uint
		for _, r := range res.Raters {
			if r.Flagged {
				flagged = append(flagged, r.Rater)
			}
		}
		if !equalUints(flagged, tt.flagged) {
			t.Errorf("flag %s: flagged %v, want %v", scoring.FormatCenti(tt.flag), flagged, tt.flagged)
		}
		if tt.flag != 500 {
			continue
		}
		// rater 1: +10, +6.67, −5 → mean +3.89, abs 7.22; rater 2: 0, +6.67 → 3.33, 3.33;
		// rater 3: −10 → −10, 10; rater 4: 0, −13.33, +5 → −2.78, 6.11; rater 9 alone in group 2.
		want := []struct {
			rater      uint
			units      int
			mean, abs_ string
		}{{1, 3, "3.89", "7.22"}, {2, 2, "3.33", "3.33"}, {3, 1, "-10.00", "10.00"}, {4, 3, "-2.78", "6.11"}, {9, 0, "0.00", "0.00"}}
		for i, w := range want {
			r := res.Raters[i]
			if r.Rater != w.rater || r.Group != raters[i].Group || r.Units != w.units ||
				r.MeanDeviation.String() != w.mean || r.MeanAbsDeviation.String() != w.abs_ {
				t.Errorf("rater %d: units %d, mean %s, abs %s; want rater %d: %d, %s, %s",
					r.Rater, r.Units, r.MeanDeviation, r.MeanAbsDeviation, w.rater, w.units, w.mean, w.abs_)
			}
		}
	}
}

func equalUints(a, b []uint) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
