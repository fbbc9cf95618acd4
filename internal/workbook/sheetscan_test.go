package workbook_test

import (
	"archive/zip"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/workbook"
)

// craftBook makes a one-sheet workbook whose sheet and shared strings are the given XML ("" for
// no shared-string table).
func craftBook(t testing.TB, sheetXML, sstXML string) []byte {
	t.Helper()
	parts := map[string]string{
		"[Content_Types].xml": `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>`,
		"_rels/.rels": `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
		"xl/workbook.xml": `<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>`,
		"xl/_rels/workbook.xml.rels": `<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>`,
		"xl/worksheets/sheet1.xml": sheetXML,
	}
	if sstXML != "" {
		parts["xl/sharedStrings.xml"] = sstXML
	}
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, name := range []string{"[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"} {
		body, ok := parts[name]
		if !ok {
			continue
		}
		w, err := zw.Create(name)
		if err != nil {
			t.Fatal(err)
		}
		w.Write([]byte(body))
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

const sheetHead = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><dimension ref="A1:H9"/><sheetViews><sheetView workbookViewId="0"/></sheetViews><sheetFormatPr defaultRowHeight="15"/><cols><col min="1" max="2" width="9" customWidth="1"/></cols><sheetData>`

const sheetTail = `</sheetData><mergeCells count="1"><mergeCell ref="A1:B1"/></mergeCells><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>`

const sstSample = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="9" uniqueCount="9"><si><t>编号</t></si><si><t xml:space="preserve">  两端有空格  </t></si><si><r><rPr><b/><sz val="11"/><color rgb="FFFF0000"/><rFont val="宋体"/><family val="2"/><charset val="134"/></rPr><t>富</t></r><r><t xml:space="preserve">文本 </t></r></si><si><t>007</t></si><si><t>A&amp;B &lt;c&gt; &#x4E2D;&#20013;</t></si><si><t>line_x000D_
break_x005F_x0041_</t></si><si><t>有注音</t><rPh sb="0" eb="1"><t>ヨミ</t></rPh><phoneticPr fontId="1" type="noConversion"/></si><si><t/></si><si><t>8.5</t></si></sst>`

// scanCases are sheets written as Excel, WPS, LibreOffice and the libraries write them, and as
// hand-made files do: every kind of cell the rater reader meets.
var scanCases = map[string]string{
	"shared and rich":                    `<row r="1" spans="1:8"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" s="3" t="s"><v>3</v></c><c r="E1" t="s"><v> 4 </v></c><c r="F1" t="s"><v>5</v></c><c r="G1" t="s"><v>6</v></c><c r="H1" t="s"><v>7</v></c></row><row r="2"><c r="G2" t="s"><v>8</v></c></row>`,
	"numbers and types":                  `<row r="1"><c r="A1"><v>1.50</v></c><c r="B1" t="n"><v>1E-3</v></c><c r="C1" t="b"><v>1</v></c><c r="D1" t="e"><v>#DIV/0!</v></c><c r="E1" t="d"><v>2024-12-01T00:00:00Z</v></c><c r="F1" t="str"><f>A1*2</f><v>3</v></c><c r="G1" s="4"><v>45000.5</v></c><c r="H1" t="str"><v>_x000D_ kept</v></c></row>`,
	"inline strings":                     `<row r="3"><c r="A3" t="inlineStr"><is><t>行内</t></is></c><c r="B3" t="inlineStr"><is><r><t>分</t></r><r><rPr><i val="1"/></rPr><t xml:space="preserve"> 段</t></r></is></c><c r="C3" t="inlineStr"><v>no is</v></c><c r="D3" t="inlineStr"><is><t>a_x005F_b_x0042_</t></is></c><c r="E3" t="inlineStr"><is/></c></row>`,
	"empty and styled":                   `<row r="1"><c r="A1" s="2"/><c r="B1" s="5"></c><c r="C1"><v></v></c><c r="D1"><f>SUM(A1:B1)</f></c><c r="E1" s="2" t="s"/><c r="F1"><v>x</v></c></row><row r="5" ht="20" customHeight="1"><c r="C5" s="1"/></row><row r="7"><c r="B7"><v>7</v></c></row><row r="9" s="2" customFormat="1"/>`,
	"entities, CDATA and line ends":      "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>&amp;&lt;&gt;&apos;&quot;&#65;&#x42;</v></c><c r=\"B1\" t=\"str\"><v><![CDATA[<raw> & ]]></v></c><c r=\"C1\" t=\"str\"><v>a\r\nb\rc\n</v></c><c r=\"D1\" t=\"str\"><v>x<!-- note -->y</v></c><c r=\"E1\" t=\"str\"><v>&#13;&#10;</v></c></row>",
	"no reference numbers":               `<row><c t="str"><v>a</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row><row><c><v>r2</v></c></row><row r="5"><c><v>r5</v></c></row><row><c><v>r6</v></c></row>`,
	"prefixed names":                     `<x:row r="1" xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="inlineStr"><x:is><x:t>前缀</x:t></x:is></x:c></x:row>`,
	"lower-case and absolute references": `<row r="1"><c r="b1"><v>b</v></c><c r="$D$1"><v>d</v></c><c r="XFD1"><v>last</v></c></row>`,
	"white space between tags":           "\n  <row r=\"1\">\n    <c r=\"A1\" t=\"str\">\n      <v> spaced </v>\n    </c>\n  </row>\n",
	"nested and odd":                     `<row r="1"><c r="A1"><extLst><ext uri="x"><v>inner</v></ext></extLst></c><c r="B1"><v>a<b>skip</b>c</v></c><c r="C1" t="s"><f>x</f></c></row>`,
	"wide gaps":                          `<row r="2"><c r="A2"><v>1</v></c></row><row r="1000"><c r="Z1000"><v>1000</v></c></row>`,
}

func mustOpen(t testing.TB, data []byte) *excelize.File {
	t.Helper()
	f, err := workbook.OpenBytes(data, "x.xlsx", "")
	if err != nil {
		t.Fatalf("open: %v", err)
	}
	return f
}

func TestSheetScanMatchesExcelize(t *testing.T) {
	for name, rows := range scanCases {
		t.Run(name, func(t *testing.T) {
			f := mustOpen(t, craftBook(t, sheetHead+rows+sheetTail, sstSample))
			defer f.Close()
			got, err := workbook.CompareSheetReaders(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Scanned) != 1 {
				t.Fatalf("sheet not scanned: %+v", got)
			}
		})
	}
}

// A sheet the scanner cannot read as excelize does is refused, never read otherwise.
func TestSheetScanRefuses(t *testing.T) {
	for name, rows := range map[string]string{
		"shared index past the table": `<row r="1"><c r="A1" t="s"><v>99</v></c></row>`,
		"shared index not a number":   `<row r="1"><c r="A1" t="s"><v>x</v></c></row>`,
		"unknown entity":              `<row r="1"><c r="A1" t="str"><v>&nbsp;</v></c></row>`,
		"mismatched tags":             `<row r="1"><c r="A1"><v>1</c></v></row>`,
		"rows out of order":           `<row r="2"><c r="A2"><v>1</v></c></row><row r="1"><c r="A1"><v>1</v></c></row>`,
		"bad cell reference":          `<row r="1"><c r="1A"><v>1</v></c></row>`,
		"illegal character":           "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\x01</v></c></row>",
		"character reference to NUL":  `<row r="1"><c r="A1" t="str"><v>&#0;</v></c></row>`,
		"invalid UTF-8":               "<row r=\"1\"><c r=\"A1\" t=\"str\"><v>\xff</v></c></row>",
		"unquoted attribute":          `<row r=1><c r="A1"><v>1</v></c></row>`,
		"too many rows":               `<row r="1048577"><c r="A1"><v>1</v></c></row>`,
		"bad run property":            `<row r="1"><c r="A1" t="inlineStr"><is><r><rPr><sz val="big"/></rPr><t>x</t></r></is></c></row>`,
		"truncated":                   `<row r="1"><c r="A1"><v>1</v>`,
	} {
		t.Run(name, func(t *testing.T) {
			xml := sheetHead + rows + sheetTail
			if name == "truncated" {
				xml = sheetHead + rows
			}
			f := mustOpen(t, craftBook(t, xml, sstSample))
			defer f.Close()
			got, err := workbook.CompareSheetReaders(f)
			if err != nil {
				t.Fatal(err)
			}
			if len(got.Refused) != 1 {
				t.Fatalf("not refused: %+v", got)
			}
		})
	}
	// A declared entity refuses the file before any reader sees the sheet, told as such.
	for name, prolog := range map[string]string{
		"DOCTYPE":                `<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY a "aaaa">]>`,
		"DOCTYPE behind comment": `<?xml version="1.0"?>` + "\n<!-- " + strings.Repeat("x", 5000) + " -->\n" + `<!DOCTYPE worksheet [<!ENTITY a "aaaa">]>`,
	} {
		data := craftBook(t, prolog+sheetHead[strings.Index(sheetHead, "<worksheet"):]+`<row r="1"><c r="A1" t="str"><v>&a;</v></c></row>`+sheetTail, sstSample)
		if f, err := workbook.OpenBytes(data, "x.xlsx", ""); err == nil {
			f.Close()
			t.Errorf("%s: opened", name)
		} else if !strings.Contains(err.Error(), "实体声明") || !strings.Contains(err.Error(), "x.xlsx") {
			t.Errorf("%s: %v", name, err)
		}
	}
	// The word DOCTYPE in a cell's text, or a comment mentioning it, is no declaration.
	f := mustOpen(t, craftBook(t, `<?xml version="1.0"?><!-- <!DOCTYPE x> -->`+sheetHead[strings.Index(sheetHead, "<worksheet"):]+`<row r="1"><c r="A1" t="str"><v>&lt;!DOCTYPE html&gt;</v></c></row>`+sheetTail, sstSample))
	f.Close()
}

// corpusFiles are the committed workbooks of every importer's tests and the corpus.
func corpusFiles(t testing.TB) []string {
	var files []string
	for _, dir := range []string{"testdata", filepath.Join("..", "cli", "testdata", "corpus")} {
		for _, ext := range []string{"*.xlsx", "*.xlsm"} {
			m, _ := filepath.Glob(filepath.Join(dir, ext))
			files = append(files, m...)
		}
	}
	if len(files) < 20 {
		t.Fatalf("only %d corpus files found", len(files))
	}
	return files
}

func TestSheetScanCorpus(t *testing.T) {
	scanned := 0
	for _, path := range corpusFiles(t) {
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		f, err := workbook.OpenBytes(data, filepath.Base(path), "")
		if err != nil {
			continue // refused before any sheet is read
		}
		got, err := workbook.CompareSheetReaders(f)
		f.Close()
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(path), err)
		}
		if len(got.Refused) > 0 || len(got.Fallback) > 0 {
			t.Logf("%s: refused %q, left to excelize %q", filepath.Base(path), got.Refused, got.Fallback)
		}
		scanned += len(got.Scanned)
	}
	if scanned < 30 {
		t.Errorf("only %d corpus sheets scanned", scanned)
	}
}

