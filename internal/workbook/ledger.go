package workbook

import (
	"fmt"
	"io"
	"math"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The rectification ledger (问题整改台账) as a printable workbook: every finding the window lists,
// with its rectification, on one A4 landscape sheet. It is written for reading and filing, not
// for reading back: units return their part through the feedback workbook (ledger_feedback.go).

// RectificationSheet is the name of the ledger's sheet.
const RectificationSheet = "整改台账"

// RectificationLedger is what an exported ledger holds.
type RectificationLedger struct {
	// Scope says which findings are listed (全部问题, or the window's filter), on the line under
	// the title.
	Scope string
	Date  time.Time
	Rows  []LedgerFinding
}

// LedgerFinding is one finding as a row of the ledger and of a unit's feedback workbook. Dates
// are ISO (2024-06-15) or blank.
type LedgerFinding struct {
	ID          uint
	Unit        string
	Round       string
	Dimension   string
	Method      string
	Description string
	Requirement string
	Responsible string
	Deadline    string
	Status      string
	Measures    string
	Progress    string
	DoneDate    string
	ClosedDate  string
	// OverdueDays is how many days past its deadline an open finding is, 0 when it is not.
	OverdueDays int
}

// rectColumn is one column of the ledger: its title, its width in Excel's units, and whether it
// holds long text (left-aligned, wrapped).
type rectColumn struct {
	title string
	width float64
	wrap  bool
}

var rectColumns = []rectColumn{
	{"序号", 5, false}, {"单位", 12, true}, {"观摩轮次", 9, false}, {"一级指标\n发现方式", 11, true},
	{"问题描述", 26, true}, {"整改要求", 20, true}, {"责任人", 8, false}, {"整改期限", dayWidth, false},
	{"整改状态", 9.5, false}, {"整改措施", 20, true}, {"完成情况", 16, true}, {"完成时间", dayWidth, false},
	{"销号日期", dayWidth, false}, {"逾期", 8, false},
}

// dayWidth is the width of a column of dates shown as 2024年11月10日, with room for the
// fonts that stand in for 仿宋 where it is missing.
const dayWidth = 17

// isDayColumn tells the ledger's columns of dates: 整改期限, 完成时间 and 销号日期.
func isDayColumn(c int) bool { return c == 7 || c == 11 || c == 12 }

// ledgerBodySize is the body text's size in points on ledgers that go on paper.
const ledgerBodySize = 10.5

// chineseDayFormat shows a date cell as 2024年6月15日.
const chineseDayFormat = `yyyy"年"m"月"d"日"`

// rectStyles are the styles of the ledger and the feedback workbook.
type rectStyles struct {
	title, sub, subRight, header, text, center, number, day, overdue, overdueDay, note int
	// The unlocked cells a unit fills in, and the hidden cells that carry the row keys.
	input, inputDay, helper int
}

func newRectStyles(f *excelize.File) (rectStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	body := func(color string, bold bool) *excelize.Font {
		return &excelize.Font{Family: bodyFont, Size: ledgerBodySize, Color: color, Bold: bold, Charset: &charsetGB2312}
	}
	dayFmt := chineseDayFormat
	middle := func(h string, wrap bool) *excelize.Alignment {
		a := &excelize.Alignment{Horizontal: h, Vertical: "center", WrapText: wrap}
		if h == "left" {
			a.Indent = 1
		}
		return a
	}
	unlocked := &excelize.Protection{Locked: false}
	input := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9DB"}}
	var s rectStyles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	add(&s.title, &excelize.Style{Font: &excelize.Font{Family: headerFont, Size: 18, Charset: &charsetGB2312}, Alignment: middle("center", true)})
	add(&s.sub, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 11, Charset: &charsetGB2312}, Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	add(&s.subRight, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 11, Charset: &charsetGB2312}, Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	add(&s.header, &excelize.Style{Font: &excelize.Font{Family: headerFont, Size: 11, Charset: &charsetGB2312}, Border: border,
		Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}}, Alignment: middle("center", true)})
	add(&s.text, &excelize.Style{Font: body("", false), Border: border, NumFmt: 49, Alignment: middle("left", true)})
	add(&s.center, &excelize.Style{Font: body("", false), Border: border, NumFmt: 49, Alignment: middle("center", true)})
	add(&s.number, &excelize.Style{Font: body("", false), Border: border, Alignment: middle("center", false)})
	add(&s.day, &excelize.Style{Font: body("", false), Border: border, CustomNumFmt: &dayFmt, Alignment: middle("center", false)})
	add(&s.overdue, &excelize.Style{Font: body("C00000", true), Border: border, NumFmt: 49, Alignment: middle("center", true)})
	add(&s.overdueDay, &excelize.Style{Font: body("C00000", false), Border: border, CustomNumFmt: &dayFmt, Alignment: middle("center", false)})
	add(&s.note, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 10.5, Color: "404040", Charset: &charsetGB2312},
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	add(&s.input, &excelize.Style{Font: body("", false), Border: border, Fill: input, Protection: unlocked, NumFmt: 49, Alignment: middle("left", true)})
	add(&s.inputDay, &excelize.Style{Font: body("", false), Border: border, Fill: input, Protection: unlocked, CustomNumFmt: &dayFmt, Alignment: middle("center", false)})
	add(&s.helper, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 9}, NumFmt: 49, Protection: &excelize.Protection{Locked: true, Hidden: true}})
	return s, err
}

