package scheme

import (
	"fmt"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
)

// Tree is a scheme not yet stored, such as one read from a workbook: its own fields and its
// tree (IDs are ignored).
type Tree struct {
	Scheme Scheme
	Roots  []*Node
}

// ImportResult tells what importing a draft did, or would do. The counts compare the draft
// with the newest stored version of the same name (Base): created are indicators it adds,
// updated those it changes or renumbers, unchanged those it keeps, removed those it drops.
// A scheme new by name creates all its indicators. When nothing differs, nothing is written.
type ImportResult struct {
	Scheme    Scheme   `json:"scheme"`
	Base      *Scheme  `json:"base"`
	Created   int      `json:"created"`
	Updated   int      `json:"updated"`
	Unchanged int      `json:"unchanged"`
	Removed   int      `json:"removed"`
	Written   bool     `json:"written"`
	Total     Subtotal `json:"total"`
}

// Import stores a tree as a new draft scheme: version 1 of a new name, or the next version of
// an existing one (its ParentID the newest version), so nothing already stored is overwritten.
// Importing what is already the newest version changes nothing. With dryRun it only reports.
func (s *Service) Import(d Tree, dryRun bool) (ImportResult, error) {
	var res ImportResult
	if p := d.Scheme.normalize(); len(p) > 0 {
		return res, apperr.Invalidf("%s", p[0])
	}
	Normalize(d.Roots)
	for _, is := range Check(d.Scheme, d.Roots) {
		if !is.Warning {
			return res, apperr.Invalidf("%s %s", is.Code, is.Message)
		}
	}
	res.Total = Sum(d.Roots)
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var base Scheme
		err := tx.Where("name = ?", d.Scheme.Name).Order("version DESC").Limit(1).Find(&base).Error
		if err != nil {
			return internal(err)
		}
		next := Scheme{Name: d.Scheme.Name, Year: d.Scheme.Year, Version: 1, Status: Draft, BaseTotalCenti: d.Scheme.BaseTotalCenti}
		var parentID *uint
		if base.ID == 0 {
			res.Created = Count(d.Roots)
		} else {
			_, roots, err := load(tx, base.ID)
			if err != nil {
				return err
			}
			res.Base = &base
			_, c := Compare(roots, d.Roots)
			res.Created, res.Updated, res.Unchanged, res.Removed = c.Added, c.Changed+c.Moved, c.Same, c.Removed
			next.Version = base.Version + 1
			if base.Year != 0 && next.Year == 0 {
				next.Year = base.Year
			}
			parentID = &base.ID
			if res.Created+res.Updated+res.Removed == 0 && next.Year == base.Year && next.BaseTotalCenti == base.BaseTotalCenti {
				res.Scheme = base
				return nil
			}
		}
		res.Scheme = next
		if dryRun {
			return nil
		}
		sc, err := createVersion(tx, next, d.Roots, parentID, s.Now())
		if err != nil {
			return fmt.Errorf("导入方案“%s”：%w", next.Name, err)
		}
		res.Scheme, res.Written = sc, true
		return nil
	})
	return res, err
}
