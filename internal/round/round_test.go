package round_test

import (
	"path/filepath"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

type fixture struct {
	s       *store.Store
	svc     *round.Service
	scheme  uint
	draft   uint
	units   []uint
	people  []uint
	ownUnit uint // the unit of people[0]
}

func mustFixture(t *testing.T) *fixture {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "r.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, svc: round.NewService(s)}
	o := org.NewService(s)
	for i, n := range []string{"区教育和体育局", "区财政局", "区商务局"} {
		u, err := o.SaveUnit(org.Unit{Name: n, ShortName: []string{"教体局", "财政局", "商务局"}[i]})
		if err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, u.ID)
	}
	for i := 0; i < 4; i++ {
		var uid *uint
		if i == 0 {
			uid = &f.units[0]
			f.ownUnit = f.units[0]
		}
		p, err := o.SavePerson(org.Person{Name: []string{"张三", "李四", "王五", "赵六"}[i], UnitID: uid})
		if err != nil {
			t.Fatal(err)
		}
		f.people = append(f.people, p.ID)
	}
	now := time.Now()
	for _, st := range []string{"published", "draft"} {
		if err := s.DB.Exec("INSERT INTO schemes (name, year, version, status, created_at, updated_at) VALUES (?, 2024, 1, ?, ?, ?)",
			"方案"+st, st, now, now).Error; err != nil {
			t.Fatal(err)
		}
	}
	s.DB.Raw("SELECT id FROM schemes WHERE status='published'").Scan(&f.scheme)
	s.DB.Raw("SELECT id FROM schemes WHERE status='draft'").Scan(&f.draft)
	return f
}

func (f *fixture) plan() round.Plan {
	return round.Plan{
		Round:   round.Round{Code: "2024Q2", Title: "2024年第二季度“常委看党建”", Date: "2024-06-15", SchemeID: f.scheme},
		UnitIDs: f.units,
		Groups: []round.GroupPlan{
			{Name: "区委常委", WeightBP: 4000, PersonIDs: f.people[:2]},
			{Name: "联系片互评", WeightBP: 3000, PersonIDs: f.people[2:3]},
			{Name: "区直机关工委", WeightBP: 3000, PersonIDs: f.people[3:]},
		},
	}
}

func TestSave(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		f := mustFixture(t)
		id, err := f.svc.Save(f.plan())
		if err != nil {
			t.Fatal(err)
		}
		d, err := f.svc.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if d.Status != round.Planned || len(d.Units) != 3 || len(d.Groups) != 3 || d.TrimMinRaters != 5 || d.ExcellentMinCenti != 9000 {
			t.Fatalf("detail = %+v", d)
		}
		if !d.Groups[0].Raters[0].Barred(f.ownUnit) || d.Groups[0].Raters[1].Barred(f.ownUnit) {
			t.Error("回避: a rater of the unit must be barred from it, others not")
		}
	})
	cases := []struct {
		name   string
		change func(f *fixture, p *round.Plan)
		code   apperr.Code
	}{
		{"ErrCodeRequired", func(f *fixture, p *round.Plan) { p.Round.Code = "" }, apperr.Invalid},
		{"ErrCodeChars", func(f *fixture, p *round.Plan) { p.Round.Code = "2024 Q2" }, apperr.Invalid},
		{"ErrTitleRequired", func(f *fixture, p *round.Plan) { p.Round.Title = " " }, apperr.Invalid},
		{"ErrBadDate", func(f *fixture, p *round.Plan) { p.Round.Date = "2024-02-30" }, apperr.Invalid},
		{"ErrDraftScheme", func(f *fixture, p *round.Plan) { p.Round.SchemeID = f.draft }, apperr.Invalid},
		{"ErrMissingScheme", func(f *fixture, p *round.Plan) { p.Round.SchemeID = 999 }, apperr.Invalid},
		{"ErrWeights", func(f *fixture, p *round.Plan) { p.Groups[0].WeightBP = 3000 }, apperr.Invalid},
		{"ErrGroupName", func(f *fixture, p *round.Plan) { p.Groups[1].Name = "区委常委" }, apperr.Invalid},
		{"ErrRaterInTwoGroups", func(f *fixture, p *round.Plan) { p.Groups[1].PersonIDs = f.people[:1] }, apperr.Invalid},
		{"ErrDuplicateUnit", func(f *fixture, p *round.Plan) { p.UnitIDs = append(p.UnitIDs, f.units[0]) }, apperr.Invalid},
		{"ErrThresholds", func(f *fixture, p *round.Plan) { p.Round.GoodMinCenti, p.Round.ExcellentMinCenti = 9000, 8000 }, apperr.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := mustFixture(t)
			p := f.plan()
			c.change(f, &p)
			if _, err := f.svc.Save(p); apperr.CodeOf(err) != c.code {
				t.Fatalf("err = %v, want code %s", err, c.code)
			}
			var n int64
			f.s.DB.Table("rounds").Count(&n)
			if n != 0 {
				t.Errorf("a refused plan left %d rounds", n)
			}
		})
	}
	t.Run("ErrDuplicateCode", func(t *testing.T) {
		f := mustFixture(t)
		if _, err := f.svc.Save(f.plan()); err != nil {
			t.Fatal(err)
		}
		if _, err := f.svc.Save(f.plan()); apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("err = %v, want conflict", err)
		}
	})
}

