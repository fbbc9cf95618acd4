package store_test

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
)

// childEnv makes the test binary open one database and print the error code instead of running
// tests: the read-only cases run it as an unprivileged user when the tests run as root.
const childEnv = "LKP_STORE_OPEN_CHILD"

func TestMain(m *testing.M) {
	if path := os.Getenv(childEnv); path != "" {
		s, err := store.Open(path)
		s.Close()
		fmt.Printf("%s\t%s", apperr.CodeOf(err), apperr.MessageOf(err))
		os.Exit(0)
	}
	os.Exit(m.Run())
}

func mustOpen(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatalf("open %s: %v", path, err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// makeDB creates a current database at path holding one area, and closes it.
func makeDB(t *testing.T, path string) {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, s, "INSERT INTO areas (number, name, created_at, updated_at) VALUES (1, '第一联系片', datetime('now'), datetime('now'))")
	if err := s.Close(); err != nil {
		t.Fatal(err)
	}
}

func mustExec(t *testing.T, s *store.Store, sql string, args ...any) {
	t.Helper()
	if err := s.DB.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func count(t *testing.T, s *store.Store, table string) int64 {
	t.Helper()
	var n int64
	if err := s.DB.Table(table).Count(&n).Error; err != nil {
		t.Fatalf("count %s: %v", table, err)
	}
	return n
}

// snapshot hashes every file in dir, so a test can tell that a refusal neither changed the
// database nor left a journal, a write-check file or anything else beside it.
func snapshot(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, e := range entries {
		if e.IsDir() {
			out[e.Name()] = "folder"
			continue
		}
		f, err := os.Open(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		h := sha256.New()
		_, err = io.Copy(h, f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
		out[e.Name()] = hex.EncodeToString(h.Sum(nil))
	}
	return out
}

func sameSnapshot(t *testing.T, before, after map[string]string) {
	t.Helper()
	if fmt.Sprint(before) != fmt.Sprint(after) {
		t.Errorf("folder changed by a refused open:\nbefore %v\nafter  %v", before, after)
	}
}

func TestOpen(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "nested", "folder", "new.db")
		s := mustOpen(t, path)
		v, err := s.Version()
		if err != nil {
			t.Fatal(err)
		}
		if v != store.LatestVersion() || v < 1 {
			t.Fatalf("version = %d, want %d", v, store.LatestVersion())
		}
		for _, table := range []string{"areas", "units", "people", "settings"} {
			if n := count(t, s, table); n != 0 {
				t.Errorf("%s has %d rows in a new database", table, n)
			}
		}
	})
	t.Run("EmptyFile", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "empty.db")
		if err := os.WriteFile(path, nil, 0o644); err != nil {
			t.Fatal(err)
		}
		s := mustOpen(t, path)
		if v, _ := s.Version(); v != store.LatestVersion() {
			t.Fatalf("version = %d, want %d", v, store.LatestVersion())
		}
	})
	t.Run("Reopen", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "again.db")
		makeDB(t, path)
		s := mustOpen(t, path)
		if n := count(t, s, "areas"); n != 1 {
			t.Fatalf("areas = %d after reopening, want 1", n)
		}
	})
	t.Run("ErrNoPath", func(t *testing.T) {
		_, err := store.Open("")
		if code := apperr.CodeOf(err); code != apperr.Invalid {
			t.Fatalf("code = %q, want %q (%v)", code, apperr.Invalid, err)
		}
	})
}

// An older database opens in this build and is migrated, keeping its rows.
func TestOpen_OlderVersion(t *testing.T) {
	versions := store.MigrationVersions()
	// Every version an older build could have left: none yet, then each but the latest.
	for _, from := range append([]int{0}, versions[:len(versions)-1]...) {
		t.Run(fmt.Sprintf("FromVersion%d", from), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "old.db")
			old, err := store.OpenAtVersion(path, from)
			if err != nil {
				t.Fatal(err)
			}
			if v, _ := old.Version(); v != from {
				t.Fatalf("old database has version %d, want %d", v, from)
			}
			if from >= 1 {
				mustExec(t, old, "INSERT INTO settings (key, value) VALUES ('kept', 'yes')")
			}
			old.Close()

			s := mustOpen(t, path)
			if v, _ := s.Version(); v != store.LatestVersion() {
				t.Fatalf("version after open = %d, want %d", v, store.LatestVersion())
			}
			if from >= 1 {
				if n := count(t, s, "settings"); n != 1 {
					t.Fatalf("settings rows = %d after migration, want 1", n)
				}
			}
			mustExec(t, s, "INSERT INTO areas (number, name, created_at, updated_at) VALUES (1, 'x', datetime('now'), datetime('now'))")
		})
	}
}

