package report_test

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"liankanping/internal/pdftest"
	"liankanping/internal/report"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
)

// TestExport_PDF prints the report with LibreOffice, as an office would before sending it:
// every sheet prints, A4 landscape, every page numbered 第 i 页 共 n 页 and none blank.
func TestExport_PDF(t *testing.T) {
	pdftoppm, pdfinfo, pdftotext := pdftest.NeedTool(t, "pdftoppm"), pdftest.NeedTool(t, "pdfinfo"), pdftest.NeedTool(t, "pdftotext")
	s := mustDemo(t)
	f, path := mustExport(t, s, "2024Q3", report.Options{Date: reportDate})
	sheets := f.GetSheetList()

	pdf := pdftest.ToPDF(t, path)
	out := filepath.Dir(pdf)

	info := pdftest.Run(t, pdfinfo, pdf)
	pages := pdftest.Pages(t, info)
	if pages < len(sheets) || pages > 3*len(sheets) {
		t.Errorf("%d pages for %d sheets", pages, len(sheets))
	}
	if !regexp.MustCompile(`Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}

	for i := 1; i <= pages; i++ {
		text := pdftest.Run(t, pdftotext, "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), "-layout", pdf, "-")
		if want := fmt.Sprintf("第 %d 页 共 %d 页", i, pages); !strings.Contains(text, want) {
			t.Errorf("page %d: no %q in the footer", i, want)
		}
		if !strings.Contains(text, "2024年第三季度") || !strings.Contains(text, "填报日期：2024年12月20日") {
			t.Errorf("page %d: the title rows are not repeated:\n%s", i, text)
		}
	}
	first := pdftest.Run(t, pdftotext, "-f", "1", "-l", "1", "-layout", pdf, "-")
	res, err := score.NewService(s).Results(roundID(t, s, "2024Q3"))
	if err != nil {
		t.Fatal(err)
	}
	top := scoring.FormatCenti(res.Units[0].FinalCenti) // the first line of the ranking
	for _, want := range []string{"评分汇总表", "名次", "最终得分", top} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}

	pdftest.Run(t, pdftoppm, "-png", "-r", "40", pdf, filepath.Join(out, "page"))
	pngs, _ := filepath.Glob(filepath.Join(out, "page-*.png"))
	if len(pngs) != pages {
		t.Fatalf("%d page images for %d pages", len(pngs), pages)
	}
	for _, p := range pngs {
		n, all := pdftest.Inked(t, p)
		// At 40 dpi an area sheet with a one-row table inks about 5.5 % of its page; a page
		// holding only the repeated title rows and the footer about 2 %, and a blank one 0.
		t.Logf("%s: %.2f%% inked", filepath.Base(p), 100*float64(n)/float64(all))
		if n < all*3/100 {
			t.Errorf("%s is nearly blank: %d of %d pixels inked", filepath.Base(p), n, all)
		}
	}
}
