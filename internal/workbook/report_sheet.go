package workbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"
)

// Type sizes of the report, in points: the title 二号, headers and body 小四, notes 五号.
const (
	reportTitleSize = 20
	reportBodySize  = 12
	reportNoteSize  = 11
)

// reportCell is one cell of a report table. v is a string, an int, or a float64 that is shown
// with numFmt (two decimals for points, a percentage for rates) and stored as a number.
type reportCell struct {
	v      any
	numFmt string
	align  string
	fill   string
	bold   bool
}

func textCell(s string) reportCell   { return reportCell{v: s, align: "left"} }
func centreCell(s string) reportCell { return reportCell{v: s, align: "center"} }
func dashCell() reportCell           { return centreCell("—") }

// pointsCell shows centi-points as a number with two decimals.
func pointsCell(centi int64) reportCell {
	return reportCell{v: float64(centi) / 100, numFmt: "0.00", align: "center"}
}

// percentCell shows num/den as a percentage with one decimal.
func percentCell(num, den int64) reportCell {
	return reportCell{v: float64(num) / float64(den), numFmt: "0.0%", align: "center"}
}

// text is the cell as it reads, for measuring.
func (c reportCell) text() string {
	switch x := c.v.(type) {
	case string:
		return x
	case int:
		return fmt.Sprint(x)
	case float64:
		if c.numFmt == "0.0%" {
			return fmt.Sprintf("%.1f%%", x*100)
		}
		return fmt.Sprintf("%.2f", x)
	}
	return ""
}

// reportColumn is a column of a report table with the least and most width it may take (in
// Excel's character units); text wider than the most wraps.
type reportColumn struct {
	title    string
	min, max float64
}

// reportTable is a bordered table: a header row and rows of cells.
type reportTable struct {
	cols []reportColumn
	rows [][]reportCell
	// merges join, in the row of the first index, the cells from column 0 to the second index.
	merges [][2]int
	// sections are headings across the table before the rows they name.
	sections []reportSection
	// tail is the height of what follows the table and belongs with it (its notes): the last
	// rows start a new page with it rather than leave it alone.
	tail float64
}

// reportSection is a heading row across a table, before row at (0-based).
type reportSection struct {
	at    int
	title string
}

func (t *reportTable) col(title string, min, max float64) *reportTable {
	t.cols = append(t.cols, reportColumn{title, min, max})
	return t
}

// reportSheet writes a titled sheet of the report from top to bottom. It follows where the
// pages will break, so that a part that must stay whole (a chart, a short table) can start on
// a new page instead of being cut.
type reportSheet struct {
	rw     *reportWriter
	name   string
	widths []float64
	row    int // the next row, 1-based
	// titleRows are repeated on every page; titlePt is their height.
	titleRows int
	titlePt   float64
	// used is the height taken on the current page, in the sheet's points; the
	// whole sheet's (sheetPt), and breaks tells that a manual page break was made.
	used, sheetPt float64
	breaks        bool
}

// The printable height of an A4 landscape page between the margins of setupPrint (less a
// little for the suites' own spacing around the footer and their rounding of row heights), and
// the printable width, in points.
const (
	reportPageHeightPt = (595 - (0.7+0.75)*72) * 0.96
	reportPageWidthPt  = 842 - 2*0.5*72
)

// sheet starts a sheet whose columns fit the given tables (their columns share the sheet's
// columns by position) with its title and the 填报单位 / 填报日期 line in rows 1 and 2; rows
// 1…titleRows will be repeated on every page.
func (rw *reportWriter) sheet(name, title string, titleRows int, tables ...*reportTable) (*reportSheet, error) {
	s := &reportSheet{rw: rw, name: name, row: 1, titleRows: titleRows}
	for _, t := range tables {
		for c, col := range t.cols {
			if c >= len(s.widths) {
				s.widths = append(s.widths, 0)
			}
			need := 0.0
			for _, line := range strings.Split(col.title, "\n") {
				need = max(need, textWidth(line))
			}
			for _, r := range t.rows {
				if c < len(r) {
					need = max(need, textWidth(r[c].text()))
				}
			}
			// 3.5: the wrap estimate (linesIn) leaves 3 units of a column to its padding.
			s.widths[c] = max(s.widths[c], min(max(need+3.5, col.min), col.max))
		}
	}
	// Widths first: drawings are anchored by them.
	for c, w := range s.widths {
		col, err := excelize.ColumnNumberToName(c + 1)
		if err != nil {
			return nil, err
		}
		if err := rw.f.SetColWidth(name, col, col, w); err != nil {
			return nil, err
		}
	}
	if err := s.title(title); err != nil {
		return nil, err
	}
	return s, s.fillLine(name == ReportRankingSheet)
}

