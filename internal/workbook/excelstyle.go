package workbook

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"io/fs"
	"regexp"
	"slices"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
)

// ExcelStyle rewrites the few parts of an xlsx that excelize writes differently from Excel, so
// that readers stricter than Excel take the workbook as Excel would:
//
//   - docProps/core.xml with its own elements under the cp: prefix, the way Excel writes it
//     (ExcelJS refuses the default-namespace form: "Unexpected xml node in parseOpen:
//     lastModifiedBy");
//   - sheet, workbook and cell protection flags as 1/0 rather than true/false (ExcelJS reads
//     only 1 as set, and so drops every protection a file has otherwise).
//
// Parts it does not change are copied as they are, still compressed. Anything that is not a
// zip (an encrypted workbook) comes back unchanged: its readers are Excel-grade.
func ExcelStyle(data []byte) ([]byte, error) {
	if !bytes.HasPrefix(data, zipMagic) {
		return data, nil
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		return nil, fmt.Errorf("excel style: %w", err)
	}
	if zr.Comment == styledComment {
		return data, nil // written through fastZip: already in Excel's style
	}
	var out bytes.Buffer
	out.Grow(len(data) + 1024)
	zw := pooledZip(&out)
	for _, f := range zr.File {
		fix := partFix(f.Name)
		if fix != nil {
			done, err := rewritePart(zw, f, fix)
			if err != nil {
				return nil, err
			}
			if done {
				continue
			}
		}
		if err := copyPart(zw, f); err != nil {
			return nil, err
		}
	}
	if err := zw.Close(); err != nil {
		return nil, fmt.Errorf("excel style: %w", err)
	}
	return out.Bytes(), nil
}

// styledComment is the zip comment of a workbook written through fastZip, whose parts are in
// Excel's style already: SaveFile then has nothing to redo.
const styledComment = "liankanping: excel style"

// fastZip is the zip writer of the large exports (rater workbooks): pooled fast deflate, and
// each part put in Excel's style before it is compressed, which costs far less than
// ExcelStyle's decompressing and compressing again afterwards.
func fastZip(w io.Writer) excelize.ZipWriter { return &styledZip{zw: pooledZip(w)} }

// fastZipWith is fastZip that also adds definedNames (<definedName> elements) to the
// workbook part.
func fastZipWith(definedNames string) func(io.Writer) excelize.ZipWriter {
	return func(w io.Writer) excelize.ZipWriter {
		return &styledZip{zw: pooledZip(w), definedNames: definedNames}
	}
}

// withDefinedNames adds names to a workbook part: into its <definedNames>, or as one after
// <sheets>.
func withDefinedNames(names string, fix func([]byte) []byte) func([]byte) []byte {
	return func(data []byte) []byte {
		data = fix(data)
		if i := bytes.Index(data, []byte("</definedNames>")); i >= 0 {
			return slices.Concat(data[:i], []byte(names), data[i:])
		}
		if i := bytes.Index(data, []byte("</sheets>")); i >= 0 {
			i += len("</sheets>")
			return slices.Concat(data[:i], []byte("<definedNames>"+names+"</definedNames>"), data[i:])
		}
		return data
	}
}

// styledZip holds a part that needs a rewrite until the next part starts, then writes it fixed.
type styledZip struct {
	zw      *zip.Writer
	name    string
	fix     func([]byte) []byte
	buf     bytes.Buffer
	pending bool
	// definedNames are added to the workbook part (fastZipWith).
	definedNames string
}

func (z *styledZip) flush() error {
	if !z.pending {
		return nil
	}
	z.pending = false
	w, err := z.zw.Create(z.name)
	if err != nil {
		return err
	}
	_, err = w.Write(z.fix(z.buf.Bytes()))
	z.buf.Reset()
	return err
}

// Create starts a part.
func (z *styledZip) Create(name string) (io.Writer, error) {
	if err := z.flush(); err != nil {
		return nil, err
	}
	if fix := partFix(name); fix != nil {
		if name == "xl/workbook.xml" && z.definedNames != "" {
			fix = withDefinedNames(z.definedNames, fix)
		}
		z.name, z.fix, z.pending = name, fix, true
		return &z.buf, nil
	}
	return z.zw.Create(name)
}

// AddFS adds the files of fsys as they are.
func (z *styledZip) AddFS(fsys fs.FS) error {
	if err := z.flush(); err != nil {
		return err
	}
	return z.zw.AddFS(fsys)
}

// Close writes the last part and the zip's directory, marked as styled.
func (z *styledZip) Close() error {
	if err := z.flush(); err != nil {
		return err
	}
	if err := z.zw.SetComment(styledComment); err != nil {
		return err
	}
	return z.zw.Close()
}

