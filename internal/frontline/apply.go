package frontline

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// RoundChoice is an observation round as the "count in a round" dialog offers it for one
// brand: whether the bonus can be counted there, and if not, why.
type RoundChoice struct {
	ID      uint   `json:"id"`
	Code    string `json:"code"`
	Title   string `json:"title"`
	Date    string `json:"date"`
	Status  string `json:"status"`
	Applied bool   `json:"applied"`
	// Allowed is true when ApplyBrand would accept the round; Reason says why not.
	Allowed bool   `json:"allowed"`
	Reason  string `json:"reason"`
}

type roundRow struct {
	ID       uint
	Code     string
	Title    string
	Date     string
	Status   string
	Observed bool
}

// RoundChoices lists the rounds, newest first, with whether brand id's bonus can be counted
// in each.
func (s *Service) RoundChoices(id uint) ([]RoundChoice, error) {
	var b Brand
	if err := s.db.First(&b, id).Error; err != nil {
		return nil, notFound(err, "品牌或荣誉")
	}
	var rows []roundRow
	err := s.db.Raw(`SELECT r.id, r.code, r.title, r.date, r.status,
  EXISTS (SELECT 1 FROM round_units x WHERE x.round_id = r.id AND x.unit_id = ?) AS observed
FROM rounds r ORDER BY r.date DESC, r.code DESC`, b.UnitID).Scan(&rows).Error
	if err != nil {
		return nil, internal(err)
	}
	applied := map[uint]bool{}
	bonuses, err := s.scores.BrandBonuses(id)
	if err != nil {
		return nil, err
	}
	for _, a := range bonuses {
		applied[a.RoundID] = true
	}
	out := []RoundChoice{}
	for _, r := range rows {
		c := RoundChoice{ID: r.ID, Code: r.Code, Title: r.Title, Date: r.Date, Status: r.Status, Applied: applied[r.ID]}
		if err := canApply(&b, &r, c.Applied); err != nil {
			c.Reason = apperr.MessageOf(err)
		} else {
			c.Allowed = true
		}
		out = append(out, c)
	}
	return out, nil
}

// canApply tells why brand b's bonus cannot be counted in round r, nil when it can.
func canApply(b *Brand, r *roundRow, applied bool) error {
	switch {
	case applied:
		return apperr.Conflictf("「%s」已计入轮次 %s，不能重复计入", b.Name, r.Code)
	case b.BonusCenti <= 0:
		return apperr.Invalidf("「%s」没有设置加分，无需计入", b.Name)
	case r.Status == string(round.Closed):
		return apperr.Conflictf("轮次 %s 已结束，不能再计入加分", r.Code)
	case !r.Observed:
		return apperr.Invalidf("本单位不是轮次 %s 的观摩单位", r.Code)
	case len(r.Date) >= 4 && strconv.Itoa(b.Year) > r.Date[:4]:
		return apperr.Invalidf("%d 年度的品牌或荣誉不能计入 %s 年的轮次", b.Year, r.Date[:4])
	}
	return nil
}

// reason is the text of the adjustment a brand writes: 党建品牌加分：市级荣誉“2023年济宁市
// 机关党建创新优秀案例”（2023年）.
func (b *Brand) reason() string {
	kind := b.Kind
	if b.Kind == BrandMain {
		kind = "党建品牌"
	}
	return fmt.Sprintf("党建品牌加分：%s%s“%s”（%d年）", b.Level, kind, b.Name, b.Year)
}

// ApplyBrand counts brand id's bonus in round roundID: it writes an admin-verified adjustment
// for the brand's unit, verified by operator, which the scoring engine adds to the unit's final
// score. A closed round, a unit the round does not observe, a brand without bonus and a second
// application to the same round are refused.
func (s *Service) ApplyBrand(id, roundID uint, operator string) (Application, error) {
	operator = strings.TrimSpace(operator)
	var app Application
	if operator == "" {
		return app, apperr.Invalidf("没有操作人，不能核定加分；请先在设置中填写操作人")
	}
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var b Brand
		if err := tx.First(&b, id).Error; err != nil {
			return notFound(err, "品牌或荣誉")
		}
		r, err := roundFor(tx, roundID, b.UnitID)
		if err != nil {
			return err
		}
		scores := score.WithTx(t)
		bonuses, err := scores.BrandBonuses(id)
		if err != nil {
			return err
		}
		if err := canApply(&b, r, slices.ContainsFunc(bonuses, func(a score.BrandBonus) bool { return a.RoundID == roundID })); err != nil {
			return err
		}
		now := s.Now()
		taken, err := scores.AddBrandBonus(score.BrandBonus{BrandID: b.ID, RoundID: roundID, PointsCenti: b.BonusCenti, VerifiedBy: operator,
			CreatedAt: now}, b.UnitID, b.reason())
		if err != nil {
			return err
		}
		if taken {
			return apperr.Conflictf("「%s」已计入轮次 %s，不能重复计入", b.Name, r.Code)
		}
		app = Application{RoundID: r.ID, RoundCode: r.Code, RoundTitle: r.Title, RoundStatus: r.Status, PointsCenti: b.BonusCenti,
			VerifiedBy: operator, At: now.Format("2006-01-02 15:04")}
		return nil
	})
	return app, err
}

// WithdrawBrand takes brand id's bonus out of round roundID, which must not be closed.
func (s *Service) WithdrawBrand(id, roundID uint) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var b Brand
		if err := tx.First(&b, id).Error; err != nil {
			return notFound(err, "品牌或荣誉")
		}
		r, err := roundFor(tx, roundID, b.UnitID)
		if err != nil {
			return err
		}
		if r.Status == string(round.Closed) {
			return apperr.Conflictf("轮次 %s 已结束，已计入的加分不能撤销", r.Code)
		}
		removed, err := score.WithTx(t).WithdrawBrandBonus(id, roundID)
		if err != nil {
			return err
		}
		if !removed {
			return apperr.NotFoundf("「%s」没有计入轮次 %s", b.Name, r.Code)
		}
		return nil
	})
}

func roundFor(tx *gorm.DB, roundID, unitID uint) (*roundRow, error) {
	var r roundRow
	err := tx.Raw(`SELECT r.id, r.code, r.title, r.date, r.status,
  EXISTS (SELECT 1 FROM round_units x WHERE x.round_id = r.id AND x.unit_id = ?) AS observed
FROM rounds r WHERE r.id = ?`, unitID, roundID).Scan(&r).Error
	if err != nil {
		return nil, internal(err)
	}
	if r.ID == 0 {
		return nil, apperr.NotFoundf("所选观摩轮次不存在，可能已被删除")
	}
	return &r, nil
}
