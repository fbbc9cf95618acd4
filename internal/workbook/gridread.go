package workbook

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"path"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"time"
	"weak"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
)

// Budgets of one sheet read by ReadGrid. A roster, scheme or ledger sheet has hundreds or a few
// thousand rows; these are far above that and far below what would exhaust memory or time.
const (
	MaxGridRows  = 100_000
	MaxGridCells = 2_000_000
	// MaxMerges bounds the merged ranges of a sheet (excelize's own merge reader is quadratic
	// in their number, so ReadGrid reads them itself).
	MaxMerges = 100_000
)

// FileTimeBudget is how long the sheets of one workbook may take to read, all together, from
// its opening: a file of many sheets each just under a per-sheet budget would otherwise take
// their sum. A variable so that tests can shrink it.
var FileTimeBudget = 20 * time.Second

// budgets holds when the reading of each open workbook began, without keeping it alive.
var budgets struct {
	sync.Mutex
	began map[weak.Pointer[excelize.File]]time.Time
}

// startBudget starts f's time budget at t, unless it has started already.
func startBudget(f *excelize.File, t time.Time) time.Time {
	budgets.Lock()
	defer budgets.Unlock()
	if budgets.began == nil {
		budgets.began = map[weak.Pointer[excelize.File]]time.Time{}
	}
	key := weak.Make(f)
	if began, ok := budgets.began[key]; ok {
		return began
	}
	budgets.began[key] = t
	runtime.AddCleanup(f, func(k weak.Pointer[excelize.File]) {
		budgets.Lock()
		delete(budgets.began, k)
		budgets.Unlock()
	}, key)
	return t
}

// fileDeadline is when f's time budget runs out: FileTimeBudget after OpenBytes began opening
// it, or after its first sheet read for a workbook opened elsewhere.
func fileDeadline(f *excelize.File) time.Time {
	return startBudget(f, time.Now()).Add(FileTimeBudget)
}

// timeoutError refuses a workbook whose sheets took longer than FileTimeBudget to read.
func timeoutError(sheet string) error {
	return apperr.Invalidf("读取超时：这个工作簿的各工作表合计读取超过 %d 秒（停在工作表「%s」），内容过多，不是联看评能读取的表格，已拒绝", int(FileTimeBudget.Seconds()), sheet)
}

// readRows reads the sheet's cells as excelize's GetRows does (trailing empty rows dropped),
// within the budgets: rows and cells per sheet, time per file.
func (g *Grid) readRows(f *excelize.File) error {
	deadline := fileDeadline(f)
	if time.Now().After(deadline) {
		return timeoutError(g.Sheet)
	}
	it, err := f.Rows(g.Sheet)
	if err != nil {
		return sheetError(g.Sheet, err)
	}
	defer it.Close()
	opts := excelize.Options{RawCellValue: true}
	for cur := 0; it.Next(); {
		cur++
		if cur%64 == 0 && time.Now().After(deadline) {
			return timeoutError(g.Sheet)
		}
		row, err := it.Columns(opts)
		if err != nil {
			return sheetError(g.Sheet, err)
		}
		if len(row) == 0 {
			continue
		}
		if cur > MaxGridRows {
			return apperr.Invalidf("文件过大：工作表「%s」超过 %d 行，不是联看评能读取的表格，已拒绝", g.Sheet, MaxGridRows)
		}
		if g.cells += len(row); g.cells > MaxGridCells {
			return apperr.Invalidf("文件过大：工作表「%s」超过 %d 个单元格，不是联看评能读取的表格，已拒绝", g.Sheet, MaxGridCells)
		}
		for len(g.rows) < cur-1 {
			g.rows = append(g.rows, nil)
		}
		g.rows = append(g.rows, row)
	}
	if err := it.Error(); err != nil {
		return sheetError(g.Sheet, err)
	}
	return nil
}

// sheetError is the refusal for a sheet excelize could not read; the raw error is logged.
func sheetError(sheet string, err error) error {
	Logf("workbook: read sheet %s: %v", sheet, err)
	return apperr.Invalidf("工作表「%s」无法读取，文件可能已损坏。请用 Excel 或 WPS 打开后重新保存，再导入", sheet)
}

// The kinds of sheet a workbook lists; only worksheets have cells.
const (
	sheetWorksheet = "worksheet"
	sheetChart     = "chart"
	sheetDialog    = "dialog"
	sheetMacro     = "macro"
)

// sheetPart is where a sheet's XML is and what kind of sheet it is.
type sheetPart struct {
	path string
	kind string
}

// partsCache keeps the sheet parts of the last workbook asked about, without keeping it alive.
var partsCache struct {
	sync.Mutex
	f     weak.Pointer[excelize.File]
	parts map[string]sheetPart
}

// cached makes the cache hold f's entries.
func cached(f *excelize.File) {
	if partsCache.f.Value() != f || partsCache.parts == nil {
		partsCache.f, partsCache.parts = weak.Make(f), readSheetParts(f)
	}
}

// sheetPartsOf maps each sheet name of f to its part, from the workbook's relationships; a
// workbook whose relationships cannot be read gives an empty map (every sheet then counts as a
// worksheet, as excelize reads it).
func sheetPartsOf(f *excelize.File) map[string]sheetPart {
	partsCache.Lock()
	defer partsCache.Unlock()
	cached(f)
	return partsCache.parts
}

// sharedStringCount is the number of items of f's shared-string table, as excelize holds it
// once its row reader has run (0 without a table).
func sharedStringCount(f *excelize.File) int {
	if f.SharedStrings == nil {
		return 0
	}
	return len(f.SharedStrings.SI)
}

type xmlRels struct {
	Rels []struct {
		ID     string `xml:"Id,attr"`
		Type   string `xml:"Type,attr"`
		Target string `xml:"Target,attr"`
	} `xml:"Relationship"`
}

