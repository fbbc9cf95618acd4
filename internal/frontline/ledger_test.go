package frontline_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/demo"
	"liankanping/internal/frontline"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// ledgerDump is every stored row of the three ledgers, without timestamps.
func ledgerDump(t *testing.T, s *store.Store) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT id, name, kind, parent_id, host_unit_id, host_text, secretary, member_count, members, founded, dissolved, notes FROM temp_branches ORDER BY id",
		"SELECT id, code, title, source, requester, branch_id, unit_id, handler, received, done, status, result FROM practical_matters ORDER BY id",
		"SELECT id, unit_id, kind, parent_id, name, level, year, issuer, bonus_centi, notes FROM brands ORDER BY id",
	} {
		var rows []map[string]any
		if err := s.DB.Raw(q).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, rows)
	}
	return b.String()
}

func mustDemo(t *testing.T) *store.Store {
	t.Helper()
	s := mustOpenDB(t)
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestLedgerRoundTrip(t *testing.T) {
	s := mustDemo(t)
	svc := newService(s)
	path := filepath.Join(t.TempDir(), "一线支部台账.xlsx")
	if err := svc.ExportLedger(path, nil); err != nil {
		t.Fatal(err)
	}
	before := ledgerDump(t, s)
	plan, err := svc.ImportLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) != 0 {
		t.Fatalf("problems: %+v", plan.Problems[:min(5, len(plan.Problems))])
	}
	c := plan.Counts
	if c.Branches != (frontline.LedgerTally{Unchanged: 30}) || c.Matters != (frontline.LedgerTally{Unchanged: demo.DemoMatters}) ||
		c.Brands.Unchanged < 30 || c.Brands.Created+c.Brands.Updated != 0 {
		for _, ch := range plan.Changes {
			if ch.Action != frontline.Unchanged {
				t.Logf("%s %s %s: %s", ch.Kind, ch.Action, ch.Name, ch.Detail)
			}
		}
		t.Fatalf("counts = %+v, want everything unchanged", c)
	}
	if after := ledgerDump(t, s); after != before {
		t.Fatal("importing an exported ledger changed what is stored")
	}
	t.Run("EachLedgerAlone", func(t *testing.T) {
		for _, kind := range workbook.LedgerKinds {
			p := filepath.Join(t.TempDir(), kind+".xlsx")
			if err := svc.ExportLedger(p, []string{kind}); err != nil {
				t.Fatal(err)
			}
			plan, err := svc.ImportLedger(p)
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Sheets) != 1 || plan.Sheets[0].Kind != kind || len(plan.Problems) != 0 || !plan.Applied {
				t.Fatalf("%s: sheets %+v, problems %+v", kind, plan.Sheets, plan.Problems)
			}
		}
		if ledgerDump(t, s) != before {
			t.Fatal("importing a single exported ledger changed what is stored")
		}
	})
}

