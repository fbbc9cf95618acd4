package score

import (
	"fmt"
	"strings"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
)

// MissingRater is a rater who has not returned every sheet they owe.
type MissingRater struct {
	Name     string `json:"name"`
	Group    string `json:"group"`
	Complete int    `json:"complete"`
	Expected int    `json:"expected"`
}

// MissingUnit is a unit with a total still missing (缺评): Complete of Expected totals, and how
// many 得分 cells (score and grade indicators) are blank on its expected sheets. Expected 0
// means nobody may score the unit.
type MissingUnit struct {
	Name     string `json:"name"`
	Complete int    `json:"complete"`
	Expected int    `json:"expected"`
	Items    int    `json:"items"`
}

// Missing is what a round still lacks before its results are whole.
type Missing struct {
	Code   string         `json:"code"`
	Raters []MissingRater `json:"raters"`
	Units  []MissingUnit  `json:"units"`
	// Sheets and Items count the incomplete totals and the blank cells they hold.
	Sheets int `json:"sheets"`
	Items  int `json:"items"`
}

// None tells whether nothing is missing.
func (m *Missing) None() bool { return len(m.Raters) == 0 && len(m.Units) == 0 }

// Summary says in one Chinese sentence what is missing.
func (m *Missing) Summary() string {
	if m.None() {
		return "评分已齐全"
	}
	parts := []string{}
	if len(m.Raters) > 0 {
		parts = append(parts, fmt.Sprintf("%d 位评分人未交齐", len(m.Raters)))
	}
	unscorable := 0
	for _, u := range m.Units {
		if u.Expected == 0 {
			unscorable++
		}
	}
	if n := len(m.Units) - unscorable; n > 0 {
		parts = append(parts, fmt.Sprintf("%d 个单位缺评（%d 份评分表、%d 项未评）", n, m.Sheets, m.Items))
	}
	if unscorable > 0 {
		parts = append(parts, fmt.Sprintf("%d 个单位无人可评", unscorable))
	}
	return strings.Join(parts, "，")
}

// Missing lists the raters who have not returned every sheet and the units with a missing
// total, with counts, for closing a round honestly.
func (s *Service) Missing(roundID uint) (*Missing, error) { return missing(s.db, roundID) }

func missing(db *gorm.DB, roundID uint) (*Missing, error) {
	r, err := LoadRound(db, roundID)
	if err != nil {
		return nil, err
	}
	sheets, err := loadSheets(db, roundID)
	if err != nil {
		return nil, err
	}
	inds := r.scoringIndicators()
	m := &Missing{Code: r.Code, Raters: []MissingRater{}, Units: []MissingUnit{}}
	units := make([]MissingUnit, len(r.Units))
	for i, u := range r.Units {
		units[i].Name = u.Name
	}
	for _, g := range r.Groups {
		for _, rt := range g.Raters {
			mr := MissingRater{Name: rt.Name, Group: g.Name}
			for i, u := range r.Units {
				if rt.Barred(u.ID) {
					continue
				}
				mr.Expected++
				units[i].Expected++
				t := scoring.RaterTotal(inds, sheets[scoring.SheetKey{Unit: u.ID, Rater: rt.ID}])
				if t.Complete {
					mr.Complete++
					units[i].Complete++
				} else {
					units[i].Items += t.Missing
					m.Sheets++
					m.Items += t.Missing
				}
			}
			if mr.Complete < mr.Expected {
				m.Raters = append(m.Raters, mr)
			}
		}
	}
	for _, u := range units {
		if u.Expected == 0 || u.Complete < u.Expected {
			m.Units = append(m.Units, u)
		}
	}
	return m, nil
}

// Close ends a scoring round. While anything is missing it refuses with what is missing,
// unless force, when the missing counts are recorded with the closing; either way it returns
// what was missing. A closed round is read-only; its names and areas are frozen with it.
func (s *Service) Close(roundID uint, force bool, operator string) (*Missing, error) {
	var m *Missing
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var err error
		if m, err = missing(tx, roundID); err != nil {
			return err
		}
		d, err := round.WithTx(t).Get(roundID)
		if err != nil {
			return err
		}
		if d.Status != round.Scoring {
			return apperr.Conflictf("轮次 %s 不在评分中，不能结束", m.Code)
		}
		note := ""
		if !m.None() {
			if !force {
				return apperr.Conflictf("轮次 %s 还不能结束：%s", m.Code, m.Summary())
			}
			note = "强制结束：" + m.Summary()
		}
		svc := round.WithTx(t)
		svc.Now = s.Now
		return svc.SetStatus(roundID, round.Closed, note, operator)
	})
	return m, err
}
