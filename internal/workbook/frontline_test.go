package workbook_test

import (
	"bytes"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/workbook"
)

func sampleFrontlineBook() workbook.FrontlineBook {
	return workbook.FrontlineBook{
		Date:  time.Date(2024, 12, 1, 0, 0, 0, 0, time.Local),
		Kinds: workbook.LedgerKinds,
		Branches: []workbook.FrontlineBranch{
			{Name: "区县域经济高质量发展指挥部临时党支部", Kind: "指挥部", Host: "区发改局牵头，科技局、工信局等26个部门及镇街", Secretary: "姜磊",
				MemberCount: 11, Members: "姜磊、王建国、李敏", Founded: "2023-02-20", Notes: "统筹负责全区经济运行、重大项目建设"},
			{Name: "经济运行工作专班临时党支部", Kind: "工作专班", Parent: "区县域经济高质量发展指挥部临时党支部", Host: "区统计局",
				Secretary: "张伟", MemberCount: 4, Members: "张伟、刘洋、陈静、杨帆", Founded: "2023-03-01"},
			{Name: "第一轮巡察第一组临时党支部", Kind: "巡察组", Host: "区纪委监委", Secretary: "赵明", MemberCount: 6,
				Members: "赵明、孙丽、周杰", Founded: "2022-04-11", Dissolved: "2022-06-18"},
		},
		Matters: []workbook.FrontlineMatter{
			{Code: "2024-0001", Title: "设备更新政策上门解读（天意机械有限公司）", Source: "企业", Requester: "天意机械有限公司",
				Branch: "区绿色低碳高质量发展指挥部临时党支部", Unit: "发改局", Handler: "姜磊", Received: "2024-06-15", Done: "2024-06-20",
				Status: "已办结", Result: "逐项解读设备更新补贴政策，指导企业申报更新项目2个"},
			{Code: "2024-0002", Title: "东关社区老旧小区路灯维修", Source: "群众", Requester: "东关社区群众", Unit: "城管中心",
				Handler: "李敏", Received: "2024-11-20", Status: "办理中"},
		},
		Brands: []workbook.FrontlineBrand{
			{Unit: "区市场监督管理局", Kind: "党建品牌", Name: "穿行先锋 端信监管", Level: "区级", Year: 2023, Issuer: "中共兖州区委区直机关工委", BonusCenti: 50},
			{Unit: "区市场监督管理局", Kind: "子品牌", Parent: "穿行先锋 端信监管", Name: "执行先锋", Level: "区级", Year: 2023},
			{Unit: "区教育和体育局", Kind: "荣誉", Name: "济宁市机关党建创新优秀案例", Level: "市级", Year: 2023, Issuer: "中共济宁市委市直机关工委", BonusCenti: 150, Notes: "“红耀教育 争当旗帜”"},
		},
		Summaries: map[string]string{workbook.LedgerBranches: "共 3 个临时党支部"},
	}
}

