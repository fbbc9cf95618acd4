package workbook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The feedback workbook (整改情况反馈表) of DOMAIN §5's "other workbooks": one per unit, listing
// the unit's findings that are not closed, in which the unit fills in 整改措施, 完成情况 and
// 完成时间 and sends it back. Like the rater workbook it carries a very hidden metadata sheet
// that names the unit and the finding of every row, signed with the database's key, so that a
// return is matched by ids, never by names or row order; and a digest of every locked cell, so
// that a changed 问题描述 or 整改期限 is told at its cell.

// FeedbackFormat and FeedbackFormatVersion identify the layout; a reader refuses other versions.
const (
	FeedbackFormat        = "liankanping-feedback"
	FeedbackFormatVersion = 1
)

// Sheet names and layout of a feedback workbook. The findings' sheet is found by the marker in
// its hidden column, never by name.
const (
	FeedbackGuideSheet = "填表说明"
	FeedbackSheet      = "整改情况"
	FeedbackMetaSheet  = "lkp_feedback"
	// FeedbackMetaTitle is A1 of the metadata sheet, by which it is found when renamed.
	FeedbackMetaTitle = "联看评整改情况反馈表元数据（请勿修改）"
	// feedbackMarkerPrefix starts the marker cell (K1) of the findings' sheet.
	feedbackMarkerPrefix = "LKPF1"
	// feedbackHeaderRow is the 1-based row of the column titles; findings follow.
	feedbackHeaderRow = 3
	// feedbackKeyPrefix starts a row's key in the hidden column: F and the finding's id.
	feedbackKeyPrefix = "F"
)

// The columns of the findings' sheet, 0-based. fbKey (L) is hidden: the marker in L1, the
// finding's key in each row. fbFiles (佐证材料, K) names the evidence files a unit sends back
// with the workbook; workbooks exported before it existed have no such column and still import.
const (
	fbSeq = iota
	fbRound
	fbDescription
	fbRequirement
	fbResponsible
	fbDeadline
	fbStatus
	fbMeasures
	fbProgress
	fbDone
	fbFiles
	fbKey
	feedbackCols
)

// FeedbackHeaders are the column titles of the findings' sheet, in order (the hidden key last).
var FeedbackHeaders = []string{"序号", "观摩轮次", "问题描述", "整改要求", "责任人", "整改期限", "整改状态", "整改措施", "完成情况", "完成时间", "佐证材料", "问题标识"}

var feedbackWidths = [feedbackCols]float64{5, 9, 30, 24, 9, dayWidth, 11, 28, 24, dayWidth, 18, 8}

// feedbackLocked are the locked columns a return is checked against, in the order of a row's
// digest.
var feedbackLocked = []int{fbDescription, fbRequirement, fbResponsible, fbDeadline}

// MaxFeedbackRunes is the longest 整改措施 or 完成情况 a return may hold, as the finding keeps.
const MaxFeedbackRunes = 2000

// FeedbackBook is everything a unit's feedback workbook shows and signs.
type FeedbackBook struct {
	WorkbookID string
	DatabaseID string
	UnitID     uint
	UnitName   string
	ExportedAt time.Time
	// Deadline is the day the workbook is due back (2024-06-15), "" when none was set.
	Deadline string
	Rows     []LedgerFinding
}

// FeedbackMeta is the content of the metadata sheet: the identity of the workbook and the map
// from rows to findings, with the digests of their locked cells and the signature.
type FeedbackMeta struct {
	Format     string
	Version    int
	WorkbookID string
	DatabaseID string
	UnitID     uint
	UnitName   string
	ExportedAt string
	HeaderRow  int
	Rows       []FeedbackMetaRow
	Signature  string
}

// FeedbackMetaRow maps a 1-based row of the findings' sheet to a finding. Digest holds one
// short hash per locked cell (feedbackLocked), joined by dots.
type FeedbackMetaRow struct {
	Row       int
	FindingID uint
	Digest    string
}

