package report_test

import (
	"archive/zip"
	"fmt"
	"html"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/demo"
	"liankanping/internal/report"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

var reportDate = time.Date(2024, 12, 20, 10, 0, 0, 0, time.Local)

// mustDemo opens a new database holding the demo district.
func mustDemo(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	return s
}

func roundID(t *testing.T, s *store.Store, code string) uint {
	t.Helper()
	id, err := round.NewService(s).IDByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return id
}

// mustExport writes the report of a round of s into a new folder and opens it.
func mustExport(t *testing.T, s *store.Store, code string, opts report.Options) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), report.FileName(code))
	got, err := report.NewService(s).Export(roundID(t, s, code), path, opts)
	if err != nil {
		t.Fatalf("export %s: %v", code, err)
	}
	if got != path {
		t.Fatalf("Export returned %q, want %q", got, path)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

// cell reads a cell as stored, number formats not applied.
func cell(t *testing.T, f *excelize.File, sheet string, row, col int) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, workbook.CellName(row-1, col), excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// shown reads a cell as Excel shows it, through its number format.
func shown(t *testing.T, f *excelize.File, sheet string, row, col int) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, workbook.CellName(row-1, col))
	if err != nil {
		t.Fatal(err)
	}
	return v
}

// wantPoints checks that a cell holds centi as a number (not text) shown with two decimals.
func wantPoints(t *testing.T, f *excelize.File, sheet string, row, col int, centi int64) {
	t.Helper()
	ref := sheet + "!" + workbook.CellName(row-1, col)
	typ, err := f.GetCellType(sheet, workbook.CellName(row-1, col))
	if err != nil {
		t.Fatal(err)
	}
	if typ == excelize.CellTypeSharedString || typ == excelize.CellTypeInlineString {
		t.Errorf("%s is stored as text", ref)
	}
	raw := cell(t, f, sheet, row, col)
	x, err := strconv.ParseFloat(raw, 64)
	if err != nil || int64(math.Round(x*100)) != centi {
		t.Errorf("%s = %q, want %s", ref, raw, scoring.FormatCenti(centi))
	}
	if got := shown(t, f, sheet, row, col); got != scoring.FormatCenti(centi) {
		t.Errorf("%s shows %q, want %q", ref, got, scoring.FormatCenti(centi))
	}
}

func wantText(t *testing.T, f *excelize.File, sheet string, row, col int, want string) {
	t.Helper()
	if got := cell(t, f, sheet, row, col); got != want {
		t.Errorf("%s!%s = %q, want %q", sheet, workbook.CellName(row-1, col), got, want)
	}
}

func rankText(u score.UnitResult, rank int) string {
	if !u.Scored {
		return "—"
	}
	return strconv.Itoa(rank)
}

// wantRankingRow checks one row of the 汇总排名 or an area sheet from column col on (the unit
// name) against the results.
func wantRankingRow(t *testing.T, f *excelize.File, sheet string, row, col int, res *score.Results, u score.UnitResult, withArea bool) {
	t.Helper()
	wantText(t, f, sheet, row, col, u.Name)
	col++
	if withArea {
		wantText(t, f, sheet, row, col, u.AreaName)
		col++
	}
	for _, g := range res.Groups {
		var gs *score.GroupScore
		for i := range u.Groups {
			if u.Groups[i].Name == g.Name && u.Groups[i].Present {
				gs = &u.Groups[i]
			}
		}
		if gs == nil {
			wantText(t, f, sheet, row, col, "—")
		} else {
			wantPoints(t, f, sheet, row, col, gs.ScoreCenti)
		}
		col++
	}
	wantPoints(t, f, sheet, row, col, u.AdjustCenti)
	if u.Scored {
		wantPoints(t, f, sheet, row, col+1, u.FinalCenti)
	} else {
		wantText(t, f, sheet, row, col+1, "—")
	}
	grade := u.Grade
	if grade == "" {
		grade = "—"
	}
	wantText(t, f, sheet, row, col+2, grade)
	wantText(t, f, sheet, row, col+3, workbook.CompletionText(u))
}

