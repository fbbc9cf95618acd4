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

// OpenWithout creates a database at path migrated up to version upTo but without the migration
// of version skip, the way a build that lacked that migration would have left it.
func OpenWithout(path string, skip, upTo int) (*Store, error) {
	db, err := openGorm(path, false)
	if err != nil {
		return nil, err
	}
	s := &Store{DB: db, Path: path}
	saved := migrations
	var without []Migration
	for _, m := range migrations {
		if m.Version != skip {
			without = append(without, m)
		}
	}
	migrations = without
	err = migrate(db, upTo)
	migrations = saved
	if err != nil {
		s.Close()
		return nil, err
	}
	return s, nil
}