func (s *reportSheet) total() float64 {
	w := 0.0
	for _, x := range s.widths {
		w += x
	}
	return w
}

func (s *reportSheet) last() int { return len(s.widths) - 1 }

// put writes one value with a look.
func (s *reportSheet) put(row, col int, v any, l look) error {
	id, err := s.rw.lk.id(l)
	if err != nil {
		return err
	}
	cell := CellName(row-1, col)
	switch x := v.(type) {
	case nil:
	case string:
		err = s.rw.f.SetCellStr(s.name, cell, x)
	default:
		err = s.rw.f.SetCellValue(s.name, cell, x)
	}
	if err != nil {
		return err
	}
	return s.rw.f.SetCellStyle(s.name, cell, cell, id)
}

// band writes text over columns from..to of the current row, merged, and moves to the next row.
func (s *reportSheet) band(from, to int, text string, l look) error {
	for c := from; c <= to; c++ {
		var v any
		if c == from {
			v = text
		}
		if err := s.put(s.row, c, v, l); err != nil {
			return err
		}
	}
	if to > from {
		return s.rw.f.MergeCell(s.name, CellName(s.row-1, from), CellName(s.row-1, to))
	}
	return nil
}

// lines estimates how many lines text takes in a width at a type size.
func lines(text string, width float64, size float64) int {
	return linesIn(text, width*reportBodySize/size)
}

func (s *reportSheet) height(n int, size float64) error { return s.setHeight(s.lineHeight(n, size)) }

// lineHeight is the height of a row of n lines of type of a size.
func (s *reportSheet) lineHeight(n int, size float64) float64 {
	return math.Round(float64(n)*size*1.35 + 8)
}

// setHeight sets the height of the current row and follows the page it falls on.
func (s *reportSheet) setHeight(pt float64) error {
	if s.row <= s.titleRows {
		s.titlePt += pt
	} else if s.used+pt > s.capacity() {
		s.used = s.titlePt // the row starts a new page, under the repeated titles
	}
	s.used += pt
	s.sheetPt += pt
	return s.rw.f.SetRowHeight(s.name, s.row, pt)
}

// capacity is the height of a page in the sheet's points: a sheet wider than the page is
// printed smaller, so more of it fits.
func (s *reportSheet) capacity() float64 {
	width := 0.0
	for _, w := range s.widths {
		width += (w*7 + 5) * 0.75 // Excel's pixels of a column at 96 dpi, in points
	}
	return reportPageHeightPt / min(1, reportPageWidthPt/width)
}

// room is the height left on the current page.
func (s *reportSheet) room() float64 { return s.capacity() - s.used }

// keep starts a new page before the current row unless pt still fits on this one.
func (s *reportSheet) keep(pt float64) error {
	if pt <= s.room() || s.used <= s.titlePt || pt > s.capacity()-s.titlePt {
		return nil
	}
	return s.pageBreak()
}

// pageBreak starts a new page at the current row.
func (s *reportSheet) pageBreak() error {
	s.used = s.titlePt
	s.breaks = true
	return s.rw.f.InsertPageBreak(s.name, CellName(s.row-1, 0))
}

func (s *reportSheet) title(text string) error {
	l := look{font: fontOfficialTitle, size: reportTitleSize, align: "center", wrap: true}
	if err := s.band(0, s.last(), text, l); err != nil {
		return err
	}
	if err := s.height(lines(text, s.total(), reportTitleSize), reportTitleSize); err != nil {
		return err
	}
	s.row++
	return nil
}

