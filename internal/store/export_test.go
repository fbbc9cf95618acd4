package store

// OpenAtVersion creates a database at path migrated only up to version, the way an older build
// of the program would have left it, so that tests can open it with the current build.
func OpenAtVersion(path string, version int) (*Store, error) {
	db, err := openGorm(path, false)
	if err != nil {
		return nil, err
	}
	s := &Store{DB: db, Path: path}
	if err := migrate(db, version); err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}

// MigrationVersions lists the versions of the registered migrations in order.
func MigrationVersions() []int {
	out := make([]int, len(migrations))
	for i, m := range migrations {
		out[i] = m.Version
	}
	return out
}
