package frontline

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// Service keeps the front-line ledgers.
type Service struct {
	db     *gorm.DB
	rounds *round.Service
	scores *score.Service
	// Now is the clock: no date may lie after its today, and it decides which branches still
	// work.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, rounds: round.NewService(s), scores: score.NewService(s), Now: time.Now}
}

// WithTx returns a service whose calls run inside tx, for importers and the demo.
func WithTx(tx store.Tx) *Service {
	return &Service{db: tx.DB(), rounds: round.WithTx(tx), scores: score.WithTx(tx), Now: time.Now}
}

func (s *Service) today() string { return s.Now().Format(dateLayout) }

// BranchView is a branch as the ledger lists it: with the names of its host and parent, and
// what it has done.
type BranchView struct {
	Branch
	// Host is the host unit's name, or the host text.
	Host        string `json:"host"`
	ParentName  string `json:"parentName"`
	Active      bool   `json:"active"`
	Teams       int    `json:"teams"`
	Matters     int    `json:"matters"`
	MattersDone int    `json:"mattersDone"`
}

// MatterView is a practical matter with the names of its branch and unit.
type MatterView struct {
	Matter
	BranchName    string `json:"branchName"`
	BranchKind    string `json:"branchKind"`
	UnitName      string `json:"unitName"`
	UnitShortName string `json:"unitShortName"`
}

// Application is a brand's bonus counted in a round: the admin-verified adjustment it wrote.
type Application struct {
	RoundID     uint   `json:"roundId"`
	RoundCode   string `json:"roundCode"`
	RoundTitle  string `json:"roundTitle"`
	RoundStatus string `json:"roundStatus"`
	PointsCenti int64  `json:"pointsCenti"`
	VerifiedBy  string `json:"verifiedBy"`
	// At is when it was counted, as 2024-06-15 09:30.
	At string `json:"at"`
}

// BrandView is a brand or honour with its unit, its parent brand, its sub-brands' count and
// the rounds its bonus was counted in.
type BrandView struct {
	Brand
	UnitName      string        `json:"unitName"`
	UnitShortName string        `json:"unitShortName"`
	ParentName    string        `json:"parentName"`
	SubBrands     int           `json:"subBrands"`
	Applications  []Application `json:"applications" gorm:"-"`
}

// ListBranches returns every branch: 指挥部 and their 工作专班 first, then by founding date.
func (s *Service) ListBranches() ([]BranchView, error) {
	out := []BranchView{}
	err := s.db.Raw(`
SELECT b.*, COALESCE(u.name, b.host_text) AS host, COALESCE(p.name, '') AS parent_name,
  (SELECT COUNT(*) FROM temp_branches c WHERE c.parent_id = b.id) AS teams,
  (SELECT COUNT(*) FROM practical_matters m WHERE m.branch_id = b.id) AS matters,
  (SELECT COUNT(*) FROM practical_matters m WHERE m.branch_id = b.id AND m.status = '已办结') AS matters_done
FROM temp_branches b
LEFT JOIN units u ON u.id = b.host_unit_id
LEFT JOIN temp_branches p ON p.id = b.parent_id
ORDER BY CASE b.kind WHEN '指挥部' THEN 0 WHEN '工作专班' THEN 0 WHEN '项目' THEN 1 ELSE 2 END,
  COALESCE(p.founded, b.founded), COALESCE(b.parent_id, b.id), b.parent_id IS NOT NULL, b.founded, b.id`).Scan(&out).Error
	if err != nil {
		return nil, internal(err)
	}
	today := s.today()
	for i := range out {
		out[i].Active = out[i].Branch.Active(today)
	}
	return out, nil
}

// ListMatters returns every practical matter, newest first.
func (s *Service) ListMatters() ([]MatterView, error) {
	out := []MatterView{}
	err := s.db.Raw(`
SELECT m.*, COALESCE(b.name, '') AS branch_name, COALESCE(b.kind, '') AS branch_kind,
  COALESCE(u.name, '') AS unit_name, COALESCE(u.short_name, '') AS unit_short_name
FROM practical_matters m
LEFT JOIN temp_branches b ON b.id = m.branch_id
LEFT JOIN units u ON u.id = m.unit_id
ORDER BY m.received DESC, m.code DESC, m.id DESC`).Scan(&out).Error
	return out, internal(err)
}

