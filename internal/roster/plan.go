package roster

import (
	"fmt"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/workbook"
)

// areaPlan is what happens to one area of the file.
type areaPlan struct {
	src     *workbook.RosterArea
	cur     *org.Area // nil for a new area
	next    org.Area
	lead    *unitPlan   // nil: the file names no lead unit, the current one stays
	leader  *personPlan // nil: keep
	liaison *personPlan // nil: keep
	action  string
	detail  string
	id      uint // set while applying
}

// unitPlan is what happens to one unit of the file.
type unitPlan struct {
	src     *workbook.RosterUnit
	cur     *org.Unit
	next    org.Unit
	area    *areaPlan // nil: the file puts it in no area, the current one stays
	derived bool      // the short name was proposed, not written in the file
	action  string
	detail  string
	id      uint
}

// unitRef is a person's unit: one of the file, one only in the database, or none.
type unitRef struct {
	plan *unitPlan
	id   uint
}

func (r unitRef) known() bool { return r.plan != nil || r.id != 0 }

// currentID is the unit's id before the import, 0 for a unit the import creates.
func (r unitRef) currentID() uint {
	if r.plan != nil {
		if r.plan.cur != nil {
			return r.plan.cur.ID
		}
		return 0
	}
	return r.id
}

// personPlan is what happens to one person named by the file.
type personPlan struct {
	name     string
	unitText string
	unit     unitRef
	title    string
	phone    string
	sheet    string
	cells    map[string]string
	fromList bool // named in a people sheet, not only as an area's liaison or committee member
	// phoneSheet and phoneCell locate the phone taken, which an area's 联系电话 may replace.
	phoneSheet string
	phoneCell  string
	cur        *org.Person
	next       org.Person
	action     string
	detail     string
	id         uint
}

// builder compares a roster with the stored organisation and decides every change.
type builder struct {
	r        *workbook.Roster
	areas    []org.Area
	units    []org.Unit
	people   []org.Person
	unitByID map[uint]*org.Unit
	areaByID map[uint]*org.Area

	aPlans []*areaPlan
	uPlans []*unitPlan
	pPlans []*personPlan

	areaPlanByName map[string]*areaPlan
	// unitPlanByKey finds a unit of the file by its full or short name, as the file or the
	// database spells them.
	unitPlanByKey map[string]*unitPlan
	problems      []workbook.Problem
	notes         []workbook.Problem
}

