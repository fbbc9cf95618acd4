// Package scheme holds the assessment schemes (考核方案 / 评分细则): named, versioned trees of
// indicators — level-1 dimensions (一级指标), level-2 indicators (二级指标) and deeper — with
// the rules that keep a tree scorable, and a Service that stores them. A draft changes freely;
// a published version is frozen, because scores refer to its indicators by id; a change to it
// is made in a new version copied from it.
package scheme

import (
	"database/sql/driver"
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"
)

// Status is where a scheme version stands: a draft is edited, a published one is used.
type Status string

// The statuses of a scheme version.
const (
	Draft     Status = "draft"
	Published Status = "published"
)

// Label is the status as the window and the command line show it.
func (s Status) Label() string {
	if s == Published {
		return "已发布"
	}
	return "草稿"
}

// Kind is how an indicator is scored (DOMAIN §3). Group is the empty kind of a node that only
// groups others (stored as NULL); the other strings are those of `schemes --json`.
type Kind string

// The kinds of indicator.
const (
	Group  Kind = ""
	Score  Kind = "score"
	Deduct Kind = "deduct"
	Bonus  Kind = "bonus"
	Grade  Kind = "grade"
)

// Kinds are the scorable kinds, in the order the window offers them.
var Kinds = []Kind{Score, Deduct, Bonus, Grade}

// Label is the kind's Chinese name: 评分, 扣分, 加分, 等次.
func (k Kind) Label() string {
	switch k {
	case Score:
		return "评分"
	case Deduct:
		return "扣分"
	case Bonus:
		return "加分"
	case Grade:
		return "等次"
	}
	return "分组"
}

// Value stores Group as NULL, as the schema wants for non-scorable nodes.
func (k Kind) Value() (driver.Value, error) {
	if k == Group {
		return nil, nil
	}
	return string(k), nil
}

// Scan reads NULL as Group.
func (k *Kind) Scan(src any) error {
	switch v := src.(type) {
	case nil:
		*k = Group
	case string:
		*k = Kind(v)
	case []byte:
		*k = Kind(v)
	default:
		return fmt.Errorf("kind: unexpected %T", src)
	}
	return nil
}

func (k Kind) valid() bool {
	switch k {
	case Group, Score, Deduct, Bonus, Grade:
		return true
	}
	return false
}

// Limits of a scheme. Points are in centi-points (hundredths) everywhere in Go and storage.
const (
	DefaultStepCenti      int64 = 50
	DefaultBaseTotalCenti int64 = 10000
	MaxPointsCenti        int64 = 100000
	MaxLevel                    = 4
	maxNameLen                  = 100
	maxTextLen                  = 2000
)

// Scheme is one version of an assessment scheme. Versions of the same scheme share its name;
// ParentID names the version a newer one was copied from.
type Scheme struct {
	ID             uint       `json:"id" gorm:"primaryKey"`
	Name           string     `json:"name"`
	Year           int        `json:"year"`
	Version        int        `json:"version"`
	Status         Status     `json:"status"`
	BaseTotalCenti int64      `json:"baseTotalCenti"`
	ParentID       *uint      `json:"parentId"`
	PublishedAt    *time.Time `json:"publishedAt"`
	CreatedAt      time.Time  `json:"createdAt"`
	UpdatedAt      time.Time  `json:"updatedAt"`
}

// Indicator is one node of a scheme's tree. A node with children groups them and has no kind;
// a leaf with a kind is scorable. Code ("1", "1.2", "1.2.1") follows from the node's place in
// the tree and is renumbered after every change of a draft.
type Indicator struct {
	ID        uint   `json:"id" gorm:"primaryKey"`
	SchemeID  uint   `json:"schemeId"`
	ParentID  *uint  `json:"parentId"`
	Level     int    `json:"level"`
	SortOrder int    `json:"sortOrder"`
	Code      string `json:"code"`
	Name      string `json:"name"`
	// Points is the 评分要点 and Method the 评分方式, both as the office wrote them.
	Points    string `json:"points"`
	Method    string `json:"method"`
	Kind      Kind   `json:"kind"`
	MaxCenti  int64  `json:"maxCenti"`
	StepCenti int64  `json:"stepCenti"`
	// Options are a grade indicator's choices, best first as written.
	Options []Option `json:"options" gorm:"-"`
	// Subtotal is computed, never stored: the maxima of the node and everything below it.
	Subtotal Subtotal `json:"subtotal" gorm:"-"`
}