func TestExport_Demo(t *testing.T) {
	s := mustDemo(t)
	f, path := mustExport(t, s, "2024Q3", report.Options{Date: reportDate})
	res, err := score.NewService(s).Results(roundID(t, s, "2024Q3"))
	if err != nil {
		t.Fatal(err)
	}
	var areas []string
	for _, u := range res.Units {
		if !slices.Contains(areas, u.AreaName) {
			areas = append(areas, u.AreaName)
		}
	}

	t.Run("Sheets", func(t *testing.T) {
		want := []string{workbook.ReportRankingSheet, workbook.ReportChartSheet, workbook.ReportIndicatorSheet, workbook.ReportCompletionSheet}
		d, err := round.NewService(s).Get(roundID(t, s, "2024Q3"))
		if err != nil {
			t.Fatal(err)
		}
		var byNumber []string
		for _, u := range d.Units { // the round's units are in area order
			if !slices.Contains(byNumber, u.AreaName) {
				byNumber = append(byNumber, u.AreaName)
			}
		}
		// The demo observes one unit an area: one sheet holds them all, grouped by area.
		want = append(want, workbook.ReportAreasSheet)
		if got := f.GetSheetList(); strings.Join(got, "|") != strings.Join(want, "|") {
			t.Errorf("sheets = %v\nwant %v", got, want)
		}
		if len(byNumber) != 11 || len(areas) != 11 {
			t.Errorf("%d areas, want the demo's 11", len(byNumber))
		}
	})

	t.Run("Ranking", func(t *testing.T) {
		sh := workbook.ReportRankingSheet
		wantText(t, f, sh, 1, 0, workbook.ReportTitle(res))
		if got := cell(t, f, sh, 2, 0); !strings.HasPrefix(got, "填报单位：") || !strings.HasSuffix(got, "（盖章）") {
			t.Errorf("A2 = %q, want the 填报单位 line", got)
		}
		if !strings.Contains(rowText(t, f, sh, 2), "填报日期：2024年12月20日") {
			t.Errorf("row 2 = %q, want 填报日期：2024年12月20日", rowText(t, f, sh, 2))
		}
		header := []string{"名次", "单位", "联系片"}
		for _, g := range res.Groups {
			header = append(header, fmt.Sprintf("%s\n（%d%%）", g.Name, g.WeightBP/100))
		}
		header = append(header, "加减分", "最终得分", "等次", "完成情况")
		for c, h := range header {
			wantText(t, f, sh, 3, c, h)
		}
		if len(res.Units) != 11 {
			t.Fatalf("the demo's 2024Q3 has %d units, want 11", len(res.Units))
		}
		incomplete := 0
		for i, u := range res.Units {
			wantText(t, f, sh, 4+i, 0, rankText(u, u.Rank))
			wantRankingRow(t, f, sh, 4+i, 1, res, u, true)
			if !u.Complete {
				incomplete++
				if !strings.Contains(cell(t, f, sh, 4+i, len(header)-1), "缺评") {
					t.Errorf("row %d: an incomplete unit without 缺评", 4+i)
				}
			}
		}
		if incomplete == 0 {
			t.Error("the demo's 2024Q3 should show one unit with 缺评")
		}
		if got := cell(t, f, sh, 4+len(res.Units), 0); !strings.HasPrefix(got, "注：1. 最终得分") {
			t.Errorf("under the table: %q, want the notes", got)
		}
	})

	t.Run("Areas", func(t *testing.T) {
		sh := workbook.ReportAreasSheet
		if got := cell(t, f, sh, 1, 0); !strings.HasSuffix(got, "\n各联系片观摩单位") {
			t.Errorf("%s: title %q", sh, got)
		}
		for c, h := range []string{"联系片", "全区名次", "单位"} {
			wantText(t, f, sh, 3, c, h)
		}
		d, err := round.NewService(s).Get(roundID(t, s, "2024Q3"))
		if err != nil {
			t.Fatal(err)
		}
		byUnit := map[string]score.UnitResult{}
		for _, u := range res.Units {
			byUnit[u.Name] = u
		}
		for i, ref := range d.Units { // in area order
			u := byUnit[ref.Name]
			wantText(t, f, sh, 4+i, 0, u.AreaName)
			wantText(t, f, sh, 4+i, 1, rankText(u, u.Rank))
			wantRankingRow(t, f, sh, 4+i, 2, res, u, false)
		}
		if got := cell(t, f, sh, 4+len(d.Units), 0); !strings.HasPrefix(got, "注：本表按联系片排列") {
			t.Errorf("under the table: %q, want the note", got)
		}
	})

	t.Run("Indicators", func(t *testing.T) {
		sh := workbook.ReportIndicatorSheet
		for c, h := range []string{"编号", "一级指标", "指标", "类型", "分值", "平均得分", "平均失分", "得分率"} {
			wantText(t, f, sh, 3, c, h)
		}
		check := func(row int, ind score.IndicatorResult) {
			wantText(t, f, sh, row, 0, ind.Code)
			wantText(t, f, sh, row, 1, ind.Dimension)
			wantText(t, f, sh, row, 2, ind.Name)
			wantPoints(t, f, sh, row, 5, workbook.IndicatorMean(ind))
			wantPoints(t, f, sh, row, 6, ind.MeanLostCenti)
		}
		for i, ind := range res.Indicators {
			if i > 0 && score.CompareCodes(res.Indicators[i-1].Code, ind.Code) >= 0 {
				t.Errorf("indicators not in code order: %s before %s", res.Indicators[i-1].Code, ind.Code)
			}
			check(4+i, ind)
		}
		row := 4 + len(res.Indicators)
		if got := cell(t, f, sh, row, 0); !strings.HasPrefix(got, "失分较多的指标") {
			t.Fatalf("row %d = %q, want the heading of the indicators losing most", row, got)
		}
		top := workbook.ReportMostLost(res.Indicators, workbook.ReportTopLost)
		if len(top) != workbook.ReportTopLost {
			t.Fatalf("%d indicators losing points, want %d", len(top), workbook.ReportTopLost)
		}
		for i, ind := range top {
			if i > 0 && top[i-1].MeanLostCenti < ind.MeanLostCenti {
				t.Errorf("most lost out of order at %s", ind.Code)
			}
			check(row+1+i, ind)
		}
	})

	t.Run("Completion", func(t *testing.T) {
		checkCompletion(t, s, f, "2024Q3")
	})

	t.Run("Print", func(t *testing.T) {
		titles := map[string]string{}
		for _, dn := range f.GetDefinedName() {
			if dn.Name == "_xlnm.Print_Titles" {
				titles[dn.Scope] = dn.RefersTo
			}
		}
		for _, sh := range f.GetSheetList() {
			pl, err := f.GetPageLayout(sh)
			if err != nil {
				t.Fatal(err)
			}
			if pl.Orientation == nil || *pl.Orientation != "landscape" || pl.Size == nil || *pl.Size != 9 {
				t.Errorf("%s: page %+v, want A4 (9) landscape", sh, pl)
			}
			hf, err := f.GetHeaderFooter(sh)
			if err != nil || hf == nil || !strings.Contains(hf.OddFooter, "第 &P 页 共 &N 页") {
				t.Errorf("%s: footer %+v, want 第 &P 页 共 &N 页", sh, hf)
			}
			rows := "$1:$3"
			if sh == workbook.ReportChartSheet {
				rows = "$1:$2"
			}
			if !strings.HasSuffix(titles[sh], "!"+rows) {
				t.Errorf("%s: print titles %q, want rows %s", sh, titles[sh], rows)
			}
			panes, err := f.GetPanes(sh)
			if err != nil || !panes.Freeze || panes.YSplit < 2 {
				t.Errorf("%s: panes %+v, want the title rows frozen", sh, panes)
			}
		}
	})

	t.Run("Fonts", func(t *testing.T) {
		font := func(sh string, row, col int) string {
			id, err := f.GetCellStyle(sh, workbook.CellName(row-1, col))
			if err != nil {
				t.Fatal(err)
			}
			st, err := f.GetStyle(id)
			if err != nil || st.Font == nil {
				t.Fatalf("style of %s!%s: %v", sh, workbook.CellName(row-1, col), err)
			}
			return st.Font.Family
		}
		for _, sh := range f.GetSheetList() {
			if got := font(sh, 1, 0); got != "方正小标宋简体" {
				t.Errorf("%s title font %q", sh, got)
			}
		}
		sh := workbook.ReportRankingSheet
		if got := font(sh, 3, 1); got != "黑体" {
			t.Errorf("header font %q, want 黑体", got)
		}
		if got := font(sh, 4, 1); got != "仿宋" {
			t.Errorf("body font %q, want 仿宋", got)
		}
		id, _ := f.GetCellStyle(sh, "B4")
		st, _ := f.GetStyle(id)
		if st.Alignment == nil || !st.Alignment.WrapText || len(st.Border) != 4 {
			t.Errorf("unit cells should wrap and have borders: %+v", st)
		}
		if w, _ := f.GetColWidth(sh, "B"); w < 20 {
			t.Errorf("unit column %.1f wide, too narrow for 区投资促进服务中心", w)
		}
	})

	t.Run("Charts", func(t *testing.T) {
		z, err := zip.OpenReader(path)
		if err != nil {
			t.Fatal(err)
		}
		defer z.Close()
		charts := map[string]string{}
		for _, zf := range z.File {
			if strings.HasPrefix(zf.Name, "xl/charts/chart") {
				r, _ := zf.Open()
				b := make([]byte, zf.UncompressedSize64)
				n, _ := io.ReadFull(r, b)
				r.Close()
				charts[zf.Name] = html.UnescapeString(string(b[:n]))
			}
		}
		// A series is named by a reference: a bare word there makes Excel repair the file.
		for name, c := range charts {
			for _, m := range regexp.MustCompile(`<tx><strRef><f>([^<]*)</f>`).FindAllStringSubmatch(c, -1) {
				if !strings.Contains(m[1], "!$") {
					t.Errorf("%s: series named %q, not a cell reference", name, m[1])
				}
			}
		}
		if len(charts) != 2 {
			t.Fatalf("%d charts, want the ranking and the dimension means", len(charts))
		}
		joined := ""
		for _, c := range charts {
			joined += c
		}
		for _, want := range []string{`<barDir val="bar">`, `<barDir val="col">`, "<f>'汇总排名'!$B$4:$B$14</f>",
			"<f>'汇总排名'!$H$3</f>", "<f>'图表'!$A$"} {
			if !strings.Contains(joined, want) {
				t.Errorf("charts do not contain %s", want)
			}
		}
	})

	t.Run("NoTemporaryFileLeft", func(t *testing.T) {
		entries, err := os.ReadDir(filepath.Dir(path))
		if err != nil {
			t.Fatal(err)
		}
		if len(entries) != 1 {
			var names []string
			for _, e := range entries {
				names = append(names, e.Name())
			}
			t.Errorf("folder holds %v, want only the report", names)
		}
	})
}