func (b *builder) problem(sheet, cell, format string, args ...any) {
	b.problems = append(b.problems, workbook.Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func (b *builder) note(sheet, cell, format string, args ...any) {
	b.notes = append(b.notes, workbook.Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func newBuilder(tx *gorm.DB, r *workbook.Roster) (*builder, error) {
	b := &builder{r: r, unitByID: map[uint]*org.Unit{}, areaByID: map[uint]*org.Area{},
		areaPlanByName: map[string]*areaPlan{}, unitPlanByKey: map[string]*unitPlan{}}
	if err := tx.Order("number").Find(&b.areas).Error; err != nil {
		return nil, fmt.Errorf("读取联系片：%w", err)
	}
	if err := tx.Order("sort_order, id").Find(&b.units).Error; err != nil {
		return nil, fmt.Errorf("读取单位：%w", err)
	}
	if err := tx.Order("id").Find(&b.people).Error; err != nil {
		return nil, fmt.Errorf("读取人员：%w", err)
	}
	for i := range b.areas {
		b.areaByID[b.areas[i].ID] = &b.areas[i]
	}
	for i := range b.units {
		b.unitByID[b.units[i].ID] = &b.units[i]
	}
	// Rows that could not be read are left out; the rest is still matched, so that the user
	// sees every problem of the file at once.
	b.planAreas()
	b.planUnits()
	b.planLeadUnits()
	b.planShortNames()
	b.planPeople()
	b.planRoles()
	b.checkLeadUnitsStay()
	b.decide()
	return b, nil
}

// plan reports the builder's decisions.
func (b *builder) plan() *Plan {
	p := &Plan{Sheets: b.r.Sheets, Changes: []Change{}}
	p.Problems = append(append([]workbook.Problem{}, b.r.Problems...), b.problems...)
	p.Notes = append(append([]workbook.Problem{}, b.r.Notes...), b.notes...)
	p.Limits = append([]workbook.Problem{}, b.r.Limits...)
	for _, ap := range b.aPlans {
		p.Counts.Areas.add(ap.action)
		p.Changes = append(p.Changes, Change{Kind: KindArea, Name: ap.next.Name, Action: ap.action, Detail: ap.detail, Sheet: ap.src.Sheet, Cell: ap.src.Cells["area"]})
	}
	for _, up := range b.uPlans {
		p.Counts.Units.add(up.action)
		p.Changes = append(p.Changes, Change{Kind: KindUnit, Name: up.next.Name, Action: up.action, Detail: up.detail, Sheet: up.src.Sheet, Cell: up.src.Cells["unit"]})
	}
	for _, pp := range b.pPlans {
		p.Counts.People.add(pp.action)
		p.Changes = append(p.Changes, Change{Kind: KindPerson, Name: pp.name, Action: pp.action, Detail: pp.detail, Sheet: pp.sheet, Cell: pp.cells["name"]})
	}
	p.Total = p.Counts.Total()
	return p
}

// planAreas matches the file's areas by name, then by number, and numbers the new ones.
func (b *builder) planAreas() {
	byName := map[string]*org.Area{}
	byNumber := map[int]*org.Area{}
	for i := range b.areas {
		byName[b.areas[i].Name] = &b.areas[i]
		byNumber[b.areas[i].Number] = &b.areas[i]
	}
	inFile := map[string]bool{}
	for _, a := range b.r.Areas {
		inFile[a.Name] = true
	}
	claimed := map[uint]*areaPlan{}
	for i := range b.r.Areas {
		src := &b.r.Areas[i]
		ap := &areaPlan{src: src}
		cur := byName[src.Name]
		if cur == nil && src.Number > 0 {
			if c := byNumber[src.Number]; c != nil && !inFile[c.Name] {
				cur = c
			}
		}
		if cur != nil {
			if other := claimed[cur.ID]; other != nil {
				b.problem(src.Sheet, src.Cells["area"], "「%s」与「%s」都对应数据库中的「%s」（序号 %d），请改正其中一个的名称或序号", src.Name, other.src.Name, cur.Name, cur.Number)
			}
			claimed[cur.ID] = ap
			ap.cur, ap.next = cur, *cur
		}
		ap.next.Name = src.Name
		if src.Number > 0 {
			ap.next.Number = src.Number
		}
		b.aPlans = append(b.aPlans, ap)
		b.areaPlanByName[src.Name] = ap
	}
	used := map[int]string{}
	for i := range b.areas {
		if claimed[b.areas[i].ID] == nil {
			used[b.areas[i].Number] = "数据库中的「" + b.areas[i].Name + "」"
		}
	}
	for _, ap := range b.aPlans {
		n := ap.next.Number
		if n == 0 {
			continue
		}
		if who, taken := used[n]; taken {
			b.problem(ap.src.Sheet, ap.src.Cells["area"], "%s的序号 %d 已被%s使用", ap.next.Name, n, who)
			continue
		}
		used[n] = "「" + ap.next.Name + "」"
	}
	next := 1
	for _, ap := range b.aPlans {
		if ap.next.Number != 0 {
			continue
		}
		for used[next] != "" {
			next++
		}
		ap.next.Number = next
		used[next] = "「" + ap.next.Name + "」"
	}
	for _, ap := range b.aPlans {
		if err := ap.next.Validate(); err != nil {
			b.problem(ap.src.Sheet, ap.src.Cells["area"], "%s", apperr.MessageOf(err))
		}
	}
}

// planUnits matches the file's units by full name, then by short name, and sets what the file
// gives; a blank cell never erases what is stored.
func (b *builder) planUnits() {
	byName := map[string]*org.Unit{}
	byShort := map[string]*org.Unit{}
	for i := range b.units {
		byName[b.units[i].Name] = &b.units[i]
		byShort[b.units[i].ShortName] = &b.units[i]
	}
	inFile := map[string]bool{}
	for _, u := range b.r.Units {
		inFile[u.Name] = true
	}
	claimed := map[uint]*unitPlan{}
	maxSort := 0
	for _, u := range b.units {
		maxSort = max(maxSort, u.SortOrder)
	}
	for i := range b.r.Units {
		b.addUnit(&b.r.Units[i], byName, byShort, inFile, claimed, &maxSort)
	}
}

func (b *builder) addUnit(src *workbook.RosterUnit, byName, byShort map[string]*org.Unit, inFile map[string]bool, claimed map[uint]*unitPlan, maxSort *int) *unitPlan {
	up := &unitPlan{src: src}
	cur, keepName := byName[src.Name], false
	if cur == nil {
		if c := byShort[src.Name]; c != nil {
			// The file calls the unit by its short name: it is that unit, under its full name.
			cur, keepName = c, true
		} else if c := byShort[src.ShortName]; src.ShortName != "" && c != nil && !inFile[c.Name] {
			// Same short name, new full name: the unit was renamed.
			cur = c
		}
	}
	if cur != nil {
		if other := claimed[cur.ID]; other != nil {
			b.problem(src.Sheet, src.Cells["unit"], "「%s」与「%s」（%s）都对应数据库中的单位「%s」，请只保留一行", src.Name, other.src.Name, other.src.Cells["unit"], cur.Name)
		}
		claimed[cur.ID] = up
		up.cur, up.next = cur, *cur
	} else {
		*maxSort++
		up.next.SortOrder = *maxSort
	}
	if !keepName {
		up.next.Name = src.Name
	}
	if src.ShortName != "" {
		up.next.ShortName = src.ShortName
		if err := org.ValidateShortName(src.ShortName); err != nil {
			b.problem(src.Sheet, src.Cells["short"], "%s", apperr.MessageOf(err))
		}
	}
	if src.OrgType != "" {
		up.next.OrgType = src.OrgType
		if !contains(org.OrgTypes, src.OrgType) {
			b.problem(src.Sheet, src.Cells["orgType"], "党组织类型「%s」无效，应为 党组、党委、党总支 或 党支部", src.OrgType)
		}
	}
	if src.Secretary != "" {
		up.next.Secretary = src.Secretary
	}
	if src.HasMemberCount {
		up.next.MemberCount = src.MemberCount
	}
	if src.Area != "" {
		up.area = b.areaPlanByName[src.Area]
	}
	check := up.next
	if check.ShortName == "" || org.ValidateShortName(check.ShortName) != nil {
		check.ShortName = "简称"
	}
	if check.OrgType != "" && !contains(org.OrgTypes, check.OrgType) {
		check.OrgType = ""
	}
	if err := check.Validate(); err != nil {
		b.problem(src.Sheet, src.Cells["unit"], "%s", apperr.MessageOf(err))
	}
	b.uPlans = append(b.uPlans, up)
	for _, k := range []string{src.Name, src.ShortName, up.next.Name, up.next.ShortName} {
		if k != "" && b.unitPlanByKey[k] == nil {
			b.unitPlanByKey[k] = up
		}
	}
	return up
}

// planLeadUnits finds each area's lead unit among the file's units. A lead unit the file does
// not list among the area's members is added to the area, as offices often name it only once.
func (b *builder) planLeadUnits() {
	byName := map[string]*org.Unit{}
	byShort := map[string]*org.Unit{}
	for i := range b.units {
		byName[b.units[i].Name] = &b.units[i]
		byShort[b.units[i].ShortName] = &b.units[i]
	}
	claimed := map[uint]*unitPlan{}
	for _, up := range b.uPlans {
		if up.cur != nil {
			claimed[up.cur.ID] = up
		}
	}
	maxSort := 0
	for _, u := range b.units {
		maxSort = max(maxSort, u.SortOrder)
	}
	for _, up := range b.uPlans {
		maxSort = max(maxSort, up.next.SortOrder)
	}
	for _, ap := range b.aPlans {
		name := ap.src.LeadUnit
		if name == "" {
			continue
		}
		up := b.unitPlanByKey[name]
		if up == nil {
			if c := byName[name]; c != nil && claimed[c.ID] != nil {
				up = claimed[c.ID]
			} else if c := byShort[name]; c != nil && claimed[c.ID] != nil {
				up = claimed[c.ID]
			}
		}
		if up == nil {
			src := &workbook.RosterUnit{Name: name, Area: ap.src.Name, Sheet: ap.src.Sheet,
				Cells: map[string]string{"unit": ap.src.Cells["lead"]}}
			up = b.addUnit(src, byName, byShort, map[string]bool{}, claimed, &maxSort)
			b.note(ap.src.Sheet, ap.src.Cells["lead"], "片长单位「%s」没有列在%s的成员单位中，已作为本片单位导入", name, ap.src.Name)
		} else if up.area != ap {
			where := "没有列在任何联系片中"
			if up.area != nil {
				where = "列在" + up.area.src.Name + "中"
			}
			b.problem(ap.src.Sheet, ap.src.Cells["lead"], "片长单位「%s」%s（%s），片长单位须是%s的成员单位", name, where, up.src.Cells["unit"], ap.src.Name)
			continue
		}
		ap.lead = up
	}
}

// planShortNames checks that short names stay unique and proposes one for each new unit that
// has none (区财政局 → 财政局).
func (b *builder) planShortNames() {
	owner := map[string]string{}
	planned := map[uint]bool{}
	for _, up := range b.uPlans {
		if up.cur != nil {
			planned[up.cur.ID] = true
		}
	}
	for _, u := range b.units {
		if !planned[u.ID] {
			owner[u.ShortName] = u.Name
		}
	}
	for _, up := range b.uPlans {
		s := up.next.ShortName
		if s == "" {
			continue
		}
		if who, taken := owner[s]; taken && who != up.next.Name {
			cell := up.src.Cells["short"]
			if up.src.ShortName == "" {
				cell = up.src.Cells["unit"]
			}
			b.problem(up.src.Sheet, cell, "简称「%s」已被「%s」使用，请为「%s」另定简称", s, who, up.next.Name)
			continue
		}
		owner[s] = up.next.Name
	}
	derived := 0
	example := ""
	for _, up := range b.uPlans {
		if up.next.ShortName != "" {
			continue
		}
		up.next.ShortName = org.SuggestShortName(up.next.Name, func(s string) bool { _, ok := owner[s]; return ok })
		up.derived = true
		owner[up.next.ShortName] = up.next.Name
		derived++
		if example == "" {
			example = up.next.Name + " → " + up.next.ShortName
		}
	}
	if derived > 0 {
		b.note("", "", "%d 个新单位没有填写简称，已自动拟定（如 %s）；简称用作评分表的工作表名称，导入后可在“单位”中修改", derived, example)
	}
}

// planPeople takes the people sheets' rows, resolving each one's unit.
func (b *builder) planPeople() {
	byName := map[string]*org.Unit{}
	byShort := map[string]*org.Unit{}
	for i := range b.units {
		byName[b.units[i].Name] = &b.units[i]
		byShort[b.units[i].ShortName] = &b.units[i]
	}
	seen := map[string]*personPlan{}
	unknown := map[string][]string{}
	var unknownOrder []string
	for i := range b.r.People {
		src := &b.r.People[i]
		key := src.Name + "\x00" + src.Unit
		if prev := seen[key]; prev != nil {
			if prev.title == src.Title && prev.phone == src.Phone {
				b.note(src.Sheet, src.Cells["name"], "「%s」（%s）在人员名单中重复出现，已合并", src.Name, orDash(src.Unit))
			} else {
				b.problem(src.Sheet, src.Cells["name"], "「%s」（%s）在人员名单中出现两次且内容不同（另见 %s）", src.Name, orDash(src.Unit), prev.cells["name"])
			}
			continue
		}
		pp := &personPlan{name: src.Name, unitText: src.Unit, title: src.Title, phone: src.Phone, sheet: src.Sheet, cells: src.Cells, fromList: true,
			phoneSheet: src.Sheet, phoneCell: src.Cells["phone"]}
		seen[key] = pp
		if src.Unit != "" {
			switch {
			case b.unitPlanByKey[src.Unit] != nil:
				pp.unit = unitRef{plan: b.unitPlanByKey[src.Unit]}
			case byName[src.Unit] != nil:
				pp.unit = unitRef{id: byName[src.Unit].ID}
			case byShort[src.Unit] != nil:
				pp.unit = unitRef{id: byShort[src.Unit].ID}
			default:
				if unknown[src.Unit] == nil {
					unknownOrder = append(unknownOrder, src.Unit)
				}
				unknown[src.Unit] = append(unknown[src.Unit], src.Name)
			}
		}
		b.pPlans = append(b.pPlans, pp)
	}
	for _, u := range unknownOrder {
		b.note("", "", "单位「%s」不在名册和数据库中：%s 将不设单位导入", u, strings.Join(unknown[u], "、"))
	}
	claimed := map[uint]bool{}
	// People whose unit is known first, so that a name-only match cannot take their record.
	for _, pass := range []bool{true, false} {
		for _, pp := range b.pPlans {
			if pp.unit.known() == pass {
				b.matchPerson(pp, claimed, nil)
			}
		}
	}
}

// matchPerson finds the stored record of a person: by name and unit; else a record of that
// name with no unit (the unit is then set); for a person of unknown unit, the one record of
// that name, or the one preferred (the area's current liaison or committee member).
func (b *builder) matchPerson(pp *personPlan, claimed map[uint]bool, prefer *uint) {
	var same, noUnit []*org.Person
	for i := range b.people {
		p := &b.people[i]
		if p.Name != pp.name || claimed[p.ID] {
			continue
		}
		same = append(same, p)
		if p.UnitID == nil {
			noUnit = append(noUnit, p)
		}
	}
	var cur *org.Person
	if id := pp.unit.currentID(); id != 0 {
		for _, p := range same {
			if p.UnitID != nil && *p.UnitID == id {
				cur = p
			}
		}
	}
	if cur == nil && pp.unit.known() && len(noUnit) == 1 {
		cur = noUnit[0]
	}
	if cur == nil && !pp.unit.known() {
		if prefer != nil {
			for _, p := range same {
				if p.ID == *prefer {
					cur = p
				}
			}
		}
		switch {
		case cur != nil:
		case len(same) == 1:
			cur = same[0]
		case len(noUnit) == 1:
			cur = noUnit[0]
		case len(same) > 1:
			var units []string
			for _, p := range same {
				units = append(units, b.unitName(p.UnitID))
			}
			b.problem(pp.sheet, pp.cells["name"], "数据库中有 %d 位「%s」（%s），无法确定是哪一位：请在人员名单中写明其所在单位", len(same), pp.name, strings.Join(units, "、"))
		}
	}
	if cur != nil {
		claimed[cur.ID] = true
		pp.cur, pp.next = cur, *cur
	}
}

func (b *builder) unitName(id *uint) string {
	if id == nil {
		return "未设单位"
	}
	if u := b.unitByID[*id]; u != nil {
		return u.Name
	}
	return "?"
}

// planRoles resolves each area's committee member and liaison to a person of the people sheet,
// or to a person named only in the area sheet.
func (b *builder) planRoles() {
	claimed := map[uint]bool{}
	for _, pp := range b.pPlans {
		if pp.cur != nil {
			claimed[pp.cur.ID] = true
		}
	}
	roleOnly := map[string]*personPlan{}
	var phones []phoneDiff
	for _, ap := range b.aPlans {
		for _, role := range []string{"leader", "liaison"} {
			name := ap.src.Leader
			label := "联系区委常委"
			var current *uint
			if ap.cur != nil {
				current = ap.cur.LeaderID
			}
			if role == "liaison" {
				name, label = ap.src.Liaison, "总联络员"
				current = nil
				if ap.cur != nil {
					current = ap.cur.LiaisonID
				}
			}
			if name == "" {
				continue
			}
			pp := b.roleFromList(ap, name, role, label, current)
			if pp == nil {
				pp = roleOnly[name]
			}
			if pp == nil {
				pp = &personPlan{name: name, sheet: ap.src.Sheet, cells: map[string]string{"name": ap.src.Cells[role]}}
				roleOnly[name] = pp
				b.matchPerson(pp, claimed, current)
				b.pPlans = append(b.pPlans, pp)
			}
			if role == "leader" {
				ap.leader = pp
			} else {
				ap.liaison = pp
			}
		}
		if ap.src.Phone != "" {
			// The 联系电话 is the general liaison's; on a sheet that names only the committee
			// member (联系常委 | 手机), it is the committee member's.
			who, role := ap.liaison, "总联络员"
			if who == nil && !b.sheetHas(ap.src.Sheet, "liaison") {
				who, role = ap.leader, "联系区委常委"
			}
			if who == nil {
				b.note(ap.src.Sheet, ap.src.Cells["phone"], "%s填了联系电话但没有总联络员，电话未导入", ap.src.Name)
			} else {
				if who.phone != "" && who.phone != ap.src.Phone {
					phones = append(phones, phoneDiff{ap.src.Sheet, ap.src.Cells["phone"], role, who.name, who.phone, ap.src.Phone})
				}
				who.phone = ap.src.Phone
				who.phoneSheet, who.phoneCell = ap.src.Sheet, ap.src.Cells["phone"]
			}
		}
	}
	b.notePhones(phones)
	for _, pp := range b.pPlans {
		b.personNext(pp)
	}
	b.checkPeopleUnique()
}

// sheetHas tells whether a sheet of the file is read with a column for field.
func (b *builder) sheetHas(sheet, field string) bool {
	for _, s := range b.r.Sheets {
		if s.Mapping.Sheet == sheet {
			c, ok := s.Mapping.Columns[field]
			return ok && c >= 0
		}
	}
	return false
}

// phoneDiff is a liaison (or committee member) whose phone differs between the people sheet
// and the area sheet.
type phoneDiff struct{ sheet, cell, role, name, listed, area string }

// notePhones tells which phones the area sheet's 联系电话 replaced: one note with its cell, or
// one line for them all.
func (b *builder) notePhones(ds []phoneDiff) {
	switch len(ds) {
	case 0:
	case 1:
		d := ds[0]
		b.note(d.sheet, d.cell, "%s%s的电话：人员名单中为 %s，%s表中为 %s，采用%s表中的号码", d.role, d.name, d.listed, d.sheet, d.area, d.sheet)
	default:
		parts := make([]string, len(ds))
		for i, d := range ds {
			parts[i] = fmt.Sprintf("%s（%s → %s）", d.name, d.listed, d.area)
		}
		b.note("", "", "%d 位总联络员在人员名单和%s表中的电话不同，采用%s表中的“联系电话”：%s", len(ds), ds[0].sheet, ds[0].sheet, strings.Join(parts, "、"))
	}
}

// roleFromList finds the person of the people sheets an area names; nil when none has that name.
func (b *builder) roleFromList(ap *areaPlan, name, role, label string, current *uint) *personPlan {
	var cands []*personPlan
	for _, pp := range b.pPlans {
		if pp.fromList && pp.name == name {
			cands = append(cands, pp)
		}
	}
	if len(cands) <= 1 {
		if len(cands) == 1 {
			return cands[0]
		}
		return nil
	}
	pick := func(ok func(*personPlan) bool) *personPlan {
		var found []*personPlan
		for _, c := range cands {
			if ok(c) {
				found = append(found, c)
			}
		}
		if len(found) == 1 {
			return found[0]
		}
		return nil
	}
	if current != nil {
		if pp := pick(func(c *personPlan) bool { return c.cur != nil && c.cur.ID == *current }); pp != nil {
			return pp
		}
	}
	if ap.lead != nil {
		if pp := pick(func(c *personPlan) bool { return c.unit.plan == ap.lead }); pp != nil {
			return pp
		}
	}
	var units []string
	for _, c := range cands {
		units = append(units, orDash(c.unitText))
	}
	b.problem(ap.src.Sheet, ap.src.Cells[role], "人员名单中有 %d 位「%s」（%s），无法确定哪一位是%s的%s", len(cands), name, strings.Join(units, "、"), ap.src.Name, label)
	return cands[0]
}

// personNext sets what the file gives about a person; blanks keep what is stored.
func (b *builder) personNext(pp *personPlan) {
	if pp.cur == nil {
		pp.next = org.Person{}
	}
	pp.next.Name = pp.name
	if pp.title != "" {
		pp.next.Title = pp.title
	}
	if pp.phone != "" {
		pp.next.Phone = pp.phone
	}
	if err := pp.next.Validate(); err != nil {
		sheet, cell := pp.sheet, pp.cells["name"]
		if pp.phone != "" && strings.Contains(apperr.MessageOf(err), "电话") {
			sheet, cell = pp.phoneSheet, pp.phoneCell
		}
		b.problem(sheet, cell, "%s", apperr.MessageOf(err))
	}
}

// checkPeopleUnique refuses two rows that would become the same person (the same name in the
// same unit, once written by full and once by short name).
func (b *builder) checkPeopleUnique() {
	type key struct {
		name string
		plan *unitPlan
		id   uint
	}
	seen := map[key]*personPlan{}
	for _, pp := range b.pPlans {
		k := key{name: pp.name, plan: pp.unit.plan, id: pp.unit.id}
		if pp.unit.plan == nil && pp.unit.id == 0 && pp.cur != nil && pp.cur.UnitID != nil {
			k.id = *pp.cur.UnitID
		}
		if prev := seen[k]; prev != nil && prev != pp {
			b.problem(pp.sheet, pp.cells["name"], "「%s」在名册中出现两次，都属于同一单位（另见 %s!%s）", pp.name, prev.sheet, prev.cells["name"])
			continue
		}
		seen[k] = pp
	}
}

// checkLeadUnitsStay refuses moving a unit out of an area that it still leads.
func (b *builder) checkLeadUnitsStay() {
	leads := map[uint]*org.Area{}
	for i := range b.areas {
		a := &b.areas[i]
		if a.LeadUnitID == nil {
			continue
		}
		replaced := false
		for _, ap := range b.aPlans {
			if ap.cur != nil && ap.cur.ID == a.ID && ap.lead != nil {
				replaced = true
			}
		}
		if !replaced {
			leads[*a.LeadUnitID] = a
		}
	}
	for _, up := range b.uPlans {
		if up.cur == nil || up.area == nil {
			continue
		}
		a := leads[up.cur.ID]
		if a != nil && (up.area.cur == nil || up.area.cur.ID != a.ID) {
			b.problem(up.src.Sheet, up.src.Cells["unit"], "「%s」是%s的片长单位，不能移到%s：请先在“联系片”中为%s另选片长单位，或在名册中列出该片及其新的片长单位", up.next.Name, a.Name, up.area.next.Name, a.Name)
		}
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func orDash(s string) string {
	if s == "" {
		return "未填单位"
	}
	return s
}

// decide compares each planned record with the stored one and describes the change.
func (b *builder) decide() {
	for _, up := range b.uPlans {
		var d diff
		areaName := ""
		if up.area != nil {
			areaName = up.area.next.Name
		}
		if up.cur == nil {
			up.action = Create
			if areaName != "" {
				d.set("联系片", areaName)
			}
			short := up.next.ShortName
			if up.derived {
				short += "（自动拟定）"
			}
			d.set("简称", short)
			d.set("党组织类型", up.next.OrgType)
			d.set("书记", up.next.Secretary)
			if up.next.MemberCount > 0 {
				d.set("党员人数", strconv.Itoa(up.next.MemberCount))
			}
		} else {
			c := up.cur
			d.change("名称", c.Name, up.next.Name)
			if up.area != nil && (up.area.cur == nil || c.AreaID == nil || *c.AreaID != up.area.cur.ID) {
				d.change("联系片", b.areaName(c.AreaID), areaName)
			}
			d.change("简称", c.ShortName, up.next.ShortName)
			d.change("党组织类型", c.OrgType, up.next.OrgType)
			d.change("书记", c.Secretary, up.next.Secretary)
			d.change("党员人数", strconv.Itoa(c.MemberCount), strconv.Itoa(up.next.MemberCount))
			up.action = d.action()
		}
		up.detail = d.String()
	}
	for _, pp := range b.pPlans {
		var d diff
		unit := b.refName(pp.unit)
		if pp.cur == nil {
			pp.action = Create
			d.set("单位", unit)
			d.set("职务", pp.next.Title)
			d.set("电话", pp.next.Phone)
		} else {
			c := pp.cur
			if pp.unit.known() && (pp.unit.plan != nil && pp.unit.plan.cur == nil || c.UnitID == nil || *c.UnitID != pp.unit.currentID()) {
				d.change("单位", b.unitName(c.UnitID), unit)
			}
			d.change("职务", c.Title, pp.next.Title)
			d.change("电话", c.Phone, pp.next.Phone)
			pp.action = d.action()
		}
		pp.detail = d.String()
	}
	for _, ap := range b.aPlans {
		var d diff
		if ap.cur == nil {
			ap.action = Create
			d.set("序号", strconv.Itoa(ap.next.Number))
			if ap.lead != nil {
				d.set("片长单位", ap.lead.next.Name)
			}
			if ap.leader != nil {
				d.set("联系常委", ap.leader.name)
			}
			if ap.liaison != nil {
				d.set("总联络员", ap.liaison.name)
			}
		} else {
			c := ap.cur
			d.change("名称", c.Name, ap.next.Name)
			d.change("序号", strconv.Itoa(c.Number), strconv.Itoa(ap.next.Number))
			if ap.lead != nil && (ap.lead.cur == nil || c.LeadUnitID == nil || *c.LeadUnitID != ap.lead.cur.ID) {
				d.change("片长单位", b.unitName(c.LeadUnitID), ap.lead.next.Name)
			}
			if ap.leader != nil && (ap.leader.cur == nil || c.LeaderID == nil || *c.LeaderID != ap.leader.cur.ID) {
				d.change("联系常委", b.personName(c.LeaderID), ap.leader.name)
			}
			if ap.liaison != nil && (ap.liaison.cur == nil || c.LiaisonID == nil || *c.LiaisonID != ap.liaison.cur.ID) {
				d.change("总联络员", b.personName(c.LiaisonID), ap.liaison.name)
			}
			ap.action = d.action()
			b.noteUnlisted(ap)
		}
		ap.detail = d.String()
	}
}

// noteUnlisted tells about units an existing area keeps although the file does not list them.
func (b *builder) noteUnlisted(ap *areaPlan) {
	listed := map[uint]bool{}
	for _, up := range b.uPlans {
		if up.cur != nil {
			listed[up.cur.ID] = true
		}
	}
	var kept []string
	for _, u := range b.units {
		if u.AreaID != nil && *u.AreaID == ap.cur.ID && !listed[u.ID] {
			kept = append(kept, u.Name)
		}
	}
	if len(kept) > 0 {
		sort.Strings(kept)
		b.note(ap.src.Sheet, ap.src.Cells["area"], "%s在数据库中还有 %d 个单位没有列在名册中（%s），保持不变", ap.next.Name, len(kept), strings.Join(kept, "、"))
	}
}

func (b *builder) areaName(id *uint) string {
	if id == nil {
		return "未分片"
	}
	if a := b.areaByID[*id]; a != nil {
		return a.Name
	}
	return "?"
}

func (b *builder) personName(id *uint) string {
	if id == nil {
		return ""
	}
	for _, p := range b.people {
		if p.ID == *id {
			return p.Name
		}
	}
	return "?"
}

func (b *builder) refName(r unitRef) string {
	switch {
	case r.plan != nil:
		return r.plan.next.Name
	case r.id != 0:
		return b.unitName(&r.id)
	}
	return ""
}

// diff collects the parts of a change's description.
type diff struct {
	parts   []string
	changed bool
}

func (d *diff) set(label, v string) {
	if v != "" {
		d.parts = append(d.parts, label+" "+v)
	}
}

func (d *diff) change(label, from, to string) {
	if from == to {
		return
	}
	d.changed = true
	if from == "" {
		from = "（空）"
	}
	d.parts = append(d.parts, label+"："+from+" → "+to)
}

func (d *diff) action() string {
	if d.changed {
		return Update
	}
	return Unchanged
}

func (d *diff) String() string { return strings.Join(d.parts, "；") }
