package cli_test

import (
	"archive/zip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/cli"
)

func TestNotice(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()

	t.Run("OK", func(t *testing.T) {
		out := filepath.Join(dir, "2024Q3_通报.docx")
		got := mustRun(t, "notice", "--db", db, "--round", "2024Q3", "--out", out, "--date", "2024-12-20", "--unit", "中共某区委区直机关工委")
		if !strings.Contains(got, out) {
			t.Errorf("stdout %q does not name the file", got)
		}
		zr, err := zip.OpenReader(out)
		if err != nil {
			t.Fatal(err)
		}
		defer zr.Close()
		var doc string
		for _, f := range zr.File {
			if f.Name == "word/document.xml" {
				r, _ := f.Open()
				b, _ := io.ReadAll(r)
				r.Close()
				doc = string(b)
			}
		}
		for _, want := range []string{"中共某区委区直机关工委", "2024年12月20日", "“优秀”等次单位", "附件：2024年第三季度"} {
			if !strings.Contains(doc, want) {
				t.Errorf("document.xml lacks %q", want)
			}
		}
	})

	t.Run("NoResults", func(t *testing.T) {
		out := filepath.Join(dir, "2024Q4.docx")
		code, _, errOut := run(t, "notice", "--db", db, "--round", "2024Q4", "--out", out)
		if code != cli.ExitFailed || !strings.Contains(errOut, "还没有单位得出评分结果") {
			t.Errorf("notice 2024Q4 = %d, %q", code, errOut)
		}
		if _, err := os.Stat(out); !os.IsNotExist(err) {
			t.Errorf("a refused 通报 left a file")
		}
	})

	usage := []struct {
		name string
		args []string
	}{
		{"NoRound", []string{"notice", "--db", db, "--out", filepath.Join(dir, "a.docx")}},
		{"NoOut", []string{"notice", "--db", db, "--round", "2024Q3"}},
		{"NotDOCX", []string{"notice", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.doc")}},
		{"BadDate", []string{"notice", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.docx"), "--date", "2024年12月20日"}},
		{"ExtraArgument", []string{"notice", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.docx"), "more"}},
	}
	for _, c := range usage {
		t.Run(c.name, func(t *testing.T) {
			if code, _, _ := run(t, c.args...); code != cli.ExitUsage {
				t.Errorf("exit %d, want %d", code, cli.ExitUsage)
			}
		})
	}
}