// Every refused file is left exactly as it was, with nothing added beside it.
func TestOpen_Refusals(t *testing.T) {
	tests := []struct {
		name string
		make func(t *testing.T, path string)
	}{
		{"ErrCorrupt", func(t *testing.T, path string) {
			garbage := make([]byte, 8192)
			for i := range garbage {
				garbage[i] = byte(i*7 + 13)
			}
			write(t, path, append([]byte("SQLite format 3\x00"), garbage...))
		}},
		{"ErrTruncated", func(t *testing.T, path string) {
			s, err := store.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			for i := 1; i <= 400; i++ {
				mustExec(t, s, "INSERT INTO units (name, short_name, created_at, updated_at) VALUES (?, ?, datetime('now'), datetime('now'))",
					fmt.Sprintf("区第%d个很长很长的单位名称用来占满几页数据", i), fmt.Sprintf("单位%d", i))
			}
			s.Close()
			info, err := os.Stat(path)
			if err != nil {
				t.Fatal(err)
			}
			if info.Size() < 8*4096 {
				t.Fatalf("database too small to truncate meaningfully: %d bytes", info.Size())
			}
			if err := os.Truncate(path, info.Size()/3); err != nil {
				t.Fatal(err)
			}
		}},
		{"ErrNotSQLite", func(t *testing.T, path string) {
			write(t, path, []byte("编号,单位名称\n1,区委办公室\n"))
		}},
		{"ErrZip", func(t *testing.T, path string) {
			write(t, path, []byte("PK\x03\x04\x14\x00\x00\x00\x08\x00 this is a workbook, not a database"))
		}},
		{"ErrOtherProgram", func(t *testing.T, path string) {
			s, err := store.OpenAtVersion(path, 0)
			if err != nil {
				t.Fatal(err)
			}
			mustExec(t, s, "DROP TABLE schema_migrations")
			mustExec(t, s, "CREATE TABLE contacts (id INTEGER PRIMARY KEY, name TEXT)")
			mustExec(t, s, "INSERT INTO contacts (name) VALUES ('张三')")
			s.Close()
		}},
		{"ErrNewerVersion", func(t *testing.T, path string) {
			makeDB(t, path)
			s, err := store.OpenAtVersion(path, store.LatestVersion())
			if err != nil {
				t.Fatal(err)
			}
			mustExec(t, s, "INSERT INTO schema_migrations (version, name, applied_at) VALUES (999, 'future', datetime('now'))")
			s.Close()
		}},
		{"ErrDirectory", func(t *testing.T, path string) {
			if err := os.Mkdir(path, 0o755); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			path := filepath.Join(dir, "liankanping.db")
			tt.make(t, path)
			before := snapshot(t, dir)
			s, err := store.Open(path)
			if err == nil {
				s.Close()
				t.Fatal("opened; want a refusal")
			}
			if code := apperr.CodeOf(err); code != apperr.Invalid {
				t.Fatalf("code = %q, want %q (%v)", code, apperr.Invalid, err)
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

func write(t *testing.T, path string, b []byte) {
	t.Helper()
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A read-only database or folder is refused before anything is written. Permissions do not stop
// root, so as root the open runs in a child process switched to the unprivileged user nobody.
func TestOpen_ReadOnly(t *testing.T) {
	tests := []struct {
		name string
		// fileMode and dirMode are the permissions; fileOwned and dirOwned tell whether the file
		// and its folder belong to the user who opens them (when run as root, through nobody).
		fileMode, dirMode   os.FileMode
		fileOwned, dirOwned bool
	}{
		{name: "ErrReadOnlyFile", fileMode: 0o444, dirMode: 0o755, fileOwned: true, dirOwned: true},
		{name: "ErrReadOnlyFolder", fileMode: 0o644, dirMode: 0o555, fileOwned: true, dirOwned: false},
	}
	root := os.Geteuid() == 0
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			base, err := os.MkdirTemp("", "lkp-readonly-")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() {
				filepath.Walk(base, func(p string, info os.FileInfo, err error) error {
					if err == nil {
						os.Chmod(p, 0o755)
					}
					return nil
				})
				os.RemoveAll(base)
			})
			dir := filepath.Join(base, "data")
			path := filepath.Join(dir, "liankanping.db")
			makeDB(t, path)
			before := snapshot(t, dir)

			var code apperr.Code
			var msg string
			if !root {
				chmod(t, path, tt.fileMode)
				chmod(t, dir, tt.dirMode)
				s, err := store.Open(path)
				s.Close()
				code, msg = apperr.CodeOf(err), apperr.MessageOf(err)
				chmod(t, dir, 0o755)
			} else {
				code, msg = openAsNobody(t, base, path, tt.fileMode, tt.dirMode, tt.fileOwned, tt.dirOwned)
			}
			if code != apperr.Invalid {
				t.Fatalf("code = %q, want %q (%s)", code, apperr.Invalid, msg)
			}
			// A read-only file or folder must not be reported as a damaged database.
			if strings.Contains(msg, "损坏") {
				t.Errorf("message calls a read-only database damaged: %s", msg)
			}
			sameSnapshot(t, before, snapshot(t, dir))
		})
	}
}

func chmod(t *testing.T, path string, mode os.FileMode) {
	t.Helper()
	if err := os.Chmod(path, mode); err != nil {
		t.Fatal(err)
	}
}

const nobody = 65534

// openAsNobody copies the test binary next to the database and runs it as nobody, which then
// opens path and reports the error code and message.
func openAsNobody(t *testing.T, base, path string, fileMode, dirMode os.FileMode, fileOwned, dirOwned bool) (apperr.Code, string) {
	t.Helper()
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	bin := filepath.Join(base, "store.test")
	data, err := os.ReadFile(exe)
	if err != nil {
		t.Fatal(err)
	}
	write(t, bin, data)
	chmod(t, bin, 0o755)
	chmod(t, base, 0o755)
	dir := filepath.Dir(path)
	owner := func(p string, owned bool) {
		uid := 0
		if owned {
			uid = nobody
		}
		if err := os.Chown(p, uid, uid); err != nil {
			t.Fatal(err)
		}
	}
	owner(path, fileOwned)
	owner(dir, dirOwned)
	chmod(t, path, fileMode)
	chmod(t, dir, dirMode)

	cmd := exec.Command(bin, "-test.run=^$")
	cmd.Env = append(os.Environ(), childEnv+"="+path)
	cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: nobody, Gid: nobody}}
	out, err := cmd.CombinedOutput()
	if err != nil {
		var exit *exec.ExitError
		if errors.As(err, &exit) {
			t.Fatalf("child open as nobody failed: %v\n%s", err, out)
		}
		t.Skipf("running as root and cannot start a process as the unprivileged user nobody (%v), so the read-only case cannot be tested here", err)
	}
	code, msg, _ := strings.Cut(string(out), "\t")
	return apperr.Code(code), msg
}