// ListBrands returns every brand and honour by unit order, each brand followed by its
// sub-brands, with the rounds their bonus was counted in.
func (s *Service) ListBrands() ([]BrandView, error) {
	out := []BrandView{}
	err := s.db.Raw(`
SELECT b.*, u.name AS unit_name, u.short_name AS unit_short_name, COALESCE(p.name, '') AS parent_name,
  (SELECT COUNT(*) FROM brands c WHERE c.parent_id = b.id) AS sub_brands
FROM brands b
JOIN units u ON u.id = b.unit_id
LEFT JOIN areas a ON a.id = u.area_id
LEFT JOIN brands p ON p.id = b.parent_id
ORDER BY a.number IS NULL, a.number, u.sort_order, u.id,
  CASE WHEN b.kind = '荣誉' THEN 1 ELSE 0 END, COALESCE(b.parent_id, b.id), b.parent_id IS NOT NULL, b.year DESC, b.id`).Scan(&out).Error
	if err != nil {
		return nil, internal(err)
	}
	apps, err := s.applications(0)
	if err != nil {
		return nil, err
	}
	for i := range out {
		out[i].Applications = apps[out[i].ID]
		if out[i].Applications == nil {
			out[i].Applications = []Application{}
		}
	}
	return out, nil
}

// applications returns the rounds each brand (or one brand, when id is not 0) was counted in.
func (s *Service) applications(id uint) (map[uint][]Application, error) {
	bonuses, err := s.scores.BrandBonuses(id)
	if err != nil {
		return nil, err
	}
	out := map[uint][]Application{}
	if len(bonuses) == 0 {
		return out, nil
	}
	bonuses, rounds, err := s.inRoundOrder(bonuses)
	if err != nil {
		return nil, err
	}
	for _, b := range bonuses {
		r := rounds[b.RoundID]
		out[b.BrandID] = append(out[b.BrandID], Application{RoundID: b.RoundID, RoundCode: r.Code, RoundTitle: r.Title,
			RoundStatus: string(r.Status), PointsCenti: b.PointsCenti, VerifiedBy: b.VerifiedBy, At: b.CreatedAt.Local().Format("2006-01-02 15:04")})
	}
	return out, nil
}

// inRoundOrder sorts brand bonuses by their rounds, oldest first (by date, then code), and
// returns the rounds they are counted in; a bonus whose round is gone is left out.
func (s *Service) inRoundOrder(bonuses []score.BrandBonus) ([]score.BrandBonus, map[uint]round.Summary, error) {
	list, err := s.rounds.List()
	if err != nil {
		return nil, nil, err
	}
	rounds, pos := map[uint]round.Summary{}, map[uint]int{}
	for i, r := range list {
		rounds[r.ID], pos[r.ID] = r, len(list)-i // List is newest first
	}
	kept := bonuses[:0]
	for _, b := range bonuses {
		if _, ok := rounds[b.RoundID]; ok {
			kept = append(kept, b)
		}
	}
	slices.SortStableFunc(kept, func(a, b score.BrandBonus) int { return pos[a.RoundID] - pos[b.RoundID] })
	return kept, rounds, nil
}

// SaveBranch records a new branch (ID 0) or changes one. Its name is unique; its host unit and
// parent must exist, the parent being a 指挥部 founded no later than it; a change of dates
// must keep every matter it took on within its life.
func (s *Service) SaveBranch(b Branch) (Branch, error) {
	if err := b.normalize(s.today()); err != nil {
		return b, err
	}
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var old Branch
		if b.ID != 0 {
			if err := tx.First(&old, b.ID).Error; err != nil {
				return notFound(err, "临时党支部")
			}
			b.CreatedAt = old.CreatedAt
		}
		if err := unique(tx, "temp_branches", b.ID, "name = ?", []any{b.Name}, fmt.Sprintf("已有名为「%s」的临时党支部", b.Name)); err != nil {
			return err
		}
		if b.HostUnitID != nil {
			if err := exists(tx, "units", *b.HostUnitID, "host", "所选牵头单位不存在，可能已被删除"); err != nil {
				return err
			}
		}
		if b.ParentID != nil {
			var p Branch
			if err := tx.First(&p, *b.ParentID).Error; err != nil {
				return invalid("parent", "所属指挥部不存在，可能已被删除")
			}
			switch {
			case p.ID == b.ID:
				return invalid("parent", "临时党支部不能隶属于自己")
			case p.Kind != KindHQ:
				return invalid("parent", "「%s」不是指挥部的临时党支部，工作专班只能隶属于指挥部", p.Name)
			case b.Founded < p.Founded:
				return invalid("founded", "成立日期 %s 早于所属「%s」的成立日期 %s", DateLabel(b.Founded), p.Name, DateLabel(p.Founded))
			}
		}
		if b.ID != 0 {
			if err := s.checkBranchChange(tx, &old, &b); err != nil {
				return err
			}
		}
		return save(tx, &b, b.ID, s.Now())
	})
	return b, err
}