// Option is one choice of a grade indicator (好 / 较好 / 一般 / 差, A / B / C / D) and its points.
type Option struct {
	ID          uint   `json:"id" gorm:"primaryKey"`
	IndicatorID uint   `json:"indicatorId"`
	SortOrder   int    `json:"sortOrder"`
	Label       string `json:"label"`
	PointsCenti int64  `json:"pointsCenti"`
}

// TableName names the options' table.
func (Option) TableName() string { return "indicator_options" }

// Subtotal sums the maxima below a node (or in a whole scheme) by what they do to a total.
// ScoreCenti is the scheme's `total`: the maxima of score indicators plus the best option of
// grade indicators; bonus and deduction caps are kept apart, since they sit outside the base.
type Subtotal struct {
	ScoreCenti  int64 `json:"scoreCenti"`
	BonusCenti  int64 `json:"bonusCenti"`
	DeductCenti int64 `json:"deductCenti"`
}

func (s *Subtotal) add(o Subtotal) {
	s.ScoreCenti += o.ScoreCenti
	s.BonusCenti += o.BonusCenti
	s.DeductCenti += o.DeductCenti
}

// Scorable tells whether raters score this indicator.
func (ind *Indicator) Scorable() bool { return ind.Kind != Group }

// BestCenti is the most a grade indicator's options give.
func (ind *Indicator) BestCenti() int64 {
	var best int64
	for _, o := range ind.Options {
		best = max(best, o.PointsCenti)
	}
	return best
}

// own is the node's own contribution to the sums, as a leaf.
func (ind *Indicator) own() Subtotal {
	switch ind.Kind {
	case Score:
		return Subtotal{ScoreCenti: ind.MaxCenti}
	case Grade:
		return Subtotal{ScoreCenti: ind.BestCenti()}
	case Bonus:
		return Subtotal{BonusCenti: ind.MaxCenti}
	case Deduct:
		return Subtotal{DeductCenti: ind.MaxCenti}
	}
	return Subtotal{}
}

// FormatPoints writes centi-points as people read them: 550 is "5.5", 1000 is "10".
func FormatPoints(c int64) string {
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	s := sign + strconv.FormatInt(c/100, 10)
	if frac := c % 100; frac != 0 {
		s += "." + strings.TrimRight(strconv.FormatInt(100+frac, 10)[1:], "0")
	}
	return s
}

// clean trims what people leave around text: spaces of every width and blank lines.
func clean(s string) string { return strings.Trim(s, " \t\r\n\u3000\u00a0") }

// normalize tidies an indicator as the user gave it: trimmed texts, a default step, no max or
// options where the kind has none, and a grade's max defaulting to its best option.
func (ind *Indicator) normalize() {
	ind.Name = clean(ind.Name)
	ind.Points = clean(ind.Points)
	ind.Method = clean(ind.Method)
	if ind.StepCenti <= 0 {
		ind.StepCenti = DefaultStepCenti
	}
	switch ind.Kind {
	case Group:
		ind.MaxCenti = 0
		ind.Options = nil
	case Grade:
		for i := range ind.Options {
			ind.Options[i].Label = clean(ind.Options[i].Label)
			ind.Options[i].SortOrder = i + 1
		}
		if ind.MaxCenti == 0 {
			ind.MaxCenti = ind.BestCenti()
		}
	default:
		ind.Options = nil
	}
}

