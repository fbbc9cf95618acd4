package setting_test

import (
	"path/filepath"
	"testing"

	"liankanping/internal/setting"
	"liankanping/internal/store"
)

func TestSettings(t *testing.T) {
	st, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s := setting.NewService(st)
	get := func(key string) (string, bool) {
		t.Helper()
		v, ok, err := s.Get(key)
		if err != nil {
			t.Fatal(err)
		}
		return v, ok
	}
	if _, ok := get("k"); ok {
		t.Fatal("a key never set has a value")
	}
	if err := s.SetIfAbsent("k", "first"); err != nil {
		t.Fatal(err)
	}
	if err := s.SetIfAbsent("k", "second"); err != nil {
		t.Fatal(err)
	}
	if v, _ := get("k"); v != "first" {
		t.Fatalf("SetIfAbsent replaced a value: %q", v)
	}
	if err := s.Set("k", "third"); err != nil {
		t.Fatal(err)
	}
	if v, _ := get("k"); v != "third" {
		t.Fatalf("Set did not replace the value: %q", v)
	}
	// A transaction that fails leaves the value as it was.
	err = st.InTx(func(tx store.Tx) error {
		if err := setting.WithTx(tx).Set("k", "rolled back"); err != nil {
			return err
		}
		return errRollback
	})
	if err != errRollback {
		t.Fatal(err)
	}
	if v, _ := get("k"); v != "third" {
		t.Fatalf("a rolled-back transaction left %q", v)
	}
	if err := s.Delete("k"); err != nil {
		t.Fatal(err)
	}
	if _, ok := get("k"); ok {
		t.Fatal("Delete left the key")
	}
}

type rollback struct{}

func (rollback) Error() string { return "rollback" }

var errRollback error = rollback{}