// fillLine writes 填报单位：____（盖章） at the left and 填报日期 at the right and, on the sheet
// that is signed, 填表人 and 审核人 between them: blanks to fill in by hand are underlined.
func (s *reportSheet) fillLine(signers bool) error {
	plain := &excelize.Font{Family: bodyFont, Size: reportBodySize}
	blank := func(n int) excelize.RichTextRun {
		return excelize.RichTextRun{Text: strings.Repeat("　", n),
			Font: &excelize.Font{Family: bodyFont, Size: reportBodySize, Underline: "single"}}
	}
	by := []excelize.RichTextRun{{Text: "填报单位：", Font: plain}}
	if s.rw.b.FilledBy == "" {
		by = append(by, blank(10), excelize.RichTextRun{Text: "（盖章）", Font: plain})
	} else {
		by[0].Text += s.rw.b.FilledBy + "（盖章）"
	}
	date := []excelize.RichTextRun{{Text: "填报日期：" + ReportDate(s.rw.b.Date), Font: plain}}
	parts := [][]excelize.RichTextRun{by}
	aligns := []string{"left"}
	if signers {
		parts = append(parts, []excelize.RichTextRun{{Text: "填表人：", Font: plain}, blank(4),
			{Text: "　审核人：", Font: plain}, blank(4)})
		aligns = append(aligns, "center")
	}
	parts, aligns = append(parts, date), append(aligns, "right")
	// Each part gets columns in proportion to its text, the last part what is left.
	need := make([]float64, len(parts))
	sum := 0.0
	for i, p := range parts {
		for _, r := range p {
			need[i] += textWidth(r.Text)
		}
		sum += need[i]
	}
	from := 0
	for i, p := range parts {
		to := s.last()
		if i < len(parts)-1 {
			share, w := s.total()*need[i]/sum, 0.0
			to = from
			for to < s.last()-(len(parts)-1-i) && w+s.widths[to] < share {
				w += s.widths[to]
				to++
			}
			to = max(from, to-1)
			if w < need[i] && to < s.last()-(len(parts)-1-i) {
				to++
			}
		}
		if err := s.band(from, to, "", look{font: bodyFont, size: reportBodySize, align: aligns[i]}); err != nil {
			return err
		}
		if err := s.rw.f.SetCellRichText(s.name, CellName(s.row-1, from), p); err != nil {
			return err
		}
		from = to + 1
	}
	if err := s.setHeight(26); err != nil {
		return err
	}
	s.row++
	return nil
}

// table writes a header row and the rows of t.
func (s *reportSheet) table(t *reportTable) error {
	header := look{font: headerFont, size: reportBodySize, align: "center", border: true, wrap: true, fill: "F2F2F2"}
	n := 1
	for c, col := range t.cols {
		if err := s.put(s.row, c, col.title, header); err != nil {
			return err
		}
		n = max(n, lines(col.title, s.widths[c], reportBodySize))
	}
	if err := s.height(n, reportBodySize); err != nil {
		return err
	}
	s.row++
	merged := map[int]int{}
	for _, m := range t.merges {
		merged[m[0]] = m[1]
	}
	section := map[int]string{}
	for _, sc := range t.sections {
		section[sc.at] = sc.title
	}
	sectionLook := look{font: headerFont, size: reportBodySize, align: "left", border: true, fill: "F2F2F2", indent: 1}
	// One height for every row of the table, the tallest any row needs: rows of alternating
	// heights read as a ragged table on paper.
	rowPt := 0.0
	for _, r := range t.rows {
		rowPt = max(rowPt, s.rowHeight(r))
	}
	// A table that, with its notes, fits the sheet on one page needs no page kept: the sheet is
	// fitted to one page (finish).
	whole := float64(len(t.rows))*rowPt + float64(len(t.sections))*s.lineHeight(1, reportBodySize) + t.tail
	onePage := s.fitsOnePage(whole)
	keepFrom := max(0, len(t.rows)-2)
	for i := 0; i <= len(t.rows); i++ {
		if rest := float64(len(t.rows)-i)*rowPt + t.tail; i == keepFrom && t.tail > 0 && !onePage {
			if err := s.keep(rest); err != nil {
				return err
			}
		}
		if title, ok := section[i]; ok {
			// A section starts on a new page unless it fits whole on this one.
			need := s.lineHeight(1, reportBodySize)
			for j := i; j < len(t.rows) && (j == i || section[j] == ""); j++ {
				need += rowPt
			}
			if !onePage {
				if err := s.keep(need); err != nil {
					return err
				}
			}
			if err := s.band(0, s.last(), title, sectionLook); err != nil {
				return err
			}
			if err := s.height(1, reportBodySize); err != nil {
				return err
			}
			s.row++
		}
		if i == len(t.rows) {
			break
		}
		r := t.rows[i]
		for c, cell := range r {
			l := look{font: bodyFont, size: reportBodySize, align: cell.align, border: true, wrap: true,
				numFmt: cell.numFmt, fill: cell.fill, bold: cell.bold}
			switch l.align {
			case "":
				l.align = "center"
			case "left":
				l.indent = 1
			}
			if err := s.put(s.row, c, cell.v, l); err != nil {
				return err
			}
		}
		if to, ok := merged[i]; ok && to > 0 {
			if err := s.rw.f.MergeCell(s.name, CellName(s.row-1, 0), CellName(s.row-1, to)); err != nil {
				return err
			}
		}
		if err := s.setHeight(rowPt); err != nil {
			return err
		}
		s.row++
	}
	return nil
}

