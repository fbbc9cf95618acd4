// Package corpus makes the hostile files the importers' tests feed them: workbooks built to
// exhaust memory or time (merged-range bombs, huge sheets, zip bombs), malformed ones
// (duplicate parts, bad shared strings, truncated files), files of other kinds under an .xlsx
// name (ods, xls, xlsb, numbers, csv, html) and things that are not files at all (FIFOs, links
// to /dev/zero, folders). It is used only by tests; nothing in the product imports it.
package corpus

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"
)

// Entry is one hostile file written into a folder.
type Entry struct {
	Path string
	// Why says what the file is, for test messages.
	Why string
	// Want is a phrase every importer's refusal must contain; "" for a readable workbook whose
	// fate depends on the importer (a roster with a chart sheet is a good roster).
	Want string
	// InCells is true when the cause lies in a sheet's cells: the rater and feedback imports,
	// which look for their hidden identity first, refuse such a file as not theirs instead.
	InCells bool
	// Folder is true for a folder, which the imports that take folders read as one.
	Folder bool
}

// Hostile writes the hostile files into dir and lists them. roster is a good roster workbook
// (e.g. shared/samples/联系片划分表.xlsx) that some entries are built from.
func Hostile(dir string, roster []byte) ([]Entry, error) {
	var out []Entry
	var firstErr error
	inCells := map[string]bool{"合并过多.xlsx": true, "宽表.xlsx": true, "稀疏远端.xlsx": true, "共享文本越界.xlsx": true, "XML错误.xlsx": true}
	add := func(name, why, want string, data []byte, err error) {
		if err == nil {
			err = os.WriteFile(filepath.Join(dir, name), data, 0o644)
		}
		if err != nil && firstErr == nil {
			firstErr = fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, Entry{Path: filepath.Join(dir, name), Why: why, Want: want, InCells: inCells[name]})
	}
	ole := func(streams ...string) []byte {
		b := append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 504)...)
		for _, s := range streams {
			b = append(b, utf16le(s)...)
			b = append(b, make([]byte, 64)...)
		}
		return b
	}

	data, err := mergeBomb()
	add("合并炸弹.xlsx", "one merged range over the whole sheet", "", data, err)
	add("合并过多.xlsx", "100,001 merged ranges", "合并单元格", manyMerges(100_001), nil)
	add("百万行.xlsx", "a million-row sheet (45 MB of XML)", "文件过大", hugeSheet(1_000_000, 1), nil)
	add("宽表.xlsx", "a sheet past the row budget", "文件过大", hugeSheet(120_000, 1), nil)
	add("稀疏远端.xlsx", "one cell at XFD1048576", "文件过大", rawWorkbook(`<row r="1048576"><c r="XFD1048576" t="inlineStr"><is><t>x</t></is></c></row>`, ""), nil)
	add("压缩炸弹.xlsx", "a zip bomb declaring 200 MB", "文件过大", zipBomb(200<<20), nil)
	add("重复部件.xlsx", "the worksheet part twice", "同名的部件", duplicateParts(), nil)
	add("共享文本越界.xlsx", "a shared-string index past the end", "无法读取", rawWorkbook(`<row r="1"><c r="A1" t="s"><v>7</v></c></row>`, ""), nil)
	add("XML错误.xlsx", "a worksheet that is not XML", "无法读取", rawWorkbook(`<row r="1"><c r="A1"><v>1</v></c></row></sheetData><<<`, ""), nil)
	add("实体膨胀.xlsx", "a billion-laughs entity declaration behind a comment", "实体声明", entityBomb(), nil)
	add("半截.xlsx", "the first half of a roster", "已损坏或不完整", roster[:len(roster)/2], nil)
	add("空文件.xlsx", "zero bytes", "空的", nil, nil)
	add("表格.ods.xlsx", "an OpenDocument spreadsheet", ".ods", zipOf(map[string]string{"mimetype": "application/vnd.oasis.opendocument.spreadsheet", "content.xml": "<office:document-content/>"}), nil)
	add("旧版.xlsx", "a legacy .xls renamed", "旧版", ole("Workbook", "SummaryInformation"), nil)
	add("旧版WPS.et", "a WPS .et", "旧版", ole("Workbook"), nil)
	add("二进制.xlsx", "an .xlsb renamed", ".xlsb", zipOf(map[string]string{"[Content_Types].xml": "<Types/>", "xl/workbook.bin": "\x83\x01\x00"}), nil)
	add("苹果.xlsx", "an Apple Numbers file", "Numbers", zipOf(map[string]string{"Index/Document.iwa": "\x00\x01", "Metadata/Properties.plist": "x"}), nil)
	add("导出.xlsx", "a CSV under an .xlsx name", "CSV", []byte("姓名,单位,职务\n张三,区委办,科员\n"), nil)
	add("网页.xlsx", "an HTML table under an .xlsx name", "网页", []byte("<html><body><table><tr><td>姓名</td></tr></table></body></html>"), nil)
	add("文档.xlsx", "a Word document renamed", "文字文档", zipOf(map[string]string{"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"}), nil)
	add("随机.xlsx", "random bytes", "不是 Excel 工作簿", bytes.Repeat([]byte{0x01, 0x9c, 0xff, 0x00}, 300), nil)
	enc, err := encrypted(roster, "secret")
	add("加密.xlsx", "a roster with an opening password", "密码", enc, err)
	if err == nil {
		add("加密半截.xlsx", "the first half of an encrypted roster", "密码", enc[:len(enc)/2], nil)
	}
	data, err = withChartSheet(roster)
	add("带图表.xlsx", "a roster with a chart sheet", "", data, err)

	// Not regular files: each must be refused at once, never read.
	fifo := filepath.Join(dir, "管道.xlsx")
	if err := mkfifo(fifo); err == nil {
		out = append(out, Entry{Path: fifo, Why: "a FIFO", Want: "不是普通文件"})
	}
	zero := filepath.Join(dir, "零.xlsx")
	if err := os.Symlink("/dev/zero", zero); err == nil {
		out = append(out, Entry{Path: zero, Why: "a link to /dev/zero", Want: "不是普通文件"})
	}
	folder := filepath.Join(dir, "文件夹.xlsx")
	if err := os.Mkdir(folder, 0o755); err == nil {
		out = append(out, Entry{Path: folder, Why: "a folder named .xlsx", Want: "文件夹", Folder: true})
	}
	broken := filepath.Join(dir, "断链.xlsx")
	if err := os.Symlink(filepath.Join(dir, "不存在"), broken); err == nil {
		out = append(out, Entry{Path: broken, Why: "a dangling link", Want: "不存在"})
	}
	if os.Geteuid() != 0 { // root reads any file, so an unreadable one cannot be made
		locked := filepath.Join(dir, "无权限.xlsx")
		if err := os.WriteFile(locked, roster, 0o000); err == nil {
			out = append(out, Entry{Path: locked, Why: "a file without read permission", Want: "没有权限"})
		}
	}
	return out, firstErr
}

