package score_test

import (
	"encoding/json"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/score"
)

// fillAll gives every rater a complete sheet for every unit they may score.
func (f *fixture) fillAll(t *testing.T) {
	t.Helper()
	f.enter(t, f.raters[0], 1, "8.5", "好")
	f.enter(t, f.raters[1], 0, "10", "好")
	f.enter(t, f.raters[1], 1, "10", "一般")
	f.enter(t, f.raters[2], 0, "9", "一般")
	f.enter(t, f.raters[2], 1, "8", "一般", "2")
}

func TestClose(t *testing.T) {
	t.Run("ErrMissing", func(t *testing.T) {
		f := mustFixture(t)
		f.enter(t, f.raters[1], 0, "10", "好")
		f.enter(t, f.raters[2], 0, "9") // the grade is blank: 1 item missing
		m, err := f.svc.Close(f.round, false, "tester")
		if apperr.CodeOf(err) != apperr.Conflict {
			t.Fatalf("err = %v, want a conflict while scores are missing", err)
		}
		// Expected sheets: rater 0 → unit 1; raters 1, 2 → units 0 and 1. Complete: rater 1 unit 0.
		if len(m.Raters) != 3 || m.Sheets != 4 || len(m.Units) != 2 {
			t.Fatalf("missing = %+v", m)
		}
		// Unit 0: rater 2's grade (1 item); unit 1: three empty sheets of 2 required items.
		if m.Units[0].Items != 1 || m.Units[0].Complete != 1 || m.Units[0].Expected != 2 || m.Units[1].Items != 6 || m.Items != 7 {
			t.Errorf("units = %+v, items %d", m.Units, m.Items)
		}
		d, _ := round.NewService(f.s).Get(f.round)
		if d.Status != round.Scoring {
			t.Errorf("status = %s after a refused close", d.Status)
		}
	})
	t.Run("Force", func(t *testing.T) {
		f := mustFixture(t)
		m, err := f.svc.Close(f.round, true, "tester")
		if err != nil || m.None() {
			t.Fatalf("forced close: %+v, %v", m, err)
		}
		d, _ := round.NewService(f.s).Get(f.round)
		last := d.Events[len(d.Events)-1]
		if d.Status != round.Closed || last.Action != "结束" || last.Note == "" || last.Operator != "tester" {
			t.Errorf("round = %s, event %+v: a forced close records what was missing", d.Status, last)
		}
	})
	t.Run("OK", func(t *testing.T) {
		f := mustFixture(t)
		f.fillAll(t)
		m, err := f.svc.Close(f.round, false, "tester")
		if err != nil || !m.None() {
			t.Fatalf("close = %+v, %v", m, err)
		}
		_, err = f.svc.Close(f.round, false, "tester")
		if apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("closing a closed round: %v", err)
		}
	})
}

// TestClosedRoundNeverChanges moves a rater into another unit, moves and renames a unit, and
// sees the closed round's results unchanged, to the byte.
func TestClosedRoundNeverChanges(t *testing.T) {
	f := mustFixture(t)
	f.fillAll(t)
	if _, err := f.svc.Close(f.round, false, "tester"); err != nil {
		t.Fatal(err)
	}
	before, err := f.svc.Results(f.round)
	if err != nil {
		t.Fatal(err)
	}
	o := org.NewService(f.s)
	d, _ := round.NewService(f.s).Get(f.round)
	rater2 := d.Groups[1].Raters[0]
	var p org.Person
	if err := f.s.DB.First(&p, rater2.PersonID).Error; err != nil {
		t.Fatal(err)
	}
	p.UnitID = &f.units[1] // now a person of an observed unit: 回避 must not drop their sheet
	p.Name = "王五（调任）"
	if _, err := o.SavePerson(p); err != nil {
		t.Fatal(err)
	}
	area, err := o.SaveArea(org.Area{Number: 9, Name: "新联系片"})
	if err != nil {
		t.Fatal(err)
	}
	var u org.Unit
	if err := f.s.DB.First(&u, f.units[0]).Error; err != nil {
		t.Fatal(err)
	}
	u.AreaID, u.Name = &area.ID, "区教育局"
	if _, err := o.SaveUnit(u); err != nil {
		t.Fatal(err)
	}
	after, err := f.svc.Results(f.round)
	if err != nil {
		t.Fatal(err)
	}
	a, _ := json.Marshal(before)
	b, _ := json.Marshal(after)
	if string(a) != string(b) {
		t.Errorf("a closed round's results changed:\nbefore %s\nafter  %s", a, b)
	}
}

// TestRecusalFromAssignment: an open round keeps the unit a rater had when assigned.
func TestRecusalFromAssignment(t *testing.T) {
	f := mustFixture(t)
	o := org.NewService(f.s)
	d, _ := round.NewService(f.s).Get(f.round)
	var p org.Person
	f.s.DB.First(&p, d.Groups[0].Raters[0].PersonID)
	p.UnitID = nil
	if _, err := o.SavePerson(p); err != nil {
		t.Fatal(err)
	}
	res := f.enter(t, f.raters[0], 0, "8")
	if res.Cells[0].OK {
		t.Error("moving the person out of their unit lifted the round's 回避")
	}
}

