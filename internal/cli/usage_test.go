package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/cli"
	"liankanping/internal/corpus"
)

// Only a bare call or --db FILE alone opens the window; everything else goes to Run.
func TestWindowArgs(t *testing.T) {
	for _, c := range []struct {
		args   []string
		db     string
		window bool
	}{
		{nil, "", true},
		{[]string{"--db", "x.db"}, "x.db", true},
		{[]string{"--db=x.db"}, "x.db", true},
		{[]string{"notice", "--db", "x.db"}, "", false},
		{[]string{"--db", "x.db", "org"}, "", false},
		{[]string{"nosuch"}, "", false},
		{[]string{"--verbose"}, "", false},
	} {
		db, window := cli.WindowArgs(c.args)
		if db != c.db || window != c.window {
			t.Errorf("WindowArgs(%q) = %q, %v; want %q, %v", c.args, db, window, c.db, c.window)
		}
	}
}

// Wrong calls are usage errors (exit 2) in Chinese, never the flag package's English.
func TestUsageErrorsInChinese(t *testing.T) {
	db := filepath.Join(t.TempDir(), "none.db")
	for _, args := range [][]string{
		{"nosuch"},
		{"nosuch", "--db", db},
		{"rounds", "frobnicate", "--db", db},
		{"org", "extra", "--db", db, "--json"},
		{"schemes", "bogus", "--db", db},
		{"roster"},
		{"import", "--bogus", "--db", db, "x.xlsx"},
		{"roster", "import", "--db"},
		{"results", "--db", db, "--round"},
		{"demo", "--db", db, "--bench-scale", "many"},
		{"backup", "--db", db, "--out", "x", "leftover"},
		{"version", "now"},
		{"--db", db, "--json"},
	} {
		code, out, errOut := run(t, args...)
		if code != cli.ExitUsage {
			t.Errorf("%q: exit %d, want %d\n%s%s", args, code, cli.ExitUsage, out, errOut)
			continue
		}
		if !strings.Contains(errOut, "用法") {
			t.Errorf("%q: no Chinese usage message: %s", args, errOut)
		}
		for _, english := range []string{"flag provided", "Usage of", "needs an argument", "invalid value", "panic"} {
			if strings.Contains(errOut, english) {
				t.Errorf("%q: stderr carries %q: %s", args, english, errOut)
			}
		}
	}
	if _, err := os.Stat(db); err == nil {
		t.Error("a usage error created the database")
	}
	t.Run("Help", func(t *testing.T) {
		code, out, _ := run(t, "import", "-h")
		if code != cli.ExitOK || !strings.Contains(out, "用法：liankanping import") || !strings.Contains(out, "--prefer-file") {
			t.Errorf("import -h: exit %d\n%s", code, out)
		}
	})
}

// After "--" every word is a file, even one that looks like a flag.
func TestDoubleDashEndsFlags(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "x.db")
	code, out, errOut := run(t, "roster", "import", "--db", db, "--json", "--", "--dry-run")
	if code != cli.ExitRefused || !strings.Contains(out, "找不到文件 --dry-run") {
		t.Errorf("exit %d\n%s%s", code, out, errOut)
	}
}

// A dry run never creates a database, whichever importer; and an unreadable file is answered
// alike by all five: exit 3 and, with --json, the contract's shape with the problem in it.
func TestImportersAlike(t *testing.T) {
	dir := t.TempDir()
	csv := filepath.Join(dir, "导出.xlsx")
	os.WriteFile(csv, []byte("姓名,单位\n张三,区委办\n"), 0o644)
	for _, cmd := range [][]string{{"import"}, {"roster", "import"}, {"schemes", "import"}, {"frontline", "import"}, {"ledger", "import"}} {
		name := strings.Join(cmd, " ")
		for _, file := range []string{csv, filepath.Join(dir, "不存在.xlsx")} {
			db := filepath.Join(dir, strings.ReplaceAll(name, " ", "_")+".db")
			code, out, errOut := run(t, append(cmd, "--db", db, "--dry-run", "--json", file)...)
			if code != cli.ExitRefused {
				t.Errorf("%s %s: exit %d, want %d\n%s", name, filepath.Base(file), code, cli.ExitRefused, errOut)
			}
			if _, err := os.Stat(db); err == nil {
				t.Errorf("%s --dry-run created %s", name, db)
			}
			var doc struct {
				Files []struct {
					Status   string `json:"status"`
					Problems []struct {
						Message string `json:"message"`
					} `json:"problems"`
				} `json:"files"`
				Created  *int `json:"created"`
				Problems []struct {
					Message string `json:"message"`
				} `json:"problems"`
			}
			if err := json.Unmarshal([]byte(out), &doc); err != nil {
				t.Fatalf("%s: not JSON: %v\n%s", name, err, out)
			}
			msg := ""
			switch {
			case len(doc.Files) == 1 && doc.Files[0].Status == "refused" && len(doc.Files[0].Problems) > 0:
				msg = doc.Files[0].Problems[0].Message
			case doc.Created != nil && len(doc.Problems) > 0:
				msg = doc.Problems[0].Message
			default:
				t.Errorf("%s: JSON not in the contract's shape: %s", name, out)
			}
			if !strings.Contains(msg, filepath.Base(file)) {
				t.Errorf("%s: message %q does not name the file", name, msg)
			}
		}
	}
}

// A folder import reads every good workbook and refuses, each with its message, what is not a
// file to read: a FIFO and a link to /dev/zero among the files neither hang nor stop the batch.
func TestImportFolderSkipsBadEntries(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", dir)
	good, _ := filepath.Glob(filepath.Join(dir, "*.xlsx"))
	if len(good) == 0 {
		t.Fatal("no rater workbook exported")
	}
	roster, _ := os.ReadFile(rosterSample)
	entries, err := corpus.Hostile(t.TempDir(), roster)
	if err != nil {
		t.Fatal(err)
	}
	bad := 0
	for _, e := range entries {
		if n := filepath.Base(e.Path); n == "管道.xlsx" || n == "零.xlsx" || n == "表格.ods.xlsx" {
			if err := os.Rename(e.Path, filepath.Join(dir, n)); err != nil {
				t.Fatal(err)
			}
			bad++
		}
	}
	os.WriteFile(filepath.Join(dir, "另存.ods"), []byte("PK\x03\x04"), 0o644)
	bad++
	code, out, errOut := run(t, "import", "--db", db, "--dry-run", "--json", dir)
	if code != cli.ExitRefused {
		t.Fatalf("exit %d\n%s%s", code, out, errOut)
	}
	var doc struct {
		Files []struct {
			Path     string `json:"path"`
			Status   string `json:"status"`
			Problems []struct {
				Message string `json:"message"`
			} `json:"problems"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &doc); err != nil {
		t.Fatal(err)
	}
	refused, read := 0, 0
	for _, f := range doc.Files {
		switch {
		case f.Status == "refused" && len(f.Problems) > 0 && strings.Contains(f.Problems[0].Message, filepath.Base(f.Path)):
			refused++
		case f.Status != "refused":
			read++
		}
	}
	if refused != bad || read != len(good) {
		t.Errorf("refused %d (want %d), read %d (want %d):\n%s", refused, bad, read, len(good), out)
	}
}
