package round_test

import (
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/round"
)

func TestSuggestTitle(t *testing.T) {
	cases := []struct{ code, likeCode, like, want string }{
		{"2025Q1", "", "", "2025年第一季度“常委看党建”观摩"},
		{"2025q4", "", "", "2025年第四季度“常委看党建”观摩"},
		{"2025Q1", "2024Q4", "2024年第四季度“常委看党建”现场观摩会", "2025年第一季度“常委看党建”现场观摩会"},
		{"2025Q2", "2024Q4", "年终观摩", "2025年第二季度“常委看党建”观摩"},
		{"2025Q5", "", "", ""},
		{"BENCH", "", "", ""},
	}
	for _, c := range cases {
		if got := round.SuggestTitle(c.code, c.likeCode, c.like); got != c.want {
			t.Errorf("SuggestTitle(%q, %q, %q) = %q, want %q", c.code, c.likeCode, c.like, got, c.want)
		}
	}
}

// copyFixture is the fixture's units in one area of five (教体局, 财政局, 商务局 observed, then
// 审计局 and 统计局), a round 2024Q4 with 回避 of 张三 from his unit and of 李四 from 商务局,
// and a second published version of the round's scheme.
func copyFixture(t *testing.T) (*fixture, uint, []uint) {
	t.Helper()
	f := mustFixture(t)
	o := org.NewService(f.s)
	area, err := o.SaveArea(org.Area{Number: 1, Name: "第一联系片"})
	if err != nil {
		t.Fatal(err)
	}
	all := append([]uint{}, f.units...)
	for _, n := range [][2]string{{"区审计局", "审计局"}, {"区统计局", "统计局"}} {
		u, err := o.SaveUnit(org.Unit{Name: n[0], ShortName: n[1]})
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, u.ID)
	}
	for i, id := range all {
		if err := f.s.DB.Exec("UPDATE units SET area_id = ?, sort_order = ? WHERE id = ?", area.ID, i+1, id).Error; err != nil {
			t.Fatal(err)
		}
	}
	p := f.plan()
	p.Round.Code, p.Round.Title, p.Round.Date, p.Round.Deadline = "2024Q4", "2024年第四季度“常委看党建”观摩", "2024-12-12", "2024-12-19"
	p.Round.ExcellentCapPct, p.Round.TrimMinRaters = 30, 4
	p.Recused = []round.RecusalPlan{{PersonID: f.people[0], UnitIDs: []uint{f.ownUnit}}, {PersonID: f.people[1], UnitIDs: []uint{f.units[2]}}}
	id, err := f.svc.Save(p)
	if err != nil {
		t.Fatal(err)
	}
	now := time.Now()
	if err := f.s.DB.Exec("INSERT INTO schemes (name, year, version, status, created_at, updated_at) VALUES ('方案published', 2024, 2, 'published', ?, ?)", now, now).Error; err != nil {
		t.Fatal(err)
	}
	return f, id, all
}

func TestCopy(t *testing.T) {
	t.Run("Keep", func(t *testing.T) {
		f, from, _ := copyFixture(t)
		// 张三 moved to 财政局 since: his 回避 follows him; 李四's other 回避 stays.
		if err := f.s.DB.Exec("UPDATE people SET unit_id = ? WHERE id = ?", f.units[1], f.people[0]).Error; err != nil {
			t.Fatal(err)
		}
		id, err := f.svc.Copy(from, round.CopyOptions{Code: "2025Q1", Date: "2025-03-20"})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := f.svc.Get(id)
		var v2 uint
		f.s.DB.Raw("SELECT id FROM schemes WHERE name = '方案published' AND version = 2").Scan(&v2)
		if d.Status != round.Planned || d.Title != "2025年第一季度“常委看党建”观摩" || d.Date != "2025-03-20" || d.Deadline != "2025-03-27" ||
			d.SchemeID != v2 || d.ExcellentCapPct != 30 || d.TrimMinRaters != 4 || d.ScoreCount != 0 {
			t.Fatalf("copy = %+v", d.Round)
		}
		if len(d.Units) != 3 || d.Units[0].ID != f.units[0] || len(d.Groups) != 3 || d.Groups[0].WeightBP != 4000 {
			t.Fatalf("units %+v groups %+v", d.Units, d.Groups)
		}
		zhang, li := d.Groups[0].Raters[0], d.Groups[0].Raters[1]
		if !zhang.Barred(f.units[1]) || zhang.Barred(f.ownUnit) || !li.Barred(f.units[2]) {
			t.Errorf("回避 张三 %v 李四 %v", zhang.Recused, li.Recused)
		}
	})
	t.Run("Rotate", func(t *testing.T) {
		f, from, all := copyFixture(t)
		id, err := f.svc.Copy(from, round.CopyOptions{Code: "2025Q1", Units: round.RotateUnits})
		if err != nil {
			t.Fatal(err)
		}
		d, _ := f.svc.Get(id)
		// 教体局 → 审计局, 财政局 → 统计局; for 商务局 no unit is left that was not observed
		// last time, so the area starts over with 教体局.
		got := []uint{}
		for _, u := range d.Units {
			got = append(got, u.ID)
		}
		if want := []uint{all[3], all[4], all[0]}; len(got) != 3 || got[0] != want[0] || got[1] != want[1] || got[2] != want[2] {
			t.Errorf("rotated units = %v, want %v", got, want)
		}
	})
	cases := []struct {
		name string
		o    round.CopyOptions
		code apperr.Code
	}{
		{"ErrDuplicateCode", round.CopyOptions{Code: "2024Q4"}, apperr.Conflict},
		{"ErrNoTitleForOddCode", round.CopyOptions{Code: "SPECIAL"}, apperr.Invalid},
		{"ErrBadUnits", round.CopyOptions{Code: "2025Q1", Units: "random"}, apperr.Invalid},
		{"ErrBadDate", round.CopyOptions{Code: "2025Q1", Date: "2025-02-30"}, apperr.Invalid},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, from, _ := copyFixture(t)
			if _, err := f.svc.Copy(from, c.o); apperr.CodeOf(err) != c.code {
				t.Fatalf("err = %v, want %s", err, c.code)
			}
			var n int64
			f.s.DB.Table("rounds").Count(&n)
			if n != 1 {
				t.Errorf("a refused copy left %d rounds", n)
			}
		})
	}
}
