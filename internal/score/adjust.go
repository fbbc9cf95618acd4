package score

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

// Adjustment is an admin-verified bonus or deduction of a unit in a round (DOMAIN §4 rule 3):
// a brand's bonus (BrandID set, written by the front-line ledger) or an item entered with its
// reason, such as a deduction for 违规违纪. It is added to the unit's final score once, after
// the weighted group scores; PointsCenti is negative for a deduction.
type Adjustment struct {
	ID          uint      `json:"id"`
	RoundID     uint      `json:"roundId"`
	UnitID      uint      `json:"unitId"`
	UnitName    string    `json:"unitName"`
	Reason      string    `json:"reason"`
	PointsCenti int64     `json:"pointsCenti"`
	VerifiedBy  string    `json:"verifiedBy"`
	BrandID     *uint     `json:"brandId"`
	CreatedAt   time.Time `json:"createdAt"`
}

// AdjustmentInput is an item as the window or the command line enters it.
type AdjustmentInput struct {
	UnitID      uint   `json:"unitId"`
	PointsCenti int64  `json:"pointsCenti"`
	Reason      string `json:"reason"`
}

// maxAdjustCenti bounds one item: a typing slip of 500 instead of 5 is refused.
const maxAdjustCenti = 2000

// Adjustments lists a round's verified items, by unit order then entry.
func (s *Service) Adjustments(roundID uint) ([]Adjustment, error) { return adjustments(s.db, roundID) }

func adjustments(db *gorm.DB, roundID uint) ([]Adjustment, error) {
	out := []Adjustment{}
	err := db.Raw(`SELECT a.id, a.round_id, a.unit_id, COALESCE(ru.name_frozen, u.name) AS unit_name, a.reason, a.points_centi,
  a.verified_by, a.brand_id, a.created_at
FROM adjustments a JOIN units u ON u.id = a.unit_id
LEFT JOIN round_units ru ON ru.round_id = a.round_id AND ru.unit_id = a.unit_id
WHERE a.round_id = ? ORDER BY ru.sort_order, a.id`, roundID).Scan(&out).Error
	if err != nil {
		return nil, wrap(err, "读取加减分项")
	}
	return out, nil
}

// AddAdjustment records a verified bonus (points > 0) or deduction (points < 0) for an
// observed unit of a round that is not closed, verified by operator. The same reason twice
// for one unit is refused: an item counts once.
func (s *Service) AddAdjustment(roundID uint, in AdjustmentInput, operator string) (Adjustment, error) {
	var out Adjustment
	operator = strings.TrimSpace(operator)
	in.Reason = strings.TrimSpace(in.Reason)
	switch {
	case operator == "":
		return out, apperr.Invalidf("没有操作人，不能核定加减分；请先在设置中填写操作人")
	case in.Reason == "":
		return out, apperr.Invalidf("请写明加减分的事由，例如“违规违纪：某某受党内警告处分”")
	case utf8.RuneCountInString(in.Reason) > 200:
		return out, apperr.Invalidf("事由不能超过 200 个字")
	case in.PointsCenti == 0:
		return out, apperr.Invalidf("加减分不能为 0")
	case in.PointsCenti > maxAdjustCenti || in.PointsCenti < -maxAdjustCenti:
		return out, apperr.Invalidf("一项加减分不能超过 20 分")
	}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		r, err := LoadRound(tx, roundID)
		if err != nil {
			return err
		}
		if r.Status == round.Closed {
			return apperr.Conflictf("轮次 %s 已结束，不能再核定加减分", r.Code)
		}
		if !r.HasUnit(in.UnitID) {
			return apperr.Invalidf("该单位不是轮次 %s 的观摩单位", r.Code)
		}
		var n int64
		tx.Table("adjustments").Where("round_id = ? AND unit_id = ? AND reason = ?", roundID, in.UnitID, in.Reason).Count(&n)
		if n > 0 {
			return apperr.Conflictf("该单位已有事由相同的加减分项，同一事项只计一次")
		}
		now := s.Now()
		row := map[string]any{"round_id": roundID, "unit_id": in.UnitID, "reason": in.Reason, "points_centi": in.PointsCenti,
			"verified_by": operator, "created_at": now}
		if err := tx.Table("adjustments").Create(row).Error; err != nil {
			return wrap(err, "保存加减分项")
		}
		var id uint
		tx.Raw("SELECT MAX(id) FROM adjustments WHERE round_id = ?", roundID).Scan(&id)
		list, err := adjustments(tx, roundID)
		for _, a := range list {
			if a.ID == id {
				out = a
			}
		}
		return err
	})
	return out, err
}

