package notice_test

import (
	"encoding/xml"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"liankanping/internal/notice"
	"liankanping/internal/pdftest"
)

// word is a word of `pdftotext -bbox`, in points from the page's top left.
type word struct {
	XMin float64 `xml:"xMin,attr"`
	YMin float64 `xml:"yMin,attr"`
	XMax float64 `xml:"xMax,attr"`
	YMax float64 `xml:"yMax,attr"`
	Text string  `xml:",chardata"`
}

type bboxDoc struct {
	Pages []struct {
		Width  float64 `xml:"width,attr"`
		Height float64 `xml:"height,attr"`
		Words  []word  `xml:"word"`
	} `xml:"body>doc>page"`
}

const mm = 72 / 25.4

// GB/T 9704-2012 §5.2: the text area, in points.
var (
	left, right  = 28 * mm, (210 - 26) * mm
	top, bottom  = 37 * mm, (297 - 35) * mm
	tol          = 2 * mm
	body16pt     = 16.0
	footer14pt   = 14.0
	punctuations = "、，。；：）”"
)

// TestExport_PDF prints the demo's 2024Q3 通报 with LibreOffice, as an office would open it,
// and checks the page (A4), the margins, the text and the page numbers.
func TestExport_PDF(t *testing.T) {
	pdfinfo, pdftotext := pdftest.NeedTool(t, "pdfinfo"), pdftest.NeedTool(t, "pdftotext")
	s := mustDemo(t)
	lists := gradeLists(t, s, roundID(t, s, "2024Q3"), false, false)
	path, err := notice.NewService(s).Export(roundID(t, s, "2024Q3"), filepath.Join(t.TempDir(), "2024Q3_通报.docx"), notice.Options{Date: noticeDate})
	if err != nil {
		t.Fatal(err)
	}
	pdf := pdftest.ToPDF(t, path)
	info := pdftest.Run(t, pdfinfo, pdf)
	if !regexp.MustCompile(`Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)`).MatchString(info) {
		t.Errorf("not A4 portrait:\n%s", info)
	}
	pages := pdftest.Pages(t, info)
	if pages < 2 || pages > 3 {
		t.Errorf("%d pages; the demo's 通报 is two", pages)
	}

	var doc bboxDoc
	if err := xml.Unmarshal([]byte(pdftest.Run(t, pdftotext, "-bbox", pdf, "-")), &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != pages {
		t.Fatalf("bbox has %d pages, pdfinfo %d", len(doc.Pages), pages)
	}
	var text strings.Builder
	for i, p := range doc.Pages {
		n := i + 1
		var inText, foot []word
		for _, w := range p.Words {
			if w.YMin > bottom+tol {
				foot = append(foot, w)
			} else {
				inText = append(inText, w)
			}
		}
		minX, maxX, minY := p.Width, 0.0, p.Height
		for _, w := range inText {
			text.WriteString(w.Text)
			minX, minY = min(minX, w.XMin), min(minY, w.YMin)
			maxX = max(maxX, w.XMax)
			if w.XMin < left-tol || w.YMin < top-tol || w.YMax > bottom+tol {
				t.Errorf("page %d: %q at (%.1f, %.1f) lies outside the text area", n, w.Text, w.XMin, w.YMin)
			}
			// A full stop or comma may hang into the margin (标点悬挂, as LibreOffice sets
			// Chinese), by one character at most; nothing else may pass the right margin.
			if over := w.XMax - right; over > tol {
				last, _ := lastRune(w.Text)
				if !strings.ContainsRune(punctuations, last) || over > body16pt+tol {
					t.Errorf("page %d: %q ends at %.1f pt, past the right margin at %.1f", n, w.Text, w.XMax, right)
				}
			}
		}
		if minX > left+tol {
			t.Errorf("page %d: no line starts at the left margin (%.1f pt; first text at %.1f)", n, left, minX)
		}
		if n == 1 {
			if minY > top+tol {
				t.Errorf("page 1: the text starts at %.1f pt, not at the top margin %.1f", minY, top)
			}
			if maxX < right-tol {
				t.Errorf("page 1: no line reaches the right margin (%.1f pt; widest at %.1f)", right, maxX)
			}
		}

		// The page number — n — in the bottom margin about 7 mm below the text, on the
		// outer side one character in: odd pages on the right, even pages on the left.
		var num strings.Builder
		fx0, fx1, fy := p.Width, 0.0, p.Height
		for _, w := range foot {
			num.WriteString(w.Text)
			fx0, fx1, fy = min(fx0, w.XMin), max(fx1, w.XMax), min(fy, w.YMin)
		}
		if got, want := num.String(), fmt.Sprintf("—%d—", n); got != want {
			t.Errorf("page %d: the footer reads %q, want %q", n, got, want)
			continue
		}
		if below := (fy - bottom) / mm; below < 5 || below > 9 {
			t.Errorf("page %d: the page number is %.1f mm below the text area, not about 7", n, below)
		}
		if n%2 == 1 && abs(fx1-(right-footer14pt)) > tol {
			t.Errorf("page %d: the odd page number ends at %.1f pt, want %.1f (right, one character in)", n, fx1, right-footer14pt)
		}
		if n%2 == 0 && abs(fx0-(left+footer14pt)) > tol {
			t.Errorf("page %d: the even page number starts at %.1f pt, want %.1f (left, one character in)", n, fx0, left+footer14pt)
		}
	}

	all := text.String()
	wants := []string{
		"关于2024年第三季度“常委看党建”观摩评价结果的通报",
		"区直各部门（单位）党组（党委）：",
		"2024年9月18日",
		"重点查看机关党建责任清单落实、模范机关建设、党建和业务融合等情况",
		"附件：2024年第三季度“常委看党建”观摩评价汇总表",
		"区委区直机关工委2024年12月20日",
	}
	// The units of each grade as the ranking has them, under headings numbered without gaps.
	n := 0
	for _, g := range []string{"优秀", "良好", "一般", "较差"} {
		if len(lists[g]) > 0 {
			n++
			wants = append(wants, fmt.Sprintf("（%s）“%s”等次单位（%d个）。%s。", []string{"一", "二", "三", "四"}[n-1], g, len(lists[g]), strings.Join(lists[g], "、")))
		}
	}
	for _, want := range wants {
		if !strings.Contains(all, want) {
			t.Errorf("the 通报 lacks %q:\n%s", want, all)
		}
	}
	if len(lists["较差"]) == 0 && strings.Contains(all, "较差") || strings.Contains(all, "暂定") {
		t.Errorf("the closed round's 通报 names an empty grade or says it is provisional:\n%s", all)
	}

	// The date ends four characters from the right margin (成文日期右空四字): it is the last
	// word above the footer of the last page.
	var date *word
	for i, w := range doc.Pages[len(doc.Pages)-1].Words {
		if w.YMin < bottom {
			date = &doc.Pages[len(doc.Pages)-1].Words[i]
		}
	}
	if date == nil || !strings.HasSuffix(date.Text, "日") {
		t.Fatalf("the last page does not end with the date: %+v", date)
	}
	if want := right - 4*15.75; abs(date.XMax-want) > tol {
		t.Errorf("the date ends at %.1f pt, want %.1f (four characters from the right)", date.XMax, want)
	}
}

func lastRune(s string) (rune, int) {
	r := []rune(s)
	if len(r) == 0 {
		return 0, 0
	}
	return r[len(r)-1], len(r)
}

func abs(x float64) float64 {
	if x < 0 {
		return -x
	}
	return x
}
