package finding

import (
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
)

// Service records findings and moves their rectification along.
type Service struct {
	db *gorm.DB
	// Now is the clock: it decides what "today" is for overdue findings and status dates.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB, Now: time.Now} }

// WithTx returns a service whose calls run inside tx, for importers that apply many changes in
// one transaction.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB(), Now: time.Now} }

func (s *Service) today() string { return s.Now().Format(dateLayout) }

// View is a finding as lists show it: with its unit, area and round, and whether it is overdue.
type View struct {
	Finding
	UnitName      string `json:"unitName"`
	UnitShortName string `json:"unitShortName"`
	AreaName      string `json:"areaName"`
	AreaNumber    int    `json:"areaNumber"`
	RoundCode     string `json:"roundCode"`
	RoundTitle    string `json:"roundTitle"`
	// Overdue is true when the deadline has passed and the rectification is not finished.
	Overdue     bool `json:"overdue"`
	OverdueDays int  `json:"overdueDays"`
}

// Filter narrows List. Zero values do not filter.
type Filter struct {
	RoundID uint   `json:"roundId"`
	UnitID  uint   `json:"unitId"`
	AreaID  uint   `json:"areaId"`
	Status  Status `json:"status"`
	// Overdue keeps only the findings whose deadline passed while still open.
	Overdue bool `json:"overdue"`
	// Query is a text looked for in the description, requirement, responsible person and unit.
	Query string `json:"query"`
}

// List returns the findings that match f, by round (newest first), area, unit and entry order.
func (s *Service) List(f Filter) ([]View, error) {
	q := s.db.Table("findings f").
		Select(`f.*, u.name AS unit_name, u.short_name AS unit_short_name,
  COALESCE(a.name,'') AS area_name, COALESCE(a.number,0) AS area_number,
  COALESCE(r.code,'') AS round_code, COALESCE(r.title,'') AS round_title`).
		Joins("JOIN units u ON u.id = f.unit_id").
		Joins("LEFT JOIN areas a ON a.id = u.area_id").
		Joins("LEFT JOIN rounds r ON r.id = f.round_id")
	if f.RoundID != 0 {
		q = q.Where("f.round_id = ?", f.RoundID)
	}
	if f.UnitID != 0 {
		q = q.Where("f.unit_id = ?", f.UnitID)
	}
	if f.AreaID != 0 {
		q = q.Where("u.area_id = ?", f.AreaID)
	}
	if f.Status != "" {
		if !f.Status.Valid() {
			return nil, apperr.Invalidf("整改状态“%s”无效", f.Status)
		}
		q = q.Where("f.status = ?", f.Status)
	}
	today := s.today()
	if f.Overdue {
		q = q.Where("f.deadline <> '' AND f.deadline < ? AND f.status IN ?", today, []Status{Pending, InProgress})
	}
	if t := strings.TrimSpace(f.Query); t != "" {
		like := "%" + t + "%"
		q = q.Where("f.description LIKE ? OR f.requirement LIKE ? OR f.responsible LIKE ? OR u.name LIKE ? OR u.short_name LIKE ?",
			like, like, like, like, like)
	}
	out := []View{}
	err := q.Order("r.date DESC, r.code DESC, a.number IS NULL, a.number, u.sort_order, u.id, f.id").Scan(&out).Error
	if err != nil {
		return nil, internal(err)
	}
	for i := range out {
		out[i].OverdueDays = out[i].Finding.OverdueDays(today)
		out[i].Overdue = out[i].OverdueDays > 0
	}
	return out, nil
}

// Get returns one finding.
func (s *Service) Get(id uint) (*View, error) {
	var f Finding
	if err := s.db.First(&f, id).Error; err != nil {
		return nil, notFound(err)
	}
	var out []View
	var err error
	if f.RoundID != nil {
		out, err = s.List(Filter{RoundID: *f.RoundID, UnitID: f.UnitID})
	} else {
		out, err = s.List(Filter{UnitID: f.UnitID})
	}
	if err != nil {
		return nil, err
	}
	for i := range out {
		if out[i].ID == id {
			return &out[i], nil
		}
	}
	return nil, apperr.NotFoundf("问题记录不存在，可能已被删除")
}

// Save records a new finding (ID 0) or changes the contents of one. A new finding starts as
// 待整改 unless it brings a status with fitting dates (a ledger taken over from paper); an
// existing one keeps its status and dates, which only SetStatus changes. The unit must exist
// and, for a finding of a round, be one of the round's observed units.
func (s *Service) Save(f Finding) (uint, error) {
	if f.RoundID != nil && *f.RoundID == 0 {
		f.RoundID = nil
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if f.ID != 0 {
			var old Finding
			if err := tx.First(&old, f.ID).Error; err != nil {
				return notFound(err)
			}
			f.Status, f.DoneDate, f.ClosedDate, f.CreatedAt = old.Status, old.DoneDate, old.ClosedDate, old.CreatedAt
		}
		if err := f.normalize(); err != nil {
			return err
		}
		var unit string
		if err := tx.Raw("SELECT name FROM units WHERE id = ?", f.UnitID).Scan(&unit).Error; err != nil {
			return internal(err)
		}
		if unit == "" {
			return apperr.Invalidf("所选单位不存在，可能已被删除")
		}
		if f.RoundID != nil {
			r, err := roundOf(tx, *f.RoundID)
			if err != nil {
				return err
			}
			var n int64
			tx.Table("round_units").Where("round_id = ? AND unit_id = ?", r.ID, f.UnitID).Count(&n)
			if n == 0 {
				return apperr.Invalidf("“%s”不是轮次 %s 的观摩单位", unit, r.Code)
			}
			if f.Deadline != "" && r.Date != "" && f.Deadline < r.Date {
				return apperr.Invalidf("整改期限 %s 早于观摩日期 %s", f.Deadline, r.Date)
			}
		}
		now := s.Now()
		f.UpdatedAt = now
		if f.ID == 0 {
			f.CreatedAt = now
			return internal(tx.Create(&f).Error)
		}
		return internal(tx.Model(&f).Select("*").Omit("id", "created_at").Updates(&f).Error)
	})
	return f.ID, err
}

