package demo_test

import (
	"fmt"
	"strings"
	"testing"

	"liankanping/internal/demo"
	"liankanping/internal/frontline"
	"liankanping/internal/store"
)

func frontlineRows(t *testing.T, s *store.Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT id, name, kind, parent_id, host_unit_id, host_text, secretary, member_count, members, founded, dissolved FROM temp_branches ORDER BY id",
		"SELECT id, code, title, source, requester, branch_id, unit_id, handler, received, done, status, result FROM practical_matters ORDER BY id",
		"SELECT id, unit_id, kind, parent_id, name, level, year, bonus_centi FROM brands ORDER BY id",
	} {
		var rows []map[string]any
		if err := s.DB.Raw(q).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, rows)
	}
	return b.String()
}

func TestDemoFrontline(t *testing.T) {
	s := mustLoad(t, "front.db")
	svc := frontline.NewService(s)
	branches, err := svc.ListBranches()
	if err != nil {
		t.Fatal(err)
	}
	kinds := map[string]int{}
	for _, b := range branches {
		kinds[b.Kind]++
	}
	if len(branches) != 30 || kinds["巡察组"] != 20 || kinds["指挥部"] != 2 || kinds["工作专班"] != 4 || kinds["项目"] != 4 {
		t.Fatalf("%d branches by kind %v, want 30: 20 巡察组, 2 指挥部, 4 工作专班, 4 项目", len(branches), kinds)
	}
	if b := branches[0]; b.Name != "区县域经济高质量发展指挥部临时党支部" || b.Teams != 4 {
		t.Errorf("first branch %s has %d teams, want the county-economy HQ with 4", b.Name, b.Teams)
	}
	matters, err := svc.ListMatters()
	if err != nil {
		t.Fatal(err)
	}
	if len(matters) != demo.DemoMatters || demo.DemoMatters < 300 {
		t.Fatalf("%d practical matters, want %d", len(matters), demo.DemoMatters)
	}
	sum, err := svc.Summary()
	if err != nil {
		t.Fatal(err)
	}
	if sum.MattersOpen == 0 || sum.MattersDone < 300 || sum.ForCompanies < 50 || sum.ForPublic < 150 {
		t.Errorf("summary %+v: want most matters done, some open, residents and companies both served", sum)
	}
	for _, m := range matters {
		// Every matter passes the rules a save in the window would apply.
		if err := m.Matter.Validate(""); err != nil {
			t.Fatalf("matter %s: %v", m.Code, err)
		}
	}
	brands, err := svc.ListBrands()
	if err != nil {
		t.Fatal(err)
	}
	subs := 0
	for _, b := range brands {
		if b.Name == "穿行先锋 端信监管" {
			subs = b.SubBrands
		}
		if len(b.Applications) != 0 {
			t.Errorf("brand %s is counted in a round; the demo counts none", b.Name)
		}
	}
	if subs != 8 {
		t.Errorf("穿行先锋 端信监管 has %d sub-brands, want 8", subs)
	}
	var adjustments int64
	s.DB.Table("adjustments").Count(&adjustments)
	if adjustments != 0 {
		t.Errorf("%d adjustments in the demo, want none", adjustments)
	}
	if other := mustLoad(t, "front2.db"); frontlineRows(t, s) != frontlineRows(t, other) {
		t.Error("two demo databases hold different front-line ledgers")
	}
}
