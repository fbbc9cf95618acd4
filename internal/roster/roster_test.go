package roster_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/demo"
	"liankanping/internal/org"
	"liankanping/internal/roster"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

const sample = "../workbook/testdata/联系片划分表.xlsx"

func mustOpenDB(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "test.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func newService(s *store.Store) *roster.Service {
	svc := roster.NewService(s)
	svc.Now = func() time.Time { return time.Date(2024, 6, 15, 9, 0, 0, 0, time.Local) }
	return svc
}

func mustImport(t *testing.T, svc *roster.Service, path string) *roster.Plan {
	t.Helper()
	p, err := svc.Import(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) > 0 || !p.Applied {
		t.Fatalf("import refused: %+v", p.Problems)
	}
	return p
}

func counts(t *testing.T, s *store.Store) org.Counts {
	t.Helper()
	c, err := org.NewService(s).Counts()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func wantTally(t *testing.T, what string, got roster.Tally, created, updated, unchanged int) {
	t.Helper()
	if got.Created != created || got.Updated != updated || got.Unchanged != unchanged {
		t.Errorf("%s = %+v; want created %d, updated %d, unchanged %d", what, got, created, updated, unchanged)
	}
}

func areaByName(t *testing.T, s *store.Store, name string) org.AreaView {
	t.Helper()
	areas, err := org.NewService(s).ListAreas()
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range areas {
		if a.Name == name {
			return a
		}
	}
	t.Fatalf("no area %s", name)
	return org.AreaView{}
}

func personByName(t *testing.T, s *store.Store, name string) org.PersonView {
	t.Helper()
	people, err := org.NewService(s).ListPeople(org.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range people {
		if p.Name == name {
			return p
		}
	}
	t.Fatalf("no person %s", name)
	return org.PersonView{}
}

func unitByName(t *testing.T, s *store.Store, name string) org.UnitView {
	t.Helper()
	units, err := org.NewService(s).ListUnits(org.UnitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, u := range units {
		if u.Name == name {
			return u
		}
	}
	t.Fatalf("no unit %s", name)
	return org.UnitView{}
}

func TestImportSample(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)

	t.Run("OK", func(t *testing.T) {
		p := mustImport(t, svc, sample)
		wantTally(t, "areas", p.Counts.Areas, 5, 0, 0)
		wantTally(t, "units", p.Counts.Units, 27, 0, 0)
		// The 7 of the people sheet and the 3 committee members named only in the area sheet.
		wantTally(t, "people", p.Counts.People, 10, 0, 0)
		wantTally(t, "total", p.Total, 42, 0, 0)
		if c := counts(t, s); c.Areas != 5 || c.Units != 27 || c.People != 10 {
			t.Errorf("stored %+v", c)
		}
		a := areaByName(t, s, "第一联系片")
		if a.Number != 1 || a.LeadUnit != "区委办公室" || a.Leader != "赵明华" || a.Liaison != "王建国" || a.UnitCount != 6 {
			t.Errorf("第一联系片 = %+v", a)
		}
		if a := areaByName(t, s, "第九联系片"); a.Number != 9 || a.LeadUnit != "区市场监督管理局" || a.Leader != "郑国栋" {
			t.Errorf("第九联系片 = %+v", a)
		}
		if p := personByName(t, s, "王建国"); p.Phone != "13805370001" || p.UnitName != "区委办公室" || p.Title != "机关党支部书记" {
			t.Errorf("王建国 = %+v", p)
		}
		// 区委 is not a unit of the roster: imported without a unit, told in a note.
		if p := personByName(t, s, "赵明华"); p.UnitID != nil || p.Title != "区委常委、区委办公室主任" {
			t.Errorf("赵明华 = %+v", p)
		}
		if !hasMessage(p.Notes, "区委") {
			t.Errorf("no note about 区委: %+v", p.Notes)
		}
		for name, short := range map[string]string{"区财政局": "财政局", "区委办公室": "区委办", "区委组织部": "组织部", "区教育和体育局": "教体局", "区科协": "区科协"} {
			if u := unitByName(t, s, name); u.ShortName != short {
				t.Errorf("%s short name = %q, want %q", name, u.ShortName, short)
			}
		}
	})

	t.Run("AgainUnchanged", func(t *testing.T) {
		p := mustImport(t, svc, sample)
		wantTally(t, "total", p.Total, 0, 0, 42)
		for _, c := range p.Changes {
			if c.Action != roster.Unchanged {
				t.Errorf("changed again: %+v", c)
			}
		}
	})

	t.Run("KeepsWhatTheFileDoesNotSay", func(t *testing.T) {
		// A short name changed in the window survives a re-import of a file without 简称.
		u := unitByName(t, s, "区财政局")
		u.Unit.ShortName = "财政"
		if _, err := org.NewService(s).SaveUnit(u.Unit); err != nil {
			t.Fatal(err)
		}
		p := mustImport(t, svc, sample)
		wantTally(t, "total", p.Total, 0, 0, 42)
		if got := unitByName(t, s, "区财政局").ShortName; got != "财政" {
			t.Errorf("short name = %q", got)
		}
	})
}

func hasMessage(ps []workbook.Problem, text string) bool {
	for _, p := range ps {
		if strings.Contains(p.Message, text) {
			return true
		}
	}
	return false
}

func TestPreviewWritesNothing(t *testing.T) {
	s := mustOpenDB(t)
	p, err := newService(s).Preview(sample, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Applied || p.Total.Created != 42 {
		t.Errorf("preview = applied %v, %+v", p.Applied, p.Total)
	}
	if c := counts(t, s); c.Areas+c.Units+c.People != 0 {
		t.Errorf("preview wrote %+v", c)
	}
	if len(p.Sheets) != 2 || p.Sheets[0].Mapping.Kind != workbook.RosterAreas || len(p.Sheets[0].Sample) == 0 {
		t.Errorf("sheets = %+v", p.Sheets)
	}
}

// writeBook saves rows per sheet (the first sheet renamed) as an xlsx in dir.
func writeBook(t *testing.T, dir, name string, sheets map[string][][]any, order ...string) string {
	t.Helper()
	f := excelize.NewFile()
	for i, sh := range order {
		if i == 0 {
			f.SetSheetName("Sheet1", sh)
		} else {
			f.NewSheet(sh)
		}
		for r, row := range sheets[sh] {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(sh, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(dir, name)
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestImportMessyRoster(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	dir := t.TempDir()
	path := writeBook(t, dir, "名册.xlsx", map[string][][]any{
		"片区": {
			{"2024年度机关党建联系片一览表"},
			{"填报单位：区直机关工委", nil, nil, nil, "填报日期：2024年3月8日"},
			{},
			{"单位名称", "简称", "联系片", "联络员", "联系常委", "电话", "牵头单位", "党组织类型", "序号"},
			{"\u3000区财政局 ", "", "第十一联系片", "张　伟", "刘洋", "1.3805370001E10", "区财政局", "机关党委", 1},
			{"区统计局", "统计局", "", "", "", "", "", "党支部", 2},
			{},
			{"区审计局", nil, nil, nil, nil, nil, nil, "党组", 3},
			{"区税务局", "税务局", "第3片", "李娜", "", "0537-3456789", "区税务局", "", 4},
			{"", "", "", "", "", "", "", "", 5},
			{"区商务局", "", "", "", "", "", "", "", 6},
			{"注：本表由区直机关工委汇总。"},
		},
		"Sheet3": {
			{"人员名单"},
			{"序号", "姓名", "职务", "所在单位", "手机号码"},
			{1, "张伟", "办公室主任", "区财政局", "13900000001"},
			{2, "王　明", "科员", "统计局", int64(13900000002)}, // a phone typed as a number
		},
	}, "片区", "Sheet3")
	p := mustImport(t, svc, path)
	wantTally(t, "areas", p.Counts.Areas, 2, 0, 0)
	wantTally(t, "units", p.Counts.Units, 5, 0, 0)
	// 张伟 and 王明 of the people sheet, 刘洋 and 李娜 of the area sheet.
	wantTally(t, "people", p.Counts.People, 4, 0, 0)
	a := areaByName(t, s, "第十一联系片")
	if a.Number != 11 || a.LeadUnit != "区财政局" || a.Liaison != "张伟" || a.Leader != "刘洋" || a.UnitCount != 3 {
		t.Errorf("第十一联系片 = %+v", a)
	}
	if a := areaByName(t, s, "第3片"); a.Number != 3 || a.UnitCount != 2 || a.Liaison != "李娜" {
		t.Errorf("第3片 = %+v", a)
	}
	if u := unitByName(t, s, "区财政局"); u.OrgType != "党委" || u.ShortName != "财政局" {
		t.Errorf("区财政局 = %+v", u)
	}
	// The area sheet's phone is the liaison's; the people sheet is matched by name.
	if p := personByName(t, s, "张伟"); p.Phone != "13805370001" || p.UnitName != "区财政局" || p.Title != "办公室主任" {
		t.Errorf("张伟 = %+v", p)
	}
	if p := personByName(t, s, "王明"); p.UnitName != "区统计局" || p.Phone != "13900000002" {
		t.Errorf("王明's unit by short name = %+v", p)
	}
	if p := mustImport(t, svc, path); p.Total.Unchanged != 11 || p.Total.Created+p.Total.Updated != 0 {
		t.Errorf("again = %+v", p.Total)
	}
}

func TestImportProblemsWriteNothing(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	mustImport(t, svc, sample)
	before := counts(t, s)
	dir := t.TempDir()
	path := writeBook(t, dir, "bad.xlsx", map[string][][]any{
		"联系片划分": {
			{"序号", "联系片", "片长单位", "成员单位", "简称", "党组织类型"},
			{1, "第十联系片", "区新建局", "区新建局", "", ""},
			{2, "", "", "区另一新局", strings.Repeat("长", 32), ""},
			{3, "", "", "", "", "党组"},
			{4, "", "", "区财政局", "", "党小组"},
		},
	}, "联系片划分")
	p, err := svc.Import(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Applied {
		t.Fatal("a file with problems was applied")
	}
	want := map[string]string{"E3": "超过 31", "D4": "单位名称为空", "F5": "党小组"}
	for _, pr := range p.Problems {
		if pr.Sheet != "联系片划分" {
			t.Errorf("problem on sheet %q: %+v", pr.Sheet, pr)
		}
		if w, ok := want[pr.Cell]; ok && strings.Contains(pr.Message, w) {
			delete(want, pr.Cell)
		}
	}
	if len(want) != 0 {
		t.Errorf("missing problems %v; got %+v", want, p.Problems)
	}
	if after := counts(t, s); after != before {
		t.Errorf("refused import wrote: before %+v, after %+v", before, after)
	}

	t.Run("UnitInTwoAreas", func(t *testing.T) {
		path := writeBook(t, dir, "two.xlsx", map[string][][]any{
			"Sheet1": {
				{"联系片", "成员单位"},
				{"第一联系片", "区委办公室"},
				{"第二联系片", "区委办公室"},
			},
		}, "Sheet1")
		p, err := svc.Import(path, nil)
		if err != nil {
			t.Fatal(err)
		}
		if p.Applied || len(p.Problems) != 1 || p.Problems[0].Cell != "B3" || !strings.Contains(p.Problems[0].Message, "只能属于一个联系片") {
			t.Errorf("problems = %+v", p.Problems)
		}
	})

	t.Run("LeadUnitOfAnotherArea", func(t *testing.T) {
		path := writeBook(t, dir, "lead.xlsx", map[string][][]any{
			"Sheet1": {
				{"联系片", "片长单位", "成员单位"},
				{"第一联系片", "区委组织部", "区委办公室"},
				{"第二联系片", "", "区委组织部"},
			},
		}, "Sheet1")
		p, _ := svc.Import(path, nil)
		if p.Applied || !hasMessage(p.Problems, "片长单位须是第一联系片的成员单位") {
			t.Errorf("problems = %+v", p.Problems)
		}
	})

	t.Run("NoHeader", func(t *testing.T) {
		path := writeBook(t, dir, "none.xlsx", map[string][][]any{"Sheet1": {{"甲", "乙"}, {"1", "2"}}}, "Sheet1")
		p, _ := svc.Import(path, nil)
		if p.Applied || len(p.Problems) != 1 || !strings.Contains(p.Problems[0].Message, "联系片") || !strings.Contains(p.Problems[0].Message, "姓名") {
			t.Errorf("problems = %+v", p.Problems)
		}
	})

	t.Run("NotAWorkbook", func(t *testing.T) {
		bad := filepath.Join(dir, "名册.xls")
		os.WriteFile(bad, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o644)
		if _, err := svc.Import(bad, nil); err == nil || !strings.Contains(err.Error(), "另存为") {
			t.Errorf("err = %v", err)
		}
	})
	if after := counts(t, s); after != before {
		t.Errorf("refused imports wrote: before %+v, after %+v", before, after)
	}
}

func TestImportUpdates(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	mustImport(t, svc, sample)
	dir := t.TempDir()
	path := writeBook(t, dir, "changes.xlsx", map[string][][]any{
		"Sheet1": {
			{"联系片", "成员单位", "简称", "党员人数", "总联络员", "联系电话"},
			{"第一联系片", "区委办公室", "区委办", 30, "王建国", "13805379999"},
			{"第一联系片", "区档案馆", "档案局", nil, nil, nil},
			{"第一联系片", "区新设中心", "", nil, nil, nil},
		},
	}, "Sheet1")
	p := mustImport(t, svc, path)
	wantTally(t, "areas", p.Counts.Areas, 0, 0, 1)
	wantTally(t, "units", p.Counts.Units, 1, 2, 0)
	wantTally(t, "people", p.Counts.People, 0, 1, 0)
	if u := unitByName(t, s, "区新设中心"); u.ShortName != "新设中心" || u.AreaName != "第一联系片" {
		t.Errorf("new unit = %+v", u)
	}
	if p := personByName(t, s, "王建国"); p.Phone != "13805379999" || p.UnitName != "区委办公室" {
		t.Errorf("王建国 = %+v", p)
	}
	if !hasMessage(p.Notes, "还有") {
		t.Errorf("no note about the area's unlisted units: %+v", p.Notes)
	}
}

func TestImportWithMapping(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	path := writeBook(t, t.TempDir(), "odd.xlsx", map[string][][]any{
		"Sheet1": {
			{"所在片区组", "机构", "简称"},
			{"第二联系片", "区财政局", "财政局"},
			{"", "区统计局", "统计局"},
		},
	}, "Sheet1")
	p, err := svc.Preview(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(p.Problems) == 0 {
		t.Fatal("titles the importer does not know should not be guessed")
	}
	m := p.Mapping()
	m.Sheets[0].Kind, m.Sheets[0].HeaderRow = workbook.RosterAreas, 0
	m.Sheets[0].Columns = map[string]int{"area": 0, "unit": 1, "short": 2}
	p, err = svc.Import(path, &m)
	if err != nil {
		t.Fatal(err)
	}
	if !p.Applied || p.Counts.Areas.Created != 1 || p.Counts.Units.Created != 2 {
		t.Fatalf("plan = %+v, problems %+v", p.Counts, p.Problems)
	}
	if a := areaByName(t, s, "第二联系片"); a.Number != 2 || a.UnitCount != 2 {
		t.Errorf("area = %+v", a)
	}
}

func TestExportReimportsUnchanged(t *testing.T) {
	for _, tc := range []struct {
		name string
		load func(t *testing.T, s *store.Store)
		want int
	}{
		{"Sample", func(t *testing.T, s *store.Store) { mustImport(t, newService(s), sample) }, 42},
		{"Demo", func(t *testing.T, s *store.Store) {
			if err := demo.Load(s, demo.Options{}); err != nil {
				t.Fatal(err)
			}
			// A unit in no area and a person in no unit travel too.
			if _, err := org.NewService(s).SaveUnit(org.Unit{Name: "区新闻中心", ShortName: "新闻中心"}); err != nil {
				t.Fatal(err)
			}
			if _, err := org.NewService(s).SavePerson(org.Person{Name: "无单位人员", Phone: "13900000000"}); err != nil {
				t.Fatal(err)
			}
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s := mustOpenDB(t)
			tc.load(t, s)
			before := counts(t, s)
			out := filepath.Join(t.TempDir(), "名册.xlsx")
			svc := newService(s)
			if err := svc.Export(out); err != nil {
				t.Fatal(err)
			}
			entries, _ := os.ReadDir(filepath.Dir(out))
			if len(entries) != 1 {
				t.Errorf("export left %d files beside it", len(entries))
			}
			p := mustImport(t, svc, out)
			total := int(before.Areas + before.Units + before.People)
			wantTally(t, "total", p.Total, 0, 0, total)
			if tc.want != 0 && total != tc.want {
				t.Errorf("records = %d, want %d", total, tc.want)
			}
			if after := counts(t, s); after != before {
				t.Errorf("counts %+v → %+v", before, after)
			}
			// The same roster into an empty database gives the same organisation.
			s2 := mustOpenDB(t)
			p2 := mustImport(t, newService(s2), out)
			if p2.Total.Created != total {
				t.Errorf("into an empty database: %+v, want %d created", p2.Total, total)
			}
			a1, _ := org.NewService(s).ListAreas()
			a2, _ := org.NewService(s2).ListAreas()
			for i := range a1 {
				x, y := a1[i], a2[i]
				if x.Number != y.Number || x.Name != y.Name || x.LeadUnit != y.LeadUnit || x.Liaison != y.Liaison || x.Leader != y.Leader || x.UnitCount != y.UnitCount {
					t.Errorf("area %d: %+v vs %+v", i, x, y)
				}
			}
		})
	}
}

func TestExportFormatting(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	mustImport(t, svc, sample)
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	if err := svc.Export(out); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if got := f.GetSheetList(); len(got) != 2 || got[0] != "联系片划分" || got[1] != "人员名单" {
		t.Errorf("sheets = %v", got)
	}
	merges, _ := f.GetMergeCells("联系片划分")
	found := false
	for _, m := range merges {
		found = found || m.GetStartAxis() == "B4" && m.GetEndAxis() == "B9" && m.GetCellValue() == "第一联系片"
	}
	if !found {
		t.Error("area cell B4:B9 not merged over its six units")
	}
	if v, _ := f.GetCellValue("联系片划分", "A2"); v != "导出日期：2024年6月15日" {
		t.Errorf("date line = %q", v)
	}
	if v, _ := f.GetCellValue("联系片划分", "K4"); v != "13805370001" {
		t.Errorf("phone = %q", v)
	}
	style, _ := f.GetCellStyle("联系片划分", "D4")
	st, _ := f.GetStyle(style)
	if st.Font == nil || st.Font.Family != "仿宋" || len(st.Border) != 4 {
		t.Errorf("body style = %+v", st)
	}
	style, _ = f.GetCellStyle("联系片划分", "D3")
	if st, _ := f.GetStyle(style); st.Font == nil || st.Font.Family != "黑体" {
		t.Errorf("header style = %+v", st)
	}
	layout, _ := f.GetPageLayout("联系片划分")
	if layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("page = %+v", layout)
	}
	if w, _ := f.GetColWidth("联系片划分", "D"); w < 20 {
		t.Errorf("成员单位 column width %.1f is too narrow for 区人力资源和社会保障局", w)
	}
}

// A real 联系片划分表: titles with a trailing space and a bracketed qualifier, the committee
// member and a 手机 column that is theirs, the people on a second sheet and a budget sheet left
// out with a note; imported whole.
func TestImportRealAreaSheet(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	path := writeBook(t, t.TempDir(), "联系片划分表.xlsx", map[string][][]any{
		"联系片划分": {
			{"机关党建联系片划分表"},
			{"序号", "联系片 ", "成员单位（部门）", "联系常委", "手机"},
			{1, "第一联系片", "区委办公室", "赵明华", "13805370001"},
			{nil, "第一联系片", "区档案馆"},
			{2, "第二联系片", "区财政局", "钱进", "13805370002"},
			{nil, "合计", "3个单位"},
		},
		"人员名单": {
			{"序号", "姓名", "单位名称(全称)", "职务", "手机号"},
			{1, "王建国", "区委办公室", "主任", "13805370003"},
		},
		"预算": {
			{"序号", "单位", "项目", "金额"},
			{1, "某某街道", "办公经费", 12},
		},
	}, "联系片划分", "人员名单", "预算")
	p := mustImport(t, svc, path)
	if !p.Applied || len(p.Problems) != 0 {
		t.Fatalf("applied %v, problems %+v", p.Applied, p.Problems)
	}
	wantTally(t, "areas", p.Counts.Areas, 2, 0, 0)
	wantTally(t, "units", p.Counts.Units, 3, 0, 0)
	if !hasMessage(p.Notes, "工作表「预算」没有识别为名册，未导入") {
		t.Errorf("notes = %+v", p.Notes)
	}
	if hasMessage(p.Notes, "电话未导入") {
		t.Errorf("the committee member's phone was dropped: %+v", p.Notes)
	}
	if a := areaByName(t, s, "第一联系片"); a.Leader != "赵明华" {
		t.Errorf("area = %+v", a)
	}
	if pv := personByName(t, s, "赵明华"); pv.Phone != "13805370001" {
		t.Errorf("赵明华's phone = %q", pv.Phone)
	}
}

// A roster past a plausibility limit is refused with the limit in Plan.Limits (so the window
// can offer 仍然导入); with Force the same file is imported and the limit told as a note.
func TestImportForcePastLimits(t *testing.T) {
	s := mustOpenDB(t)
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "联系片划分")
	f.SetSheetRow("联系片划分", "A1", &[]any{"联系片", "成员单位"})
	for i := 0; i <= workbook.MaxRosterUnits; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow("联系片划分", cell, &[]any{"第一联系片", fmt.Sprintf("单位%03d", i)})
	}
	path := filepath.Join(t.TempDir(), "big.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	svc := newService(s)
	p, err := svc.Import(path, nil)
	if err != nil {
		t.Fatal(err)
	}
	if p.Applied || len(p.Limits) != 1 || len(p.Problems) != 1 || !strings.Contains(p.Limits[0].Message, "500") {
		t.Fatalf("without force: applied %v, limits %+v, problems %+v", p.Applied, p.Limits, p.Problems)
	}
	if c := counts(t, s); c.Units != 0 {
		t.Errorf("refused roster wrote %d units", c.Units)
	}
	svc.Force = true
	if p, err = svc.Preview(path, nil); err != nil || len(p.Problems) != 0 || len(p.Limits) != 0 || p.Applied {
		t.Fatalf("forced preview: %v %+v", err, p)
	}
	p = mustImport(t, svc, path)
	if c := counts(t, s); c.Units != workbook.MaxRosterUnits+1 {
		t.Errorf("forced import wrote %d units", c.Units)
	}
	found := false
	for _, n := range p.Notes {
		found = found || strings.Contains(n.Message, "已确认仍然导入")
	}
	if !found {
		t.Errorf("notes lack the limit: %+v", p.Notes)
	}
}
