package workbook

import (
	"strings"

	"github.com/xuri/excelize/v2"
)

// The kinds of workbook an importer may be handed. Each importer reads one kind; given another
// it says which one it is and where it belongs, instead of importing what it can of it.
const (
	KindRater     = "rater"
	KindFeedback  = "feedback"
	KindRoster    = "roster"
	KindScheme    = "scheme"
	KindFrontline = "frontline"
	// KindAssignment is the 评价关系表 of a round (raters import).
	KindAssignment = "assignment"
	// The workbooks the product exports only to be read and printed: no importer takes them.
	KindReport        = "report"
	KindRectification = "rectification"
	KindAudit         = "audit"
	// KindPaper is a rater workbook laid out for printing and filling by hand.
	KindPaper = "paper"
	// KindEvidenceIndex is the index workbook of an evidence export.
	KindEvidenceIndex = "evidence-index"
)

// wrongKindMessages say, per kind of workbook, what it is and where the window imports it.
var wrongKindMessages = map[string]string{
	KindRater:         "这是评分表，请在“工作簿”中导入",
	KindFeedback:      "这是整改情况反馈表，请在“整改台账”中导入",
	KindRoster:        "这是名册（联系片划分表或人员名单），请在“组织架构”中导入",
	KindScheme:        "这是考核方案（评分细则），请在“考核方案”中导入",
	KindFrontline:     "这是一线支部的台账，请在“一线支部”中导入",
	KindAssignment:    "这是评价关系表，请在“观摩轮次”的“评价关系表”中导入",
	KindReport:        "这是联看评导出的评分汇总表，只供查看和打印，不能导入",
	KindRectification: "这是联看评导出的问题整改台账，只供查看和打印，不能导入；各单位的整改情况请填在“整改台账”中导出的整改情况反馈表里交回",
	KindAudit:         "这是联看评导出的审计日志，只供查看和打印，不能导入",
	KindEvidenceIndex: "这是联看评导出的佐证材料索引表，只供查看和核对，不能导入",
	KindPaper:         "这是纸质评分表（打印后现场手写评分用），不能导入：手写的分数请在“评分”页面录入，或导出评分表（.xlsx）发给评分人填写后交回",
}

// WrongKindMessage is what an importer says of a workbook of the given kind, which it does not
// read: "这是评分表，请在“工作簿”中导入".
func WrongKindMessage(kind string) string { return wrongKindMessages[kind] }

// ExportedKind tells whether f is a workbook the product exported that no importer of an
// office sheet may take: a rater workbook (KindRater) or a feedback workbook (KindFeedback),
// known by their hidden metadata sheet (by its name or, renamed, by its A1), or the
// 评价关系表, the 汇总表, the 问题整改台账 or the 审计日志, known by their sheets (exportOnlyKind);
// "" when it is none of them.
func ExportedKind(f *excelize.File) string {
	sheets := f.GetSheetList()
	if len(sheets) > maxReturnSheets {
		return ""
	}
	if kind := exportOnlyKind(f, sheets); kind != "" {
		return kind
	}
	for _, s := range sheets {
		switch s {
		case RaterMetaSheet:
			return KindRater
		case FeedbackMetaSheet:
			return KindFeedback
		}
	}
	for _, s := range sheets {
		if visible, _ := f.GetSheetVisible(s); visible {
			continue
		}
		first, _ := firstRow(f, s)
		if len(first) == 0 {
			continue
		}
		switch CleanText(first[0]) {
		case RaterMetaTitle:
			return KindRater
		case FeedbackMetaTitle:
			return KindFeedback
		}
	}
	return ""
}

