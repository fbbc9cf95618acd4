package ledger_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/finding"
	"liankanping/internal/ledger"
	"liankanping/internal/org"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// fixture is a database with three units, a round 2024Q3 observed on 2024-09-10 that found
// problems in the first two, and a problem of inspection work outside the rounds; the clock
// stands at 2024-12-01.
type fixture struct {
	s        *store.Store
	svc      *ledger.Service
	fs       *finding.Service
	dir      string
	units    []uint
	round    uint
	findings []uint // 教体局 ×2 (round), 财政局 (round, 已整改), 区委办 (no round, 已销号), 教体局 (no round)
}

var today = time.Date(2024, 12, 1, 10, 0, 0, 0, time.Local)

func mustFixture(t *testing.T) *fixture {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, svc: ledger.NewService(s), fs: finding.NewService(s), dir: dir}
	clock := func() time.Time { return today }
	f.svc.Now, f.fs.Now = clock, clock
	o := org.NewService(s)
	for _, n := range [][2]string{{"区教育和体育局", "教体局"}, {"区财政局", "财政局"}, {"区委办公室", "区委办"}} {
		u, err := o.SaveUnit(org.Unit{Name: n[0], ShortName: n[1]})
		if err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, u.ID)
	}
	now := time.Now()
	mustExec(t, s, "INSERT INTO schemes (id, name, year, version, status, created_at, updated_at) VALUES (1, '2024年评分细则', 2024, 1, 'published', ?, ?)", now, now)
	mustExec(t, s, "INSERT INTO rounds (id, code, title, date, scheme_id, status, created_at, updated_at) VALUES (1, '2024Q3', '2024年第三季度“常委看党建”', '2024-09-10', 1, 'closed', ?, ?)", now, now)
	mustExec(t, s, "INSERT INTO round_units (round_id, unit_id) VALUES (1, ?), (1, ?)", f.units[0], f.units[1])
	f.round = 1
	r := &f.round
	for _, x := range []finding.Finding{
		{RoundID: r, UnitID: f.units[0], Dimension: "模范机关建设", Method: "查阅资料", Description: "“三会一课”记录存在代记、补记现象",
			Requirement: "规范会议记录，实行专人记录、书记审签", Responsible: "张伟", Deadline: "2024-11-10"},
		{RoundID: r, UnitID: f.units[0], Description: "党建工作与业务工作结合不够紧密", Requirement: "打造一个融合项目", Responsible: "李敏", Deadline: "2024-12-31"},
		{RoundID: r, UnitID: f.units[1], Description: "年度党建责任清单未逐项细化到岗到人", Responsible: "王强", Deadline: "2024-11-30",
			Status: finding.Done, DoneDate: "2024-11-20", Measures: "细化责任清单 32 项"},
		{UnitID: f.units[2], Description: "群众反映窗口服务态度生硬", Deadline: "2024-10-31", Status: finding.Closed, DoneDate: "2024-10-20", ClosedDate: "2024-10-30"},
		{UnitID: f.units[0], Description: "信访件办理超期", Deadline: "2025-01-31"},
	} {
		id, err := f.fs.Save(x)
		if err != nil {
			t.Fatal(err)
		}
		f.findings = append(f.findings, id)
	}
	return f
}

func mustExec(t *testing.T, s *store.Store, q string, args ...any) {
	t.Helper()
	if err := s.DB.Exec(q, args...).Error; err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) get(t *testing.T, id uint) finding.Finding {
	t.Helper()
	var x finding.Finding
	if err := f.s.DB.First(&x, id).Error; err != nil {
		t.Fatal(err)
	}
	return x
}

// snapshot is everything a return may write, to check that a refused one wrote nothing.
func (f *fixture) snapshot(t *testing.T) string {
	t.Helper()
	var rows []string
	err := f.s.DB.Raw(`SELECT id || '|' || status || '|' || measures || '|' || progress || '|' || done_date || '|' || updated_at FROM findings
UNION ALL SELECT 'batches ' || COUNT(*) FROM ledger_batches UNION ALL SELECT 'history ' || COUNT(*) FROM finding_history
UNION ALL SELECT 'audit ' || COUNT(*) FROM audit_log`).Scan(&rows).Error
	if err != nil {
		t.Fatal(err)
	}
	return strings.Join(rows, "\n")
}