// checkCompletion compares the 评分完成情况 matrix with each rater's grid.
func checkCompletion(t *testing.T, s *store.Store, f *excelize.File, code string) {
	t.Helper()
	id := roundID(t, s, code)
	svc := score.NewService(s)
	progress, err := svc.Progress(id)
	if err != nil {
		t.Fatal(err)
	}
	sh := workbook.ReportCompletionSheet
	barred := 0
	for i, p := range progress {
		row := 4 + i
		wantText(t, f, sh, row, 1, p.Group)
		wantText(t, f, sh, row, 2, p.Name)
		g, err := svc.Grid(id, p.ID)
		if err != nil {
			t.Fatal(err)
		}
		for j, u := range g.Units {
			want := workbook.ReportMarkMissing(u.Missing)
			switch {
			case u.Barred:
				want = workbook.ReportMarkBarred
				barred++
			case u.Complete:
				want = workbook.ReportMarkComplete
			}
			wantText(t, f, sh, row, 4+j, want)
			if i == 0 {
				short := u.ShortName
				if short == "" {
					short = u.Name
				}
				wantText(t, f, sh, 3, 4+j, short)
			}
		}
		wantText(t, f, sh, row, 4+len(g.Units), fmt.Sprintf("%d/%d", p.Complete, p.Expected))
	}
	wantText(t, f, sh, 4+len(progress), 0, "合计")
	if code == "2024Q4" && barred == 0 {
		t.Error("2024Q4 of the demo has raters from observed units: want 回避 marks")
	}
}

