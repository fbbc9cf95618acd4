package workbook

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strconv"
	"strings"
	"time"

	"liankanping/internal/scoring"
)

// The rater workbook (评分表) of DOMAIN §5: one per rater and round, one sheet per unit the rater
// scores, and a very hidden metadata sheet that names the unit of every sheet and the indicator
// of every row, signed with a key of the database. docs/workbook-format.md describes it for
// people; this file is its definition for the program.

// RaterFormat and RaterFormatVersion identify the layout; a reader refuses other versions.
const (
	RaterFormat        = "liankanping-rater"
	RaterFormatVersion = 1
)

// Sheet names and layout of a rater workbook. Unit sheets are found by the marker in their
// hidden column, never by name: a rater may rename or reorder them.
const (
	RaterGuideSheet   = "填表说明"
	RaterSummarySheet = "汇总"
	RaterListsSheet   = "lkp_lists"
	RaterMetaSheet    = "lkp_meta"
	// RaterMetaTitle is A1 of the metadata sheet, by which it is found when renamed.
	RaterMetaTitle = "联看评评分表元数据（请勿修改）"
	// raterMarkerPrefix starts the marker cell (I1) of every unit sheet.
	raterMarkerPrefix = "LKP1"
	// raterHeaderRow is the 1-based row of the column titles on unit sheets; indicators follow.
	raterHeaderRow = 3
)

// The columns of a unit sheet, 0-based; colPoints (I) is hidden and holds the marker in I1
// and, in indicator rows, the formula that turns the rater's entry into points for the totals.
const (
	colCode = iota
	colDimension
	colIndicator
	colPoints
	colMax
	colMethod
	colScore
	colComment
	colHelper
	raterCols
)

// RaterHeaders are the column titles of a unit sheet, in order.
var RaterHeaders = []string{"编号", "一级指标", "二级指标", "评分要点", "分值", "评分方式", "得分", "说明"}

// RaterBook is everything a rater workbook shows and signs.
type RaterBook struct {
	WorkbookID    string
	DatabaseID    string
	RoundID       uint
	RoundCode     string
	RoundTitle    string
	RoundDate     string // 2024-06-15 or ""
	Place         string
	Deadline      string // 2024-06-15 or ""
	SchemeID      uint
	SchemeName    string
	SchemeVersion int
	RaterID       uint
	RaterName     string
	RaterUnit     string
	Group         string
	ExportedAt    time.Time
	Indicators    []RaterIndicator
	Units         []RaterUnit
}

// RaterIndicator is one scorable indicator as a row of a unit sheet.
type RaterIndicator struct {
	scoring.Indicator
	Code      string
	Dimension string
	Parent    string
	Name      string
	Points    string
	Method    string
}

// RaterUnit is one observed unit the rater scores, as one sheet.
type RaterUnit struct {
	ID        uint
	Name      string
	ShortName string
}

// RaterMeta is the content of the metadata sheet: the identity of the workbook and the map
// from sheets to units and from rows to indicators, with its signature.
type RaterMeta struct {
	Format        string
	Version       int
	WorkbookID    string
	DatabaseID    string
	RoundID       uint
	RoundCode     string
	SchemeID      uint
	SchemeVersion int
	RaterID       uint
	RaterName     string
	ExportedAt    string
	HeaderRow     int
	Sheets        []MetaSheet
	Rows          []MetaRow
	Signature     string
}

// MetaSheet maps the marker key of a unit sheet to its unit; Name is the sheet's name at
// export, for messages only.
type MetaSheet struct {
	Key    int
	UnitID uint
	Name   string
}

// MetaRow maps a 1-based row of every unit sheet to an indicator; Code is what the row's 编号
// cell holds, by which a row moved by inserted rows is found again.
type MetaRow struct {
	Row         int
	IndicatorID uint
	Code        string
}

// SigningInput is the exact text the HMAC covers: the identity fields and both maps, one per
// line, in a fixed order. Names shown to people (sheet and unit names) are not signed.
func (m *RaterMeta) SigningInput() []byte {
	var b strings.Builder
	line := func(k, v string) { b.WriteString(k + "=" + v + "\n") }
	b.WriteString(RaterFormat + "\n")
	line("version", strconv.Itoa(m.Version))
	line("workbook_id", m.WorkbookID)
	line("database_id", m.DatabaseID)
	line("round_id", uintText(m.RoundID))
	line("round_code", m.RoundCode)
	line("scheme_id", uintText(m.SchemeID))
	line("scheme_version", strconv.Itoa(m.SchemeVersion))
	line("rater_id", uintText(m.RaterID))
	line("rater_name", m.RaterName)
	line("exported_at", m.ExportedAt)
	line("header_row", strconv.Itoa(m.HeaderRow))
	for _, s := range m.Sheets {
		line("sheet", strconv.Itoa(s.Key)+","+uintText(s.UnitID))
	}
	for _, r := range m.Rows {
		line("row", strconv.Itoa(r.Row)+","+uintText(r.IndicatorID)+","+r.Code)
	}
	return []byte(b.String())
}

// Sign sets the signature: HMAC-SHA256 of SigningInput under key, in hex.
func (m *RaterMeta) Sign(key []byte) {
	m.Signature = hex.EncodeToString(m.mac(key))
}

