package scoring_test

import (
	"slices"
	"testing"

	"liankanping/internal/scoring"
)

func TestRaterTotal(t *testing.T) {
	var (
		s1 = scoring.Indicator{ID: 1, Kind: scoring.KindScore, Max: 6000}
		s2 = scoring.Indicator{ID: 2, Kind: scoring.KindScore, Max: 3000, Step: 1}
		g  = scoring.Indicator{ID: 3, Kind: scoring.KindGrade, Options: []scoring.Option{{"好", 1000}, {"较好", 800}, {"一般", 600}, {"差", 0}}}
		d  = scoring.Indicator{ID: 4, Kind: scoring.KindDeduct, Max: 500}
		b  = scoring.Indicator{ID: 5, Kind: scoring.KindBonus, Max: 500}
	)
	inds := []scoring.Indicator{s1, s2, g, d, b}
	tests := []struct {
		name   string
		inds   []scoring.Indicator
		values scoring.Values
		want   scoring.Total
	}{
		{"all filled", inds, scoring.Values{1: 5500, 2: 2850, 3: 800, 4: 200, 5: 150},
			scoring.Total{Points: 5500 + 2850 + 800 - 200 + 150, Complete: true}},
		{"deduct and bonus blank", inds, scoring.Values{1: 5500, 2: 2850, 3: 800},
			scoring.Total{Points: 9150, Complete: true}},
		{"zero is a value", inds, scoring.Values{1: 5500, 2: 0, 3: 0},
			scoring.Total{Points: 5500, Complete: true}},
		{"blank score", inds, scoring.Values{1: 5500, 3: 800},
			scoring.Total{Points: 6300, Missing: 1}},
		{"blank grade", inds, scoring.Values{1: 5500, 2: 2850, 4: 100},
			scoring.Total{Points: 8250, Missing: 1}},
		{"empty sheet", inds, scoring.Values{}, scoring.Total{Missing: 3}},
		{"nil sheet", inds, nil, scoring.Total{Missing: 3}},
		{"only deduct and bonus", inds, scoring.Values{4: 500, 5: 500}, scoring.Total{Points: 0, Missing: 3}},
		{"above maximum is invalid and left out", inds, scoring.Values{1: 6100, 2: 2850, 3: 800},
			scoring.Total{Points: 3650, Invalid: 1}},
		{"off step is invalid", inds, scoring.Values{1: 5510, 2: 2850, 3: 800},
			scoring.Total{Points: 3650, Invalid: 1}},
		{"grade between options is invalid", inds, scoring.Values{1: 5500, 2: 2850, 3: 700},
			scoring.Total{Points: 8350, Invalid: 1}},
		{"deduct above cap is invalid", inds, scoring.Values{1: 5500, 2: 2850, 3: 800, 4: 600},
			scoring.Total{Points: 9150, Invalid: 1}},
		{"unknown indicator ignored", inds, scoring.Values{1: 5500, 2: 2850, 3: 800, 99: 10000},
			scoring.Total{Points: 9150, Complete: true}},
		{"bonus lifts above 100", []scoring.Indicator{{ID: 1, Kind: scoring.KindScore, Max: 10000}, b},
			scoring.Values{1: 10000, 5: 500}, scoring.Total{Points: 10500, Complete: true}},
		{"deductions below zero", []scoring.Indicator{{ID: 1, Kind: scoring.KindScore, Max: 10000}, d},
			scoring.Values{1: 0, 4: 500}, scoring.Total{Points: -500, Complete: true}},
		{"no required indicators", []scoring.Indicator{d, b}, nil, scoring.Total{Complete: true}},
	}
	for _, tt := range tests {
		if got := scoring.RaterTotal(tt.inds, tt.values); got != tt.want {
			t.Errorf("%s: RaterTotal = %+v, want %+v", tt.name, got, tt.want)
		}
	}
}

func TestTrimmedMean(t *testing.T) {
	tests := []struct {
		name    string
		totals  []int64
		trimMin int
		want    scoring.Exact
		trimmed bool
		ok      bool
	}{
		{"none", nil, 5, scoring.Exact{}, false, false},
		{"one", []int64{8750}, 5, scoring.FromCenti(8750), false, true},
		{"trimMin-1 totals: plain mean", []int64{9000, 9100, 8900, 9500}, 5, scoring.FromCenti(9125), false, true},
		{"trimMin totals: trimmed", []int64{8000, 9000, 8500, 7000, 9500}, 5, scoring.FromCenti(8500), true, true},
		{"more than trimMin", []int64{8000, 9000, 8500, 7000, 9500, 8700}, 5, scoring.CentiRatio(8000+9000+8500+8700, 4), true, true},
		{"all identical", []int64{8800, 8800, 8800, 8800, 8800}, 5, scoring.FromCenti(8800), true, true},
		{"ties at the top: only one dropped", []int64{9000, 9000, 9000, 8000, 7000}, 5, scoring.CentiRatio(26000, 3), true, true},
		{"ties at the bottom: only one dropped", []int64{7000, 7000, 7000, 9000, 8000}, 5, scoring.CentiRatio(22000, 3), true, true},
		{"fractional mean kept exact", []int64{8999, 9000}, 5, scoring.CentiRatio(17999, 2), false, true},
		{"trimMin 0 never trims", []int64{8000, 9000, 8500, 7000, 9500}, 0, scoring.FromCenti(8400), false, true},
		{"trimMin 2 waits for 3 totals", []int64{8000, 9000}, 2, scoring.FromCenti(8500), false, true},
		{"trimMin 2 with 3 totals keeps the middle", []int64{8000, 9000, 8600}, 2, scoring.FromCenti(8600), true, true},
		{"trimMin 3", []int64{8000, 9000, 8600}, 3, scoring.FromCenti(8600), true, true},
		{"negative totals", []int64{-500, 100, 200, 300, 1000}, 5, scoring.FromCenti(200), true, true},
	}
	for _, tt := range tests {
		in := slices.Clone(tt.totals)
		got, trimmed, ok := scoring.TrimmedMean(in, tt.trimMin)
		if got.Cmp(tt.want) != 0 || trimmed != tt.trimmed || ok != tt.ok {
			t.Errorf("%s: TrimmedMean = %v (%v), trimmed %v, ok %v; want %v (%v), %v, %v",
				tt.name, got.Rat(), got, trimmed, ok, tt.want.Rat(), tt.want, tt.trimmed, tt.ok)
		}
		if !slices.Equal(in, tt.totals) {
			t.Errorf("%s: TrimmedMean changed its argument to %v", tt.name, in)
		}
	}
}

