package workbook

import (
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
)

// wrongKindMessages say, per kind of workbook, what it is and where the window imports it.
var wrongKindMessages = map[string]string{
	KindRater:     "这是评分表，请在“工作簿”中导入",
	KindFeedback:  "这是整改情况反馈表，请在“整改台账”中导入",
	KindRoster:    "这是名册（联系片划分表或人员名单），请在“组织架构”中导入",
	KindScheme:    "这是考核方案（评分细则），请在“考核方案”中导入",
	KindFrontline: "这是一线支部的台账，请在“一线支部”中导入",
}

// WrongKindMessage is what an importer says of a workbook of the given kind, which it does not
// read: "这是评分表，请在“工作簿”中导入".
func WrongKindMessage(kind string) string { return wrongKindMessages[kind] }

// ExportedKind tells whether f is a workbook the product exported with hidden metadata: a
// rater workbook (KindRater), a feedback workbook (KindFeedback), or neither (""). The
// metadata sheet is known by its name or, renamed, by its A1.
func ExportedKind(f *excelize.File) string {
	sheets := f.GetSheetList()
	if len(sheets) > maxReturnSheets {
		return ""
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
