package workbook

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/scoring"
)

// Bounds on what a returned workbook may hold: far more than a real one, small enough that a
// hostile file cannot make the reader slow or hungry.
const (
	maxReturnSheets = 1000
	maxReturnRows   = 5000
	maxReturnCols   = 40
	maxMetaRows     = 20000
	// raterMetaRows bounds a rater workbook's metadata: a row per sheet and per indicator.
	raterMetaRows     = maxReturnSheets + maxReturnRows + 50
	MaxCommentRunes   = 1000
	headerSearchRows  = 30
	markerSearchCells = 40
)

// RaterReturn is a returned rater workbook as read: every indicator cell of every unit sheet
// with the rater's entry parsed, and every problem found. A return with problems must not be
// applied.
type RaterReturn struct {
	Meta *RaterMeta
	// Modified is when the office suite last saved the file (docProps), "" when unknown.
	Modified string
	Sheets   []ReturnedSheet
	Problems []Problem
	// Notes are worth telling but do not stop an import (a comment without a score).
	Notes []Problem
}

// ReturnedSheet is one unit's sheet as found in the returned file, under its current name.
type ReturnedSheet struct {
	Key    int
	UnitID uint
	Name   string
	Cells  []ReturnedCell
}

// ReturnedCell is the rater's entry for one indicator: a value in centi-points, or blank, and
// the comment; Sheet and Cell locate the 得分 cell as the returned file has it.
type ReturnedCell struct {
	IndicatorID uint
	Sheet       string
	Cell        string
	Blank       bool
	Value       int64
	Comment     string
}

func metaBroken(detail string) error {
	return apperr.Invalidf("评分表的标识信息（隐藏的元数据）已损坏：%s。请使用联看评导出的原始评分表，不要修改隐藏的内容", detail)
}

// ReadRaterMeta finds and reads the metadata sheet of a returned workbook. It does not check
// the signature (see RaterMeta.Verify): the caller first tells apart a workbook of another
// database, whose signature cannot match.
func ReadRaterMeta(f *excelize.File) (*RaterMeta, error) {
	sheets := f.GetSheetList()
	if len(sheets) > maxReturnSheets {
		return nil, apperr.Invalidf("工作簿有 %d 张工作表，不是联看评的评分表", len(sheets))
	}
	name := ""
	for _, s := range sheets {
		if s == RaterMetaSheet {
			name = s
		}
	}
	if name == "" {
		for _, s := range sheets {
			if first, _ := firstRow(f, s); len(first) > 0 && CleanText(first[0]) == RaterMetaTitle {
				name = s
				break
			}
		}
	}
	if name == "" {
		if hint := KindHint(f, KindRater); hint != "" {
			return nil, apperr.Invalidf("%s", hint)
		}
		return nil, apperr.Invalidf("这不是联看评导出的评分表：找不到评分表的标识信息。请用联看评导出的评分表填写后交回")
	}
	rows, err := readRowsUntil(f, name, raterMetaRows, 4, nil)
	if err != nil {
		return nil, metaBroken(err.Error())
	}
	return parseMeta(rows)
}

