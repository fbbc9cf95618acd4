package workbook

import (
	"errors"
	"reflect"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"weak"

	"github.com/xuri/excelize/v2"
)

// The reader of returned rater workbooks' sheets. excelize's row iterator is built on
// encoding/xml, whose tokenizer cost most of an import (docs/benchmarks.md); the rater reader reads the
// same sheet XML with xmlScan (scannedRows) and gives, row by row, exactly the values excelize's iterator
// gives with raw cell values (TestSheetScanMatchesExcelize, FuzzSheetScan): a shared string as
// excelize's own table has it, an inline string's text and runs with _xHHHH_ escapes decoded,
// any other cell its <v> as written. It refuses what the iterator would pass over in silence or
// misread: any XML error (excelize stops the sheet there without a word), a shared-string index
// that is not a number of the table (excelize reads it as blank or as the first string), row
// numbers that do not increase, attributes excelize could not parse. Anything it cannot be sure
// to read as excelize does — a sheet excelize spilled to a temporary file, a part it cannot
// find — goes to excelize's iterator.

// rowIterator is what the rater reader needs of a sheet's rows; *excelize.Rows is one.
type rowIterator interface {
	Next() bool
	Columns(opts ...excelize.Options) ([]string, error)
	Error() error
	Close() error
}

// errSheetXML is the error of a sheet the scanner refused; the detail goes to the log.
var errSheetXML = errors.New("工作表的内容已损坏")

// cellUnreadable is the error of a sheet refused for one cell (a shared string that is not in
// the table): the rater reader names the cell.
type cellUnreadable struct{ cell string }

func (e cellUnreadable) Error() string {
	return "单元格 " + e.cell + " 的内容无法读取（文件已损坏）"
}

// sheetProblem is where and why a sheet that could not be read is refused.
func sheetProblem(err error) (cell, msg string) {
	var c cellUnreadable
	if errors.As(err, &c) {
		return c.cell, "单元格的内容无法读取（文件已损坏）"
	}
	return "", "工作表无法读取（文件可能已损坏）"
}

// scannedRows opens the rows of a sheet of f for reading.
func scannedRows(f *excelize.File, sheet string) (rowIterator, error) {
	it, err := f.Rows(sheet)
	if err != nil {
		return nil, err
	}
	raw := pkgBytes(f, rowsPart(it))
	if raw == nil {
		return it, nil
	}
	// The shared strings as excelize reads them: its iterator parses the table, and reports a
	// broken one, when it reads the first row it finds (which costs little: only the top of the
	// sheet; the rows before it are numbers counted up).
	for f.SharedStrings == nil && it.Next() {
		if _, err := it.Columns(excelize.Options{RawCellValue: true}); err != nil {
			closeQuietly(it)
			return nil, err
		}
	}
	closeQuietly(it)
	sc := &scanRows{sc: newXMLScan(raw), file: fileStrings(f), sheet: sheet}
	return sc, nil
}

// rowsPart is the part excelize's iterator reads (its unexported field; "" if a future
// excelize names it otherwise, and then excelize's own iterator is used), or "" when the
// iterator reads a temporary file.
func rowsPart(it *excelize.Rows) string {
	v := reflect.ValueOf(it).Elem()
	part, tmp := v.FieldByName("sheet"), v.FieldByName("tempFile")
	if part.Kind() != reflect.String || !tmp.IsValid() || !tmp.IsNil() {
		return ""
	}
	return part.String()
}

// sharedText is one file's shared strings as excelize reads them, decoded once for every
// sheet, and the sheets read by the scanner.
type sharedText struct {
	f       *excelize.File
	mu      sync.Mutex
	strs    []string
	scanned map[string]bool
}

func (t *sharedText) get(i int) (string, bool) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.strs == nil && t.f.SharedStrings != nil {
		t.strs = make([]string, len(t.f.SharedStrings.SI))
		for i := range t.f.SharedStrings.SI {
			t.strs[i] = t.f.SharedStrings.SI[i].String()
		}
	}
	if i < 0 || i >= len(t.strs) {
		return "", false
	}
	return t.strs[i], true
}

