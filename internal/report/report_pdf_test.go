package report_test

import (
	"context"
	"fmt"
	"image"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"liankanping/internal/report"
)

// needTool finds a program the PDF test runs; CI installs them (.ci/deps), elsewhere the test
// is skipped without them.
func needTool(t *testing.T, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed", name)
		}
		t.Skipf("%s is not installed", name)
	}
	return p
}

func runTool(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// inked counts the pixels of a page that are not white.
func inked(t *testing.T, path string) (int, int) {
	t.Helper()
	r, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer r.Close()
	img, err := png.Decode(r)
	if err != nil {
		t.Fatal(err)
	}
	b := img.Bounds()
	n := 0
	for y := b.Min.Y; y < b.Max.Y; y++ {
		for x := b.Min.X; x < b.Max.X; x++ {
			if !white(img, x, y) {
				n++
			}
		}
	}
	return n, b.Dx() * b.Dy()
}

func white(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r > 0xF000 && g > 0xF000 && b > 0xF000
}

// TestExport_PDF prints the report with LibreOffice, as an office would before sending it:
// every sheet prints, A4 landscape, every page numbered 第 i 页 共 n 页 and none blank.
func TestExport_PDF(t *testing.T) {
	soffice := needTool(t, "soffice")
	pdftoppm, pdfinfo, pdftotext := needTool(t, "pdftoppm"), needTool(t, "pdfinfo"), needTool(t, "pdftotext")
	s := mustDemo(t)
	f, path := mustExport(t, s, "2024Q3", report.Options{Date: reportDate})
	sheets := f.GetSheetList()

	out := t.TempDir()
	profile := t.TempDir() // a LibreOffice profile of its own, so that runs never share one
	runTool(t, soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(profile), "--convert-to", "pdf", "--outdir", out, path)
	pdf := filepath.Join(out, strings.TrimSuffix(filepath.Base(path), ".xlsx")+".pdf")

	info := runTool(t, pdfinfo, pdf)
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: no page count\n%s", info)
	}
	pages, _ := strconv.Atoi(m[1])
	if pages < len(sheets) || pages > 3*len(sheets) {
		t.Errorf("%d pages for %d sheets", pages, len(sheets))
	}
	if !regexp.MustCompile(`Page size:\s+841\.\d+ x 595\.\d+ pts \(A4\)`).MatchString(info) {
		t.Errorf("not A4 landscape:\n%s", info)
	}

	for i := 1; i <= pages; i++ {
		text := runTool(t, pdftotext, "-f", strconv.Itoa(i), "-l", strconv.Itoa(i), "-layout", pdf, "-")
		if want := fmt.Sprintf("第 %d 页 共 %d 页", i, pages); !strings.Contains(text, want) {
			t.Errorf("page %d: no %q in the footer", i, want)
		}
		if !strings.Contains(text, "2024年第三季度") || !strings.Contains(text, "填报日期：2024年12月20日") {
			t.Errorf("page %d: the title rows are not repeated:\n%s", i, text)
		}
	}
	first := runTool(t, pdftotext, "-f", "1", "-l", "1", "-layout", pdf, "-")
	for _, want := range []string{"评分汇总表", "名次", "最终得分", "96.80"} {
		if !strings.Contains(first, want) {
			t.Errorf("page 1 lacks %q:\n%s", want, first)
		}
	}

	runTool(t, pdftoppm, "-png", "-r", "40", pdf, filepath.Join(out, "page"))
	pngs, _ := filepath.Glob(filepath.Join(out, "page-*.png"))
	if len(pngs) != pages {
		t.Fatalf("%d page images for %d pages", len(pngs), pages)
	}
	for _, p := range pngs {
		n, all := inked(t, p)
		// At 40 dpi an area sheet with a one-row table inks about 5.5 % of its page; a page
		// holding only the repeated title rows and the footer about 2 %, and a blank one 0.
		t.Logf("%s: %.2f%% inked", filepath.Base(p), 100*float64(n)/float64(all))
		if n < all*3/100 {
			t.Errorf("%s is nearly blank: %d of %d pixels inked", filepath.Base(p), n, all)
		}
	}
}
