package workbook

import (
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
)

// Grid is a worksheet read into memory as text: raw cell values (no number formats applied),
// merged cells expanded so that every cell of a merged range holds the range's value. Office
// spreadsheets merge the area or dimension column over its rows; a reader that did not expand
// them would see blanks.
type Grid struct {
	Sheet string
	rows  [][]string
	// merged marks cells that got their value from a merged range's first cell.
	merged map[[2]int]bool
	// cells counts the cells read, against MaxGridCells.
	cells int
}

// ReadGrid reads a whole sheet within the budgets of MaxGridRows and MaxGridCells (per sheet)
// and FileTimeBudget (for all the sheets of the file together), refusing with a Chinese message a sheet past them. A chart, dialog or macro
// sheet has no cells: it comes back empty (see SkippedSheets for the note). Merged ranges are
// clipped to the cells the sheet uses, so a merge over a whole sheet costs no more than its
// data.
func ReadGrid(f *excelize.File, sheet string) (*Grid, error) {
	g := &Grid{Sheet: sheet, merged: map[[2]int]bool{}}
	part, ok := sheetPartsOf(f)[sheet]
	if ok && part.kind != sheetWorksheet {
		return g, nil
	}
	if err := g.readRows(f); err != nil {
		return nil, err
	}
	merges, err := scanSheet(f, sheet, part.path)
	if err != nil {
		return nil, err
	}
	rows, cols := g.Rows(), g.Cols()
	filled := g.cells
	for _, m := range merges {
		r1, c1, r2, c2 := m[0], m[1], min(m[2], rows-1), min(m[3], cols-1)
		if r1 >= rows || c1 >= cols || r2 < r1 || c2 < c1 {
			continue
		}
		if filled += (r2 - r1 + 1) * (c2 - c1 + 1); filled > MaxGridCells {
			return nil, apperr.Invalidf("工作表「%s」的合并单元格过多或过大，不是联看评能读取的表格，已拒绝", sheet)
		}
		v := g.Cell(r1, c1)
		for r := r1; r <= r2; r++ {
			for c := c1; c <= c2; c++ {
				if r == r1 && c == c1 {
					continue
				}
				g.set(r, c, v)
				g.merged[[2]int{r, c}] = true
			}
		}
	}
	return g, nil
}

func (g *Grid) set(r, c int, v string) {
	for len(g.rows) <= r {
		g.rows = append(g.rows, nil)
	}
	for len(g.rows[r]) <= c {
		g.rows[r] = append(g.rows[r], "")
	}
	g.rows[r][c] = v
}

// Rows is the number of rows read (trailing empty rows excluded by excelize).
func (g *Grid) Rows() int { return len(g.rows) }

// Cols is the widest row's width.
func (g *Grid) Cols() int {
	w := 0
	for _, r := range g.rows {
		if len(r) > w {
			w = len(r)
		}
	}
	return w
}

// Cell is the raw text of a cell, 0-based; "" outside the sheet.
func (g *Grid) Cell(row, col int) string {
	if row < 0 || row >= len(g.rows) || col < 0 || col >= len(g.rows[row]) {
		return ""
	}
	return g.rows[row][col]
}

// Text is a cell's value cleaned for use as a name: see CleanText.
func (g *Grid) Text(row, col int) string { return CleanText(g.Cell(row, col)) }

// Merged tells whether a cell took its value from a merged range above or left of it.
func (g *Grid) Merged(row, col int) bool { return g.merged[[2]int{row, col}] }

// RowEmpty tells whether every cell of a row is blank.
func (g *Grid) RowEmpty(row int) bool {
	if row < 0 || row >= len(g.rows) {
		return true
	}
	for _, v := range g.rows[row] {
		if CleanText(v) != "" {
			return false
		}
	}
	return true
}

// CleanText trims ordinary, full-width and non-breaking spaces and folds line breaks inside a
// cell into nothing, as people add them to fit text in a column.
func CleanText(s string) string {
	return strings.Trim(lineBreaks.Replace(s), " \t\u3000")
}

// headerNoise is what HeaderKey drops: built once, as building a replacer costs far more than
// using it (a sheet 16,384 columns wide took 25 s to recognise when it was built per cell).
var headerNoise = strings.NewReplacer(" ", "", "\u3000", "", "*", "", "＊", "")