// exportOnlyKind tells the 评价关系表 (KindAssignment), the 汇总表 (KindReport), the
// 问题整改台账 (KindRectification), the 审计日志 (KindAudit), the evidence index
// (KindEvidenceIndex) and the paper rater workbook (KindPaper) by the sheets the product
// writes into them. Their tables look enough like a roster or a scheme (units by area, points
// by indicator) to be taken for one; by their sheets they are told apart even after a re-save.
func exportOnlyKind(f *excelize.File, sheets []string) string {
	has := map[string]bool{}
	for _, s := range sheets {
		has[s] = true
	}
	titled := func(sheet, word string) bool {
		first, _ := firstRow(f, sheet)
		for _, c := range first {
			if strings.Contains(CleanText(c), word) {
				return true
			}
		}
		return false
	}
	switch {
	case has[ReportRankingSheet] && (has[ReportIndicatorSheet] || has[ReportCompletionSheet]):
		return KindReport
	case has[AssignmentSheet] && (has[AssignmentGroupSheet] || has[AssignmentUnitSheet]):
		return KindAssignment
	case has[RectificationSheet] && titled(RectificationSheet, "问题整改台账"):
		return KindRectification
	case has[AuditSheet] && titled(AuditSheet, "审计日志"):
		return KindAudit
	case has[EvidenceIndexSheet] && titled(EvidenceIndexSheet, "佐证材料"):
		return KindEvidenceIndex
	case len(sheets) > 0 && paperSheet(f, sheets[0]):
		return KindPaper
	}
	return ""
}

// paperSheet tells a sheet of the paper rater workbook by its signature line under the 合计
// (column A, within the first rows a scheme of 120 indicators takes).
func paperSheet(f *excelize.File, sheet string) bool {
	rows, err := readRows(f, sheet, paperSearchRows, 1)
	if err != nil {
		return false
	}
	for _, row := range rows {
		if len(row) > 0 && strings.HasPrefix(CleanText(row[0]), paperSignPrefix) {
			return true
		}
	}
	return false
}

const (
	// paperSearchRows bounds the search for the signature line of a paper sheet.
	paperSearchRows = 300
	// paperSignPrefix begins the signature line (paperSignature).
	paperSignPrefix = "评分人签名："
)

// KindHint is what an importer of kind own says of a workbook it found none of its own in:
// which kind of workbook it is and where it belongs ("这是名册（…），请在“组织架构”中导入"), or
// "" when it is none the product knows. It looks at the exported kinds and at the titles of
// the first visible sheets.
func KindHint(f *excelize.File, own string) string {
	if kind := ExportedKind(f); kind != "" && kind != own {
		return WrongKindMessage(kind)
	}
	var grids []*Grid
	for _, s := range f.GetSheetList() {
		if len(grids) == kindHintSheets {
			break
		}
		if visible, _ := f.GetSheetVisible(s); !visible {
			continue
		}
		if g, err := ReadGrid(f, s); err == nil {
			grids = append(grids, g)
		}
	}
	if _, kind := otherKind(own, grids); kind != "" {
		return WrongKindMessage(kind)
	}
	return ""
}

// kindHintSheets is how many visible sheets KindHint reads.
const kindHintSheets = 10

// otherKind finds, among sheets an importer of kind own did not recognise, the first that is
// a roster, scheme or front-line ledger sheet: its name and its kind ("" when none is).
func otherKind(own string, sheets []*Grid) (string, string) {
	looks := map[string]func(*Grid) bool{KindRoster: looksLikeRoster, KindScheme: looksLikeScheme, KindFrontline: looksLikeFrontline}
	for _, g := range sheets {
		for _, kind := range []string{KindScheme, KindRoster, KindFrontline} {
			if kind != own && looks[kind](g) {
				return g.Sheet, kind
			}
		}
	}
	return "", ""
}

// looksLikeScheme tells whether a sheet's titles are those of a 评分细则: an indicator column
// and a 分值 column.
func looksLikeScheme(g *Grid) bool {
	_, ok := findSchemeHeader(g)
	return ok
}

// looksLikeRoster tells whether a sheet's titles are those of a roster sheet of either kind.
func looksLikeRoster(g *Grid) bool { return detectSheet(g).Kind != "" }

// looksLikeFrontline tells whether a sheet's titles are those of a front-line ledger.
func looksLikeFrontline(g *Grid) bool {
	kind, _ := detectLedger(g)
	return kind != ""
}

// HasData tells whether a sheet holds more than a title: at least two rows with text. An empty
// sheet, or one with a single line, is not worth naming as left out.
func (g *Grid) HasData() bool {
	n := 0
	for r := 0; r < g.Rows() && n < 2; r++ {
		if !g.RowEmpty(r) {
			n++
		}
	}
	return n >= 2
}
