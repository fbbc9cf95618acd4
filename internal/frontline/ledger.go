package frontline

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/workbook"
)

// The actions an import takes on a row.
const (
	Create    = "create"
	Update    = "update"
	Unchanged = "unchanged"
)

// LedgerTally counts what an import does to one ledger.
type LedgerTally struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

func (t *LedgerTally) add(action string) {
	switch action {
	case Create:
		t.Created++
	case Update:
		t.Updated++
	default:
		t.Unchanged++
	}
}

// LedgerCounts are the tallies per ledger.
type LedgerCounts struct {
	Branches LedgerTally `json:"branches"`
	Matters  LedgerTally `json:"matters"`
	Brands   LedgerTally `json:"brands"`
}

// LedgerChange is one row of an import as the preview lists it.
type LedgerChange struct {
	// Kind is the ledger: workbook.LedgerBranches, LedgerMatters or LedgerBrands.
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Action string `json:"action"`
	// Detail says what changes, in Chinese (类型：项目 → 巡察组；…), for an update.
	Detail string `json:"detail"`
	Sheet  string `json:"sheet"`
	Cell   string `json:"cell"`
}

// LedgerPlan is what importing a ledger workbook does, or did: how its sheets were read, the
// counts, every row's change, and the problems that refuse the whole file.
type LedgerPlan struct {
	File     string                 `json:"file"`
	Sheets   []workbook.LedgerSheet `json:"sheets"`
	Counts   LedgerCounts           `json:"counts"`
	Changes  []LedgerChange         `json:"changes"`
	Problems []workbook.Problem     `json:"problems"`
	// Notes are told and never refuse: the chart or macro sheets that were skipped.
	Notes []workbook.Problem `json:"notes"`
	// Applied is true once the plan has been written; a plan with problems never is.
	Applied bool `json:"applied"`
}

var errPreviewOnly = errors.New("preview only")

// PreviewLedger reads the ledger workbook at path and tells what importing it would do,
// writing nothing. Every row is checked by the same rules as a save in the window, and each
// problem is reported at its cell.
func (s *Service) PreviewLedger(path string) (*LedgerPlan, error) { return s.runLedger(path, false) }

// ImportLedger reads the ledger workbook at path and applies it in one transaction. Rows are
// matched to what is stored (branches by name, matters by 编号 or else by 事项 and 受理日期,
// brands by unit, name and year): a matched row updates, another creates, and nothing stored is
// deleted. A workbook with any problem is refused whole: the plan comes back with its problems
// and Applied false, and nothing is written.
func (s *Service) ImportLedger(path string) (*LedgerPlan, error) { return s.runLedger(path, true) }

func (s *Service) runLedger(path string, apply bool) (*LedgerPlan, error) {
	f, err := workbook.OpenFile(path, "")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	l, err := workbook.ReadFrontline(f)
	if err != nil {
		return nil, workbook.ReadError("台账", path, err)
	}
	plan := &LedgerPlan{File: filepath.Base(path), Sheets: l.Sheets, Changes: []LedgerChange{}, Problems: l.Problems,
		Notes: append(append([]workbook.Problem{}, workbook.SkippedSheets(f)...), l.Notes...)}
	if plan.Sheets == nil {
		plan.Sheets = []workbook.LedgerSheet{}
	}
	err = s.db.Transaction(func(tx *gorm.DB) error {
		im := &importer{svc: &Service{db: tx, Now: s.Now}, tx: tx, plan: plan, bad: map[string]bool{}}
		for _, p := range plan.Problems {
			im.bad[p.Sheet+"!"+p.Cell] = true
		}
		if err := im.load(); err != nil {
			return err
		}
		if err := im.importBranches(l.Branches); err != nil {
			return err
		}
		if err := im.importMatters(l.Matters); err != nil {
			return err
		}
		if err := im.importBrands(l.Brands); err != nil {
			return err
		}
		sortChanges(plan)
		if !apply || len(plan.Problems) > 0 {
			return errPreviewOnly
		}
		plan.Applied = true
		return nil
	})
	if errors.Is(err, errPreviewOnly) {
		err = nil
	}
	if err != nil {
		plan.Applied = false
		if apperr.CodeOf(err) == apperr.Internal {
			err = fmt.Errorf("导入台账 %s：%w", filepath.Base(path), err)
		}
		return nil, err
	}
	return plan, nil
}

