package exchange_test

import (
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/demo"
	"liankanping/internal/exchange"
	"liankanping/internal/pdftest"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

// demoRound opens a new demo database and returns the id of one of its rounds.
func demoRound(t *testing.T, code string) (*store.Store, uint) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "demo.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	id, err := round.NewService(s).IDByCode(code)
	if err != nil {
		t.Fatal(err)
	}
	return s, id
}

// A rater's workbook of the demo's 2024Q4 prints as a rater would carry it: the guide, the
// overview, and one landscape A4 page per unit holding all its indicators and its 合计.
func TestExportRaters_PrintsOnePagePerUnit(t *testing.T) {
	s, id := demoRound(t, "2024Q4")
	res, err := exchange.NewService(s).ExportRaters(id, t.TempDir(), exchange.ExportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	f := res.Files[0]
	doc := pdftest.Print(t, f.Path)
	if want := f.Units + 2; len(doc.Pages) != want {
		t.Fatalf("%s: %d pages for %d units, want %d", f.FileName, len(doc.Pages), f.Units, want)
	}
	for _, p := range doc.Pages[2:] {
		if !p.Landscape || !strings.Contains(p.Text, "合计") || !strings.Contains(p.Text, "5.2") || !strings.Contains(p.Text, "1.1") {
			t.Errorf("page %d is not a whole unit sheet on landscape A4:\n%s", p.Number, p.Text)
		}
	}
	if blank := doc.NearlyBlank(0.03); len(blank) > 0 {
		t.Errorf("nearly blank: %v", blank)
	}
}

// The paper sheets of the demo's 2024Q4: a file per rater and a blank one with every unit;
// each unit prints on one landscape page with the boxes to write in and the signature line,
// and a paper file handed to the import is refused, not read as scores.
func TestExportPaper(t *testing.T) {
	s, id := demoRound(t, "2024Q4")
	svc := exchange.NewService(s)
	dir := t.TempDir()
	var calls int
	res, err := svc.ExportPaper(id, dir, func(done, total int, file string) { calls++ })
	if err != nil {
		t.Fatal(err)
	}
	d, err := round.NewService(s).Get(id)
	if err != nil {
		t.Fatal(err)
	}
	raters := 0
	for _, g := range d.Groups {
		raters += len(g.Raters)
	}
	if len(res.Files) != raters+1-len(res.Skipped) || calls != len(res.Files)+1 {
		t.Fatalf("%d files (%d progress calls) for %d raters", len(res.Files), calls, raters)
	}
	blank := res.Files[len(res.Files)-1]
	if blank.Rater != "" || blank.FileName != "2024Q4_空白纸质评分表.xlsx" || blank.Units != len(d.Units) {
		t.Fatalf("the blank file = %+v, want all %d units", blank, len(d.Units))
	}
	doc := pdftest.Print(t, blank.Path)
	if len(doc.Pages) != len(d.Units) {
		t.Fatalf("%d pages for %d units", len(doc.Pages), len(d.Units))
	}
	for i, p := range doc.Pages {
		for _, want := range []string{"观摩单位：" + d.Units[i].Name, "评分人签名", "日期", "合计", "5.2", "填写说明"} {
			if !strings.Contains(p.Text, want) {
				t.Errorf("page %d lacks %q:\n%s", p.Number, want, p.Text)
			}
		}
		if !p.Landscape {
			t.Errorf("page %d is portrait", p.Number)
		}
	}
	if blank := doc.NearlyBlank(0.03); len(blank) > 0 {
		t.Errorf("nearly blank: %v", blank)
	}
	rep, err := svc.Preview(exchange.ImportRequest{Paths: []string{res.Files[0].Path}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if f := rep.Files[0]; f.Status != exchange.StatusRefused || len(f.Problems) == 0 {
		t.Errorf("a paper sheet handed to the import: %s %v", f.Status, f.Problems)
	}
}

func TestExportPaper_ClosedRound(t *testing.T) {
	s, id := demoRound(t, "2024Q3")
	_, err := exchange.NewService(s).ExportPaper(id, t.TempDir(), nil)
	if apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("paper sheets of a closed round: %v", err)
	}
}