func TestSaveKeepsRaterIDs(t *testing.T) {
	f := mustFixture(t)
	p := f.plan()
	id, err := f.svc.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	before, _ := f.svc.Get(id)
	// Swap two groups' names and move a rater: the rater rows that stay keep their ids.
	p.Round.ID = id
	p.Groups[0].ID, p.Groups[1].ID, p.Groups[2].ID = before.Groups[0].ID, before.Groups[1].ID, before.Groups[2].ID
	p.Groups[1].Name, p.Groups[2].Name = p.Groups[2].Name, p.Groups[1].Name
	p.Groups[0].PersonIDs = f.people[:1]
	p.Groups[1].PersonIDs = []uint{f.people[2], f.people[1]}
	if _, err := f.svc.Save(p); err != nil {
		t.Fatal(err)
	}
	after, _ := f.svc.Get(id)
	idOf := func(d *round.Detail, person uint) uint {
		for _, g := range d.Groups {
			for _, r := range g.Raters {
				if r.PersonID == person {
					return r.ID
				}
			}
		}
		return 0
	}
	for _, pid := range f.people {
		if idOf(before, pid) != idOf(after, pid) {
			t.Errorf("person %d: rater id changed %d → %d", pid, idOf(before, pid), idOf(after, pid))
		}
	}
	if after.Groups[1].Name != "区直机关工委" || len(after.Groups[1].Raters) != 2 {
		t.Errorf("groups after = %+v", after.Groups)
	}
}

func TestStatus(t *testing.T) {
	f := mustFixture(t)
	p := f.plan()
	id, err := f.svc.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	steps := []struct {
		to   round.Status
		note string
		code apperr.Code
	}{
		{round.Closed, "", apperr.Invalid},  // planned cannot close
		{round.Scoring, "", ""},             // start
		{round.Closed, "", ""},              // close
		{round.Scoring, "", apperr.Invalid}, // reopening needs a reason
		{round.Scoring, "补录一名评分人的分数", ""},
	}
	for i, st := range steps {
		if err := f.svc.SetStatus(id, st.to, st.note, "tester"); apperr.CodeOf(err) != st.code {
			t.Fatalf("step %d → %s: err = %v, want %q", i, st.to, err, st.code)
		}
	}
	d, _ := f.svc.Get(id)
	if d.Status != round.Scoring || len(d.Events) != 3 || d.Events[2].Action != "重新开启" || d.Events[2].Note != "补录一名评分人的分数" {
		t.Fatalf("status %s, events %+v", d.Status, d.Events)
	}
	if err := f.svc.SetStatus(id, round.Closed, "", "tester"); err != nil {
		t.Fatal(err)
	}
	p.Round.ID = id
	p.Round.Title = "改名"
	if _, err := f.svc.Save(p); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("saving a closed round: err = %v, want conflict", err)
	}
}

func TestStartNeedsRaters(t *testing.T) {
	f := mustFixture(t)
	p := f.plan()
	p.Groups[2].PersonIDs = nil
	id, err := f.svc.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SetStatus(id, round.Scoring, "", ""); apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("err = %v, want invalid (a group without raters)", err)
	}
}

func TestScoresProtectRatersAndUnits(t *testing.T) {
	f := mustFixture(t)
	p := f.plan()
	id, _ := f.svc.Save(p)
	if err := f.svc.SetStatus(id, round.Scoring, "", ""); err != nil {
		t.Fatal(err)
	}
	d, _ := f.svc.Get(id)
	now := time.Now()
	f.s.DB.Exec("INSERT INTO indicators (scheme_id, level, code, name, kind, max_centi) VALUES (?, 1, '1', 'x', 'score', 500)", f.scheme)
	var ind uint
	f.s.DB.Raw("SELECT id FROM indicators").Scan(&ind)
	rater := d.Groups[2].Raters[0]
	if err := f.s.DB.Exec("INSERT INTO scores (round_id, unit_id, indicator_id, rater_id, value_centi, updated_at) VALUES (?,?,?,?,?,?)",
		id, f.units[1], ind, rater.ID, 400, now).Error; err != nil {
		t.Fatal(err)
	}
	p.Round.ID = id
	q := p
	q.UnitIDs = f.units[:1]
	if _, err := f.svc.Save(q); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("removing a scored unit: err = %v, want conflict", err)
	}
	q = f.plan()
	q.Round.ID = id
	q.Groups[2].PersonIDs = f.people[2:3]
	q.Groups[1].PersonIDs = nil
	if _, err := f.svc.Save(q); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("removing a rater with scores: err = %v, want conflict", err)
	}
	if err := f.svc.Delete(id); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("deleting a scored round: err = %v, want conflict", err)
	}
	if err := f.svc.SetStatus(id, round.Planned, "", ""); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("back to planned with scores: err = %v, want conflict", err)
	}
}