// exportUnit writes the feedback workbooks of the chosen units and returns the first's path.
func (f *fixture) exportUnit(t *testing.T, unit uint) string {
	t.Helper()
	res, err := f.svc.ExportUnits(ledger.ExportRequest{UnitIDs: []uint{unit}, Dir: filepath.Join(f.dir, "out")}, "管理员")
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Files) != 1 {
		t.Fatalf("files = %+v, skipped %+v", res.Files, res.Skipped)
	}
	return res.Files[0].Path
}

// fill sets cells of the findings' sheet of a workbook, as a unit would in Excel, and saves it
// under a new name.
func fill(t *testing.T, path, name string, cells map[string]any) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	for cell, v := range cells {
		sheet, ref, _ := strings.Cut(cell, "!")
		if ref == "" {
			sheet, ref = workbook.FeedbackSheet, cell
		}
		if err := x.SetCellValue(sheet, ref, v); err != nil {
			t.Fatal(err)
		}
	}
	out := filepath.Join(filepath.Dir(path), name)
	if err := x.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func TestExportLedger(t *testing.T) {
	f := mustFixture(t)
	path := filepath.Join(f.dir, "台账.xlsx")
	n, err := f.svc.ExportLedger(path, finding.Filter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 5 {
		t.Fatalf("wrote %d findings, want 5", n)
	}
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet := workbook.RectificationSheet
	want := map[string]string{"A1": "问题整改台账", "E3": "问题描述", "M3": "销号日期", "N3": "逾期"}
	for cell, v := range want {
		if got, _ := x.GetCellValue(sheet, cell); got != v {
			t.Errorf("%s = %q, want %q", cell, got, v)
		}
	}
	scope, _ := x.GetCellValue(sheet, "A2")
	if !strings.Contains(scope, "全部问题") || !strings.Contains(scope, "共 5 条：待整改 3 条，已整改 1 条，已销号 1 条；逾期 1 条") {
		t.Errorf("scope line %q", scope)
	}
	rows, _ := x.GetRows(sheet)
	var overdue []string
	for _, r := range rows[3:] {
		if len(r) > 13 && r[13] != "" {
			overdue = append(overdue, r[4]+" "+strings.ReplaceAll(r[13], "\n", ""))
		}
	}
	if len(overdue) != 1 || overdue[0] != "“三会一课”记录存在代记、补记现象 逾期21天" {
		t.Errorf("overdue rows %q", overdue)
	}
	if p, _ := x.GetPageLayout(sheet); p.Orientation == nil || *p.Orientation != "landscape" || p.Size == nil || *p.Size != 9 {
		t.Errorf("page layout %+v, want A4 landscape", p)
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
	t.Run("Filtered", func(t *testing.T) {
		n, err := f.svc.ExportLedger(path, finding.Filter{UnitID: f.units[0], Overdue: true})
		if err != nil || n != 1 {
			t.Fatalf("n = %d, err %v; want 1 overdue finding of 教体局", n, err)
		}
	})
}

func TestUnitChoicesAndExport(t *testing.T) {
	f := mustFixture(t)
	choices, err := f.svc.UnitChoices(0)
	if err != nil {
		t.Fatal(err)
	}
	if len(choices) != 2 || choices[0].Unit != "区教育和体育局" || choices[0].Open != 3 || choices[0].Overdue != 1 ||
		choices[1].Unit != "区财政局" || choices[1].Open != 0 || choices[1].Done != 1 {
		t.Fatalf("choices %+v", choices)
	}
	t.Run("AllWithOpenFindings", func(t *testing.T) {
		res, err := f.svc.ExportUnits(ledger.ExportRequest{Dir: filepath.Join(f.dir, "all")}, "管理员")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Files) != 1 || res.Files[0].FileName != "教体局_整改情况反馈表.xlsx" || res.Files[0].Findings != 3 {
			t.Fatalf("files %+v", res.Files)
		}
		var n int64
		f.s.DB.Table("ledger_workbooks").Count(&n)
		if n != 1 {
			t.Fatalf("%d workbooks recorded, want 1", n)
		}
	})
	t.Run("ChosenUnits", func(t *testing.T) {
		res, err := f.svc.ExportUnits(ledger.ExportRequest{UnitIDs: f.units, Dir: filepath.Join(f.dir, "chosen"), Deadline: "2024-12-20"}, "管理员")
		if err != nil {
			t.Fatal(err)
		}
		if len(res.Files) != 2 || res.Files[1].FileName != "财政局_整改情况反馈表.xlsx" || len(res.Skipped) != 1 || res.Skipped[0].Unit != "区委办公室" {
			t.Fatalf("files %+v skipped %+v", res.Files, res.Skipped)
		}
		x, err := excelize.OpenFile(res.Files[0].Path)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		if v, _ := x.GetSheetVisible(workbook.FeedbackMetaSheet); v {
			t.Error("the metadata sheet is visible")
		}
		head, _ := x.GetRows(workbook.FeedbackSheet)
		if got := strings.Join(head[2][:11], ","); got != "序号,观摩轮次,问题描述,整改要求,责任人,整改期限,整改状态,整改措施,完成情况,完成时间,佐证材料" {
			t.Errorf("header %s", got)
		}
		if head[3][2] != "“三会一课”记录存在代记、补记现象" || head[3][11] != "F1" {
			t.Errorf("first row %q", head[3])
		}
		dvs, _ := x.GetDataValidations(workbook.FeedbackSheet)
		found := false
		for _, dv := range dvs {
			if dv.Type == "date" && dv.Sqref == "J4:J6" {
				found = true
			}
		}
		if !found {
			t.Errorf("no date validation on J4:J6: %+v", dvs)
		}
		if err := x.SetCellValue(workbook.FeedbackSheet, "H4", "x"); err != nil {
			t.Fatal(err)
		}
		locked, _ := x.GetCellStyle(workbook.FeedbackSheet, "C4")
		open, _ := x.GetCellStyle(workbook.FeedbackSheet, "H4")
		ls, _ := x.GetStyle(locked)
		os, _ := x.GetStyle(open)
		if ls.Protection != nil && !ls.Protection.Locked || os.Protection == nil || os.Protection.Locked {
			t.Errorf("protection: 问题描述 %+v, 整改措施 %+v", ls.Protection, os.Protection)
		}
	})
}

func TestReturnRoundTrip(t *testing.T) {
	f := mustFixture(t)
	path := f.exportUnit(t, f.units[0])
	// The unit reports the first problem finished on 2024-11-25, and work on the second.
	filled := fill(t, path, "教体局_已填.xlsx", map[string]any{
		"H4": "实行专人记录、书记审签，补齐缺失记录 6 次",
		"I4": "已完成",
		"J4": time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC),
		"I5": "融合项目方案已起草",
	})
	before := f.snapshot(t)
	rep, err := f.svc.Preview(ledger.ImportRequest{Paths: []string{filled}})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Status != ledger.StatusPreview || fr.Unit != "区教育和体育局" || fr.New != 2 || fr.Changed != 0 || fr.Unchanged != 1 || fr.Moved != 2 {
		t.Fatalf("preview %+v", fr)
	}
	if c := fr.Changes[0]; c.StatusFrom != "待整改" || c.StatusTo != "已整改" || c.Cell != "H4" || len(c.Fields) != 3 {
		t.Errorf("first change %+v", c)
	}
	if f.snapshot(t) != before {
		t.Fatal("the preview wrote to the database")
	}

	rep, err = f.svc.Apply(ledger.ImportRequest{Token: rep.Token}, "管理员")
	if err != nil {
		t.Fatal(err)
	}
	if fr := rep.Files[0]; fr.Status != ledger.StatusApplied || fr.BatchID == 0 {
		t.Fatalf("apply %+v", fr)
	}
	first, second := f.get(t, f.findings[0]), f.get(t, f.findings[1])
	if first.Status != finding.Done || first.DoneDate != "2024-11-25" || first.Measures != "实行专人记录、书记审签，补齐缺失记录 6 次" || first.Progress != "已完成" {
		t.Errorf("first finding %+v", first)
	}
	if second.Status != finding.InProgress || second.Progress != "融合项目方案已起草" || second.DoneDate != "" {
		t.Errorf("second finding %+v", second)
	}

	t.Run("SameFileAgainChangesNothing", func(t *testing.T) {
		after := f.snapshot(t)
		rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{filled}}, "管理员")
		if err != nil {
			t.Fatal(err)
		}
		if fr := rep.Files[0]; fr.Status != ledger.StatusUnchanged || fr.Unchanged != 3 {
			t.Fatalf("again %+v", fr)
		}
		if f.snapshot(t) != after {
			t.Fatal("the same file again wrote to the database")
		}
	})

	t.Run("BlankCellsNeverErase", func(t *testing.T) {
		blank := fill(t, filled, "教体局_清空.xlsx", map[string]any{"H4": "", "I4": "", "J4": ""})
		rep, err := f.svc.Preview(ledger.ImportRequest{Paths: []string{blank}})
		if err != nil || rep.Files[0].Status != ledger.StatusUnchanged {
			t.Fatalf("blank cells: %+v %v", rep.Files, err)
		}
	})

	t.Run("LaterReturnUpdates", func(t *testing.T) {
		later := fill(t, filled, "教体局_补充.xlsx", map[string]any{"I5": "融合项目已启动", "J5": "2024-11-30"})
		rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{later}}, "管理员")
		if err != nil {
			t.Fatal(err)
		}
		if fr := rep.Files[0]; fr.Status != ledger.StatusApplied || fr.Changed != 1 || fr.Moved != 1 {
			t.Fatalf("later %+v", fr)
		}
		if x := f.get(t, f.findings[1]); x.Status != finding.Done || x.DoneDate != "2024-11-30" || x.Progress != "融合项目已启动" {
			t.Errorf("second finding %+v", x)
		}
		batches, _ := f.svc.ListBatches()
		if len(batches) != 2 || batches[0].FileName != "教体局_补充.xlsx" || batches[0].Unit != "区教育和体育局" {
			t.Fatalf("batches %+v", batches)
		}
		t.Run("UndoOfTheEarlierIsRefused", func(t *testing.T) {
			snap := f.snapshot(t)
			if _, err := f.svc.Undo(batches[1].ID, "管理员"); err == nil || !strings.Contains(err.Error(), "又被修改过") {
				t.Fatalf("undo of the earlier batch: %v", err)
			}
			if f.snapshot(t) != snap {
				t.Fatal("a refused undo wrote to the database")
			}
		})
		if _, err := f.svc.Undo(batches[0].ID, "管理员"); err != nil {
			t.Fatal(err)
		}
		if x := f.get(t, f.findings[1]); x.Status != finding.InProgress || x.DoneDate != "" || x.Progress != "融合项目方案已起草" {
			t.Errorf("second finding after undo %+v", x)
		}
	})

	t.Run("UndoRestores", func(t *testing.T) {
		batches, _ := f.svc.ListBatches()
		res, err := f.svc.Undo(batches[1].ID, "管理员")
		if err != nil {
			t.Fatal(err)
		}
		if res.Restored != 2 {
			t.Errorf("restored %d, want 2", res.Restored)
		}
		for _, id := range f.findings[:2] {
			if x := f.get(t, id); x.Status != finding.Pending || x.Measures != "" || x.Progress != "" || x.DoneDate != "" {
				t.Errorf("finding %d after undo %+v", id, x)
			}
		}
		if _, err := f.svc.Undo(batches[1].ID, "管理员"); err == nil {
			t.Error("a batch was undone twice")
		}
		var history int64
		f.s.DB.Table("finding_history").Where("source = 'undo'").Count(&history)
		if history != 3 {
			t.Errorf("%d undo history rows, want 3", history)
		}
	})
}

