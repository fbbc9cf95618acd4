package workbook

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
)

// FeedbackReturn is a returned feedback workbook as read: every finding row with the unit's
// answers, and every problem found. A return with problems must not be applied.
type FeedbackReturn struct {
	Meta *FeedbackMeta
	// Sheet is the findings' sheet under its current name.
	Sheet    string
	Rows     []FeedbackRow
	Problems []Problem
}

// FeedbackRow is a unit's answer for one finding; blank texts and dates were left empty. The
// cells are where the answers stand in the returned file (H7, I7, J7).
type FeedbackRow struct {
	FindingID uint
	Row       int
	Measures  string
	Progress  string
	DoneDate  string
	// Files are the evidence files the 佐证材料 cell names, as written (FilesCell is blank when
	// the workbook predates the column).
	Files        []string
	MeasuresCell string
	ProgressCell string
	DoneCell     string
	FilesCell    string
}

// maxFeedbackFiles is the most files one finding's 佐证材料 cell may name.
const maxFeedbackFiles = 30

// splitFileNames reads the file names a 佐证材料 cell lists: separated by line breaks, 、，,；;
// or spaces between names that carry an extension.
func splitFileNames(s string) []string {
	f := func(r rune) bool { return strings.ContainsRune("\n\r、，,；;|", r) }
	var out []string
	for _, part := range strings.FieldsFunc(s, f) {
		part = strings.Trim(strings.TrimSpace(part), "“”\"'《》")
		if part != "" {
			out = append(out, part)
		}
	}
	return out
}

func feedbackBroken(detail string) error {
	return apperr.Invalidf("整改情况反馈表的标识信息（隐藏的元数据）已损坏：%s。请使用联看评导出的原始反馈表，不要修改隐藏的内容", detail)
}

// ReadFeedbackMeta finds and reads the metadata sheet of a returned feedback workbook, without
// checking the signature (FeedbackMeta.Verify): the caller first tells apart a workbook of
// another database. A rater workbook is told to go to its own import.
func ReadFeedbackMeta(f *excelize.File) (*FeedbackMeta, error) {
	sheets := f.GetSheetList()
	if len(sheets) > maxReturnSheets {
		return nil, apperr.Invalidf("工作簿有 %d 张工作表，不是联看评的整改情况反馈表", len(sheets))
	}
	name, rater := "", false
	for _, s := range sheets {
		first, _ := firstRow(f, s)
		title := ""
		if len(first) > 0 {
			title = CleanText(first[0])
		}
		switch {
		case s == FeedbackMetaSheet || title == FeedbackMetaTitle:
			name = s
		case s == RaterMetaSheet || title == RaterMetaTitle:
			rater = true
		}
		if name != "" {
			break
		}
	}
	if name == "" {
		if rater {
			return nil, apperr.Invalidf("这是评分表，不是整改情况反馈表，请在“工作簿”页面导入评分表")
		}
		if hint := KindHint(f, KindFeedback); hint != "" {
			return nil, apperr.Invalidf("%s", hint)
		}
		return nil, apperr.Invalidf("这不是联看评导出的整改情况反馈表：找不到反馈表的标识信息。请用联看评导出的反馈表填写后交回")
	}
	rows, err := readRows(f, name, maxMetaRows, 4)
	if err != nil {
		return nil, feedbackBroken(err.Error())
	}
	return parseFeedbackMeta(rows)
}

func parseFeedbackMeta(rows [][]string) (*FeedbackMeta, error) {
	m := &FeedbackMeta{}
	if len(rows) == 0 || CleanText(cell(rows, 0, 0)) != FeedbackMetaTitle {
		return nil, feedbackBroken("标题不符")
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
		case "", "rows":
			continue
		case "format":
			m.Format = val
		case "version":
			m.Version, ok = num(val)
		case "workbook_id":
			m.WorkbookID = val
		case "database_id":
			m.DatabaseID = val
		case "unit_id":
			m.UnitID, ok = id(val)
		case "unit_name":
			m.UnitName = val
		case "exported_at":
			m.ExportedAt = val
		case "header_row":
			m.HeaderRow, ok = num(val)
		case "row":
			var x FeedbackMetaRow
			var ok1, ok2 bool
			x.Row, ok1 = num(val)
			x.FindingID, ok2 = id(cell(rows, r, 2))
			x.Digest = strings.TrimSpace(cell(rows, r, 3))
			ok = ok1 && ok2 && x.Row > 0 && x.Row <= maxReturnRows && x.FindingID > 0 &&
				len(strings.Split(x.Digest, ".")) == len(feedbackLocked)
			m.Rows = append(m.Rows, x)
			continue
		case "signature":
			m.Signature = val
		default:
			return nil, feedbackBroken("未知的项目「" + truncRunes(key, 20) + "」")
		}
		if !ok {
			return nil, feedbackBroken(fmt.Sprintf("第 %d 行「%s」的值无效", r+1, truncRunes(key, 20)))
		}
		if seen[key] {
			return nil, feedbackBroken("「" + key + "」出现了两次")
		}
		seen[key] = true
	}
	if bad := checkRows(m); bad != "" {
		return nil, feedbackBroken(bad)
	}
	switch {
	case m.Format != FeedbackFormat:
		return nil, apperr.Invalidf("这不是联看评导出的整改情况反馈表（格式标识为「%s」）", truncRunes(m.Format, 30))
	case m.Version > FeedbackFormatVersion:
		return nil, apperr.Invalidf("这份反馈表由更新版本的联看评导出（格式第 %d 版，本程序支持第 %d 版），请升级联看评后再导入", m.Version, FeedbackFormatVersion)
	case m.Version < 1:
		return nil, feedbackBroken("格式版本无效")
	case m.WorkbookID == "" || m.DatabaseID == "" || m.UnitID == 0:
		return nil, feedbackBroken("缺少必要的项目")
	case m.HeaderRow < 1 || m.HeaderRow > headerSearchRows:
		return nil, feedbackBroken("标题行位置无效")
	case m.Signature == "":
		return nil, feedbackBroken("缺少签名")
	}
	return m, nil
}