// SigningInput is the exact text the HMAC covers: the identity fields and the row map, one per
// line. The unit's name is shown to people and not signed.
func (m *FeedbackMeta) SigningInput() []byte {
	var b strings.Builder
	line := func(k, v string) { b.WriteString(k + "=" + v + "\n") }
	b.WriteString(FeedbackFormat + "\n")
	line("version", strconv.Itoa(m.Version))
	line("workbook_id", m.WorkbookID)
	line("database_id", m.DatabaseID)
	line("unit_id", uintText(m.UnitID))
	line("exported_at", m.ExportedAt)
	line("header_row", strconv.Itoa(m.HeaderRow))
	for _, r := range m.Rows {
		line("row", strconv.Itoa(r.Row)+","+uintText(r.FindingID)+","+r.Digest)
	}
	return []byte(b.String())
}

// Sign sets the signature: HMAC-SHA256 of SigningInput under key, in hex.
func (m *FeedbackMeta) Sign(key []byte) { m.Signature = hex.EncodeToString(m.mac(key)) }

// Verify tells whether the signature is that of key over the metadata as read.
func (m *FeedbackMeta) Verify(key []byte) bool {
	sig, err := hex.DecodeString(m.Signature)
	return err == nil && len(key) > 0 && hmac.Equal(sig, m.mac(key))
}

func (m *FeedbackMeta) mac(key []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(m.SigningInput())
	return h.Sum(nil)
}

// cellDigest is the short hash of a locked cell's text as a reader sees it: cleaned of the
// spaces and line breaks that office suites add or drop.
func cellDigest(s string) string {
	sum := sha256.Sum256([]byte(CleanText(s)))
	return hex.EncodeToString(sum[:4])
}

// lockedTexts are the texts of a row's locked cells, in the order of feedbackLocked; dates ISO.
func lockedTexts(r LedgerFinding) []string {
	return []string{r.Description, r.Requirement, r.Responsible, r.Deadline}
}

func rowDigest(texts []string) string {
	parts := make([]string, len(texts))
	for i, t := range texts {
		parts[i] = cellDigest(t)
	}
	return strings.Join(parts, ".")
}

// Meta builds the metadata of a book: its findings in the rows after the header row.
func (b *FeedbackBook) Meta() *FeedbackMeta {
	m := &FeedbackMeta{Format: FeedbackFormat, Version: FeedbackFormatVersion, WorkbookID: b.WorkbookID, DatabaseID: b.DatabaseID,
		UnitID: b.UnitID, UnitName: b.UnitName, ExportedAt: b.ExportedAt.UTC().Format(time.RFC3339), HeaderRow: feedbackHeaderRow}
	for i, r := range b.Rows {
		m.Rows = append(m.Rows, FeedbackMetaRow{Row: feedbackHeaderRow + 1 + i, FindingID: r.ID, Digest: rowDigest(lockedTexts(r))})
	}
	return m
}

func feedbackMarker(workbookID string) string { return feedbackMarkerPrefix + "|" + workbookID }

func feedbackKey(id uint) string { return feedbackKeyPrefix + uintText(id) }

// FeedbackEncoder writes feedback workbooks signed with one database's key.
type FeedbackEncoder struct{ key []byte }

// NewFeedbackEncoder returns an encoder that signs with key.
func NewFeedbackEncoder(key []byte) *FeedbackEncoder { return &FeedbackEncoder{key: key} }

// feedbackGuide are the instructions of the 填表说明 sheet, in plain words. The third and
// fourth say what the import does with the status (ledger.Service.Apply).
var feedbackGuide = []string{
	"本表列出贵单位尚未销号的问题，请在“整改情况”工作表中逐条填写黄色单元格：整改措施、完成情况、完成时间，有佐证材料的写上文件名。",
	"序号、观摩轮次、问题描述、整改要求、责任人、整改期限、整改状态已锁定，不能修改；如有异议请另行书面说明。",
	"完成时间：整改已经完成的，填写完成的日期，例如 2024-06-15；尚未完成的请空着。填写了完成时间的问题，导入后状态改为“已整改”，经核实后再销号。",
	"只填写了整改措施或完成情况、没有填写完成时间的“待整改”问题，导入后状态改为“整改中”。",
	"佐证材料：整改照片、会议记录等文件，请把文件与本表放在同一个文件夹（或一起压缩成一个 .zip 压缩包）交回，并在“佐证材料”一栏写上对应的文件名，多个文件名用顿号或换行分开，例如：整改后照片.jpg、会议记录.pdf。",
	"表中已有的内容是系统中现有的记录，可以直接修改补充；清空单元格不会删除系统中已有的内容。",
	"请不要删除、复制工作表，也不要插入或删除行、列。填好后请直接保存（保持 .xlsx 格式，不要另存为 .xls），在截止日期前交回。",
}