// rowHeight is the height a table row needs for its text to wrap into its cells.
func (s *reportSheet) rowHeight(r []reportCell) float64 {
	n := 1
	for c, cell := range r {
		if _, ok := cell.v.(string); ok && c < len(s.widths) {
			n = max(n, lines(cell.text(), s.widths[c], reportBodySize))
		}
	}
	return s.lineHeight(n, reportBodySize)
}

// note writes paragraphs under a table over the sheet's width, one row each, so that a page
// may break between them.
func (s *reportSheet) note(text string) error {
	l := look{font: bodyFont, size: reportNoteSize, align: "left", valign: "top", wrap: true}
	for _, para := range strings.Split(text, "\n") {
		if err := s.band(0, s.last(), para, l); err != nil {
			return err
		}
		if err := s.setHeight(s.noteHeight(para)); err != nil {
			return err
		}
		s.row++
	}
	return nil
}

// noteHeight is the height note gives a paragraph.
func (s *reportSheet) noteHeight(para string) float64 {
	return s.lineHeight(lines(para, s.total()-1, reportNoteSize), reportNoteSize) - 4
}

// notesHeight is the height of the notes text.
func (s *reportSheet) notesHeight(text string) float64 {
	h := 0.0
	for _, para := range strings.Split(text, "\n") {
		h += s.noteHeight(para)
	}
	return h
}

// tableWithNotes writes a table with its notes under it, kept on the page of the table's last
// rows, and sets up the page (landscape, rows 1–3 repeated).
func (s *reportSheet) tableWithNotes(t *reportTable, notes string) error {
	t.tail = s.notesHeight(notes)
	if err := s.table(t); err != nil {
		return err
	}
	if err := s.note(notes); err != nil {
		return err
	}
	return s.finish(printSetup{landscape: true, titleRows: 3})
}

// caption writes the heading of a part of a sheet.
func (s *reportSheet) caption(text string) error {
	l := look{font: headerFont, size: 14, align: "left"}
	if err := s.band(0, s.last(), text, l); err != nil {
		return err
	}
	if err := s.setHeight(28); err != nil {
		return err
	}
	s.row++
	return nil
}

// reportMinOnePageScale is the smallest scale at which a sheet is fitted to one page rather
// than spread over two: a ranking whose notes spill onto a second page leaves it nearly blank.
const reportMinOnePageScale = 0.75

// fitsOnePage tells whether the sheet, with more points still to come, can be fitted to one
// page at reportMinOnePageScale or more.
func (s *reportSheet) fitsOnePage(more float64) bool {
	return !s.breaks && (s.sheetPt+more)*reportMinOnePageScale <= s.capacity()
}

// finish sets up the page: a sheet without manual breaks that fits one page at
// reportMinOnePageScale or more is fitted to one page.
func (s *reportSheet) finish(p printSetup) error {
	if p.titleCols == "" && s.sheetPt > s.capacity() && s.fitsOnePage(0) {
		p.onePage = true
	}
	return setupPrint(s.rw.f, s.name, p)
}