func parseMeta(rows [][]string) (*RaterMeta, error) {
	m := &RaterMeta{}
	if len(rows) == 0 || CleanText(cell(rows, 0, 0)) != RaterMetaTitle {
		return nil, metaBroken("标题不符")
	}
	num := func(s string) (int, bool) {
		v, err := strconv.Atoi(strings.TrimSpace(s))
		return v, err == nil && v >= 0
	}
	id := func(s string) (uint, bool) {
		v, err := strconv.ParseUint(strings.TrimSpace(s), 10, 32)
		return uint(v), err == nil
	}
	seen := map[string]bool{}
	for r := 1; r < len(rows); r++ {
		key := strings.TrimSpace(cell(rows, r, 0))
		val := strings.TrimSpace(cell(rows, r, 1))
		ok := true
		switch key {
		case "":
			continue
		case "format":
			m.Format = val
		case "version":
			m.Version, ok = num(val)
		case "workbook_id":
			m.WorkbookID = val
		case "database_id":
			m.DatabaseID = val
		case "round_id":
			m.RoundID, ok = id(val)
		case "round_code":
			m.RoundCode = val
		case "scheme_id":
			m.SchemeID, ok = id(val)
		case "scheme_version":
			m.SchemeVersion, ok = num(val)
		case "rater_id":
			m.RaterID, ok = id(val)
		case "rater_name":
			m.RaterName = val
		case "exported_at":
			m.ExportedAt = val
		case "header_row":
			m.HeaderRow, ok = num(val)
		case "sheets", "rows":
		case "sheet":
			var s MetaSheet
			var ok1, ok2 bool
			s.Key, ok1 = num(val)
			s.UnitID, ok2 = id(cell(rows, r, 2))
			s.Name = cell(rows, r, 3)
			ok = ok1 && ok2 && s.Key > 0
			m.Sheets = append(m.Sheets, s)
		case "row":
			var x MetaRow
			var ok1, ok2 bool
			x.Row, ok1 = num(val)
			x.IndicatorID, ok2 = id(cell(rows, r, 2))
			x.Code = strings.TrimSpace(cell(rows, r, 3))
			ok = ok1 && ok2 && x.Row > 0 && x.Row <= maxReturnRows && x.Code != ""
			m.Rows = append(m.Rows, x)
		case "signature":
			m.Signature = val
		default:
			return nil, metaBroken("未知的项目「" + truncRunes(key, 20) + "」")
		}
		if !ok {
			return nil, metaBroken(fmt.Sprintf("第 %d 行「%s」的值无效", r+1, truncRunes(key, 20)))
		}
		if key != "sheet" && key != "row" && key != "sheets" && key != "rows" {
			if seen[key] {
				return nil, metaBroken("「" + key + "」出现了两次")
			}
			seen[key] = true
		}
	}
	switch {
	case m.Format != RaterFormat:
		return nil, apperr.Invalidf("这不是联看评导出的评分表（格式标识为「%s」）", truncRunes(m.Format, 30))
	case m.Version > RaterFormatVersion:
		return nil, apperr.Invalidf("这份评分表由更新版本的联看评导出（格式第 %d 版，本程序支持第 %d 版），请升级联看评后再导入", m.Version, RaterFormatVersion)
	case m.Version < 1:
		return nil, metaBroken("格式版本无效")
	case m.WorkbookID == "" || m.DatabaseID == "" || m.RoundCode == "" || m.RoundID == 0 || m.RaterID == 0 || m.SchemeID == 0:
		return nil, metaBroken("缺少必要的项目")
	case m.HeaderRow < 1 || m.HeaderRow > headerSearchRows:
		return nil, metaBroken("标题行位置无效")
	case len(m.Sheets) == 0 || len(m.Rows) == 0:
		return nil, metaBroken("没有单位或指标")
	case m.Signature == "":
		return nil, metaBroken("缺少签名")
	}
	keys, units, rowsSeen, inds := map[int]bool{}, map[uint]bool{}, map[int]bool{}, map[uint]bool{}
	for _, s := range m.Sheets {
		if keys[s.Key] || units[s.UnitID] {
			return nil, metaBroken("单位重复")
		}
		keys[s.Key], units[s.UnitID] = true, true
	}
	for _, r := range m.Rows {
		if rowsSeen[r.Row] || inds[r.IndicatorID] || r.Row <= m.HeaderRow {
			return nil, metaBroken("指标行重复或位置无效")
		}
		rowsSeen[r.Row], inds[r.IndicatorID] = true, true
	}
	return m, nil
}

