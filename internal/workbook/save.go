package workbook

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"liankanping/internal/apperr"
)

// partPrefix names the half-written workbooks of SaveFile: .lkp-<pid>-….xlsx.part.
const partPrefix = ".lkp-"

// sweepParts removes from dir the half-written workbooks of processes that are no longer
// running (an export killed midway); those of running ones may still be written.
func sweepParts(dir string) {
	paths, _ := filepath.Glob(filepath.Join(dir, partPrefix+"*.xlsx.part"))
	for _, p := range paths {
		pidText, _, _ := strings.Cut(strings.TrimPrefix(filepath.Base(p), partPrefix), "-")
		if pid, err := strconv.Atoi(pidText); err == nil && pid != os.Getpid() && !running(pid) {
			os.Remove(p)
		}
	}
}

// SaveFile writes a workbook to path through write, into a temporary file in the same folder
// that is renamed over path only when complete: a full disk, a read-only folder or a crash
// leaves no half-written workbook behind. On the way the workbook is put in Excel's own style
// (ExcelStyle), so every exported workbook opens in readers as strict as ExcelJS.
func SaveFile(path string, write func(io.Writer) error) error {
	dir := filepath.Dir(path)
	sweepParts(dir)
	tmp, err := os.CreateTemp(dir, partPrefix+strconv.Itoa(os.Getpid())+"-*.xlsx.part")
	if err != nil {
		return apperr.Invalidf("无法在 %s 中写入文件：%v", dir, err)
	}
	name := tmp.Name()
	ok := false
	defer func() {
		if !ok {
			tmp.Close()
			os.Remove(name)
		}
	}()
	var buf bytes.Buffer
	if err := write(&buf); err != nil {
		return err
	}
	data, err := ExcelStyle(buf.Bytes())
	if err != nil {
		return err
	}
	if _, err := tmp.Write(data); err != nil {
		return apperr.Invalidf("无法写入文件 %s：%v", filepath.Base(path), err)
	}
	if err := tmp.Sync(); err != nil {
		return apperr.Invalidf("无法写入文件 %s：%v", filepath.Base(path), err)
	}
	if err := tmp.Close(); err != nil {
		return apperr.Invalidf("无法写入文件 %s：%v", filepath.Base(path), err)
	}
	if err := os.Rename(name, path); err != nil {
		if errors.Is(err, os.ErrPermission) {
			return apperr.Invalidf("无法保存 %s：文件可能正在被 Excel 或 WPS 打开，请关闭后重试", filepath.Base(path))
		}
		return apperr.Invalidf("无法保存 %s：%v", filepath.Base(path), err)
	}
	ok = true
	return nil
}
