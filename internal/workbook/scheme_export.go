package workbook

import (
	"io"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/scheme"
)

// Fonts of printed documents: 黑体 for titles and headers, 仿宋 for the body, as government
// offices print them.
const (
	fontTitle = "黑体"
	fontBody  = "仿宋"
)

var levelTitles = []string{"一级指标", "二级指标", "三级指标", "四级指标"}

// WriteSchemeFile writes d to path in the office layout (see EncodeScheme). It writes a
// temporary file beside path and renames it, so path is never left half-written.
func WriteSchemeFile(path string, d scheme.Detail) error {
	return SaveFile(path, func(w io.Writer) error { return EncodeScheme(w, d) })
}

// EncodeScheme writes a scheme as the 评分细则 workbook offices keep and print: a title row,
// the columns 一级指标 | 二级指标 | 评分要点 | 分值 | 评分方式 (and 三级指标… when the tree is
// deeper), group labels merged over their rows with their points (“（30分）”), and a 合计 row.
// Everything DecodeScheme needs to read the same tree back is in the visible text: a kind
// that the 评分方式 would not tell is written at its start (“扣分项：”, “加分项：”, “等次评价：
// 好10分、…”), and a step other than 0.5 as “（计分单位：1分）”.
func EncodeScheme(w io.Writer, d scheme.Detail) error {
	roots := d.Nodes()
	scheme.Number(roots)
	total := scheme.Sum(roots)
	depth := 2
	scheme.Walk(roots, func(n, _ *scheme.Node) { depth = max(depth, n.Level) })
	if depth > len(levelTitles) {
		return apperr.Invalidf("方案有 %d 级指标，表格最多能写 %d 级", depth, len(levelTitles))
	}

	f := newBook()
	defer closeQuietly(f)
	sheet := "评分细则"
	if err := f.SetSheetName("Sheet1", sheet); err != nil {
		return err
	}
	headers := append(append([]string{}, levelTitles[:depth]...), "评分要点", "分值", "评分方式")
	colPoints, colMax, colMethod := depth, depth+1, depth+2
	lastCol := colMethod
	st, err := newSchemeStyles(f)
	if err != nil {
		return err
	}
	set := func(row, col int, v any, style int) {
		cell := CellName(row, col)
		f.SetCellValue(sheet, cell, v)
		f.SetCellStyle(sheet, cell, cell, style)
	}
	merge := func(r1, c1, r2, c2 int) {
		if r1 != r2 || c1 != c2 {
			f.MergeCell(sheet, CellName(r1, c1), CellName(r2, c2))
		}
	}

	// Title and header.
	set(0, 0, d.Scheme.Name, st.title)
	for c := 1; c <= lastCol; c++ {
		set(0, c, "", st.title)
	}
	merge(0, 0, 0, lastCol)
	f.SetRowHeight(sheet, 1, 36)
	for c, h := range headers {
		set(1, c, h, st.header)
	}
	f.SetRowHeight(sheet, 2, 24)

	// One row per leaf; the levels above it are merged over their leaves.
	widths := []float64{18, 22, 18, 18}[:depth]
	widths = append(widths, 46, 8, 34)
	row := 2
	lines := map[int]int{} // lines each row needs, by 0-based row
	var write func(n *scheme.Node, path []*scheme.Node)
	write = func(n *scheme.Node, path []*scheme.Node) {
		path = append(path, n)
		if len(n.Children) > 0 {
			first := row
			for _, c := range n.Children {
				write(c, path)
			}
			col := n.Level - 1
			set(first, col, groupLabel(n), st.level)
			for r := first + 1; r < row; r++ {
				set(r, col, "", st.level)
			}
			merge(first, col, row-1, col)
			// A label longer than its rows are tall makes the last of them taller.
			need, have := linesIn(groupLabel(n), widths[col]), 0
			for r := first; r < row; r++ {
				have += lines[r]
			}
			if need > have {
				lines[row-1] += need - have
			}
			return
		}
		for c := n.Level - 1; c < depth; c++ {
			set(row, c, "", st.level)
		}
		set(row, n.Level-1, n.Name, st.level)
		set(row, colPoints, n.Points, st.body)
		set(row, colMax, float64(n.MaxCenti)/100, st.number)
		set(row, colMethod, methodText(n, path), st.body)
		lines[row] = 1
		for c := n.Level - 1; c < len(headers); c++ {
			v, _ := f.GetCellValue(sheet, CellName(row, c))
			lines[row] = max(lines[row], linesIn(v, widths[c]))
		}
		row++
	}
	for _, n := range roots {
		write(n, nil)
	}

	// 合计, with the caps of bonus and deduction items noted beside it.
	set(row, 0, "合计", st.header)
	for c := 1; c < colMax; c++ {
		set(row, c, "", st.header)
	}
	merge(row, 0, row, colMax-1)
	set(row, colMax, float64(total.ScoreCenti)/100, st.totalNumber)
	var notes []string
	if total.BonusCenti > 0 {
		notes = append(notes, "加分项最高加"+scheme.FormatPoints(total.BonusCenti)+"分")
	}
	if total.DeductCenti > 0 {
		notes = append(notes, "扣分项最多扣"+scheme.FormatPoints(total.DeductCenti)+"分")
	}
	note := ""
	if len(notes) > 0 {
		note = "不含加分、扣分；" + strings.Join(notes, "，")
	}
	set(row, colMethod, note, st.body)
	lines[row] = linesIn(note, widths[colMethod])
	for r, n := range lines {
		f.SetRowHeight(sheet, r+1, float64(n)*16.5+10)
	}

	for c, wd := range widths {
		col, _ := excelize.ColumnNumberToName(c + 1)
		f.SetColWidth(sheet, col, col, wd)
	}
	return finishPrintable(f, sheet, lastCol, w)
}