// DeleteAdjustment removes an entered item of a round that is not closed; a brand's bonus is
// withdrawn from the brand instead.
func (s *Service) DeleteAdjustment(id uint) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var a struct {
			RoundID uint
			BrandID *uint
		}
		if err := tx.Raw(`SELECT round_id, brand_id FROM adjustments WHERE id = ?`, id).Scan(&a).Error; err != nil {
			return wrap(err, "读取加减分项")
		}
		if a.RoundID == 0 {
			return apperr.NotFoundf("加减分项不存在，可能已被删除")
		}
		r, err := round.WithTx(t).Get(a.RoundID)
		if err != nil {
			return err
		}
		switch {
		case r.Status == round.Closed:
			return apperr.Conflictf("轮次 %s 已结束，加减分项不能再删除", r.Code)
		case a.BrandID != nil:
			return apperr.Conflictf("这是党建品牌的加分，请在“党建品牌与荣誉”中撤销")
		}
		return wrap(tx.Exec("DELETE FROM adjustments WHERE id = ?", id).Error, "删除加减分项")
	})
}

// wrap names what failed, keeping nil nil.
func wrap(err error, what string) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("%s：%w", what, err)
}

// BrandBonus is a party brand's bonus counted in a round: an adjustment that carries the brand.
type BrandBonus struct {
	BrandID     uint
	RoundID     uint
	PointsCenti int64
	VerifiedBy  string
	CreatedAt   time.Time
}

// BrandBonuses lists the bonuses counted for a brand (for every brand when brandID is 0), in
// the order they were entered.
func (s *Service) BrandBonuses(brandID uint) ([]BrandBonus, error) {
	q := s.db.Table("adjustments").Select("brand_id, round_id, points_centi, verified_by, created_at").Where("brand_id IS NOT NULL")
	if brandID != 0 {
		q = q.Where("brand_id = ?", brandID)
	}
	var out []BrandBonus
	if err := q.Order("id").Scan(&out).Error; err != nil {
		return nil, wrap(err, "读取品牌加分")
	}
	return out, nil
}

// AddBrandBonus counts a brand's bonus for unitID in b.RoundID with reason; taken is true, and
// nothing is written, when the brand is counted in that round already.
func (s *Service) AddBrandBonus(b BrandBonus, unitID uint, reason string) (taken bool, err error) {
	row := map[string]any{"round_id": b.RoundID, "unit_id": unitID, "reason": reason, "points_centi": b.PointsCenti,
		"verified_by": b.VerifiedBy, "created_at": b.CreatedAt, "brand_id": b.BrandID}
	if err := s.db.Table("adjustments").Create(row).Error; err != nil {
		if strings.Contains(err.Error(), "UNIQUE") {
			return true, nil
		}
		return false, wrap(err, "记录品牌加分")
	}
	return false, nil
}

// WithdrawBrandBonus takes a brand's bonus out of a round; removed is false when it was not
// counted there.
func (s *Service) WithdrawBrandBonus(brandID, roundID uint) (removed bool, err error) {
	res := s.db.Exec("DELETE FROM adjustments WHERE brand_id = ? AND round_id = ?", brandID, roundID)
	if res.Error != nil {
		return false, wrap(res.Error, "撤销品牌加分")
	}
	return res.RowsAffected > 0, nil
}
