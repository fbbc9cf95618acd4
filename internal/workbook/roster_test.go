package workbook_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/workbook"
)

func readRosterFile(t *testing.T, path string) *workbook.Roster {
	t.Helper()
	f, err := workbook.OpenFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := workbook.ReadRoster(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestReadRosterSample(t *testing.T) {
	r := readRosterFile(t, "testdata/联系片划分表.xlsx")
	if len(r.Problems) != 0 {
		t.Fatalf("problems: %+v", r.Problems)
	}
	if len(r.Areas) != 5 || len(r.Units) != 27 || len(r.People) != 7 {
		t.Fatalf("got %d areas, %d units, %d people; want 5, 27, 7", len(r.Areas), len(r.Units), len(r.People))
	}
	a := r.Areas[0]
	if a.Name != "第一联系片" || a.Number != 1 || a.LeadUnit != "区委办公室" || a.Leader != "赵明华" || a.Liaison != "王建国" || a.Phone != "13805370001" {
		t.Errorf("first area = %+v", a)
	}
	if a.Cells["area"] != "B4" || a.Cells["phone"] != "G4" || len(a.Units) != 6 {
		t.Errorf("first area cells %v, %d units", a.Cells, len(a.Units))
	}
	wantNumbers := []int{1, 2, 3, 6, 9}
	for i, n := range wantNumbers {
		if r.Areas[i].Number != n {
			t.Errorf("area %s number = %d, want %d", r.Areas[i].Name, r.Areas[i].Number, n)
		}
	}
	if u := r.Units[26]; u.Name != "区应急管理局" || u.Area != "第九联系片" || u.Cells["unit"] != "D30" {
		t.Errorf("last unit = %+v (the 注 row must not be a unit)", u)
	}
	if p := r.People[0]; p.Name != "赵明华" || p.Unit != "区委" || p.Phone != "13905370011" {
		t.Errorf("first person = %+v", p)
	}
	kinds := map[string]string{}
	for _, s := range r.Sheets {
		kinds[s.Mapping.Sheet] = s.Mapping.Kind
	}
	if kinds["联系片划分"] != workbook.RosterAreas || kinds["人员名单"] != workbook.RosterPeople {
		t.Errorf("kinds = %v", kinds)
	}
	s := r.Sheets[0]
	if s.Mapping.HeaderRow != 2 || s.Mapping.Columns["unit"] != 3 || s.Mapping.Columns["short"] != -1 || s.DataRows != 27 || len(s.Sample) != 8 {
		t.Errorf("sheet info = %+v", s.Mapping)
	}
	if s.Sample[1].Values["area"] != "第一联系片" || s.Sample[1].Row != 5 {
		t.Errorf("sample row = %+v", s.Sample[1])
	}
}

// messyRoster builds an area sheet the way offices really fill them: a title, a 填报 line, the
// columns in another order, blank rows, full-width spaces, area cells left blank without
// merging, a phone as a number in scientific notation, a note at the bottom.
func messyRoster(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	sh := "Sheet1"
	rows := [][]any{
		{"2024年度机关党建联系片一览"},
		{"填报单位：区直机关工委", nil, nil, "填报日期：2024年3月8日"},
		{},
		{"成员单位", "单位简称", "联 系 片", "总联络员", "联系常委", "联系电话", "牵头单位", "党员人数"},
		{"\u3000区财政局 ", "", "第十一联系片", "张　伟", "刘洋", "1.3805370001E10", "区财政局", "５６人"},
		{"区统计局", "统计局", "", "", "", "", "", 12},
		{},
		{"区审计局", nil, nil, nil, nil, nil, nil, "8"},
		{"区税务局", "税务局", "第3片", "李娜", "", "0537-3456789", "区税务局"},
		{"", "", "", "", "", "", ""},
		{"区商务局", "", "", "", "", "", ""},
		{"注：本表由区直机关工委汇总。"},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(sh, cell, &row); err != nil {
			t.Fatal(err)
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadRosterMessy(t *testing.T) {
	f, err := workbook.OpenBytes(messyRoster(t), "messy.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := workbook.ReadRoster(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 0 {
		t.Fatalf("problems: %+v", r.Problems)
	}
	if len(r.Areas) != 2 || len(r.Units) != 5 {
		t.Fatalf("got %d areas, %d units", len(r.Areas), len(r.Units))
	}
	a := r.Areas[0]
	if a.Name != "第十一联系片" || a.Number != 11 || a.Liaison != "张伟" || a.Phone != "13805370001" || a.LeadUnit != "区财政局" {
		t.Errorf("area = %+v", a)
	}
	if got := r.Areas[1]; got.Number != 3 || len(got.Units) != 2 || got.Units[1] != "区商务局" {
		t.Errorf("second area = %+v", got)
	}
	u := r.Units[0]
	if u.Name != "区财政局" || !u.HasMemberCount || u.MemberCount != 56 || u.Area != "第十一联系片" {
		t.Errorf("unit = %+v", u)
	}
	if u := r.Units[2]; u.Name != "区审计局" || u.Area != "第十一联系片" || u.Cells["unit"] != "A8" {
		t.Errorf("unit after a blank row = %+v", u)
	}
}

func TestReadRosterProblems(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"序号", "联系片", "成员单位", "党员人数"},
		{1, "", "区财政局"},
		{2, "第一联系片", "区统计局", "很多"},
		{3, nil, "", 5},
		{4, "第二联系片", "区统计局"},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	r, err := workbook.ReadRoster(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]bool{"B2": true, "D3": true, "C4": true, "C5": true}
	for _, p := range r.Problems {
		if !want[p.Cell] || p.Sheet != "Sheet1" {
			t.Errorf("unexpected problem %+v", p)
		}
		delete(want, p.Cell)
	}
	if len(want) != 0 {
		t.Errorf("missing problems at %v; got %+v", want, r.Problems)
	}
}

func TestReadRosterNoHeader(t *testing.T) {
	f := excelize.NewFile()
	f.SetSheetRow("Sheet1", "A1", &[]any{"甲", "乙", "丙"})
	r, err := workbook.ReadRoster(f, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 1 || !bytes.Contains([]byte(r.Problems[0].Message), []byte("成员单位")) {
		t.Errorf("problems = %+v", r.Problems)
	}
}

func TestReadRosterWithMapping(t *testing.T) {
	f := excelize.NewFile()
	rows := [][]any{
		{"所在片区组", "机构"},
		{"第一联系片", "区财政局"},
		{"", "区统计局"},
	}
	for i, row := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &row)
	}
	r, _ := workbook.ReadRoster(f, nil)
	if len(r.Problems) != 1 {
		t.Fatalf("unknown titles should leave the file unrecognised: %+v", r.Problems)
	}
	m := workbook.RosterMapping{Sheets: []workbook.RosterSheetMapping{{Sheet: "Sheet1", Kind: workbook.RosterAreas, HeaderRow: 0, Columns: map[string]int{"area": 0, "unit": 1}}}}
	r, _ = workbook.ReadRoster(f, &m)
	if len(r.Problems) != 0 || len(r.Areas) != 1 || len(r.Units) != 2 {
		t.Fatalf("with mapping: %d areas, %d units, problems %+v", len(r.Areas), len(r.Units), r.Problems)
	}
	m.Sheets[0].Columns = map[string]int{"area": 0, "unit": 0}
	r, _ = workbook.ReadRoster(f, &m)
	if len(r.Problems) == 0 {
		t.Error("one column mapped to two fields must be a problem")
	}
}

func TestRosterRoundTrip(t *testing.T) {
	book := workbook.RosterBook{
		Date: time.Date(2024, 6, 15, 0, 0, 0, 0, time.Local),
		Areas: []workbook.RosterArea{
			{Name: "第一联系片（党群综合）", Number: 1, LeadUnit: "区委办公室", Leader: "赵明华", Liaison: "王建国", Phone: "13805370001", Units: []string{"区委办公室", "区档案馆"}},
			{Name: "综合片", Number: 7},
		},
		Units: []workbook.RosterUnit{
			{Name: "区委办公室", ShortName: "区委办", OrgType: "党组", Secretary: "孙立", MemberCount: 40, Area: "第一联系片（党群综合）"},
			{Name: "区档案馆", ShortName: "档案馆", Area: "第一联系片（党群综合）"},
			{Name: "区科协", ShortName: "科协"},
		},
		People: []workbook.RosterPerson{{Name: "王建国", Unit: "区委办公室", Title: "机关党支部书记", Phone: "13805370001"}, {Name: "赵明华"}},
	}
	var buf bytes.Buffer
	if err := workbook.WriteRoster(&buf, book); err != nil {
		t.Fatal(err)
	}
	f, err := workbook.OpenBytes(buf.Bytes(), "out.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := workbook.ReadRoster(f, nil)
	if err != nil || len(r.Problems) != 0 {
		t.Fatalf("%v %+v", err, r.Problems)
	}
	if len(r.Areas) != 2 || r.Areas[0].Number != 1 || r.Areas[1].Number != 7 || r.Areas[0].Phone != "13805370001" {
		t.Errorf("areas = %+v", r.Areas)
	}
	if len(r.Units) != 3 || r.Units[0].MemberCount != 40 || r.Units[0].OrgType != "党组" || r.Units[2].Area != "" || r.Units[2].ShortName != "科协" {
		t.Errorf("units = %+v", r.Units)
	}
	if len(r.People) != 2 || r.People[0].Phone != "13805370001" || r.People[1].Unit != "" {
		t.Errorf("people = %+v", r.People)
	}
	if v, _ := f.GetCellValue(workbook.RosterAreaSheet, "A1"); v != "机关党建工作联系片划分表" {
		t.Errorf("title = %q", v)
	}
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		found = found || n.Name == "_xlnm.Print_Titles" && n.Scope == workbook.RosterAreaSheet && n.RefersTo == "'联系片划分'!$3:$3"
	}
	if !found {
		t.Errorf("print titles not set: %+v", names)
	}
}

func TestAreaNumberFromName(t *testing.T) {
	for name, want := range map[string]int{
		"第一联系片": 1, "第十一联系片": 11, "第3片": 3, "第２０联系片": 20, "第二十一片区": 21,
		"第一联系片（党群综合）": 1, "综合片": 0, "第一组": 0, "一百零五": 0, "第一百零五联系片": 105,
	} {
		if got := workbook.AreaNumberFromName(name); got != want {
			t.Errorf("AreaNumberFromName(%q) = %d, want %d", name, got, want)
		}
	}
}

func TestPhoneText(t *testing.T) {
	for in, want := range map[string]string{
		"13805370001":      "13805370001",
		"1.3805370001E10":  "13805370001",
		"1.3805370001e+10": "13805370001",
		"13805370001.0":    "13805370001",
		"１３８０５３７０００１":      "13805370001",
		" 0537-3456789 ":   "0537-3456789",
	} {
		if got := workbook.PhoneText(in); got != want {
			t.Errorf("PhoneText(%q) = %q, want %q", in, got, want)
		}
	}
}