// setDay writes an ISO date as a date cell (shown 2024年6月15日), a text that is not one as text.
func setDay(f *excelize.File, sheet, cell, iso string) error {
	if iso == "" {
		return nil
	}
	t, err := time.Parse("2006-01-02", iso)
	if err != nil {
		return f.SetCellStr(sheet, cell, iso)
	}
	return f.SetCellValue(sheet, cell, t)
}

// rowLines estimates how many lines a wrapped text takes in a column of width w at the ledgers'
// body size (textWidth measures at 12 points).
func rowLines(text string, w float64) int {
	lines := 0
	for _, part := range strings.Split(text, "\n") {
		n := int(math.Ceil(ledgerTextWidth(part) * ledgerBodySize / 12 / (w - 1.5)))
		lines += max(n, 1)
	}
	return max(lines, 1)
}

// roundLabel is the 观摩轮次 cell of a finding: the round's code, or 日常 for a finding of
// inspection work outside the rounds.
func roundLabel(code string) string {
	if code == "" {
		return "日常"
	}
	return code
}

// WriteRectificationLedger writes the ledger to w: a title, the scope and the date, a header
// row repeated on every printed page, one bordered row per finding with overdue ones in red,
// and a note on the statuses; A4 landscape, one page wide, page numbers in the footer.
func WriteRectificationLedger(w io.Writer, l RectificationLedger) error {
	f := newBook()
	defer closeQuietly(f)
	sheet := RectificationSheet
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	st, err := newRectStyles(f)
	if err != nil {
		return err
	}
	last, _ := excelize.ColumnNumberToName(len(rectColumns))
	mid := CellName(1, 8)
	put := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	steps := []func() error{
		func() error { return put("A1", "问题整改台账", st.title) },
		func() error { return f.MergeCell(sheet, "A1", last+"1") },
		func() error { return f.SetRowHeight(sheet, 1, 36) },
		func() error { return put("A2", l.Scope, st.sub) },
		func() error { return f.MergeCell(sheet, "A2", mid) },
		func() error {
			return put(CellName(1, 9), "导出日期："+l.Date.Format("2006年1月2日"), st.subRight)
		},
		func() error { return f.MergeCell(sheet, CellName(1, 9), last+"2") },
		func() error { return f.SetRowHeight(sheet, 2, 24) },
		func() error { return f.SetRowHeight(sheet, 3, 32) },
	}
	for c, col := range rectColumns {
		name, _ := excelize.ColumnNumberToName(c + 1)
		steps = append(steps, func() error { return put(name+"3", col.title, st.header) },
			func() error { return f.SetColWidth(sheet, name, name, col.width) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	for i, r := range l.Rows {
		row := 4 + i
		overdue := ""
		if r.OverdueDays > 0 {
			overdue = fmt.Sprintf("逾期\n%d天", r.OverdueDays)
		}
		dim := strings.TrimSpace(r.Dimension + "\n" + r.Method)
		values := []any{i + 1, r.Unit, roundLabel(r.Round), dim, r.Description, r.Requirement, r.Responsible, r.Deadline,
			r.Status, r.Measures, r.Progress, r.DoneDate, r.ClosedDate, overdue}
		lines := 1
		for c, v := range values {
			cell := CellName(row-1, c)
			col := rectColumns[c]
			style := st.center
			switch {
			case c == 0:
				style = st.number
			case isDayColumn(c):
				style = st.day
				if c == 7 && r.OverdueDays > 0 {
					style = st.overdueDay
				}
			case c == 13 && overdue != "":
				style = st.overdue
			case col.wrap:
				style = st.text
			}
			if isDayColumn(c) {
				err = setDay(f, sheet, cell, v.(string))
			} else {
				err = f.SetCellValue(sheet, cell, v)
			}
			if err == nil {
				err = f.SetCellStyle(sheet, cell, cell, style)
			}
			if err != nil {
				return err
			}
			if s, ok := v.(string); ok && !isDayColumn(c) {
				lines = max(lines, rowLines(s, col.width))
			}
		}
		if err := f.SetRowHeight(sheet, row, min(max(24, 6+15*float64(lines)), 409)); err != nil {
			return err
		}
	}
	note := 4 + len(l.Rows) + 1
	first, end := fmt.Sprintf("A%d", note), fmt.Sprintf("%s%d", last, note)
	text := "注：整改状态依次为待整改、整改中、已整改、已销号；逾期指已过整改期限仍未整改完成（待整改或整改中）的问题，以红色标出。"
	for _, step := range []func() error{
		func() error { return put(first, text, st.note) },
		func() error { return f.MergeCell(sheet, first, end) },
		func() error { return f.SetRowHeight(sheet, note, 22) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := setupPrint(f, sheet, printSetup{landscape: true, titleRows: 3}); err != nil {
		return err
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: "问题整改台账", Creator: "联看评", Language: "zh-CN"}); err != nil {
		return err
	}
	return f.Write(w)
}
