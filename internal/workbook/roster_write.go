package workbook

import (
	"fmt"
	"io"
	"strconv"
	"time"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// RosterBook is what an exported roster holds: areas with their units in order, every unit
// (those with an empty Area go to a sheet of their own), and people.
type RosterBook struct {
	Title  string
	Date   time.Time
	Areas  []RosterArea
	Units  []RosterUnit
	People []RosterPerson
}

// Sheet names of an exported roster.
const (
	RosterAreaSheet       = "联系片划分"
	RosterPeopleSheet     = "人员名单"
	RosterUnassignedSheet = "未分片单位"
)

// Fonts of printed documents, as offices set them.
const (
	bodyFont   = "仿宋"
	headerFont = "黑体"
)

// rosterStyles are the cell styles of an exported roster.
type rosterStyles struct {
	title, date, header, text, center, number, decimal int
}

func newRosterStyles(f *excelize.File) (rosterStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	var s rosterStyles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	add(&s.title, &excelize.Style{Font: &excelize.Font{Family: headerFont, Size: 18},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.date, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 12},
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	add(&s.header, &excelize.Style{Font: &excelize.Font{Family: headerFont, Size: 12}, Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"F2F2F2"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	// Text cells are formatted as text (@), so that a phone number stays digits when edited.
	add(&s.text, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 12}, Border: border, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true, Indent: 1}})
	add(&s.center, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 12}, Border: border, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.number, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 12}, Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	// Scores keep the two decimals the window shows (0.00).
	add(&s.decimal, &excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 12}, Border: border, NumFmt: 2,
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center"}})
	return s, err
}

// rosterTable writes one titled, bordered, printable table.
type rosterTable struct {
	f      *excelize.File
	st     rosterStyles
	sheet  string
	titles []string
	// centred columns are short values (numbers, names); others are left-aligned text.
	centred map[int]bool
	widths  []float64
	row     int // the next row to write, 1-based
}

func newRosterTable(f *excelize.File, st rosterStyles, sheet, title, date string, titles []string, centred ...int) (*rosterTable, error) {
	t := &rosterTable{f: f, st: st, sheet: sheet, titles: titles, centred: map[int]bool{}, widths: make([]float64, len(titles))}
	for _, c := range centred {
		t.centred[c] = true
	}
	last, _ := excelize.ColumnNumberToName(len(titles))
	steps := []func() error{
		func() error { return f.SetCellStr(sheet, "A1", title) },
		func() error { return f.MergeCell(sheet, "A1", last+"1") },
		func() error { return f.SetCellStyle(sheet, "A1", last+"1", st.title) },
		func() error { return f.SetRowHeight(sheet, 1, 36) },
		func() error { return f.SetCellStr(sheet, "A2", date) },
		func() error { return f.MergeCell(sheet, "A2", last+"2") },
		func() error { return f.SetCellStyle(sheet, "A2", last+"2", st.date) },
		func() error { return f.SetRowHeight(sheet, 2, 20) },
		func() error { return f.SetSheetRow(sheet, "A3", &titles) },
		func() error { return f.SetCellStyle(sheet, "A3", last+"3", st.header) },
		func() error { return f.SetRowHeight(sheet, 3, 30) },
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return nil, err
		}
	}
	for i, s := range titles {
		t.widths[i] = textWidth(s)
	}
	t.row = 4
	return t, nil
}

// put writes one row of values (string or int) at the next row.
func (t *rosterTable) put(values []any) error {
	for c, v := range values {
		cell := CellName(t.row-1, c)
		style := t.st.text
		if t.centred[c] {
			style = t.st.center
		}
		var err error
		switch x := v.(type) {
		case int:
			style = t.st.number
			err = t.f.SetCellInt(t.sheet, cell, int64(x))
			t.widths[c] = max(t.widths[c], textWidth(fmt.Sprint(x)))
		case float64:
			style = t.st.decimal
			err = t.f.SetCellFloat(t.sheet, cell, x, -1, 64)
			t.widths[c] = max(t.widths[c], textWidth(strconv.FormatFloat(x, 'f', 2, 64)))
		case string:
			err = t.f.SetCellStr(t.sheet, cell, x)
			t.widths[c] = max(t.widths[c], textWidth(x))
		}
		if err == nil {
			err = t.f.SetCellStyle(t.sheet, cell, cell, style)
		}
		if err != nil {
			return err
		}
	}
	if err := t.f.SetRowHeight(t.sheet, t.row, 22); err != nil {
		return err
	}
	t.row++
	return nil
}

// merge merges column c over rows from..to (1-based), when they are more than one.
func (t *rosterTable) merge(c, from, to int) error {
	if to <= from {
		return nil
	}
	return t.f.MergeCell(t.sheet, CellName(from-1, c), CellName(to-1, c))
}

