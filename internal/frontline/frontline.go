// Package frontline keeps the ledgers of the 一线支部工作法: the temporary party branches set up
// in front-line work (临时党支部 in a command HQ, its work teams, the inspection groups and
// projects), the practical matters done for residents and companies (办实事、解难题), and the
// party-building brands and honours of units (党建品牌/荣誉), whose bonus points can be counted
// in an observation round as an admin-verified item.
package frontline

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"liankanping/internal/apperr"
)

// The kinds of temporary branch, as the article names the places they are set up in.
const (
	KindHQ         = "指挥部"
	KindTeam       = "工作专班"
	KindInspection = "巡察组"
	KindProject    = "项目"
)

// BranchKinds lists the kinds of temporary branch in the order forms offer them.
var BranchKinds = []string{KindHQ, KindTeam, KindInspection, KindProject}

// MinMembers is the fewest party members a branch may have: the Party Constitution allows a
// branch where there are at least three full members (正式党员三人以上).
const MinMembers = 3

// Branch is a temporary party branch (临时党支部). A 工作专班's branch may belong to the branch
// of its 指挥部 (Parent). The host is a unit, or, for a 指挥部 that spans many departments and
// towns, a text (HostText).
type Branch struct {
	ID         uint   `json:"id" gorm:"primaryKey"`
	Name       string `json:"name"`
	Kind       string `json:"kind"`
	ParentID   *uint  `json:"parentId"`
	HostUnitID *uint  `json:"hostUnitId"`
	HostText   string `json:"hostText"`
	Secretary  string `json:"secretary"`
	// MemberCount is the number of party members; Members names them (、-separated), all or
	// some.
	MemberCount int    `json:"memberCount"`
	Members     string `json:"members"`
	// Founded and Dissolved are dates written 2024-06-15; Dissolved is blank while the branch
	// works.
	Founded   string    `json:"founded"`
	Dissolved string    `json:"dissolved"`
	Notes     string    `json:"notes"`
	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`
}

// TableName names the table of temporary branches.
func (Branch) TableName() string { return "temp_branches" }

// Active tells whether the branch still works on the day today.
func (b *Branch) Active(today string) bool { return b.Dissolved == "" || b.Dissolved > today }

// The sources of a practical matter: a resident's need or a company's.
const (
	SourcePublic  = "群众"
	SourceCompany = "企业"
)

// Sources lists the sources of a practical matter.
var Sources = []string{SourcePublic, SourceCompany}

// The statuses of a practical matter.
const (
	MatterOpen = "办理中"
	MatterDone = "已办结"
)

// MatterStatuses lists the statuses of a practical matter.
var MatterStatuses = []string{MatterOpen, MatterDone}

// Matter is a practical matter done for residents or a company (办实事): taken on by a
// temporary branch or a unit (or both: a branch and the unit that answers for it), handled by
// a person, received on a day and done on another, with its result.
type Matter struct {
	ID uint `json:"id" gorm:"primaryKey"`
	// Code is the matter's number in the ledger (2024-0031), given on saving when blank.
	Code      string `json:"code"`
	Title     string `json:"title"`
	Source    string `json:"source"`
	Requester string `json:"requester"`
	BranchID  *uint  `json:"branchId"`
	UnitID    *uint  `json:"unitId"`
	Handler   string `json:"handler"`
	Received  string `json:"received"`
	Done      string `json:"done"`
	Status    string `json:"status"`
	Result    string `json:"result"`

	CreatedAt time.Time `json:"-"`
	UpdatedAt time.Time `json:"-"`
}

// TableName names the table of practical matters.
func (Matter) TableName() string { return "practical_matters" }

// The kinds of brand and honour.
const (
	BrandMain = "党建品牌"
	BrandSub  = "子品牌"
	Honour    = "荣誉"
)

// BrandKinds lists the kinds of brand and honour.
var BrandKinds = []string{BrandMain, BrandSub, Honour}

// Levels are the levels a brand or honour is recognised at.
var Levels = []string{"国家级", "省级", "市级", "区级"}

// MaxBonusCenti caps a brand's bonus at 10 points: a bonus item lifts a score, it does not
// decide a ranking on its own.
const MaxBonusCenti = 1000

// Brand is a party-building brand (党建品牌), a sub-brand under one (子品牌) or an honour (荣誉)
// of a unit, with the level and year it was recognised and the bonus points it may carry into
// an observation round.
type Brand struct {
	ID       uint   `json:"id" gorm:"primaryKey"`
	UnitID   uint   `json:"unitId"`
	Kind     string `json:"kind"`
	ParentID *uint  `json:"parentId"`
	Name     string `json:"name"`
	Level    string `json:"level"`
	Year     int    `json:"year"`
	// Issuer is who recognised it (授予单位), such as 中共济宁市委市直机关工委.
	Issuer     string    `json:"issuer"`
	BonusCenti int64     `json:"bonusCenti"`
	Notes      string    `json:"notes"`
	CreatedAt  time.Time `json:"-"`
	UpdatedAt  time.Time `json:"-"`
}

// FieldError is bad input in one field, named by the same keys as the ledger workbook's
// columns, so that an importer can point at the cell.
type FieldError struct {
	Field string
	Err   error
}

func (e *FieldError) Error() string { return e.Err.Error() }
func (e *FieldError) Unwrap() error { return e.Err }

// FieldOf returns the field an error is about, "" when it names none.
func FieldOf(err error) string {
	var fe *FieldError
	if errors.As(err, &fe) {
		return fe.Field
	}
	return ""
}

func invalid(field, format string, args ...any) error {
	return &FieldError{Field: field, Err: apperr.Invalidf(format, args...)}
}

const dateLayout = "2006-01-02"

// ValidDate tells whether s is a calendar date written as 2024-06-15.
func ValidDate(s string) bool {
	if len(s) != len(dateLayout) {
		return false
	}
	_, err := time.Parse(dateLayout, s)
	return err == nil
}

// DateLabel writes a date as documents do: 2024年6月15日.
func DateLabel(s string) string {
	t, err := time.Parse(dateLayout, s)
	if err != nil {
		return s
	}
	return t.Format("2006年1月2日")
}

type textField struct {
	key, label string
	max        int
	p          *string
}

// cleanTexts trims every text and checks its length.
func cleanTexts(fields ...textField) error {
	for _, f := range fields {
		*f.p = strings.TrimSpace(*f.p)
		if utf8.RuneCountInString(*f.p) > f.max {
			return invalid(f.key, "%s不能超过 %d 个字", f.label, f.max)
		}
	}
	return nil
}

// checkDate checks an optional date and that it is not after today.
func checkDate(field, label, v, today string) error {
	if v == "" {
		return nil
	}
	if !ValidDate(v) {
		return invalid(field, "%s“%s”无效，应为 2024-06-15 这样的日期", label, v)
	}
	if today != "" && v > today {
		return invalid(field, "%s %s 晚于今天", label, DateLabel(v))
	}
	return nil
}

// MemberNames splits the members text into names; people separate them with 、，, ; or spaces.
func MemberNames(s string) []string {
	parts := strings.FieldsFunc(s, func(r rune) bool {
		return strings.ContainsRune("、，,；; \t\n\u3000", r)
	})
	out := parts[:0]
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}

// normalize checks what a branch must satisfy on its own, on the day today (2024-06-15; ""
// skips the checks against today).
func (b *Branch) normalize(today string) error {
	if err := cleanTexts(
		textField{"name", "支部名称", 60, &b.Name},
		textField{"kind", "类型", 10, &b.Kind},
		textField{"host", "牵头单位", 100, &b.HostText},
		textField{"secretary", "支部书记", 30, &b.Secretary},
		textField{"members", "支部成员", 1000, &b.Members},
		textField{"founded", "成立日期", 10, &b.Founded},
		textField{"dissolved", "撤销日期", 10, &b.Dissolved},
		textField{"notes", "备注", 1000, &b.Notes},
	); err != nil {
		return err
	}
	names := MemberNames(b.Members)
	b.Members = strings.Join(names, "、")
	switch {
	case b.Name == "":
		return invalid("name", "支部名称不能为空")
	case !slices.Contains(BranchKinds, b.Kind):
		return invalid("kind", "类型“%s”无效，应为%s之一", b.Kind, strings.Join(BranchKinds, "、"))
	case b.HostUnitID == nil && b.HostText == "":
		return invalid("host", "请选择牵头单位，或填写牵头单位名称")
	case b.Secretary == "":
		return invalid("secretary", "请填写支部书记")
	case b.MemberCount == 0 && len(names) > 0:
		b.MemberCount = len(names)
	}
	if b.HostUnitID != nil {
		b.HostText = ""
	}
	if b.MemberCount < MinMembers || b.MemberCount > 10000 {
		return invalid("count", "党员人数须在 %d～10000 之间：正式党员 %d 人以上才能成立党支部", MinMembers, MinMembers)
	}
	if len(names) > b.MemberCount {
		return invalid("members", "支部成员列了 %d 人，多于党员人数 %d", len(names), b.MemberCount)
	}
	if b.Founded == "" {
		return invalid("founded", "请填写成立日期")
	}
	if err := checkDate("founded", "成立日期", b.Founded, today); err != nil {
		return err
	}
	if err := checkDate("dissolved", "撤销日期", b.Dissolved, today); err != nil {
		return err
	}
	if b.Dissolved != "" && b.Dissolved < b.Founded {
		return invalid("dissolved", "撤销日期 %s 早于成立日期 %s", DateLabel(b.Dissolved), DateLabel(b.Founded))
	}
	if b.ParentID != nil && b.Kind != KindTeam {
		return invalid("parent", "只有工作专班的临时党支部可以隶属于指挥部")
	}
	return nil
}

// Validate checks a branch's own fields as Save would, without the database (its host, parent
// and uniqueness), so that an importer can report every problem of a file before writing.
func (b Branch) Validate(today string) error { return b.normalize(today) }

// normalize checks what a matter must satisfy on its own.
func (m *Matter) normalize(today string) error {
	if err := cleanTexts(
		textField{"code", "编号", 30, &m.Code},
		textField{"title", "事项", 200, &m.Title},
		textField{"source", "来源", 10, &m.Source},
		textField{"requester", "服务对象", 100, &m.Requester},
		textField{"handler", "经办人", 30, &m.Handler},
		textField{"received", "受理日期", 10, &m.Received},
		textField{"done", "办结日期", 10, &m.Done},
		textField{"status", "办理状态", 10, &m.Status},
		textField{"result", "办理结果", 2000, &m.Result},
	); err != nil {
		return err
	}
	if m.Status == "" {
		m.Status = MatterOpen
		if m.Done != "" {
			m.Status = MatterDone
		}
	}
	switch {
	case m.Title == "":
		return invalid("title", "事项不能为空")
	case !slices.Contains(Sources, m.Source):
		return invalid("source", "来源“%s”无效，应为群众或企业", m.Source)
	case m.BranchID == nil && m.UnitID == nil:
		return invalid("branch", "请选择承办的临时党支部或单位")
	case m.Handler == "":
		return invalid("handler", "请填写经办人")
	case m.Received == "":
		return invalid("received", "请填写受理日期")
	case !slices.Contains(MatterStatuses, m.Status):
		return invalid("status", "办理状态“%s”无效，应为办理中或已办结", m.Status)
	}
	if err := checkDate("received", "受理日期", m.Received, today); err != nil {
		return err
	}
	if err := checkDate("done", "办结日期", m.Done, today); err != nil {
		return err
	}
	switch {
	case m.Status == MatterDone && m.Done == "":
		return invalid("done", "已办结的事项须填写办结日期")
	case m.Status == MatterOpen && m.Done != "":
		return invalid("done", "事项还在办理中，不能有办结日期；已办完的请把状态改为已办结")
	case m.Done != "" && m.Done < m.Received:
		return invalid("done", "办结日期 %s 早于受理日期 %s", DateLabel(m.Done), DateLabel(m.Received))
	case m.Status == MatterDone && m.Result == "":
		return invalid("result", "已办结的事项须写明办理结果")
	}
	return nil
}

// Validate checks a matter's own fields as Save would, without the database.
func (m Matter) Validate(today string) error { return m.normalize(today) }

// normalize checks what a brand must satisfy on its own; year is this year (0 skips the check).
func (b *Brand) normalize(year int) error {
	if err := cleanTexts(
		textField{"name", "名称", 100, &b.Name},
		textField{"kind", "类别", 10, &b.Kind},
		textField{"level", "级别", 10, &b.Level},
		textField{"issuer", "授予单位", 100, &b.Issuer},
		textField{"notes", "备注", 1000, &b.Notes},
	); err != nil {
		return err
	}
	switch {
	case b.UnitID == 0:
		return invalid("unit", "请选择单位")
	case b.Name == "":
		return invalid("name", "名称不能为空")
	case !slices.Contains(BrandKinds, b.Kind):
		return invalid("kind", "类别“%s”无效，应为%s之一", b.Kind, strings.Join(BrandKinds, "、"))
	case !slices.Contains(Levels, b.Level):
		return invalid("level", "级别“%s”无效，应为%s之一", b.Level, strings.Join(Levels, "、"))
	case b.Year < 1949 || year > 0 && b.Year > year:
		return invalid("year", "年度 %d 无效，应是 1949～%d 之间的年份", b.Year, max(year, 1949))
	case b.BonusCenti < 0 || b.BonusCenti > MaxBonusCenti:
		return invalid("bonus", "加分须在 0～%d 分之间", MaxBonusCenti/100)
	case b.Kind == BrandSub && b.ParentID == nil:
		return invalid("parent", "子品牌须注明所属的党建品牌")
	case b.Kind != BrandSub && b.ParentID != nil:
		return invalid("parent", "只有子品牌才有所属品牌")
	}
	return nil
}

// Validate checks a brand's own fields as Save would, without the database.
func (b Brand) Validate(year int) error { return b.normalize(year) }

// BonusLabel writes centi-points as points: 150 is “1.5分”.
func BonusLabel(c int64) string {
	s := fmt.Sprintf("%d", c/100)
	if f := c % 100; f != 0 {
		s += strings.TrimRight(fmt.Sprintf(".%02d", f), "0")
	}
	return s + "分"
}