func readFrontlineBytes(t *testing.T, data []byte) *workbook.FrontlineLedger {
	t.Helper()
	f, err := workbook.OpenBytes(data, "台账.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	l, err := workbook.ReadFrontline(f)
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// withoutPlace drops where each row was read, to compare what was read with what was written.
func withoutPlace(l *workbook.FrontlineLedger) (b []workbook.FrontlineBranch, m []workbook.FrontlineMatter, r []workbook.FrontlineBrand) {
	for _, x := range l.Branches {
		x.Sheet, x.Cells = "", nil
		b = append(b, x)
	}
	for _, x := range l.Matters {
		x.Sheet, x.Cells = "", nil
		m = append(m, x)
	}
	for _, x := range l.Brands {
		x.Sheet, x.Cells = "", nil
		r = append(r, x)
	}
	return
}

func TestFrontlineRoundTrip(t *testing.T) {
	book := sampleFrontlineBook()
	var buf bytes.Buffer
	if err := workbook.WriteFrontline(&buf, book); err != nil {
		t.Fatal(err)
	}
	l := readFrontlineBytes(t, buf.Bytes())
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %+v", l.Problems)
	}
	b, m, r := withoutPlace(l)
	if !reflect.DeepEqual(b, book.Branches) {
		t.Errorf("branches:\n got %+v\nwant %+v", b, book.Branches)
	}
	if !reflect.DeepEqual(m, book.Matters) {
		t.Errorf("matters:\n got %+v\nwant %+v", m, book.Matters)
	}
	if !reflect.DeepEqual(r, book.Brands) {
		t.Errorf("brands:\n got %+v\nwant %+v", r, book.Brands)
	}
	if c := l.Matters[0].Cells; c["code"] != "A4" || c["title"] != "B4" || c["result"] != "K4" {
		t.Errorf("matter cells = %v", c)
	}
	want := []workbook.LedgerSheet{{Sheet: "临时党支部", Kind: "branches", HeaderRow: 3, Rows: 3},
		{Sheet: "办实事", Kind: "matters", HeaderRow: 3, Rows: 2}, {Sheet: "党建品牌与荣誉", Kind: "brands", HeaderRow: 3, Rows: 3}}
	if !reflect.DeepEqual(l.Sheets, want) {
		t.Errorf("sheets = %+v", l.Sheets)
	}
}

func TestFrontlineFormatting(t *testing.T) {
	var buf bytes.Buffer
	if err := workbook.WriteFrontline(&buf, sampleFrontlineBook()); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sheet := "办实事"
	font := func(cell string) (string, string) {
		id, _ := f.GetCellStyle(sheet, cell)
		st, err := f.GetStyle(id)
		if err != nil || st.Font == nil {
			t.Fatalf("%s: no font (%v)", cell, err)
		}
		fmtCode := ""
		if st.CustomNumFmt != nil {
			fmtCode = *st.CustomNumFmt
		}
		return st.Font.Family, fmtCode
	}
	if v, _ := f.GetCellValue(sheet, "A1"); v != "为群众办实事、解难题台账" {
		t.Errorf("title = %q", v)
	}
	if fam, _ := font("A1"); fam != "黑体" {
		t.Errorf("title font %s", fam)
	}
	if fam, _ := font("B3"); fam != "黑体" {
		t.Errorf("header font %s", fam)
	}
	if fam, _ := font("B4"); fam != "仿宋" {
		t.Errorf("body font %s", fam)
	}
	if _, code := font("H4"); !strings.Contains(code, "年") {
		t.Errorf("受理日期 number format %q, want a Chinese date", code)
	}
	if v, _ := f.GetCellValue(sheet, "H4"); v != "2024年6月15日" {
		t.Errorf("受理日期 shows %q", v)
	}
	layout, err := f.GetPageLayout(sheet)
	if err != nil || layout.Size == nil || *layout.Size != 9 || layout.Orientation == nil || *layout.Orientation != "landscape" {
		t.Errorf("page layout %+v (%v), want A4 landscape", layout, err)
	}
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		found = found || n.Name == "_xlnm.Print_Titles" && n.Scope == sheet
	}
	if !found {
		t.Error("the header row is not repeated on printed pages")
	}
	if w, _ := f.GetColWidth(sheet, "B"); w < 20 || w > 30 {
		t.Errorf("事项 column width %.1f, want room for Chinese text", w)
	}
	if h, _ := f.GetRowHeight(sheet, 4); h < 30 {
		t.Errorf("a row with a wrapped result is %.0f high, too low to show it", h)
	}
}

