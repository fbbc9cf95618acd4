package workbook

import (
	"fmt"
	"io"
	"math"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
)

// FrontlineBook is what an exported ledger workbook holds: the ledgers named in Kinds, in
// the order of LedgerKinds, each on its own sheet.
type FrontlineBook struct {
	Date     time.Time
	Kinds    []string
	Branches []FrontlineBranch
	Matters  []FrontlineMatter
	Brands   []FrontlineBrand
	// Summaries are one line per ledger kind written under its title (共 30 个…).
	Summaries map[string]string
}

// Sheet names and titles of the exported ledgers.
var (
	LedgerSheetNames = map[string]string{LedgerBranches: "临时党支部", LedgerMatters: "办实事", LedgerBrands: "党建品牌与荣誉"}
	ledgerTitles     = map[string]string{LedgerBranches: "临时党支部台账", LedgerMatters: "为群众办实事、解难题台账", LedgerBrands: "党建品牌及荣誉台账"}
	ledgerNotes      = map[string]string{
		LedgerBranches: "注：类型填指挥部、工作专班、巡察组或项目；工作专班可在“所属指挥部”列填写所属指挥部的临时党支部；撤销日期空白表示支部仍在运行；党员人数不少于3人。",
		LedgerMatters:  "注：来源填群众或企业；承办支部与责任单位至少填一项；办理状态填办理中或已办结，已办结的须填写办结日期和办理结果；新增事项的编号可以空着，导入时自动编号。",
		LedgerBrands:   "注：类别填党建品牌、子品牌或荣誉，子品牌须在“所属品牌”列填写本单位的党建品牌；级别填国家级、省级、市级或区级；加分为计入观摩轮次的加分（0～10分），不加分的空着。",
	}
)

// ledgerColumn is one column of an exported ledger.
type ledgerColumn struct {
	field string
	// wrap columns hold long text, left-aligned and wrapped within maxWidth.
	wrap     bool
	maxWidth float64
}

var ledgerColumns = map[string][]ledgerColumn{
	LedgerBranches: {{"no", false, 6}, {"name", true, 26}, {"kind", false, 10}, {"parent", true, 22}, {"host", true, 20},
		{"secretary", false, 10}, {"count", false, 9}, {"members", true, 30}, {"founded", false, 16}, {"dissolved", false, 16}, {"notes", true, 24}},
	LedgerMatters: {{"code", false, 11}, {"title", true, 26}, {"source", false, 6}, {"requester", true, 14}, {"branch", true, 20},
		{"unit", true, 12}, {"handler", false, 8}, {"received", false, 16}, {"done", false, 16}, {"status", false, 9}, {"result", true, 28}},
	LedgerBrands: {{"no", false, 6}, {"unit", true, 22}, {"kind", false, 10}, {"name", true, 34}, {"parent", true, 20},
		{"level", false, 8}, {"year", false, 7}, {"issuer", true, 26}, {"bonus", false, 7}, {"notes", true, 24}},
}

type ledgerStyles struct{ title, sub, date, header, text, center, number, day, note int }

const ledgerFontSize = 11

