package scoring_test

import (
	"testing"

	"liankanping/internal/scoring"
)

// benchRound is the size of the demo's BENCH round: 67 units, a 120-indicator scheme (90
// score, 10 grade, 10 deduct, 10 bonus), 20 raters in 3 groups, every sheet filled but a few.
func benchRound() scoring.RoundInput {
	var in scoring.RoundInput
	for i := range 120 {
		ind := scoring.Indicator{ID: uint(i + 1)}
		switch {
		case i < 90:
			ind.Kind, ind.Max = scoring.KindScore, 100
		case i < 100:
			ind.Kind, ind.Options = scoring.KindGrade, []scoring.Option{{"好", 100}, {"一般", 50}, {"差", 0}}
		case i < 110:
			ind.Kind, ind.Max = scoring.KindDeduct, 200
		default:
			ind.Kind, ind.Max = scoring.KindBonus, 100
		}
		in.Indicators = append(in.Indicators, ind)
	}
	in.Groups = []scoring.Group{{ID: 1, Weight: 4000}, {ID: 2, Weight: 3000}, {ID: 3, Weight: 3000}}
	for r := range 20 {
		g := uint(1)
		if r >= 5 {
			g = 2
		}
		if r >= 13 {
			g = 3
		}
		in.Raters = append(in.Raters, scoring.Rater{ID: uint(101 + r), Group: g})
	}
	in.Scores = scoring.Scores{}
	seed := uint64(20240615)
	next := func(n uint64) int64 {
		seed = seed*6364136223846793005 + 1442695040888963407
		return int64((seed >> 33) % n)
	}
	for u := range 67 {
		unit := uint(1 + u)
		in.Units = append(in.Units, unit)
		for _, r := range in.Raters {
			for _, ind := range in.Indicators {
				if u%9 == 0 && r.ID == 120 && ind.ID == 5 {
					continue // a blank: this total is incomplete
				}
				switch ind.Kind {
				case scoring.KindScore:
					in.Scores.Set(unit, r.ID, ind.ID, 50*next(3))
				case scoring.KindGrade:
					in.Scores.Set(unit, r.ID, ind.ID, ind.Options[next(3)].Points)
				case scoring.KindDeduct, scoring.KindBonus:
					if next(4) == 0 {
						in.Scores.Set(unit, r.ID, ind.ID, next(uint64(ind.Max+1)))
					}
				}
			}
		}
	}
	in.Adjust = map[uint]int64{3: 200, 17: -100}
	in.Settings = scoring.DefaultSettings()
	in.Settings.ExcellentCapPercent = 30
	return in
}

func BenchmarkCompute(b *testing.B) {
	in := benchRound()
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		res, err := scoring.Compute(in)
		if err != nil || len(res.Units) != 67 {
			b.Fatalf("Compute: %d units, %v", len(res.Units), err)
		}
	}
}

func TestBenchRoundIsSound(t *testing.T) {
	res, err := scoring.Compute(benchRound())
	if err != nil {
		t.Fatal(err)
	}
	incomplete := 0
	for i, u := range res.Units {
		if !u.Scored || u.Expected != 20 || u.Rank < 1 || u.Grade == "" {
			t.Fatalf("unit %d: %+v", u.Unit, u)
		}
		if i > 0 && u.Final.Centi() > res.Units[i-1].Final.Centi() {
			t.Errorf("units not in rank order at %d", i)
		}
		if !u.AllComplete {
			incomplete++
		}
	}
	if incomplete != 8 {
		t.Errorf("%d units with an incomplete total, want 8", incomplete)
	}
}
