package ledger_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"liankanping/internal/finding"
	"liankanping/internal/ledger"
)

// resave opens a workbook in LibreOffice Calc and saves it as xlsx again, as a unit using
// LibreOffice would, with a private profile.
func resave(t *testing.T, in string) string {
	t.Helper()
	soffice, err := exec.LookPath("soffice")
	if err != nil {
		// CI installs LibreOffice (.ci/deps --test): there a missing soffice is a failure.
		if os.Getenv("CI") != "" {
			t.Fatal("没有安装 LibreOffice（soffice）")
		}
		t.Skip("跳过：没有安装 LibreOffice（soffice）")
	}
	outDir := filepath.Join(t.TempDir(), "libreoffice")
	cmd := exec.Command(soffice, "-env:UserInstallation=file://"+filepath.ToSlash(t.TempDir()), "--headless", "--norestore",
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

// A feedback workbook filled in (a date cell, a date typed as text) and saved again by
// LibreOffice Calc is read as it was filled; saved untouched, it changes nothing.
func TestReturnThroughLibreOffice(t *testing.T) {
	f := mustFixture(t)
	path := f.exportUnit(t, f.units[0])
	untouched := resave(t, path)
	rep, err := f.svc.Preview(ledger.ImportRequest{Paths: []string{untouched}})
	if err != nil {
		t.Fatal(err)
	}
	if fr := rep.Files[0]; fr.Status != ledger.StatusUnchanged || fr.Unchanged != 3 {
		t.Fatalf("untouched through LibreOffice: %+v", fr)
	}
	filled := resave(t, fill(t, path, "教体局_填.xlsx", map[string]any{
		"H4": "补齐缺失记录", "J4": time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC),
		"H5": "制定融合项目方案", "J5": "２０２４年１１月２８日",
	}))
	rep, err = f.svc.Apply(ledger.ImportRequest{Paths: []string{filled}}, "管理员")
	if err != nil {
		t.Fatal(err)
	}
	if fr := rep.Files[0]; fr.Status != ledger.StatusApplied || fr.New != 2 || fr.Moved != 2 {
		t.Fatalf("filled through LibreOffice: %+v", fr)
	}
	for id, want := range map[uint]string{f.findings[0]: "2024-11-25", f.findings[1]: "2024-11-28"} {
		if x := f.get(t, id); x.Status != finding.Done || x.DoneDate != want {
			t.Errorf("finding %d: %s %s, want 已整改 %s", id, x.Status, x.DoneDate, want)
		}
	}
}