func newLedgerStyles(f *excelize.File) (ledgerStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	body := &excelize.Font{Family: bodyFont, Size: ledgerFontSize}
	dayFmt := `yyyy"年"m"月"d"日"`
	var s ledgerStyles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	add(&s.title, &excelize.Style{Font: &excelize.Font{Family: headerFont, Size: 18},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.sub, &excelize.Style{Font: body, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center"}})
	add(&s.date, &excelize.Style{Font: body, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	add(&s.header, &excelize.Style{Font: &excelize.Font{Family: headerFont, Size: ledgerFontSize}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.text, &excelize.Style{Font: body, Border: border, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true, Indent: 1}})
	add(&s.center, &excelize.Style{Font: body, Border: border, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.number, &excelize.Style{Font: body, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.day, &excelize.Style{Font: body, Border: border, CustomNumFmt: &dayFmt,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.note, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 10, Color: "404040"},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	return s, err
}

// WriteFrontline writes the ledgers of b, one printable sheet each (A4 landscape, 黑体 title
// and header, 仿宋 body, borders, dates as 2024年6月15日), that ReadFrontline reads back
// unchanged.
func WriteFrontline(w io.Writer, b FrontlineBook) error {
	f := newBook()
	defer closeQuietly(f)
	st, err := newLedgerStyles(f)
	if err != nil {
		return err
	}
	first := true
	for _, kind := range LedgerKinds {
		if !contains(b.Kinds, kind) {
			continue
		}
		sheet := LedgerSheetNames[kind]
		if first {
			err = f.SetSheetName("Sheet1", sheet)
			first = false
		} else {
			_, err = f.NewSheet(sheet)
		}
		if err != nil {
			return err
		}
		lw := &ledgerWriter{f: f, st: st, sheet: sheet, kind: kind, cols: ledgerColumns[kind]}
		if err := lw.head(ledgerTitles[kind], b.Summaries[kind], "导出日期："+b.Date.Format("2006年1月2日")); err != nil {
			return err
		}
		switch kind {
		case LedgerBranches:
			for i, r := range b.Branches {
				err = lw.row(map[string]any{"no": i + 1, "name": r.Name, "kind": r.Kind, "parent": r.Parent, "host": r.Host,
					"secretary": r.Secretary, "count": r.MemberCount, "members": r.Members, "founded": day(r.Founded),
					"dissolved": day(r.Dissolved), "notes": r.Notes})
				if err != nil {
					return err
				}
			}
		case LedgerMatters:
			for _, r := range b.Matters {
				err = lw.row(map[string]any{"code": r.Code, "title": r.Title, "source": r.Source, "requester": r.Requester,
					"branch": r.Branch, "unit": r.Unit, "handler": r.Handler, "received": day(r.Received), "done": day(r.Done),
					"status": r.Status, "result": r.Result})
				if err != nil {
					return err
				}
			}
		case LedgerBrands:
			for i, r := range b.Brands {
				var bonus any = ""
				if r.BonusCenti > 0 {
					bonus = centi(r.BonusCenti)
				}
				var year any = ""
				if r.Year > 0 {
					year = r.Year
				}
				err = lw.row(map[string]any{"no": i + 1, "unit": r.Unit, "kind": r.Kind, "name": r.Name, "parent": r.Parent,
					"level": r.Level, "year": year, "issuer": r.Issuer, "bonus": bonus, "notes": r.Notes})
				if err != nil {
					return err
				}
			}
		}
		if err := lw.finish(ledgerNotes[kind]); err != nil {
			return err
		}
	}
	if first {
		return apperr.Invalidf("没有选择要导出的台账")
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// day is a date cell's value; centi a number of points.
type (
	day   string
	centi int64
)

// ledgerWriter writes one ledger sheet: title, summary and date lines, header, rows, note.
type ledgerWriter struct {
	f      *excelize.File
	st     ledgerStyles
	sheet  string
	kind   string
	cols   []ledgerColumn
	widths []float64
	row1   int // the next row, 1-based
}

func (lw *ledgerWriter) last() string {
	s, _ := excelize.ColumnNumberToName(len(lw.cols))
	return s
}

func (lw *ledgerWriter) head(title, summary, date string) error {
	f, sheet, last := lw.f, lw.sheet, lw.last()
	mid := CellName(1, len(lw.cols)/2)
	midNext := CellName(1, len(lw.cols)/2+1)
	titles := make([]string, len(lw.cols))
	lw.widths = make([]float64, len(lw.cols))
	for i, c := range lw.cols {
		titles[i] = LedgerFieldLabel(lw.kind, c.field)
		lw.widths[i] = textWidth(titles[i])
		if c.wrap {
			// Long text gets room before it wraps, even when the titles are short.
			lw.widths[i] = max(lw.widths[i], c.maxWidth*0.6)
		}
	}
	steps := []func() error{
		func() error { return f.SetCellStr(sheet, "A1", title) },
		func() error { return f.MergeCell(sheet, "A1", last+"1") },
		func() error { return f.SetCellStyle(sheet, "A1", last+"1", lw.st.title) },
		func() error { return f.SetRowHeight(sheet, 1, 36) },
		func() error { return f.SetCellStr(sheet, "A2", summary) },
		func() error { return f.MergeCell(sheet, "A2", mid) },
		func() error { return f.SetCellStyle(sheet, "A2", mid, lw.st.sub) },
		func() error { return f.SetCellStr(sheet, midNext, date) },
		func() error { return f.MergeCell(sheet, midNext, last+"2") },
		func() error { return f.SetCellStyle(sheet, midNext, last+"2", lw.st.date) },
		func() error { return f.SetRowHeight(sheet, 2, 22) },
		func() error { return f.SetSheetRow(sheet, "A3", &titles) },
		func() error { return f.SetCellStyle(sheet, "A3", last+"3", lw.st.header) },
		func() error { return f.SetRowHeight(sheet, 3, 30) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	lw.row1 = 4
	return nil
}

// row writes one data row; values are keyed by field: string, int, day or centi.
func (lw *ledgerWriter) row(values map[string]any) error {
	lines := 1
	for c, col := range lw.cols {
		cell := CellName(lw.row1-1, c)
		style := lw.st.center
		if col.wrap {
			style = lw.st.text
		}
		var err error
		var shown string
		switch v := values[col.field].(type) {
		case int:
			style, shown = lw.st.number, fmt.Sprint(v)
			err = lw.f.SetCellInt(lw.sheet, cell, int64(v))
		case centi:
			style, shown = lw.st.number, FormatCenti(int64(v))
			err = lw.f.SetCellFloat(lw.sheet, cell, float64(v)/100, -1, 64)
		case day:
			if v == "" {
				break
			}
			t, perr := time.Parse("2006-01-02", string(v))
			if perr != nil {
				shown = string(v)
				err = lw.f.SetCellStr(lw.sheet, cell, string(v))
				break
			}
			style, shown = lw.st.day, t.Format("2006年1月2日")
			err = lw.f.SetCellValue(lw.sheet, cell, t)
		case string:
			shown = v
			err = lw.f.SetCellStr(lw.sheet, cell, v)
		}
		if err == nil {
			err = lw.f.SetCellStyle(lw.sheet, cell, cell, style)
		}
		if err != nil {
			return err
		}
		w := ledgerTextWidth(shown)
		if col.wrap && w > col.maxWidth {
			// The column ends up maxWidth+2 wide, less the indent; the text is set at 11
			// points where textWidth measures 12.
			lines = max(lines, int(math.Ceil(w*ledgerFontSize/12/(col.maxWidth+0.5))))
			w = col.maxWidth
		}
		lw.widths[c] = max(lw.widths[c], w)
	}
	if err := lw.f.SetRowHeight(lw.sheet, lw.row1, max(24, 8+16.5*float64(lines))); err != nil {
		return err
	}
	lw.row1++
	return nil
}

// ledgerTextWidth is textWidth with the curly quotes Chinese text uses (“一校一品”) counted
// as wide, as Chinese fonts set them.
func ledgerTextWidth(s string) float64 {
	w := textWidth(s)
	for _, r := range s {
		if r >= 0x2018 && r <= 0x201D {
			w += 1.1
		}
	}
	return w
}

// finish writes the note below the table and sets the column widths and the page: A4
// landscape, one page wide, the header row repeated on every page, page numbers.
func (lw *ledgerWriter) finish(note string) error {
	f, sheet := lw.f, lw.sheet
	total := 0.0
	for c, w := range lw.widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		width := min(max(w+2, 6), lw.cols[c].maxWidth+2)
		total += width
		if err := f.SetColWidth(sheet, col, col, width); err != nil {
			return err
		}
	}
	if note != "" {
		at := lw.row1 + 1
		first, last := fmt.Sprintf("A%d", at), fmt.Sprintf("%s%d", lw.last(), at)
		if err := f.SetCellStr(sheet, first, note); err != nil {
			return err
		}
		if err := f.MergeCell(sheet, first, last); err != nil {
			return err
		}
		if err := f.SetCellStyle(sheet, first, last, lw.st.note); err != nil {
			return err
		}
		lines := math.Ceil(textWidth(note) * 10 / ledgerFontSize / total)
		if err := f.SetRowHeight(sheet, at, 6+14*lines); err != nil {
			return err
		}
	}
	landscape, a4, one, zero, yes := "landscape", 9, 1, 0, true
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &landscape, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	side, top, hf := 0.5, 0.7, 0.3
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &side, Right: &side, Top: &top, Bottom: &top,
		Header: &hf, Footer: &hf, Horizontally: &yes}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&\"仿宋\"第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$3:$3", sheet), Scope: sheet}); err != nil {
		return err
	}
	return f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
}
