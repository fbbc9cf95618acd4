// Package finding records the problems (问题) found in a unit, usually during an observation
// round, and follows their rectification (问题整改): a requirement, a responsible person and a
// deadline, then 待整改 → 整改中 → 已整改 → 已销号 with the dates of each step.
package finding

import (
	"slices"
	"strings"
	"time"
	"unicode/utf8"

	"liankanping/internal/apperr"
)

// Status is where a finding's rectification stands. The values are the Chinese words
// themselves, as they are stored and as the ledger workbooks show them.
type Status string

// The statuses, in the only order a finding moves forward through them.
const (
	Pending    Status = "待整改"
	InProgress Status = "整改中"
	Done       Status = "已整改"
	Closed     Status = "已销号"
)

// Statuses lists every status in order.
var Statuses = []Status{Pending, InProgress, Done, Closed}

// step is the position of s in Statuses, -1 for an unknown status.
func (s Status) step() int { return slices.Index(Statuses, s) }

// Valid tells whether s is one of Statuses.
func (s Status) Valid() bool { return s.step() >= 0 }

// Open tells whether the rectification is still to be finished, so that a passed deadline
// makes the finding overdue.
func (s Status) Open() bool { return s == Pending || s == InProgress }

// Methods are the ways a finding is obtained (巡察方式 / 发现方式), in the order offices list them.
var Methods = []string{"听取汇报", "查阅资料", "个别谈话", "入户走访", "驻地受理信访举报", "现场查看"}

// Finding is one problem found in a unit and its rectification.
type Finding struct {
	ID      uint  `json:"id" gorm:"primaryKey"`
	RoundID *uint `json:"roundId"`
	UnitID  uint  `json:"unitId"`
	// Dimension is the level-1 indicator (一级指标) the problem falls under, free text.
	Dimension   string `json:"dimension"`
	Method      string `json:"method"`
	Description string `json:"description"`
	Requirement string `json:"requirement"`
	Responsible string `json:"responsible"`
	// Deadline is the date the rectification is due (2024-12-31), blank while not set.
	Deadline string `json:"deadline"`
	Status   Status `json:"status"`
	Evidence string `json:"evidence"`
	Measures string `json:"measures"`
	Progress string `json:"progress"`
	// DoneDate is the day the rectification was finished (已整改), ClosedDate the day the
	// finding was closed (已销号); each is blank before its step.
	DoneDate   string    `json:"doneDate"`
	ClosedDate string    `json:"closedDate"`
	CreatedAt  time.Time `json:"-"`
	UpdatedAt  time.Time `json:"-"`
}

const dateLayout = "2006-01-02"

// validDate tells whether s is a calendar date written as 2024-06-15.
func validDate(s string) bool {
	if len(s) != len(dateLayout) {
		return false
	}
	_, err := time.Parse(dateLayout, s)
	return err == nil
}

// textLimits are the longest texts a finding accepts, in characters.
var textLimits = []struct {
	name string
	max  int
	get  func(f *Finding) *string
}{
	{"一级指标", 50, func(f *Finding) *string { return &f.Dimension }},
	{"问题描述", 2000, func(f *Finding) *string { return &f.Description }},
	{"整改要求", 2000, func(f *Finding) *string { return &f.Requirement }},
	{"责任人", 50, func(f *Finding) *string { return &f.Responsible }},
	{"佐证材料", 2000, func(f *Finding) *string { return &f.Evidence }},
	{"整改措施", 2000, func(f *Finding) *string { return &f.Measures }},
	{"整改进展", 2000, func(f *Finding) *string { return &f.Progress }},
}

// normalize trims the texts and checks what a finding must satisfy on its own: a description,
// a known method, a valid deadline, and dates that fit its status.
func (f *Finding) normalize() error {
	for _, l := range textLimits {
		p := l.get(f)
		*p = strings.TrimSpace(*p)
		if utf8.RuneCountInString(*p) > l.max {
			return apperr.Invalidf("%s不能超过 %d 个字", l.name, l.max)
		}
	}
	f.Method = strings.TrimSpace(f.Method)
	f.Deadline = strings.TrimSpace(f.Deadline)
	f.DoneDate = strings.TrimSpace(f.DoneDate)
	f.ClosedDate = strings.TrimSpace(f.ClosedDate)
	if f.Description == "" {
		return apperr.Invalidf("问题描述不能为空")
	}
	if f.UnitID == 0 {
		return apperr.Invalidf("请选择问题所在的单位")
	}
	if f.Method != "" && !slices.Contains(Methods, f.Method) {
		return apperr.Invalidf("巡察方式“%s”无效，应为%s之一", f.Method, strings.Join(Methods, "、"))
	}
	if f.Deadline != "" && !validDate(f.Deadline) {
		return apperr.Invalidf("整改期限“%s”无效，应为 2024-12-31 这样的日期", f.Deadline)
	}
	if f.Status == "" {
		f.Status = Pending
	}
	if !f.Status.Valid() {
		return apperr.Invalidf("整改状态“%s”无效，应为待整改、整改中、已整改或已销号", f.Status)
	}
	return f.checkDates()
}

// checkDates checks that a finding carries the dates of the steps it has reached, and only those.
func (f *Finding) checkDates() error {
	for _, d := range []struct{ v, name string }{{f.DoneDate, "整改完成日期"}, {f.ClosedDate, "销号日期"}} {
		if d.v != "" && !validDate(d.v) {
			return apperr.Invalidf("%s“%s”无效，应为 2024-12-31 这样的日期", d.name, d.v)
		}
	}
	switch {
	case f.Status.step() >= Done.step() && f.DoneDate == "":
		return apperr.Invalidf("“%s”的问题须有整改完成日期", f.Status)
	case f.Status.step() < Done.step() && f.DoneDate != "":
		return apperr.Invalidf("问题尚未整改完成，不能有整改完成日期")
	case f.Status == Closed && f.ClosedDate == "":
		return apperr.Invalidf("已销号的问题须有销号日期")
	case f.Status != Closed && f.ClosedDate != "":
		return apperr.Invalidf("问题尚未销号，不能有销号日期")
	case f.ClosedDate != "" && f.ClosedDate < f.DoneDate:
		return apperr.Invalidf("销号日期不能早于整改完成日期")
	}
	return nil
}

// Validate checks a finding's own fields as Save would (not that its unit and round exist), so
// that a ledger importer can report every problem of a file before writing anything.
func (f Finding) Validate() error { return f.normalize() }

// OverdueDays is how many days past its deadline an open finding is on the day today
// (2024-06-15), 0 when it is not overdue: closed or finished, without a deadline, or not yet due.
func (f *Finding) OverdueDays(today string) int {
	if !f.Status.Open() || f.Deadline == "" || f.Deadline >= today {
		return 0
	}
	d, err1 := time.Parse(dateLayout, f.Deadline)
	t, err2 := time.Parse(dateLayout, today)
	if err1 != nil || err2 != nil {
		return 0
	}
	return int(t.Sub(d).Hours() / 24)
}