// finishPrintable sets up a sheet for printing on A4 landscape, one page wide, with its header
// row repeated on every page and page numbers in the footer, then writes the workbook.
func finishPrintable(f *excelize.File, sheet string, lastCol int, w io.Writer) error {
	landscape, fit, one, zero := "landscape", true, 1, 0
	paper := 9 // A4
	if err := f.SetPageLayout(sheet, &excelize.PageLayoutOptions{Size: &paper, Orientation: &landscape,
		FitToWidth: &one, FitToHeight: &zero}); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	mTop, mSide, mBottom, mHeader := 0.6, 0.5, 0.7, 0.3
	center := true
	f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Top: &mTop, Bottom: &mBottom, Left: &mSide, Right: &mSide,
		Header: &mHeader, Footer: &mHeader, Horizontally: &center})
	f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: "&C&\"仿宋\"第 &P 页 共 &N 页"})
	f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: "'" + sheet + "'!$2:$2", Scope: sheet})
	f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: 2, TopLeftCell: "A3", ActivePane: "bottomLeft"})
	if err := f.Write(w); err != nil {
		return apperr.Invalidf("写工作簿失败：%v", err)
	}
	return nil
}

type schemeStyles struct{ title, header, level, body, number, totalNumber int }

func newSchemeStyles(f *excelize.File) (schemeStyles, error) {
	border := []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	mk := func(s *excelize.Style) int {
		id, err := f.NewStyle(s)
		if err != nil {
			panic(err) // only a programming error in the styles below gets here
		}
		return id
	}
	centre := &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}
	left := &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true, Indent: 1}
	num := "0.##"
	return schemeStyles{
		title: mk(&excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 18, Bold: true}, Alignment: centre}),
		header: mk(&excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 12, Bold: true}, Alignment: centre, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}}),
		level:  mk(&excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 12}, Alignment: centre, Border: border}),
		body:   mk(&excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 12}, Alignment: left, Border: border}),
		number: mk(&excelize.Style{Font: &excelize.Font{Family: fontBody, Size: 12}, Alignment: centre, Border: border, CustomNumFmt: &num}),
		totalNumber: mk(&excelize.Style{Font: &excelize.Font{Family: fontTitle, Size: 12, Bold: true}, Alignment: centre, Border: border,
			Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}}, CustomNumFmt: &num}),
	}, nil
}

// groupLabel is a group's label with its points: “机关党建责任清单落实（30分）”, “特色创新（加分项，
// 最高5分）”, “负面清单（扣分项，最多扣10分）”. A kind is named only when every indicator below is
// of it, so that the label never decides the kind of one that differs.
func groupLabel(n *scheme.Node) string {
	s := n.Subtotal
	only := func(k scheme.Kind) bool {
		all := true
		scheme.Walk(n.Children, func(c, _ *scheme.Node) {
			if len(c.Children) == 0 && c.Kind != k {
				all = false
			}
		})
		return all
	}
	switch {
	case s.ScoreCenti > 0:
		return n.Name + "（" + scheme.FormatPoints(s.ScoreCenti) + "分）"
	case s.BonusCenti > 0 && only(scheme.Bonus):
		return n.Name + "（加分项，最高" + scheme.FormatPoints(s.BonusCenti) + "分）"
	case s.DeductCenti > 0 && only(scheme.Deduct):
		return n.Name + "（扣分项，最多扣" + scheme.FormatPoints(s.DeductCenti) + "分）"
	}
	return n.Name
}

// methodText is the 评分方式 as written, completed so that it tells the indicator's kind,
// options and step the way DecodeScheme reads them.
func methodText(n *scheme.Node, path []*scheme.Node) string {
	marker := scheme.Group
	for i := len(path) - 1; i >= 0 && marker == scheme.Group; i-- {
		label := n.Name
		if i < len(path)-1 {
			label = groupLabel(path[i])
		}
		_, _, _, marker = splitLabel(label)
	}
	m := n.Method
	kind, opts, _ := RecognizeKind(m, marker)
	switch {
	case n.Kind == scheme.Grade && (kind != scheme.Grade || scheme.OptionsText(opts) != scheme.OptionsText(n.Options)):
		canon := "等次评价：" + scheme.OptionsText(n.Options)
		if m != "" {
			canon += "。" + m
		}
		m = canon
	case n.Kind != kind && n.Kind == scheme.Deduct:
		m = joinPrefix("扣分项", m)
	case n.Kind != kind && n.Kind == scheme.Bonus:
		m = joinPrefix("加分项", m)
	}
	if n.Kind != scheme.Grade && n.StepCenti != scheme.DefaultStepCenti {
		if step, ok := stepOf(m); !ok || step != n.StepCenti {
			m += "（计分单位：" + scheme.FormatPoints(n.StepCenti) + "分）"
		}
	}
	return m
}

func joinPrefix(p, m string) string {
	if m == "" {
		return p
	}
	return p + "：" + m
}

// linesIn estimates how many lines text takes in a column of the given width (in Excel's
// character units, where a Chinese character takes about two).
func linesIn(v string, width float64) int {
	lines := 0
	for _, para := range strings.Split(v, "\n") {
		w := 0.0
		for _, r := range para {
			if r < 0x2E80 {
				w += 1.15
			} else {
				w += 2.25
			}
		}
		lines += max(1, int(math.Ceil(w/(width-3))))
	}
	return lines
}
