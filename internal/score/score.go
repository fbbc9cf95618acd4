// Package score stores the scores of a round — one value per round, rater, unit and indicator,
// in centi-points — with where each came from and every earlier value, and serves the score
// entry grid of the window. The workbook importer writes through the same Write.
package score

import (
	"errors"
	"fmt"
	"sort"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/scheme"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
)

// Key names one score.
type Key struct {
	RoundID     uint `json:"roundId"`
	RaterID     uint `json:"raterId"`
	UnitID      uint `json:"unitId"`
	IndicatorID uint `json:"indicatorId"`
}

// Provenance says where a value came from: entered in the window by whom, or read from which
// workbook (its name and hash, the sheet and cell) in which import batch.
type Provenance struct {
	Source    string `json:"source"` // "app" or "workbook"
	EnteredBy string `json:"enteredBy"`
	BatchID   *uint  `json:"batchId"`
	FileName  string `json:"fileName"`
	FileHash  string `json:"fileHash"`
	Sheet     string `json:"sheet"`
	Cell      string `json:"cell"`
}

// The sources of a value.
const (
	SourceApp      = "app"
	SourceWorkbook = "workbook"
)

// Score is a stored value.
type Score struct {
	ID          uint   `json:"id" gorm:"primaryKey"`
	RoundID     uint   `json:"roundId"`
	RaterID     uint   `json:"raterId"`
	UnitID      uint   `json:"unitId"`
	IndicatorID uint   `json:"indicatorId"`
	ValueCenti  int64  `json:"valueCenti"`
	Comment     string `json:"comment"`
	Provenance  `gorm:"embedded"`
	UpdatedAt   time.Time `json:"updatedAt"`
}

// History is one change of a score: the value before and after (nil when blank).
type History struct {
	ID            uint   `json:"id" gorm:"primaryKey"`
	RoundID       uint   `json:"roundId"`
	RaterID       uint   `json:"raterId"`
	UnitID        uint   `json:"unitId"`
	IndicatorID   uint   `json:"indicatorId"`
	OldValueCenti *int64 `json:"oldValueCenti"`
	NewValueCenti *int64 `json:"newValueCenti"`
	OldComment    string `json:"oldComment"`
	NewComment    string `json:"newComment"`
	Provenance    `gorm:"embedded"`
	ChangedAt     time.Time `json:"changedAt"`
}

// TableName names the history table.
func (History) TableName() string { return "score_history" }

// Change is what Write did.
type Change int

// The outcomes of a write.
const (
	Unchanged Change = iota
	Created
	Updated
	Cleared
)

// Write sets (value non-nil) or clears (nil) one score inside tx, keeping the previous value in
// the history. A write that changes neither value nor comment changes nothing, not even the
// provenance, so that importing the same file twice is a no-op.
func Write(tx *gorm.DB, k Key, value *int64, comment string, p Provenance, at time.Time) (Change, error) {
	var old Score
	err := tx.Where("round_id = ? AND rater_id = ? AND unit_id = ? AND indicator_id = ?", k.RoundID, k.RaterID, k.UnitID, k.IndicatorID).
		Take(&old).Error
	exists := err == nil
	if err != nil && !errors.Is(err, gorm.ErrRecordNotFound) {
		return Unchanged, err
	}
	h := History{RoundID: k.RoundID, RaterID: k.RaterID, UnitID: k.UnitID, IndicatorID: k.IndicatorID,
		NewValueCenti: value, NewComment: comment, Provenance: p, ChangedAt: at}
	var change Change
	switch {
	case !exists && value == nil:
		return Unchanged, nil
	case !exists:
		change = Created
		err = tx.Create(&Score{RoundID: k.RoundID, RaterID: k.RaterID, UnitID: k.UnitID, IndicatorID: k.IndicatorID,
			ValueCenti: *value, Comment: comment, Provenance: p, UpdatedAt: at}).Error
	case value == nil:
		change = Cleared
		h.OldValueCenti, h.OldComment = &old.ValueCenti, old.Comment
		err = tx.Delete(&Score{}, old.ID).Error
	case old.ValueCenti == *value && old.Comment == comment:
		return Unchanged, nil
	default:
		change = Updated
		h.OldValueCenti, h.OldComment = &old.ValueCenti, old.Comment
		err = tx.Model(&Score{}).Where("id = ?", old.ID).Select("*").Omit("id", "round_id", "rater_id", "unit_id", "indicator_id").
			Updates(&Score{ValueCenti: *value, Comment: comment, Provenance: p, UpdatedAt: at}).Error
	}
	if err != nil {
		return Unchanged, err
	}
	return change, tx.Create(&h).Error
}

// Indicator is a scorable indicator with what the grid and the workbooks show of it. Engine is
// the scoring engine's view of it; the window gets the same facts through the plain fields, as
// the binding generator does not follow a struct of another package.
type Indicator struct {
	Engine       scoring.Indicator `json:"-"`
	ID           uint              `json:"id"`
	Kind         string            `json:"kind"`
	MaxCenti     int64             `json:"max"`
	StepCenti    int64             `json:"step"`
	Choices      []Choice          `json:"options"`
	Code         string            `json:"code"`
	Name         string            `json:"name"`
	Dimension    string            `json:"dimension"`
	Parent       string            `json:"parent"`
	Points       string            `json:"points"`
	Method       string            `json:"method"`
	RangeMessage string            `json:"rangeMessage"`
}