// checkBranchChange refuses a change that would leave the branch's teams or matters outside
// what it now is.
func (s *Service) checkBranchChange(tx *gorm.DB, old, b *Branch) error {
	var n int64
	if old.Kind == KindHQ && b.Kind != KindHQ {
		tx.Model(&Branch{}).Where("parent_id = ?", b.ID).Count(&n)
		if n > 0 {
			return invalid("kind", "「%s」下还有 %d 个工作专班的临时党支部，不能改为其他类型", old.Name, n)
		}
	}
	if err := tx.Model(&Branch{}).Where("parent_id = ? AND founded < ?", b.ID, b.Founded).Count(&n).Error; err != nil {
		return internal(err)
	}
	if n > 0 {
		return invalid("founded", "有 %d 个所属工作专班成立于 %s 之前，成立日期不能晚于它们", n, DateLabel(b.Founded))
	}
	if err := tx.Model(&Matter{}).Where("branch_id = ? AND received < ?", b.ID, b.Founded).Count(&n).Error; err != nil {
		return internal(err)
	}
	if n > 0 {
		return invalid("founded", "有 %d 件办实事受理于 %s 之前，成立日期不能晚于它们的受理日期", n, DateLabel(b.Founded))
	}
	if b.Dissolved != "" {
		if err := tx.Model(&Matter{}).Where("branch_id = ? AND received > ?", b.ID, b.Dissolved).Count(&n).Error; err != nil {
			return internal(err)
		}
		if n > 0 {
			return invalid("dissolved", "有 %d 件办实事受理于 %s 之后，撤销日期不能早于它们的受理日期", n, DateLabel(b.Dissolved))
		}
	}
	return nil
}

// DeleteBranch deletes a branch that took on no matter and has no teams under it.
func (s *Service) DeleteBranch(id uint) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var b Branch
		if err := tx.First(&b, id).Error; err != nil {
			return notFound(err, "临时党支部")
		}
		var n int64
		tx.Model(&Branch{}).Where("parent_id = ?", id).Count(&n)
		if n > 0 {
			return apperr.Conflictf("「%s」下还有 %d 个工作专班的临时党支部，请先删除它们或改为不隶属于它", b.Name, n)
		}
		tx.Model(&Matter{}).Where("branch_id = ?", id).Count(&n)
		if n > 0 {
			return apperr.Conflictf("「%s」已登记 %d 件办实事，不能删除；已撤销的支部请填写撤销日期", b.Name, n)
		}
		return internal(tx.Delete(&b).Error)
	})
}

// SaveMatter records a new practical matter (ID 0) or changes one. Its branch must have been
// working on the day it was received; a blank code is given the next number of its year.
func (s *Service) SaveMatter(m Matter) (Matter, error) {
	if err := m.normalize(s.today()); err != nil {
		return m, err
	}
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		if m.ID != 0 {
			var old Matter
			if err := tx.First(&old, m.ID).Error; err != nil {
				return notFound(err, "办实事记录")
			}
			m.CreatedAt = old.CreatedAt
			if m.Code == "" {
				m.Code = old.Code
			}
		}
		if m.BranchID != nil {
			var b Branch
			if err := tx.First(&b, *m.BranchID).Error; err != nil {
				return invalid("branch", "所选临时党支部不存在，可能已被删除")
			}
			if m.Received < b.Founded {
				return invalid("received", "受理日期 %s 早于「%s」的成立日期 %s", DateLabel(m.Received), b.Name, DateLabel(b.Founded))
			}
			if b.Dissolved != "" && m.Received > b.Dissolved {
				return invalid("received", "「%s」已于 %s 撤销，不能再受理事项", b.Name, DateLabel(b.Dissolved))
			}
		}
		if m.UnitID != nil {
			if err := exists(tx, "units", *m.UnitID, "unit", "所选单位不存在，可能已被删除"); err != nil {
				return err
			}
		}
		if m.Code == "" {
			code, err := nextCode(tx, m.Received[:4])
			if err != nil {
				return err
			}
			m.Code = code
		}
		if err := unique(tx, "practical_matters", m.ID, "code = ?", []any{m.Code}, fmt.Sprintf("编号 %s 已被其他办实事记录使用", m.Code)); err != nil {
			return &FieldError{Field: "code", Err: err}
		}
		return save(tx, &m, m.ID, s.Now())
	})
	return m, err
}

