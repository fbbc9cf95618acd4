// Package roster takes an office's own roster workbook (联系片划分表, 人员名单) into the
// organisation, previewed first and applied all at once, and writes the organisation back out
// as a formatted roster that imports again unchanged.
package roster

import (
	"errors"
	"fmt"
	"path/filepath"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Service imports and exports rosters.
type Service struct {
	db  *gorm.DB
	org *org.Service
	// Now dates exported rosters; tests set it.
	Now func() time.Time
	// Force goes on past the plausibility limits of a roster (workbook.MaxRosterSheets,
	// MaxRosterUnits): the user saw them in a preview (Plan.Limits) and confirmed.
	Force bool
}

// NewService returns a roster service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, org: org.NewService(s), Now: time.Now}
}

// The actions a plan takes on an area, unit or person.
const (
	Create    = "create"
	Update    = "update"
	Unchanged = "unchanged"
)

// The kinds of record a plan touches.
const (
	KindArea   = "area"
	KindUnit   = "unit"
	KindPerson = "person"
)

// Tally counts what an import does to one kind of record.
type Tally struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
}

func (t *Tally) add(action string) {
	switch action {
	case Create:
		t.Created++
	case Update:
		t.Updated++
	default:
		t.Unchanged++
	}
}

// Counts are the tallies per kind.
type Counts struct {
	Areas  Tally `json:"areas"`
	Units  Tally `json:"units"`
	People Tally `json:"people"`
}

// Total sums the tallies of all kinds.
func (c Counts) Total() Tally {
	return Tally{
		Created:   c.Areas.Created + c.Units.Created + c.People.Created,
		Updated:   c.Areas.Updated + c.Units.Updated + c.People.Updated,
		Unchanged: c.Areas.Unchanged + c.Units.Unchanged + c.People.Unchanged,
	}
}

// Change is one row of a plan as the preview lists it: what happens to which record, and why.
type Change struct {
	Kind   string `json:"kind"`
	Name   string `json:"name"`
	Action string `json:"action"`
	// Detail says what is set (for a new record) or what changes, in Chinese.
	Detail string `json:"detail"`
	Sheet  string `json:"sheet"`
	Cell   string `json:"cell"`
}

// Plan is what importing a roster does, or did: the sheets as read (for the mapping step), the
// counts, every record's change, notes worth telling and problems that refuse the file.
type Plan struct {
	File     string                 `json:"file"`
	Sheets   []workbook.RosterSheet `json:"sheets"`
	Counts   Counts                 `json:"counts"`
	Total    Tally                  `json:"total"`
	Changes  []Change               `json:"changes"`
	Notes    []workbook.Problem     `json:"notes"`
	Problems []workbook.Problem     `json:"problems"`
	// Limits are the problems that only say the file is implausibly large for a roster; they
	// are also in Problems. The user may go on past them (Service.Force) after checking.
	Limits []workbook.Problem `json:"limits"`
	// Applied is true once the plan has been written; a plan with problems never is.
	Applied bool `json:"applied"`
}

// Mapping returns how the plan read the workbook, to be corrected and passed back.
func (p *Plan) Mapping() workbook.RosterMapping {
	m := workbook.RosterMapping{Sheets: []workbook.RosterSheetMapping{}}
	for _, s := range p.Sheets {
		m.Sheets = append(m.Sheets, s.Mapping)
	}
	return m
}

var errPreviewOnly = errors.New("preview only")

// Preview reads the roster at path and tells what importing it would do, writing nothing. A nil
// mapping recognises the sheets by their titles; otherwise the sheets are read as it says.
func (s *Service) Preview(path string, m *workbook.RosterMapping) (*Plan, error) {
	return s.run(path, m, false)
}

// Import reads the roster at path and applies it in one transaction. A roster with any
// problem is refused whole: the plan comes back with its problems and Applied false, and
// nothing is written.
func (s *Service) Import(path string, m *workbook.RosterMapping) (*Plan, error) {
	return s.run(path, m, true)
}

func (s *Service) run(path string, m *workbook.RosterMapping, apply bool) (*Plan, error) {
	f, err := workbook.OpenFile(path, "")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r, err := workbook.ReadRosterForced(f, m, s.Force)
	if err != nil {
		return nil, workbook.ReadError("名册", path, err)
	}
	var plan *Plan
	err = store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		b, err := newBuilder(tx, r)
		if err != nil {
			return err
		}
		plan = b.plan()
		plan.File = filepath.Base(path)
		plan.Notes = append(workbook.SkippedSheets(f), plan.Notes...)
		if !apply || len(plan.Problems) > 0 {
			return errPreviewOnly
		}
		if err := b.apply(org.WithTx(t)); err != nil {
			return err
		}
		plan.Applied = true
		return nil
	})
	if errors.Is(err, errPreviewOnly) {
		err = nil
	}
	if err != nil {
		if apperr.CodeOf(err) == apperr.Internal {
			err = fmt.Errorf("导入名册 %s：%w", filepath.Base(path), err)
		}
		return nil, err
	}
	return plan, nil
}