func TestFinalScore(t *testing.T) {
	present := func(weight int64, score scoring.Exact) scoring.GroupResult {
		return scoring.GroupResult{Weight: weight, Score: score, Present: true}
	}
	absent := func(weight int64) scoring.GroupResult { return scoring.GroupResult{Weight: weight} }
	c := scoring.FromCenti
	tests := []struct {
		name         string
		groups       []scoring.GroupResult
		adjust       int64
		want         string
		renormalised bool
		ok           bool
	}{
		{"all present, basis points", []scoring.GroupResult{present(4000, c(9000)), present(3000, c(8000)), present(3000, c(7000))}, 0, "81.00", false, true},
		{"all present, percent", []scoring.GroupResult{present(40, c(9000)), present(30, c(8000)), present(30, c(7000))}, 0, "81.00", false, true},
		{"fractional group scores", []scoring.GroupResult{present(4000, scoring.CentiRatio(27000, 3)), present(3000, c(8600)), present(3000, c(8000))}, 0, "85.80", false, true},
		{"one group missing: renormalised", []scoring.GroupResult{present(4000, c(9000)), present(3000, c(8000)), absent(3000)}, 0, "85.71", true, true},
		{"two groups missing", []scoring.GroupResult{absent(4000), present(3000, c(8000)), absent(3000)}, 0, "80.00", true, true},
		{"all groups missing: no final", []scoring.GroupResult{absent(4000), absent(3000), absent(3000)}, 500, "0.00", false, false},
		{"no groups", nil, 0, "0.00", false, false},
		{"zero-weight group missing is no renormalisation", []scoring.GroupResult{present(10000, c(9000)), absent(0)}, 0, "90.00", false, true},
		{"only a zero-weight group present", []scoring.GroupResult{present(0, c(9000)), absent(10000)}, 0, "0.00", false, false},
		{"adjustment added after weighting", []scoring.GroupResult{present(4000, c(9000)), present(6000, c(8000))}, 250, "86.50", false, true},
		{"negative adjustment", []scoring.GroupResult{present(10000, c(8000))}, -50, "79.50", false, true},
		{"adjustment above 100", []scoring.GroupResult{present(10000, c(9900))}, 300, "102.00", false, true},
		{"89.995 rounds up", []scoring.GroupResult{present(10000, scoring.CentiRatio(17999, 2))}, 0, "90.00", false, true},
		{"x.xx5 after a negative adjustment", []scoring.GroupResult{present(10000, scoring.CentiRatio(17999, 2))}, -100, "89.00", false, true},
		{"negative final", []scoring.GroupResult{present(10000, c(-500))}, -100, "-6.00", false, true},
		{"negative x.xx5 away from zero", []scoring.GroupResult{present(10000, scoring.CentiRatio(-1, 2))}, 0, "-0.01", false, true},
	}
	for _, tt := range tests {
		final, renorm, ok := scoring.FinalScore(tt.groups, tt.adjust)
		if final.String() != tt.want || renorm != tt.renormalised || ok != tt.ok {
			t.Errorf("%s: FinalScore = %s, renormalised %v, ok %v; want %s, %v, %v",
				tt.name, final, renorm, ok, tt.want, tt.renormalised, tt.ok)
		}
	}
}

// TestFinalScoreNoDoubleRounding is the case a fixed finer precision gets wrong: a
// renormalised weighted mean of means that sits 0.0000017 centi below x.xx5. Kept in
// micro-points (1e-4 centi) it would first become x.xx5000 and then be rounded up.
func TestFinalScoreNoDoubleRounding(t *testing.T) {
	g := []scoring.GroupResult{
		{Weight: 6667, Score: scoring.CentiRatio(26970, 3), Present: true},   // 3 raters, 89.90
		{Weight: 3000, Score: scoring.CentiRatio(161849, 18), Present: true}, // 18 raters, 89.9161…
		{Weight: 333}, // absent: renormalised over 9667
	}
	final, renorm, ok := scoring.FinalScore(g, 0)
	if !ok || !renorm || final.Cmp(scoring.CentiRatio(260733490, 29001)) != 0 {
		t.Fatalf("FinalScore = %v centi exactly, renormalised %v, ok %v; want 260733490/29001", final.Rat(), renorm, ok)
	}
	if got := final.String(); got != "89.90" {
		t.Errorf("8990.4999827… centi shows as %s, want 89.90", got)
	}
}