var lineBreaks = strings.NewReplacer("\r\n", "", "\n", "", "\r", "", "\u00a0", " ")

// HeaderKey normalises a header cell for matching: no spaces at all, no asterisks that mark
// required columns, full-width letters and parentheses folded.
func HeaderKey(s string) string {
	s = ToHalfWidth(CleanText(s))
	s = headerNoise.Replace(s)
	return strings.ToLower(s)
}

// Header is the result of FindHeader: the row holding the column titles and, for each wanted
// field, its column (-1 when absent).
type Header struct {
	Row  int
	Cols map[string]int
}

// FindHeader looks in the first rows of g for the row that names most of the wanted fields,
// each field known by several usual titles (aliases). Headers may stand anywhere: below a
// title row and a 填报单位 line, in any column order. It returns false when no row names at
// least minFields of them.
func FindHeader(g *Grid, aliases map[string][]string, minFields int) (Header, bool) {
	best := Header{Row: -1}
	bestN := 0
	limit := min(g.Rows(), 30)
	for r := 0; r < limit; r++ {
		cols := map[string]int{}
		for field := range aliases {
			cols[field] = -1
		}
		n := 0
		for c := 0; c < len(g.rows[r]); c++ {
			key := HeaderKey(g.rows[r][c])
			if key == "" || g.Merged(r, c) && c > 0 && HeaderKey(g.Cell(r, c-1)) == key {
				continue
			}
			for field, names := range aliases {
				if cols[field] >= 0 {
					continue
				}
				if matchesAny(key, names) {
					cols[field] = c
					// A 序号 column is on every office table: it says nothing of what the
					// table is, so it never counts towards recognising one.
					if field != "no" {
						n++
					}
					break
				}
			}
		}
		if n > bestN {
			best, bestN = Header{Row: r, Cols: cols}, n
		}
	}
	return best, bestN >= minFields && bestN > 0
}

// matchesAny tells whether a header key is one of the titles, as written or without the
// qualifiers offices add in brackets: 成员单位（部门） is 成员单位, 单位名称(全称) is 单位名称.
func matchesAny(key string, names []string) bool {
	bare := dropQualifiers(key)
	for _, n := range names {
		if k := aliasKey(n); key == k.key || bare != "" && bare == k.bare {
			return true
		}
	}
	return false
}

// aliasKeys caches each alias's HeaderKey and its bare form: the aliases are a fixed set, and
// a sheet thousands of columns wide compares every cell with every one of them.
var aliasKeys sync.Map // string → headerAlias

type headerAlias struct{ key, bare string }

func aliasKey(name string) headerAlias {
	if v, ok := aliasKeys.Load(name); ok {
		return v.(headerAlias)
	}
	k := HeaderKey(name)
	a := headerAlias{key: k, bare: dropQualifiers(k)}
	aliasKeys.Store(name, a)
	return a
}

// dropQualifiers removes bracketed parts from a header key (already folded to half width):
// 成员单位(部门) → 成员单位, 金额(万元) → 金额, 【必填】姓名 → 姓名.
func dropQualifiers(key string) string {
	var b strings.Builder
	depth := 0
	for _, r := range key {
		switch r {
		case '(', '[', '【', '〔', '<', '《':
			depth++
		case ')', ']', '】', '〕', '>', '》':
			if depth > 0 {
				depth--
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// totalWords are what a totals row starts with; such a row is never a record.
var totalWords = []string{"合计", "小计", "总计", "共计", "总合计"}

// IsTotalText tells whether a cell's text labels a totals row: 合计, 小 计, 总计：, 共计 12 个.
func IsTotalText(s string) bool {
	k := HeaderKey(s)
	for _, w := range totalWords {
		if strings.HasPrefix(k, w) {
			return true
		}
	}
	return false
}

// ToHalfWidth folds full-width ASCII forms (０-９, Ａ-Ｚ, ．, （ ）…) to their ordinary forms, as
// Chinese input methods often type them.
func ToHalfWidth(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range s {
		switch {
		case r >= 0xFF01 && r <= 0xFF5E:
			b.WriteRune(r - 0xFEE0)
		case r == 0x3000:
			b.WriteRune(' ')
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}
