package workbook

import (
	"archive/zip"
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

// spill writes a sheet through excelize's StreamWriter until it has spilled to a temporary
// file (past its 16 MB in memory), and returns the workbook, not yet saved or closed.
func spill(t *testing.T) *excelize.File {
	t.Helper()
	f := newBook()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	row := make([]any, 10)
	for c := range row {
		row[c] = strings.Repeat("联看评", 8)
	}
	for r := 1; r <= 40_000; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	return f
}

func spilled(dir string) []string {
	m, _ := filepath.Glob(filepath.Join(dir, "excelize-*"))
	return m
}

// An export's spilled files go into the process's own folder, never loose into the system's
// temporary folder, and are gone once the workbook is closed and the command ends.
func TestTempFilesInOwnFolder(t *testing.T) {
	base := t.TempDir()
	t.Setenv("TMPDIR", base)
	f := spill(t)
	own := filepath.Join(base, tempPrefix+strconv.Itoa(os.Getpid()))
	if len(spilled(own)) == 0 {
		t.Fatalf("nothing spilled into %s (the test wrote too little?)", own)
	}
	if loose := spilled(base); len(loose) != 0 {
		t.Errorf("spilled into the system's temporary folder: %v", loose)
	}
	if err := SaveFile(filepath.Join(base, "out.xlsx"), func(w io.Writer) error { return f.Write(w) }); err != nil {
		t.Fatal(err)
	}
	f.Close()
	if left := spilled(own); len(left) != 0 {
		t.Errorf("left after Close: %v", left)
	}
	RemoveTempDir()
	entries, _ := os.ReadDir(base)
	for _, e := range entries {
		if e.Name() != "out.xlsx" {
			t.Errorf("left behind: %s", e.Name())
		}
	}
}

// A process killed while exporting leaves its folder (and a half-written workbook beside the
// target); the next process removes both, and never those of a process still running.
func TestTempFilesOfKilledRunRemoved(t *testing.T) {
	if os.Getenv("LKP_SPILL_CHILD") != "" {
		f := spill(t)
		defer f.Close()
		part, err := os.CreateTemp(os.Getenv("LKP_SPILL_OUT"), partPrefix+strconv.Itoa(os.Getpid())+"-*.xlsx.part")
		if err != nil {
			t.Fatal(err)
		}
		part.Close()
		fmt.Println("SPILLED")
		time.Sleep(time.Minute) // killed here
		return
	}
	base, out := t.TempDir(), t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestTempFilesOfKilledRunRemoved$", "-test.v")
	cmd.Env = append(os.Environ(), "LKP_SPILL_CHILD=1", "TMPDIR="+base, "LKP_SPILL_OUT="+out)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	for sc.Scan() && sc.Text() != "SPILLED" {
	}
	cmd.Process.Kill()
	cmd.Wait()
	child := filepath.Join(base, tempPrefix+strconv.Itoa(cmd.Process.Pid))
	if len(spilled(child)) == 0 {
		t.Fatalf("the killed export left nothing in %s to remove", child)
	}
	parts, _ := filepath.Glob(filepath.Join(out, partPrefix+"*"))
	if len(parts) != 1 {
		t.Fatalf("half-written workbooks: %v", parts)
	}
	// A folder of a running process (this one) and a half-written workbook of its own stay.
	mine := filepath.Join(base, tempPrefix+strconv.Itoa(os.Getpid()))
	os.MkdirAll(mine, 0o700)
	ownPart := filepath.Join(out, partPrefix+strconv.Itoa(os.Getpid())+"-1.xlsx.part")
	os.WriteFile(ownPart, nil, 0o644)

	sweepTemp(base)
	sweepParts(out)
	if _, err := os.Stat(child); !os.IsNotExist(err) {
		t.Errorf("the killed run's folder is still there: %v", err)
	}
	if _, err := os.Stat(parts[0]); !os.IsNotExist(err) {
		t.Errorf("the killed run's half-written workbook is still there: %v", err)
	}
	if _, err := os.Stat(mine); err != nil {
		t.Errorf("the running process's folder was removed: %v", err)
	}
	if _, err := os.Stat(ownPart); err != nil {
		t.Errorf("the running process's half-written workbook was removed: %v", err)
	}
}

// bigSheet is a workbook whose one worksheet part is as large as an import takes (just under
// MaxPartSize), written by the StreamWriter without spilling.
func bigSheet(t *testing.T) []byte {
	t.Helper()
	f := newBook()
	defer f.Close()
	sw, err := f.NewStreamWriter("Sheet1")
	if err != nil {
		t.Fatal(err)
	}
	row := make([]any, 10)
	for c := range row {
		row[c] = strings.Repeat("联看评", 8)
	}
	for r := 1; r <= 12_000; r++ {
		cell, _ := excelize.CoordinatesToCellName(1, r)
		if err := sw.SetRow(cell, row); err != nil {
			t.Fatal(err)
		}
	}
	if err := sw.Flush(); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	zr, err := zip.NewReader(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name == "xl/worksheets/sheet1.xml" && (zf.UncompressedSize64 < 8<<20 || zf.UncompressedSize64 >= MaxPartSize) {
			t.Fatalf("the worksheet part is %d bytes, not just under MaxPartSize", zf.UncompressedSize64)
		}
	}
	return buf.Bytes()
}

// leftovers lists every excelize temporary file under dir, however deep.
func leftovers(dir string) []string {
	var found []string
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && strings.HasPrefix(d.Name(), "excelize-") {
			found = append(found, p)
		}
		return nil
	})
	return found
}