// firstRow reads the first row of a sheet.
func firstRow(f *excelize.File, sheet string) ([]string, error) {
	rows, err := readRows(f, sheet, 1, markerSearchCells)
	if err != nil || len(rows) == 0 {
		return nil, err
	}
	return rows[0], nil
}

// readRows reads at most maxRows rows and maxCols columns of a sheet with the streaming
// iterator and raw values; rows are indexed by their row number (0-based), columns by their
// column, whatever cells the file leaves out.
func readRows(f *excelize.File, sheet string, maxRows, maxCols int) ([][]string, error) {
	return readRowsUntil(f, sheet, maxRows, maxCols, nil)
}

// readRowsUntil is readRows that, when keep is given, shows it each of the first
// headerSearchRows rows and stops after them unless it says of one of them to go on. A sheet
// that takes longer than maxSheetTime is refused, so that no file, however built, keeps the
// reader busy for long.
func readRowsUntil(f *excelize.File, sheet string, maxRows, maxCols int, keep func(row []string) bool) ([][]string, error) {
	it, err := scannedRows(f, sheet)
	if err != nil {
		return nil, err
	}
	defer closeQuietly(it)
	start := time.Now()
	var out [][]string
	for n := 0; n < maxRows && it.Next(); n++ {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(cols) > maxCols {
			cols = cols[:maxCols]
		}
		out = append(out, cols)
		if keep != nil {
			if keep(cols) {
				keep = nil
			} else if n == headerSearchRows-1 {
				return out, nil
			}
		}
		if n%256 == 255 && time.Since(start) > maxSheetTime {
			return nil, errTooSlow
		}
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out, nil
}

// maxSheetTime bounds the reading of one sheet; a real one takes milliseconds.
const maxSheetTime = 10 * time.Second

var errTooSlow = errors.New("工作表过于复杂，读取超时")

func cell(rows [][]string, r, c int) string {
	if r < 0 || r >= len(rows) || c < 0 || c >= len(rows[r]) {
		return ""
	}
	return rows[r][c]
}

// foundSheet is a unit sheet located by its marker.
type foundSheet struct {
	name string
	meta MetaSheet
	rows [][]string
}

// ReadRaterSheets reads the rater's entries from a returned workbook whose metadata is meta:
// unit sheets are found by the marker in their first row (so they may be renamed or reordered),
// indicator rows by the metadata's row map, or by their 编号 when rows were inserted; columns by
// their titles. inds are the round's scorable indicators by id, against which the locked cells
// (编号 and 分值) are checked and the entries parsed.
func ReadRaterSheets(f *excelize.File, meta *RaterMeta, inds map[uint]RaterIndicator) *RaterReturn {
	ret := &RaterReturn{Meta: meta}
	if p, err := f.GetDocProps(); err == nil && p != nil {
		ret.Modified = p.Modified
	}
	byKey := map[int]MetaSheet{}
	for _, s := range meta.Sheets {
		byKey[s.Key] = s
	}
	for _, r := range meta.Rows {
		if _, ok := inds[r.IndicatorID]; !ok {
			ret.problem("", "", fmt.Sprintf("评分表中的指标 %s 不属于本轮的考核方案，请重新导出评分表", r.Code))
		}
	}
	if len(ret.Problems) > 0 {
		return ret
	}
	found := map[int]*foundSheet{}
	var order []*foundSheet
	for _, name := range f.GetSheetList() {
		if name == RaterMetaSheet {
			continue
		}
		// Each sheet is read once: its top rows tell (by the marker) whether to go on. The
		// marker is in row 1 as exported, lower when the rater inserted rows above the title.
		rows, err := readRowsUntil(f, name, maxReturnRows, maxReturnCols, func(row []string) bool {
			_, _, ok := findMarker(row)
			return ok
		})
		if err != nil {
			at, msg := sheetProblem(err)
			ret.problem(name, at, msg)
			continue
		}
		var wbID string
		var key int
		ok := false
		for r := 0; r < min(len(rows), headerSearchRows) && !ok; r++ {
			wbID, key, ok = findMarker(rows[r])
		}
		if !ok {
			continue // a sheet the rater added, or the guide and the overview
		}
		s, known := byKey[key]
		switch {
		case wbID != meta.WorkbookID:
			ret.problem(name, "", "这张工作表是从另一份评分表复制来的，请删除它，在本评分表对应单位的工作表中填写")
			continue
		case !known:
			ret.problem(name, "", "这张工作表的标识无效，请删除它")
			continue
		case found[key] != nil:
			ret.problem(name, "", fmt.Sprintf("工作表「%s」和「%s」都是%s的评分表（可能复制了工作表），请删除多余的一张", found[key].name, name, s.Name))
			continue
		}
		fs := &foundSheet{name: name, meta: s, rows: rows}
		found[key] = fs
		order = append(order, fs)
	}
	for _, s := range meta.Sheets {
		if found[s.Key] == nil {
			ret.problem(s.Name, "", fmt.Sprintf("找不到工作表「%s」，它可能被删除了；请使用完整的评分表", s.Name))
		}
	}
	for _, fs := range order {
		ret.readSheet(f, fs, meta, inds)
	}
	return ret
}

func findMarker(first []string) (string, int, bool) {
	for _, v := range first {
		if strings.HasPrefix(strings.TrimSpace(v), raterMarkerPrefix+"|") {
			return parseMarker(v)
		}
	}
	return "", 0, false
}

func (ret *RaterReturn) problem(sheet, cell, msg string) {
	ret.Problems = append(ret.Problems, Problem{Sheet: sheet, Cell: cell, Message: msg})
}

func (ret *RaterReturn) note(sheet, cell, msg string) {
	ret.Notes = append(ret.Notes, Problem{Sheet: sheet, Cell: cell, Message: msg})
}

// columns are where a unit sheet's fields stand, found by their titles; text holds the
// locked text columns (一级指标, 二级指标, 评分要点, 评分方式) by title, -1 when absent.
type columns struct {
	code, max, score, comment int
	text                      map[string]int
}

// raterLockedTexts are the titles of the locked text columns of a unit sheet.
var raterLockedTexts = []string{"一级指标", "二级指标", "评分要点", "评分方式"}

// findColumns reads the title row (the metadata's, or the first row within reach that holds
// both 编号 and 得分 when rows were inserted above it).
func findColumns(rows [][]string, headerRow int) (columns, int, bool) {
	try := func(r int) (columns, bool) {
		c := columns{-1, -1, -1, -1, map[string]int{}}
		for _, t := range raterLockedTexts {
			c.text[t] = -1
		}
		for i := 0; r < len(rows) && i < len(rows[r]); i++ {
			key := HeaderKey(rows[r][i])
			if at, ok := c.text[key]; ok && at < 0 {
				c.text[key] = i
			}
			switch key {
			case "编号":
				c.code = i
			case "分值":
				c.max = i
			case "得分":
				c.score = i
			case "说明":
				c.comment = i
			}
		}
		return c, c.code >= 0 && c.score >= 0
	}
	if c, ok := try(headerRow - 1); ok {
		return c, headerRow - 1, true
	}
	for r := 0; r < min(len(rows), headerSearchRows); r++ {
		if c, ok := try(r); ok {
			return c, r, true
		}
	}
	return columns{}, 0, false
}

func (ret *RaterReturn) readSheet(f *excelize.File, fs *foundSheet, meta *RaterMeta, inds map[uint]RaterIndicator) {
	name, rows := fs.name, fs.rows
	cols, header, ok := findColumns(rows, meta.HeaderRow)
	if !ok {
		ret.problem(name, "", "找不到“编号”和“得分”两列的标题，标题行可能被改动了")
		return
	}
	if cols.max < 0 {
		ret.problem(name, CellName(header, 4), "找不到“分值”列的标题，标题行可能被改动了")
		return
	}
	for i, t := range raterLockedTexts {
		if cols.text[t] < 0 {
			ret.problem(name, CellName(header, i+1), fmt.Sprintf("找不到“%s”列的标题，标题行可能被改动了", t))
			return
		}
	}
	pictures := cellPictures{f: f, any: hasCellImages(f)}
	// Where each code stands, for rows that moved.
	codeRows := map[string][]int{}
	for r := header + 1; r < len(rows); r++ {
		if c := cleanCell(cell(rows, r, cols.code)); c != "" {
			codeRows[c] = append(codeRows[c], r)
		}
	}
	sheet := ReturnedSheet{Key: fs.meta.Key, UnitID: fs.meta.UnitID, Name: name}
	for _, mr := range meta.Rows {
		ind := inds[mr.IndicatorID]
		r := mr.Row - 1 + (header - (meta.HeaderRow - 1))
		if cleanCell(cell(rows, r, cols.code)) != ind.Code {
			switch at := codeRows[ind.Code]; len(at) {
			case 1:
				r = at[0]
			case 0:
				ret.problem(name, CellName(r, cols.code), fmt.Sprintf("找不到指标 %s（%s）所在的行：“编号”单元格已锁定，不能修改，行也不能删除", ind.Code, ind.Name))
				continue
			default:
				ret.problem(name, CellName(at[1], cols.code), fmt.Sprintf("指标 %s 出现了 %d 次，请删除复制的行", ind.Code, len(at)))
				continue
			}
		}
		shown := cell(rows, r, cols.max)
		if !sameMax(shown, ind.shownMax()) {
			ret.problem(name, CellName(r, cols.max), fmt.Sprintf("“分值”单元格已锁定，不能修改：指标 %s 的分值应为 %s，现为「%s」", ind.Code, scoring.FormatPoints(ind.shownMax()), truncRunes(CleanText(shown), 20)))
			continue
		}
		if !ret.lockedTextsKept(name, rows, r, cols, ind) {
			continue
		}
		rc := ReturnedCell{IndicatorID: ind.ID, Sheet: name, Cell: CellName(r, cols.score)}
		text := cell(rows, r, cols.score)
		if pictures.in(name, rc.Cell, text) {
			ret.problem(name, rc.Cell, fmt.Sprintf("指标 %s：“得分”单元格中是一张图片，请删除图片，填写分数", ind.Code))
			continue
		}
		if strings.TrimSpace(text) == "" && !sheetScanned(f, name) {
			// excelize's row iterator reads a cell whose shared string is missing as blank: ask
			// the cell API, which reports it (it parses the sheet once, then answers from
			// memory). The scanner refuses such a sheet, so a sheet it read needs no asking.
			if _, err := f.GetCellValue(name, rc.Cell, excelize.Options{RawCellValue: true}); err != nil {
				ret.problem(name, rc.Cell, "单元格的内容无法读取（文件已损坏）")
				continue
			}
		}
		v, blank, err := scoring.ParseValue(ind.Indicator, text)
		if err != nil {
			ret.problem(name, rc.Cell, fmt.Sprintf("指标 %s：%s", ind.Code, err.Error()))
			continue
		}
		rc.Blank, rc.Value = blank, v
		if cols.comment >= 0 && pictures.in(name, CellName(r, cols.comment), cell(rows, r, cols.comment)) {
			ret.note(name, CellName(r, cols.comment), fmt.Sprintf("指标 %s 的说明中是一张图片（WPS 的单元格图片），图片不会导入；需要时请用文字说明", ind.Code))
		} else if cols.comment >= 0 {
			rc.Comment = strings.TrimSpace(cell(rows, r, cols.comment))
			if utf8.RuneCountInString(rc.Comment) > MaxCommentRunes {
				ret.problem(name, CellName(r, cols.comment), fmt.Sprintf("说明太长（最多 %d 字）", MaxCommentRunes))
				continue
			}
			if blank && rc.Comment != "" {
				ret.note(name, CellName(r, cols.comment), fmt.Sprintf("指标 %s 有说明但没有得分，说明不会导入", ind.Code))
				rc.Comment = ""
			}
		}
		sheet.Cells = append(sheet.Cells, rc)
	}
	ret.Sheets = append(ret.Sheets, sheet)
}

// cellPictures tells the pictures WPS puts in cells ("嵌入单元格图片"): a DISPIMG formula,
// whose cached value is the formula's text, and the picture in xl/cellimages.xml. No other
// program reads them; the text must not pass for a score or a comment.
type cellPictures struct {
	f   *excelize.File
	any bool // the file has xl/cellimages.xml
}

// in tells whether the cell whose value is text holds a picture; a blank cell is asked for its
// formula only in a file with cell pictures.
func (p cellPictures) in(sheet, cellName, text string) bool {
	if isDispImg(text) {
		return true
	}
	if !p.any || strings.TrimSpace(text) != "" {
		return false
	}
	formula, err := p.f.GetCellFormula(sheet, cellName)
	return err == nil && isDispImg(formula)
}

func isDispImg(s string) bool {
	t := strings.ToUpper(strings.TrimSpace(s))
	t = strings.TrimPrefix(strings.TrimPrefix(t, "="), "_XLFN.")
	return strings.HasPrefix(t, "DISPIMG(")
}

func hasCellImages(f *excelize.File) bool {
	_, ok := f.Pkg.Load("xl/cellimages.xml")
	return ok
}

// lockedTextsKept checks the locked text cells of an indicator's row against what the export
// wrote, and reports each one changed: a score typed into 评分方式 instead of 得分 must not
// import as a blank. Spaces and line breaks do not count (office suites rewrap text), and a
// blank 一级指标 is the merged range over the dimension's rows.
func (ret *RaterReturn) lockedTextsKept(sheet string, rows [][]string, r int, cols columns, ind RaterIndicator) bool {
	ok := true
	for _, t := range raterLockedTexts {
		c := cols.text[t]
		got := cell(rows, r, c)
		var want string
		switch t {
		case "一级指标":
			want = ind.Dimension
		case "二级指标":
			want = ind.indicatorLabel()
		case "评分要点":
			want = ind.Points
		default:
			want = ind.methodLabel()
		}
		if sameText(got, want) || t == "一级指标" && CleanText(got) == "" ||
			t == "评分方式" && slices.ContainsFunc(ind.methodLabels()[1:], func(w string) bool { return sameText(got, w) }) {
			continue
		}
		ok = false
		shown := truncRunes(CleanText(got), 20)
		if shown == "" {
			shown = "空白"
		} else {
			shown = "「" + shown + "」"
		}
		ret.problem(sheet, CellName(r, c), fmt.Sprintf("“%s”单元格已锁定，不能修改：指标 %s 的%s应为「%s」，现为%s；分数请填在“得分”列", t, ind.Code, t, truncRunes(CleanText(want), 20), shown))
	}
	return ok
}

// sameText compares two cell texts without their spaces and line breaks.
func sameText(a, b string) bool {
	strip := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsSpace(r) || r == '\u3000' {
				return -1
			}
			return r
		}, s)
	}
	return a == b || strip(a) == strip(b)
}

// cleanCell is CleanText, without its work for the usual cell that needs none: the reader
// calls it for every row of every sheet.
func cleanCell(s string) string {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < '!' || c >= 0x80 {
			return CleanText(s)
		}
	}
	return s
}

// sameMax tells whether a 分值 cell still shows max: the number as written ("5", "0.5"), or
// anything ParseCenti reads as that many centi-points.
func sameMax(shown string, max int64) bool {
	if shown == scoring.FormatPoints(max) {
		return true
	}
	v, present, err := ParseCenti(shown)
	return err == nil && present && v == max
}
