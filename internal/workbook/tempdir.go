package workbook

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"syscall"

	"github.com/xuri/excelize/v2"
)

// excelize spills a large sheet to temporary files while writing it (its StreamWriter past
// 16 MB) and may while reading; with no folder given they go loose into the system's temporary
// folder and stay there when the process is killed. Every workbook this package makes or opens
// puts them instead into a folder of this process's own, liankanping-<pid> inside the temporary
// folder: excelize removes its files on Close, RemoveTempDir removes the folder at the end of a
// command, and the next process to start removes the folders of processes no longer running
// (a killed export included).

// tempPrefix names the per-process folders.
const tempPrefix = "liankanping-tmp-"

var sweepOnce sync.Once

// TempDir is this process's folder for temporary files, created if missing; "" (the system's
// folder) when it cannot be. The first call removes the folders of processes that have ended.
func TempDir() string {
	base := os.TempDir()
	sweepOnce.Do(func() { sweepTemp(base) })
	dir := filepath.Join(base, tempPrefix+strconv.Itoa(os.Getpid()))
	if err := os.MkdirAll(dir, 0o700); err != nil {
		Logf("workbook: temporary folder %s: %v", dir, err)
		return ""
	}
	return dir
}

// RemoveTempDir removes this process's temporary folder and whatever is left in it.
func RemoveTempDir() {
	os.RemoveAll(filepath.Join(os.TempDir(), tempPrefix+strconv.Itoa(os.Getpid())))
}

// sweepTemp removes the temporary folders under base of processes that are no longer running.
func sweepTemp(base string) {
	entries, err := os.ReadDir(base)
	if err != nil {
		return
	}
	for _, e := range entries {
		pid, err := strconv.Atoi(strings.TrimPrefix(e.Name(), tempPrefix))
		if !e.IsDir() || !strings.HasPrefix(e.Name(), tempPrefix) || err != nil || pid == os.Getpid() || running(pid) {
			continue
		}
		os.RemoveAll(filepath.Join(base, e.Name()))
	}
}

// running tells whether a process with this id exists.
func running(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false // on Windows: no such process
	}
	defer p.Release()
	if runtime.GOOS == "windows" {
		return true
	}
	err = p.Signal(syscall.Signal(0))
	return err == nil || errors.Is(err, os.ErrPermission)
}

// bookOptions are the options of every workbook this package makes or opens.
func bookOptions(o excelize.Options) excelize.Options {
	o.TmpDir = TempDir()
	return o
}

// newBook is excelize.NewFile with the temporary files in TempDir.
func newBook() *excelize.File { return excelize.NewFile(bookOptions(excelize.Options{})) }
