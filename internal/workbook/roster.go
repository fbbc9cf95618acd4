package workbook

import (
	"fmt"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"unicode"

	"github.com/xuri/excelize/v2"
)

// The kinds of sheet a roster workbook holds, recognised by their headers, never by name.
const (
	// RosterAreas is a sheet of areas and their member units (联系片划分), one unit a row; a
	// sheet of units without an area column is one too.
	RosterAreas = "areas"
	// RosterPeople is a sheet of people (人员名单): 姓名, 单位, 职务, 手机号码.
	RosterPeople = "people"
)

// RosterField is one column a roster sheet may have, known by its usual titles.
type RosterField struct {
	Key      string   `json:"key"`
	Label    string   `json:"label"`
	Required bool     `json:"required"`
	Aliases  []string `json:"aliases"`
}

// rosterFields are the columns of each kind of sheet. Within a kind no title names two fields.
var rosterFields = map[string][]RosterField{
	RosterAreas: {
		{Key: "no", Label: "序号", Aliases: []string{"序号", "编号", "片号"}},
		{Key: "area", Label: "联系片", Aliases: []string{"联系片", "联系片名称", "片区", "片区名称", "所属联系片", "联系片区", "联片区"}},
		{Key: "lead", Label: "片长单位", Aliases: []string{"片长单位", "牵头单位"}},
		{Key: "unit", Label: "成员单位", Required: true, Aliases: []string{"成员单位", "单位", "单位名称", "单位全称", "部门", "部门名称", "部门单位"}},
		{Key: "short", Label: "简称", Aliases: []string{"简称", "单位简称"}},
		{Key: "orgType", Label: "党组织类型", Aliases: []string{"党组织类型", "党组织形式", "党组织"}},
		{Key: "secretary", Label: "书记", Aliases: []string{"书记", "党组书记", "党委书记", "党组织书记", "党组（党委）书记"}},
		{Key: "members", Label: "党员人数", Aliases: []string{"党员人数", "党员数", "党员数量"}},
		{Key: "leader", Label: "联系区委常委", Aliases: []string{"联系区委常委", "联系常委", "区委常委", "联系领导"}},
		{Key: "liaison", Label: "总联络员", Aliases: []string{"总联络员", "联络员"}},
		{Key: "phone", Label: "联系电话", Aliases: []string{"联系电话", "电话", "手机号码", "手机号", "手机", "联系方式", "总联络员电话"}},
	},
	RosterPeople: {
		{Key: "no", Label: "序号", Aliases: []string{"序号", "编号"}},
		{Key: "name", Label: "姓名", Required: true, Aliases: []string{"姓名", "人员姓名"}},
		{Key: "unit", Label: "单位", Aliases: []string{"单位", "所在单位", "工作单位", "单位名称", "部门"}},
		{Key: "title", Label: "职务", Aliases: []string{"职务", "职务职级", "职位", "现任职务"}},
		{Key: "phone", Label: "手机号码", Aliases: []string{"手机号码", "手机号", "电话", "联系电话", "手机", "联系方式"}},
	},
}

// RosterFields returns the columns a sheet of the given kind may have.
func RosterFields(kind string) []RosterField { return rosterFields[kind] }

// RosterSheetMapping says how one sheet is read: its kind ("" to ignore it), the 0-based row of
// its column titles, and for each field the 0-based column (-1 or absent for none). A mapping
// with no columns is detected again at the given header row (or anywhere when HeaderRow < 0).
type RosterSheetMapping struct {
	Sheet     string         `json:"sheet"`
	Kind      string         `json:"kind"`
	HeaderRow int            `json:"headerRow"`
	Columns   map[string]int `json:"columns"`
}

// RosterMapping is how a whole roster workbook is read.
type RosterMapping struct {
	Sheets []RosterSheetMapping `json:"sheets"`
}

// RosterColumn is one column of a sheet as the mapping step shows it: B · 联系片.
type RosterColumn struct {
	Index  int    `json:"index"`
	Letter string `json:"letter"`
	Title  string `json:"title"`
}