// checkRows tells what is wrong with the row map: a row or a finding named twice, or a row
// not below the header.
func checkRows(m *FeedbackMeta) string {
	rows, ids := map[int]bool{}, map[uint]bool{}
	for _, r := range m.Rows {
		if r.Row <= 0 || r.FindingID == 0 || len(strings.Split(r.Digest, ".")) != len(feedbackLocked) {
			return fmt.Sprintf("第 %d 行的问题标识无效", r.Row)
		}
		if rows[r.Row] || ids[r.FindingID] || r.Row <= m.HeaderRow {
			return "问题行重复或位置无效"
		}
		rows[r.Row], ids[r.FindingID] = true, true
	}
	return ""
}

// feedbackColumns are where the findings' sheet's fields stand, found by their titles; key is
// the hidden column of the marker.
type feedbackColumns map[int]int

// findFeedbackColumns reads the title row (the metadata's, or the first row within reach that
// holds 问题描述 and 完成时间 when rows were inserted above it).
func findFeedbackColumns(rows [][]string, headerRow int) (feedbackColumns, int, bool) {
	try := func(r int) (feedbackColumns, bool) {
		c := feedbackColumns{}
		for i := 0; r >= 0 && r < len(rows) && i < len(rows[r]); i++ {
			key := HeaderKey(rows[r][i])
			for col, h := range FeedbackHeaders {
				if _, ok := c[col]; !ok && key == HeaderKey(h) {
					c[col] = i
				}
			}
		}
		for _, col := range append([]int{fbMeasures, fbProgress, fbDone}, feedbackLocked...) {
			if _, ok := c[col]; !ok {
				return c, false
			}
		}
		return c, true
	}
	if c, ok := try(headerRow - 1); ok {
		return c, headerRow - 1, true
	}
	for r := 0; r < min(len(rows), headerSearchRows); r++ {
		if c, ok := try(r); ok {
			return c, r, true
		}
	}
	return nil, 0, false
}