// sortChanges lists the changes and problems in the order of the workbook's sheets, rows and
// columns, the order the user reads the file in, rather than the order they were found in.
func sortChanges(p *LedgerPlan) {
	sheet := map[string]int{}
	for i, s := range p.Sheets {
		sheet[s.Sheet] = i
	}
	less := func(s1, c1, s2, c2 string) bool {
		if sheet[s1] != sheet[s2] {
			return sheet[s1] < sheet[s2]
		}
		col1, row1 := splitCell(c1)
		col2, row2 := splitCell(c2)
		if row1 != row2 {
			return row1 < row2
		}
		return len(col1) < len(col2) || len(col1) == len(col2) && col1 < col2
	}
	sort.SliceStable(p.Changes, func(i, j int) bool {
		return less(p.Changes[i].Sheet, p.Changes[i].Cell, p.Changes[j].Sheet, p.Changes[j].Cell)
	})
	sort.SliceStable(p.Problems, func(i, j int) bool {
		return less(p.Problems[i].Sheet, p.Problems[i].Cell, p.Problems[j].Sheet, p.Problems[j].Cell)
	})
}

// splitCell splits an A1 reference into its column letters and row number.
func splitCell(cell string) (string, int) {
	col := strings.TrimRight(cell, "0123456789")
	row, _ := strconv.Atoi(cell[len(col):])
	return col, row
}

// importer applies a ledger's rows inside the import's transaction, in the order that lets
// later rows refer to earlier ones (a 工作专班 to its 指挥部, a matter to a branch, a sub-brand to
// its brand), recording each row's change or problem.
type importer struct {
	svc  *Service
	tx   *gorm.DB
	plan *LedgerPlan
	// bad holds the cells the reader already reported, so that a rule does not report the
	// same cell again.
	bad map[string]bool

	units      map[string]uint
	branches   map[string]Branch
	branchName map[uint]string
	matters    map[string]Matter
	matterKey  map[string]Matter
	brands     map[string]Brand
	brandName  map[uint]string
	mainBrands map[string]uint
	unitName   map[uint]string
}

func (im *importer) load() error {
	im.units, im.unitName = map[string]uint{}, map[uint]string{}
	var units []struct {
		ID        uint
		Name      string
		ShortName string
	}
	if err := im.tx.Raw("SELECT id, name, short_name FROM units").Scan(&units).Error; err != nil {
		return internal(err)
	}
	for _, u := range units {
		im.units[u.Name], im.unitName[u.ID] = u.ID, u.Name
	}
	for _, u := range units {
		if _, taken := im.units[u.ShortName]; !taken {
			im.units[u.ShortName] = u.ID
		}
	}
	var branches []Branch
	if err := im.tx.Find(&branches).Error; err != nil {
		return internal(err)
	}
	im.branches, im.branchName = map[string]Branch{}, map[uint]string{}
	for _, b := range branches {
		im.branches[b.Name], im.branchName[b.ID] = b, b.Name
	}
	var matters []Matter
	if err := im.tx.Find(&matters).Error; err != nil {
		return internal(err)
	}
	im.matters, im.matterKey = map[string]Matter{}, map[string]Matter{}
	for _, m := range matters {
		im.matters[m.Code] = m
		im.matterKey[m.Title+"|"+m.Received] = m
	}
	var brands []Brand
	if err := im.tx.Order("year").Find(&brands).Error; err != nil {
		return internal(err)
	}
	im.brands, im.brandName, im.mainBrands = map[string]Brand{}, map[uint]string{}, map[string]uint{}
	for _, b := range brands {
		im.addBrand(b)
	}
	return nil
}

func brandKey(unit uint, name string, year int) string {
	return fmt.Sprintf("%d|%s|%d", unit, name, year)
}

func (im *importer) addBrand(b Brand) {
	im.brands[brandKey(b.UnitID, b.Name, b.Year)] = b
	im.brandName[b.ID] = b.Name
	if b.Kind == BrandMain {
		im.mainBrands[fmt.Sprintf("%d|%s", b.UnitID, b.Name)] = b.ID
	}
}