// nextCode is the next free number of a year: 2024-0001, 2024-0002, …
func nextCode(tx *gorm.DB, year string) (string, error) {
	var codes []string
	if err := tx.Raw("SELECT code FROM practical_matters WHERE code LIKE ?", year+"-%").Scan(&codes).Error; err != nil {
		return "", internal(err)
	}
	n := 0
	for _, c := range codes {
		if v, err := strconv.Atoi(strings.TrimPrefix(c, year+"-")); err == nil && v > n {
			n = v
		}
	}
	return fmt.Sprintf("%s-%04d", year, n+1), nil
}

// DeleteMatter deletes a practical matter.
func (s *Service) DeleteMatter(id uint) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var m Matter
		if err := tx.First(&m, id).Error; err != nil {
			return notFound(err, "办实事记录")
		}
		return internal(tx.Delete(&m).Error)
	})
}

// SaveBrand records a new brand or honour (ID 0) or changes one. A unit holds a name once a
// year; a sub-brand belongs to a 党建品牌 of the same unit; a brand counted in a round keeps
// its unit.
func (s *Service) SaveBrand(b Brand) (Brand, error) {
	if err := b.normalize(s.Now().Year()); err != nil {
		return b, err
	}
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		if b.ID != 0 {
			var old Brand
			if err := tx.First(&old, b.ID).Error; err != nil {
				return notFound(err, "品牌或荣誉")
			}
			b.CreatedAt = old.CreatedAt
			var n int64
			if old.UnitID != b.UnitID {
				bonuses, err := score.WithTx(t).BrandBonuses(b.ID)
				if err != nil {
					return err
				}
				if n = int64(len(bonuses)); n > 0 {
					return invalid("unit", "「%s」已计入 %d 个观摩轮次的加分，不能改为其他单位；请先撤销计入", old.Name, n)
				}
			}
			if old.Kind == BrandMain && b.Kind != BrandMain || old.UnitID != b.UnitID {
				tx.Model(&Brand{}).Where("parent_id = ?", b.ID).Count(&n)
				if n > 0 {
					return invalid("kind", "「%s」下还有 %d 个子品牌，不能改变它的类别或单位", old.Name, n)
				}
			}
		}
		if err := exists(tx, "units", b.UnitID, "unit", "所选单位不存在，可能已被删除"); err != nil {
			return err
		}
		if b.ParentID != nil {
			var p Brand
			if err := tx.First(&p, *b.ParentID).Error; err != nil {
				return invalid("parent", "所属党建品牌不存在，可能已被删除")
			}
			if p.Kind != BrandMain || p.UnitID != b.UnitID || p.ID == b.ID {
				return invalid("parent", "子品牌只能属于本单位的党建品牌，「%s」不是", p.Name)
			}
		}
		if err := unique(tx, "brands", b.ID, "unit_id = ? AND name = ? AND year = ?", []any{b.UnitID, b.Name, b.Year},
			fmt.Sprintf("该单位已登记 %d 年度的「%s」", b.Year, b.Name)); err != nil {
			return err
		}
		return save(tx, &b, b.ID, s.Now())
	})
	return b, err
}

// DeleteBrand deletes a brand or honour without sub-brands that no round counted.
func (s *Service) DeleteBrand(id uint) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var b Brand
		if err := tx.First(&b, id).Error; err != nil {
			return notFound(err, "品牌或荣誉")
		}
		var n int64
		tx.Model(&Brand{}).Where("parent_id = ?", id).Count(&n)
		if n > 0 {
			return apperr.Conflictf("「%s」下还有 %d 个子品牌，请先删除它们", b.Name, n)
		}
		bonuses, err := score.WithTx(t).BrandBonuses(id)
		if err != nil {
			return err
		}
		var codes []string
		if len(bonuses) > 0 {
			bonuses, rounds, err := WithTx(t).inRoundOrder(bonuses)
			if err != nil {
				return err
			}
			for _, a := range bonuses {
				codes = append(codes, rounds[a.RoundID].Code)
			}
		}
		if len(codes) > 0 {
			return apperr.Conflictf("「%s」已计入观摩轮次 %s 的加分，不能删除；如计入有误，请先在未结束的轮次中撤销", b.Name, strings.Join(codes, "、"))
		}
		return internal(tx.Delete(&b).Error)
	})
}