// partFix is the rewrite of a part, or nil for a part kept as it is.
func partFix(name string) func([]byte) []byte {
	switch {
	case name == "docProps/core.xml":
		return corePrefixed
	case name == "xl/styles.xml":
		return flagsIn(cellProtection)
	case name == "xl/workbook.xml":
		return flagsIn(workbookProtection)
	case strings.HasPrefix(name, "xl/worksheets/") && strings.HasSuffix(name, ".xml"):
		return flagsIn(sheetProtection)
	}
	return nil
}

// rewritePart writes f through fix; it reports false, writing nothing, when fix changes nothing.
func rewritePart(zw *zip.Writer, f *zip.File, fix func([]byte) []byte) (bool, error) {
	rc, err := f.Open()
	if err != nil {
		return false, fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	b, err := io.ReadAll(rc)
	rc.Close()
	if err != nil {
		return false, fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	nb := fix(b)
	if bytes.Equal(nb, b) {
		return false, nil
	}
	w, err := zw.CreateHeader(&zip.FileHeader{Name: f.Name, Method: zip.Deflate, Modified: f.Modified})
	if err != nil {
		return false, fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	if _, err := w.Write(nb); err != nil {
		return false, fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	return true, nil
}

// copyPart copies a part without decompressing it.
func copyPart(zw *zip.Writer, f *zip.File) error {
	r, err := f.OpenRaw()
	if err != nil {
		return fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	h := f.FileHeader
	w, err := zw.CreateRaw(&h)
	if err != nil {
		return fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	if _, err := io.Copy(w, r); err != nil {
		return fmt.Errorf("excel style %s: %w", f.Name, err)
	}
	return nil
}

const coreNS = `xmlns="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`

// coreElements are the elements of the core-properties namespace itself (the others are dc:
// and dcterms:, already prefixed).
var coreElements = regexp.MustCompile(`<(/?)(coreProperties|lastModifiedBy|category|contentStatus|keywords|lastPrinted|revision|version)([\s/>])`)

// corePrefixed puts the core-properties elements under the cp: prefix, as Excel writes them.
func corePrefixed(b []byte) []byte {
	if !bytes.Contains(b, []byte(coreNS)) {
		return b
	}
	b = bytes.Replace(b, []byte(coreNS), []byte(`xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"`), 1)
	return coreElements.ReplaceAll(b, []byte("<${1}cp:${2}${3}"))
}

// The elements whose true/false flags Excel writes as 1/0.
const (
	sheetProtection    = "<sheetProtection "
	workbookProtection = "<workbookProtection "
	cellProtection     = "<protection "
)

var boolFlags = strings.NewReplacer(`="true"`, `="1"`, `="false"`, `="0"`)

// flagsIn writes the true/false attributes of every element that starts with el as 1/0. It
// looks for the element by its literal start: a sheet's XML is large, the element rare.
func flagsIn(el string) func([]byte) []byte {
	start := []byte(el)
	return func(b []byte) []byte {
		var out []byte
		rest := b
		for {
			i := bytes.Index(rest, start)
			if i < 0 {
				break
			}
			end := bytes.IndexByte(rest[i:], '>')
			if end < 0 {
				break
			}
			if out == nil {
				out = make([]byte, 0, len(b)+16)
			}
			out = append(out, rest[:i]...)
			out = append(out, boolFlags.Replace(string(rest[i:i+end+1]))...)
			rest = rest[i+end+1:]
		}
		if out == nil {
			return b
		}
		return append(out, rest...)
	}
}

// pooledZip compresses at deflate's fastest level, with compressors taken from a pool: the
// files are small either way, and the default level and a new compressor (about a megabyte of
// tables) for each of a workbook's ~80 parts cost most of an export's time.
func pooledZip(w io.Writer) *zip.Writer {
	zw := zip.NewWriter(w)
	zw.RegisterCompressor(zip.Deflate, func(out io.Writer) (io.WriteCloser, error) {
		fw, _ := flatePool.Get().(*flate.Writer)
		if fw == nil {
			var err error
			if fw, err = flate.NewWriter(out, flate.BestSpeed); err != nil {
				return nil, err
			}
		} else {
			fw.Reset(out)
		}
		return &pooledFlate{fw}, nil
	})
	return zw
}

var flatePool sync.Pool

// pooledFlate returns its compressor to the pool when closed.
type pooledFlate struct{ *flate.Writer }

func (p *pooledFlate) Close() error {
	err := p.Writer.Close()
	flatePool.Put(p.Writer)
	p.Writer = nil
	return err
}