// filesText holds a sharedText for each workbook being read, dropped when the workbook is
// collected (files are read two at a time).
var filesText struct {
	sync.Mutex
	m map[weak.Pointer[excelize.File]]*sharedText
}

func fileStrings(f *excelize.File) *sharedText {
	key := weak.Make(f)
	filesText.Lock()
	defer filesText.Unlock()
	if t := filesText.m[key]; t != nil {
		return t
	}
	if filesText.m == nil {
		filesText.m = map[weak.Pointer[excelize.File]]*sharedText{}
	}
	t := &sharedText{f: f, scanned: map[string]bool{}}
	filesText.m[key] = t
	runtime.AddCleanup(f, func(k weak.Pointer[excelize.File]) {
		filesText.Lock()
		delete(filesText.m, k)
		filesText.Unlock()
	}, key)
	return t
}

// sheetScanned tells whether the scanner read the sheet of f whole: then every shared-string
// index in it was checked.
func sheetScanned(f *excelize.File, sheet string) bool {
	filesText.Lock()
	t := filesText.m[weak.Make(f)]
	filesText.Unlock()
	if t == nil {
		return false
	}
	t.mu.Lock()
	defer t.mu.Unlock()
	return t.scanned[sheet]
}

// scanRows iterates over a sheet's rows as excelize.Rows does: Next for each row number from
// 1 to the last row, Columns giving the row's cells (nil for a row the file leaves out).
type scanRows struct {
	sc    *xmlScan
	file  *sharedText
	sheet string
	err   error
	// seek is the row number Next moved to; row is the row read ahead, its number rowNum.
	seek, rowNum int
	have, done   bool
	row          []string
	// inRow: the start tag of row nextNum was read, its cells not yet.
	inRow   bool
	nextNum int
	// A cell being read.
	cellV  []byte
	cellIS []byte
	hasF   bool
	hasV   bool
	isSet  bool
}

func (r *scanRows) Close() error { return nil }
func (r *scanRows) Error() error { return r.err }

func (r *scanRows) refuse(detail string) bool {
	return r.refuseWith(detail, errSheetXML)
}

func (r *scanRows) refuseWith(detail string, err error) bool {
	if r.err == nil {
		Logf("workbook: read sheet %s: %s", r.sheet, detail)
		r.err = err
	}
	r.done = true
	return false
}

func (r *scanRows) xmlError() bool {
	if r.sc.err != nil {
		return r.refuse(r.sc.err.Error())
	}
	return r.refuse("unexpected end of the sheet")
}

func (r *scanRows) Next() bool {
	if r.err != nil {
		return false
	}
	r.seek++
	if !r.have && !r.readRow() {
		if r.err == nil {
			r.file.mu.Lock()
			r.file.scanned[r.sheet] = true
			r.file.mu.Unlock()
		}
		return false
	}
	return true
}

func (r *scanRows) Columns(...excelize.Options) ([]string, error) {
	if r.err != nil {
		return nil, r.err
	}
	if !r.have || r.rowNum > r.seek {
		return nil, nil
	}
	r.have = false
	return r.row, nil
}

// rowNumber reads a row's r attribute; 0 when it has none.
func rowNumber(attrs []xmlAttr) (int, bool) {
	n := 0
	for _, a := range attrs {
		if string(a.local) == "r" {
			v, ok := plainUint(a.value, excelize.TotalRows)
			if !ok || v == 0 {
				return 0, false
			}
			n = v
		}
	}
	return n, true
}

// plainUint reads digits only, at most max.
func plainUint(b []byte, max int) (int, bool) {
	if len(b) == 0 || len(b) > 10 {
		return 0, false
	}
	n := 0
	for _, c := range b {
		if c < '0' || c > '9' {
			return 0, false
		}
		n = n*10 + int(c-'0')
	}
	return n, n <= max
}