// The rater workbooks the program writes, filled as a rater would, read the same both ways.
func TestSheetScanRaterWorkbook(t *testing.T) {
	data := fill(t, encode(t, sampleBook(), ""), func(f *excelize.File) {
		for _, s := range f.GetSheetList() {
			f.SetCellValue(s, "G4", 8.5)
			f.SetCellValue(s, "G5", "好")
			f.SetCellValue(s, "H4", "说明 & <备注>\r\n第二行")
		}
	})
	f := mustOpen(t, data)
	defer f.Close()
	got, err := workbook.CompareSheetReaders(f)
	if err != nil {
		t.Fatal(err)
	}
	if len(got.Refused)+len(got.Fallback) > 0 || len(got.Scanned) < 3 {
		t.Fatalf("%+v", got)
	}
}

// FuzzSheetScan: whatever the sheet and shared strings, the scanner reads what excelize's
// iterator reads, or refuses the sheet.
func FuzzSheetScan(f *testing.F) {
	for _, rows := range scanCases {
		f.Add(sheetHead+rows+sheetTail, sstSample)
	}
	f.Add(sheetHead+`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`+sheetTail, `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>a</t></si></sst>`)
	f.Fuzz(func(t *testing.T, sheetXML, sstXML string) {
		book, err := workbook.OpenBytes(craftBook(t, sheetXML, sstXML), "x.xlsx", "")
		if err != nil {
			return
		}
		defer book.Close()
		if _, err := workbook.CompareSheetReaders(book); err != nil {
			t.Fatal(err)
		}
	})
}
