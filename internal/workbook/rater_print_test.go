package workbook_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"liankanping/internal/pdftest"
	"liankanping/internal/scoring"
	"liankanping/internal/workbook"
)

// benchBook is a rater workbook of two units shaped like BENCH's scheme: 4 dimensions of 30
// indicators, too long for one legible page per unit.
func benchBook() *workbook.RaterBook {
	b := sampleBook()
	b.Indicators = nil
	var id uint
	for d := 1; d <= 4; d++ {
		for i := 1; i <= 30; i++ {
			id++
			ind := workbook.RaterIndicator{Indicator: scoring.Indicator{ID: id, Kind: scoring.KindScore, Max: 100, Step: 50},
				Code: fmt.Sprintf("%d.%d", d, i), Dimension: fmt.Sprintf("维度%d", d), Name: fmt.Sprintf("指标%d-%02d", d, i),
				Points: "性能测试用评分要点", Method: "查阅资料"}
			if i > 28 {
				ind.Kind, ind.Max, ind.Step = scoring.KindGrade, 0, 0
				ind.Options = []scoring.Option{{Label: "好", Points: 100}, {Label: "一般", Points: 50}, {Label: "差", Points: 0}}
				ind.Method = "等次评价：好1分、一般0.5分、差0分"
			}
			b.Indicators = append(b.Indicators, ind)
		}
	}
	b.Units = b.Units[:2]
	return b
}

func printRater(t *testing.T, b *workbook.RaterBook) *pdftest.Doc {
	t.Helper()
	path := filepath.Join(t.TempDir(), "评分表.xlsx")
	if err := os.WriteFile(path, encode(t, b, ""), 0o644); err != nil {
		t.Fatal(err)
	}
	return pdftest.Print(t, path)
}

// codesOn lists the indicator codes printed in the 编号 column of a page, in order.
func codesOn(p pdftest.Page) []string {
	return regexp.MustCompile(`(?m)^\s*(\d+\.\d+)\s`).FindAllString(p.Text, -1)
}

// A unit of a short scheme prints on one page with its 合计; the guide on one page: the
// workbook has as many pages as units, plus the guide and the overview.
func TestRaterPrint_OnePagePerUnit(t *testing.T) {
	b := sampleBook()
	doc := printRater(t, b)
	if !doc.A4() {
		t.Errorf("not A4:\n%s", doc.Info)
	}
	if want := len(b.Units) + 2; len(doc.Pages) != want {
		t.Fatalf("%d pages, want %d (guide, overview, one per unit)", len(doc.Pages), want)
	}
	if !strings.Contains(doc.Pages[0].Text, "填表说明") || !strings.Contains(doc.Pages[0].Text, "在截止日期前交回") {
		t.Errorf("page 1 is not the whole guide:\n%s", doc.Pages[0].Text)
	}
	for i, u := range b.Units {
		p := doc.Pages[2+i]
		if !strings.Contains(p.Text, "观摩单位："+u.Name) || !strings.Contains(p.Text, "合计") || len(codesOn(p)) != len(b.Indicators) {
			t.Errorf("page %d is not the whole sheet of %s (codes %v):\n%s", p.Number, u.Name, codesOn(p), p.Text)
		}
		if !p.Landscape {
			t.Errorf("page %d (%s) is portrait; the short scheme fits landscape", p.Number, u.Name)
		}
	}
	if blank := doc.NearlyBlank(0.03); len(blank) > 0 {
		t.Errorf("nearly blank: %v", blank)
	}
}

// A scheme too long for one page breaks between dimensions: every page of a unit starts a
// dimension, no dimension is split, and the 合计 prints with the last dimension's rows.
func TestRaterPrint_LongSchemeBreaksBetweenDimensions(t *testing.T) {
	b := benchBook()
	doc := printRater(t, b)
	if want := 2 + 4*len(b.Units); len(doc.Pages) != want {
		t.Errorf("%d pages, want %d (guide, overview, a page per dimension and unit)", len(doc.Pages), want)
	}
	for _, p := range doc.Pages[2:] {
		codes := codesOn(p)
		if len(codes) == 0 {
			t.Errorf("page %d holds no indicator:\n%s", p.Number, p.Text)
			continue
		}
		first, last := strings.TrimSpace(codes[0]), strings.TrimSpace(codes[len(codes)-1])
		dim := strings.Split(first, ".")[0]
		if !strings.HasSuffix(first, ".1") || last != dim+".30" {
			t.Errorf("page %d runs from %s to %s: not one whole dimension", p.Number, first, last)
		}
		if hasTotal := strings.Contains(p.Text, "合计"); hasTotal != (dim == "4") {
			t.Errorf("page %d (dimension %s): 合计 printed = %v", p.Number, dim, hasTotal)
		}
		if !strings.Contains(p.Text, "评分要点") {
			t.Errorf("page %d does not repeat the column titles", p.Number)
		}
	}
	if blank := doc.NearlyBlank(0.03); len(blank) > 0 {
		t.Errorf("nearly blank: %v", blank)
	}
}