// RosterSampleRow is one data row as it was understood, field by field, after merged and
// blank area cells were filled.
type RosterSampleRow struct {
	Row    int               `json:"row"`
	Values map[string]string `json:"values"`
}

// RosterSheet describes a sheet for the mapping step: how it is read, its columns with their
// titles, the fields its kind may have and the first data rows.
type RosterSheet struct {
	Mapping  RosterSheetMapping `json:"mapping"`
	Titles   []RosterColumn     `json:"titles"`
	Fields   []RosterField      `json:"fields"`
	Sample   []RosterSampleRow  `json:"sample"`
	DataRows int                `json:"dataRows"`
}

// RosterUnit is a unit as a roster sheet lists it. Cells locates each field's value (A1 style)
// on Sheet, for messages.
type RosterUnit struct {
	Name           string
	ShortName      string
	OrgType        string
	Secretary      string
	MemberCount    int
	HasMemberCount bool
	// Area is the name of the area the row puts it in; "" when the sheet has no area column.
	Area  string
	Sheet string
	Cells map[string]string
}

// RosterArea is an area as a roster sheet lists it, with its units in sheet order.
type RosterArea struct {
	Name string
	// Number is the area's number when the sheet gives one (a 序号 per area, or 第N联系片 in
	// its name); 0 otherwise.
	Number   int
	LeadUnit string
	Leader   string
	Liaison  string
	Phone    string
	Units    []string
	Sheet    string
	Cells    map[string]string
}

// RosterPerson is a row of a people sheet.
type RosterPerson struct {
	Name  string
	Unit  string
	Title string
	Phone string
	Sheet string
	Cells map[string]string
}

// Roster is what a roster workbook holds, as read: areas, units and people in sheet order,
// how each sheet was read, and what could not be read (Problems) or is worth telling (Notes).
type Roster struct {
	Areas    []RosterArea
	Units    []RosterUnit
	People   []RosterPerson
	Sheets   []RosterSheet
	Problems []Problem
	Notes    []Problem
	// Limits are the problems that only say the file is implausibly large for a roster (too
	// many sheets or units): they are also in Problems, and reading with force turns them into
	// notes, so that the user who checked the file can go on.
	Limits []Problem
}

// Mapping returns how the roster's sheets were read, to be shown and corrected.
func (r *Roster) Mapping() RosterMapping {
	m := RosterMapping{Sheets: []RosterSheetMapping{}}
	for _, s := range r.Sheets {
		m.Sheets = append(m.Sheets, s.Mapping)
	}
	return m
}