// ReadFeedbackRows reads the unit's answers from a returned workbook whose metadata is meta. The
// findings' sheet is found by the marker in its first row (it may be renamed), each finding's
// row by the metadata's row map or else by its key in the hidden column, columns by their
// titles. A locked cell whose text is not the one exported, a 完成时间 that is not a date, or a
// text too long is a problem at its cell.
func ReadFeedbackRows(f *excelize.File, meta *FeedbackMeta) *FeedbackReturn {
	ret := &FeedbackReturn{Meta: meta}
	var rows [][]string
	markerCol := -1
	for _, name := range f.GetSheetList() {
		first, err := firstRow(f, name)
		if err != nil {
			continue
		}
		for c, v := range first {
			if strings.HasPrefix(strings.TrimSpace(v), feedbackMarkerPrefix+"|") {
				if strings.TrimSpace(v) != feedbackMarker(meta.WorkbookID) {
					ret.problem(name, CellName(0, c), "这张工作表是从另一份反馈表复制来的，请使用本单位收到的反馈表填写")
					continue
				}
				if ret.Sheet != "" {
					ret.problem(name, "", fmt.Sprintf("工作表「%s」和「%s」都是整改情况表（可能复制了工作表），请删除多余的一张", ret.Sheet, name))
					continue
				}
				ret.Sheet, markerCol = name, c
			}
		}
	}
	if len(ret.Problems) > 0 {
		return ret
	}
	if ret.Sheet == "" {
		ret.problem(FeedbackSheet, "", fmt.Sprintf("找不到工作表「%s」，它可能被删除了；请使用完整的反馈表", FeedbackSheet))
		return ret
	}
	rows, err := readRows(f, ret.Sheet, maxReturnRows, maxReturnCols)
	if err != nil {
		ret.problem(ret.Sheet, "", "工作表无法读取（文件可能已损坏）")
		return ret
	}
	cols, header, ok := findFeedbackColumns(rows, meta.HeaderRow)
	if !ok {
		ret.problem(ret.Sheet, "", "找不到“问题描述”“整改措施”“完成情况”“完成时间”等列的标题，标题行可能被改动了")
		return ret
	}
	keyRows := map[string][]int{}
	for r := header + 1; r < len(rows); r++ {
		if k := CleanText(cell(rows, r, markerCol)); k != "" {
			keyRows[k] = append(keyRows[k], r)
		}
	}
	for i, mr := range meta.Rows {
		key := feedbackKey(mr.FindingID)
		r := mr.Row - 1 + (header - (meta.HeaderRow - 1))
		if CleanText(cell(rows, r, markerCol)) != key {
			switch at := keyRows[key]; len(at) {
			case 1:
				r = at[0]
			case 0:
				ret.problem(ret.Sheet, CellName(r, cols[fbSeq]), fmt.Sprintf("找不到第 %d 个问题所在的行：行不能删除", i+1))
				continue
			default:
				ret.problem(ret.Sheet, CellName(at[1], cols[fbSeq]), fmt.Sprintf("第 %d 个问题出现了 %d 次，请删除复制的行", i+1, len(at)))
				continue
			}
		}
		if row, ok := ret.readRow(rows, r, cols, mr, i+1); ok {
			ret.Rows = append(ret.Rows, row)
		}
	}
	return ret
}

func (ret *FeedbackReturn) problem(sheet, cell, msg string) {
	ret.Problems = append(ret.Problems, Problem{Sheet: sheet, Cell: cell, Message: msg})
}

// readRow reads the answers of the n-th finding at row r (0-based), after checking its locked
// cells against the digests signed at export.
func (ret *FeedbackReturn) readRow(rows [][]string, r int, cols feedbackColumns, mr FeedbackMetaRow, n int) (FeedbackRow, bool) {
	sheet := ret.Sheet
	digests := strings.Split(mr.Digest, ".")
	ok := true
	for i, col := range feedbackLocked {
		text := cell(rows, r, cols[col])
		if col == fbDeadline && strings.TrimSpace(text) != "" {
			if iso, err := CellDate(text); err == nil {
				text = iso
			}
		}
		if cellDigest(text) != digests[i] {
			ret.problem(sheet, CellName(r, cols[col]), fmt.Sprintf("“%s”单元格已锁定，不能修改（第 %d 个问题）；请恢复原来的内容，或使用原始反馈表重新填写", FeedbackHeaders[col], n))
			ok = false
		}
	}
	out := FeedbackRow{FindingID: mr.FindingID, Row: r + 1, MeasuresCell: CellName(r, cols[fbMeasures]),
		ProgressCell: CellName(r, cols[fbProgress]), DoneCell: CellName(r, cols[fbDone])}
	for _, t := range []struct {
		col  int
		dst  *string
		cell string
	}{{fbMeasures, &out.Measures, out.MeasuresCell}, {fbProgress, &out.Progress, out.ProgressCell}} {
		*t.dst = strings.TrimSpace(strings.ReplaceAll(cell(rows, r, cols[t.col]), "\r\n", "\n"))
		if utf8.RuneCountInString(*t.dst) > MaxFeedbackRunes {
			ret.problem(sheet, t.cell, fmt.Sprintf("%s太长（最多 %d 字）", FeedbackHeaders[t.col], MaxFeedbackRunes))
			ok = false
		}
	}
	if c, ok := cols[fbFiles]; ok {
		out.FilesCell = CellName(r, c)
		out.Files = splitFileNames(strings.ReplaceAll(cell(rows, r, c), "\u00a0", " "))
		if len(out.Files) > maxFeedbackFiles {
			ret.problem(sheet, out.FilesCell, fmt.Sprintf("佐证材料最多写 %d 个文件名", maxFeedbackFiles))
			ok = false
		}
	}
	if raw := strings.TrimSpace(cell(rows, r, cols[fbDone])); raw != "" {
		iso, err := CellDate(raw)
		if err != nil {
			ret.problem(sheet, out.DoneCell, fmt.Sprintf("完成时间「%s」不是日期，请填写 2024-06-15 这样的日期；尚未完成的请空着", truncRunes(CleanText(raw), 20)))
			ok = false
		}
		out.DoneDate = iso
	}
	return out, ok
}
