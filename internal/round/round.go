// Package round plans the quarterly observation rounds (常委看党建): the observed units, the
// rater groups with their weights, the raters, and the status a round moves through.
package round

import (
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"liankanping/internal/apperr"
)

// Status is where a round stands: planned → scoring → closed. A closed round is read-only;
// reopening it is recorded.
type Status string

// The statuses of a round.
const (
	Planned Status = "planned"
	Scoring Status = "scoring"
	Closed  Status = "closed"
)

// Label is the status as the window and the reports show it.
func (s Status) Label() string {
	switch s {
	case Planned:
		return "计划中"
	case Scoring:
		return "评分中"
	case Closed:
		return "已结束"
	}
	return string(s)
}

// Round is one observation activity and its scoring settings (DOMAIN §4 defaults).
type Round struct {
	ID                uint      `json:"id" gorm:"primaryKey"`
	Code              string    `json:"code"`
	Title             string    `json:"title"`
	Date              string    `json:"date"`
	Place             string    `json:"place"`
	Deadline          string    `json:"deadline"`
	SchemeID          uint      `json:"schemeId"`
	Status            Status    `json:"status"`
	TrimMinRaters     int       `json:"trimMinRaters"`
	ExcellentMinCenti int64     `json:"excellentMinCenti"`
	GoodMinCenti      int64     `json:"goodMinCenti"`
	FairMinCenti      int64     `json:"fairMinCenti"`
	ExcellentCapPct   int       `json:"excellentCapPct"`
	CreatedAt         time.Time `json:"-"`
	UpdatedAt         time.Time `json:"-"`
}

// BenchCode is the code of the round the demo adds for benchmarks (demo --bench): a round no
// office plans, which the overview never offers as the current one.
const BenchCode = "BENCH"

// IsBenchmark tells whether r is the demo's benchmark round.
func (r Round) IsBenchmark() bool { return r.Code == BenchCode }

// Group is a rater group (评价主体) with its weight in basis points (10000 = 100 %).
type Group struct {
	ID        uint   `json:"id" gorm:"primaryKey"`
	RoundID   uint   `json:"roundId"`
	Name      string `json:"name"`
	WeightBP  int    `json:"weightBp"`
	SortOrder int    `json:"sortOrder"`
}

// TableName names the table of rater groups.
func (Group) TableName() string { return "rater_groups" }

// Rater is a person scoring in a round, in one group. UnitID is the unit the person belonged
// to when assigned: the round keeps it, and the units the rater is barred from (Recusal), so
// that moving the person later changes nothing about the round.
type Rater struct {
	ID        uint  `json:"id" gorm:"primaryKey"`
	RoundID   uint  `json:"roundId"`
	GroupID   uint  `json:"groupId"`
	PersonID  uint  `json:"personId"`
	UnitID    *uint `json:"unitId"`
	SortOrder int   `json:"sortOrder"`
}

// Recusal bars a rater from scoring a unit (回避), usually their own.
type Recusal struct {
	RaterID uint `gorm:"primaryKey"`
	UnitID  uint `gorm:"primaryKey"`
}

// TableName names the table of recusals.
func (Recusal) TableName() string { return "rater_recusals" }

// RoundUnit is an observed unit of a round.
type RoundUnit struct {
	RoundID   uint `gorm:"primaryKey"`
	UnitID    uint `gorm:"primaryKey"`
	SortOrder int
}

// Event records what happened to a round's status, such as a reopening and why.
type Event struct {
	ID       uint      `json:"id" gorm:"primaryKey"`
	RoundID  uint      `json:"roundId"`
	Action   string    `json:"action"`
	Note     string    `json:"note"`
	Operator string    `json:"operator"`
	At       time.Time `json:"at"`
}

// TableName names the table of round events.
func (Event) TableName() string { return "round_events" }

var codePattern = regexp.MustCompile(`^[0-9A-Za-z_-]{1,20}$`)
var datePattern = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

func validDate(s string) bool {
	if !datePattern.MatchString(s) {
		return false
	}
	_, err := time.Parse("2006-01-02", s)
	return err == nil
}

func (r *Round) normalize() error {
	r.Code = strings.TrimSpace(r.Code)
	r.Title = strings.TrimSpace(r.Title)
	r.Place = strings.TrimSpace(r.Place)
	if !codePattern.MatchString(r.Code) {
		return apperr.Invalidf("轮次编号须是 1～20 位字母、数字、- 或 _（例如 2024Q2）")
	}
	if r.Title == "" {
		return apperr.Invalidf("轮次名称不能为空")
	}
	if utf8.RuneCountInString(r.Title) > 100 {
		return apperr.Invalidf("轮次名称不能超过 100 个字")
	}
	for _, d := range []struct{ v, name string }{{r.Date, "观摩日期"}, {r.Deadline, "评分截止日期"}} {
		if d.v != "" && !validDate(d.v) {
			return apperr.Invalidf("%s“%s”无效，应为 2024-06-15 这样的日期", d.name, d.v)
		}
	}
	if r.SchemeID == 0 {
		return apperr.Invalidf("请选择考核方案")
	}
	if r.TrimMinRaters == 0 {
		r.TrimMinRaters = 5
	}
	if r.TrimMinRaters < 3 || r.TrimMinRaters > 100 {
		return apperr.Invalidf("去掉最高分和最低分所需的最少评分人数须在 3～100 之间")
	}
	if r.ExcellentMinCenti == 0 && r.GoodMinCenti == 0 && r.FairMinCenti == 0 {
		r.ExcellentMinCenti, r.GoodMinCenti, r.FairMinCenti = 9000, 8000, 7000
	}
	if !(r.ExcellentMinCenti > r.GoodMinCenti && r.GoodMinCenti > r.FairMinCenti && r.FairMinCenti >= 0) {
		return apperr.Invalidf("等次分数线须满足 优秀 > 良好 > 一般 ≥ 0")
	}
	if r.ExcellentCapPct < 0 || r.ExcellentCapPct > 100 {
		return apperr.Invalidf("优秀比例上限须在 0～100%% 之间（0 表示不限）")
	}
	if r.Status == "" {
		r.Status = Planned
	}
	return nil
}
