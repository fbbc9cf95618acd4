package scoring

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
)

// GradeBand is a grade and the least rounded final score, in centi-points, that earns it.
type GradeBand struct {
	Label string `json:"label"`
	Min   int64  `json:"min"`
}

// StandardGrades returns the four grades of DOMAIN §4.5 with the given lower bounds:
// 优秀, 良好, 一般, and 较差 for everything below fairMin.
func StandardGrades(excellentMin, goodMin, fairMin int64) []GradeBand {
	return []GradeBand{{"优秀", excellentMin}, {"良好", goodMin}, {"一般", fairMin}, {"较差", 0}}
}

// Settings are a round's scoring settings (DOMAIN §4). The zero value trims nothing, grades
// nothing, caps nothing and flags nothing; DefaultSettings gives the domain's defaults.
type Settings struct {
	// TrimMinRaters is how many complete totals a group needs before its highest and lowest
	// are dropped; 0 never trims.
	TrimMinRaters int `json:"trimMinRaters"`
	// Grades are the bands best first, with strictly falling Min; a score below every Min gets
	// the last band, whose Min is therefore not used. Empty means no grades.
	Grades []GradeBand `json:"grades"`
	// ExcellentCapPercent caps the share of scored units that get the first grade:
	// at most floor(pct × n / 100) of n. 0 means no cap.
	ExcellentCapPercent int `json:"excellentCapPercent"`
	// DeviationFlag flags a rater whose totals sit on average more than this many
	// centi-points from their group's scores; 0 flags no one.
	DeviationFlag int64 `json:"deviationFlag"`
}

// DefaultSettings are DOMAIN §4's defaults: trim from 5 complete totals, 优秀 ≥ 90, 良好 ≥ 80,
// 一般 ≥ 70, 较差 below, no cap on 优秀, and raters flagged beyond 5 points of their group.
func DefaultSettings() Settings {
	return Settings{
		TrimMinRaters: 5,
		Grades:        StandardGrades(9000, 8000, 7000),
		DeviationFlag: 500,
	}
}

// Validate checks the settings, returning a Chinese message for the person who set them.
func (s Settings) Validate() error {
	if s.TrimMinRaters < 0 {
		return errors.New("去掉最高分和最低分所需的最少评分人数不能为负")
	}
	seen := map[string]bool{}
	for i, g := range s.Grades {
		if g.Label == "" {
			return errors.New("等次名称不能为空")
		}
		if seen[g.Label] {
			return fmt.Errorf("等次「%s」重复", g.Label)
		}
		seen[g.Label] = true
		if i > 0 && i < len(s.Grades)-1 && g.Min >= s.Grades[i-1].Min {
			return fmt.Errorf("等次「%s」的分数线须低于「%s」", g.Label, s.Grades[i-1].Label)
		}
	}
	if s.ExcellentCapPercent < 0 || s.ExcellentCapPercent > 100 {
		return errors.New("优秀比例上限须在 0～100% 之间（0 表示不限）")
	}
	if s.DeviationFlag < 0 {
		return errors.New("评分偏差提示线不能为负")
	}
	return nil
}

// GradeOf is the grade of a rounded final score: the first band whose Min it reaches, else
// the last band; "" when there are no bands. 90.00 is 优秀 and 89.99 良好 by default.
func GradeOf(final int64, bands []GradeBand) string {
	for _, b := range bands {
		if final >= b.Min {
			return b.Label
		}
	}
	if len(bands) == 0 {
		return ""
	}
	return bands[len(bands)-1].Label
}

// Ranked is what ranking needs of a unit: its final score rounded to centi-points, if it has one.
type Ranked struct {
	Final  int64 `json:"final"`
	Scored bool  `json:"scored"`
}

// Placing is a unit's rank and grade. Rank and Grade are zero for a unit with no final
// score; Capped says the unit reached the first grade but the cap gave it the second.
type Placing struct {
	Rank   int    `json:"rank"`
	Grade  string `json:"grade"`
	Capped bool   `json:"capped"`
}

// Rank returns the competition rank of each scored unit by rounded final score, highest
// first, ties sharing a rank (1, 2, 2, 4); unscored units get 0.
func Rank(units []Ranked) []int {
	order := make([]int, 0, len(units))
	for i, u := range units {
		if u.Scored {
			order = append(order, i)
		}
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(units[b].Final, units[a].Final) })
	ranks := make([]int, len(units))
	for pos, i := range order {
		if pos > 0 && units[order[pos-1]].Final == units[i].Final {
			ranks[i] = ranks[order[pos-1]]
		} else {
			ranks[i] = pos + 1
		}
	}
	return ranks
}

// Place ranks and grades the units (DOMAIN §4.4–4.5). With a cap on the first grade, a unit
// keeps it only if it and every unit tied with it fit under the cap: the tied units at the
// boundary all drop to the second grade together, so the cap is never exceeded and no tie is
// broken arbitrarily (with a cap of 3 and ranks 1, 2, 3, 3, only two units are 优秀). The cap
// needs at least two grades and counts only scored units.
func Place(units []Ranked, s Settings) []Placing {
	ranks := Rank(units)
	tied := map[int]int{}
	scored := 0
	for i, u := range units {
		if u.Scored {
			tied[ranks[i]]++
			scored++
		}
	}
	capped := s.ExcellentCapPercent > 0 && len(s.Grades) >= 2
	limit := s.ExcellentCapPercent * scored / 100
	out := make([]Placing, len(units))
	for i, u := range units {
		if !u.Scored {
			continue
		}
		p := Placing{Rank: ranks[i], Grade: GradeOf(u.Final, s.Grades)}
		if capped && u.Final >= s.Grades[0].Min && p.Rank-1+tied[p.Rank] > limit {
			p.Grade, p.Capped = s.Grades[1].Label, true
		}
		out[i] = p
	}
	return out
}