// Encode writes b as a feedback workbook to w: a guide, the findings' sheet (protected, only
// the four feedback columns unlocked, a date check on 完成时间) and the signed metadata, very
// hidden. Both visible sheets print on A4 with page numbers.
func (e *FeedbackEncoder) Encode(w io.Writer, b *FeedbackBook) error {
	if len(e.key) == 0 {
		return fmt.Errorf("feedback workbook: no signing key")
	}
	meta := b.Meta()
	meta.Sign(e.key)
	f := newBook()
	defer closeQuietly(f)
	fw := &feedbackWriter{f: f, b: b, meta: meta, protPw: b.WorkbookID[:min(8, len(b.WorkbookID))]}
	if err := fw.write(); err != nil {
		return fmt.Errorf("feedback workbook %s: %w", b.UnitName, err)
	}
	return f.Write(w)
}

type feedbackWriter struct {
	f      *excelize.File
	b      *FeedbackBook
	meta   *FeedbackMeta
	st     rectStyles
	protPw string
}

func (fw *feedbackWriter) write() error {
	f, b := fw.f, fw.b
	var err error
	if fw.st, err = newRectStyles(f); err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", FeedbackGuideSheet); err != nil {
		return err
	}
	for _, s := range []string{FeedbackSheet, FeedbackMetaSheet} {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(FeedbackMetaSheet, false, true); err != nil {
		return err
	}
	exported := b.ExportedAt.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Title: b.UnitName + "问题整改情况反馈表", Creator: "联看评",
		Created: exported, Modified: exported, Identifier: b.WorkbookID, Language: "zh-CN"}); err != nil {
		return err
	}
	if err := fw.writeGuide(); err != nil {
		return err
	}
	if err := fw.writeFindings(); err != nil {
		return err
	}
	if err := fw.writeMeta(); err != nil {
		return err
	}
	f.SetActiveSheet(1)
	return nil
}

// protect keeps fingers off the locked cells (every rule is checked again on import). The
// legacy hash is used, as for rater workbooks; rows may be made taller for long answers.
func (fw *feedbackWriter) protect(sheet string) error {
	return fw.f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{Password: fw.protPw, SelectLockedCells: true,
		SelectUnlockedCells: true, FormatRows: true, FormatColumns: true})
}

