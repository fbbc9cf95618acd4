// Package store opens the product's SQLite database: it refuses files it must not touch,
// applies versioned migrations, and makes consistent backups.
package store

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"strings"

	"github.com/glebarez/sqlite"
	"gorm.io/gorm"
	"gorm.io/gorm/logger"

	"liankanping/internal/apperr"
)

// Store is an open database.
type Store struct {
	DB   *gorm.DB
	Path string
}

// DefaultPath is the database used when no --db is given: liankanping.db in the user's
// configuration folder (on Windows %AppData%\liankanping).
func DefaultPath() (string, error) {
	dir, err := os.UserConfigDir()
	if err != nil {
		return "", apperr.New(apperr.Internal, "找不到用户数据文件夹：%v", err)
	}
	return filepath.Join(dir, "liankanping", "liankanping.db"), nil
}

// dsn builds a connection string with every pragma in it, so that each pooled connection gets
// them (a PRAGMA run through db.Exec would reach only one).
func dsn(path string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", "busy_timeout(5000)")
	q.Add("_pragma", "foreign_keys(1)")
	if readOnly {
		q.Add("mode", "ro")
	} else {
		q.Add("_pragma", "journal_mode(WAL)")
		q.Add("_pragma", "synchronous(NORMAL)")
	}
	return "file:" + filepath.ToSlash(path) + "?" + q.Encode()
}

func openGorm(path string, readOnly bool) (*gorm.DB, error) {
	return gorm.Open(sqlite.Open(dsn(path, readOnly)), &gorm.Config{
		Logger:                                   logger.Default.LogMode(logger.Silent),
		DisableForeignKeyConstraintWhenMigrating: true,
		SkipDefaultTransaction:                   true,
	})
}

var sqliteHeader = []byte("SQLite format 3\x00")

// Open opens the database at path, creating it (and its folder) if it does not exist, and
// migrates it to the current version. A file that is read-only, corrupt, not ours or from a
// newer version is refused with a clear message before anything is written to it.
func Open(path string) (*Store, error) {
	if path == "" {
		return nil, apperr.Invalidf("没有指定数据库文件")
	}
	info, err := os.Stat(path)
	switch {
	case errors.Is(err, os.ErrNotExist):
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, apperr.Invalidf("无法创建数据库文件夹 %s：%v", filepath.Dir(path), err)
		}
	case err != nil:
		return nil, apperr.Invalidf("无法访问数据库文件 %s：%v", path, err)
	case info.IsDir():
		return nil, apperr.Invalidf("%s 是一个文件夹，不是数据库文件", path)
	default:
		if err := checkExisting(path, info, true); err != nil {
			return nil, err
		}
	}
	if err := checkFolderWritable(filepath.Dir(path)); err != nil {
		return nil, err
	}
	db, err := openGorm(path, false)
	if err != nil {
		return nil, apperr.New(apperr.Internal, "无法打开数据库 %s：%v", path, err)
	}
	if err := migrate(db, latestVersion()); err != nil {
		// Not s.Close: a refused file gets no clean-close record beside it.
		closeGorm(db)
		return nil, err
	}
	s := &Store{DB: db, Path: path}
	return s, nil
}

// checkExisting refuses an existing file that must not be modified; it opens the file
// read-only, so a refused file is left exactly as it was. With trustClean, the integrity check
// is skipped for a file that is exactly as this program's last clean close left it
// (verified.go); every other check is made.
func checkExisting(path string, info os.FileInfo, trustClean bool) error {
	if info.Size() == 0 {
		return checkWritable(path)
	}
	f, err := os.Open(path)
	if err != nil {
		return apperr.Invalidf("无法读取数据库文件 %s：%v", path, err)
	}
	head := make([]byte, len(sqliteHeader))
	_, err = io.ReadFull(f, head)
	f.Close()
	if err != nil || !bytes.Equal(head, sqliteHeader) {
		return apperr.Invalidf("%s 不是联看评数据库（文件不是 SQLite 数据库，或已损坏）", path)
	}
	if err := checkWritable(path); err != nil {
		return err
	}
	// Before the read-only look below, which in a read-only folder fails as if the file were
	// corrupt.
	if err := checkFolderWritable(filepath.Dir(path)); err != nil {
		return err
	}
	cleanUp := removeNewSidecars(path)
	defer cleanUp()
	db, err := openGorm(path, true)
	if err != nil {
		return apperr.Invalidf("数据库 %s 无法打开，可能已损坏：%v", path, err)
	}
	defer closeGorm(db)
	if !trustClean || !unchangedSinceCleanClose(path, info) {
		var result string
		if err := db.Raw("PRAGMA quick_check").Scan(&result).Error; err != nil {
			return apperr.Invalidf("数据库 %s 已损坏，无法使用（%v）。请从备份恢复。", path, err)
		}
		if result != "ok" {
			return apperr.Invalidf("数据库 %s 已损坏，无法使用（完整性检查：%s）。请从备份恢复。", path, result)
		}
	}
	var tables []string
	if err := db.Raw("SELECT name FROM sqlite_master WHERE type='table'").Scan(&tables).Error; err != nil {
		return apperr.Invalidf("数据库 %s 无法读取：%v", path, err)
	}
	if len(tables) == 0 {
		return nil
	}
	hasVersions := false
	for _, t := range tables {
		if t == versionTable {
			hasVersions = true
		}
	}
	if !hasVersions {
		return apperr.Invalidf("%s 不是联看评数据库（它属于其他程序），为避免破坏，不会打开它", path)
	}
	v, err := currentVersion(db)
	if err != nil {
		return apperr.Invalidf("数据库 %s 的版本信息无法读取：%v", path, err)
	}
	if v > latestVersion() {
		return apperr.Invalidf("数据库 %s 由更新版本的联看评创建（数据版本 %d，本程序支持到 %d），请升级联看评后再打开", path, v, latestVersion())
	}
	return nil
}

