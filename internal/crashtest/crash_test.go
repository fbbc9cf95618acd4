// Package crashtest kills the program in the middle of an import, many times at random
// moments, and checks that the database survives: the integrity check passes and every
// returned workbook is either wholly applied or not at all.
package crashtest_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/demo"
	"liankanping/internal/exchange"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

const childEnv = "LKP_CRASH_CHILD"

// TestMain doubles as the child process: with LKP_CRASH_CHILD=db|dir set, it imports every
// workbook in dir into db and exits, unless the parent kills it first.
func TestMain(m *testing.M) {
	if spec := os.Getenv(childEnv); spec != "" {
		db, dir, _ := strings.Cut(spec, "|")
		os.Exit(childImport(db, dir))
	}
	os.Exit(m.Run())
}

func childImport(db, dir string) int {
	s, err := store.Open(db)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	defer s.Close()
	if _, err := exchange.NewService(s).Apply(exchange.ImportRequest{Paths: []string{dir}}, "crash", nil); err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// fill puts each row's maximum (分值) into its 得分 cell, in every sheet that has that header.
func fill(t *testing.T, path string) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	for _, sheet := range f.GetSheetList() {
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		scoreCol, maxCol, header := -1, -1, -1
		for r, row := range rows {
			for c, v := range row {
				switch strings.TrimSpace(v) {
				case "得分":
					scoreCol, header = c, r
				case "分值":
					maxCol = c
				}
			}
			if header >= 0 {
				break
			}
		}
		if header < 0 || maxCol < 0 {
			continue
		}
		for r := header + 1; r < len(rows); r++ {
			if maxCol >= len(rows[r]) || strings.TrimSpace(rows[r][maxCol]) == "" {
				continue
			}
			cell, _ := excelize.CoordinatesToCellName(scoreCol+1, r+1)
			if err := f.SetCellValue(sheet, cell, strings.TrimSuffix(strings.TrimSpace(rows[r][maxCol]), "分")); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := f.Save(); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

type expected struct {
	hash  string
	cells int
}

func TestKilledImportLeavesWholeFilesOrNothing(t *testing.T) {
	work := t.TempDir()
	fixture := filepath.Join(work, "fixture.db")
	s, err := store.Open(fixture)
	if err != nil {
		t.Fatal(err)
	}
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	q4, err := round.NewService(s).IDByCode("2024Q4")
	if err != nil {
		t.Fatal(err)
	}
	books := filepath.Join(work, "returned")
	os.Mkdir(books, 0o755)
	res, err := exchange.NewService(s).ExportRaters(q4, books, exchange.ExportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	s.Close()
	if len(res.Files) < 10 {
		t.Fatalf("exported %d workbooks", len(res.Files))
	}
	entries, _ := os.ReadDir(books)
	for _, e := range entries {
		fill(t, filepath.Join(books, e.Name()))
	}

	// An undisturbed import tells what each file brings, and how long all of it takes.
	baseline := filepath.Join(work, "baseline.db")
	copyFile(t, fixture, baseline)
	start := time.Now()
	if code := runChild(t, baseline, books, -1); code != 0 {
		t.Fatalf("the undisturbed import exited %d", code)
	}
	full := time.Since(start)
	want := map[string]expected{}
	bs := mustOpen(t, baseline)
	var rows []struct {
		FileName string
		FileHash string
		Cells    int
	}
	bs.DB.Raw("SELECT file_name, file_hash, created_count AS cells FROM import_batches").Scan(&rows)
	for _, r := range rows {
		want[r.FileName] = expected{r.FileHash, r.Cells}
	}
	bs.Close()
	if len(want) != len(entries) {
		t.Fatalf("the undisturbed import applied %d of %d files", len(want), len(entries))
	}

	rnd := rand.New(rand.NewPCG(7, uint64(time.Now().UnixNano())))
	partial := 0
	for i := 0; i < 12; i++ {
		db := filepath.Join(work, fmt.Sprintf("run%d.db", i))
		copyFile(t, fixture, db)
		after := time.Duration(rnd.Int64N(int64(full)*11/10 + 1))
		runChild(t, db, books, after)
		applied := check(t, db, want)
		if applied > 0 && applied < len(want) {
			partial++
		}
		t.Logf("killed after %v: %d of %d files applied", after.Round(time.Millisecond), applied, len(want))
	}
	t.Logf("%d of 12 runs were killed between two files", partial)
	if partial == 0 {
		t.Error("no run was killed in the middle of the import: the test proved nothing")
	}
}

// runChild imports books into db in a child process, killing it with SIGKILL after the given
// time (never when it is negative); it returns the exit code, -1 when killed.
func runChild(t *testing.T, db, books string, after time.Duration) int {
	t.Helper()
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+db+"|"+books)
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	if after >= 0 {
		time.Sleep(after)
		cmd.Process.Signal(syscall.SIGKILL)
	}
	err := cmd.Wait()
	if err == nil {
		return 0
	}
	if ee, ok := err.(*exec.ExitError); ok {
		if st, ok := ee.Sys().(syscall.WaitStatus); ok && st.Signaled() {
			return -1
		}
		return ee.ExitCode()
	}
	t.Fatal(err)
	return 1
}

func mustOpen(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("the database does not open after the kill: %v", err)
	}
	return s
}

// check opens a killed run's database and returns how many files it holds; every file must be
// there whole, with its batch, or not at all.
func check(t *testing.T, db string, want map[string]expected) int {
	t.Helper()
	s := mustOpen(t, db)
	defer s.Close()
	var integrity string
	s.DB.Raw("PRAGMA integrity_check").Scan(&integrity)
	if integrity != "ok" {
		t.Fatalf("integrity check: %s", integrity)
	}
	applied := 0
	for name, w := range want {
		var scores, batches int64
		s.DB.Table("scores").Where("file_hash = ?", w.hash).Count(&scores)
		s.DB.Table("import_batches").Where("file_hash = ?", w.hash).Count(&batches)
		switch {
		case scores == 0 && batches == 0:
		case scores == int64(w.cells) && batches == 1:
			applied++
		default:
			t.Fatalf("%s is half applied: %d of %d scores, %d batches", name, scores, w.cells, batches)
		}
	}
	return applied
}
