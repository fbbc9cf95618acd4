package workbook

import (
	"archive/zip"
	"bytes"
	"fmt"
	"io"
	"regexp"
	"strings"
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
	var out bytes.Buffer
	out.Grow(len(data) + 1024)
	zw := fastZip(&out).(*zip.Writer)
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

var (
	sheetProtection    = regexp.MustCompile(`<sheetProtection\s[^>]*>`)
	workbookProtection = regexp.MustCompile(`<workbookProtection\s[^>]*>`)
	cellProtection     = regexp.MustCompile(`<protection\s[^>]*>`)
	boolFlags          = strings.NewReplacer(`="true"`, `="1"`, `="false"`, `="0"`)
)

// flagsIn writes the true/false attributes of the elements el matches as 1/0.
func flagsIn(el *regexp.Regexp) func([]byte) []byte {
	return func(b []byte) []byte {
		return el.ReplaceAllFunc(b, func(m []byte) []byte { return []byte(boolFlags.Replace(string(m))) })
	}
}