func TestExport_Barred(t *testing.T) {
	s := mustDemo(t)
	f, _ := mustExport(t, s, "2024Q4", report.Options{FilledBy: "区直机关工委", Date: reportDate})
	checkCompletion(t, s, f, "2024Q4")
	if got := cell(t, f, workbook.ReportRankingSheet, 2, 0); got != "填报单位：区直机关工委（盖章）" {
		t.Errorf("A2 = %q", got)
	}
	// Nothing is scored yet: no ranks, no finals.
	wantText(t, f, workbook.ReportRankingSheet, 4, 0, "—")
}

func TestExport_Errors(t *testing.T) {
	s := mustDemo(t)
	svc := report.NewService(s)
	id := roundID(t, s, "2024Q3")
	dir := t.TempDir()
	t.Run("ErrNotXLSX", func(t *testing.T) {
		_, err := svc.Export(id, filepath.Join(dir, "汇总表.xls"), report.Options{})
		if apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("err = %v, want invalid", err)
		}
	})
	t.Run("ErrRoundNotFound", func(t *testing.T) {
		_, err := svc.Export(9999, filepath.Join(dir, "x.xlsx"), report.Options{})
		if apperr.CodeOf(err) != apperr.NotFound {
			t.Errorf("err = %v, want not found", err)
		}
	})
	t.Run("ErrNoFolder", func(t *testing.T) {
		_, err := svc.Export(id, filepath.Join(dir, "missing", "x.xlsx"), report.Options{})
		if apperr.CodeOf(err) != apperr.Invalid {
			t.Errorf("err = %v, want invalid", err)
		}
	})
	t.Run("AddsExtension", func(t *testing.T) {
		got, err := svc.Export(id, filepath.Join(dir, "汇总表"), report.Options{})
		if err != nil || got != filepath.Join(dir, "汇总表.xlsx") {
			t.Errorf("Export = %q, %v", got, err)
		}
	})
	t.Run("FileName", func(t *testing.T) {
		if got := report.FileName("2024Q3"); got != "2024Q3_汇总表.xlsx" {
			t.Errorf("FileName = %q", got)
		}
	})
}

