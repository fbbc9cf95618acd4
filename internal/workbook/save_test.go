package workbook_test

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"liankanping/internal/workbook"
)

func TestSaveFileLeavesNothingHalfWritten(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "评分表.xlsx")
	if err := os.WriteFile(path, []byte("the previous export"), 0o644); err != nil {
		t.Fatal(err)
	}
	// A writer that fails halfway, as a full disk does.
	err := workbook.SaveFile(path, func(w io.Writer) error {
		w.Write([]byte("half a workbook"))
		return errors.New("no space left on device")
	})
	if err == nil {
		t.Fatal("a failed write was reported as saved")
	}
	if b, _ := os.ReadFile(path); string(b) != "the previous export" {
		t.Errorf("the previous file was changed to %q", b)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("the folder holds %d files, want only the previous export", len(entries))
	}
	if err := workbook.SaveFile(path, func(w io.Writer) error { _, err := w.Write([]byte("new")); return err }); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(path); string(b) != "new" {
		t.Errorf("saved %q", b)
	}
}
