package org

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
)

// Service reads and changes the organisation.
type Service struct {
	db *gorm.DB
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB} }

// WithTx returns a service whose calls run inside tx; importers use it to apply many changes
// in one transaction.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB()} }

// AreaView is an area with the names of what it refers to and its unit count.
type AreaView struct {
	Area
	LeadUnit  string `json:"leadUnit"`
	Liaison   string `json:"liaison"`
	Leader    string `json:"leader"`
	UnitCount int    `json:"unitCount"`
}

// UnitView is a unit with its area's name and its people count.
type UnitView struct {
	Unit
	AreaName    string `json:"areaName"`
	AreaNumber  int    `json:"areaNumber"`
	PeopleCount int    `json:"peopleCount"`
}

// PersonView is a person with their unit's name.
type PersonView struct {
	Person
	UnitName string `json:"unitName"`
}

// Counts is how much of the organisation is stored; an empty store offers the demo.
type Counts struct {
	Areas  int64 `json:"areas"`
	Units  int64 `json:"units"`
	People int64 `json:"people"`
}

// Counts returns the number of areas, units and people.
func (s *Service) Counts() (Counts, error) {
	var c Counts
	err := s.db.Model(&Area{}).Count(&c.Areas).Error
	if err == nil {
		err = s.db.Model(&Unit{}).Count(&c.Units).Error
	}
	if err == nil {
		err = s.db.Model(&Person{}).Count(&c.People).Error
	}
	return c, internal(err)
}

// ListAreas returns every area in number order.
func (s *Service) ListAreas() ([]AreaView, error) {
	var out []AreaView
	err := s.db.Raw(`
SELECT a.*, COALESCE(u.name,'') AS lead_unit, COALESCE(l.name,'') AS liaison, COALESCE(d.name,'') AS leader,
       (SELECT COUNT(*) FROM units x WHERE x.area_id = a.id) AS unit_count
FROM areas a
LEFT JOIN units u ON u.id = a.lead_unit_id
LEFT JOIN people l ON l.id = a.liaison_id
LEFT JOIN people d ON d.id = a.leader_id
ORDER BY a.number`).Scan(&out).Error
	return out, internal(err)
}

// UnitFilter narrows ListUnits: by area (0 for all, -1 for units in no area) and by a text
// found in the name or short name.
type UnitFilter struct {
	AreaID int    `json:"areaId"`
	Query  string `json:"query"`
}

// ListUnits returns units in area and sort order.
func (s *Service) ListUnits(f UnitFilter) ([]UnitView, error) {
	q := s.db.Table("units u").Select(`u.*, COALESCE(a.name,'') AS area_name, COALESCE(a.number,0) AS area_number,
       (SELECT COUNT(*) FROM people p WHERE p.unit_id = u.id) AS people_count`).
		Joins("LEFT JOIN areas a ON a.id = u.area_id")
	switch {
	case f.AreaID > 0:
		q = q.Where("u.area_id = ?", f.AreaID)
	case f.AreaID < 0:
		q = q.Where("u.area_id IS NULL")
	}
	if t := strings.TrimSpace(f.Query); t != "" {
		like := "%" + t + "%"
		q = q.Where("u.name LIKE ? OR u.short_name LIKE ?", like, like)
	}
	var out []UnitView
	err := q.Order("a.number IS NULL, a.number, u.sort_order, u.id").Scan(&out).Error
	return out, internal(err)
}

// PersonFilter narrows ListPeople: by unit (0 for all) and by a text in the name or title.
type PersonFilter struct {
	UnitID int    `json:"unitId"`
	Query  string `json:"query"`
}

// ListPeople returns people by unit order, then name.
func (s *Service) ListPeople(f PersonFilter) ([]PersonView, error) {
	q := s.db.Table("people p").Select("p.*, COALESCE(u.name,'') AS unit_name").
		Joins("LEFT JOIN units u ON u.id = p.unit_id").Joins("LEFT JOIN areas a ON a.id = u.area_id")
	if f.UnitID > 0 {
		q = q.Where("p.unit_id = ?", f.UnitID)
	}
	if t := strings.TrimSpace(f.Query); t != "" {
		like := "%" + t + "%"
		q = q.Where("p.name LIKE ? OR p.title LIKE ? OR u.name LIKE ?", like, like, like)
	}
	var out []PersonView
	err := q.Order("a.number IS NULL, a.number, u.sort_order, u.id, p.id").Scan(&out).Error
	return out, internal(err)
}

// GetUnitByName finds a unit by its full or short name.
func (s *Service) GetUnitByName(name string) (*Unit, error) {
	var u Unit
	err := s.db.Where("name = ? OR short_name = ?", name, name).First(&u).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return nil, apperr.NotFoundf("没有找到单位「%s」", name)
	}
	return &u, internal(err)
}

// SaveArea creates an area (ID 0) or updates one.
func (s *Service) SaveArea(a Area) (Area, error) {
	if err := a.normalize(); err != nil {
		return a, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := unique(tx, "areas", a.ID, "number", a.Number, fmt.Sprintf("已有序号为 %d 的联系片", a.Number)); err != nil {
			return err
		}
		if err := unique(tx, "areas", a.ID, "name", a.Name, fmt.Sprintf("已有名为「%s」的联系片", a.Name)); err != nil {
			return err
		}
		if a.LeadUnitID != nil {
			var u Unit
			if err := tx.First(&u, *a.LeadUnitID).Error; err != nil {
				return apperr.Invalidf("片长单位不存在")
			}
			if u.AreaID != nil && *u.AreaID != a.ID {
				return apperr.Invalidf("片长单位「%s」属于另一个联系片，须是本片的单位", u.Name)
			}
		}
		for _, id := range []*uint{a.LiaisonID, a.LeaderID} {
			if id != nil {
				if err := exists(tx, "people", *id, "所选人员不存在"); err != nil {
					return err
				}
			}
		}
		return save(tx, &a, a.ID)
	})
	return a, err
}