// messyLedger is a 办实事 sheet as an office keeps it: a title and a 填报单位 line, its own
// column titles in its own order, merged 承办支部 cells, dates typed in several ways, a total
// and a note at the bottom, and a sheet of something else beside it.
func messyLedger(t *testing.T) []byte {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	s := "Sheet1"
	f.SetSheetName(s, "2024年办实事")
	s = "2024年办实事"
	rows := [][]any{
		{"兖州区一线支部为民办实事台账"},
		{"填报单位：区委巡察办", nil, nil, nil, nil, "填报日期：2024年12月1日"},
		{"序 号", "实事内容", "服务对象类别", "承办党支部", "承办人", "受理时间", "是否办结", "完成时间", "办理情况"},
		{1, "东关社区路灯维修", "群众", "第五轮巡察第一组临时党支部", "王　明", "2024年10月20日", "是", "2024.10.25", "更换路灯5盏"},
		{2, "协调解决杨家村饮用水问题", "居民", nil, "李敏", 45590, "否", nil, nil},
		{3, "帮助瑞丰食品有限公司申报专精特新", "企业", "区绿色低碳高质量发展指挥部临时党支部", "张伟", "２０２４/１１/２", "已完成", "20241115", "已通过市级评审"},
		{"合计", "3件"},
		{"注：本表每月5日前报送"},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow(s, cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.MergeCell(s, "A1", "I1")
	f.MergeCell(s, "D4", "D5")
	f.NewSheet("说明")
	f.SetCellStr("说明", "A1", "各支部按月填报")
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestReadFrontlineMessy(t *testing.T) {
	l := readFrontlineBytes(t, messyLedger(t))
	if len(l.Problems) != 0 {
		t.Fatalf("problems: %+v", l.Problems)
	}
	if len(l.Matters) != 3 || len(l.Branches) != 0 || len(l.Brands) != 0 {
		t.Fatalf("read %d matters, %d branches, %d brands; want 3, 0, 0", len(l.Matters), len(l.Branches), len(l.Brands))
	}
	m := l.Matters[0]
	if m.Title != "东关社区路灯维修" || m.Source != "群众" || m.Branch != "第五轮巡察第一组临时党支部" || m.Handler != "王明" ||
		m.Received != "2024-10-20" || m.Done != "2024-10-25" || m.Status != "已办结" || m.Result != "更换路灯5盏" {
		t.Errorf("first matter = %+v", m)
	}
	if m.Cells["received"] != "F4" || m.Has("unit") || m.Has("code") {
		t.Errorf("first matter cells = %v", m.Cells)
	}
	m = l.Matters[1]
	if m.Source != "群众" || m.Branch != "第五轮巡察第一组临时党支部" || m.Received != "2024-10-25" || m.Status != "办理中" || m.Done != "" {
		t.Errorf("second matter (merged branch, Excel date, 否) = %+v", m)
	}
	m = l.Matters[2]
	if m.Received != "2024-11-02" || m.Done != "2024-11-15" || m.Status != "已办结" || m.Source != "企业" {
		t.Errorf("third matter (full-width date, 20241115) = %+v", m)
	}
}

func TestReadFrontlineProblems(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	rows := [][]any{
		{"支部名称", "类型", "牵头单位", "支部书记", "党员人数", "成立日期", "撤销日期"},
		{"第一轮巡察第一组临时党支部", "巡察组", "区纪委监委", "赵明", "五人", "2022-04-11", "六月底"},
		{"第二轮巡察第一组临时党支部", nil, "区纪委监委", "钱亮", 5, "2022-02-30", nil},
	}
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("Sheet1", cell, &r)
	}
	f.NewSheet("品牌")
	brands := [][]any{
		{"单位", "名称", "级别", "年度", "加分"},
		{"区教育和体育局", "红耀教育 争当旗帜", "区级", "二〇二二", "0.555"},
	}
	for i, r := range brands {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		f.SetSheetRow("品牌", cell, &r)
	}
	var buf bytes.Buffer
	f.Write(&buf)
	l := readFrontlineBytes(t, buf.Bytes())
	want := map[string]string{
		"Sheet1!E2": "党员人数“五人”不是整数",
		"Sheet1!G2": "撤销日期“六月底”不是日期",
		"Sheet1!F3": "成立日期“2022-02-30”不是日期",
		"品牌!D2":     "年度“二〇二二”不是年份",
		"品牌!E2":     "加分“0.555”最多两位小数",
	}
	got := map[string]string{}
	for _, p := range l.Problems {
		got[p.Sheet+"!"+p.Cell] = p.Message
	}
	for cell, msg := range want {
		if !strings.HasPrefix(got[cell], msg) {
			t.Errorf("%s: got %q, want %q…", cell, got[cell], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("problems = %v", got)
	}
	if l.Branches[1].Kind != "巡察组" {
		t.Errorf("a blank kind is told by the name: got %q", l.Branches[1].Kind)
	}
}

func TestReadFrontlineNoHeader(t *testing.T) {
	f := excelize.NewFile()
	defer f.Close()
	f.SetCellStr("Sheet1", "A1", "姓名")
	var buf bytes.Buffer
	f.Write(&buf)
	l := readFrontlineBytes(t, buf.Bytes())
	if len(l.Problems) != 1 || !strings.Contains(l.Problems[0].Message, "没有找到台账的表头") {
		t.Fatalf("problems = %+v", l.Problems)
	}
}

func TestCellDate(t *testing.T) {
	for in, want := range map[string]string{
		"2024-06-15": "2024-06-15", "2024/6/5": "2024-06-05", "2024.6.15": "2024-06-15", "2024年6月15日": "2024-06-15",
		"2024 年 6 月 15 日": "2024-06-15", "20240615": "2024-06-15", "45458": "2024-06-15", "45458.5": "2024-06-15",
		"２０２４－０６－１５": "2024-06-15", "2024-06-15 09:30": "2024-06-15", "2024-6-31": "", "六月": "", "15": "", "2024": "",
	} {
		got, err := workbook.CellDate(in)
		if want == "" && err == nil || want != "" && got != want {
			t.Errorf("CellDate(%q) = %q, %v; want %q", in, got, err, want)
		}
	}
}