func TestReturnRefused(t *testing.T) {
	f := mustFixture(t)
	path := f.exportUnit(t, f.units[0])
	other := mustFixture(t)
	otherPath := other.exportUnit(t, other.units[0])
	tamperMeta := func(name string) string {
		x, err := excelize.OpenFile(path)
		if err != nil {
			t.Fatal(err)
		}
		defer x.Close()
		rows, _ := x.GetRows(workbook.FeedbackMetaSheet)
		for i, r := range rows {
			if len(r) > 2 && r[0] == "row" {
				// Point the first row at a finding of another unit.
				if err := x.SetCellValue(workbook.FeedbackMetaSheet, "C"+strconv.Itoa(i+1), strconv.Itoa(int(f.findings[2]))); err != nil {
					t.Fatal(err)
				}
				break
			}
		}
		out := filepath.Join(f.dir, name)
		if err := x.SaveAs(out); err != nil {
			t.Fatal(err)
		}
		return out
	}
	notZip := filepath.Join(f.dir, "反馈.xlsx")
	os.WriteFile(notZip, []byte("这不是工作簿"), 0o644)
	xls := filepath.Join(f.dir, "反馈.xls")
	os.WriteFile(xls, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o644)
	truncated := filepath.Join(f.dir, "截断.xlsx")
	data, _ := os.ReadFile(path)
	os.WriteFile(truncated, data[:len(data)/2], 0o644)

	cases := []struct {
		name string
		path string
		cell string
		want string
	}{
		{"LockedCellChanged", fill(t, path, "改描述.xlsx", map[string]any{"C5": "党建工作结合紧密", "H4": "措施"}), "整改情况!C5", "“问题描述”单元格已锁定，不能修改"},
		{"DeadlineChanged", fill(t, path, "改期限.xlsx", map[string]any{"F4": "2025-06-30"}), "整改情况!F4", "“整改期限”单元格已锁定"},
		{"NotADate", fill(t, path, "明天.xlsx", map[string]any{"J4": "明天", "H4": "措施"}), "整改情况!J4", "完成时间「明天」不是日期"},
		{"FutureDate", fill(t, path, "将来.xlsx", map[string]any{"J4": "2025-03-01"}), "整改情况!J4", "晚于今天"},
		{"BeforeTheRound", fill(t, path, "之前.xlsx", map[string]any{"J4": "2024-08-01"}), "整改情况!J4", "早于发现问题的观摩日期"},
		{"SignatureBroken", tamperMeta("篡改.xlsx"), "", "签名不符"},
		{"AnotherDatabase", fill(t, otherPath, "别处.xlsx", map[string]any{"H4": "措施"}), "", "不是从本数据库导出的"},
		{"NotAWorkbook", notZip, "", "不是 Excel 工作簿"},
		{"LegacyXLS", xls, "", "另存为"},
		{"Truncated", truncated, "", "已损坏或不完整"},
		{"MetaSheetDeleted", deleteSheet(t, path, workbook.FeedbackMetaSheet), "", "找不到反馈表的标识信息"},
		{"FindingsSheetDeleted", deleteSheet(t, path, workbook.FeedbackSheet), "整改情况!", "找不到工作表「整改情况」"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			before := f.snapshot(t)
			rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{c.path}}, "管理员")
			if err != nil {
				t.Fatal(err)
			}
			fr := rep.Files[0]
			if fr.Status != ledger.StatusRefused || len(fr.Problems) == 0 {
				t.Fatalf("status %s, problems %+v", fr.Status, fr.Problems)
			}
			p := fr.Problems[0]
			if got := p.Sheet + "!" + p.Cell; c.cell != "" && got != c.cell || !strings.Contains(p.Message, c.want) {
				t.Errorf("problem %s %q, want %s %q", got, p.Message, c.cell, c.want)
			}
			if f.snapshot(t) != before {
				t.Fatal("a refused file wrote to the database")
			}
		})
	}
	t.Run("RaterWorkbookPointsToItsPage", func(t *testing.T) {
		x := excelize.NewFile()
		x.NewSheet(workbook.RaterMetaSheet)
		x.SetCellValue(workbook.RaterMetaSheet, "A1", workbook.RaterMetaTitle)
		p := filepath.Join(f.dir, "评分表.xlsx")
		x.SaveAs(p)
		rep, _ := f.svc.Preview(ledger.ImportRequest{Paths: []string{p}})
		if m := rep.Files[0].Problems[0].Message; !strings.Contains(m, "这是评分表") {
			t.Errorf("message %q", m)
		}
	})
	t.Run("ChangedSincePreview", func(t *testing.T) {
		p := fill(t, path, "预览后.xlsx", map[string]any{"H4": "措施"})
		rep, err := f.svc.Preview(ledger.ImportRequest{Paths: []string{p}})
		if err != nil || rep.Files[0].Status != ledger.StatusPreview {
			t.Fatalf("preview %+v %v", rep, err)
		}
		fill(t, p, "预览后.xlsx", map[string]any{"H4": "另一个措施"})
		rep, err = f.svc.Apply(ledger.ImportRequest{Token: rep.Token}, "管理员")
		if err != nil || rep.Files[0].Status != ledger.StatusRefused || !strings.Contains(rep.Files[0].Problems[0].Message, "预览之后被修改") {
			t.Fatalf("apply %+v %v", rep, err)
		}
	})
}

func TestClosedSinceExportIsNoted(t *testing.T) {
	f := mustFixture(t)
	path := f.exportUnit(t, f.units[1])
	if err := f.fs.SetStatus(f.findings[2], finding.Move{To: finding.Closed, Date: "2024-11-28"}); err != nil {
		t.Fatal(err)
	}
	p := fill(t, path, "已销号.xlsx", map[string]any{"I4": "已全部完成"})
	rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{p}}, "管理员")
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Status != ledger.StatusUnchanged || len(fr.Notes) != 1 || !strings.Contains(fr.Notes[0].Message, "已销号") {
		t.Fatalf("report %+v", fr)
	}
}

func deleteSheet(t *testing.T, path, sheet string) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if err := x.DeleteSheet(sheet); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(filepath.Dir(path), "无"+sheet+".xlsx")
	if err := x.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}