func utf16le(s string) []byte {
	var b []byte
	for _, u := range utf16.Encode([]rune(s)) {
		b = append(b, byte(u), byte(u>>8))
	}
	return b
}

// zipOf zips the parts in name order, as given.
func zipOf(parts map[string]string) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range sortedKeys(parts) {
		w, _ := zw.Create(name)
		io.WriteString(w, parts[name])
	}
	zw.Close()
	return buf.Bytes()
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	for i := 1; i < len(keys); i++ {
		for j := i; j > 0 && keys[j] < keys[j-1]; j-- {
			keys[j], keys[j-1] = keys[j-1], keys[j]
		}
	}
	return keys
}

const (
	contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`
	rootRels     = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`
	workbookXML  = `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`
	workbookRels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`
	sheetHead    = `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>`
)

// rawWorkbook is a one-sheet workbook whose sheetData holds rows and which ends with tail
// (e.g. mergeCells) — XML written by hand, so that it can be anything.
func rawWorkbook(rows, tail string) []byte {
	return zipOf(map[string]string{
		"[Content_Types].xml":        contentTypes,
		"_rels/.rels":                rootRels,
		"xl/workbook.xml":            workbookXML,
		"xl/_rels/workbook.xml.rels": workbookRels,
		"xl/worksheets/sheet1.xml":   sheetHead + rows + "</sheetData>" + tail + "</worksheet>",
	})
}

// entityBomb is a workbook whose worksheet declares nested entities that would expand to a
// billion "lol"s, hidden behind a comment in the prolog.
func entityBomb() []byte {
	var dtd strings.Builder
	dtd.WriteString(`<!DOCTYPE worksheet [<!ENTITY lol0 "lol">`)
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&dtd, `<!ENTITY lol%d "%s">`, i, strings.Repeat(fmt.Sprintf("&lol%d;", i-1), 10))
	}
	dtd.WriteString(`]>`)
	head := strings.Replace(sheetHead, "?>", "?>\n<!-- "+strings.Repeat("padding ", 100)+"-->\n"+dtd.String(), 1)
	return zipOf(map[string]string{
		"[Content_Types].xml":        contentTypes,
		"_rels/.rels":                rootRels,
		"xl/workbook.xml":            workbookXML,
		"xl/_rels/workbook.xml.rels": workbookRels,
		"xl/worksheets/sheet1.xml":   head + `<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row></sheetData></worksheet>`,
	})
}

// mergeBomb is a 1 KB workbook whose one merged range covers A1:XFD1048576 (written by hand:
// excelize's own MergeCell would fill the range while building it).
func mergeBomb() ([]byte, error) {
	return rawWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>联系片</t></is></c></row><row r="2"><c r="B2" t="inlineStr"><is><t>成员单位</t></is></c></row>`,
		`<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>`), nil
}

