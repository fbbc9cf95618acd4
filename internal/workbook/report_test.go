package workbook_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/workbook"
)

// reportBook is a small round: a complete unit, one whose 联系片互评 is missing (weights
// renormalised, some sheets incomplete), one of no area with no score, and raters for units
// units in all.
func reportBook(units int) workbook.ReportBook {
	groups := []round.Group{{ID: 1, Name: "区委常委", WeightBP: 4000}, {ID: 2, Name: "联系片互评", WeightBP: 3000}, {ID: 3, Name: "区直机关工委", WeightBP: 3000}}
	present := func(missing string) []score.GroupScore {
		var out []score.GroupScore
		for _, g := range groups {
			out = append(out, score.GroupScore{Name: g.Name, WeightBP: g.WeightBP, Present: g.Name != missing, ScoreCenti: 9000})
		}
		return out
	}
	res := &score.Results{Code: "T1", Title: "测试轮次", Groups: groups, Units: []score.UnitResult{
		{UnitRef: round.UnitRef{ID: 1, Name: "区委办公室", ShortName: "区委办", AreaName: "第一联系片", AreaNumber: 1},
			Scored: true, FinalCenti: 9123, Rank: 1, Grade: "优秀", Complete: true, CompleteN: 3, Expected: 3, Groups: present("")},
		{UnitRef: round.UnitRef{ID: 2, Name: "区财政局", ShortName: "财政局", AreaName: "经济/综合:片", AreaNumber: 2},
			Scored: true, FinalCenti: 8500, Rank: 2, Grade: "良好", CompleteN: 1, Expected: 3, Renormalised: true,
			AdjustCenti: -50, Groups: present("联系片互评")},
	}}
	for i := 3; i <= units; i++ {
		res.Units = append(res.Units, score.UnitResult{UnitRef: round.UnitRef{ID: uint(i), Name: fmt.Sprintf("单位%d", i)},
			Expected: 3, Groups: present("区委常委")})
	}
	b := workbook.ReportBook{Results: res, Grades: scoring.StandardGrades(9000, 8000, 7000), TrimMinRaters: 5,
		Date: time.Date(2024, 12, 20, 0, 0, 0, 0, time.Local)}
	for r, name := range []string{"张三", "李四"} {
		rt := workbook.ReportRater{RaterProgress: score.RaterProgress{RaterRef: round.RaterRef{ID: uint(r + 1), Name: name}, Group: groups[r].Name}}
		for _, u := range res.Units {
			p := score.UnitProgress{UnitRef: u.UnitRef, Complete: u.ID == 1, Missing: 2}
			p.Barred = r == 0 && u.ID == 2
			if !p.Barred {
				rt.Expected++
				if p.Complete {
					rt.Complete++
				}
			}
			rt.Units = append(rt.Units, p)
		}
		b.Raters = append(b.Raters, rt)
	}
	return b
}

