package pdftest

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// Page is one printed page.
type Page struct {
	Number int
	// Text is the page's text as pdftotext -layout gives it.
	Text string
	// Ink is the share of the page's pixels that are not white, at 40 dpi: a page holding
	// only repeated title rows and a footer inks about 2 %, a blank one 0.
	Ink float64
	// Landscape is true for a page wider than high.
	Landscape bool
}

// Doc is a printed document, page by page.
type Doc struct {
	PDF   string
	Info  string // pdfinfo's output
	Pages []Page
}

// Print converts the file at path to PDF with LibreOffice and reads back every page: its
// text, its ink and its orientation.
func Print(t *testing.T, path string) *Doc {
	t.Helper()
	pdfinfo, pdftotext, pdftoppm := NeedTool(t, "pdfinfo"), NeedTool(t, "pdftotext"), NeedTool(t, "pdftoppm")
	d := &Doc{PDF: ToPDF(t, path)}
	d.Info = Run(t, pdfinfo, d.PDF)
	n := Pages(t, d.Info)
	// One pdftotext run for all pages: pages are separated by form feeds.
	texts := strings.Split(Run(t, pdftotext, "-layout", d.PDF, "-"), "\f")
	out := t.TempDir()
	Run(t, pdftoppm, "-png", "-r", "40", d.PDF, filepath.Join(out, "page"))
	pngs, _ := filepath.Glob(filepath.Join(out, "page-*.png"))
	if len(pngs) != n {
		t.Fatalf("%d page images for %d pages", len(pngs), n)
	}
	// pdftoppm pads the page numbers to the width of the largest: names sort in page order.
	for i, p := range pngs {
		pg := Page{Number: i + 1}
		if i < len(texts) {
			pg.Text = texts[i]
		}
		inked, all, wide := inkedImage(t, p)
		pg.Ink, pg.Landscape = float64(inked)/float64(all), wide
		d.Pages = append(d.Pages, pg)
	}
	return d
}

// A4 tells whether the pages are A4 (either way round).
func (d *Doc) A4() bool {
	return regexp.MustCompile(`Page size:\s+(841\.\d+ x 595\.\d+|595\.\d+ x 841\.\d+) pts \(A4\)`).MatchString(d.Info)
}

// NearlyBlank lists the pages that ink less than min (a share: 0.03 for 3 %).
func (d *Doc) NearlyBlank(min float64) []string {
	var out []string
	for _, p := range d.Pages {
		if p.Ink < min {
			out = append(out, fmt.Sprintf("page %d (%.1f%% inked)", p.Number, 100*p.Ink))
		}
	}
	return out
}