func (r *Roster) problem(sheet, cell, format string, args ...any) {
	r.Problems = append(r.Problems, Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func (r *Roster) note(sheet, cell, format string, args ...any) {
	r.Notes = append(r.Notes, Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

// limit reports a plausibility limit passed: a problem that stops the import, or with force a
// note that the user chose to go on.
func (r *Roster) limit(force bool, format string, args ...any) {
	p := Problem{Message: fmt.Sprintf(format, args...)}
	if force {
		p.Message += "（已确认仍然导入）"
		r.Notes = append(r.Notes, p)
		return
	}
	r.Problems = append(r.Problems, p)
	r.Limits = append(r.Limits, p)
}

// sampleRows is how many data rows the mapping step shows per sheet.
const sampleRows = 8

// ReadRoster reads the areas, units and people of an office's roster workbook. With a nil
// mapping, sheets are recognised by their column titles wherever they stand; otherwise each
// sheet is read as m says. What is wrong with the file is reported in Problems, by sheet and
// cell; the error is only for a workbook that cannot be read at all.
func ReadRoster(f *excelize.File, m *RosterMapping) (*Roster, error) {
	return ReadRosterForced(f, m, false)
}

// ReadRosterForced is ReadRoster; with force, the plausibility limits (MaxRosterSheets,
// MaxRosterUnits) are told as notes instead of stopping the import: the user was shown them
// and chose to go on. The per-file and per-sheet reading budgets still hold.
func ReadRosterForced(f *excelize.File, m *RosterMapping, force bool) (*Roster, error) {
	r := &Roster{}
	given := map[string]RosterSheetMapping{}
	if m != nil {
		for _, s := range m.Sheets {
			given[s.Sheet] = s
		}
	}
	sheets := f.GetSheetList()
	if kind := ExportedKind(f); kind != "" {
		r.problem(sheets[0], "", "%s", WrongKindMessage(kind))
		return r, nil
	}
	if len(sheets) > MaxRosterSheets {
		r.limit(force, "工作簿有 %d 张工作表，一份名册一般不会超过 %d 张，可能选错了文件；请检查后再导入，或把名册整理到少数几张工作表中", len(sheets), MaxRosterSheets)
		if !force {
			return r, nil
		}
	}
	var left []*Grid // visible sheets with data that were not recognised
	for _, sheet := range sheets {
		g, err := ReadGrid(f, sheet)
		if err != nil {
			return nil, fmt.Errorf("read sheet %s: %w", sheet, err)
		}
		var sm RosterSheetMapping
		if m == nil {
			if visible, _ := f.GetSheetVisible(sheet); visible {
				sm = detectSheet(g)
				if sm.Kind == "" && g.HasData() {
					left = append(left, g)
				}
			} else {
				sm = RosterSheetMapping{Sheet: sheet, HeaderRow: -1}
			}
		} else {
			sm = given[sheet]
			sm.Sheet = sheet
			if _, ok := given[sheet]; !ok {
				sm.HeaderRow = -1
			}
			r.checkMapping(g, &sm)
		}
		r.readSheet(g, sm)
	}
	for _, s := range sortedKeys(given) {
		if given[s].Kind != "" && !contains(f.GetSheetList(), s) {
			r.problem(s, "", "工作簿中没有名为「%s」的工作表", s)
		}
	}
	kinds := map[string]bool{}
	for _, s := range r.Sheets {
		kinds[s.Mapping.Kind] = true
	}
	found := kinds[RosterAreas] || kinds[RosterPeople]
	if sheet, kind := otherKind(KindRoster, left); !found && len(r.Problems) == 0 && kind != "" {
		r.problem(sheet, "", "%s", WrongKindMessage(kind))
		return r, nil
	}
	r.checkWhole(kinds, left, force)
	if !found && len(r.Problems) == 0 {
		first := ""
		if len(r.Sheets) > 0 {
			first = r.Sheets[0].Mapping.Sheet
		}
		r.problem(first, "", "没有找到名册的表头。联系片划分表应有“联系片”“成员单位”（或“单位名称”）等列，还可有“片长单位”“简称”“联系区委常委”“总联络员”“联系电话”；人员名单应有“姓名”“单位”“职务”“手机号码”等列。请检查表头文字，或在导入窗口中手动指定各列")
	}
	return r, nil
}

// Plausibility limits of a roster: a district has some dozens of units in a few sheets. A file
// far beyond them was chosen by mistake (or generated), and importing it would bury the
// organisation under junk.
const (
	MaxRosterSheets = 200
	MaxRosterUnits  = 500
)

// checkWhole reports what is wrong with the roster as a whole, once every sheet is read:
// sheets with data left out (a note: the user must know they were not imported), people
// without any areas sheet (a problem: half a roster is not a roster) and too many units.
func (r *Roster) checkWhole(kinds map[string]bool, left []*Grid, force bool) {
	if kinds[RosterAreas] || kinds[RosterPeople] {
		for _, g := range left {
			r.note(g.Sheet, "", "工作表「%s」没有识别为名册，未导入", g.Sheet)
		}
	}
	if kinds[RosterPeople] && !kinds[RosterAreas] {
		sheet := ""
		for _, s := range r.Sheets {
			if s.Mapping.Kind == RosterPeople {
				sheet = s.Mapping.Sheet
				break
			}
		}
		r.problem(sheet, "", "名册中没有找到联系片划分表（应有“联系片”和“成员单位”两列），只有人员名单；请检查联系片划分表的表头文字，或在导入窗口中手动指定各列")
	}
	if len(r.Units) > MaxRosterUnits {
		r.limit(force, "名册列出了 %d 个单位，一份名册一般不会超过 %d 个，可能选错了文件；请检查后再导入", len(r.Units), MaxRosterUnits)
	}
}

func sortedKeys[V any](m map[string]V) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// detectSheet decides what a sheet is from its column titles: a sheet with a 姓名 column is a
// people sheet; one with a unit column (and usually an area column) is an areas sheet.
func detectSheet(g *Grid) RosterSheetMapping {
	sm := RosterSheetMapping{Sheet: g.Sheet, HeaderRow: -1}
	people, okP := FindHeader(g, aliasesOf(RosterPeople), 2)
	areas, okA := FindHeader(g, aliasesOf(RosterAreas), 2)
	// A sheet is recognised by its key columns, never by any two titles: a sign-in sheet or a
	// grade sheet has 姓名, a budget has 单位.
	switch {
	case okP && people.Cols["name"] >= 0 && people.Cols["unit"] >= 0 && !rowNamesAny(g, people.Row, notRosterTitles):
		sm.Kind, sm.HeaderRow, sm.Columns = RosterPeople, people.Row, people.Cols
	case okA && areas.Cols["unit"] >= 0 && areas.Cols["area"] >= 0:
		sm.Kind, sm.HeaderRow, sm.Columns = RosterAreas, areas.Row, areas.Cols
	case okA && areas.Cols["unit"] >= 0 && hasUnitDetail(areas):
		// A list of units without areas: only when it says something of the units themselves.
		sm.Kind, sm.HeaderRow, sm.Columns = RosterAreas, areas.Row, areas.Cols
	}
	return sm
}

// notRosterTitles are columns of lists of people that are no roster: a sign-in sheet's 签到
// and 签名, a grade sheet's 学号 and 成绩.
var notRosterTitles = []string{"签到", "签到时间", "签名", "签字", "学号", "考号", "成绩", "分数"}

// rowNamesAny tells whether a row holds one of the titles.
func rowNamesAny(g *Grid, row int, titles []string) bool {
	for c := 0; c < g.Cols(); c++ {
		if matchesAny(HeaderKey(g.Cell(row, c)), titles) {
			return true
		}
	}
	return false
}

// hasUnitDetail tells whether a header names a column only a list of units has: 简称,
// 党组织类型, 书记, 党员人数.
func hasUnitDetail(h Header) bool {
	for _, k := range []string{"short", "orgType", "secretary", "members"} {
		if h.Cols[k] >= 0 {
			return true
		}
	}
	return false
}

func aliasesOf(kind string) map[string][]string {
	out := map[string][]string{}
	for _, f := range rosterFields[kind] {
		out[f.Key] = f.Aliases
	}
	return out
}

// checkMapping completes a mapping the user gave: columns detected when none are given, and
// what cannot be reported as a problem of the sheet.
func (r *Roster) checkMapping(g *Grid, sm *RosterSheetMapping) {
	if sm.Kind == "" {
		return
	}
	fields, ok := rosterFields[sm.Kind]
	if !ok {
		r.problem(sm.Sheet, "", "工作表「%s」的类型「%s」无效", sm.Sheet, sm.Kind)
		sm.Kind = ""
		return
	}
	if sm.HeaderRow >= g.Rows() {
		r.problem(sm.Sheet, "", "表头行（第 %d 行）超出了工作表的范围", sm.HeaderRow+1)
		sm.Kind = ""
		return
	}
	if len(sm.Columns) == 0 {
		if sm.HeaderRow < 0 {
			if h, ok := FindHeader(g, aliasesOf(sm.Kind), 1); ok {
				sm.HeaderRow, sm.Columns = h.Row, h.Cols
			}
		} else {
			sm.Columns = columnsAt(g, sm.HeaderRow, aliasesOf(sm.Kind))
		}
	}
	if sm.HeaderRow < 0 {
		r.problem(sm.Sheet, "", "工作表「%s」没有找到表头行，请指定表头所在的行", sm.Sheet)
		sm.Kind = ""
		return
	}
	cols := map[string]int{}
	usedBy := map[int]string{}
	for _, f := range fields {
		c, ok := sm.Columns[f.Key]
		if !ok || c < 0 {
			cols[f.Key] = -1
			if f.Required {
				r.problem(sm.Sheet, "", "工作表「%s」没有指定“%s”列", sm.Sheet, f.Label)
			}
			continue
		}
		if other, dup := usedBy[c]; dup {
			r.problem(sm.Sheet, CellName(sm.HeaderRow, c), "第 %s 列同时被指定为“%s”和“%s”，一列只能对应一项", columnLetter(c), other, f.Label)
		}
		usedBy[c] = f.Label
		cols[f.Key] = c
	}
	sm.Columns = cols
}

// columnsAt matches the titles of one given row to fields.
func columnsAt(g *Grid, row int, aliases map[string][]string) map[string]int {
	cols := map[string]int{}
	for field := range aliases {
		cols[field] = -1
	}
	for c := 0; c < g.Cols(); c++ {
		key := HeaderKey(g.Cell(row, c))
		if key == "" {
			continue
		}
		for field, names := range aliases {
			if cols[field] < 0 && matchesAny(key, names) {
				cols[field] = c
				break
			}
		}
	}
	return cols
}

func columnLetter(c int) string {
	s, err := excelize.ColumnNumberToName(c + 1)
	if err != nil {
		return strconv.Itoa(c + 1)
	}
	return s
}

// readSheet records how a sheet is read and reads its rows.
func (r *Roster) readSheet(g *Grid, sm RosterSheetMapping) {
	info := RosterSheet{Mapping: sm, Titles: []RosterColumn{}, Fields: []RosterField{}, Sample: []RosterSampleRow{}}
	if info.Mapping.Columns == nil {
		info.Mapping.Columns = map[string]int{}
	}
	if sm.Kind != "" {
		info.Fields = rosterFields[sm.Kind]
	}
	if sm.HeaderRow >= 0 {
		for c := 0; c < g.Cols(); c++ {
			info.Titles = append(info.Titles, RosterColumn{Index: c, Letter: columnLetter(c), Title: g.Text(sm.HeaderRow, c)})
		}
	}
	var rows []rosterRow
	switch sm.Kind {
	case RosterAreas:
		rows = r.readAreaSheet(g, sm)
	case RosterPeople:
		rows = r.readPeopleSheet(g, sm)
	}
	info.DataRows = len(rows)
	for i, row := range rows {
		if i == sampleRows {
			break
		}
		info.Sample = append(info.Sample, RosterSampleRow{Row: row.row + 1, Values: row.values})
	}
	r.Sheets = append(r.Sheets, info)
}

// rosterRow is a data row: its 0-based index and its values by field.
type rosterRow struct {
	row    int
	values map[string]string
}

// dataRows returns the rows below the header that hold data: blank rows, rows that repeat the
// titles, notes (注：…) and banners merged across the table are left out.
func dataRows(g *Grid, sm RosterSheetMapping) []rosterRow {
	var out []rosterRow
	for row := sm.HeaderRow + 1; row < g.Rows(); row++ {
		if g.RowEmpty(row) || isNoteRow(g, row) || isBanner(g, row, sm.Columns) || repeatsHeader(g, row, sm) || isTotalRow(g, row) || keyIsTotal(g, row, sm) {
			continue
		}
		own := false
		values := map[string]string{}
		for field, c := range sm.Columns {
			if c < 0 {
				continue
			}
			v := g.Text(row, c)
			values[field] = v
			if v != "" && !g.Merged(row, c) && field != "no" {
				own = true
			}
		}
		// A row whose every value comes from a range merged over it adds nothing, and neither
		// does a spare row of a template that holds only its 序号.
		if own {
			out = append(out, rosterRow{row: row, values: values})
		}
	}
	return out
}

var notePrefixes = []string{"注：", "注:", "注 ", "备注", "说明：", "说明:", "填报说明", "填表说明", "填报人", "填表人", "审核人", "制表", "负责人", "联系人：", "联系人:"}

// isNoteRow tells whether a row's first filled cell starts a note, as offices add below tables.
func isNoteRow(g *Grid, row int) bool {
	for c := 0; c < g.Cols(); c++ {
		v := g.Text(row, c)
		if v == "" {
			continue
		}
		for _, p := range notePrefixes {
			if strings.HasPrefix(v, p) {
				return true
			}
		}
		return v == "注"
	}
	return false
}

// isBanner tells whether a row is one text merged across the table, such as a title.
func isBanner(g *Grid, row int, cols map[string]int) bool {
	text, n, merged := "", 0, false
	for _, c := range cols {
		if c < 0 {
			continue
		}
		v := g.Text(row, c)
		if v == "" {
			continue
		}
		if text != "" && v != text {
			return false
		}
		text, n = v, n+1
		merged = merged || g.Merged(row, c)
	}
	return n >= 3 && merged
}

// keyIsTotal tells whether a row's unit, area or name cell says 合计, 小计, 总计 or 共计: a
// totals row behind a 序号, never a unit or a person.
func keyIsTotal(g *Grid, row int, sm RosterSheetMapping) bool {
	for _, k := range []string{"unit", "area", "name"} {
		if c, ok := sm.Columns[k]; ok && c >= 0 && IsTotalText(g.Cell(row, c)) {
			return true
		}
	}
	return false
}

// repeatsHeader tells whether a row holds column titles again (a second header line, or the
// header repeated on a printed page).
func repeatsHeader(g *Grid, row int, sm RosterSheetMapping) bool {
	key := "unit"
	if sm.Kind == RosterPeople {
		key = "name"
	}
	c := sm.Columns[key]
	if c < 0 {
		return false
	}
	v := HeaderKey(g.Cell(row, c))
	for _, f := range rosterFields[sm.Kind] {
		if f.Key == key && matchesAny(v, f.Aliases) {
			return true
		}
	}
	return false
}

func (r *Roster) readAreaSheet(g *Grid, sm RosterSheetMapping) []rosterRow {
	rows := dataRows(g, sm)
	col := func(field string) int {
		if c, ok := sm.Columns[field]; ok {
			return c
		}
		return -1
	}
	cell := func(row int, field string) string {
		c := col(field)
		if c < 0 {
			return ""
		}
		return CellName(row, c)
	}
	hasArea := col("area") >= 0
	// Fill down: an area cell left blank (merged or not) belongs to the area above it.
	current := ""
	for _, row := range rows {
		if !hasArea {
			continue
		}
		name := nameText(row.values["area"])
		if name == "" {
			name = current
		}
		row.values["area"] = name
		if name != "" {
			current = name
		}
	}
	noPerArea := sequencePerArea(rows, hasArea)
	index := map[string]int{}
	type seenAt struct{ ref, area string }
	unitSeen := map[string]seenAt{}
	for _, row := range rows {
		v := row.values
		areaName := v["area"]
		unitName := nameText(v["unit"])
		rowOwn := unitName != "" || v["short"] != "" || v["orgType"] != "" || v["secretary"] != "" || v["members"] != ""
		if hasArea && areaName == "" {
			if unitName != "" || rowOwn {
				r.problem(g.Sheet, cell(row.row, "area"), "联系片为空：请填写“%s”所属的联系片", orDefault(unitName, "本行单位"))
			}
			continue
		}
		if hasArea {
			i, ok := index[areaName]
			if !ok {
				i = len(r.Areas)
				index[areaName] = i
				r.Areas = append(r.Areas, RosterArea{Name: areaName, Sheet: g.Sheet, Cells: map[string]string{"area": cell(row.row, "area")}})
			}
			a := &r.Areas[i]
			for _, field := range []string{"lead", "leader", "liaison", "phone", "no"} {
				if field == "no" && !noPerArea {
					continue
				}
				val := v[field]
				switch field {
				case "lead", "leader", "liaison":
					val = nameText(val)
				case "phone":
					val = PhoneText(val)
				}
				if val == "" {
					continue
				}
				old := a.get(field)
				if old == "" {
					a.set(field, val)
					a.Cells[field] = cell(row.row, field)
				} else if old != val {
					r.problem(g.Sheet, cell(row.row, field), "%s的%s前后不一致：%s 为「%s」，此处为「%s」", areaName, labelOf(RosterAreas, field), a.Cells[field], old, val)
				}
			}
			if unitName != "" {
				a.Units = append(a.Units, unitName)
			}
		}
		if unitName == "" {
			if rowOwn {
				r.problem(g.Sheet, cell(row.row, "unit"), "单位名称为空")
			}
			continue
		}
		if prev, dup := unitSeen[unitName]; dup {
			if prev.area != areaName {
				r.problem(g.Sheet, cell(row.row, "unit"), "单位「%s」同时列在%s（%s）和%s，一个单位只能属于一个联系片", unitName, prev.area, prev.ref, areaName)
			} else {
				r.problem(g.Sheet, cell(row.row, "unit"), "单位「%s」在名册中重复出现（另见 %s）", unitName, prev.ref)
			}
			continue
		}
		unitSeen[unitName] = seenAt{ref: cell(row.row, "unit"), area: areaName}
		u := RosterUnit{Name: unitName, Area: areaName, Sheet: g.Sheet, Cells: map[string]string{}}
		for _, field := range []string{"unit", "short", "orgType", "secretary", "members"} {
			u.Cells[field] = cell(row.row, field)
		}
		u.ShortName = CleanText(v["short"])
		u.OrgType = orgTypeText(v["orgType"])
		u.Secretary = nameText(v["secretary"])
		if s := v["members"]; s != "" {
			n, err := countText(s)
			if err != nil {
				r.problem(g.Sheet, u.Cells["members"], "党员人数「%s」不是整数", s)
			} else {
				u.MemberCount, u.HasMemberCount = n, true
			}
		}
		r.Units = append(r.Units, u)
	}
	// Area numbers: a 序号 per area wins, then the number in the name (第十一联系片).
	for i := range r.Areas {
		a := &r.Areas[i]
		if a.Number == 0 {
			a.Number = AreaNumberFromName(a.Name)
		}
	}
	return rows
}

// sequencePerArea tells whether the 序号 column numbers areas rather than rows: within every
// area it holds one value (merged over the area, or written once).
func sequencePerArea(rows []rosterRow, hasArea bool) bool {
	if !hasArea {
		return false
	}
	seen := map[string]string{}
	numbered := false
	for _, row := range rows {
		no := CleanText(row.values["no"])
		if no == "" {
			continue
		}
		numbered = true
		area := row.values["area"]
		if prev, ok := seen[area]; ok && prev != no {
			return false
		}
		seen[area] = no
	}
	return numbered
}

func (a *RosterArea) get(field string) string {
	switch field {
	case "lead":
		return a.LeadUnit
	case "leader":
		return a.Leader
	case "liaison":
		return a.Liaison
	case "phone":
		return a.Phone
	case "no":
		if a.Number > 0 {
			return strconv.Itoa(a.Number)
		}
	}
	return ""
}

func (a *RosterArea) set(field, v string) {
	switch field {
	case "lead":
		a.LeadUnit = v
	case "leader":
		a.Leader = v
	case "liaison":
		a.Liaison = v
	case "phone":
		a.Phone = v
	case "no":
		if n, ok := ParseChineseNumber(v); ok {
			a.Number = n
		}
	}
}

func labelOf(kind, key string) string {
	for _, f := range rosterFields[kind] {
		if f.Key == key {
			return f.Label
		}
	}
	return key
}

func orDefault(s, d string) string {
	if s == "" {
		return d
	}
	return s
}

func (r *Roster) readPeopleSheet(g *Grid, sm RosterSheetMapping) []rosterRow {
	rows := dataRows(g, sm)
	cell := func(row int, field string) string {
		if c, ok := sm.Columns[field]; ok && c >= 0 {
			return CellName(row, c)
		}
		return ""
	}
	for _, row := range rows {
		v := row.values
		p := RosterPerson{
			Name:  nameText(v["name"]),
			Unit:  nameText(v["unit"]),
			Title: CleanText(v["title"]),
			Phone: PhoneText(v["phone"]),
			Sheet: g.Sheet,
			Cells: map[string]string{},
		}
		for _, f := range []string{"name", "unit", "title", "phone"} {
			p.Cells[f] = cell(row.row, f)
		}
		if p.Name == "" {
			if p.Unit != "" || p.Title != "" || p.Phone != "" {
				r.problem(g.Sheet, p.Cells["name"], "姓名为空")
			}
			continue
		}
		r.People = append(r.People, p)
	}
	return rows
}

// nameText cleans a name as people type it: every space dropped, including the full-width
// ones used to align two-character names (王　明) and line breaks that fit a long unit name.
func nameText(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u3000' || r == '\u00a0' {
			return -1
		}
		return r
	}, s)
}

var sciNumber = regexp.MustCompile(`^[0-9]+(\.[0-9]+)?[eE]\+?[0-9]+$`)
var wholeFloat = regexp.MustCompile(`^([0-9]+)\.0+$`)

// PhoneText reads a phone number as spreadsheets store it: a number Excel or another suite
// wrote in scientific notation (1.3805370001E10) or with a decimal (13805370001.0) comes back
// as its digits; full-width digits are folded.
func PhoneText(s string) string {
	t := strings.TrimSpace(ToHalfWidth(CleanText(s)))
	if sciNumber.MatchString(t) {
		if f, err := strconv.ParseFloat(t, 64); err == nil && f < 1e17 && f == float64(int64(f)) {
			return strconv.FormatInt(int64(f), 10)
		}
	}
	if m := wholeFloat.FindStringSubmatch(t); m != nil {
		return m[1]
	}
	return t
}

// countText reads a head count: 56, ５６, 56人, 56.0.
func countText(s string) (int, error) {
	t := strings.TrimSpace(ToHalfWidth(CleanText(s)))
	t = strings.TrimRight(t, "人名个")
	if m := wholeFloat.FindStringSubmatch(t); m != nil {
		t = m[1]
	}
	if sciNumber.MatchString(t) {
		if f, err := strconv.ParseFloat(t, 64); err == nil && f == float64(int(f)) {
			return int(f), nil
		}
	}
	return strconv.Atoi(t)
}

// orgTypeText folds the ways offices write a party organisation's kind to the four the
// product knows; anything else is returned as written and refused later.
func orgTypeText(s string) string {
	t := nameText(s)
	switch {
	case t == "":
		return ""
	case t == "党组" || strings.HasPrefix(t, "党组（") || strings.HasPrefix(t, "党组("):
		return "党组"
	case strings.Contains(t, "总支"):
		return "党总支"
	case strings.HasSuffix(t, "党委"):
		return "党委"
	case strings.HasSuffix(t, "支部"):
		return "党支部"
	}
	return t
}

var areaNumberInName = regexp.MustCompile(`第([0-9零〇一二两三四五六七八九十百]+)(?:个)?(?:联系|联)?片`)

// AreaNumberFromName reads an area's number from its name: 第一联系片 is 1, 第十一联系片 11,
// 第3片 3; 0 when the name holds none.
func AreaNumberFromName(name string) int {
	m := areaNumberInName.FindStringSubmatch(ToHalfWidth(name))
	if m == nil {
		return 0
	}
	n, _ := ParseChineseNumber(m[1])
	return n
}

var chineseDigits = map[rune]int{'零': 0, '〇': 0, '一': 1, '二': 2, '两': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9}

// ParseChineseNumber reads a whole number written in digits (3, ３) or in Chinese numerals up
// to 999 (十一, 二十, 一百零五).
func ParseChineseNumber(s string) (int, bool) {
	t := strings.TrimSpace(ToHalfWidth(CleanText(s)))
	if t == "" {
		return 0, false
	}
	if m := wholeFloat.FindStringSubmatch(t); m != nil {
		t = m[1]
	}
	if n, err := strconv.Atoi(t); err == nil {
		return n, n >= 0
	}
	total, digit := 0, -1
	for _, r := range t {
		switch r {
		case '十':
			total += max(digit, 1) * 10
			digit = -1
		case '百':
			total += max(digit, 1) * 100
			digit = -1
		default:
			d, ok := chineseDigits[r]
			if !ok {
				return 0, false
			}
			digit = d
		}
	}
	if digit > 0 {
		total += digit
	}
	return total, total > 0
}