// Verify tells whether the signature is that of key over the metadata as read.
func (m *RaterMeta) Verify(key []byte) bool {
	sig, err := hex.DecodeString(m.Signature)
	return err == nil && len(key) > 0 && hmac.Equal(sig, m.mac(key))
}

func (m *RaterMeta) mac(key []byte) []byte {
	h := hmac.New(sha256.New, key)
	h.Write(m.SigningInput())
	return h.Sum(nil)
}

func uintText(v uint) string { return strconv.FormatUint(uint64(v), 10) }

// Meta builds the metadata of a book: sheet keys are 1, 2, … in the order of Units, and the
// indicator rows follow the header row.
func (b *RaterBook) Meta() *RaterMeta {
	m := &RaterMeta{Format: RaterFormat, Version: RaterFormatVersion, WorkbookID: b.WorkbookID, DatabaseID: b.DatabaseID,
		RoundID: b.RoundID, RoundCode: b.RoundCode, SchemeID: b.SchemeID, SchemeVersion: b.SchemeVersion,
		RaterID: b.RaterID, RaterName: b.RaterName, ExportedAt: b.ExportedAt.UTC().Format(time.RFC3339), HeaderRow: raterHeaderRow}
	names := b.SheetNames()
	for i, u := range b.Units {
		m.Sheets = append(m.Sheets, MetaSheet{Key: i + 1, UnitID: u.ID, Name: names[i]})
	}
	for i, ind := range b.Indicators {
		m.Rows = append(m.Rows, MetaRow{Row: raterHeaderRow + 1 + i, IndicatorID: ind.ID, Code: ind.Code})
	}
	return m
}

// marker is the text of I1 on a unit sheet: the format, the workbook and the sheet's key.
func marker(workbookID string, key int) string {
	return fmt.Sprintf("%s|%s|%d", raterMarkerPrefix, workbookID, key)
}

// parseMarker reads a marker; ok is false for any other text.
func parseMarker(s string) (workbookID string, key int, ok bool) {
	parts := strings.Split(strings.TrimSpace(s), "|")
	if len(parts) != 3 || parts[0] != raterMarkerPrefix || parts[1] == "" {
		return "", 0, false
	}
	key, err := strconv.Atoi(parts[2])
	if err != nil || key <= 0 {
		return "", 0, false
	}
	return parts[1], key, true
}

// KindLabel is how the 评分方式 column names an indicator's kind.
func KindLabel(k scoring.Kind) string {
	switch k {
	case scoring.KindScore:
		return "得分项"
	case scoring.KindDeduct:
		return "扣分项（填扣除的分数）"
	case scoring.KindBonus:
		return "加分项（填加的分数）"
	case scoring.KindGrade:
		return "等次项（下拉选择）"
	}
	return string(k)
}

// indicatorLabel is the 二级指标 cell: the indicator's name, under its parent when that is
// not the level-1 dimension.
func (ind RaterIndicator) indicatorLabel() string {
	if ind.Parent != "" && ind.Parent != ind.Dimension {
		return ind.Parent + "：" + ind.Name
	}
	return ind.Name
}

// methodLabel is the 评分方式 cell: the kind, then the office's own words when there are any,
// then the options of a grade. A plain 得分项 has the office's words on the kind's line
// (得分项：查阅资料): a line of their own would make every row taller.
func (ind RaterIndicator) methodLabel() string {
	if m := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(ind.Method), "得分项：")); ind.Kind == scoring.KindScore && m != "" {
		return KindLabel(ind.Kind) + "：" + m
	}
	return ind.fullMethodLabel()
}

// methodLabels are every 评分方式 text an export of this scheme row has written: today's, and
// the kind-first form that workbooks exported before the print layout of format 1 carry (a
// rater may return one of those after the office upgraded), so that neither is taken for an
// edit of a locked cell.
func (ind RaterIndicator) methodLabels() []string {
	return []string{ind.methodLabel(), ind.fullMethodLabel()}
}

// fullMethodLabel names the kind first, then the grade's options and the office's words.
func (ind RaterIndicator) fullMethodLabel() string {
	s := KindLabel(ind.Kind)
	if ind.Kind == scoring.KindGrade && !mentionsAll(ind.Method, ind.Options) {
		opts := make([]string, len(ind.Options))
		for i, o := range ind.Options {
			opts[i] = o.Label + scoring.FormatPoints(o.Points) + "分"
		}
		s += "：" + strings.Join(opts, "、")
	}
	if m := strings.TrimSpace(ind.Method); m != "" {
		// The office's words often start by naming the kind again (加分项：每项加1分).
		short := strings.TrimSuffix(strings.SplitN(KindLabel(ind.Kind), "（", 2)[0], "：")
		for _, sep := range []string{"：", ":"} {
			m = strings.TrimSpace(strings.TrimPrefix(m, short+sep))
		}
		if m != "" {
			s += "\n" + m
		}
	}
	return s
}

// mentionsAll tells whether the office's own words already name every option.
func mentionsAll(method string, opts []scoring.Option) bool {
	for _, o := range opts {
		if !strings.Contains(method, o.Label) {
			return false
		}
	}
	return len(opts) > 0
}

// shownMax is the 分值 cell in centi-points: the most the indicator gives or takes.
func (ind RaterIndicator) shownMax() int64 {
	if ind.Kind == scoring.KindGrade {
		return ind.Ceiling()
	}
	return ind.Max
}