// startRow reads the number of the row whose start tag was just read: its r, or the one after
// the row before; numbers must increase.
func (r *scanRows) startRow(prev int) (int, bool) {
	n, ok := rowNumber(r.sc.attrs)
	if !ok {
		return 0, r.refuse("invalid row number")
	}
	if n == 0 {
		n = prev + 1
	}
	if n <= prev || n > excelize.TotalRows {
		return 0, r.refuse("row numbers out of order")
	}
	return n, true
}

// readRow reads ahead the next row in the file, with its cells.
func (r *scanRows) readRow() bool {
	if r.done {
		return false
	}
	sc := r.sc
	for !r.inRow {
		switch sc.next() {
		case tokStart:
			if string(sc.local) == "row" {
				n, ok := r.startRow(r.rowNum)
				if !ok {
					return false
				}
				r.nextNum, r.inRow = n, true
			}
		case tokEnd:
			if string(sc.local) == "sheetData" {
				r.done = true
				return false
			}
		case tokEOF:
			r.done = true
			return false
		case tokErr:
			return r.xmlError()
		}
	}
	r.inRow, r.rowNum = false, r.nextNum
	r.row = nil
	col := 0
	for {
		switch sc.next() {
		case tokStart:
			switch string(sc.local) {
			case "row":
				// The next row begins: this one is whole.
				n, ok := r.startRow(r.rowNum)
				if !ok {
					return false
				}
				r.nextNum, r.inRow, r.have = n, true, true
				return true
			case "c":
				if !r.readCell(&col) {
					return false
				}
			}
		case tokEnd:
			if string(sc.local) == "sheetData" {
				r.done, r.have = true, true
				return true
			}
		case tokEOF:
			r.done, r.have = true, true
			return true
		case tokErr:
			return r.xmlError()
		}
	}
}

// readCell reads a cell whose start tag was just read, as excelize's cellXMLHandler and
// getValueFrom read it with raw values, and adds its value to the row.
func (r *scanRows) readCell(col *int) bool {
	sc := r.sc
	var ref, typ []byte
	for _, a := range sc.attrs {
		switch string(a.local) {
		case "r":
			ref = a.value
		case "t":
			typ = a.value
		case "s":
			if _, err := strconv.ParseInt(string(a.value), 10, 64); err != nil {
				return r.refuse("invalid cell style")
			}
		}
	}
	*col++
	if len(ref) > 0 {
		c, ok := cellColumn(ref)
		if !ok {
			return r.refuse("invalid cell reference")
		}
		*col = c
	}
	// The attributes are the scanner's, reused by the next tag: keep what the type says.
	shared, inlineStr := string(typ) == "s", string(typ) == "inlineStr"
	r.hasF, r.hasV, r.isSet = false, false, false
	r.cellV = r.cellV[:0]
	var inline *string
	if !sc.pendEnd {
		for depth := 1; depth > 0; {
			switch sc.next() {
			case tokStart:
				switch string(sc.local) {
				case "v":
					if r.hasV {
						return r.refuse("a cell with two values")
					}
					r.hasV = true
					if !r.readValue() {
						return false
					}
				case "f":
					if !checkFormulaAttrs(sc.attrs) {
						return r.refuse("invalid formula attributes")
					}
					r.hasF = true
					if !sc.skip() {
						return r.xmlError()
					}
				case "is":
					if inline != nil {
						return r.refuse("a cell with two inline strings")
					}
					s, ok := r.readInline()
					if !ok {
						return false
					}
					inline = &s
				default:
					depth++
				}
			case tokEnd:
				depth--
			case tokErr, tokEOF:
				return r.xmlError()
			}
		}
	} else if sc.next() != tokEnd {
		return r.xmlError()
	}
	var val string
	switch {
	case shared:
		if len(r.cellV) > 0 {
			bad := cellUnreadable{CellName(r.rowNum-1, *col-1)}
			i, err := strconv.Atoi(strings.TrimSpace(string(r.cellV)))
			if err != nil {
				return r.refuseWith("shared string index "+strconv.Quote(string(r.cellV)), bad)
			}
			s, ok := r.file.get(i)
			if !ok {
				return r.refuseWith("shared string index "+strconv.Itoa(i)+" out of the table", bad)
			}
			val = s
		}
	case inlineStr:
		if inline != nil {
			val = *inline
		} else {
			val = string(r.cellV)
		}
	default:
		val = string(r.cellV)
	}
	if val != "" || r.hasF {
		for len(r.row) < *col-1 {
			r.row = append(r.row, "")
		}
		r.row = append(r.row, val)
	}
	return true
}

