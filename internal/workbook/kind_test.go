package workbook_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/corpus"
	"liankanping/internal/workbook"
)

// sheetRows is one sheet of a test workbook: its name and its rows from A1.
type sheetRows struct {
	name string
	rows [][]any
}

// bookOf builds a workbook of the given sheets and opens it the way the importers do.
func bookOf(t *testing.T, sheets ...sheetRows) *excelize.File {
	t.Helper()
	f := excelize.NewFile()
	for i, s := range sheets {
		if i == 0 {
			f.SetSheetName("Sheet1", s.name)
		} else if _, err := f.NewSheet(s.name); err != nil {
			t.Fatal(err)
		}
		for r, row := range s.rows {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(s.name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	g, err := workbook.OpenBytes(buf.Bytes(), "test.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { g.Close() })
	return g
}

// office is one of corpus.OfficeSheets as a sheet of a test workbook.
func office(sheet string) sheetRows {
	for _, o := range corpus.OfficeSheets {
		if o.Sheet == sheet {
			return sheetRows{o.Sheet, o.Rows}
		}
	}
	panic("no office sheet " + sheet)
}

var budgetSheet = office("预算")

func TestOfficeSheetsAreNoRoster(t *testing.T) {
	for _, o := range corpus.OfficeSheets {
		s := sheetRows{o.Sheet, o.Rows}
		t.Run(s.name, func(t *testing.T) {
			r, err := workbook.ReadRoster(bookOf(t, s), nil)
			if err != nil {
				t.Fatal(err)
			}
			// A roster with problems is refused whole: nothing of it is imported.
			if len(r.Problems) == 0 {
				t.Errorf("a %s was not refused: %d areas, %d units, %d people", s.name, len(r.Areas), len(r.Units), len(r.People))
			}
			if len(r.Areas)+len(r.Units) != 0 {
				t.Errorf("read %d areas, %d units from a %s", len(r.Areas), len(r.Units), s.name)
			}
			sf := workbook.DecodeScheme(bookOf(t, s), "x.xlsx")
			if len(sf.Problems) == 0 || len(sf.Tree.Roots) != 0 {
				t.Errorf("a %s read as a scheme of %d roots: %+v", s.name, len(sf.Tree.Roots), sf.Problems)
			}
			l, err := workbook.ReadFrontline(bookOf(t, s))
			if err != nil {
				t.Fatal(err)
			}
			if len(l.Branches)+len(l.Matters)+len(l.Brands) != 0 || len(l.Problems) == 0 {
				t.Errorf("a %s read as a ledger: %+v", s.name, l)
			}
		})
	}
}

// The headers of a real 联系片划分表: a trailing space, a qualifier in full-width brackets,
// 联系常委 and 手机 for the committee member and the phone.
func TestRealAreaHeadersRecognised(t *testing.T) {
	areas := sheetRows{"联系片划分", [][]any{
		{"机关党建联系片划分表"},
		{"序号", "联系片 ", "成员单位（部门）", "联系常委", "手机"},
		{1, "第一联系片", "区委办公室", "赵明华", "13805370001"},
		{"", "", "区档案馆", "", ""},
		{2, "第二联系片", "区财政局", "钱进", "13805370002"},
		{"", "合计", "3个单位", "", ""},
	}}
	people := sheetRows{"人员名单", [][]any{
		{"序号", "姓名", "单位名称(全称)", "职务", "手机号"},
		{1, "王建国", "区委办公室", "主任", "13805370003"},
		{"", "合 计", "", "", ""},
	}}
	r, err := workbook.ReadRoster(bookOf(t, areas, people), nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Problems) != 0 {
		t.Fatalf("problems: %+v", r.Problems)
	}
	if len(r.Areas) != 2 || len(r.Units) != 3 || len(r.People) != 1 {
		t.Fatalf("got %d areas, %d units, %d people", len(r.Areas), len(r.Units), len(r.People))
	}
	if a := r.Areas[0]; a.Name != "第一联系片" || a.Leader != "赵明华" || a.Phone != "13805370001" || len(a.Units) != 2 {
		t.Errorf("area = %+v", a)
	}
	if p := r.People[0]; p.Unit != "区委办公室" || p.Phone != "13805370003" {
		t.Errorf("person = %+v", p)
	}
}

func TestRosterNeverHalfImported(t *testing.T) {
	areas := sheetRows{"联系片", [][]any{
		{"联系片", "成员单位"},
		{"第一联系片", "区委办公室"},
	}}
	peopleOnly := sheetRows{"人员名单", [][]any{
		{"姓名", "单位", "职务"},
		{"王建国", "区委办公室", "主任"},
	}}
	tests := []struct {
		name    string
		sheets  []sheetRows
		problem string // in a problem; "" for none
		note    string // in a note; "" for none
	}{
		{"PeopleWithoutAreas", []sheetRows{peopleOnly}, "没有找到联系片划分表", ""},
		{"UnrecognisedSheetNamed", []sheetRows{areas, budgetSheet}, "", "工作表「预算」没有识别为名册，未导入"},
		{"EmptySheetNotNamed", []sheetRows{areas, {"Sheet2", nil}}, "", ""},
		{"SchemeGiven", []sheetRows{schemeSheet}, "这是考核方案", ""},
		{"LedgerGiven", []sheetRows{branchSheet}, "这是一线支部的台账", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			r, err := workbook.ReadRoster(bookOf(t, tc.sheets...), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkMessages(t, "problem", r.Problems, tc.problem)
			checkMessages(t, "note", r.Notes, tc.note)
		})
	}
}

// checkMessages asserts that msgs holds one message containing want, or none when want is "".
func checkMessages(t *testing.T, what string, msgs []workbook.Problem, want string) {
	t.Helper()
	if want == "" {
		if len(msgs) != 0 {
			t.Errorf("unexpected %ss: %+v", what, msgs)
		}
		return
	}
	if len(msgs) != 1 || !strings.Contains(msgs[0].Message, want) {
		t.Errorf("%ss = %+v, want one with %q", what, msgs, want)
	}
}

var (
	schemeSheet = sheetRows{"评分细则", [][]any{
		{"一级指标", "二级指标", "评分要点", "分值", "评分方式"},
		{"责任落实", "理论学习", "按计划学习", 10, "得分项"},
		{"责任落实", "组织生活", "三会一课", 10, "得分项"},
	}}
	branchSheet = sheetRows{"临时党支部", [][]any{
		{"序号", "支部名称", "类型", "牵头单位", "支部书记", "成立日期"},
		{1, "重点项目指挥部临时党支部", "指挥部", "区发展和改革局", "王建国", "2024-03-01"},
	}}
	rosterSheet = sheetRows{"联系片", [][]any{
		{"联系片", "成员单位", "简称"},
		{"第一联系片", "区委办公室", "区委办"},
	}}
)

func TestWrongKindOfWorkbook(t *testing.T) {
	rater := sheetRows{workbook.RaterMetaSheet, [][]any{{workbook.RaterMetaTitle}, {"format", workbook.RaterFormat}}}
	raterUnit := sheetRows{"区委办", [][]any{
		{"2024年第四季度评分表"},
		{"观摩单位：区委办公室"},
		{"编号", "一级指标", "二级指标", "评分要点", "分值", "评分方式", "得分", "说明"},
		{"1.1", "责任落实", "理论学习", "按计划学习", 10, "得分项", "", ""},
	}}
	feedback := sheetRows{workbook.FeedbackMetaSheet, [][]any{{workbook.FeedbackMetaTitle}}}
	t.Run("SchemeImport", func(t *testing.T) {
		for _, tc := range []struct {
			sheets []sheetRows
			want   string
		}{
			{[]sheetRows{raterUnit, rater}, "这是评分表，请在“工作簿”中导入"},
			{[]sheetRows{{"整改情况", [][]any{{"x"}}}, feedback}, "这是整改情况反馈表"},
			{[]sheetRows{rosterSheet}, "这是名册"},
			{[]sheetRows{branchSheet}, "这是一线支部的台账"},
		} {
			sf := workbook.DecodeScheme(bookOf(t, tc.sheets...), "x.xlsx")
			checkMessages(t, "problem", sf.Problems, tc.want)
			if len(sf.Tree.Roots) != 0 {
				t.Errorf("%s: read %d roots", tc.want, len(sf.Tree.Roots))
			}
		}
	})
	t.Run("RosterImport", func(t *testing.T) {
		r, err := workbook.ReadRoster(bookOf(t, raterUnit, rater), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkMessages(t, "problem", r.Problems, "这是评分表")
	})
	t.Run("FrontlineImport", func(t *testing.T) {
		for _, tc := range []struct {
			sheets []sheetRows
			want   string
		}{
			{[]sheetRows{raterUnit, rater}, "这是评分表"},
			{[]sheetRows{schemeSheet}, "这是考核方案"},
			{[]sheetRows{rosterSheet}, "这是名册"},
		} {
			l, err := workbook.ReadFrontline(bookOf(t, tc.sheets...))
			if err != nil {
				t.Fatal(err)
			}
			checkMessages(t, "problem", l.Problems, tc.want)
		}
	})
}

func TestRosterPlausibilityLimits(t *testing.T) {
	t.Run("Sheets", func(t *testing.T) {
		var sheets []sheetRows
		for i := 0; i <= workbook.MaxRosterSheets; i++ {
			sheets = append(sheets, sheetRows{fmt.Sprintf("S%d", i), [][]any{{"联系片", "成员单位"}, {"第一联系片", fmt.Sprintf("单位%d", i)}}})
		}
		r, err := workbook.ReadRoster(bookOf(t, sheets...), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkMessages(t, "problem", r.Problems, "一份名册一般不会超过 200 张")
		checkMessages(t, "limit", r.Limits, "一份名册一般不会超过 200 张")
		if len(r.Units) != 0 {
			t.Errorf("read %d units", len(r.Units))
		}
		// The user checked the file and chose to go on: every sheet is read, the limit is a note.
		r, err = workbook.ReadRosterForced(bookOf(t, sheets...), nil, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) != 0 || len(r.Limits) != 0 {
			t.Errorf("forced: problems %v, limits %v", r.Problems, r.Limits)
		}
		checkMessages(t, "note", r.Notes, "已确认仍然导入")
		if len(r.Units) != workbook.MaxRosterSheets+1 {
			t.Errorf("forced: read %d units, want %d", len(r.Units), workbook.MaxRosterSheets+1)
		}
	})
	t.Run("Units", func(t *testing.T) {
		rows := [][]any{{"联系片", "成员单位"}}
		for i := 0; i <= workbook.MaxRosterUnits; i++ {
			rows = append(rows, []any{"第一联系片", fmt.Sprintf("单位%d", i)})
		}
		r, err := workbook.ReadRoster(bookOf(t, sheetRows{"联系片", rows}), nil)
		if err != nil {
			t.Fatal(err)
		}
		checkMessages(t, "problem", r.Problems, "一份名册一般不会超过 500 个")
		checkMessages(t, "limit", r.Limits, "一份名册一般不会超过 500 个")
		r, err = workbook.ReadRosterForced(bookOf(t, sheetRows{"联系片", rows}), nil, true)
		if err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) != 0 || len(r.Units) != workbook.MaxRosterUnits+1 {
			t.Errorf("forced: problems %v, %d units", r.Problems, len(r.Units))
		}
	})
}

func TestSchemeTotalsAndLeftSheets(t *testing.T) {
	s := sheetRows{"评分细则", [][]any{
		{"一级指标", "二级指标", "分值"},
		{"责任落实", "理论学习", 60},
		{"小计", "", 60},
		{"业务融合", "项目推进", 40},
		{"合计", "", 100},
	}}
	sf := workbook.DecodeScheme(bookOf(t, s, budgetSheet), "x.xlsx")
	if len(sf.Problems) != 0 {
		t.Fatalf("problems: %+v", sf.Problems)
	}
	if len(sf.Tree.Roots) != 2 {
		t.Errorf("read %d roots, want 2 (小计 is no dimension)", len(sf.Tree.Roots))
	}
	if len(sf.Warnings) != 1 || sf.Warnings[0] != "工作表「预算」没有识别为评分细则，未导入" {
		t.Errorf("warnings = %q", sf.Warnings)
	}
}

func TestFrontlineNamesLeftSheets(t *testing.T) {
	l, err := workbook.ReadFrontline(bookOf(t, branchSheet, budgetSheet))
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Problems) != 0 || len(l.Branches) != 1 {
		t.Fatalf("problems %+v, %d branches", l.Problems, len(l.Branches))
	}
	checkMessages(t, "note", l.Notes, "工作表「预算」没有识别为台账，未导入")
}

// The workbooks the product exports to be read (汇总表, 问题整改台账, 审计日志) and the
// 评价关系表 hold tables of units by area and points by indicator: no importer of another kind
// takes them for a roster or a scheme, each says what the workbook is.
func TestExportOnlyKinds(t *testing.T) {
	areas := sheetRows{workbook.ReportAreasSheet, [][]any{{"联系片", "成员单位", "得分"}, {"第一联系片", "区委办公室", 95}}}
	indicators := sheetRows{workbook.ReportIndicatorSheet, [][]any{{"一级指标", "二级指标", "分值", "平均得分"}, {"责任落实", "理论学习", 10, 9.5}}}
	for _, tc := range []struct {
		sheets []sheetRows
		kind   string
		want   string
	}{
		{[]sheetRows{{workbook.ReportRankingSheet, [][]any{{"2024年第四季度评分汇总表"}}}, indicators, areas}, workbook.KindReport, "这是联看评导出的评分汇总表"},
		{[]sheetRows{{workbook.AssignmentSheet, [][]any{{"序号", "评价主体", "姓名", "所在单位"}}}, {workbook.AssignmentUnitSheet, rosterSheet.rows}}, workbook.KindAssignment, "这是评价关系表"},
		{[]sheetRows{{workbook.RectificationSheet, [][]any{{"2024年问题整改台账"}, {"序号", "单位", "联系片", "问题"}}}}, workbook.KindRectification, "这是联看评导出的问题整改台账"},
		{[]sheetRows{{workbook.AuditSheet, [][]any{{"联看评审计日志"}, {"序号", "时间", "操作人", "单位"}}}}, workbook.KindAudit, "这是联看评导出的审计日志"},
		{[]sheetRows{{workbook.EvidenceIndexSheet, [][]any{{"2024Q4 第四季度 佐证材料索引"}, {"序号", "单位", "记录", "类别", "文件"}}}}, workbook.KindEvidenceIndex, "这是联看评导出的佐证材料索引表"},
		// The paper rater workbook is a scheme to look at: indicators, 分值 and 评分方式.
		{[]sheetRows{{"区委办", [][]any{
			{"2024年第四季度评分表"},
			{"观摩单位：区委办公室"},
			{"编号", "一级指标", "二级指标", "评分要点", "分值", "评分方式", "得分", "说明"},
			{"1.1", "责任落实", "理论学习", "按计划学习", 10, "得分项", "", ""},
			{"", "合计", "", "", 10},
			{"填写说明：得分项填0到“分值”之间的数"},
			{"评分人签名：＿＿＿＿　日期：＿＿年＿＿月＿＿日"},
		}}}, workbook.KindPaper, "这是纸质评分表"},
	} {
		t.Run(tc.kind, func(t *testing.T) {
			if got := workbook.ExportedKind(bookOf(t, tc.sheets...)); got != tc.kind {
				t.Errorf("ExportedKind = %q, want %q", got, tc.kind)
			}
			r, err := workbook.ReadRoster(bookOf(t, tc.sheets...), nil)
			if err != nil {
				t.Fatal(err)
			}
			checkMessages(t, "roster problem", r.Problems, tc.want)
			if len(r.Units) != 0 || len(r.Areas) != 0 {
				t.Errorf("roster read %d units, %d areas", len(r.Units), len(r.Areas))
			}
			sf := workbook.DecodeScheme(bookOf(t, tc.sheets...), "x.xlsx")
			checkMessages(t, "scheme problem", sf.Problems, tc.want)
			if len(sf.Tree.Roots) != 0 {
				t.Errorf("scheme read %d roots", len(sf.Tree.Roots))
			}
			l, err := workbook.ReadFrontline(bookOf(t, tc.sheets...))
			if err != nil {
				t.Fatal(err)
			}
			checkMessages(t, "frontline problem", l.Problems, tc.want)
			for name, read := range map[string]func(*excelize.File) error{
				"rater":    func(f *excelize.File) error { _, err := workbook.ReadRaterMeta(f); return err },
				"feedback": func(f *excelize.File) error { _, err := workbook.ReadFeedbackMeta(f); return err },
			} {
				if err := read(bookOf(t, tc.sheets...)); err == nil || !strings.Contains(err.Error(), tc.want) {
					t.Errorf("%s import: %v, want %q", name, err, tc.want)
				}
			}
			if tc.kind != workbook.KindAssignment {
				_, problems := workbook.ReadAssignment(bookOf(t, tc.sheets...))
				checkMessages(t, "assignment problem", problems, tc.want)
			}
		})
	}
}

// The importers of returned workbooks (rater, feedback) and of the 评价关系表 name a roster,
// a scheme or a front-line ledger handed to them instead of only saying it is not theirs.
func TestReturnImportersNameTheKind(t *testing.T) {
	for _, tc := range []struct {
		sheet sheetRows
		want  string
	}{
		{rosterSheet, "这是名册"},
		{schemeSheet, "这是考核方案"},
		{branchSheet, "这是一线支部的台账"},
	} {
		if _, err := workbook.ReadRaterMeta(bookOf(t, tc.sheet)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("rater import of %s: %v", tc.sheet.name, err)
		}
		if _, err := workbook.ReadFeedbackMeta(bookOf(t, tc.sheet)); err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("feedback import of %s: %v", tc.sheet.name, err)
		}
		_, problems := workbook.ReadAssignment(bookOf(t, tc.sheet))
		checkMessages(t, "assignment problem", problems, tc.want)
	}
	// An office sheet that is none of the product's keeps the plain refusal.
	if _, err := workbook.ReadRaterMeta(bookOf(t, budgetSheet)); err == nil || !strings.Contains(err.Error(), "这不是联看评导出的评分表") {
		t.Errorf("rater import of a budget: %v", err)
	}
}