func TestLockInstance(t *testing.T) {
	path := filepath.Join(t.TempDir(), "locked.db")
	first, err := store.LockInstance(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ErrSecondWindow", func(t *testing.T) {
		second, err := store.LockInstance(path)
		if code := apperr.CodeOf(err); code != apperr.Conflict {
			second.Release()
			t.Fatalf("code = %q, want %q (%v)", code, apperr.Conflict, err)
		}
	})
	t.Run("OtherDatabase", func(t *testing.T) {
		other, err := store.LockInstance(filepath.Join(t.TempDir(), "other.db"))
		if err != nil {
			t.Fatal(err)
		}
		other.Release()
	})
	t.Run("ReleasedCanBeTakenAgain", func(t *testing.T) {
		first.Release()
		again, err := store.LockInstance(path)
		if err != nil {
			t.Fatalf("lock after release: %v", err)
		}
		again.Release()
	})
}

func TestBackup(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "live.db")
	s := mustOpen(t, path)
	for i := 1; i <= 5; i++ {
		mustExec(t, s, "INSERT INTO areas (number, name, created_at, updated_at) VALUES (?, ?, datetime('now'), datetime('now'))", i, fmt.Sprintf("第%d联系片", i))
	}

	t.Run("OK_WhileAnotherConnectionWrites", func(t *testing.T) {
		writer := mustOpen(t, path)
		tx := writer.DB.Begin()
		if tx.Error != nil {
			t.Fatal(tx.Error)
		}
		if err := tx.Exec("INSERT INTO areas (number, name, created_at, updated_at) VALUES (99, '未提交的联系片', datetime('now'), datetime('now'))").Error; err != nil {
			t.Fatal(err)
		}
		out := filepath.Join(dir, "backups", "copy.db")
		err := s.Backup(out)
		if rerr := tx.Rollback().Error; rerr != nil {
			t.Fatal(rerr)
		}
		if err != nil {
			t.Fatalf("backup during a write transaction: %v", err)
		}
		if _, err := os.Stat(out + ".part"); !errors.Is(err, os.ErrNotExist) {
			t.Errorf("temporary file %s.part left behind", out)
		}
		copy := mustOpen(t, out)
		var names []string
		if err := copy.DB.Raw("SELECT name FROM areas ORDER BY number").Scan(&names).Error; err != nil {
			t.Fatal(err)
		}
		want := "[第1联系片 第2联系片 第3联系片 第4联系片 第5联系片]"
		if got := fmt.Sprint(names); got != want {
			t.Fatalf("backup holds %s, want %s", got, want)
		}
		if v, _ := copy.Version(); v != store.LatestVersion() {
			t.Fatalf("backup version = %d, want %d", v, store.LatestVersion())
		}
	})
	t.Run("OK_Overwrites", func(t *testing.T) {
		out := filepath.Join(dir, "over.db")
		write(t, out, []byte("old backup"))
		if err := s.Backup(out); err != nil {
			t.Fatal(err)
		}
		if n := count(t, mustOpen(t, out), "areas"); n != 5 {
			t.Fatalf("areas in overwritten backup = %d, want 5", n)
		}
	})
	t.Run("ErrSameFile", func(t *testing.T) {
		before := snapshot(t, dir)
		rel, err := filepath.Rel(mustGetwd(t), path)
		if err != nil {
			t.Fatal(err)
		}
		for _, out := range []string{path, rel, filepath.Join(dir, ".", "live.db")} {
			if code := apperr.CodeOf(s.Backup(out)); code != apperr.Invalid {
				t.Errorf("backup to %s: code = %q, want %q", out, code, apperr.Invalid)
			}
		}
		if n := count(t, s, "areas"); n != 5 {
			t.Fatalf("areas = %d after a refused backup, want 5", n)
		}
		after := snapshot(t, dir)
		if before["live.db"] != after["live.db"] {
			t.Errorf("database changed by a refused backup")
		}
	})
	t.Run("ErrNoPath", func(t *testing.T) {
		if code := apperr.CodeOf(s.Backup("")); code != apperr.Invalid {
			t.Fatalf("code = %q, want %q", code, apperr.Invalid)
		}
	})
}

