package workbook

import (
	"fmt"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The front-line ledgers (一线支部工作法) a workbook may hold, one sheet each, recognised by their
// column titles wherever they stand.
const (
	LedgerBranches = "branches"
	LedgerMatters  = "matters"
	LedgerBrands   = "brands"
)

// LedgerKinds lists the ledgers in the order a workbook holds them.
var LedgerKinds = []string{LedgerBranches, LedgerMatters, LedgerBrands}

// ledgerField is one column of a ledger, known by its usual titles.
type ledgerField struct {
	key, label string
	required   bool
	aliases    []string
}

var ledgerFields = map[string][]ledgerField{
	LedgerBranches: {
		{key: "no", label: "序号", aliases: []string{"序号", "编号"}},
		{key: "name", label: "支部名称", required: true, aliases: []string{"支部名称", "临时党支部名称", "临时党支部", "党支部名称", "名称"}},
		{key: "kind", label: "类型", aliases: []string{"类型", "支部类型", "类别", "组建类型", "组建领域"}},
		{key: "parent", label: "所属指挥部", aliases: []string{"所属指挥部", "上级指挥部", "隶属指挥部", "所属"}},
		{key: "host", label: "牵头单位", aliases: []string{"牵头单位", "依托单位", "组建单位", "所在单位", "牵头部门"}},
		{key: "secretary", label: "支部书记", aliases: []string{"支部书记", "书记", "临时党支部书记"}},
		{key: "count", label: "党员人数", aliases: []string{"党员人数", "党员数", "党员数量", "成员人数", "人数"}},
		{key: "members", label: "支部成员", aliases: []string{"支部成员", "成员", "成员名单", "党员名单", "党员姓名"}},
		{key: "founded", label: "成立日期", aliases: []string{"成立日期", "成立时间", "组建时间", "组建日期"}},
		{key: "dissolved", label: "撤销日期", aliases: []string{"撤销日期", "撤销时间", "解散日期", "解散时间"}},
		{key: "notes", label: "备注", aliases: []string{"备注", "说明", "主要任务"}},
	},
	LedgerMatters: {
		{key: "no", label: "序号", aliases: []string{"序号"}},
		{key: "code", label: "编号", aliases: []string{"编号", "台账编号", "事项编号"}},
		{key: "title", label: "事项", required: true, aliases: []string{"事项", "实事内容", "办实事事项", "事项名称", "诉求内容", "具体事项", "实事事项", "办理事项"}},
		{key: "source", label: "来源", aliases: []string{"来源", "事项来源", "服务对象类别", "对象类别", "群众或企业"}},
		{key: "requester", label: "服务对象", aliases: []string{"服务对象", "诉求人", "诉求主体", "群众或企业名称", "受益对象"}},
		{key: "branch", label: "承办支部", aliases: []string{"承办支部", "临时党支部", "承办党支部", "办理支部", "所属支部"}},
		{key: "unit", label: "责任单位", aliases: []string{"责任单位", "承办单位", "单位", "办理单位"}},
		{key: "handler", label: "经办人", aliases: []string{"经办人", "承办人", "责任人", "办理人"}},
		{key: "received", label: "受理日期", aliases: []string{"受理日期", "受理时间", "收到时间", "登记日期", "登记时间"}},
		{key: "done", label: "办结日期", aliases: []string{"办结日期", "办结时间", "完成时间", "完成日期"}},
		{key: "status", label: "办理状态", aliases: []string{"办理状态", "状态", "是否办结", "进展情况"}},
		{key: "result", label: "办理结果", aliases: []string{"办理结果", "办理情况", "结果", "完成情况"}},
	},
	LedgerBrands: {
		{key: "no", label: "序号", aliases: []string{"序号", "编号"}},
		{key: "unit", label: "单位", required: true, aliases: []string{"单位", "单位名称", "所属单位", "获得单位"}},
		{key: "kind", label: "类别", aliases: []string{"类别", "类型"}},
		{key: "name", label: "名称", required: true, aliases: []string{"名称", "品牌名称", "荣誉名称", "品牌（荣誉）名称", "品牌或荣誉名称", "荣誉称号"}},
		{key: "parent", label: "所属品牌", aliases: []string{"所属品牌", "主品牌", "上级品牌"}},
		{key: "level", label: "级别", aliases: []string{"级别", "层级", "等级"}},
		{key: "year", label: "年度", aliases: []string{"年度", "年份", "获评年度", "获得年度", "命名年度"}},
		{key: "issuer", label: "授予单位", aliases: []string{"授予单位", "认定单位", "命名单位", "颁发单位"}},
		{key: "bonus", label: "加分", aliases: []string{"加分", "加分分值", "可加分值", "加分（分）", "加分值"}},
		{key: "notes", label: "备注", aliases: []string{"备注", "说明"}},
	},
}

// LedgerFieldLabel is the column title a ledger field is written under.
func LedgerFieldLabel(kind, key string) string {
	for _, f := range ledgerFields[kind] {
		if f.key == key {
			return f.label
		}
	}
	return key
}

// FrontlineBranch is a temporary branch as a ledger row holds it: names instead of references
// (the parent 指挥部's branch, the host unit or text), dates as 2024-06-15.
type FrontlineBranch struct {
	Name, Kind, Parent, Host, Secretary string
	MemberCount                         int
	Members, Founded, Dissolved, Notes  string
	// Sheet and Cells locate the row's values for messages: Cells[field] is an A1 reference,
	// present only for the columns the sheet has.
	Sheet string
	Cells map[string]string
}

// FrontlineMatter is a practical matter as a ledger row holds it.
type FrontlineMatter struct {
	Code, Title, Source, Requester, Branch, Unit, Handler, Received, Done, Status, Result string
	Sheet                                                                                 string
	Cells                                                                                 map[string]string
}

// FrontlineBrand is a brand or honour as a ledger row holds it.
type FrontlineBrand struct {
	Unit, Kind, Parent, Name, Level string
	Year                            int
	Issuer                          string
	BonusCenti                      int64
	Notes                           string
	Sheet                           string
	Cells                           map[string]string
}

// Has tells whether the row's sheet has the column of field.
func (b *FrontlineBranch) Has(field string) bool { return b.Cells[field] != "" }

// Has tells whether the row's sheet has the column of field.
func (m *FrontlineMatter) Has(field string) bool { return m.Cells[field] != "" }

// Has tells whether the row's sheet has the column of field.
func (b *FrontlineBrand) Has(field string) bool { return b.Cells[field] != "" }

// LedgerSheet is how one sheet of a ledger workbook was read: its ledger ("" when it is none),
// its header row (1-based, 0 when none) and the number of data rows.
type LedgerSheet struct {
	Sheet     string `json:"sheet"`
	Kind      string `json:"kind"`
	HeaderRow int    `json:"headerRow"`
	Rows      int    `json:"rows"`
}

// FrontlineLedger is what a ledger workbook holds, as read.
type FrontlineLedger struct {
	Sheets   []LedgerSheet
	Branches []FrontlineBranch
	Matters  []FrontlineMatter
	Brands   []FrontlineBrand
	Problems []Problem
	// Notes name the visible sheets with data that hold no ledger: they were not imported.
	Notes []Problem
}

func (l *FrontlineLedger) problem(sheet, cell, format string, args ...any) {
	l.Problems = append(l.Problems, Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

// ReadFrontline reads the ledgers of a workbook: every visible sheet whose column titles are
// those of the temporary branches, the practical matters or the brands, wherever the header
// row stands. Values are cleaned as people type them (full-width digits, 5人, 2023年, 1.5分,
// dates as Excel dates or as 2024年6月15日, 2024/6/15, 2024.6.15); what cannot be read is a
// problem at its cell. The error is only for a workbook that cannot be read at all.
func ReadFrontline(f *excelize.File) (*FrontlineLedger, error) {
	l := &FrontlineLedger{}
	if kind := ExportedKind(f); kind != "" {
		l.problem(f.GetSheetList()[0], "", "%s", WrongKindMessage(kind))
		return l, nil
	}
	var left []*Grid // visible sheets with data that hold no ledger
	for _, sheet := range f.GetSheetList() {
		if visible, _ := f.GetSheetVisible(sheet); !visible {
			continue
		}
		g, err := ReadGrid(f, sheet)
		if err != nil {
			return nil, fmt.Errorf("read sheet %s: %w", sheet, err)
		}
		kind, h := detectLedger(g)
		if kind == "" && g.HasData() {
			left = append(left, g)
		}
		info := LedgerSheet{Sheet: sheet, Kind: kind}
		if kind != "" {
			info.HeaderRow = h.Row + 1
			info.Rows = l.readLedgerSheet(g, kind, h)
		}
		l.Sheets = append(l.Sheets, info)
	}
	found := false
	for _, s := range l.Sheets {
		found = found || s.Kind != ""
	}
	if sheet, kind := otherKind(KindFrontline, left); !found && kind != "" {
		l.problem(sheet, "", "%s", WrongKindMessage(kind))
		return l, nil
	}
	if found {
		for _, g := range left {
			l.Notes = append(l.Notes, Problem{Sheet: g.Sheet, Message: fmt.Sprintf("工作表「%s」没有识别为台账，未导入", g.Sheet)})
		}
	} else {
		first := ""
		if len(l.Sheets) > 0 {
			first = l.Sheets[0].Sheet
		}
		l.problem(first, "", "没有找到台账的表头。临时党支部台账应有“支部名称”“类型”“牵头单位”“支部书记”“成立日期”等列；"+
			"办实事台账应有“事项”“来源”“承办支部”“经办人”“受理日期”“办理状态”等列；党建品牌台账应有“单位”“名称”“级别”“年度”等列")
	}
	return l, nil
}

func ledgerAliases(kind string) map[string][]string {
	out := map[string][]string{}
	for _, f := range ledgerFields[kind] {
		out[f.key] = f.aliases
	}
	return out
}

// detectLedger decides which ledger a sheet holds from its titles: the one that names most of
// its columns, with its key column among them.
func detectLedger(g *Grid) (string, Header) {
	bestKind, best, bestN := "", Header{}, 0
	for _, kind := range LedgerKinds {
		h, ok := FindHeader(g, ledgerAliases(kind), 3)
		if !ok {
			continue
		}
		n := 0
		for _, c := range h.Cols {
			if c >= 0 {
				n++
			}
		}
		key := map[string]string{LedgerBranches: "name", LedgerMatters: "title", LedgerBrands: "name"}[kind]
		if h.Cols[key] < 0 || kind == LedgerBrands && h.Cols["unit"] < 0 {
			continue
		}
		if n > bestN {
			bestKind, best, bestN = kind, h, n
		}
	}
	return bestKind, best
}

// ledgerRows returns the data rows below the header: blank rows, notes, banners, totals
// (合计…) and repeated titles are left out.
func ledgerRows(g *Grid, kind string, h Header) []int {
	var out []int
	for row := h.Row + 1; row < g.Rows(); row++ {
		if g.RowEmpty(row) || isNoteRow(g, row) || isBanner(g, row, h.Cols) || isTotalRow(g, row) {
			continue
		}
		repeat := 0
		own := false
		for field, c := range h.Cols {
			if c < 0 {
				continue
			}
			v := g.Text(row, c)
			if v != "" && matchesAny(HeaderKey(v), ledgerAliases(kind)[field]) {
				repeat++
			}
			if v != "" && field != "no" && !g.Merged(row, c) {
				own = true
			}
		}
		if repeat >= 2 || !own {
			continue
		}
		out = append(out, row)
	}
	return out
}

// isTotalRow tells whether a row is a totals row: its first filled cell says 合计, 小计, 总计
// or 共计.
func isTotalRow(g *Grid, row int) bool {
	for c := 0; c < g.Cols(); c++ {
		if v := g.Text(row, c); v != "" {
			return IsTotalText(v)
		}
	}
	return false
}

// readLedgerSheet reads the rows of one ledger sheet and returns how many there were.
func (l *FrontlineLedger) readLedgerSheet(g *Grid, kind string, h Header) int {
	for _, f := range ledgerFields[kind] {
		if f.required && h.Cols[f.key] < 0 {
			l.problem(g.Sheet, "", "工作表「%s」缺少“%s”列", g.Sheet, f.label)
		}
	}
	rows := ledgerRows(g, kind, h)
	for _, row := range rows {
		cells := map[string]string{}
		text := map[string]string{}
		for field, c := range h.Cols {
			if c >= 0 {
				cells[field] = CellName(row, c)
				text[field] = g.Text(row, c)
			}
		}
		r := rowReader{l: l, sheet: g.Sheet, cells: cells, text: text}
		switch kind {
		case LedgerBranches:
			l.Branches = append(l.Branches, FrontlineBranch{
				Name: CleanText(text["name"]), Kind: branchKindText(text["kind"], CleanText(text["name"])), Parent: CleanText(text["parent"]),
				Host: CleanText(text["host"]), Secretary: nameText(text["secretary"]), MemberCount: r.count("count"),
				Members: CleanText(text["members"]), Founded: r.date("founded"), Dissolved: r.date("dissolved"),
				Notes: CleanText(text["notes"]), Sheet: g.Sheet, Cells: cells})
		case LedgerMatters:
			l.Matters = append(l.Matters, FrontlineMatter{
				Code: ToHalfWidth(nameText(text["code"])), Title: CleanText(text["title"]), Source: sourceText(text["source"]),
				Requester: CleanText(text["requester"]), Branch: CleanText(text["branch"]), Unit: nameText(text["unit"]),
				Handler: nameText(text["handler"]), Received: r.date("received"), Done: r.date("done"),
				Status: matterStatusText(text["status"]), Result: CleanText(text["result"]), Sheet: g.Sheet, Cells: cells})
		case LedgerBrands:
			l.Brands = append(l.Brands, FrontlineBrand{
				Unit: nameText(text["unit"]), Kind: brandKindText(text["kind"]), Parent: CleanText(text["parent"]),
				Name: CleanText(text["name"]), Level: levelText(text["level"]), Year: r.year("year"), Issuer: CleanText(text["issuer"]),
				BonusCenti: r.centi("bonus"), Notes: CleanText(text["notes"]), Sheet: g.Sheet, Cells: cells})
		}
	}
	return len(rows)
}

// rowReader reads the typed values of one row, reporting what it cannot read at its cell.
type rowReader struct {
	l     *FrontlineLedger
	sheet string
	cells map[string]string
	text  map[string]string
}

func (r rowReader) label(field string) string {
	for _, kind := range LedgerKinds {
		for _, f := range ledgerFields[kind] {
			if f.key == field {
				return f.label
			}
		}
	}
	return field
}

func (r rowReader) date(field string) string {
	v := r.text[field]
	if v == "" {
		return ""
	}
	d, err := CellDate(v)
	if err != nil {
		r.l.problem(r.sheet, r.cells[field], "%s“%s”不是日期，请写成 2024-06-15 或 2024年6月15日", r.label(field), v)
		return ""
	}
	return d
}

func (r rowReader) count(field string) int {
	v := r.text[field]
	if v == "" {
		return 0
	}
	n, err := countText(v)
	if err != nil || n < 0 {
		r.l.problem(r.sheet, r.cells[field], "%s“%s”不是整数", r.label(field), v)
		return 0
	}
	return n
}

func (r rowReader) year(field string) int {
	v := strings.TrimSuffix(strings.TrimSuffix(ToHalfWidth(r.text[field]), "年度"), "年")
	if v == "" {
		return 0
	}
	if m := wholeFloat.FindStringSubmatch(v); m != nil {
		v = m[1]
	}
	n, err := strconv.Atoi(strings.TrimSpace(v))
	if err != nil {
		r.l.problem(r.sheet, r.cells[field], "年度“%s”不是年份，请写成 2023 这样的四位数", r.text[field])
		return 0
	}
	return n
}

func (r rowReader) centi(field string) int64 {
	v := r.text[field]
	c, ok, err := ParseCenti(v)
	switch {
	case !ok:
		return 0
	case err == ErrTooPrecise:
		r.l.problem(r.sheet, r.cells[field], "%s“%s”最多两位小数", r.label(field), v)
	case err != nil:
		r.l.problem(r.sheet, r.cells[field], "%s“%s”不是数字", r.label(field), v)
	}
	return c
}

var (
	dateYMD   = regexp.MustCompile(`^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$`)
	date8     = regexp.MustCompile(`^(19|20)\d{6}$`)
	serialDay = regexp.MustCompile(`^\d{1,6}(\.\d+)?$`)
)

// CellDate reads a date as spreadsheets hold it and people type it: an Excel date (the
// serial number a date cell stores), 2024-06-15, 2024/6/15, 2024.6.15, 2024年6月15日,
// 20240615, with full-width digits; it returns 2024-06-15.
func CellDate(s string) (string, error) {
	t := strings.TrimSpace(ToHalfWidth(CleanText(s)))
	if m := dateYMD.FindStringSubmatch(t); m != nil {
		y, _ := strconv.Atoi(m[1])
		mo, _ := strconv.Atoi(m[2])
		d, _ := strconv.Atoi(m[3])
		return checkedDate(y, mo, d)
	}
	if date8.MatchString(t) {
		y, _ := strconv.Atoi(t[:4])
		mo, _ := strconv.Atoi(t[4:6])
		d, _ := strconv.Atoi(t[6:])
		return checkedDate(y, mo, d)
	}
	if serialDay.MatchString(t) {
		f, err := strconv.ParseFloat(t, 64)
		// Serials from 1950 to 2100: a bare small number is more likely a typing slip.
		if err == nil && f >= 18264 && f < 73051 {
			tm, err := excelize.ExcelDateToTime(math.Floor(f), false)
			if err == nil {
				return tm.Format("2006-01-02"), nil
			}
		}
	}
	return "", fmt.Errorf("not a date: %q", s)
}

func checkedDate(y, m, d int) (string, error) {
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Year() != y || int(t.Month()) != m || t.Day() != d || y < 1900 {
		return "", fmt.Errorf("no such day: %d-%d-%d", y, m, d)
	}
	return t.Format("2006-01-02"), nil
}

// branchKindText folds the ways people write a branch's kind; a blank kind is told by the
// branch's name (…指挥部…, …专班…, …巡察…).
func branchKindText(s, name string) string {
	t := nameText(s)
	if t == "" {
		t = name
	}
	switch {
	case strings.Contains(t, "专班"):
		return "工作专班"
	case strings.Contains(t, "指挥部"):
		return "指挥部"
	case strings.Contains(t, "巡察"):
		return "巡察组"
	case strings.Contains(t, "项目") || s == "" && t != "":
		return "项目"
	}
	return t
}

func sourceText(s string) string {
	t := nameText(s)
	switch {
	case t == "群众" || t == "居民" || t == "村民" || t == "个人" || t == "群众诉求":
		return "群众"
	case t == "企业" || t == "公司" || t == "企业诉求":
		return "企业"
	}
	return t
}

func matterStatusText(s string) string {
	t := nameText(s)
	switch t {
	case "已办结", "办结", "已完成", "完成", "是", "已解决":
		return "已办结"
	case "办理中", "正在办理", "未办结", "否", "在办", "推进中":
		return "办理中"
	}
	return t
}

func brandKindText(s string) string {
	t := nameText(s)
	switch t {
	case "品牌", "党建品牌", "主品牌":
		return "党建品牌"
	case "子品牌", "党建子品牌":
		return "子品牌"
	case "荣誉", "荣誉称号", "奖项", "表彰":
		return "荣誉"
	}
	return t
}

func levelText(s string) string {
	t := nameText(s)
	switch {
	case t == "":
		return ""
	case strings.HasPrefix(t, "国家") || strings.HasPrefix(t, "全国") || strings.HasPrefix(t, "中央"):
		return "国家级"
	case strings.HasPrefix(t, "省"):
		return "省级"
	case strings.HasPrefix(t, "市") || strings.HasSuffix(t, "市级"):
		return "市级"
	case strings.HasPrefix(t, "区") || strings.HasPrefix(t, "县"):
		return "区级"
	}
	return t
}
