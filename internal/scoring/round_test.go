package scoring_test

import (
	"fmt"
	"strings"
	"testing"

	"liankanping/internal/scoring"
)

// The round of these tests: one score indicator worth 100 points to any hundredth (so a
// sheet's total is its value), a deduction and a bonus; groups 1 (40 %), 2 and 3 (30 % each)
// with raters 11–15, 21–22 and 31.
var (
	roundInds = []scoring.Indicator{
		{ID: 1, Kind: scoring.KindScore, Max: 10000, Step: 1},
		{ID: 2, Kind: scoring.KindDeduct, Max: 1000},
		{ID: 3, Kind: scoring.KindBonus, Max: 500},
	}
	roundGroups = []scoring.Group{{ID: 1, Weight: 4000}, {ID: 2, Weight: 3000}, {ID: 3, Weight: 3000}}
	roundRaters = []scoring.Rater{
		{ID: 11, Group: 1}, {ID: 12, Group: 1}, {ID: 13, Group: 1}, {ID: 14, Group: 1}, {ID: 15, Group: 1},
		{ID: 21, Group: 2}, {ID: 22, Group: 2},
		{ID: 31, Group: 3},
	}
)

// sheets builds the scores of one unit from totals by rater: -1 leaves the sheet blank.
func sheets(s scoring.Scores, unit uint, totals map[uint]int64) scoring.Scores {
	for rater, total := range totals {
		if total >= 0 {
			s.Set(unit, rater, 1, total)
		}
	}
	return s
}

// set stores one value and returns s, for building scores inside a table.
func set(s scoring.Scores, unit, rater, indicator uint, v int64) scoring.Scores {
	s.Set(unit, rater, indicator, v)
	return s
}