// manyMerges is a small sheet with n overlapping merged ranges, which a quadratic merge reader
// would take hours over.
func manyMerges(n int) []byte {
	var b strings.Builder
	fmt.Fprintf(&b, `<mergeCells count="%d">`, n)
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, `<mergeCell ref="A%d:C%d"/>`, i+1, i+3)
	}
	b.WriteString(`</mergeCells>`)
	return rawWorkbook(`<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>`, b.String())
}

// hugeSheet is a sheet of rows × cols small numbers, deflated.
func hugeSheet(rows, cols int) []byte {
	var b strings.Builder
	b.Grow(rows * cols * 30)
	for r := 1; r <= rows; r++ {
		fmt.Fprintf(&b, `<row r="%d">`, r)
		for c := 1; c <= cols; c++ {
			n, _ := excelize.CoordinatesToCellName(c, r)
			fmt.Fprintf(&b, `<c r="%s"><v>%d</v></c>`, n, r)
		}
		b.WriteString(`</row>`)
	}
	return rawWorkbook(b.String(), "")
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// zipBomb is a workbook whose sheet declares n bytes of zeros, honestly: it compresses to a
// few hundred KB.
func zipBomb(n int64) []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, p := range [][2]string{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}, {"xl/workbook.xml", workbookXML}, {"xl/_rels/workbook.xml.rels", workbookRels}} {
		w, _ := zw.Create(p[0])
		io.WriteString(w, p[1])
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	io.CopyN(w, zeros{}, n)
	zw.Close()
	return buf.Bytes()
}

// duplicateParts is a workbook whose worksheet is stored twice with different contents.
func duplicateParts() []byte {
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, p := range [][2]string{{"[Content_Types].xml", contentTypes}, {"_rels/.rels", rootRels}, {"xl/workbook.xml", workbookXML}, {"xl/_rels/workbook.xml.rels", workbookRels},
		{"xl/worksheets/sheet1.xml", sheetHead + `<row r="1"><c r="A1"><v>1</v></c></row></sheetData></worksheet>`},
		{"xl/worksheets/sheet1.xml", sheetHead + `<row r="1"><c r="A1"><v>2</v></c></row></sheetData></worksheet>`}} {
		w, _ := zw.Create(p[0])
		io.WriteString(w, p[1])
	}
	zw.Close()
	return buf.Bytes()
}

// encrypted is a workbook saved with an opening password.
func encrypted(data []byte, password string) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var buf bytes.Buffer
	if err := f.Write(&buf, excelize.Options{Password: password}); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

// withChartSheet adds a chart sheet to a workbook, as a user who charted the roster would.
func withChartSheet(data []byte) ([]byte, error) {
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	first := f.GetSheetList()[0]
	ref := fmt.Sprintf("'%s'!$A$2:$A$4", first)
	if err := f.AddChartSheet("图表1", &excelize.Chart{Type: excelize.Col, Series: []excelize.ChartSeries{{Name: "x", Categories: ref, Values: ref}}}); err != nil {
		return nil, err
	}
	buf, err := f.WriteToBuffer()
	if err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}