// Move is a status change as the window asks for it.
type Move struct {
	To Status `json:"to"`
	// Date is the day of the step reached: when the rectification was finished (已整改) or the
	// finding closed (已销号); blank means today. Other steps carry no date.
	Date string `json:"date"`
	// Confirmed is the user's confirmation of a step back, which undoes a recorded step.
	Confirmed bool `json:"confirmed"`
}

// SetStatus moves a finding forward by one or more steps, recording the date of 已整改 and of
// 已销号 (a jump to 已销号 records both as the same day), or back by exactly one step when
// the user confirmed it, clearing the date of the step undone. A date cannot lie in the future,
// before the round's observation, or (for 已销号) before the rectification was finished.
func (s *Service) SetStatus(id uint, m Move) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var f Finding
		if err := tx.First(&f, id).Error; err != nil {
			return notFound(err)
		}
		if !m.To.Valid() {
			return apperr.Invalidf("整改状态“%s”无效，应为待整改、整改中、已整改或已销号", m.To)
		}
		from, to := f.Status.step(), m.To.step()
		switch {
		case to == from:
			return apperr.Invalidf("问题已是“%s”状态", f.Status)
		case to < from-1:
			return apperr.Invalidf("问题只能退回一步：从“%s”退回“%s”", f.Status, Statuses[max(from-1, 0)])
		case to == from-1:
			if !m.Confirmed {
				return apperr.Conflictf("从“%s”退回“%s”会撤销已记录的进度，须确认后再退回", f.Status, m.To)
			}
			switch f.Status {
			case Closed:
				f.ClosedDate = ""
			case Done:
				f.DoneDate = ""
			}
		default:
			if to >= Done.step() {
				date, err := s.stepDate(tx, &f, m)
				if err != nil {
					return err
				}
				if f.DoneDate == "" {
					f.DoneDate = date
				}
				if m.To == Closed {
					f.ClosedDate = date
				}
			}
		}
		f.Status = m.To
		if err := f.checkDates(); err != nil {
			return err
		}
		return internal(tx.Model(&f).Updates(map[string]any{"status": f.Status, "done_date": f.DoneDate,
			"closed_date": f.ClosedDate, "updated_at": s.Now()}).Error)
	})
}

