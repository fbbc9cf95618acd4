package score

import (
	"fmt"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
)

// Service serves the score entry grid.
type Service struct {
	db  *gorm.DB
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB, Now: time.Now} }

// WithTx returns a service whose calls run inside tx.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB(), Now: time.Now} }

// Value is a stored value as the grid shows it.
type Value struct {
	UnitID      uint   `json:"unitId"`
	IndicatorID uint   `json:"indicatorId"`
	ValueCenti  int64  `json:"valueCenti"`
	Comment     string `json:"comment"`
	Source      string `json:"source"`
	EnteredBy   string `json:"enteredBy"`
	FileName    string `json:"fileName"`
	Cell        string `json:"cell"`
}

// UnitProgress is one unit's completeness for one rater.
type UnitProgress struct {
	round.UnitRef
	Barred   bool  `json:"barred"`
	Missing  int   `json:"missing"`
	Complete bool  `json:"complete"`
	Total    int64 `json:"total"`
}

// Grid is one rater's scores for a round: indicators × observed units.
type Grid struct {
	RoundID    uint           `json:"roundId"`
	Code       string         `json:"code"`
	Title      string         `json:"title"`
	Status     round.Status   `json:"status"`
	Rater      round.RaterRef `json:"rater"`
	Group      string         `json:"group"`
	Indicators []Indicator    `json:"indicators"`
	Units      []UnitProgress `json:"units"`
	Values     []Value        `json:"values"`
	// Complete counts the units whose total is complete, of Expected (units not barred).
	Complete int `json:"complete"`
	Expected int `json:"expected"`
}

// RaterProgress is one rater's completeness over a round.
type RaterProgress struct {
	round.RaterRef
	Group    string `json:"group"`
	Complete int    `json:"complete"`
	Expected int    `json:"expected"`
	Filled   int    `json:"filled"`
}

// Progress lists every rater of a round with how many of their unit totals are complete.
func (s *Service) Progress(roundID uint) ([]RaterProgress, error) {
	rus, err := s.RaterUnits(roundID)
	if err != nil {
		return nil, err
	}
	out := make([]RaterProgress, len(rus))
	for i, ru := range rus {
		out[i] = ru.RaterProgress
	}
	return out, nil
}

// Grid returns one rater's grid.
func (s *Service) Grid(roundID, raterID uint) (*Grid, error) {
	r, err := LoadRound(s.db, roundID)
	if err != nil {
		return nil, err
	}
	rt, ok := r.Rater(raterID)
	if !ok {
		return nil, apperr.NotFoundf("评分人不属于本轮")
	}
	g := &Grid{RoundID: r.ID, Code: r.Code, Title: r.Title, Status: r.Status, Rater: rt, Indicators: r.Indicators, Values: []Value{}}
	for _, grp := range r.Groups {
		if grp.ID == rt.GroupID {
			g.Group = grp.Name
		}
	}
	err = s.db.Table("scores").Select("unit_id, indicator_id, value_centi, comment, source, entered_by, file_name, cell").
		Where("round_id = ? AND rater_id = ?", roundID, raterID).Scan(&g.Values).Error
	if err != nil {
		return nil, fmt.Errorf("读取评分：%w", err)
	}
	g.Units = r.progress(rt, g.Values)
	for _, u := range g.Units {
		if !u.Barred {
			g.Expected++
			if u.Complete {
				g.Complete++
			}
		}
	}
	return g, nil
}

func (r *Round) scoringIndicators() []scoring.Indicator {
	out := make([]scoring.Indicator, len(r.Indicators))
	for i, ind := range r.Indicators {
		out[i] = ind.Engine
	}
	return out
}

func (r *Round) progress(rt round.RaterRef, values []Value) []UnitProgress {
	byUnit := map[uint]scoring.Values{}
	for _, v := range values {
		if byUnit[v.UnitID] == nil {
			byUnit[v.UnitID] = scoring.Values{}
		}
		byUnit[v.UnitID][v.IndicatorID] = v.ValueCenti
	}
	return r.unitProgress(r.scoringIndicators(), rt, func(unit uint) scoring.Values { return byUnit[unit] })
}

// unitProgress is a rater's completeness for each unit of the round, given their values per unit.
func (r *Round) unitProgress(inds []scoring.Indicator, rt round.RaterRef, values func(unit uint) scoring.Values) []UnitProgress {
	out := make([]UnitProgress, 0, len(r.Units))
	for _, u := range r.Units {
		t := scoring.RaterTotal(inds, values(u.ID))
		out = append(out, UnitProgress{UnitRef: u, Barred: rt.Barred(u.ID), Missing: t.Missing, Complete: t.Complete, Total: t.Points})
	}
	return out
}