// readValue reads a <v>: its own text, as encoding/xml decodes an element into a string
// (the text of elements inside it is left out).
func (r *scanRows) readValue() bool {
	sc := r.sc
	if sc.pendEnd {
		return sc.next() == tokEnd || r.xmlError()
	}
	for depth := 1; depth > 0; {
		switch sc.next() {
		case tokText:
			if depth == 1 {
				r.cellV = append(r.cellV, sc.text...)
			}
		case tokStart:
			depth++
		case tokEnd:
			depth--
		default:
			return r.xmlError()
		}
	}
	return true
}

// readInline reads an <is> as excelize's xlsxSI and gives its String(): the text of its last
// <t>, then of each run's last <t>, with _xHHHH_ escapes decoded. The run and phonetic
// properties excelize decodes are checked as it would parse them.
func (r *scanRows) readInline() (string, bool) {
	sc := r.sc
	if sc.pendEnd {
		return "", sc.next() == tokEnd || r.xmlError()
	}
	var t []byte
	var runs [][]byte
	hasT := false
	for {
		switch sc.next() {
		case tokStart:
			switch string(sc.local) {
			case "t":
				v, ok := r.elementText()
				if !ok {
					return "", false
				}
				t, hasT = v, true
			case "r":
				v, ok := r.readRun()
				if !ok {
					return "", false
				}
				runs = append(runs, v)
			case "rPh":
				if !checkTyped(sc.attrs, phoneticRunAttrs) {
					return "", r.refuse("invalid phonetic run")
				}
				if !sc.skip() {
					return "", r.xmlError()
				}
			case "phoneticPr":
				if !checkTyped(sc.attrs, phoneticPrAttrs) {
					return "", r.refuse("invalid phonetic properties")
				}
				if !sc.skip() {
					return "", r.xmlError()
				}
			default:
				if !sc.skip() {
					return "", r.xmlError()
				}
			}
		case tokEnd:
			var b strings.Builder
			if hasT {
				b.Write(t)
			}
			for _, run := range runs {
				b.Write(run)
			}
			return bstrUnmarshal(b.String()), true
		case tokText:
		default:
			return "", r.xmlError()
		}
	}
}

// readRun reads an <r>: the text of its last <t>; its <rPr> is checked.
func (r *scanRows) readRun() ([]byte, bool) {
	sc := r.sc
	if sc.pendEnd {
		return nil, sc.next() == tokEnd || r.xmlError()
	}
	var t []byte
	for {
		switch sc.next() {
		case tokStart:
			switch string(sc.local) {
			case "t":
				v, ok := r.elementText()
				if !ok {
					return nil, false
				}
				t = v
			case "rPr":
				if !r.checkRunProps() {
					return nil, false
				}
			default:
				if !sc.skip() {
					return nil, r.xmlError()
				}
			}
		case tokEnd:
			return t, true
		case tokText:
		default:
			return nil, r.xmlError()
		}
	}
}

// elementText reads the own text of the element whose start tag was just read, as a copy.
func (r *scanRows) elementText() ([]byte, bool) {
	sc := r.sc
	out := []byte{}
	if sc.pendEnd {
		return out, sc.next() == tokEnd || r.xmlError()
	}
	for depth := 1; depth > 0; {
		switch sc.next() {
		case tokText:
			if depth == 1 {
				out = append(out, sc.text...)
			}
		case tokStart:
			depth++
		case tokEnd:
			depth--
		default:
			return nil, r.xmlError()
		}
	}
	return out, true
}