func mustGetwd(t *testing.T) string {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	return wd
}

// A clean close leaves a record of the file (FILE.checked) that lets the next open skip the
// full integrity check; a file changed behind the program's back — here a page overwritten with
// its size and modification time kept — no longer matches it and is checked, and refused.
func TestOpen_CleanCloseRecord(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "liankanping.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	for i := 1; i <= 400; i++ {
		mustExec(t, s, "INSERT INTO units (name, short_name, created_at, updated_at) VALUES (?, ?, datetime('now'), datetime('now'))",
			fmt.Sprintf("区第%d个很长很长的单位名称用来占满几页数据", i), fmt.Sprintf("单位%d", i))
	}
	if _, err := os.Stat(path + ".checked"); err == nil {
		t.Fatal("a record exists while the database is open")
	}
	s.Close()
	if _, err := os.Stat(path + ".checked"); err != nil {
		t.Fatalf("no record after a clean close: %v", err)
	}
	mustOpen(t, path).Close() // matches the record: opens

	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	garbage := make([]byte, 4096)
	for i := range garbage {
		garbage[i] = byte(i*31 + 7)
	}
	if _, err := f.WriteAt(garbage, info.Size()-3*4096); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if err := os.Chtimes(path, info.ModTime(), info.ModTime()); err != nil {
		t.Fatal(err)
	}
	s, err = store.Open(path)
	if err == nil {
		s.Close()
		t.Fatal("opened a file changed since its clean close; want the integrity check to refuse it")
	}
	if apperr.CodeOf(err) != apperr.Invalid {
		t.Fatalf("code = %s, want invalid: %v", apperr.CodeOf(err), err)
	}
}

// A dry run on a database of an older version must not migrate it: Outdated tells, and CopyTo
// makes the copy to work on, both without changing a byte of the original.
func TestOutdatedAndCopyTo(t *testing.T) {
	versions := store.MigrationVersions()
	dir := t.TempDir()
	path := filepath.Join(dir, "old.db")
	old, err := store.OpenAtVersion(path, versions[len(versions)-2])
	if err != nil {
		t.Fatal(err)
	}
	mustExec(t, old, "INSERT INTO settings (key, value) VALUES ('kept', 'yes')")
	old.Close()
	before := snapshot(t, dir)
	if out, err := store.Outdated(path); err != nil || !out {
		t.Fatalf("Outdated = %v, %v; want true", out, err)
	}
	dst := filepath.Join(t.TempDir(), "copy.db")
	if err := store.CopyTo(path, dst); err != nil {
		t.Fatal(err)
	}
	if after := snapshot(t, dir); fmt.Sprint(after) != fmt.Sprint(before) {
		t.Errorf("the original changed:\nbefore %v\nafter  %v", before, after)
	}
	s := mustOpen(t, dst)
	if v, _ := s.Version(); v != store.LatestVersion() {
		t.Errorf("copy at version %d, want %d", v, store.LatestVersion())
	}
	if n := count(t, s, "settings"); n != 1 {
		t.Errorf("settings rows in the copy = %d, want 1", n)
	}
	s.Close()
	if out, err := store.Outdated(dst); err != nil || out {
		t.Errorf("Outdated(migrated copy) = %v, %v; want false", out, err)
	}
}
