package report_test

import (
	"fmt"
	"strings"
	"testing"

	"liankanping/internal/pdftest"
	"liankanping/internal/report"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
)

// squeeze drops the spaces of a page's text: pdftotext keeps or loses them with the scale a
// sheet prints at.
func squeeze(s string) string { return strings.Join(strings.Fields(s), "") }

// TestExport_PDF prints the report with LibreOffice, as an office would before sending it:
// A4 landscape, every page numbered 第 i 页 共 n 页 under the repeated title rows, the ranking
// with its notes and the 填报单位/填报日期 line on page 1, no page nearly blank, and no more
// pages than the sheets need (the 2024Q3 report printed 19 pages, 11 of them nearly empty).
func TestExport_PDF(t *testing.T) {
	s := mustDemo(t)
	f, path := mustExport(t, s, "2024Q3", report.Options{Date: reportDate})
	sheets := f.GetSheetList()
	doc := pdftest.Print(t, path)
	pages := len(doc.Pages)
	if pages < len(sheets) || pages > len(sheets)+2 {
		t.Errorf("%d pages for %d sheets (%v)", pages, len(sheets), sheets)
	}
	if !doc.A4() {
		t.Errorf("not A4:\n%s", doc.Info)
	}
	for _, p := range doc.Pages {
		text := squeeze(p.Text)
		if !p.Landscape {
			t.Errorf("page %d is not landscape", p.Number)
		}
		if want := fmt.Sprintf("第%d页共%d页", p.Number, pages); !strings.Contains(text, want) {
			t.Errorf("page %d: no %q in the footer", p.Number, want)
		}
		if !strings.Contains(text, "2024年第三季度") || !strings.Contains(text, "填报日期：2024年12月20日") {
			t.Errorf("page %d: the title rows are not repeated:\n%s", p.Number, p.Text)
		}
	}
	res, err := score.NewService(s).Results(roundID(t, s, "2024Q3"))
	if err != nil {
		t.Fatal(err)
	}
	first := squeeze(doc.Pages[0].Text)
	want := []string{"评分汇总表", "填报单位：", "名次", "最终得分", "注：1.最终得分", "4.各项得分四舍五入"}
	for _, u := range res.Units { // the whole ranking
		want = append(want, u.Name, scoring.FormatCenti(u.FinalCenti))
	}
	for _, w := range want {
		if !strings.Contains(first, w) {
			t.Errorf("page 1 lacks %q:\n%s", w, doc.Pages[0].Text)
		}
	}
	// At 40 dpi the thinnest page of the report (a chart's table) inks about 7.5 %; a sheet of
	// one unit's row inked 5.5 %, a page of only the repeated titles about 2 %.
	if blank := doc.NearlyBlank(0.06); len(blank) > 0 {
		t.Errorf("nearly blank: %v", blank)
	}
}
