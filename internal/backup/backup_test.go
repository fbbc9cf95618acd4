package backup_test

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/backup"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

func mustOpen(t *testing.T, path string) *store.Store {
	t.Helper()
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func unitCount(t *testing.T, s *store.Store) int64 {
	var n int64
	if err := s.DB.Table("units").Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

func TestRotateKeepsNewestAndOnePerMonth(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "lkp.db"))
	start := time.Date(2024, 1, 15, 9, 0, 0, 0, time.Local)
	// One backup a day for 40 days: January 15 … February 23.
	for i := 0; i < 40; i++ {
		if _, err := backup.Make(s, backup.Daily, start.AddDate(0, 0, i)); err != nil {
			t.Fatal(err)
		}
	}
	all, err := backup.List(s.Path)
	if err != nil {
		t.Fatal(err)
	}
	// The newest 20 (February 4 … 23) plus the newest of January (January 31).
	if len(all) != 21 {
		t.Fatalf("%d backups kept, want 21", len(all))
	}
	if got := all[0].Time.Format("01-02"); got != "02-23" {
		t.Errorf("newest = %s", got)
	}
	if got := all[20].Time.Format("01-02"); got != "01-31" {
		t.Errorf("January's = %s, want its newest, 01-31", got)
	}
	if all[0].Reason != backup.Daily {
		t.Errorf("reason = %q", all[0].Reason)
	}
}

func TestDailyIfDue(t *testing.T) {
	s := mustOpen(t, filepath.Join(t.TempDir(), "lkp.db"))
	day := time.Date(2024, 6, 15, 8, 0, 0, 0, time.Local)
	for i, want := range []bool{true, false} {
		made, err := backup.DailyIfDue(s, day.Add(time.Duration(i)*time.Hour))
		if err != nil || made != want {
			t.Fatalf("call %d: made %v, %v; want %v", i, made, err, want)
		}
	}
	if made, _ := backup.DailyIfDue(s, day.AddDate(0, 0, 1)); !made {
		t.Error("the next day needs its own backup")
	}
}

func TestRestore(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lkp.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	o := org.NewService(s)
	if _, err := o.SaveUnit(org.Unit{Name: "区财政局", ShortName: "财政局"}); err != nil {
		t.Fatal(err)
	}
	b, err := backup.Make(s, backup.Manual, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	if _, err := o.SaveUnit(org.Unit{Name: "区商务局", ShortName: "商务局"}); err != nil {
		t.Fatal(err)
	}
	t.Run("ErrCorruptBackup", func(t *testing.T) {
		bad := filepath.Join(t.TempDir(), "bad.db")
		os.WriteFile(bad, []byte("SQLite format 3\x00 but then garbage, garbage, garbage"), 0o644)
		if err := backup.Restore(s, bad, time.Now()); apperr.CodeOf(err) != apperr.Invalid {
			t.Fatalf("err = %v, want invalid", err)
		}
		if n := unitCount(t, s); n != 2 {
			t.Fatalf("a refused restore changed the data: %d units", n)
		}
	})
	t.Run("OK", func(t *testing.T) {
		if err := backup.Restore(s, b.Path, time.Now().Add(time.Minute)); err != nil {
			t.Fatal(err)
		}
		// The backup is streamed in whole, through a temporary file that does not stay behind.
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(b.Path)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Fatalf("the restored file (%d bytes) is not the backup (%d bytes)", len(got), len(want))
		}
		if _, err := os.Stat(path + ".restore"); !os.IsNotExist(err) {
			t.Fatalf("the temporary file stayed behind: %v", err)
		}
		s2 := mustOpen(t, path)
		if n := unitCount(t, s2); n != 1 {
			t.Fatalf("after restore %d units, want the backup's 1", n)
		}
		all, _ := backup.List(path)
		found := false
		for _, x := range all {
			if x.Reason == backup.BeforeRestore {
				found = true
				before := mustOpen(t, x.Path)
				if n := unitCount(t, before); n != 2 {
					t.Errorf("the before-restore backup has %d units, want 2", n)
				}
			}
		}
		if !found {
			t.Error("no backup of the state before the restore")
		}
	})
}