// describe writes a unit's result compactly: final, rank, grade, complete/expected, the
// flags, and each group's score (* when trimmed, - when absent).
func describe(u scoring.UnitResult) string {
	final := "-"
	if u.Scored {
		final = u.Final.String()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s #%d %s %d/%d", final, u.Rank, u.Grade, u.Complete, u.Expected)
	if u.Renormalised {
		b.WriteString(" renorm")
	}
	if u.Capped {
		b.WriteString(" capped")
	}
	for _, g := range u.Groups {
		switch {
		case !g.Present:
			fmt.Fprintf(&b, " -(%d/%d)", g.Complete, g.Expected)
		case g.Trimmed:
			fmt.Fprintf(&b, " %s*(%d/%d)", g.Score, g.Complete, g.Expected)
		default:
			fmt.Fprintf(&b, " %s(%d/%d)", g.Score, g.Complete, g.Expected)
		}
	}
	return b.String()
}

func TestCompute(t *testing.T) {
	const blank = -1
	full := map[uint]int64{11: 9000, 12: 9100, 13: 8900, 14: 9500, 15: 8000, 21: 8500, 22: 8700, 31: 8000}
	with := func(base map[uint]int64, changes map[uint]int64) map[uint]int64 {
		out := map[uint]int64{}
		for k, v := range base {
			out[k] = v
		}
		for k, v := range changes {
			out[k] = v
		}
		return out
	}
	tests := []struct {
		name     string
		groups   []scoring.Group
		raters   []scoring.Rater
		units    []uint
		scores   scoring.Scores
		adjust   map[uint]int64
		settings func(*scoring.Settings)
		want     []string // describe() of each unit, in output order
	}{
		{
			name:   "all complete, first group trimmed",
			units:  []uint{100},
			scores: sheets(scoring.Scores{}, 100, full),
			// group 1: (9000+9100+8900)/3 after dropping 95 and 80; 0.4×90 + 0.3×86 + 0.3×80
			want: []string{"85.80 #1 良好 8/8 90.00*(5/5) 86.00(2/2) 80.00(1/1)"},
		},
		{
			name:   "incomplete total left out: 4 of 5 complete, not trimmed",
			units:  []uint{100},
			scores: sheets(scoring.Scores{}, 100, with(full, map[uint]int64{15: blank})),
			want:   []string{"86.30 #1 良好 7/8 91.25(4/5) 86.00(2/2) 80.00(1/1)"},
		},
		{
			name:   "a sheet with only a deduction is incomplete",
			units:  []uint{100},
			scores: set(sheets(scoring.Scores{}, 100, with(full, map[uint]int64{15: blank})), 100, 15, 2, 300),
			want:   []string{"86.30 #1 良好 7/8 91.25(4/5) 86.00(2/2) 80.00(1/1)"},
		},
		{
			name:   "zero is a score, not a blank",
			units:  []uint{100},
			scores: sheets(scoring.Scores{}, 100, with(full, map[uint]int64{31: 0})),
			want:   []string{"61.80 #1 较差 8/8 90.00*(5/5) 86.00(2/2) 0.00(1/1)"},
		},
		{
			name:   "a missing group renormalises and flags",
			units:  []uint{100},
			scores: sheets(scoring.Scores{}, 100, with(full, map[uint]int64{31: blank})),
			// (4000×9000 + 3000×8600) / 7000 = 88.2857…
			want: []string{"88.29 #1 良好 7/8 renorm 90.00*(5/5) 86.00(2/2) -(0/1)"},
		},
		{
			name:   "no group at all: no final, no rank, no grade",
			units:  []uint{100},
			scores: scoring.Scores{},
			adjust: map[uint]int64{100: 200},
			want:   []string{"- #0  0/8 -(0/5) -(0/2) -(0/1)"},
		},
		{
			name:   "bonus lifts totals above 100, adjustment added after",
			groups: []scoring.Group{{ID: 3, Weight: 10000}},
			raters: []scoring.Rater{{ID: 31, Group: 3}},
			units:  []uint{100},
			scores: set(set(scoring.Scores{}, 100, 31, 1, 10000), 100, 31, 3, 500),
			adjust: map[uint]int64{100: 150},
			want:   []string{"106.50 #1 优秀 1/1 105.00(1/1)"},
		},
		{
			name:   "negative adjustment",
			groups: []scoring.Group{{ID: 3, Weight: 10000}},
			raters: []scoring.Rater{{ID: 31, Group: 3}},
			units:  []uint{100},
			scores: set(set(scoring.Scores{}, 100, 31, 1, 8000), 100, 31, 2, 250),
			adjust: map[uint]int64{100: -275},
			want:   []string{"74.75 #1 一般 1/1 77.50(1/1)"},
		},
		{
			name:   "89.995 shows, ranks and grades as 90.00",
			groups: []scoring.Group{{ID: 2, Weight: 10000}},
			raters: []scoring.Rater{{ID: 21, Group: 2}, {ID: 22, Group: 2}},
			units:  []uint{100, 101},
			scores: sheets(sheets(scoring.Scores{}, 100, map[uint]int64{21: 8999, 22: 9000}), 101, map[uint]int64{21: 8999, 22: 8999}),
			want:   []string{"90.00 #1 优秀 2/2 90.00(2/2)", "89.99 #2 良好 2/2 89.99(2/2)"},
		},
		{
			name:   "ranked on the rounded final, ties in input order, unscored last",
			groups: []scoring.Group{{ID: 2, Weight: 10000}},
			raters: []scoring.Rater{{ID: 21, Group: 2}, {ID: 22, Group: 2}},
			units:  []uint{99, 100, 101, 102, 103},
			scores: sheets(sheets(sheets(sheets(scoring.Scores{},
				100, map[uint]int64{21: 9000, 22: 9000}),
				101, map[uint]int64{21: 9000, 22: 9001}), // 90.005 → 90.01
				102, map[uint]int64{21: 9001, 22: 9001}), // 90.01
				103, map[uint]int64{21: 9500, 22: blank}),
			want: []string{
				"95.00 #1 优秀 1/2 95.00(1/2)",
				"90.01 #2 优秀 2/2 90.01(2/2)",
				"90.01 #2 优秀 2/2 90.01(2/2)",
				"90.00 #4 优秀 2/2 90.00(2/2)",
				"- #0  0/2 -(0/2)",
			},
		},
		{
			name:     "excellent cap: ties at the boundary drop together",
			groups:   []scoring.Group{{ID: 3, Weight: 10000}},
			raters:   []scoring.Rater{{ID: 31, Group: 3}},
			units:    []uint{1, 2, 3, 4},
			scores:   sheets(sheets(sheets(sheets(scoring.Scores{}, 1, map[uint]int64{31: 9500}), 2, map[uint]int64{31: 9300}), 3, map[uint]int64{31: 9300}), 4, map[uint]int64{31: 8500}),
			settings: func(s *scoring.Settings) { s.ExcellentCapPercent = 50 },
			want: []string{
				"95.00 #1 优秀 1/1 95.00(1/1)",
				"93.00 #2 良好 1/1 capped 93.00(1/1)",
				"93.00 #2 良好 1/1 capped 93.00(1/1)",
				"85.00 #4 良好 1/1 85.00(1/1)",
			},
		},
		{
			name: "a recused rater is not expected and their sheet is ignored",
			raters: []scoring.Rater{
				{ID: 11, Group: 1}, {ID: 12, Group: 1}, {ID: 13, Group: 1}, {ID: 14, Group: 1}, {ID: 15, Group: 1},
				{ID: 21, Group: 2}, {ID: 22, Group: 2, Recused: []uint{100}},
				{ID: 31, Group: 3, Recused: []uint{100, 101}},
			},
			units:  []uint{100},
			scores: sheets(scoring.Scores{}, 100, full),
			// group 2 is rater 21 alone; group 3 expects no one: (4000×9000 + 3000×8500)/7000
			want: []string{"87.86 #1 良好 6/6 renorm 90.00*(5/5) 85.00(1/1) -(0/0)"},
		},
		{
			name:     "trimming from 3 raters when the round says so",
			units:    []uint{100},
			scores:   sheets(scoring.Scores{}, 100, with(full, map[uint]int64{11: blank, 12: blank})),
			settings: func(s *scoring.Settings) { s.TrimMinRaters = 3 },
			want:     []string{"85.40 #1 良好 6/8 89.00*(3/5) 86.00(2/2) 80.00(1/1)"},
		},
		{
			name:   "an invalid stored value makes the total incomplete",
			units:  []uint{100},
			scores: sheets(scoring.Scores{}, 100, with(full, map[uint]int64{15: 12000})),
			want:   []string{"86.30 #1 良好 7/8 91.25(4/5) 86.00(2/2) 80.00(1/1)"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in := scoring.RoundInput{
				Indicators: roundInds, Groups: tt.groups, Raters: tt.raters, Units: tt.units,
				Scores: tt.scores, Adjust: tt.adjust, Settings: scoring.DefaultSettings(),
			}
			if in.Groups == nil {
				in.Groups = roundGroups
			}
			if in.Raters == nil {
				in.Raters = roundRaters
			}
			if tt.settings != nil {
				tt.settings(&in.Settings)
			}
			res, err := scoring.Compute(in)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Units) != len(tt.want) {
				t.Fatalf("%d units, want %d", len(res.Units), len(tt.want))
			}
			for i, u := range res.Units {
				if got := describe(u); got != tt.want[i] {
					t.Errorf("unit %d:\n got %s\nwant %s", u.Unit, got, tt.want[i])
				}
				if u.AllComplete != (u.Complete == u.Expected) {
					t.Errorf("unit %d: AllComplete %v with %d/%d", u.Unit, u.AllComplete, u.Complete, u.Expected)
				}
				if u.Adjust != tt.adjust[u.Unit] {
					t.Errorf("unit %d: Adjust %d, want %d", u.Unit, u.Adjust, tt.adjust[u.Unit])
				}
			}
		})
	}
}

