package exchange_test

import (
	"archive/zip"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/exchange"
)

// FuzzImport feeds the importer any bytes: a whole file (input starting with "PK"), or
// "part\n" followed by the new content of one part of a real exported workbook (its metadata
// sheet, a unit sheet, the workbook or the styles), zipped again correctly so that the
// mutations reach the XML and not only the zip's checksums. Every input must end in a report:
// refused with a message, or read; never a panic of ours, never a write. Panics inside excelize
// are turned into refusals by the importer and only inputs that panic in our code fail.
//
//	go test -run '^$' -fuzz FuzzImport -fuzztime 20s -fuzzminimizetime 0 ./internal/exchange
//
// (-fuzzminimizetime 0: an input takes milliseconds and is tens of KB, so minimizing each new
// interesting one for the default minute would leave the fuzzer idle most of the run.)
func FuzzImport(f *testing.F) {
	fx := mustFixture(f)
	src := fx.export(f, fx.round, "")["李四"]
	filled := edit(f, src, "filled.xlsx", func(x *excelize.File) {
		set(x, "教体局", "G4", 8.5)
		set(x, "财政局", "G5", "好")
		set(x, "区委办", "G6", "九十")
	})
	seed, _ := os.ReadFile(src)
	seedFilled, _ := os.ReadFile(filled)
	f.Add(seed)
	f.Add(seedFilled)
	parts := unzipParts(f, seed)
	for name, body := range parts {
		if strings.HasPrefix(name, "xl/worksheets/") || name == "xl/workbook.xml" || name == "xl/styles.xml" {
			f.Add(append([]byte(name+"\n"), body...))
		}
	}
	exchange.SetPanicHook(func(p any, stack []byte) {
		if frame := panickingFrame(string(stack)); strings.HasPrefix(frame, "liankanping/") {
			f.Fatalf("panic in our code at %s: %v\n%s", frame, p, stack)
		}
	})
	before := fx.snapshot(f)
	dir := f.TempDir()
	f.Fuzz(func(t *testing.T, in []byte) {
		data := in
		if !bytes.HasPrefix(in, []byte("PK")) {
			name, body, ok := bytes.Cut(in, []byte("\n"))
			if !ok || len(name) == 0 || len(name) > 200 {
				return
			}
			data = rezip(t, parts, string(name), body)
		}
		path := filepath.Join(dir, "fuzz.xlsx")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		rep, err := fx.svc.Preview(exchange.ImportRequest{Paths: []string{path}}, nil)
		if err != nil {
			t.Fatalf("preview failed instead of refusing the file: %v", err)
		}
		r := rep.Files[0]
		switch r.Status {
		case exchange.StatusRefused:
			if len(r.Problems) == 0 || r.Problems[0].Message == "" {
				t.Fatalf("refused without a message: %+v", r)
			}
		case exchange.StatusPreview, exchange.StatusUnchanged:
			if len(r.Problems) > 0 || r.Rater == "" {
				t.Fatalf("accepted with problems or no rater: %+v", r)
			}
		default:
			t.Fatalf("status %q", r.Status)
		}
	})
	if fx.snapshot(f) != before {
		f.Fatal("a preview wrote to the database")
	}
}

// panickingFrame is the function that panicked, read from a goroutine's stack.
func panickingFrame(stack string) string {
	lines := strings.Split(stack, "\n")
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") && i+2 < len(lines) {
			return lines[i+2]
		}
	}
	return ""
}

func unzipParts(t testing.TB, data []byte) map[string][]byte {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	out := map[string][]byte{}
	for _, zf := range zr.File {
		rc, _ := zf.Open()
		out[zf.Name], _ = io.ReadAll(rc)
		rc.Close()
	}
	return out
}

// rezip zips parts again, with one part replaced (or added) unless name is "".
func rezip(t testing.TB, parts map[string][]byte, name string, body []byte) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	put := func(n string, b []byte) {
		w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Store})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(b)
	}
	for n, b := range parts {
		if n != name {
			put(n, b)
		}
	}
	if name != "" {
		put(name, body)
	}
	zw.Close()
	return buf.Bytes()
}