func encodeReport(t *testing.T, b workbook.ReportBook) *excelize.File {
	t.Helper()
	var buf bytes.Buffer
	if err := workbook.EncodeReport(&buf, b); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

func get(t *testing.T, f *excelize.File, sheet, cell string) string {
	t.Helper()
	v, err := f.GetCellValue(sheet, cell, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return v
}

func TestEncodeReport(t *testing.T) {
	f := encodeReport(t, reportBook(3))
	rank := workbook.ReportRankingSheet

	t.Run("Sheets", func(t *testing.T) {
		// One unit an area: the areas share one sheet, grouped by area.
		want := "汇总排名|图表|指标分析|评分完成情况|" + workbook.ReportAreasSheet
		if got := strings.Join(f.GetSheetList(), "|"); got != want {
			t.Errorf("sheets %s, want %s", got, want)
		}
		for r, want := range []string{"第一联系片", "经济/综合:片", workbook.ReportNoAreaSheet} {
			if got := get(t, f, workbook.ReportAreasSheet, workbook.CellName(3+r, 0)); got != want {
				t.Errorf("%s row %d: area %q, want %q", workbook.ReportAreasSheet, 4+r, got, want)
			}
		}
		// An area with several units (here the units of no area) has a sheet of its own, and
		// is not on the shared sheet.
		g := encodeReport(t, reportBook(5))
		if got, want := strings.Join(g.GetSheetList(), "|"), want+"|"+workbook.ReportNoAreaSheet; got != want {
			t.Errorf("sheets %s, want %s", got, want)
		}
		if got := get(t, g, workbook.ReportAreasSheet, "A6"); strings.Contains(got, workbook.ReportNoAreaSheet) {
			t.Errorf("the units of no area are on the shared sheet too: A6 = %q", got)
		}
	})
	t.Run("Completion", func(t *testing.T) {
		tests := []struct{ cell, want string }{
			{"J4", "3/3"},
			{"J5", "1/3 缺评\n缺联系片互评，权重折算"},
			{"J6", "0/3 未评分"},
			{"A6", "—"}, {"H6", "—"}, {"I6", "—"}, // no rank, final or grade without a score
			{"G5", "-0.5"}, // the adjustment, a number
			{"E5", "—"},    // the missing group
		}
		for _, tt := range tests {
			if got := get(t, f, rank, tt.cell); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.cell, got, tt.want)
			}
		}
	})
	t.Run("Notes", func(t *testing.T) {
		var notes []string
		for r := 7; r <= 10; r++ {
			notes = append(notes, get(t, f, rank, fmt.Sprintf("A%d", r)))
		}
		all := strings.Join(notes, "\n")
		for _, want := range []string{"区委常委40%", "达到5份时去掉一个最高分和一个最低分", "优秀不低于90分", "较差低于70分"} {
			if !strings.Contains(all, want) {
				t.Errorf("notes lack %q:\n%s", want, all)
			}
		}
	})
	t.Run("GradeShaded", func(t *testing.T) {
		id, _ := f.GetCellStyle(rank, "I4")
		st, _ := f.GetStyle(id)
		if len(st.Fill.Color) == 0 {
			t.Error("the grade 优秀 is not shaded")
		}
	})
	t.Run("Matrix", func(t *testing.T) {
		sh := workbook.ReportCompletionSheet
		tests := []struct{ cell, want string }{
			{"E3", "区委办"}, {"F3", "财政局"}, {"G3", "单位3"}, {"H3", "完成情况"},
			{"E4", workbook.ReportMarkComplete}, {"F4", workbook.ReportMarkBarred}, {"G4", "缺2项"}, {"H4", "1/2"},
			{"F5", "缺2项"}, {"H5", "1/3"},
			{"A6", "合计"}, {"E6", "2/2"}, {"F6", "0/1"}, {"H6", "2/5"},
		}
		for _, tt := range tests {
			if got := get(t, f, sh, tt.cell); got != tt.want {
				t.Errorf("%s = %q, want %q", tt.cell, got, tt.want)
			}
		}
	})
}

// With many units the matrix lists units down and raters across.
func TestEncodeReport_ManyUnits(t *testing.T) {
	f := encodeReport(t, reportBook(workbook.ReportCompletionTransposeAt))
	sh := workbook.ReportCompletionSheet
	tests := []struct{ cell, want string }{
		{"B3", "单位"}, {"C3", "张三\n（区委常委）"}, {"D3", "李四\n（联系片互评）"}, {"E3", "完成情况"},
		{"B5", "区财政局"}, {"C5", workbook.ReportMarkBarred}, {"D5", "缺2项"}, {"E5", "0/1"},
		{"A25", "合计"}, {"C25", "1/20"},
	}
	for _, tt := range tests {
		if got := get(t, f, sh, tt.cell); got != tt.want {
			t.Errorf("%s = %q, want %q", tt.cell, got, tt.want)
		}
	}
}

func TestEncodeReport_Empty(t *testing.T) {
	b := reportBook(0)
	b.Results.Units, b.Raters = nil, nil
	f := encodeReport(t, b)
	if got := len(f.GetSheetList()); got != 4 {
		t.Errorf("%d sheets for a round without units, want 4", got)
	}
	if err := workbook.EncodeReport(&bytes.Buffer{}, workbook.ReportBook{}); err == nil {
		t.Error("a report without results was written")
	}
}

func TestReportAreaSheet(t *testing.T) {
	tests := []struct{ area, want string }{
		{"第十一联系片（安全应急）", "第十一联系片（安全应急）"},
		{"", workbook.ReportNoAreaSheet},
		{"a[b]c*d?e", "a_b_c_d_e"},
		{"'引号'", "引号"},
	}
	for _, tt := range tests {
		if got := workbook.ReportAreaSheet(tt.area); got != tt.want {
			t.Errorf("ReportAreaSheet(%q) = %q, want %q", tt.area, got, tt.want)
		}
	}
	if got := workbook.ReportAreaSheet(strings.Repeat("长", 40)); utf8.RuneCountInString(got) != 31 {
		t.Errorf("a long name gives %q", got)
	}
	if got := workbook.ReportDate(time.Date(2024, 6, 5, 0, 0, 0, 0, time.UTC)); got != "2024年6月5日" {
		t.Errorf("ReportDate = %q", got)
	}
}
