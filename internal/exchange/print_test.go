package exchange_test

import (
	"path/filepath"
	"strings"
	"testing"

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
