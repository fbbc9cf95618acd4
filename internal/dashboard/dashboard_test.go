package dashboard_test

import (
	"path/filepath"
	"testing"
	"time"

	"liankanping/internal/dashboard"
	"liankanping/internal/demo"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

func TestDashboardOnTheDemo(t *testing.T) {
	s, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	svc := dashboard.NewService(s)
	svc.Now = func() time.Time { return time.Date(2024, 12, 20, 9, 0, 0, 0, time.Local) }
	d, err := svc.Get()
	if err != nil {
		t.Fatal(err)
	}
	if d.Round == nil || d.Round.Code != "2024Q4" || d.Round.Units != 11 || d.Round.Raters != 13 || d.Round.CompleteTotals != 0 || d.Round.ExpectedTotals == 0 {
		t.Fatalf("round = %+v", d.Round)
	}
	if d.Ranking == nil || d.Ranking.Code != "2024Q3" || len(d.Ranking.Units) != 11 || d.Ranking.Units[0].Rank != 1 {
		t.Fatalf("ranking = %+v", d.Ranking)
	}
	total := 0
	for _, n := range d.Findings.ByStatus {
		total += n
	}
	if total == 0 || len(d.Findings.ByStatus) != 4 || d.Findings.Overdue == 0 || len(d.Findings.OverdueList) == 0 || len(d.Findings.OverdueList) > 5 {
		t.Fatalf("findings = %+v", d.Findings)
	}
	for i := 1; i < len(d.Findings.OverdueList); i++ {
		if d.Findings.OverdueList[i].OverdueDays > d.Findings.OverdueList[i-1].OverdueDays {
			t.Error("overdue findings are not longest first")
		}
	}
	if d.Frontline.Branches != 30 || d.Frontline.Matters < 200 {
		t.Errorf("frontline = %+v", d.Frontline)
	}

	// A rater completes a unit in the window: the completeness moves.
	g, err := score.NewService(s).Grid(d.Round.ID, d.Round.PerRater[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	unit := g.Units[0]
	for _, u := range g.Units {
		if !u.Barred {
			unit = u
			break
		}
	}
	var cells []score.CellInput
	for _, ind := range g.Indicators {
		text := "8"
		switch ind.Kind {
		case "grade":
			text = ind.Choices[0].Label
		case "deduct", "bonus":
			continue
		}
		cells = append(cells, score.CellInput{UnitID: unit.ID, IndicatorID: ind.ID, Text: text})
	}
	if _, err := score.NewService(s).Enter(d.Round.ID, d.Round.PerRater[0].ID, cells, "t"); err != nil {
		t.Fatal(err)
	}
	d2, _ := svc.Get()
	if d2.Round.CompleteTotals != 1 {
		t.Errorf("complete totals after one unit = %d, want 1", d2.Round.CompleteTotals)
	}
	if err := round.NewService(s).SetStatus(d.Round.ID, round.Closed, "", ""); err != nil {
		t.Fatal(err)
	}
	d3, _ := svc.Get()
	if d3.Round != nil || d3.Ranking.Code != "2024Q4" {
		t.Errorf("after closing 2024Q4: round %+v, ranking %s", d3.Round, d3.Ranking.Code)
	}
}
