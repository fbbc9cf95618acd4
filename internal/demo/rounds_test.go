package demo_test

import (
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/demo"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

func TestDemoRounds(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Load(s, demo.Options{Bench: true}); err != nil {
		t.Fatal(err)
	}
	rs := round.NewService(s)
	list, err := rs.List()
	if err != nil {
		t.Fatal(err)
	}
	status := map[string]round.Summary{}
	for _, r := range list {
		status[r.Code] = r
	}
	observed := map[uint]bool{}
	for _, code := range []string{"2023Q3", "2023Q4", "2024Q1", "2024Q2", "2024Q3"} {
		r, ok := status[code]
		if !ok || r.Status != round.Closed || r.UnitCount != 11 || r.ScoreCount == 0 {
			t.Fatalf("%s = %+v", code, r)
		}
		d, _ := rs.Get(r.ID)
		for _, u := range d.Units {
			observed[u.ID] = true
		}
		if len(d.Groups) != 3 || d.Groups[0].Name != "区委常委" || d.Groups[0].WeightBP != 4000 {
			t.Errorf("%s groups = %+v", code, d.Groups)
		}
		res, err := score.NewService(s).Results(r.ID)
		if err != nil {
			t.Fatal(err)
		}
		if res.Units[0].Rank != 1 || !res.Units[0].Scored || res.Units[0].FinalCenti < 6000 || res.Units[0].FinalCenti > 10500 {
			t.Errorf("%s top = %+v", code, res.Units[0])
		}
		// 区委常委 are leaders of the district committee, not staff of an observed unit: every
		// unit of a closed round has all its groups' scores and no weights renormalised.
		for _, u := range res.Units {
			for _, g := range u.Groups {
				if !g.Present {
					t.Errorf("%s %s has no %s score", code, u.Name, g.Name)
				}
			}
			if u.Renormalised || u.Provisional {
				t.Errorf("%s %s renormalised %v provisional %v", code, u.Name, u.Renormalised, u.Provisional)
			}
		}
		for _, r := range d.Groups[0].Raters {
			if r.UnitID != nil || len(r.Recused) != 0 {
				t.Errorf("%s: 区委常委 %s belongs to %s, 回避 %v", code, r.Name, r.UnitName, r.RecusedNames)
			}
		}
		// Each round is scored by the scheme of its own year.
		if want := demo.SchemeOfYear(code[:4]); d.SchemeName != want || !strings.HasPrefix(d.SchemeName, code[:4]) {
			t.Errorf("%s uses %s, want %s", code, d.SchemeName, want)
		}
	}
	if len(observed) != 55 {
		t.Errorf("the five past rounds observed %d distinct units, want 55 as the article reports", len(observed))
	}
	if q4 := status["2024Q4"]; q4.Status != round.Scoring || q4.ScoreCount != 0 || q4.RaterCount == 0 {
		t.Errorf("2024Q4 = %+v, want scoring with raters and no scores", q4)
	}
	if b := status["BENCH"]; b.Status != round.Scoring || b.UnitCount != 67 || b.RaterCount != 20 || b.ScoreCount != 0 {
		t.Errorf("BENCH = %+v", b)
	}
	r, err := score.LoadRound(s.DB, status["BENCH"].ID)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Indicators) != 120 {
		t.Errorf("BENCH has %d indicators, want 120", len(r.Indicators))
	}
	var findings int64
	s.DB.Table("findings").Count(&findings)
	if findings < 10 {
		t.Errorf("%d findings, want some for every past round", findings)
	}
	if demo.DemoSchemeName == "" {
		t.Fatal("no demo scheme name")
	}
}
