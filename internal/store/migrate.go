package store

import (
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
)

// Migration is one step of the schema. Steps are never edited once released: a change to the
// schema is a new step, so a database made by an older version opens in a newer one.
type Migration struct {
	Version int
	Name    string
	SQL     string
}

const versionTable = "schema_migrations"

var migrations []Migration

// register adds a migration; each migration_NNNN_*.go file registers its own in init.
func register(m Migration) {
	for _, old := range migrations {
		if old.Version == m.Version {
			panic(fmt.Sprintf("migration %d registered twice", m.Version))
		}
	}
	migrations = append(migrations, m)
	sort.Slice(migrations, func(i, j int) bool { return migrations[i].Version < migrations[j].Version })
}

func latestVersion() int {
	if len(migrations) == 0 {
		return 0
	}
	return migrations[len(migrations)-1].Version
}

// LatestVersion is the data version this build writes.
func LatestVersion() int { return latestVersion() }

func currentVersion(db *gorm.DB) (int, error) {
	var v *int
	if err := db.Raw("SELECT MAX(version) FROM " + versionTable).Scan(&v).Error; err != nil {
		return 0, err
	}
	if v == nil {
		return 0, nil
	}
	return *v, nil
}

// migrate applies, in one transaction each, every migration above the database's version up
// to target.
func migrate(db *gorm.DB, target int) error {
	if err := db.Exec("CREATE TABLE IF NOT EXISTS " + versionTable +
		" (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at DATETIME NOT NULL)").Error; err != nil {
		return apperr.New(apperr.Internal, "无法初始化数据库：%v", err)
	}
	// Every registered migration not yet recorded is applied, lower versions first, so that a
	// database made by a build that lacked a lower version gets it too.
	var done []int
	if err := db.Raw("SELECT version FROM " + versionTable).Scan(&done).Error; err != nil {
		return apperr.New(apperr.Internal, "无法读取数据库版本：%v", err)
	}
	applied := map[int]bool{}
	for _, v := range done {
		applied[v] = true
	}
	for _, m := range migrations {
		if applied[m.Version] || m.Version > target {
			continue
		}
		err := db.Transaction(func(tx *gorm.DB) error {
			if err := tx.Exec(m.SQL).Error; err != nil {
				return err
			}
			return tx.Exec("INSERT INTO "+versionTable+" (version, name, applied_at) VALUES (?, ?, ?)",
				m.Version, m.Name, time.Now().UTC()).Error
		})
		if err != nil {
			return apperr.New(apperr.Internal, "数据库升级到版本 %d（%s）失败：%v", m.Version, m.Name, err)
		}
	}
	return nil
}