// CellInput is what a rater typed into one cell; blank text clears the cell.
type CellInput struct {
	UnitID      uint   `json:"unitId"`
	IndicatorID uint   `json:"indicatorId"`
	Text        string `json:"text"`
}

// CellResult says what became of one typed cell: saved with its value, or refused with a
// message for the rater.
type CellResult struct {
	UnitID      uint   `json:"unitId"`
	IndicatorID uint   `json:"indicatorId"`
	OK          bool   `json:"ok"`
	Blank       bool   `json:"blank"`
	ValueCenti  int64  `json:"valueCenti"`
	Message     string `json:"message"`
}

// EnterResult is the outcome of a batch of typed cells and the rater's progress after it.
type EnterResult struct {
	Cells    []CellResult   `json:"cells"`
	Units    []UnitProgress `json:"units"`
	Complete int            `json:"complete"`
	Expected int            `json:"expected"`
}

// Enter saves what a rater typed (one cell, or a block pasted from a spreadsheet) in one
// transaction. Each cell is checked against its indicator's kind, maximum and step; refused
// cells are reported with a message and leave their stored value alone, the others are saved.
func (s *Service) Enter(roundID, raterID uint, cells []CellInput, operator string) (*EnterResult, error) {
	if len(cells) > 200000 {
		return nil, apperr.Invalidf("一次粘贴的单元格太多")
	}
	res := &EnterResult{Cells: make([]CellResult, len(cells))}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		r, err := LoadRound(tx, roundID)
		if err != nil {
			return err
		}
		if err := round.EnsureWritable(&r.Round); err != nil {
			return err
		}
		at := s.Now()
		prov := Provenance{Source: SourceApp, EnteredBy: operator}
		for i, c := range cells {
			cr := CellResult{UnitID: c.UnitID, IndicatorID: c.IndicatorID}
			k := Key{RoundID: roundID, RaterID: raterID, UnitID: c.UnitID, IndicatorID: c.IndicatorID}
			ind, err := r.CheckCell(k)
			if err != nil {
				cr.Message = apperr.MessageOf(err)
				res.Cells[i] = cr
				continue
			}
			v, blank, err := scoring.ParseValue(ind.Engine, c.Text)
			if err != nil {
				cr.Message = err.Error()
				res.Cells[i] = cr
				continue
			}
			var value *int64
			if !blank {
				value = &v
			}
			comment, err := currentComment(tx, k)
			if err != nil {
				return err
			}
			if _, err := Write(tx, k, value, comment, prov, at); err != nil {
				return fmt.Errorf("保存评分：%w", err)
			}
			cr.OK, cr.Blank, cr.ValueCenti = true, blank, v
			res.Cells[i] = cr
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	g, err := s.Grid(roundID, raterID)
	if err != nil {
		return nil, err
	}
	res.Units, res.Complete, res.Expected = g.Units, g.Complete, g.Expected
	return res, nil
}

func currentComment(tx *gorm.DB, k Key) (string, error) {
	var c []string
	err := tx.Table("scores").Where("round_id = ? AND rater_id = ? AND unit_id = ? AND indicator_id = ?",
		k.RoundID, k.RaterID, k.UnitID, k.IndicatorID).Pluck("comment", &c).Error
	if len(c) == 0 {
		return "", err
	}
	return c[0], err
}

// HistoryOf lists every change of one score, oldest first, with where each value came from.
func (s *Service) HistoryOf(k Key) ([]History, error) {
	var out []History
	err := s.db.Where("round_id = ? AND rater_id = ? AND unit_id = ? AND indicator_id = ?", k.RoundID, k.RaterID, k.UnitID, k.IndicatorID).
		Order("changed_at, id").Find(&out).Error
	return out, err
}

// loadSheets reads every stored value of a round as the scoring engine wants them.
func loadSheets(db *gorm.DB, roundID uint) (scoring.Scores, error) {
	rows, err := db.Table("scores").Select("unit_id, rater_id, indicator_id, value_centi").Where("round_id = ?", roundID).Rows()
	if err != nil {
		return nil, fmt.Errorf("读取评分：%w", err)
	}
	defer rows.Close()
	out := scoring.Scores{}
	for rows.Next() {
		var u, r, i uint
		var v int64
		if err := rows.Scan(&u, &r, &i, &v); err != nil {
			return nil, err
		}
		out.Set(u, r, i, v)
	}
	return out, rows.Err()
}

// CountOfRater is how many scores a rater of a round has given; a rater with scores stays in
// the round.
func (s *Service) CountOfRater(raterID uint) (int64, error) {
	var n int64
	if err := s.db.Table("scores").Where("rater_id = ?", raterID).Count(&n).Error; err != nil {
		return 0, fmt.Errorf("数评分人的评分：%w", err)
	}
	return n, nil
}