// checkRunProps checks an <rPr>'s properties as excelize's xlsxRPr would parse them.
func (r *scanRows) checkRunProps() bool {
	sc := r.sc
	if sc.pendEnd {
		return sc.next() == tokEnd || r.xmlError()
	}
	for {
		switch sc.next() {
		case tokStart:
			if kinds, ok := runPropAttrs[string(sc.local)]; ok && !checkTyped(sc.attrs, kinds) {
				return r.refuse("invalid run properties")
			}
			if !sc.skip() {
				return r.xmlError()
			}
		case tokEnd:
			return true
		case tokText:
		default:
			return r.xmlError()
		}
	}
}

// The attributes excelize parses as numbers or booleans, by element: a value it cannot parse
// makes its reader drop the cell, so the scanner refuses it.
const (
	attrInt = iota
	attrUint32
	attrFloat
	attrBool
)

var (
	valInt   = map[string]int{"val": attrInt}
	valBool  = map[string]int{"val": attrBool}
	valFloat = map[string]int{"val": attrFloat}

	runPropAttrs = map[string]map[string]int{
		"charset": valInt, "family": valInt,
		"b": valBool, "i": valBool, "strike": valBool, "outline": valBool, "shadow": valBool,
		"condense": valBool, "extend": valBool,
		"sz":    valFloat,
		"color": {"auto": attrBool, "indexed": attrInt, "theme": attrInt, "tint": attrFloat},
	}
	phoneticRunAttrs = map[string]int{"sb": attrUint32, "eb": attrUint32}
	phoneticPrAttrs  = map[string]int{"fontId": attrInt}
	formulaAttrs     = map[string]int{"aca": attrBool, "dt2D": attrBool, "dtr": attrBool, "del1": attrBool,
		"del2": attrBool, "ca": attrBool, "bx": attrBool, "si": attrInt}
)

func checkFormulaAttrs(attrs []xmlAttr) bool { return checkTyped(attrs, formulaAttrs) }

// checkTyped tells whether every attribute named in kinds parses as encoding/xml would parse
// it into excelize's field.
func checkTyped(attrs []xmlAttr, kinds map[string]int) bool {
	for _, a := range attrs {
		kind, ok := kinds[string(a.local)]
		if !ok || len(a.value) == 0 {
			continue
		}
		v := strings.TrimSpace(string(a.value))
		var err error
		switch kind {
		case attrInt:
			_, err = strconv.ParseInt(v, 10, 64)
		case attrUint32:
			_, err = strconv.ParseUint(v, 10, 32)
		case attrFloat:
			_, err = strconv.ParseFloat(v, 64)
		case attrBool:
			_, err = strconv.ParseBool(v)
		}
		if err != nil {
			return false
		}
	}
	return true
}

// cellColumn is the column of a cell reference, as excelize.CellNameToCoordinates reads it.
func cellColumn(ref []byte) (int, bool) {
	col, i := 0, 0
	for ; i < len(ref) && i < 3 && 'A' <= ref[i] && ref[i] <= 'Z'; i++ {
		col = col*26 + int(ref[i]-'A'+1)
	}
	if i > 0 && i < len(ref) && ref[i] >= '1' && ref[i] <= '9' && col <= excelize.MaxColumns {
		if _, ok := plainUint(ref[i:], excelize.TotalRows); ok {
			return col, true
		}
	}
	c, _, err := excelize.CellNameToCoordinates(string(ref))
	return c, err == nil
}

var bstrEscape = regexp.MustCompile(`_x[a-fA-F\d]{4}_`)

// bstrUnmarshal decodes the _xHHHH_ escapes of a string item as excelize does: _x005F_ is an
// underscore, any other the character it names (nothing for a code that is not one).
func bstrUnmarshal(s string) string {
	if !strings.Contains(s, "_x") {
		return s
	}
	var b strings.Builder
	cursor := 0
	for _, m := range bstrEscape.FindAllStringIndex(s, -1) {
		b.WriteString(s[cursor:m[0]])
		cursor = m[1]
		if s[m[0]:m[1]] == "_x005F_" {
			b.WriteByte('_')
			continue
		}
		if v, err := strconv.Unquote(`"\u` + s[m[0]+2:m[1]-1] + `"`); err == nil {
			b.WriteString(v)
		}
	}
	b.WriteString(s[cursor:])
	return b.String()
}
