package score_test

import (
	"path/filepath"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// fixture is a round with two units, three indicators (score 0–10 step 0.5, grade 好/一般,
// deduct up to 5) and three raters in two groups; rater 0 belongs to unit 0.
type fixture struct {
	s      *store.Store
	round  uint
	units  []uint
	inds   []uint // score, grade, deduct
	raters []uint
	svc    *score.Service
}

func mustFixture(t *testing.T) *fixture {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, svc: score.NewService(s)}
	o := org.NewService(s)
	for _, n := range [][2]string{{"区教育和体育局", "教体局"}, {"区财政局", "财政局"}} {
		u, err := o.SaveUnit(org.Unit{Name: n[0], ShortName: n[1]})
		if err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, u.ID)
	}
	var people []uint
	for i, n := range []string{"张三", "李四", "王五"} {
		var uid *uint
		if i == 0 {
			uid = &f.units[0]
		}
		p, err := o.SavePerson(org.Person{Name: n, UnitID: uid})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p.ID)
	}
	now := time.Now()
	exec := func(q string, args ...any) {
		if err := s.DB.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	exec("INSERT INTO schemes (id, name, year, version, status, created_at, updated_at) VALUES (1, '方案', 2024, 1, 'published', ?, ?)", now, now)
	exec("INSERT INTO indicators (id, scheme_id, level, code, name) VALUES (1, 1, 1, '1', '模范机关建设')")
	exec("INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, kind, max_centi, step_centi) VALUES (2, 1, 1, 2, '1.1', '政治建设', 'score', 1000, 50)")
	exec("INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, kind, max_centi, step_centi) VALUES (3, 1, 1, 2, '1.2', '述职评议', 'grade', 1000, 50)")
	exec("INSERT INTO indicator_options (indicator_id, sort_order, label, points_centi) VALUES (3, 1, '好', 1000), (3, 2, '一般', 600)")
	exec("INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, kind, max_centi, step_centi) VALUES (4, 1, 1, 2, '1.3', '违规违纪', 'deduct', 500, 50)")
	f.inds = []uint{2, 3, 4}
	rs := round.NewService(s)
	id, err := rs.Save(round.Plan{
		Round:   round.Round{Code: "2024Q2", Title: "二季度", SchemeID: 1},
		UnitIDs: f.units,
		Groups: []round.GroupPlan{
			{Name: "区委常委", WeightBP: 6000, PersonIDs: people[:2]},
			{Name: "区直机关工委", WeightBP: 4000, PersonIDs: people[2:]},
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	f.round = id
	d, _ := rs.Get(id)
	for _, g := range d.Groups {
		for _, r := range g.Raters {
			f.raters = append(f.raters, r.ID)
		}
	}
	if err := rs.SetStatus(id, round.Scoring, "", ""); err != nil {
		t.Fatal(err)
	}
	return f
}

func (f *fixture) enter(t *testing.T, rater uint, unit int, texts ...string) *score.EnterResult {
	t.Helper()
	var cells []score.CellInput
	for i, txt := range texts {
		cells = append(cells, score.CellInput{UnitID: f.units[unit], IndicatorID: f.inds[i], Text: txt})
	}
	res, err := f.svc.Enter(f.round, rater, cells, "tester")
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func TestEnterValidatesEachCell(t *testing.T) {
	f := mustFixture(t)
	res := f.enter(t, f.raters[1], 0, "８.５分", "好", "12")
	if !res.Cells[0].OK || res.Cells[0].ValueCenti != 850 || !res.Cells[1].OK || res.Cells[1].ValueCenti != 1000 {
		t.Fatalf("cells = %+v", res.Cells)
	}
	if res.Cells[2].OK || res.Cells[2].Message == "" {
		t.Fatalf("a deduction of 12 (max 5) must be refused with a message: %+v", res.Cells[2])
	}
	g, err := f.svc.Grid(f.round, f.raters[1])
	if err != nil {
		t.Fatal(err)
	}
	if len(g.Values) != 2 {
		t.Fatalf("stored %d values, want the 2 valid ones", len(g.Values))
	}
	// Score and grade filled: the total is complete without the deduction; 8.5 + 10.
	if !g.Units[0].Complete || g.Units[0].Total != 1850 || g.Complete != 1 || g.Expected != 2 {
		t.Fatalf("progress = %+v, %d/%d", g.Units[0], g.Complete, g.Expected)
	}
	for _, bad := range []string{"九十", "4.3", "10.5", "4.555", "较好"} {
		col := 0
		if bad == "较好" {
			col = 1
		}
		texts := []string{"", ""}
		texts[col] = bad
		res := f.enter(t, f.raters[2], 1, texts[:col+1]...)
		if res.Cells[col].OK {
			t.Errorf("%q was accepted", bad)
		}
	}
}

func TestEnterRecusal(t *testing.T) {
	f := mustFixture(t)
	res := f.enter(t, f.raters[0], 0, "8")
	if res.Cells[0].OK {
		t.Fatal("a rater scored their own unit (回避)")
	}
	g, _ := f.svc.Grid(f.round, f.raters[0])
	if !g.Units[0].Barred || g.Expected != 1 {
		t.Fatalf("grid = %+v expected %d", g.Units, g.Expected)
	}
}

func TestWriteKeepsHistoryAndIsIdempotent(t *testing.T) {
	f := mustFixture(t)
	f.enter(t, f.raters[1], 1, "8")
	f.enter(t, f.raters[1], 1, "8") // unchanged: no history row
	f.enter(t, f.raters[1], 1, "9")
	f.enter(t, f.raters[1], 1, "") // cleared
	h, err := f.svc.HistoryOf(score.Key{RoundID: f.round, RaterID: f.raters[1], UnitID: f.units[1], IndicatorID: f.inds[0]})
	if err != nil {
		t.Fatal(err)
	}
	if len(h) != 3 {
		t.Fatalf("history has %d entries, want 3 (set, change, clear)", len(h))
	}
	if h[0].OldValueCenti != nil || *h[0].NewValueCenti != 800 || *h[1].OldValueCenti != 800 || *h[1].NewValueCenti != 900 ||
		*h[2].OldValueCenti != 900 || h[2].NewValueCenti != nil || h[2].EnteredBy != "tester" || h[2].Source != score.SourceApp {
		t.Fatalf("history = %+v", h)
	}
}

func TestClosedRoundRefusesScores(t *testing.T) {
	f := mustFixture(t)
	if err := round.NewService(f.s).SetStatus(f.round, round.Closed, "", ""); err != nil {
		t.Fatal(err)
	}
	_, err := f.svc.Enter(f.round, f.raters[1], []score.CellInput{{UnitID: f.units[1], IndicatorID: f.inds[0], Text: "8"}}, "")
	if apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("err = %v, want conflict", err)
	}
}

func TestResults(t *testing.T) {
	f := mustFixture(t)
	// Unit 1: 区委常委 (raters 0, 1) give 18.5 and 16; 区直机关工委 (rater 2) gives 14 with a
	// 2-point deduction → 12. Final = 0.6 × 17.25 + 0.4 × 12 = 15.15.
	f.enter(t, f.raters[0], 1, "8.5", "好")
	f.enter(t, f.raters[1], 1, "10", "一般")
	f.enter(t, f.raters[2], 1, "8", "一般", "2")
	// Unit 0: rater 0 is barred; rater 1 gives 20; rater 2 leaves the grade blank (缺评) →
	// only 区委常委 is present, weights renormalised: final 20.
	f.enter(t, f.raters[1], 0, "10", "好")
	f.enter(t, f.raters[2], 0, "9")
	res, err := f.svc.Results(f.round)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Units) != 2 {
		t.Fatalf("units = %+v", res.Units)
	}
	first, second := res.Units[0], res.Units[1]
	if first.ID != f.units[0] || first.FinalCenti != 2000 || first.Rank != 1 || !first.Renormalised || first.Complete || first.CompleteN != 1 || first.Expected != 2 {
		t.Errorf("first = %+v", first)
	}
	if second.ID != f.units[1] || second.FinalCenti != 1515 || second.Rank != 2 || second.Renormalised || !second.Complete {
		t.Errorf("second = %+v", second)
	}
	if second.Groups[0].ScoreCenti != 1725 || second.Groups[1].ScoreCenti != 1200 {
		t.Errorf("groups = %+v", second.Groups)
	}
	if len(res.Indicators) != 3 || res.Indicators[0].Code != "1.1" || res.Indicators[0].N != 4 {
		t.Errorf("indicator stats = %+v", res.Indicators)
	}
	if len(second.Dimensions) != 1 || second.Dimensions[0].Name != "模范机关建设" {
		t.Errorf("dimensions = %+v", second.Dimensions)
	}
}