// writeSheets writes a workbook whose sheets hold the given rows, in order.
func writeSheets(t *testing.T, sheets ...[]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	for i, sh := range sheets {
		name := sh[0].(string)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else {
			f.NewSheet(name)
		}
		for r, row := range sh[1].([][]any) {
			cell, _ := excelize.CoordinatesToCellName(1, r+1)
			if err := f.SetSheetRow(name, cell, &row); err != nil {
				t.Fatal(err)
			}
		}
	}
	path := filepath.Join(t.TempDir(), "台账.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func sheet(name string, rows ...[]any) []any { return []any{name, rows} }

func TestLedgerImportCreatesAndUpdates(t *testing.T) {
	s := mustOpenDB(t)
	mustUnit(t, s, "区发展和改革局", "发改局")
	mustUnit(t, s, "区市场监督管理局", "市场监管局")
	svc := newService(s)
	branches := sheet("临时党支部",
		[]any{"临时党支部台账"},
		[]any{"序号", "支部名称", "类型", "所属指挥部", "牵头单位", "支部书记", "党员人数", "支部成员", "成立日期", "撤销日期"},
		// The team comes before its HQ: the import saves the HQ first.
		[]any{1, "重大项目建设工作专班临时党支部", "专班", "区县域经济高质量发展指挥部临时党支部", "发改局", "李敏", "4人", "李敏、张伟", "2023-03-01"},
		[]any{2, "区县域经济高质量发展指挥部临时党支部", "指挥部", "", "区发改局牵头，26个部门及镇街", "姜磊", 11, "", "2023年2月20日"},
	)
	matters := sheet("办实事",
		[]any{"事项", "来源", "服务对象", "承办支部", "责任单位", "经办人", "受理日期", "办结日期", "办理状态", "办理结果"},
		[]any{"设备更新政策上门解读（天意机械有限公司）", "企业", "天意机械有限公司", "重大项目建设工作专班临时党支部", "发改局", "张伟", "2024-06-15", "2024-06-20", "已办结", "指导申报更新项目2个"},
	)
	brands := sheet("品牌",
		[]any{"单位", "类别", "名称", "所属品牌", "级别", "年度", "加分"},
		[]any{"市场监管局", "子品牌", "执行先锋", "穿行先锋 端信监管", "区级", "2023年", ""},
		[]any{"区市场监督管理局", "党建品牌", "穿行先锋 端信监管", "", "区", 2023, "0.5分"},
	)
	path := writeSheets(t, branches, matters, brands)
	plan, err := svc.PreviewLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Problems) != 0 {
		t.Fatalf("problems: %+v", plan.Problems)
	}
	if plan.Counts.Branches.Created != 2 || plan.Counts.Matters.Created != 1 || plan.Counts.Brands.Created != 2 || plan.Applied {
		t.Fatalf("preview = %+v", plan)
	}
	if ledgerDump(t, s) != ledgerDump(t, mustOpenDB(t)) {
		t.Fatal("a preview wrote to the database")
	}
	// The changes read in the file's order, though the HQ is saved before its team.
	if c := plan.Changes[0]; c.Name != "重大项目建设工作专班临时党支部" || c.Cell != "B3" || plan.Changes[1].Cell != "B4" {
		t.Fatalf("changes = %+v", plan.Changes)
	}
	if plan, err = svc.ImportLedger(path); err != nil || !plan.Applied {
		t.Fatalf("import: %v %+v", err, plan)
	}
	list, _ := svc.ListBranches()
	if len(list) != 2 || list[1].ParentName != "区县域经济高质量发展指挥部临时党支部" || list[1].Host != "区发展和改革局" || list[0].HostUnitID != nil {
		t.Fatalf("branches = %+v", list)
	}
	ms, _ := svc.ListMatters()
	if len(ms) != 1 || ms[0].Code != "2024-0001" || ms[0].BranchName != list[1].Name || ms[0].UnitShortName != "发改局" {
		t.Fatalf("matters = %+v", ms)
	}
	bs, _ := svc.ListBrands()
	if len(bs) != 2 || bs[0].BonusCenti != 50 || bs[0].Level != "区级" || bs[1].ParentName != "穿行先锋 端信监管" {
		t.Fatalf("brands = %+v", bs)
	}

	t.Run("UpdateByCode", func(t *testing.T) {
		path := writeSheets(t, sheet("办实事",
			[]any{"编号", "事项", "办理结果"},
			[]any{"2024-0001", "设备更新政策上门解读（天意机械有限公司）", "指导申报更新项目3个，已获批1个"},
		))
		plan, err := svc.ImportLedger(path)
		if err != nil || !plan.Applied {
			t.Fatalf("import: %v %+v", err, plan)
		}
		if plan.Counts.Matters.Updated != 1 || plan.Changes[0].Detail != "办理结果：指导申报更新项目2个 → 指导申报更新项目3个，已获批1个" {
			t.Fatalf("plan = %+v", plan)
		}
		ms, _ := svc.ListMatters()
		// Columns the sheet does not have keep their values.
		if ms[0].Handler != "张伟" || ms[0].Result != "指导申报更新项目3个，已获批1个" {
			t.Fatalf("matter = %+v", ms[0])
		}
	})
}

func TestLedgerImportProblems(t *testing.T) {
	s := mustDemo(t)
	svc := newService(s)
	before := ledgerDump(t, s)
	path := writeSheets(t,
		sheet("临时党支部",
			[]any{"支部名称", "类型", "所属指挥部", "牵头单位", "支部书记", "党员人数", "成立日期", "撤销日期"},
			[]any{"第六轮巡察第一组临时党支部", "巡察组", "", "区纪委监委", "赵明", 5, "2024-11-04", "2024-10-30"},
			[]any{"城市更新工作专班临时党支部", "工作专班", "区城市更新指挥部临时党支部", "区住房和城乡建设局", "钱亮", 4, "2024-05-06", ""},
			[]any{"第六轮巡察第二组临时党支部", "巡察组", "", "区纪委监委", "孙丽", 2, "2024-11-04", ""},
			[]any{"第六轮巡察第二组临时党支部", "巡察组", "", "区纪委监委", "孙丽", 5, "2024-11-04", ""},
		),
		sheet("办实事",
			[]any{"编号", "事项", "来源", "承办支部", "经办人", "受理日期", "办结日期", "办理状态", "办理结果"},
			[]any{"", "西关社区路灯维修", "群众", "第七轮巡察第一组临时党支部", "王明", "2024-11-05", "", "办理中", ""},
			[]any{"", "九州社区楼道清理", "群众", "第五轮巡察第一组临时党支部", "王明", "2024-11-05", "2024-11-01", "已办结", "清理杂物"},
			[]any{"", "帮助企业招工", "单位", "第五轮巡察第一组临时党支部", "王明", "2024-11-05", "", "办理中", ""},
			[]any{"", "协调公交站点", "群众", "第一轮巡察第一组临时党支部", "王明", "2024-11-05", "", "办理中", ""},
			[]any{"", "路面修补", "群众", "第五轮巡察第一组临时党支部", "王明", "2024-11-05", "2024-11-08", "已办结", ""},
		),
		sheet("品牌",
			[]any{"单位", "类别", "名称", "所属品牌", "级别", "年度", "加分"},
			[]any{"区气象服务中心", "党建品牌", "风云先锋", "", "区级", 2023, 0.5},
			[]any{"区教育和体育局", "子品牌", "红烛先锋", "红心育人", "区级", 2023, ""},
			[]any{"区教育和体育局", "荣誉", "省级文明单位", "", "省级", 2023, 12},
		),
	)
	plan, err := svc.ImportLedger(path)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Applied {
		t.Fatal("a ledger with problems was applied")
	}
	want := map[string]string{
		"临时党支部!H2": "撤销日期 2024年10月30日 早于成立日期 2024年11月4日",
		"临时党支部!C3": "所属指挥部「区城市更新指挥部临时党支部」不存在",
		"临时党支部!F4": "党员人数须在 3～10000 之间",
		"临时党支部!A5": "支部名称「第六轮巡察第二组临时党支部」在本文件中重复出现（另见 临时党支部!A4）",
		"办实事!D2":   "承办支部「第七轮巡察第一组临时党支部」不存在",
		"办实事!G3":   "办结日期 2024年11月1日 早于受理日期 2024年11月5日",
		"办实事!C4":   "来源“单位”无效，应为群众或企业",
		"办实事!F5":   "「第一轮巡察第一组临时党支部」已于 2022年6月18日 撤销，不能再受理事项",
		"办实事!I6":   "已办结的事项须写明办理结果",
		"品牌!A2":    "单位「区气象服务中心」不在组织架构中",
		"品牌!D3":    "所属品牌「红心育人」不存在",
		"品牌!G4":    "加分须在 0～10 分之间",
	}
	got := map[string]string{}
	for _, p := range plan.Problems {
		got[p.Sheet+"!"+p.Cell] = p.Message
	}
	for cell, msg := range want {
		if !strings.HasPrefix(got[cell], msg) {
			t.Errorf("%s: got %q, want %q…", cell, got[cell], msg)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%d problems, want %d: %v", len(got), len(want), got)
	}
	if ledgerDump(t, s) != before {
		t.Fatal("a refused ledger wrote to the database")
	}
}
