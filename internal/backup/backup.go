// Package backup keeps copies of the database beside it: before every import and every
// destructive action, once a day at start, and on request; it rotates them and restores one.
package backup

import (
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
)

// Reasons a backup is made; they end its file name, so they stay ASCII.
const (
	Daily         = "daily"
	Manual        = "manual"
	BeforeImport  = "before-import"
	BeforeDelete  = "before-delete"
	BeforeRestore = "before-restore"
	BeforeChange  = "before-change"
)

// Keep is how many of the newest backups rotation keeps, besides the newest of each month.
const Keep = 20

// Info is one backup file.
type Info struct {
	Name   string    `json:"name"`
	Path   string    `json:"path"`
	Size   int64     `json:"size"`
	Time   time.Time `json:"time"`
	Reason string    `json:"reason"`
}

// Dir is where the backups of the database at dbPath live: a backups folder beside it.
func Dir(dbPath string) string { return filepath.Join(filepath.Dir(dbPath), "backups") }

const stamp = "20060102-150405"

func prefix(dbPath string) string {
	return strings.TrimSuffix(filepath.Base(dbPath), filepath.Ext(dbPath)) + "-"
}

// Make writes a consistent copy of the open database into its backups folder, then rotates.
func Make(s *store.Store, reason string, now time.Time) (Info, error) {
	dir := Dir(s.Path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return Info{}, apperr.Invalidf("无法创建备份文件夹 %s：%v", dir, err)
	}
	name := prefix(s.Path) + now.Format(stamp) + "-" + reason + ".db"
	path := filepath.Join(dir, name)
	for i := 2; fileExists(path); i++ {
		path = filepath.Join(dir, fmt.Sprintf("%s%s-%s-%d.db", prefix(s.Path), now.Format(stamp), reason, i))
	}
	if err := s.Backup(path); err != nil {
		return Info{}, err
	}
	if err := Rotate(s.Path); err != nil {
		return Info{}, err
	}
	fi, err := os.Stat(path)
	if err != nil {
		return Info{}, err
	}
	return Info{Name: filepath.Base(path), Path: path, Size: fi.Size(), Time: now, Reason: reason}, nil
}

func fileExists(p string) bool {
	_, err := os.Stat(p)
	return err == nil
}

// List returns the backups of the database at dbPath, newest first.
func List(dbPath string) ([]Info, error) {
	entries, err := os.ReadDir(Dir(dbPath))
	if errors.Is(err, os.ErrNotExist) {
		return []Info{}, nil
	}
	if err != nil {
		return nil, apperr.Invalidf("无法读取备份文件夹：%v", err)
	}
	pre := prefix(dbPath)
	out := []Info{}
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasPrefix(name, pre) || !strings.HasSuffix(name, ".db") {
			continue
		}
		rest := strings.TrimSuffix(strings.TrimPrefix(name, pre), ".db")
		if len(rest) < len(stamp) {
			continue
		}
		t, err := time.ParseInLocation(stamp, rest[:len(stamp)], time.Local)
		if err != nil {
			continue
		}
		reason := strings.TrimPrefix(rest[len(stamp):], "-")
		if i := strings.LastIndex(reason, "-"); i > 0 && strings.Trim(reason[i+1:], "0123456789") == "" {
			reason = reason[:i]
		}
		fi, err := e.Info()
		if err != nil {
			continue
		}
		out = append(out, Info{Name: name, Path: filepath.Join(Dir(dbPath), name), Size: fi.Size(), Time: t, Reason: reason})
	}
	sort.SliceStable(out, func(i, j int) bool {
		if !out[i].Time.Equal(out[j].Time) {
			return out[i].Time.After(out[j].Time)
		}
		return out[i].Name > out[j].Name
	})
	return out, nil
}

// Rotate deletes old backups, keeping the newest Keep and the newest of every month.
func Rotate(dbPath string) error {
	all, err := List(dbPath)
	if err != nil {
		return err
	}
	months := map[string]bool{}
	for i, b := range all {
		month := b.Time.Format("2006-01")
		keep := i < Keep || !months[month]
		months[month] = true
		if !keep {
			if err := os.Remove(b.Path); err != nil {
				return apperr.Invalidf("无法删除旧备份 %s：%v", b.Name, err)
			}
		}
	}
	return nil
}

// DailyIfDue makes the day's backup at start, unless one was made today already.
func DailyIfDue(s *store.Store, now time.Time) (bool, error) {
	all, err := List(s.Path)
	if err != nil {
		return false, err
	}
	y, m, d := now.Date()
	for _, b := range all {
		if by, bm, bd := b.Time.Date(); by == y && bm == m && bd == d {
			return false, nil
		}
	}
	_, err = Make(s, Daily, now)
	return err == nil, err
}

// Restore replaces the database at s.Path with the backup at from, after checking that the
// backup is a database this program can open and making a backup of the current state. The
// backup is streamed into a temporary file beside the database before anything is closed (a
// database with evidence can be gigabytes), so a backup that cannot be read leaves the open
// database as it was. The store s is closed; the caller opens the restored database again.
func Restore(s *store.Store, from string, now time.Time) error {
	if err := store.Check(from); err != nil {
		return apperr.Invalidf("备份文件不能使用：%s", apperr.MessageOf(err))
	}
	if _, err := Make(s, BeforeRestore, now); err != nil {
		return fmt.Errorf("恢复前备份当前数据：%w", err)
	}
	tmp := s.Path + ".restore"
	if err := copyFile(from, tmp); err != nil {
		os.Remove(tmp)
		return err
	}
	if err := s.Close(); err != nil {
		os.Remove(tmp)
		return fmt.Errorf("关闭数据库：%w", err)
	}
	for _, suffix := range []string{"-wal", "-shm"} {
		if err := os.Remove(s.Path + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
			os.Remove(tmp)
			return apperr.Invalidf("无法替换数据库：%v", err)
		}
	}
	if err := os.Rename(tmp, s.Path); err != nil {
		os.Remove(tmp)
		return apperr.Invalidf("无法替换数据库：%v", err)
	}
	return nil
}

// copyFile streams from into a new file to and syncs it. Opening tells a backup that cannot
// be read from a folder that cannot be written; the copy itself (a kernel copy where the system
// has one) fails only on a disk error or a full disk, on either side.
func copyFile(from, to string) error {
	in, err := os.Open(from)
	if err != nil {
		return apperr.Invalidf("无法读取备份文件：%v", err)
	}
	defer in.Close()
	out, err := os.OpenFile(to, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o644)
	if err != nil {
		return apperr.Invalidf("无法写入数据库文件夹：%v", err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return apperr.Invalidf("无法把备份文件复制到数据库文件夹：%v", err)
	}
	if err := out.Sync(); err != nil {
		out.Close()
		return apperr.Invalidf("无法写入数据库文件夹：%v", err)
	}
	if err := out.Close(); err != nil {
		return apperr.Invalidf("无法写入数据库文件夹：%v", err)
	}
	return nil
}
