package store

import (
	"os"
	"path/filepath"

	"github.com/gofrs/flock"

	"liankanping/internal/apperr"
)

// Lock is the claim of one running window on a database.
type Lock struct{ f *flock.Flock }

// LockInstance claims the database at path for this window. A second window on the same
// database is refused, since two people editing the same scores at once would surprise both.
// The claim is an operating-system file lock, so it ends with the process, even a crashed one.
func LockInstance(path string) (*Lock, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return nil, apperr.Invalidf("无法创建数据库文件夹 %s：%v", filepath.Dir(path), err)
	}
	f := flock.New(path + ".lock")
	ok, err := f.TryLock()
	if err != nil {
		return nil, apperr.Invalidf("无法锁定数据库 %s：%v", path, err)
	}
	if !ok {
		return nil, apperr.Conflictf("数据库 %s 已被另一个正在运行的联看评窗口使用。请切换到那个窗口，或先关闭它", path)
	}
	return &Lock{f}, nil
}

// Release gives the claim up.
func (l *Lock) Release() {
	if l != nil {
		l.f.Unlock()
	}
}