// removeNewSidecars returns a function that deletes the -wal and -shm files that a read-only
// look at a WAL database creates but cannot delete on closing, when they were not there before
// and the log is empty: a refused file must be left with nothing new beside it.
func removeNewSidecars(path string) func() {
	wal, shm := path+"-wal", path+"-shm"
	if _, err := os.Lstat(wal); !errors.Is(err, os.ErrNotExist) {
		return func() {}
	}
	_, shmErr := os.Lstat(shm)
	shmExisted := !errors.Is(shmErr, os.ErrNotExist)
	return func() {
		if info, err := os.Stat(wal); err != nil || info.Size() != 0 {
			return
		}
		os.Remove(wal)
		if !shmExisted {
			os.Remove(shm)
		}
	}
}

func checkWritable(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		if errors.Is(err, os.ErrPermission) {
			return apperr.Invalidf("数据库文件 %s 是只读的，无法保存修改。请复制到可写的位置，或修改文件权限", path)
		}
		return apperr.Invalidf("无法写入数据库文件 %s：%v", path, err)
	}
	return f.Close()
}

// checkFolderWritable matters because SQLite's write-ahead log lives beside the database.
func checkFolderWritable(dir string) error {
	f, err := os.CreateTemp(dir, ".lkp-write-check-*")
	if err != nil {
		return apperr.Invalidf("数据库所在文件夹 %s 是只读的，无法保存修改", dir)
	}
	name := f.Name()
	f.Close()
	return os.Remove(name)
}

func closeGorm(db *gorm.DB) {
	if sqlDB, err := db.DB(); err == nil {
		sqlDB.Close()
	}
}

// Close closes the database.
func (s *Store) Close() error {
	if s == nil || s.DB == nil {
		return nil
	}
	sqlDB, err := s.DB.DB()
	if err != nil {
		return err
	}
	if err := sqlDB.Close(); err != nil {
		return err
	}
	recordCleanClose(s.Path)
	return nil
}

// Backup writes a consistent copy of the database to out, even while other connections write
// to it. The copy is made under a temporary name and renamed, so out is never half-written.
func (s *Store) Backup(out string) error {
	if out == "" {
		return apperr.Invalidf("没有指定备份文件")
	}
	abs, _ := filepath.Abs(out)
	self, _ := filepath.Abs(s.Path)
	if abs == self {
		return apperr.Invalidf("备份文件不能是数据库本身")
	}
	if err := os.MkdirAll(filepath.Dir(out), 0o755); err != nil {
		return apperr.Invalidf("无法创建备份文件夹：%v", err)
	}
	tmp := out + ".part"
	os.Remove(tmp)
	if err := s.DB.Exec("VACUUM INTO ?", tmp).Error; err != nil {
		os.Remove(tmp)
		return apperr.New(apperr.Internal, "备份失败：%v", err)
	}
	if err := os.Rename(tmp, out); err != nil {
		os.Remove(tmp)
		return apperr.New(apperr.Internal, "备份失败：%v", err)
	}
	return nil
}

// IsUniqueViolation tells whether err is SQLite's answer to a duplicate in a unique column.
func IsUniqueViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "UNIQUE constraint failed")
}

// IsForeignKeyViolation tells whether err is SQLite's answer to a broken reference.
func IsForeignKeyViolation(err error) bool {
	return err != nil && strings.Contains(err.Error(), "FOREIGN KEY constraint failed")
}

// Version returns the data version of the open database.
func (s *Store) Version() (int, error) { return currentVersion(s.DB) }

// String names the store for messages.
func (s *Store) String() string { return fmt.Sprintf("数据库 %s", s.Path) }

// Check tells whether the file at path is a database this program can open, without writing
// to it: the checks Open makes before it changes anything. Restoring a backup checks it first.
func Check(path string) error {
	info, err := os.Stat(path)
	if err != nil {
		return apperr.Invalidf("无法访问文件 %s：%v", path, err)
	}
	if info.IsDir() || info.Size() == 0 {
		return apperr.Invalidf("%s 不是联看评数据库", path)
	}
	return checkExisting(path, info, false)
}

// Outdated tells whether the existing database at path is of an older data version than this
// build writes (opening it would migrate it). It only reads the file.
func Outdated(path string) (bool, error) {
	cleanUp := removeNewSidecars(path)
	defer cleanUp()
	db, err := openGorm(path, true)
	if err != nil {
		return false, apperr.Invalidf("数据库 %s 无法打开：%v", path, err)
	}
	defer closeGorm(db)
	v, err := currentVersion(db)
	if err != nil {
		return false, apperr.Invalidf("数据库 %s 的版本信息无法读取：%v", path, err)
	}
	return v < latestVersion(), nil
}

// CopyTo writes a consistent copy of the database at path to dst without writing to path
// (VACUUM INTO over a read-only connection): a dry run on an older database works on the copy,
// so that the original is not migrated.
func CopyTo(path, dst string) error {
	cleanUp := removeNewSidecars(path)
	defer cleanUp()
	db, err := openGorm(path, true)
	if err != nil {
		return apperr.Invalidf("数据库 %s 无法打开：%v", path, err)
	}
	defer closeGorm(db)
	if err := db.Exec("VACUUM INTO ?", dst).Error; err != nil {
		return apperr.New(apperr.Internal, "无法复制数据库 %s：%v", path, err)
	}
	return nil
}
