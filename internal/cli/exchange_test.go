package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/cli"
)

type importJSON struct {
	Files []struct {
		Path      string `json:"path"`
		Status    string `json:"status"`
		Round     string `json:"round"`
		Rater     string `json:"rater"`
		New       int    `json:"new"`
		Changed   int    `json:"changed"`
		Unchanged int    `json:"unchanged"`
		Cleared   int    `json:"cleared"`
		Conflicts int    `json:"conflicts"`
		Problems  []struct {
			Sheet   string `json:"sheet"`
			Cell    string `json:"cell"`
			Message string `json:"message"`
		} `json:"problems"`
	} `json:"files"`
}

func importRun(t *testing.T, args ...string) (int, importJSON, string) {
	t.Helper()
	code, out, errOut := run(t, append([]string{"import", "--json"}, args...)...)
	var j importJSON
	if err := json.Unmarshal([]byte(out), &j); err != nil {
		t.Fatalf("import printed no JSON (exit %d): %v\n%s\n%s", code, err, out, errOut)
	}
	return code, j, errOut
}

// fillFirstScore writes value into the first 得分项 of the first unit sheet and saves as out;
// it returns the sheet and cell.
func fillFirstScore(t *testing.T, in, out string, value func(max string) any) (string, string) {
	t.Helper()
	x, err := excelize.OpenFile(in)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	sheet := x.GetSheetList()[2]
	rows, _ := x.GetRows(sheet)
	for r := 3; r < len(rows); r++ {
		// A 得分项's 评分方式 is the office's own words when it has any, else 得分项; the other
		// kinds always start by naming themselves.
		if len(rows[r]) > 5 && rows[r][0] != "" && !strings.HasPrefix(rows[r][5], "扣分项") && !strings.HasPrefix(rows[r][5], "加分项") && !strings.HasPrefix(rows[r][5], "等次项") {
			cell := "G" + itoa(r+1)
			x.SetCellValue(sheet, cell, value(rows[r][4]))
			if err := x.SaveAs(out); err != nil {
				t.Fatal(err)
			}
			return sheet, cell
		}
	}
	t.Fatal("no 得分项 on the first unit sheet")
	return "", ""
}

func itoa(n int) string {
	b, _ := json.Marshal(n)
	return string(b)
}

func exportRaters(t *testing.T, db string) []string {
	t.Helper()
	dir := filepath.Join(t.TempDir(), "评分表")
	out := mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", dir)
	if !strings.Contains(out, "已为轮次 2024Q4 导出") {
		t.Fatalf("export printed %q", out)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "2024Q4_*_评分表.xlsx"))
	sort.Strings(files)
	if len(files) < 10 {
		t.Fatalf("exported %d files", len(files))
	}
	return files
}

func TestExportAndImport(t *testing.T) {
	db := demoDB(t)
	files := exportRaters(t, db)
	dir := t.TempDir()
	good := filepath.Join(dir, "交回.xlsx")
	sheet, cell := fillFirstScore(t, files[0], good, func(max string) any { return max })

	code, j, _ := importRun(t, "--db", db, "--dry-run", good)
	if code != cli.ExitOK || j.Files[0].Status != "preview" || j.Files[0].New != 1 || j.Files[0].Round != "2024Q4" || j.Files[0].Rater == "" {
		t.Fatalf("dry run: exit %d %+v", code, j)
	}
	code, j, _ = importRun(t, "--db", db, good)
	if code != cli.ExitOK || j.Files[0].Status != "applied" || j.Files[0].New != 1 || j.Files[0].Path != good {
		t.Fatalf("import: exit %d %+v", code, j)
	}
	code, j, _ = importRun(t, "--db", db, good)
	if code != cli.ExitOK || j.Files[0].Status != "unchanged" || j.Files[0].Unchanged != 1 {
		t.Fatalf("again: exit %d %+v", code, j)
	}

	// A second export is another workbook: a different value for the same score is a
	// conflict, refused (exit 3) unless --prefer-file; other files are applied all the same.
	again := exportRaters(t, db)
	other := filepath.Join(dir, "另一份.xlsx")
	fillFirstScore(t, again[0], other, func(string) any { return 0 })
	second := filepath.Join(dir, "第二位.xlsx")
	fillFirstScore(t, files[1], second, func(string) any { return 0 })
	xls := filepath.Join(dir, "旧.xls")
	os.WriteFile(xls, []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o644)

	code, j, _ = importRun(t, "--db", db, "--dry-run", other)
	if code != cli.ExitRefused || j.Files[0].Status != "refused" || j.Files[0].Conflicts != 1 || j.Files[0].Problems[0].Sheet != sheet || j.Files[0].Problems[0].Cell != cell {
		t.Fatalf("dry run with a conflict: exit %d %+v", code, j)
	}
	code, j, _ = importRun(t, "--db", db, other, second, xls)
	if code != cli.ExitRefused || len(j.Files) != 3 {
		t.Fatalf("conflict: exit %d %+v", code, j)
	}
	if f := j.Files[0]; f.Status != "refused" || f.Conflicts != 1 || !strings.Contains(f.Problems[0].Message, "与已有评分冲突") {
		t.Errorf("conflicting file = %+v", f)
	}
	if f := j.Files[1]; f.Status != "applied" || f.New != 1 {
		t.Errorf("the other file = %+v", f)
	}
	if f := j.Files[2]; f.Status != "refused" || !strings.Contains(f.Problems[0].Message, "另存为") {
		t.Errorf(".xls = %+v", f)
	}
	code, j, _ = importRun(t, "--db", db, "--prefer-file", other)
	if code != cli.ExitOK || j.Files[0].Status != "applied" || j.Files[0].Changed != 1 || j.Files[0].Conflicts != 1 {
		t.Fatalf("--prefer-file: exit %d %+v", code, j)
	}

	code, j, _ = importRun(t, "--db", db, "--round", "2024Q3", good)
	if code != cli.ExitRefused || !strings.Contains(j.Files[0].Problems[0].Message, "不是本轮（2024Q3）") {
		t.Fatalf("--round of another round: exit %d %+v", code, j)
	}

	// Without --json, a report for people.
	code, out, _ := run(t, "import", "--db", db, good, xls)
	if code != cli.ExitRefused || !strings.Contains(out, "交回.xlsx：") || !strings.Contains(out, "旧.xls：未导入") || !strings.Contains(out, "共 2 个文件") {
		t.Fatalf("readable report (exit %d):\n%s", code, out)
	}
}

func TestExchangeUsage(t *testing.T) {
	db := filepath.Join(t.TempDir(), "x.db")
	for _, args := range [][]string{
		{"import", "--db", db},
		{"import", "--db", db, "--bogus", "x.xlsx"},
		{"export", "raters", "--db", db, "--out", t.TempDir()},
		{"export", "raters", "--db", db, "--round", "2024Q4"},
	} {
		if code, _, _ := run(t, args...); code != cli.ExitUsage {
			t.Errorf("%v: exit %d, want %d", args, code, cli.ExitUsage)
		}
	}
	if code, _, errOut := run(t, "export", "raters", "--db", db, "--round", "NOPE", "--out", t.TempDir()); code != cli.ExitFailed || !strings.Contains(errOut, "NOPE") {
		t.Errorf("unknown round: exit %d %s", code, errOut)
	}
}