// finish sets the column widths and the page: A4, the header row repeated on every page,
// page numbers in the footer, the table fitted to the page's width.
func (t *rosterTable) finish(landscape bool) error {
	for c, w := range t.widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		if err := t.f.SetColWidth(t.sheet, col, col, min(max(w+2, 6), 40)); err != nil {
			return err
		}
	}
	orientation := "portrait"
	if landscape {
		orientation = "landscape"
	}
	a4, one, zero := 9, 1, 0
	yes := true
	if err := t.f.SetPageLayout(t.sheet, &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := t.f.SetSheetProps(t.sheet, &excelize.SheetPropsOptions{FitToPage: &yes}); err != nil {
		return err
	}
	margin, top := 0.6, 0.8
	if err := t.f.SetPageMargins(t.sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &top, Bottom: &top}); err != nil {
		return err
	}
	if err := t.f.SetHeaderFooter(t.sheet, &excelize.HeaderFooterOptions{OddFooter: "&C第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	if err := t.f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: fmt.Sprintf("'%s'!$3:$3", t.sheet), Scope: t.sheet}); err != nil {
		return err
	}
	return t.f.SetPanes(t.sheet, &excelize.Panes{Freeze: true, YSplit: 3, TopLeftCell: "A4", ActivePane: "bottomLeft"})
}

// textWidth is a text's width in Excel's column units at 12 points: a Chinese character takes
// about two and a quarter, a digit or letter a little over one.
func textWidth(s string) float64 {
	w := 0.0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFFEF {
			w += 2.25
		} else {
			w += 1.15
		}
	}
	return w
}

// WriteRoster writes a roster workbook that the roster import reads back unchanged: the
// 联系片划分 sheet (area cells merged over their units), the 人员名单 sheet and, when some
// units belong to no area, a 未分片单位 sheet; 仿宋 text, 黑体 titles, borders, A4.
func WriteRoster(w io.Writer, b RosterBook) error {
	f := newBook()
	defer closeQuietly(f)
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", RosterAreaSheet); err != nil {
		return err
	}
	title := b.Title
	if title == "" {
		title = "机关党建工作联系片划分表"
	}
	date := "导出日期：" + b.Date.Format("2006年1月2日")
	units := map[string]RosterUnit{}
	var unassigned []RosterUnit
	for _, u := range b.Units {
		units[u.Name] = u
		if u.Area == "" {
			unassigned = append(unassigned, u)
		}
	}

	t, err := newRosterTable(f, st, RosterAreaSheet, title, date,
		[]string{"序号", "联系片", "片长单位", "成员单位", "简称", "党组织类型", "党组织书记", "党员人数", "联系区委常委", "总联络员", "联系电话"},
		0, 4, 5, 6, 8, 9, 10)
	if err != nil {
		return err
	}
	for _, a := range b.Areas {
		first := t.row
		names := a.Units
		if len(names) == 0 {
			names = []string{""}
		}
		for _, name := range names {
			u := units[name]
			var count any = ""
			if u.MemberCount > 0 {
				count = u.MemberCount
			}
			if err := t.put([]any{a.Number, a.Name, a.LeadUnit, name, u.ShortName, u.OrgType, u.Secretary, count, a.Leader, a.Liaison, a.Phone}); err != nil {
				return err
			}
		}
		for _, c := range []int{0, 1, 2, 8, 9, 10} {
			if err := t.merge(c, first, t.row-1); err != nil {
				return err
			}
		}
	}
	if err := t.finish(true); err != nil {
		return err
	}

	if len(unassigned) > 0 {
		if _, err := f.NewSheet(RosterUnassignedSheet); err != nil {
			return err
		}
		t, err := newRosterTable(f, st, RosterUnassignedSheet, "未分片单位", date,
			[]string{"序号", "单位名称", "简称", "党组织类型", "党组织书记", "党员人数"}, 0, 2, 3, 4)
		if err != nil {
			return err
		}
		for i, u := range unassigned {
			var count any = ""
			if u.MemberCount > 0 {
				count = u.MemberCount
			}
			if err := t.put([]any{i + 1, u.Name, u.ShortName, u.OrgType, u.Secretary, count}); err != nil {
				return err
			}
		}
		if err := t.finish(false); err != nil {
			return err
		}
	}

	if _, err := f.NewSheet(RosterPeopleSheet); err != nil {
		return err
	}
	t, err = newRosterTable(f, st, RosterPeopleSheet, "人员名单", date, []string{"序号", "姓名", "单位", "职务", "手机号码"}, 0, 1, 4)
	if err != nil {
		return err
	}
	for i, p := range b.People {
		if err := t.put([]any{i + 1, p.Name, p.Unit, p.Title, p.Phone}); err != nil {
			return err
		}
	}
	if err := t.finish(false); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}