// Summary counts the ledgers for the home page.
type Summary struct {
	Branches       int `json:"branches"`
	ActiveBranches int `json:"activeBranches"`
	Inspection     int `json:"inspection"`
	Matters        int `json:"matters"`
	MattersDone    int `json:"mattersDone"`
	MattersOpen    int `json:"mattersOpen"`
	ForPublic      int `json:"forPublic"`
	ForCompanies   int `json:"forCompanies"`
	Brands         int `json:"brands"`
	Honours        int `json:"honours"`
}

// Summary returns the counts of the three ledgers.
func (s *Service) Summary() (Summary, error) {
	var out Summary
	today := s.today()
	err := s.db.Raw(`SELECT
  (SELECT COUNT(*) FROM temp_branches) AS branches,
  (SELECT COUNT(*) FROM temp_branches WHERE dissolved = '' OR dissolved > ?) AS active_branches,
  (SELECT COUNT(*) FROM temp_branches WHERE kind = '巡察组') AS inspection,
  (SELECT COUNT(*) FROM practical_matters) AS matters,
  (SELECT COUNT(*) FROM practical_matters WHERE status = '已办结') AS matters_done,
  (SELECT COUNT(*) FROM practical_matters WHERE status = '办理中') AS matters_open,
  (SELECT COUNT(*) FROM practical_matters WHERE source = '群众') AS for_public,
  (SELECT COUNT(*) FROM practical_matters WHERE source = '企业') AS for_companies,
  (SELECT COUNT(*) FROM brands WHERE kind <> '荣誉') AS brands,
  (SELECT COUNT(*) FROM brands WHERE kind = '荣誉') AS honours`, today).Scan(&out).Error
	return out, internal(err)
}

// Options are the choices the forms offer.
type Options struct {
	BranchKinds    []string `json:"branchKinds"`
	Sources        []string `json:"sources"`
	MatterStatuses []string `json:"matterStatuses"`
	BrandKinds     []string `json:"brandKinds"`
	Levels         []string `json:"levels"`
	MinMembers     int      `json:"minMembers"`
	MaxBonusCenti  int64    `json:"maxBonusCenti"`
	Today          string   `json:"today"`
}

// Options returns the choices of the forms and today's date.
func (s *Service) Options() Options {
	return Options{BranchKinds: BranchKinds, Sources: Sources, MatterStatuses: MatterStatuses, BrandKinds: BrandKinds,
		Levels: Levels, MinMembers: MinMembers, MaxBonusCenti: MaxBonusCenti, Today: s.today()}
}

func save(tx *gorm.DB, v any, id uint, now time.Time) error {
	var err error
	switch x := v.(type) {
	case *Branch:
		x.UpdatedAt = now
		if id == 0 {
			x.CreatedAt = now
		}
	case *Matter:
		x.UpdatedAt = now
		if id == 0 {
			x.CreatedAt = now
		}
	case *Brand:
		x.UpdatedAt = now
		if id == 0 {
			x.CreatedAt = now
		}
	}
	_, err = store.Save(tx, v, id)
	if store.IsUniqueViolation(err) {
		return apperr.Conflictf("与已有记录重复")
	}
	return internal(err)
}

func unique(tx *gorm.DB, table string, id uint, where string, args []any, msg string) error {
	taken, err := store.Taken(tx, table, id, where, args...)
	if err != nil {
		return internal(err)
	}
	if taken {
		return apperr.Conflictf("%s", msg)
	}
	return nil
}

func exists(tx *gorm.DB, table string, id uint, field, msg string) error {
	ok, err := store.Exists(tx, table, id)
	if err != nil {
		return internal(err)
	}
	if !ok {
		return invalid(field, "%s", msg)
	}
	return nil
}

func notFound(err error, what string) error { return store.NotFound(err, what, "一线支部台账") }

func internal(err error) error { return store.Failed("一线支部台账", err) }