func pkgBytes(f *excelize.File, name string) []byte {
	if v, ok := f.Pkg.Load(name); ok {
		if b, ok := v.([]byte); ok {
			return b
		}
	}
	return nil
}

func readSheetParts(f *excelize.File) map[string]sheetPart {
	out := map[string]sheetPart{}
	wb := "xl/workbook.xml"
	var root xmlRels
	if xml.Unmarshal(pkgBytes(f, "_rels/.rels"), &root) == nil {
		for _, r := range root.Rels {
			if strings.HasSuffix(r.Type, "/officeDocument") {
				wb = strings.TrimPrefix(r.Target, "/")
			}
		}
	}
	var rels xmlRels
	if xml.Unmarshal(pkgBytes(f, path.Join(path.Dir(wb), "_rels", path.Base(wb)+".rels")), &rels) != nil || f.WorkBook == nil {
		return out
	}
	byID := map[string]sheetPart{}
	for _, r := range rels.Rels {
		target := r.Target
		if strings.HasPrefix(target, "/") {
			target = strings.TrimPrefix(target, "/")
		} else {
			target = path.Join(path.Dir(wb), target)
		}
		kind := ""
		switch t := strings.ToLower(r.Type); {
		case strings.HasSuffix(t, "/worksheet"):
			kind = sheetWorksheet
		case strings.HasSuffix(t, "/chartsheet"):
			kind = sheetChart
		case strings.HasSuffix(t, "/dialogsheet"):
			kind = sheetDialog
		case strings.HasSuffix(t, "macrosheet"):
			kind = sheetMacro
		}
		byID[r.ID] = sheetPart{path: target, kind: kind}
	}
	for _, s := range f.WorkBook.Sheets.Sheet {
		if p, ok := byID[s.ID]; ok && p.kind != "" {
			out[s.Name] = p
		}
	}
	return out
}

// SkippedSheets notes the sheets of f that hold no cells and so are not read: chart sheets,
// dialog sheets and Excel 4 macro sheets. They are never a reason to refuse a file.
func SkippedSheets(f *excelize.File) []Problem {
	var out []Problem
	parts := sheetPartsOf(f)
	for _, name := range f.GetSheetList() {
		what := ""
		switch parts[name].kind {
		case sheetChart:
			what = "图表"
		case sheetDialog:
			what = "对话框工作表"
		case sheetMacro:
			what = "宏表"
		default:
			continue
		}
		out = append(out, Problem{Sheet: name, Message: fmt.Sprintf("工作表「%s」是%s，没有单元格数据，已跳过", name, what)})
	}
	return out
}

// scanSheet reads a sheet's XML once more, itself, for what excelize's row reader passes over
// in silence: a syntax error (the rows after it would be dropped), a shared-string index past
// the end of the table (the cell would read as blank), and the merged ranges, as 0-based
// {r1, c1, r2, c2} (excelize's own merge reader decodes the whole sheet and joins overlapping
// ranges in quadratic time).
func scanSheet(f *excelize.File, sheet, part string) ([][4]int, error) {
	raw := pkgBytes(f, part)
	if part == "" || raw == nil {
		return excelizeMerges(f, sheet)
	}
	sst := sharedStringCount(f)
	var out [][4]int
	d := xml.NewDecoder(bytes.NewReader(raw))
	d.Strict = false
	var inShared, inValue bool
	for {
		tok, err := d.RawToken()
		if err == io.EOF {
			return out, nil
		}
		if err != nil {
			return nil, sheetError(sheet, err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			switch t.Name.Local {
			case "c":
				inShared = false
				for _, a := range t.Attr {
					inShared = inShared || a.Name.Local == "t" && a.Value == "s"
				}
			case "v":
				inValue = inShared
			case "mergeCell":
				for _, a := range t.Attr {
					if a.Name.Local == "ref" {
						if r, ok := parseRange(a.Value); ok {
							out = append(out, r)
						}
					}
				}
				if len(out) > MaxMerges {
					return nil, apperr.Invalidf("工作表「%s」的合并单元格超过 %d 处，不是联看评能读取的表格，已拒绝", sheet, MaxMerges)
				}
			}
		case xml.CharData:
			if inValue {
				if n, err := strconv.Atoi(strings.TrimSpace(string(t))); err != nil || n < 0 || n >= sst {
					return nil, sheetError(sheet, fmt.Errorf("shared string index %q out of %d", t, sst))
				}
			}
		case xml.EndElement:
			if t.Name.Local == "v" {
				inValue = false
			}
		}
	}
}

func excelizeMerges(f *excelize.File, sheet string) ([][4]int, error) {
	ms, err := f.GetMergeCells(sheet, true)
	if err != nil {
		return nil, sheetError(sheet, err)
	}
	var out [][4]int
	for _, m := range ms {
		if r, ok := parseRange(m.GetStartAxis() + ":" + m.GetEndAxis()); ok {
			out = append(out, r)
		}
	}
	return out, nil
}

// parseRange reads "B2:D5" as 0-based {1, 1, 4, 3}, corners in either order.
func parseRange(ref string) ([4]int, bool) {
	a, b, ok := strings.Cut(ref, ":")
	if !ok {
		return [4]int{}, false
	}
	c1, r1, err1 := excelize.CellNameToCoordinates(strings.ReplaceAll(a, "$", ""))
	c2, r2, err2 := excelize.CellNameToCoordinates(strings.ReplaceAll(b, "$", ""))
	if err1 != nil || err2 != nil {
		return [4]int{}, false
	}
	return [4]int{min(r1, r2) - 1, min(c1, c2) - 1, max(r1, r2) - 1, max(c1, c2) - 1}, true
}