// An import killed while it reads the largest sheet it accepts leaves no excelize-* file
// anywhere: the opener never spills a part (UnzipXMLSizeLimit above MaxPartSize), and the
// folder the killed process made is removed by the next one.
func TestTempFilesOfKilledImport(t *testing.T) {
	if os.Getenv("LKP_IMPORT_CHILD") != "" {
		data, err := os.ReadFile(os.Getenv("LKP_IMPORT_FILE"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := OpenBytes(data, "大表.xlsx", "")
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		g, err := ReadGrid(f, "Sheet1")
		if err != nil {
			t.Fatal(err)
		}
		fmt.Println("READ", g.Rows())
		time.Sleep(time.Minute) // killed here, the workbook still open
		return
	}
	base, in := t.TempDir(), filepath.Join(t.TempDir(), "大表.xlsx")
	if err := os.WriteFile(in, bigSheet(t), 0o644); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(os.Args[0], "-test.run=^TestTempFilesOfKilledImport$", "-test.v")
	cmd.Env = append(os.Environ(), "LKP_IMPORT_CHILD=1", "TMPDIR="+base, "LKP_IMPORT_FILE="+in)
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(stdout)
	read := false
	for sc.Scan() {
		if read = strings.HasPrefix(sc.Text(), "READ "); read {
			break
		}
	}
	if !read {
		cmd.Process.Kill()
		cmd.Wait()
		t.Fatal("the child never read the workbook")
	}
	if left := leftovers(base); len(left) != 0 {
		t.Errorf("while importing: %v", left)
	}
	cmd.Process.Kill()
	cmd.Wait()
	if left := leftovers(base); len(left) != 0 {
		t.Errorf("after the kill: %v", left)
	}
	sweepTemp(base)
	if entries, _ := os.ReadDir(base); len(entries) != 0 {
		t.Errorf("left in the temporary folder after the next start: %v", entries)
	}
}

// Every workbook the package makes or opens gets the temporary folder: no bare
// excelize.NewFile or OpenReader outside tempdir.go.
func TestEveryBookHasTempDir(t *testing.T) {
	paths, _ := filepath.Glob("*.go")
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		data, _ := os.ReadFile(p)
		for i, line := range strings.Split(string(data), "\n") {
			if strings.Contains(line, "excelize.NewFile(") && p != "tempdir.go" ||
				strings.Contains(line, "excelize.OpenReader(") && !strings.Contains(line, "bookOptions(") {
				t.Errorf("%s:%d: a workbook without workbook.TempDir: %s", p, i+1, strings.TrimSpace(line))
			}
		}
	}
}