// SaveUnit creates a unit (ID 0) or updates one.
func (s *Service) SaveUnit(u Unit) (Unit, error) {
	if err := u.normalize(); err != nil {
		return u, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := unique(tx, "units", u.ID, "name", u.Name, fmt.Sprintf("已有名为「%s」的单位", u.Name)); err != nil {
			return err
		}
		if err := unique(tx, "units", u.ID, "short_name", u.ShortName, fmt.Sprintf("简称「%s」已被其他单位使用", u.ShortName)); err != nil {
			return err
		}
		if u.AreaID != nil {
			if err := exists(tx, "areas", *u.AreaID, "所选联系片不存在"); err != nil {
				return err
			}
		}
		// A lead unit stays in its area, also when it would be taken out of every area.
		if u.ID != 0 {
			var lead Area
			q := tx.Where("lead_unit_id = ?", u.ID)
			if u.AreaID != nil {
				q = q.Where("id <> ?", *u.AreaID)
			}
			if q.First(&lead).Error == nil {
				return apperr.Conflictf("「%s」是%s的片长单位，请先为该片另选片长单位再调整", u.Name, lead.Name)
			}
		}
		return save(tx, &u, u.ID)
	})
	return u, err
}

// SavePerson creates a person (ID 0) or updates one.
func (s *Service) SavePerson(p Person) (Person, error) {
	if err := p.normalize(); err != nil {
		return p, err
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if p.UnitID != nil {
			if err := exists(tx, "units", *p.UnitID, "所选单位不存在"); err != nil {
				return err
			}
		}
		var n int64
		q := tx.Model(&Person{}).Where("name = ? AND id <> ?", p.Name, p.ID)
		if p.UnitID != nil {
			q = q.Where("unit_id = ?", *p.UnitID)
		} else {
			q = q.Where("unit_id IS NULL")
		}
		if err := q.Count(&n).Error; err != nil {
			return internal(err)
		}
		if n > 0 {
			return apperr.Conflictf("同一单位已有名为「%s」的人员", p.Name)
		}
		return save(tx, &p, p.ID)
	})
	return p, err
}

// DeleteArea deletes an area that no unit belongs to.
func (s *Service) DeleteArea(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var a Area
		if err := tx.First(&a, id).Error; err != nil {
			return notFound(err, "联系片")
		}
		var n int64
		tx.Model(&Unit{}).Where("area_id = ?", id).Count(&n)
		if n > 0 {
			return apperr.Conflictf("%s下还有 %d 个单位，请先把它们移到其他联系片或删除", a.Name, n)
		}
		return remove(tx, &a, a.Name)
	})
}

// DeleteUnit deletes a unit that no person belongs to and that leads no area.
func (s *Service) DeleteUnit(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var u Unit
		if err := tx.First(&u, id).Error; err != nil {
			return notFound(err, "单位")
		}
		var lead Area
		if tx.Where("lead_unit_id = ?", id).First(&lead).Error == nil {
			return apperr.Conflictf("「%s」是%s的片长单位，请先为该片另选片长单位", u.Name, lead.Name)
		}
		var n int64
		tx.Model(&Person{}).Where("unit_id = ?", id).Count(&n)
		if n > 0 {
			return apperr.Conflictf("「%s」还有 %d 名人员，请先删除或调走这些人员", u.Name, n)
		}
		return remove(tx, &u, u.Name)
	})
}

// DeletePerson deletes a person who is no area's liaison or committee member.
func (s *Service) DeletePerson(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		var p Person
		if err := tx.First(&p, id).Error; err != nil {
			return notFound(err, "人员")
		}
		var a Area
		if tx.Where("liaison_id = ? OR leader_id = ?", id, id).First(&a).Error == nil {
			return apperr.Conflictf("%s是%s的总联络员或联系常委，请先在联系片中另选他人", p.Name, a.Name)
		}
		return remove(tx, &p, p.Name)
	})
}

func save(tx *gorm.DB, v any, id uint) error {
	n, err := store.Save(tx, v, id)
	if err == nil && id != 0 && n == 0 {
		return apperr.NotFoundf("要修改的记录不存在，可能已被删除")
	}
	if store.IsUniqueViolation(err) {
		return apperr.Conflictf("名称与已有记录重复")
	}
	return internal(err)
}

func remove(tx *gorm.DB, v any, name string) error {
	err := tx.Delete(v).Error
	if store.IsForeignKeyViolation(err) {
		return apperr.Conflictf("「%s」仍被其他数据（如观摩轮次、评分）引用，不能删除", name)
	}
	return internal(err)
}

func unique(tx *gorm.DB, table string, id uint, column string, value any, msg string) error {
	taken, err := store.Taken(tx, table, id, column+" = ?", value)
	if err != nil {
		return internal(err)
	}
	if taken {
		return apperr.Conflictf("%s", msg)
	}
	return nil
}

func exists(tx *gorm.DB, table string, id uint, msg string) error {
	ok, err := store.Exists(tx, table, id)
	if err != nil {
		return internal(err)
	}
	if !ok {
		return apperr.Invalidf("%s", msg)
	}
	return nil
}

func notFound(err error, what string) error { return store.NotFound(err, what, "组织架构") }

func internal(err error) error { return store.Failed("组织架构", err) }
