package store

import (
	"errors"
	"fmt"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
)

// The small helpers every owner's service uses on its own tables, kept here once.

// Failed names the area of the product where a storage error happened ("组织架构：…"); an
// apperr error of another kind than Internal, and nil, pass through unchanged.
func Failed(area string, err error) error {
	if err == nil || apperr.CodeOf(err) != apperr.Internal {
		return err
	}
	return fmt.Errorf("%s：%w", area, err)
}

// NotFound turns a lookup's "no such row" into the user's "<what>不存在，可能已被删除"; any
// other error is Failed(area, err).
func NotFound(err error, what, area string) error {
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return apperr.NotFoundf("%s不存在，可能已被删除", what)
	}
	return Failed(area, err)
}

// Taken tells whether a row of table other than id matches where: an owner asks it of its
// own table before a write that must stay unique.
func Taken(tx *gorm.DB, table string, id uint, where string, args ...any) (bool, error) {
	var n int64
	err := tx.Table(table).Where(where, args...).Where("id <> ?", id).Count(&n).Error
	return n > 0, err
}

// Exists tells whether table has the row id.
func Exists(tx *gorm.DB, table string, id uint) (bool, error) {
	var n int64
	err := tx.Table(table).Where("id = ?", id).Count(&n).Error
	return n > 0, err
}

// Save creates the row v when id is 0 and otherwise updates every column but id and
// created_at, returning how many rows it updated (0: the row is gone).
func Save(tx *gorm.DB, v any, id uint) (int64, error) {
	if id == 0 {
		return 0, tx.Create(v).Error
	}
	res := tx.Model(v).Select("*").Omit("id", "created_at").Updates(v)
	return res.RowsAffected, res.Error
}