// problem records a problem at a row's cell of field, unless the reader already reported that
// cell; with no such column it points at the row's first cell.
func (im *importer) problem(sheet string, cells map[string]string, field, format string, args ...any) {
	cell := cells[field]
	if cell == "" {
		cell = firstCell(cells)
	}
	if im.bad[sheet+"!"+cell] {
		return
	}
	im.bad[sheet+"!"+cell] = true
	im.plan.Problems = append(im.plan.Problems, workbook.Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

// refuse records a rule's refusal at the cell of the field it names.
func (im *importer) refuse(sheet string, cells map[string]string, fallback string, err error) error {
	if apperr.CodeOf(err) == apperr.Internal {
		return err
	}
	field := FieldOf(err)
	if field == "" || cells[field] == "" {
		field = fallback
	}
	im.problem(sheet, cells, field, "%s", apperr.MessageOf(err))
	return nil
}

// rowBad tells whether the reader refused a cell of the row.
func (im *importer) rowBad(sheet string, cells map[string]string) bool {
	for _, c := range cells {
		if im.bad[sheet+"!"+c] {
			return true
		}
	}
	return false
}

func firstCell(cells map[string]string) string {
	best := ""
	for _, c := range cells {
		if best == "" || len(c) < len(best) || len(c) == len(best) && c < best {
			best = c
		}
	}
	return best
}

func (im *importer) change(kind, name, action, detail, sheet, cell string) {
	im.plan.Changes = append(im.plan.Changes, LedgerChange{Kind: kind, Name: name, Action: action, Detail: detail, Sheet: sheet, Cell: cell})
	switch kind {
	case workbook.LedgerBranches:
		im.plan.Counts.Branches.add(action)
	case workbook.LedgerMatters:
		im.plan.Counts.Matters.add(action)
	case workbook.LedgerBrands:
		im.plan.Counts.Brands.add(action)
	}
}

func (im *importer) unitID(name string) (uint, bool) {
	id, ok := im.units[name]
	return id, ok
}

func (im *importer) importBranches(rows []workbook.FrontlineBranch) error {
	// 指挥部 first, so that their 工作专班 can refer to them.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rows[order[a]].Kind == KindHQ && rows[order[b]].Kind != KindHQ })
	seen := map[string]string{}
	today := im.svc.today()
	for _, i := range order {
		r := &rows[i]
		if prev, dup := seen[r.Name]; dup && r.Name != "" {
			im.problem(r.Sheet, r.Cells, "name", "支部名称「%s」在本文件中重复出现（另见 %s）", r.Name, prev)
			continue
		}
		seen[r.Name] = r.Sheet + "!" + r.Cells["name"]
		if im.rowBad(r.Sheet, r.Cells) {
			continue
		}
		old, exists := im.branches[r.Name]
		b := old
		if !exists {
			b = Branch{Name: r.Name}
		}
		set := assigner(r.Cells, exists)
		set("kind", &b.Kind, r.Kind)
		set("secretary", &b.Secretary, r.Secretary)
		set("members", &b.Members, r.Members)
		set("founded", &b.Founded, r.Founded)
		set("dissolved", &b.Dissolved, r.Dissolved)
		set("notes", &b.Notes, r.Notes)
		if r.Has("count") || !exists {
			b.MemberCount = r.MemberCount
		}
		if r.Has("host") || !exists {
			b.HostUnitID, b.HostText = nil, r.Host
			if id, ok := im.unitID(r.Host); ok {
				b.HostUnitID, b.HostText = &id, ""
			}
		}
		if r.Has("parent") || !exists {
			b.ParentID = nil
			if r.Parent != "" {
				p, ok := im.branches[r.Parent]
				if !ok {
					im.problem(r.Sheet, r.Cells, "parent", "所属指挥部「%s」不存在：系统中和本文件中都没有这个临时党支部", r.Parent)
					continue
				}
				b.ParentID = &p.ID
			}
		}
		err := im.settle(workbook.LedgerBranches, rowPlace{r.Sheet, r.Cells, "name"}, exists,
			func() error { return b.normalize(today) },
			func() string { return im.branchDiff(&old, &b) },
			func() string { return b.Name },
			func() (string, error) {
				saved, err := im.svc.SaveBranch(b)
				if err == nil {
					im.branches[saved.Name], im.branchName[saved.ID] = saved, saved.Name
				}
				return "", err
			})
		if err != nil {
			return err
		}
	}
	return nil
}

// rowPlace is where a ledger row stands, for its change and its problems: its sheet, the
// cells of its fields, and the field whose cell names the row.
type rowPlace struct {
	sheet string
	cells map[string]string
	key   string
}

// settle finishes a row whose record is filled in: check applies the rules of a save, diff
// compares the record with the stored one (when it exists), and save writes it when it is new
// or changed, returning what a new record was given (its 编号); the row's change or problem is
// recorded either way. The error is only for an unexpected failure.
func (im *importer) settle(kind string, at rowPlace, exists bool, check func() error, diff, name func() string,
	save func() (string, error)) error {
	if err := check(); err != nil {
		return im.refuse(at.sheet, at.cells, at.key, err)
	}
	action, detail := Create, ""
	if exists {
		action, detail = Update, diff()
		if detail == "" {
			im.change(kind, name(), Unchanged, "", at.sheet, at.cells[at.key])
			return nil
		}
	}
	given, err := save()
	if err != nil {
		return im.refuse(at.sheet, at.cells, at.key, err)
	}
	if detail == "" {
		detail = given
	}
	im.change(kind, name(), action, detail, at.sheet, at.cells[at.key])
	return nil
}

// assigner returns the setter of a row's text fields: a new record takes every column, a
// stored one only the columns the sheet has, so that a column left out keeps what is stored.
func assigner(cells map[string]string, exists bool) func(field string, dst *string, v string) {
	return func(field string, dst *string, v string) {
		if cells[field] != "" || !exists {
			*dst = v
		}
	}
}

// diff collects what changes, as the preview shows it.
type diff []string

func (d *diff) add(label, from, to string) {
	if from != to {
		*d = append(*d, fmt.Sprintf("%s：%s → %s", label, orDash(from), orDash(to)))
	}
}

func (d diff) String() string { return strings.Join(d, "；") }

func orDash(s string) string {
	if s == "" {
		return "（空）"
	}
	if r := []rune(s); len(r) > 24 {
		return string(r[:23]) + "…"
	}
	return s
}

func (im *importer) host(id *uint, text string) string {
	if id != nil {
		return im.unitName[*id]
	}
	return text
}

func (im *importer) ref(names map[uint]string, id *uint) string {
	if id == nil {
		return ""
	}
	return names[*id]
}

func (im *importer) branchDiff(a, b *Branch) string {
	var d diff
	d.add("类型", a.Kind, b.Kind)
	d.add("所属指挥部", im.ref(im.branchName, a.ParentID), im.ref(im.branchName, b.ParentID))
	d.add("牵头单位", im.host(a.HostUnitID, a.HostText), im.host(b.HostUnitID, b.HostText))
	d.add("支部书记", a.Secretary, b.Secretary)
	d.add("党员人数", strconv.Itoa(a.MemberCount), strconv.Itoa(b.MemberCount))
	d.add("支部成员", a.Members, b.Members)
	d.add("成立日期", a.Founded, b.Founded)
	d.add("撤销日期", a.Dissolved, b.Dissolved)
	d.add("备注", a.Notes, b.Notes)
	return d.String()
}

func (im *importer) importMatters(rows []workbook.FrontlineMatter) error {
	seen := map[string]string{}
	today := im.svc.today()
	for i := range rows {
		r := &rows[i]
		if r.Code != "" {
			if prev, dup := seen[r.Code]; dup {
				im.problem(r.Sheet, r.Cells, "code", "编号 %s 在本文件中重复出现（另见 %s）", r.Code, prev)
				continue
			}
			seen[r.Code] = r.Sheet + "!" + r.Cells["code"]
		}
		if im.rowBad(r.Sheet, r.Cells) {
			continue
		}
		old, exists := im.matters[r.Code]
		if r.Code == "" || !exists {
			old, exists = im.matterKey[r.Title+"|"+r.Received]
			if exists && r.Code != "" && old.Code != r.Code {
				exists = false
			}
		}
		m := old
		if !exists {
			m = Matter{Code: r.Code}
		}
		set := assigner(r.Cells, exists)
		set("title", &m.Title, r.Title)
		set("source", &m.Source, r.Source)
		set("requester", &m.Requester, r.Requester)
		set("handler", &m.Handler, r.Handler)
		set("received", &m.Received, r.Received)
		set("done", &m.Done, r.Done)
		set("status", &m.Status, r.Status)
		set("result", &m.Result, r.Result)
		if r.Has("branch") || !exists {
			m.BranchID = nil
			if r.Branch != "" {
				b, ok := im.branches[r.Branch]
				if !ok {
					im.problem(r.Sheet, r.Cells, "branch", "承办支部「%s」不存在：系统中和本文件中都没有这个临时党支部", r.Branch)
					continue
				}
				m.BranchID = &b.ID
			}
		}
		if r.Has("unit") || !exists {
			m.UnitID = nil
			if r.Unit != "" {
				id, ok := im.unitID(r.Unit)
				if !ok {
					im.problem(r.Sheet, r.Cells, "unit", "责任单位「%s」不在组织架构中，请写单位全称或简称", r.Unit)
					continue
				}
				m.UnitID = &id
			}
		}
		err := im.settle(workbook.LedgerMatters, rowPlace{r.Sheet, r.Cells, "title"}, exists,
			func() error { return m.normalize(today) },
			func() string { return im.matterDiff(&old, &m) },
			func() string { return strings.TrimSpace(m.Code + " " + m.Title) },
			func() (string, error) {
				saved, err := im.svc.SaveMatter(m)
				if err != nil {
					return "", err
				}
				m = saved
				im.matters[saved.Code] = saved
				im.matterKey[saved.Title+"|"+saved.Received] = saved
				if r.Code == "" {
					return "编号 " + saved.Code, nil
				}
				return "", nil
			})
		if err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) matterDiff(a, b *Matter) string {
	var d diff
	d.add("事项", a.Title, b.Title)
	d.add("来源", a.Source, b.Source)
	d.add("服务对象", a.Requester, b.Requester)
	d.add("承办支部", im.ref(im.branchName, a.BranchID), im.ref(im.branchName, b.BranchID))
	d.add("责任单位", im.ref(im.unitName, a.UnitID), im.ref(im.unitName, b.UnitID))
	d.add("经办人", a.Handler, b.Handler)
	d.add("受理日期", a.Received, b.Received)
	d.add("办结日期", a.Done, b.Done)
	d.add("办理状态", a.Status, b.Status)
	d.add("办理结果", a.Result, b.Result)
	return d.String()
}

func (im *importer) importBrands(rows []workbook.FrontlineBrand) error {
	// Brands before their sub-brands.
	order := make([]int, len(rows))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool { return rows[order[a]].Kind != BrandSub && rows[order[b]].Kind == BrandSub })
	seen := map[string]string{}
	year := im.svc.Now().Year()
	for _, i := range order {
		r := &rows[i]
		if im.rowBad(r.Sheet, r.Cells) {
			continue
		}
		unit, ok := im.unitID(r.Unit)
		if !ok {
			if r.Unit == "" {
				im.problem(r.Sheet, r.Cells, "unit", "单位不能为空")
			} else {
				im.problem(r.Sheet, r.Cells, "unit", "单位「%s」不在组织架构中，请写单位全称或简称", r.Unit)
			}
			continue
		}
		key := brandKey(unit, r.Name, r.Year)
		if prev, dup := seen[key]; dup {
			im.problem(r.Sheet, r.Cells, "name", "「%s」%d 年度的「%s」在本文件中重复出现（另见 %s）", r.Unit, r.Year, r.Name, prev)
			continue
		}
		seen[key] = r.Sheet + "!" + r.Cells["name"]
		old, exists := im.brands[key]
		b := old
		if !exists {
			b = Brand{UnitID: unit, Name: r.Name, Year: r.Year}
		}
		set := assigner(r.Cells, exists)
		set("kind", &b.Kind, r.Kind)
		set("level", &b.Level, r.Level)
		set("issuer", &b.Issuer, r.Issuer)
		set("notes", &b.Notes, r.Notes)
		if r.Has("bonus") || !exists {
			b.BonusCenti = r.BonusCenti
		}
		if r.Has("parent") || !exists {
			b.ParentID = nil
			if r.Parent != "" {
				id, ok := im.mainBrands[fmt.Sprintf("%d|%s", unit, r.Parent)]
				if !ok {
					im.problem(r.Sheet, r.Cells, "parent", "所属品牌「%s」不存在：「%s」在系统中和本文件中都没有这个党建品牌", r.Parent, r.Unit)
					continue
				}
				b.ParentID = &id
			}
		}
		err := im.settle(workbook.LedgerBrands, rowPlace{r.Sheet, r.Cells, "name"}, exists,
			func() error { return b.normalize(year) },
			func() string { return im.brandDiff(&old, &b) },
			func() string { return b.Name },
			func() (string, error) {
				saved, err := im.svc.SaveBrand(b)
				if err == nil {
					im.addBrand(saved)
				}
				return "", err
			})
		if err != nil {
			return err
		}
	}
	return nil
}

func (im *importer) brandDiff(a, b *Brand) string {
	var d diff
	d.add("类别", a.Kind, b.Kind)
	d.add("所属品牌", im.ref(im.brandName, a.ParentID), im.ref(im.brandName, b.ParentID))
	d.add("级别", a.Level, b.Level)
	d.add("授予单位", a.Issuer, b.Issuer)
	d.add("加分", workbook.FormatCenti(a.BonusCenti), workbook.FormatCenti(b.BonusCenti))
	d.add("备注", a.Notes, b.Notes)
	return d.String()
}

// ExportLedger writes the ledgers named by kinds (all three when none) to path as a formatted
// workbook that imports again unchanged.
func (s *Service) ExportLedger(path string, kinds []string) error {
	book, err := s.LedgerBook(kinds)
	if err != nil {
		return err
	}
	if filepath.Ext(path) == "" {
		path += ".xlsx"
	}
	return workbook.SaveFile(path, func(w io.Writer) error {
		if err := workbook.WriteFrontline(w, book); err != nil {
			return fmt.Errorf("写台账：%w", err)
		}
		return nil
	})
}

// LedgerBook gathers the ledgers named by kinds (all three when none) in ledger order:
// branches as listed, matters by 编号, brands by unit.
func (s *Service) LedgerBook(kinds []string) (workbook.FrontlineBook, error) {
	if len(kinds) == 0 {
		kinds = workbook.LedgerKinds
	}
	book := workbook.FrontlineBook{Date: s.Now(), Kinds: kinds, Summaries: map[string]string{}}
	for _, k := range kinds {
		if !slices.Contains(workbook.LedgerKinds, k) {
			return book, apperr.Invalidf("没有名为“%s”的台账", k)
		}
	}
	sum, err := s.Summary()
	if err != nil {
		return book, err
	}
	if slices.Contains(kinds, workbook.LedgerBranches) {
		list, err := s.ListBranches()
		if err != nil {
			return book, err
		}
		for _, b := range list {
			book.Branches = append(book.Branches, workbook.FrontlineBranch{Name: b.Name, Kind: b.Kind, Parent: b.ParentName, Host: b.Host,
				Secretary: b.Secretary, MemberCount: b.MemberCount, Members: b.Members, Founded: b.Founded, Dissolved: b.Dissolved, Notes: b.Notes})
		}
		book.Summaries[workbook.LedgerBranches] = fmt.Sprintf("共 %d 个临时党支部，其中巡察组 %d 个；运行中 %d 个", sum.Branches, sum.Inspection, sum.ActiveBranches)
	}
	if slices.Contains(kinds, workbook.LedgerMatters) {
		list, err := s.ListMatters()
		if err != nil {
			return book, err
		}
		sort.SliceStable(list, func(i, j int) bool {
			if list[i].Received != list[j].Received {
				return list[i].Received < list[j].Received
			}
			return list[i].Code < list[j].Code
		})
		for _, m := range list {
			book.Matters = append(book.Matters, workbook.FrontlineMatter{Code: m.Code, Title: m.Title, Source: m.Source, Requester: m.Requester,
				Branch: m.BranchName, Unit: m.UnitShortName, Handler: m.Handler, Received: m.Received, Done: m.Done, Status: m.Status, Result: m.Result})
		}
		book.Summaries[workbook.LedgerMatters] = fmt.Sprintf("共 %d 件（群众 %d 件、企业 %d 件），已办结 %d 件，办理中 %d 件",
			sum.Matters, sum.ForPublic, sum.ForCompanies, sum.MattersDone, sum.MattersOpen)
	}
	if slices.Contains(kinds, workbook.LedgerBrands) {
		list, err := s.ListBrands()
		if err != nil {
			return book, err
		}
		for _, b := range list {
			book.Brands = append(book.Brands, workbook.FrontlineBrand{Unit: b.UnitName, Kind: b.Kind, Parent: b.ParentName, Name: b.Name,
				Level: b.Level, Year: b.Year, Issuer: b.Issuer, BonusCenti: b.BonusCenti, Notes: b.Notes})
		}
		book.Summaries[workbook.LedgerBrands] = fmt.Sprintf("党建品牌 %d 个（含子品牌），荣誉 %d 项", sum.Brands, sum.Honours)
	}
	return book, nil
}
