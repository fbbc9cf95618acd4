package exchange_test

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/benchdata"
)

// peerScript is the openpyxl peer of the benchmarks: the same workbooks written, and the same
// filled files read, by Python's openpyxl, timed by the script itself so that starting Python
// and loading the description are not counted.
var peerScript = filepath.Join("testdata", "openpyxl_bench.py")

// TestOpenpyxlPeer checks that the Python peer writes workbooks like ours and reads them. It runs
// under make test too (three small workbooks), so a broken peer fails there and not first in make bench.
func TestOpenpyxlPeer(t *testing.T) {
	f := mustFixture(t)
	paths := f.export(t, f.round, "")
	var files []string
	for _, p := range paths {
		files = append(files, p)
	}
	dir := t.TempDir()
	spec := filepath.Join(dir, "spec.json")
	if err := benchdata.DescribeForOpenpyxl(files, spec); err != nil {
		t.Fatal(err)
	}
	w, err := benchdata.RunOpenpyxl(peerScript, "write", spec, filepath.Join(dir, "py"))
	if err != nil {
		t.Fatal(err)
	}
	if w.Files != 3 || w.Cells == 0 {
		t.Fatalf("openpyxl wrote %+v", w)
	}
	written, _ := filepath.Glob(filepath.Join(dir, "py", "*.xlsx"))
	x, err := excelize.OpenFile(written[0])
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if v, _ := x.GetCellValue("财政局", "G3"); v != "得分" {
		t.Errorf("the openpyxl workbook is not like ours: 财政局!G3 = %q", v)
	}
	r, err := benchdata.RunOpenpyxl(peerScript, append([]string{"read"}, written...)...)
	if err != nil || r.Cells == 0 {
		t.Fatalf("openpyxl read %+v: %v", r, err)
	}
}
