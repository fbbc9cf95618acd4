package store_test

import (
	"path/filepath"
	"testing"

	"liankanping/internal/store"
)

// A database made by a build that lacked a lower migration (4, while 5 and 6 were there) gets
// the missing one, and then the later ones, when a complete build opens it.
func TestOpenFillsAMissingLowerMigration(t *testing.T) {
	path := filepath.Join(t.TempDir(), "gap.db")
	s, err := store.OpenWithout(path, 4, 6)
	if err != nil {
		t.Fatal(err)
	}
	var n int64
	s.DB.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name = 'import_batches'").Scan(&n)
	s.Close()
	if n != 0 {
		t.Fatal("the fixture has migration 4's table")
	}
	s, err = store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	s.DB.Raw("SELECT COUNT(*) FROM sqlite_master WHERE name = 'import_batches'").Scan(&n)
	var versions int64
	s.DB.Raw("SELECT COUNT(*) FROM schema_migrations").Scan(&versions)
	if n != 1 || int(versions) != len(store.MigrationVersions()) {
		t.Fatalf("after opening: import_batches %d, %d versions recorded of %d", n, versions, len(store.MigrationVersions()))
	}
}