// Choice is an option of a grade indicator as the window shows it.
type Choice struct {
	Label       string `json:"label"`
	PointsCenti int64  `json:"points"`
}

// Round is a round with its scorable indicators, loaded once for the grid, the import, the
// export and the results.
type Round struct {
	round.Detail
	Indicators []Indicator `json:"indicators"`
}

// LoadRound loads a round and its scheme's scorable indicators in tree order.
func LoadRound(db *gorm.DB, roundID uint) (*Round, error) {
	var d *round.Detail
	var sc scheme.Detail
	err := store.InTx(db, func(tx store.Tx) (err error) {
		if d, err = round.WithTx(tx).Get(roundID); err != nil {
			return err
		}
		if sc, err = scheme.WithTx(tx).Get(d.SchemeID); err != nil {
			return fmt.Errorf("读取考核方案指标：%w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	r := &Round{Detail: *d}
	type placed struct {
		scheme.Indicator
		Dimension, Parent string
	}
	var rows []placed
	// The dimension of an indicator is its level-1 ancestor, as the scheme's tree places it.
	var walk func(nodes []*scheme.Node, dimension, parent string)
	walk = func(nodes []*scheme.Node, dimension, parent string) {
		for _, n := range nodes {
			if n.Kind != scheme.Group {
				rows = append(rows, placed{Indicator: n.Indicator, Dimension: dimension, Parent: parent})
			}
			below := dimension
			if n.Level == 1 {
				below = n.Name
			}
			walk(n.Children, below, n.Name)
		}
	}
	walk(sc.Nodes(), "", "")
	sort.Slice(rows, func(i, j int) bool { return rows[i].ID < rows[j].ID })
	for _, row := range rows {
		ind := Indicator{Engine: scoring.Indicator{ID: row.ID, Kind: scoring.Kind(row.Kind), Max: row.MaxCenti, Step: row.StepCenti},
			ID: row.ID, Code: row.Code, Name: row.Name, Points: row.Points, Method: row.Method, Dimension: row.Dimension, Parent: row.Parent}
		for _, o := range row.Options {
			ind.Engine.Options = append(ind.Engine.Options, scoring.Option{Label: o.Label, Points: o.PointsCenti})
		}
		ind.RangeMessage = scoring.RangeMessage(ind.Engine)
		ind.Kind, ind.MaxCenti, ind.StepCenti, ind.Choices = string(row.Kind), row.MaxCenti, row.StepCenti, []Choice{}
		for _, o := range ind.Engine.Options {
			ind.Choices = append(ind.Choices, Choice{Label: o.Label, PointsCenti: o.Points})
		}
		r.Indicators = append(r.Indicators, ind)
	}
	sortByCode(r.Indicators)
	return r, nil
}

// Rater finds a rater of the round.
func (r *Round) Rater(id uint) (round.RaterRef, bool) {
	for _, g := range r.Groups {
		for _, rt := range g.Raters {
			if rt.ID == id {
				return rt, true
			}
		}
	}
	return round.RaterRef{}, false
}

// Indicator finds a scorable indicator of the round's scheme.
func (r *Round) Indicator(id uint) (Indicator, bool) {
	for _, ind := range r.Indicators {
		if ind.ID == id {
			return ind, true
		}
	}
	return Indicator{}, false
}

// HasUnit tells whether a unit is observed in the round.
func (r *Round) HasUnit(id uint) bool {
	for _, u := range r.Units {
		if u.ID == id {
			return true
		}
	}
	return false
}

// Eligibility is whether a rater may score a unit of a round, and if not, why.
type Eligibility int

const (
	// Eligible: the unit is observed in the round and the rater does not stand aside from it.
	Eligible Eligibility = iota
	// NotObserved: the unit is not (or no longer) one of the round's observed units.
	NotObserved
	// Barred: the rater stands aside from the unit (回避), as the round's recusals say.
	Barred
)

// Eligibility is the one rule of who may score which unit, for the grid, the import of
// returned workbooks and closing alike; callers word the refusal for where it happens.
func (r *Round) Eligibility(rt round.RaterRef, unitID uint) Eligibility {
	switch {
	case !r.HasUnit(unitID):
		return NotObserved
	case rt.Barred(unitID):
		return Barred
	}
	return Eligible
}

// CheckCell refuses a score that does not belong in the round: an unknown rater, unit or
// indicator, or a rater scoring their own unit (回避).
func (r *Round) CheckCell(k Key) (Indicator, error) {
	rt, ok := r.Rater(k.RaterID)
	if !ok {
		return Indicator{}, apperr.Invalidf("评分人不属于本轮")
	}
	switch r.Eligibility(rt, k.UnitID) {
	case NotObserved:
		return Indicator{}, apperr.Invalidf("单位不是本轮的观摩单位")
	case Barred:
		return Indicator{}, apperr.Invalidf("%s是本单位人员，按回避规则不给本单位评分", rt.Name)
	}
	ind, ok := r.Indicator(k.IndicatorID)
	if !ok {
		return Indicator{}, apperr.Invalidf("指标不属于本轮的考核方案")
	}
	return ind, nil
}