// problems lists what is wrong with one indicator on its own, in sentences for the user;
// hasChildren tells whether it groups other indicators.
func (ind *Indicator) problems(hasChildren bool) []string {
	var out []string
	name := ind.Name
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	switch {
	case name == "":
		add("指标名称不能为空")
		name = "（未命名）"
	case utf8.RuneCountInString(name) > maxNameLen:
		add("指标名称“%s…”超过 %d 个字", string([]rune(name)[:20]), maxNameLen)
	}
	if utf8.RuneCountInString(ind.Points) > maxTextLen || utf8.RuneCountInString(ind.Method) > maxTextLen {
		add("“%s”的评分要点或评分方式超过 %d 个字", name, maxTextLen)
	}
	if !ind.Kind.valid() {
		add("“%s”的评分类型“%s”无效，应为评分、扣分、加分或等次", name, ind.Kind)
		return out
	}
	if hasChildren {
		if ind.Kind != Group {
			add("“%s”下有下级指标，本身不能设评分类型（请把分值设在下级指标上）", name)
		}
		return out
	}
	if ind.Kind == Group {
		return out
	}
	switch {
	case ind.MaxCenti <= 0:
		add("“%s”的分值须大于 0", name)
	case ind.MaxCenti > MaxPointsCenti:
		add("“%s”的分值不能超过 %s 分", name, FormatPoints(MaxPointsCenti))
	}
	if ind.Kind == Grade {
		return append(out, ind.optionProblems(name)...)
	}
	switch {
	case ind.StepCenti <= 0:
		add("“%s”的计分单位须大于 0", name)
	case ind.MaxCenti > 0 && ind.StepCenti > ind.MaxCenti:
		add("“%s”的计分单位 %s 分大于分值 %s 分", name, FormatPoints(ind.StepCenti), FormatPoints(ind.MaxCenti))
	case ind.Kind == Score && ind.MaxCenti > 0 && ind.MaxCenti%ind.StepCenti != 0:
		add("“%s”的分值 %s 分不是计分单位 %s 分的整数倍", name, FormatPoints(ind.MaxCenti), FormatPoints(ind.StepCenti))
	}
	return out
}

func (ind *Indicator) optionProblems(name string) []string {
	var out []string
	add := func(format string, args ...any) { out = append(out, fmt.Sprintf(format, args...)) }
	if len(ind.Options) < 2 {
		add("等次评价“%s”至少要有两个等次（如 好、较好、一般、差）", name)
	}
	seen := map[string]bool{}
	for i, o := range ind.Options {
		switch {
		case o.Label == "":
			add("“%s”的第 %d 个等次没有名称", name, i+1)
		case seen[o.Label]:
			add("“%s”的等次“%s”重复", name, o.Label)
		case utf8.RuneCountInString(o.Label) > 20:
			add("“%s”的等次名称“%s”太长（最多 20 个字）", name, o.Label)
		}
		seen[o.Label] = true
		if o.PointsCenti < 0 || o.PointsCenti > ind.MaxCenti {
			add("“%s”的等次“%s”为 %s 分，超出 0～%s 分", name, o.Label, FormatPoints(o.PointsCenti), FormatPoints(ind.MaxCenti))
		}
	}
	return out
}

// normalize tidies a scheme's own fields and checks them.
func (s *Scheme) normalize() []string {
	var out []string
	s.Name = clean(s.Name)
	switch {
	case s.Name == "":
		out = append(out, "方案名称不能为空")
	case utf8.RuneCountInString(s.Name) > maxNameLen:
		out = append(out, fmt.Sprintf("方案名称不能超过 %d 个字", maxNameLen))
	}
	if s.Year == 0 {
		s.Year = YearOf(s.Name)
	}
	if s.Year != 0 && (s.Year < 2000 || s.Year > 2100) {
		out = append(out, "年度须是 2000～2100 之间的年份")
	}
	if s.BaseTotalCenti == 0 {
		s.BaseTotalCenti = DefaultBaseTotalCenti
	}
	if s.BaseTotalCenti < 0 || s.BaseTotalCenti > MaxPointsCenti {
		out = append(out, "基准总分须在 0～1000 分之间")
	}
	return out
}

// YearOf finds the year a scheme's name speaks of, such as 2024 in “2024年度…评分细则”; 0 if none.
func YearOf(name string) int {
	r := []rune(name)
	for i := 0; i+4 <= len(r); i++ {
		if r[i] != '2' || r[i+1] != '0' {
			continue
		}
		if i > 0 && r[i-1] >= '0' && r[i-1] <= '9' || i+4 < len(r) && r[i+4] >= '0' && r[i+4] <= '9' {
			continue
		}
		if y, err := strconv.Atoi(string(r[i : i+4])); err == nil {
			return y
		}
	}
	return 0
}
