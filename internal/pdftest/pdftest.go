// Package pdftest helps tests print what the program writes the way an office would —
// LibreOffice to PDF, poppler to text and images — and look at the pages. Only tests import it.
package pdftest

import (
	"context"
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
)

// NeedTool finds a program a test runs; CI installs them (.ci/deps), elsewhere the test is
// skipped without them.
func NeedTool(t *testing.T, name string) string {
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

// Run runs a program and returns its combined output, failing the test when it fails.
func Run(t *testing.T, name string, args ...string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 3*time.Minute)
	defer cancel()
	out, err := exec.CommandContext(ctx, name, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// ToPDF converts a document or workbook to PDF with LibreOffice into a new folder and returns
// the PDF's path. Each call has a LibreOffice profile of its own, so that runs never share one.
func ToPDF(t *testing.T, path string) string {
	t.Helper()
	soffice := NeedTool(t, "soffice")
	out, profile := t.TempDir(), t.TempDir()
	Run(t, soffice, "--headless", "-env:UserInstallation=file://"+filepath.ToSlash(profile), "--convert-to", "pdf", "--outdir", out, path)
	return filepath.Join(out, strings.TrimSuffix(filepath.Base(path), filepath.Ext(path))+".pdf")
}

// Pages reads the page count from pdfinfo's output.
func Pages(t *testing.T, info string) int {
	t.Helper()
	m := regexp.MustCompile(`(?m)^Pages:\s+(\d+)`).FindStringSubmatch(info)
	if m == nil {
		t.Fatalf("pdfinfo: no page count\n%s", info)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// Inked counts the pixels of a page image that are not white, and all its pixels.
func Inked(t *testing.T, path string) (int, int) {
	t.Helper()
	n, all, _ := inkedImage(t, path)
	return n, all
}

// inkedImage is Inked, and whether the image is wider than high.
func inkedImage(t *testing.T, path string) (int, int, bool) {
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
	return n, b.Dx() * b.Dy(), b.Dx() > b.Dy()
}

func white(img image.Image, x, y int) bool {
	r, g, b, _ := img.At(x, y).RGBA()
	return r > 0xF000 && g > 0xF000 && b > 0xF000
}