func TestComputeRaterTotals(t *testing.T) {
	scores := sheets(scoring.Scores{}, 100, map[uint]int64{11: 9000, 12: -1, 21: 8000})
	scores.Set(100, 11, 2, 150)
	scores.Set(100, 21, 3, 300)
	res, err := scoring.Compute(scoring.RoundInput{
		Indicators: roundInds, Groups: roundGroups, Raters: roundRaters[:2:2],
		Units: []uint{100}, Scores: scores, Settings: scoring.DefaultSettings(),
	})
	if err != nil {
		t.Fatal(err)
	}
	got := res.Units[0].Raters
	want := []scoring.RaterResult{
		{Rater: 11, Group: 1, Total: scoring.Total{Points: 8850, Complete: true}},
		{Rater: 12, Group: 1, Total: scoring.Total{Missing: 1}},
	}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Errorf("Raters = %+v, want %+v", got, want)
	}
}

func TestComputeRefuses(t *testing.T) {
	ok := func() scoring.RoundInput {
		return scoring.RoundInput{Indicators: roundInds, Groups: roundGroups, Raters: roundRaters,
			Units: []uint{1, 2}, Scores: scoring.Scores{}, Settings: scoring.DefaultSettings()}
	}
	tests := []struct {
		name   string
		change func(*scoring.RoundInput)
	}{
		{"rater in an unknown group", func(in *scoring.RoundInput) {
			in.Raters = append(in.Raters[:len(in.Raters):len(in.Raters)], scoring.Rater{ID: 99, Group: 9})
		}},
		{"repeated rater", func(in *scoring.RoundInput) {
			in.Raters = append(in.Raters[:len(in.Raters):len(in.Raters)], scoring.Rater{ID: 11, Group: 1})
		}},
		{"repeated group", func(in *scoring.RoundInput) { in.Groups = append(in.Groups[:3:3], scoring.Group{ID: 1}) }},
		{"repeated unit", func(in *scoring.RoundInput) { in.Units = []uint{1, 1} }},
		{"repeated indicator", func(in *scoring.RoundInput) { in.Indicators = append(in.Indicators[:3:3], roundInds[0]) }},
		{"negative weight", func(in *scoring.RoundInput) { in.Groups = []scoring.Group{{ID: 1, Weight: -1}, {ID: 2}, {ID: 3}} }},
		{"invalid indicator", func(in *scoring.RoundInput) {
			in.Indicators = []scoring.Indicator{{ID: 1, Kind: scoring.KindScore, Max: 525}}
		}},
		{"invalid settings", func(in *scoring.RoundInput) { in.Settings.ExcellentCapPercent = 200 }},
	}
	if _, err := scoring.Compute(ok()); err != nil {
		t.Fatalf("the valid input is refused: %v", err)
	}
	for _, tt := range tests {
		in := ok()
		tt.change(&in)
		if _, err := scoring.Compute(in); err == nil {
			t.Errorf("%s: Compute accepted it", tt.name)
		}
	}
}

func TestComputeEmptyRound(t *testing.T) {
	res, err := scoring.Compute(scoring.RoundInput{Settings: scoring.DefaultSettings()})
	if err != nil || len(res.Units) != 0 || len(res.Indicators) != 0 || len(res.Raters) != 0 {
		t.Errorf("Compute of an empty round = %+v, %v", res, err)
	}
}