func rowText(t *testing.T, f *excelize.File, sheet string, row int) string {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) < row {
		t.Fatalf("%s has no row %d", sheet, row)
	}
	return strings.Join(rows[row-1], " ")
}

// TestExport_Marks reopens 2024Q3, caps 优秀 at 10 % and exports: a unit the cap held back says
// （限额）, every grade says （暂列） while the round scores again, and the notes say why.
func TestExport_Marks(t *testing.T) {
	s := mustDemo(t)
	rs := round.NewService(s)
	id := roundID(t, s, "2024Q3")
	if err := rs.SetStatus(id, round.Scoring, "核对限额", "tester"); err != nil {
		t.Fatal(err)
	}
	d, err := rs.Get(id)
	if err != nil {
		t.Fatal(err)
	}
	p := round.Plan{Round: d.Round, UnitIDs: []uint{}}
	p.Round.ExcellentCapPct = 10
	for _, u := range d.Units {
		p.UnitIDs = append(p.UnitIDs, u.ID)
	}
	for _, g := range d.Groups {
		gp := round.GroupPlan{ID: g.ID, Name: g.Name, WeightBP: g.WeightBP}
		for _, r := range g.Raters {
			gp.PersonIDs = append(gp.PersonIDs, r.PersonID)
		}
		p.Groups = append(p.Groups, gp)
	}
	if _, err := rs.Save(p); err != nil {
		t.Fatal(err)
	}
	res, err := score.NewService(s).Results(id)
	if err != nil {
		t.Fatal(err)
	}
	capped := 0
	for _, u := range res.Units {
		if u.Capped {
			capped++
		}
	}
	if capped == 0 {
		t.Fatal("a 10 % cap held no unit back; the test needs one")
	}
	f, _ := mustExport(t, s, "2024Q3", report.Options{Date: reportDate})
	rows, err := f.GetRows(f.GetSheetList()[0])
	if err != nil {
		t.Fatal(err)
	}
	var marked, provisional int
	var text strings.Builder
	for _, r := range rows {
		for _, c := range r {
			text.WriteString(c)
			if strings.HasSuffix(c, "（限额）（暂列）") {
				marked++
			}
			if strings.HasSuffix(c, "（暂列）") {
				provisional++
			}
		}
	}
	if marked != capped || provisional < len(res.Units) {
		t.Errorf("%d cells marked （限额）, want %d; %d marked （暂列）, want every unit", marked, capped, provisional)
	}
	for _, want := range []string{"名额为已评分单位数×10%向下取整，得分并列者同进同退", "名次和等次为暂列"} {
		if !strings.Contains(text.String(), want) {
			t.Errorf("the ranking sheet does not say %q", want)
		}
	}
}