func TestAdjustments(t *testing.T) {
	f := mustFixture(t)
	f.fillAll(t)
	base, _ := f.svc.Results(f.round)
	finalOf := func(r *score.Results, unit uint) (int64, score.UnitResult) {
		for _, u := range r.Units {
			if u.ID == unit {
				return u.FinalCenti, u
			}
		}
		t.Fatalf("unit %d not in results", unit)
		return 0, score.UnitResult{}
	}
	before, _ := finalOf(base, f.units[1])
	in := score.AdjustmentInput{UnitID: f.units[1], PointsCenti: -300, Reason: "违规违纪：一名党员受党内警告处分"}
	tests := []struct {
		name     string
		in       score.AdjustmentInput
		operator string
		code     apperr.Code
	}{
		{"ErrNoOperator", in, "", apperr.Invalid},
		{"ErrNoReason", score.AdjustmentInput{UnitID: f.units[1], PointsCenti: -300}, "tester", apperr.Invalid},
		{"ErrZero", score.AdjustmentInput{UnitID: f.units[1], Reason: "x"}, "tester", apperr.Invalid},
		{"ErrTooMuch", score.AdjustmentInput{UnitID: f.units[1], PointsCenti: -5000, Reason: "x"}, "tester", apperr.Invalid},
		{"ErrNotObserved", score.AdjustmentInput{UnitID: 999, PointsCenti: -100, Reason: "x"}, "tester", apperr.Invalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if _, err := f.svc.AddAdjustment(f.round, tc.in, tc.operator); apperr.CodeOf(err) != tc.code {
				t.Errorf("err = %v, want %s", err, tc.code)
			}
		})
	}
	a, err := f.svc.AddAdjustment(f.round, in, "tester")
	if err != nil || a.ID == 0 || a.UnitName != "区财政局" || a.VerifiedBy != "tester" {
		t.Fatalf("add = %+v, %v", a, err)
	}
	if _, err := f.svc.AddAdjustment(f.round, in, "tester"); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("the same item twice: %v, want a conflict (counted once)", err)
	}
	res, _ := f.svc.Results(f.round)
	after, u := finalOf(res, f.units[1])
	if after != before-300 || u.AdjustCenti != -300 || len(u.Adjustments) != 1 || u.Adjustments[0].Reason != in.Reason {
		t.Errorf("final %d → %d, unit %+v", before, after, u)
	}
	if _, err := f.svc.Close(f.round, false, "tester"); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.DeleteAdjustment(a.ID); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("deleting from a closed round: %v", err)
	}
	if _, err := f.svc.AddAdjustment(f.round, score.AdjustmentInput{UnitID: f.units[1], PointsCenti: 100, Reason: "y"}, "tester"); apperr.CodeOf(err) != apperr.Conflict {
		t.Errorf("adding to a closed round: %v", err)
	}
}

func TestProvisionalAndUnscorable(t *testing.T) {
	f := mustFixture(t)
	// Bar every rater from unit 1: nobody may score it.
	rs := round.NewService(f.s)
	d, _ := rs.Get(f.round)
	p := round.Plan{Round: d.Round, UnitIDs: f.units}
	for _, g := range d.Groups {
		gp := round.GroupPlan{ID: g.ID, Name: g.Name, WeightBP: g.WeightBP}
		for _, r := range g.Raters {
			gp.PersonIDs = append(gp.PersonIDs, r.PersonID)
			p.Recused = append(p.Recused, round.RecusalPlan{PersonID: r.PersonID, UnitIDs: []uint{f.units[1]}})
		}
		p.Groups = append(p.Groups, gp)
	}
	if _, err := rs.Save(p); err != nil {
		t.Fatal(err)
	}
	f.enter(t, f.raters[0], 0, "10", "好")
	res, err := f.svc.Results(f.round)
	if err != nil {
		t.Fatal(err)
	}
	if !res.Provisional {
		t.Error("a scoring round's results are not provisional")
	}
	for _, u := range res.Units {
		if !u.Provisional {
			t.Errorf("%s not provisional", u.Name)
		}
		if u.ID == f.units[1] && (u.Complete || u.Expected != 0) {
			t.Errorf("a unit nobody may score: %+v, want not complete", u)
		}
		if u.ID == f.units[0] && (!u.Renormalised || u.Complete) {
			t.Errorf("unit 0 scored by one group only: %+v, want renormalised", u)
		}
	}
	m, _ := f.svc.Missing(f.round)
	found := false
	for _, u := range m.Units {
		found = found || (u.Name == "区财政局" && u.Expected == 0)
	}
	if !found {
		t.Errorf("missing = %+v, want the unit nobody may score listed", m.Units)
	}
}