// stepDate checks the date of a forward step to 已整改 or 已销号.
func (s *Service) stepDate(tx *gorm.DB, f *Finding, m Move) (string, error) {
	name := map[Status]string{Done: "整改完成日期", Closed: "销号日期"}[m.To]
	date := strings.TrimSpace(m.Date)
	if date == "" {
		date = s.today()
	}
	if !validDate(date) {
		return "", apperr.Invalidf("%s“%s”无效，应为 2024-12-31 这样的日期", name, date)
	}
	if date > s.today() {
		return "", apperr.Invalidf("%s不能晚于今天", name)
	}
	if f.RoundID != nil {
		r, err := roundOf(tx, *f.RoundID)
		if err != nil {
			return "", err
		}
		if r.Date != "" && date < r.Date {
			return "", apperr.Invalidf("%s %s 早于发现问题的观摩日期 %s", name, date, r.Date)
		}
	}
	if m.To == Closed && f.DoneDate != "" && date < f.DoneDate {
		return "", apperr.Invalidf("销号日期 %s 不能早于整改完成日期 %s", date, f.DoneDate)
	}
	return date, nil
}

// Delete removes a finding.
func (s *Service) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var f Finding
		if err := tx.First(&f, id).Error; err != nil {
			return notFound(err)
		}
		return internal(tx.Delete(&f).Error)
	})
}

// Options is what the finding form offers: the methods, the statuses, and the level-1
// dimensions of a round's scheme as suggestions for 一级指标.
type Options struct {
	Methods    []string `json:"methods"`
	Statuses   []Status `json:"statuses"`
	Dimensions []string `json:"dimensions"`
}

// OptionsFor returns the form's choices for findings of a round (0: no round, no dimensions).
func (s *Service) OptionsFor(roundID uint) (*Options, error) {
	o := &Options{Methods: Methods, Statuses: Statuses, Dimensions: []string{}}
	if roundID == 0 {
		return o, nil
	}
	r, err := roundOf(s.db, roundID)
	if err != nil {
		return nil, err
	}
	err = s.db.Raw("SELECT name FROM indicators WHERE scheme_id = ? AND level = 1 ORDER BY sort_order, id", r.SchemeID).
		Scan(&o.Dimensions).Error
	return o, internal(err)
}

type roundRow struct {
	ID       uint
	Code     string
	Date     string
	SchemeID uint
}

func roundOf(tx *gorm.DB, id uint) (*roundRow, error) {
	var r roundRow
	if err := tx.Raw("SELECT id, code, date, scheme_id FROM rounds WHERE id = ?", id).Scan(&r).Error; err != nil {
		return nil, internal(err)
	}
	if r.ID == 0 {
		return nil, apperr.Invalidf("所选观摩轮次不存在，可能已被删除")
	}
	return &r, nil
}

// CountOfRound is how many findings a round has; a round with findings is kept.
func (s *Service) CountOfRound(roundID uint) (int64, error) {
	var n int64
	err := s.db.Model(&Finding{}).Where("round_id = ?", roundID).Count(&n).Error
	return n, internal(err)
}

func notFound(err error) error { return store.NotFound(err, "问题记录", "问题记录") }

func internal(err error) error { return store.Failed("问题记录", err) }