func (fw *feedbackWriter) writeGuide() error {
	f, b, st := fw.f, fw.b, fw.st
	sheet := FeedbackGuideSheet
	label, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: headerFont, Size: 11, Charset: &charsetGB2312},
		Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	if err != nil {
		return err
	}
	type line struct{ label, value string }
	info := []line{{"填报单位", b.UnitName}, {"问题数量", fmt.Sprintf("%d 条（未销号）", len(b.Rows))},
		{"导出日期", b.ExportedAt.Format("2006年1月2日")}}
	if b.Deadline != "" {
		info = append(info, line{"交回截止", ChineseDate(b.Deadline)})
	}
	for _, c := range [][2]any{{"A", 14.0}, {"B", 76.0}} {
		if err := f.SetColWidth(sheet, c[0].(string), c[0].(string), c[1].(float64)); err != nil {
			return err
		}
	}
	put := func(cell, v string, style int) error {
		if err := f.SetCellStr(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	if err := put("A1", b.UnitName+"问题整改情况反馈表", st.title); err != nil {
		return err
	}
	if err := f.MergeCell(sheet, "A1", "B1"); err != nil {
		return err
	}
	if err := f.SetRowHeight(sheet, 1, 44); err != nil {
		return err
	}
	r := 3
	row := func(l, v string) error {
		if err := put("A"+strconv.Itoa(r), l, label); err != nil {
			return err
		}
		if err := put("B"+strconv.Itoa(r), v, st.note); err != nil {
			return err
		}
		err := f.SetRowHeight(sheet, r, 6+16*float64(rowLines(v, 74)))
		r++
		return err
	}
	for _, l := range info {
		if err := row(l.label+"：", l.value); err != nil {
			return err
		}
	}
	r++
	if err := row("填表说明：", ""); err != nil {
		return err
	}
	for i, g := range feedbackGuide {
		if err := row(strconv.Itoa(i+1)+".", g); err != nil {
			return err
		}
	}
	if err := setupPrint(f, sheet, printSetup{}); err != nil {
		return err
	}
	return fw.protect(sheet)
}

func (fw *feedbackWriter) writeFindings() error {
	f, b, st := fw.f, fw.b, fw.st
	sheet := FeedbackSheet
	last, _ := excelize.ColumnNumberToName(fbFiles + 1)
	key, _ := excelize.ColumnNumberToName(fbKey + 1)
	put := func(cell string, v any, style int) error {
		if err := f.SetCellValue(sheet, cell, v); err != nil {
			return err
		}
		return f.SetCellStyle(sheet, cell, cell, style)
	}
	for c, w := range feedbackWidths {
		name, _ := excelize.ColumnNumberToName(c + 1)
		if err := f.SetColWidth(sheet, name, name, w); err != nil {
			return err
		}
	}
	right := "导出日期：" + b.ExportedAt.Format("2006年1月2日")
	if b.Deadline != "" {
		right += "　　交回截止：" + ChineseDate(b.Deadline)
	}
	steps := []func() error{
		func() error { return put("A1", b.UnitName+"问题整改情况反馈表", st.title) },
		func() error { return f.MergeCell(sheet, "A1", last+"1") },
		func() error { return f.SetRowHeight(sheet, 1, 36) },
		func() error { return put(key+"1", feedbackMarker(b.WorkbookID), st.helper) },
		func() error { return put("A2", "填报单位："+b.UnitName, st.sub) },
		func() error { return f.MergeCell(sheet, "A2", CellName(1, fbResponsible)) },
		func() error { return put(CellName(1, fbDeadline), right, st.subRight) },
		func() error { return f.MergeCell(sheet, CellName(1, fbDeadline), last+"2") },
		func() error { return f.SetRowHeight(sheet, 2, 24) },
		func() error { return f.SetRowHeight(sheet, feedbackHeaderRow, 30) },
		func() error { return f.SetColVisible(sheet, key, false) },
	}
	for c, h := range FeedbackHeaders {
		style := st.header
		if c == fbKey {
			style = st.helper
		}
		steps = append(steps, func() error { return put(CellName(feedbackHeaderRow-1, c), h, style) })
	}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	first := feedbackHeaderRow + 1
	for i, r := range b.Rows {
		row := first + i
		at := func(c int) string { return CellName(row-1, c) }
		status := r.Status
		if r.OverdueDays > 0 {
			status += fmt.Sprintf("\n逾期%d天", r.OverdueDays)
		}
		deadlineStyle := st.day
		if r.OverdueDays > 0 {
			deadlineStyle = st.overdueDay
		}
		cells := []struct {
			col   int
			v     any
			style int
		}{
			{fbSeq, i + 1, st.number}, {fbRound, roundLabel(r.Round), st.center}, {fbDescription, r.Description, st.text},
			{fbRequirement, r.Requirement, st.text}, {fbResponsible, r.Responsible, st.center}, {fbStatus, status, st.center},
			{fbMeasures, r.Measures, st.input}, {fbProgress, r.Progress, st.input}, {fbFiles, "", st.input}, {fbKey, feedbackKey(r.ID), st.helper},
		}
		for _, c := range cells {
			if err := put(at(c.col), c.v, c.style); err != nil {
				return err
			}
		}
		for _, d := range []struct {
			col   int
			iso   string
			style int
		}{{fbDeadline, r.Deadline, deadlineStyle}, {fbDone, r.DoneDate, st.inputDay}} {
			if err := setDay(f, sheet, at(d.col), d.iso); err != nil {
				return err
			}
			if err := f.SetCellStyle(sheet, at(d.col), at(d.col), d.style); err != nil {
				return err
			}
		}
		lines := 2
		for c, text := range map[int]string{fbDescription: r.Description, fbRequirement: r.Requirement, fbMeasures: r.Measures, fbProgress: r.Progress} {
			lines = max(lines, rowLines(text, feedbackWidths[c]))
		}
		// Room for the answer: a unit writes more than the row shows at export.
		if err := f.SetRowHeight(sheet, row, min(6+15*float64(lines+1), 409)); err != nil {
			return err
		}
	}
	end := first + len(b.Rows) - 1
	if len(b.Rows) > 0 {
		if err := fw.validations(first, end); err != nil {
			return err
		}
	}
	sign := end + 2
	signText := "单位负责人（签字）：　　　　　　　　　填表人：　　　　　　　　　联系电话：　　　　　　　　　（单位盖章）"
	for _, step := range []func() error{
		func() error { return put(fmt.Sprintf("A%d", sign), signText, st.sub) },
		func() error { return f.MergeCell(sheet, fmt.Sprintf("A%d", sign), fmt.Sprintf("%s%d", last, sign)) },
		func() error { return f.SetRowHeight(sheet, sign, 30) },
	} {
		if err := step(); err != nil {
			return err
		}
	}
	if err := setupPrint(f, sheet, printSetup{landscape: true, titleRows: feedbackHeaderRow, area: fmt.Sprintf("$A$1:$%s$%d", last, sign)}); err != nil {
		return err
	}
	return fw.protect(sheet)
}

// Excel's date serials of the earliest and latest 完成时间 the check lets through
// (2000-01-01 and 2099-12-31); the import checks the real bounds (not after today, not before
// the round).
const (
	serial2000 = 36526
	serial2099 = 73050
)

// validations puts a date check on 完成时间 and a length check on the two texts, with the
// messages in Chinese.
func (fw *feedbackWriter) validations(first, last int) error {
	col := func(c int) string {
		return fmt.Sprintf("%s:%s", CellName(first-1, c), CellName(last-1, c))
	}
	done := excelize.NewDataValidation(true)
	done.SetSqref(col(fbDone))
	if err := done.SetRange(serial2000, serial2099, excelize.DataValidationTypeDate, excelize.DataValidationOperatorBetween); err != nil {
		return err
	}
	done.SetInput("完成时间", "整改完成的日期，例如 2024-06-15；尚未完成的请空着")
	done.SetError(excelize.DataValidationErrorStyleStop, "请输入日期", "完成时间须是日期，例如 2024-06-15；尚未完成的请空着")
	if err := fw.f.AddDataValidation(FeedbackSheet, done); err != nil {
		return err
	}
	for _, c := range []int{fbMeasures, fbProgress} {
		dv := excelize.NewDataValidation(true)
		dv.SetSqref(col(c))
		if err := dv.SetRange(0, MaxFeedbackRunes, excelize.DataValidationTypeTextLength, excelize.DataValidationOperatorBetween); err != nil {
			return err
		}
		dv.SetError(excelize.DataValidationErrorStyleStop, "内容太长", fmt.Sprintf("%s最多 %d 字", FeedbackHeaders[c], MaxFeedbackRunes))
		if err := fw.f.AddDataValidation(FeedbackSheet, dv); err != nil {
			return err
		}
	}
	return nil
}

// writeMeta writes the metadata sheet, every value as text so that no office suite reformats it.
func (fw *feedbackWriter) writeMeta() error {
	m := fw.meta
	rows := [][]string{
		{FeedbackMetaTitle},
		{"format", m.Format},
		{"version", strconv.Itoa(m.Version)},
		{"workbook_id", m.WorkbookID},
		{"database_id", m.DatabaseID},
		{"unit_id", uintText(m.UnitID)},
		{"unit_name", m.UnitName},
		{"exported_at", m.ExportedAt},
		{"header_row", strconv.Itoa(m.HeaderRow)},
		{"rows", "row", "finding_id", "digest"},
	}
	for _, r := range m.Rows {
		rows = append(rows, []string{"row", strconv.Itoa(r.Row), uintText(r.FindingID), r.Digest})
	}
	rows = append(rows, []string{"signature", m.Signature})
	sw, err := fw.f.NewStreamWriter(FeedbackMetaSheet)
	if err != nil {
		return err
	}
	for i, row := range rows {
		vals := make([]any, len(row))
		for c, v := range row {
			vals[c] = v
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}
