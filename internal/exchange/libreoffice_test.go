package exchange_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"

	"liankanping/internal/exchange"
)

// python is Debian's Python, which has python3-openpyxl (a pyenv shim may come first on PATH).
const python = "/usr/bin/python3"

// fillWithOpenpyxl writes cells (and renames, moves, adds sheets) with openpyxl.
func fillWithOpenpyxl(t testing.TB, in, out string, edits map[string]any) {
	t.Helper()
	if _, err := os.Stat(python); err != nil {
		skipUnlessCI(t, "没有 /usr/bin/python3（需要 python3-openpyxl）")
	}
	spec := filepath.Join(t.TempDir(), "edits.json")
	b, _ := json.Marshal(edits)
	os.WriteFile(spec, b, 0o644)
	if msg, err := exec.Command(python, filepath.Join("testdata", "fill_openpyxl.py"), in, out, spec).CombinedOutput(); err != nil {
		t.Fatalf("openpyxl: %v\n%s", err, msg)
	}
}

// resaveWithLibreOffice opens a workbook in LibreOffice Calc and saves it as xlsx again, as a
// rater using LibreOffice would, with a private profile (made once per test: making it is
// most of the time) so that tests do not share one.
func resaveWithLibreOffice(t testing.TB, profileDir, in string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		skipUnlessCI(t, "没有安装 LibreOffice（soffice），无法测试经 LibreOffice 另存的评分表")
	}
	outDir := filepath.Join(t.TempDir(), "libreoffice")
	profile := "file://" + filepath.ToSlash(profileDir)
	cmd := exec.Command(soffice, "-env:UserInstallation="+profile, "--headless", "--norestore",
		"--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", outDir, in)
	cmd.Env = append(os.Environ(), "SAL_USE_VCLPLUGIN=svp")
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("soffice: %v\n%s", err, msg)
	}
	out := filepath.Join(outDir, filepath.Base(in))
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("LibreOffice wrote no %s", out)
	}
	return out
}

// The whole round trip through other programs: exported here, filled by openpyxl (shared
// strings, numbers as text, full-width digits, a trailing 分, a renamed and a moved sheet, a
// sheet of the rater's own), saved again by LibreOffice Calc, imported, compared.
func TestImport_LibreOfficeRoundTrip(t *testing.T) {
	f := mustFixture(t)
	src := f.export(t, f.round, "")["李四"]
	filled := filepath.Join(t.TempDir(), "2024Q4_李四_评分表.xlsx")
	cells := []map[string]any{
		{"sheet": "教体局", "cell": "G4", "value": 8.5},
		{"sheet": "教体局", "cell": "G5", "value": "好"},
		{"sheet": "教体局", "cell": "H5", "value": "汇报扎实，台账齐全"},
		{"sheet": "教体局", "cell": "G6", "value": "1"},
		{"sheet": "教体局", "cell": "G7", "value": 2},
		{"sheet": "财政局", "cell": "G4", "value": "９"},
		{"sheet": "财政局", "cell": "G5", "value": "一般"},
		{"sheet": "财政局", "cell": "G6", "value": "扣0.5分"},
		{"sheet": "区委办", "cell": "G4", "value": "7.5分"},
		{"sheet": "区委办", "cell": "G5", "value": "好"},
		{"sheet": "区委办", "cell": "G7", "value": "+1.5"},
	}
	fillWithOpenpyxl(t, src, filled, map[string]any{"cells": cells, "rename": map[string]string{"财政局": "财政"},
		"move_first": []string{"区委办"}, "add_sheet": "草稿"})
	profile := filepath.Join(t.TempDir(), "lo-profile")
	resaved := resaveWithLibreOffice(t, profile, filled)
	rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{resaved}}))
	if rep.Status != exchange.StatusApplied || rep.New != 10 || len(rep.Problems) > 0 {
		t.Fatalf("import of the LibreOffice file = %s %v", counts(rep), rep.Problems)
	}
	want := []struct {
		unit int
		ind  uint
		v    int64
	}{{0, 2, 850}, {0, 3, 1000}, {0, 4, 100}, {0, 6, 200}, {1, 2, 900}, {1, 3, 600}, {1, 4, 50}, {2, 2, 750}, {2, 3, 1000}, {2, 6, 150}}
	for _, w := range want {
		if got := f.value(t, 1, w.unit, w.ind); got != w.v {
			t.Errorf("unit %d indicator %d = %d, want %d", w.unit, w.ind, got, w.v)
		}
	}
	var sheet, cell, comment string
	f.s.DB.Raw("SELECT sheet, cell, comment FROM scores WHERE rater_id = ? AND unit_id = ? AND indicator_id = 2", f.raters[1], f.units[1]).Row().Scan(&sheet, &cell, &comment)
	if sheet != "财政" || cell != "G4" {
		t.Errorf("provenance of 财政局 1.1 = %s!%s, want the renamed sheet 财政!G4", sheet, cell)
	}
	f.s.DB.Raw("SELECT comment FROM scores WHERE rater_id = ? AND unit_id = ? AND indicator_id = 3", f.raters[1], f.units[0]).Row().Scan(&comment)
	if comment != "汇报扎实，台账齐全" {
		t.Errorf("comment = %q", comment)
	}
	// The same content saved once more by LibreOffice is a new file but changes nothing.
	again := resaveWithLibreOffice(t, profile, resaved)
	if r := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{again}})); r.Status != exchange.StatusUnchanged || r.Unchanged != 10 {
		t.Fatalf("second LibreOffice save = %s %v", counts(r), r.Problems)
	}
}

// skipUnlessCI skips a test whose tool is missing on a developer's machine; CI installs the
// tools (.ci/deps --test), so there a missing one fails the test instead of passing it unseen.
func skipUnlessCI(t testing.TB, why string) {
	t.Helper()
	if os.Getenv("CI") != "" {
		t.Fatal(why)
	}
	t.Skip("跳过：" + why)
}
