package round

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/scheme"
	"liankanping/internal/store"
)

var quarterCode = regexp.MustCompile(`^(\d{4})Q([1-4])$`)

var quarterNames = []string{"", "一", "二", "三", "四"}

// PeriodOf is the quarter a code such as 2025Q1 names, as titles write it (2025年第一季度);
// "" for a code that names no quarter.
func PeriodOf(code string) string {
	m := quarterCode.FindStringSubmatch(strings.TrimSpace(strings.ToUpper(code)))
	if m == nil {
		return ""
	}
	q, _ := strconv.Atoi(m[2])
	return m[1] + "年第" + quarterNames[q] + "季度"
}

// SuggestTitle proposes a round's title from its code: 2025Q1 → 2025年第一季度“常委看党建”观摩.
// When like, the title of an earlier round, names that round's quarter, the new quarter takes
// its place and the office's own wording stays; "" when the code names no quarter.
func SuggestTitle(code, likeCode, like string) string {
	period := PeriodOf(code)
	if period == "" {
		return ""
	}
	if old := PeriodOf(likeCode); old != "" && strings.Contains(like, old) {
		return strings.Replace(like, old, period, 1)
	}
	return period + "“常委看党建”观摩"
}

// UnitChoice says how a copied round picks its units.
type UnitChoice string

// The ways to pick the units of a copied round.
const (
	// KeepUnits observes the same units again.
	KeepUnits UnitChoice = "keep"
	// RotateUnits observes, in each liaison area, the next units in the area's order that the
	// earlier round did not observe, as the district does from quarter to quarter; an area
	// whose units have all been observed starts over.
	RotateUnits UnitChoice = "rotate"
)

// CopyOptions are what a copied round changes of the round it copies.
type CopyOptions struct {
	Code  string     `json:"code"`
	Title string     `json:"title"` // "" suggests one from the code
	Date  string     `json:"date"`  // "" leaves the date open
	Units UnitChoice `json:"units"` // "" keeps the units
}

// Copy plans a new round like the round fromID — its groups and weights, raters and their
// 回避, settings and place, and the newest published version of its scheme — with the units
// kept or rotated. The new round is planned, with no scores. A rater's 回避 of their own unit
// follows the person to their current unit; any other 回避 is copied as it is.
func (s *Service) Copy(fromID uint, o CopyOptions) (uint, error) {
	var id uint
	err := store.InTx(s.db, func(t store.Tx) error {
		from, err := WithTx(t).Get(fromID)
		if err != nil {
			return err
		}
		o.Code = strings.TrimSpace(o.Code)
		if strings.TrimSpace(o.Title) == "" {
			o.Title = SuggestTitle(o.Code, from.Code, from.Title)
			if o.Title == "" {
				return apperr.Invalidf("编号 %s 不是 2025Q1 这样的季度编号，请给出轮次名称", o.Code)
			}
		}
		r := from.Round
		r.ID, r.Status, r.Code, r.Title, r.Date = 0, Planned, o.Code, o.Title, o.Date
		r.Deadline = ""
		if o.Date != "" && from.Date != "" && from.Deadline != "" && validDate(o.Date) {
			r.Deadline = shiftDate(o.Date, from.Date, from.Deadline)
		}
		newest, err := scheme.WithTx(t).NewestPublished(from.SchemeID)
		if err != nil {
			return err
		}
		if newest != 0 {
			r.SchemeID = newest
		}
		units, err := copiedUnits(t, from, o.Units)
		if err != nil {
			return err
		}
		people, err := org.WithTx(t).ListPeople(org.PersonFilter{})
		if err != nil {
			return err
		}
		unitOf := map[uint]*uint{}
		for _, p := range people {
			unitOf[p.ID] = p.UnitID
		}
		p := Plan{Round: r, UnitIDs: units}
		for _, g := range from.Groups {
			gp := GroupPlan{Name: g.Name, WeightBP: g.WeightBP, PersonIDs: []uint{}}
			for _, rt := range g.Raters {
				gp.PersonIDs = append(gp.PersonIDs, rt.PersonID)
				now := unitOf[rt.PersonID]
				rec := []uint{}
				for _, u := range rt.Recused {
					if rt.UnitID == nil || u != *rt.UnitID {
						rec = append(rec, u)
					}
				}
				if now != nil {
					rec = append(rec, *now)
				}
				p.Recused = append(p.Recused, RecusalPlan{PersonID: rt.PersonID, UnitIDs: rec})
			}
			p.Groups = append(p.Groups, gp)
		}
		id, err = WithTx(t).Save(p)
		return err
	})
	return id, err
}

// copiedUnits are the units of a copy: the same, or rotated within each area.
func copiedUnits(t store.Tx, from *Detail, how UnitChoice) ([]uint, error) {
	out := []uint{}
	switch how {
	case "", KeepUnits:
		for _, u := range from.Units {
			out = append(out, u.ID)
		}
		return out, nil
	case RotateUnits:
	default:
		return nil, apperr.Invalidf("观摩单位的选法只能是 keep（沿用）或 rotate（轮换）")
	}
	// Within an area, org lists units in their sort order.
	all, err := org.WithTx(t).ListUnits(org.UnitFilter{})
	if err != nil {
		return nil, err
	}
	area := map[uint]uint{}
	byArea := map[uint][]uint{}
	for _, u := range all {
		if u.AreaID != nil {
			area[u.ID] = *u.AreaID
			byArea[*u.AreaID] = append(byArea[*u.AreaID], u.ID)
		}
	}
	was := map[uint]bool{}
	for _, u := range from.Units {
		was[u.ID] = true
	}
	taken := map[uint]bool{}
	for _, u := range from.Units {
		a, ok := area[u.ID]
		if !ok {
			out = append(out, u.ID) // a unit outside every area stays
			taken[u.ID] = true
			continue
		}
		list := byArea[a]
		pos := 0
		for i, x := range list {
			if x == u.ID {
				pos = i
			}
		}
		// The next unit of the area not observed last time; when the area has none left, the
		// next one not yet chosen, so the round keeps as many units.
		next := uint(0)
		for _, fresh := range []bool{true, false} {
			for k := 1; k <= len(list) && next == 0; k++ {
				c := list[(pos+k)%len(list)]
				if !taken[c] && (!fresh || !was[c]) {
					next = c
				}
			}
		}
		if next == 0 {
			continue
		}
		taken[next] = true
		out = append(out, next)
	}
	return out, nil
}

// shiftDate moves deadline as far from date as it was from oldDate.
func shiftDate(date, oldDate, deadline string) string {
	days := daysBetween(oldDate, deadline)
	if days < 0 {
		return ""
	}
	return addDays(date, days)
}

func daysBetween(a, b string) int {
	ta, err1 := time.Parse("2006-01-02", a)
	tb, err2 := time.Parse("2006-01-02", b)
	if err1 != nil || err2 != nil {
		return -1
	}
	return int(tb.Sub(ta).Hours() / 24)
}

func addDays(date string, n int) string {
	t, err := time.Parse("2006-01-02", date)
	if err != nil {
		return ""
	}
	return t.AddDate(0, 0, n).Format("2006-01-02")
}
