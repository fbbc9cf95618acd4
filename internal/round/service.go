package round

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/finding"
	"liankanping/internal/scheme"
	"liankanping/internal/store"
)

// Service plans rounds and moves them through their statuses.
type Service struct {
	db  *gorm.DB
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB, Now: time.Now} }

// WithTx returns a service whose calls run inside tx.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB(), Now: time.Now} }

// Plan is everything a round is made of, as the planning form edits it.
type Plan struct {
	Round   Round       `json:"round"`
	UnitIDs []uint      `json:"unitIds"`
	Groups  []GroupPlan `json:"groups"`
	// Recused sets the units raters are barred from (回避). A person missing from it keeps
	// what their rater row has; a new rater is barred from their own unit.
	Recused []RecusalPlan `json:"recused,omitempty"`
}

// RecusalPlan is the units one person, as a rater of the round, may not score.
type RecusalPlan struct {
	PersonID uint   `json:"personId"`
	UnitIDs  []uint `json:"unitIds"`
}

// GroupPlan is a rater group with its raters, as people.
type GroupPlan struct {
	ID        uint   `json:"id"`
	Name      string `json:"name"`
	WeightBP  int    `json:"weightBp"`
	PersonIDs []uint `json:"personIds"`
}

// Summary is a round as the list shows it.
type Summary struct {
	Round
	SchemeName    string `json:"schemeName"`
	SchemeVersion int    `json:"schemeVersion"`
	UnitCount     int    `json:"unitCount"`
	RaterCount    int    `json:"raterCount"`
	ScoreCount    int    `json:"scoreCount"`
}

// UnitRef is an observed unit with its area.
type UnitRef struct {
	ID         uint   `json:"id"`
	Name       string `json:"name"`
	ShortName  string `json:"shortName"`
	AreaName   string `json:"areaName"`
	AreaNumber int    `json:"areaNumber"`
}

// RaterRef is a rater with the person's name, the unit they belonged to when assigned, and the
// units they are barred from scoring (回避), as the round keeps them.
type RaterRef struct {
	ID           uint     `json:"id"`
	GroupID      uint     `json:"groupId"`
	PersonID     uint     `json:"personId"`
	Name         string   `json:"name"`
	Title        string   `json:"title"`
	UnitID       *uint    `json:"unitId"`
	UnitName     string   `json:"unitName"`
	Recused      []uint   `json:"recused" gorm:"-"`
	RecusedNames []string `json:"recusedNames" gorm:"-"`
}

// GroupDetail is a group with its raters.
type GroupDetail struct {
	Group
	Raters []RaterRef `json:"raters"`
}

// Detail is a whole round.
type Detail struct {
	Round
	SchemeName    string        `json:"schemeName"`
	SchemeVersion int           `json:"schemeVersion"`
	SchemeStatus  string        `json:"schemeStatus"`
	Units         []UnitRef     `json:"units"`
	Groups        []GroupDetail `json:"groups"`
	Events        []Event       `json:"events"`
	ScoreCount    int           `json:"scoreCount"`
}

// Barred tells whether rater may not score unit (回避): the round's recusals decide, not the
// person's current unit.
func (r RaterRef) Barred(unitID uint) bool {
	for _, u := range r.Recused {
		if u == unitID {
			return true
		}
	}
	return false
}

// List returns every round, newest first.
func (s *Service) List() ([]Summary, error) {
	var out []Summary
	err := s.db.Raw(`
SELECT r.*,
  (SELECT COUNT(*) FROM round_units x WHERE x.round_id = r.id) AS unit_count,
  (SELECT COUNT(*) FROM raters x WHERE x.round_id = r.id) AS rater_count,
  (SELECT COUNT(*) FROM scores x WHERE x.round_id = r.id) AS score_count
FROM rounds r ORDER BY r.date DESC, r.code DESC`).Scan(&out).Error
	if err != nil {
		return out, internalErr(err)
	}
	ids := make([]uint, 0, len(out))
	for _, r := range out {
		ids = append(ids, r.SchemeID)
	}
	var schemes map[uint]scheme.Scheme
	err = store.InTx(s.db, func(t store.Tx) (err error) {
		schemes, err = scheme.WithTx(t).Versions(ids)
		return err
	})
	for i, r := range out {
		out[i].SchemeName, out[i].SchemeVersion = schemes[r.SchemeID].Name, schemes[r.SchemeID].Version
	}
	return out, err
}

// IDByCode finds a round by its code.
func (s *Service) IDByCode(code string) (uint, error) {
	var r Round
	err := s.db.Where("code = ?", strings.TrimSpace(code)).First(&r).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		return 0, apperr.NotFoundf("没有编号为 %s 的观摩轮次", code)
	}
	return r.ID, internalErr(err)
}

// Get returns a whole round.
func (s *Service) Get(id uint) (*Detail, error) {
	var d Detail
	if err := s.db.First(&d.Round, id).Error; err != nil {
		return nil, notFound(err)
	}
	var sc scheme.Scheme
	err := store.InTx(s.db, func(t store.Tx) (err error) {
		sc, _, err = scheme.WithTx(t).Version(d.SchemeID)
		return err
	})
	if err != nil {
		return nil, err
	}
	d.SchemeName, d.SchemeVersion, d.SchemeStatus = sc.Name, sc.Version, string(sc.Status)
	err = s.db.Raw(`
SELECT u.id, COALESCE(ru.name_frozen, u.name) AS name, COALESCE(ru.short_name_frozen, u.short_name) AS short_name,
  COALESCE(ru.area_name_frozen, a.name, '') AS area_name, COALESCE(ru.area_number_frozen, a.number, 0) AS area_number
FROM round_units ru JOIN units u ON u.id = ru.unit_id LEFT JOIN areas a ON a.id = u.area_id
WHERE ru.round_id = ? ORDER BY ru.sort_order, u.sort_order, u.id`, id).Scan(&d.Units).Error
	if err != nil {
		return nil, internalErr(err)
	}
	var groups []Group
	if err := s.db.Where("round_id = ?", id).Order("sort_order, id").Find(&groups).Error; err != nil {
		return nil, internalErr(err)
	}
	var raters []RaterRef
	err = s.db.Raw(`
SELECT r.id, r.group_id, r.person_id, COALESCE(r.name_frozen, p.name) AS name, COALESCE(r.title_frozen, p.title) AS title,
  r.unit_id, COALESCE(r.unit_name_frozen, u.name, '') AS unit_name
FROM raters r JOIN people p ON p.id = r.person_id LEFT JOIN units u ON u.id = r.unit_id
WHERE r.round_id = ? ORDER BY r.sort_order, r.id`, id).Scan(&raters).Error
	if err != nil {
		return nil, internalErr(err)
	}
	var recusals []struct {
		RaterID uint
		UnitID  uint
		Name    string
	}
	err = s.db.Raw(`
SELECT x.rater_id, x.unit_id, COALESCE(ru.name_frozen, u.name) AS name
FROM rater_recusals x JOIN raters r ON r.id = x.rater_id JOIN units u ON u.id = x.unit_id
LEFT JOIN round_units ru ON ru.round_id = r.round_id AND ru.unit_id = x.unit_id
WHERE r.round_id = ? ORDER BY u.sort_order, u.id`, id).Scan(&recusals).Error
	if err != nil {
		return nil, internalErr(err)
	}
	for i := range raters {
		raters[i].Recused, raters[i].RecusedNames = []uint{}, []string{}
		for _, x := range recusals {
			if x.RaterID == raters[i].ID {
				raters[i].Recused = append(raters[i].Recused, x.UnitID)
				raters[i].RecusedNames = append(raters[i].RecusedNames, x.Name)
			}
		}
	}
	for _, g := range groups {
		gd := GroupDetail{Group: g, Raters: []RaterRef{}}
		for _, r := range raters {
			if r.GroupID == g.ID {
				gd.Raters = append(gd.Raters, r)
			}
		}
		d.Groups = append(d.Groups, gd)
	}
	if err := s.db.Where("round_id = ?", id).Order("at, id").Find(&d.Events).Error; err != nil {
		return nil, internalErr(err)
	}
	var n int64
	if err := s.db.Table("scores").Where("round_id = ?", id).Count(&n).Error; err != nil {
		return nil, internalErr(err)
	}
	d.ScoreCount = int(n)
	return &d, nil
}

// Observing lists the rounds past planning that observe a unit, oldest first (by date, then code).
func (s *Service) Observing(unitID uint) ([]uint, error) {
	var ids []uint
	err := s.db.Raw(`SELECT r.id FROM rounds r JOIN round_units ru ON ru.round_id = r.id
WHERE ru.unit_id = ? AND r.status <> 'planned' ORDER BY r.date, r.code`, unitID).Scan(&ids).Error
	return ids, internalErr(err)
}

// Save creates a round (Round.ID 0) or changes one. Units, groups and raters can change while a
// round is planned; while scoring, a unit or rater that already has scores cannot be removed;
// a closed round cannot change at all.
func (s *Service) Save(p Plan) (uint, error) {
	r := p.Round
	if err := r.normalize(); err != nil {
		return 0, err
	}
	if err := validatePlan(&p); err != nil {
		return 0, err
	}
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		if r.ID != 0 {
			var old Round
			if err := tx.First(&old, r.ID).Error; err != nil {
				return notFound(err)
			}
			if old.Status == Closed {
				return apperr.Conflictf("轮次 %s 已结束，不能修改；如需修改，请先重新开启", old.Code)
			}
			if old.Status != Planned && old.SchemeID != r.SchemeID {
				return apperr.Conflictf("评分开始后不能更换考核方案")
			}
			r.Status, r.CreatedAt = old.Status, old.CreatedAt
		} else {
			r.Status = Planned
		}
		var n int64
		if err := tx.Table("rounds").Where("code = ? AND id <> ?", r.Code, r.ID).Count(&n).Error; err != nil {
			return internalErr(err)
		}
		if n > 0 {
			return apperr.Conflictf("已有编号为 %s 的观摩轮次", r.Code)
		}
		sc, _, err := scheme.WithTx(t).Version(r.SchemeID)
		if err != nil {
			return err
		}
		switch status := string(sc.Status); status {
		case "":
			return apperr.Invalidf("所选考核方案不存在")
		case "published":
		default:
			return apperr.Invalidf("只能选用已发布的考核方案；请先在“考核方案”中发布它")
		}
		now := s.Now()
		r.UpdatedAt = now
		if r.ID == 0 {
			r.CreatedAt = now
			if err := tx.Create(&r).Error; err != nil {
				return internalErr(err)
			}
		} else if err := tx.Model(&r).Select("*").Omit("id", "created_at").Updates(&r).Error; err != nil {
			return internalErr(err)
		}
		if err := saveUnits(tx, r.ID, p.UnitIDs); err != nil {
			return err
		}
		recused := map[uint][]uint{}
		for _, x := range p.Recused {
			recused[x.PersonID] = x.UnitIDs
		}
		return saveGroups(tx, r.ID, p.Groups, recused)
	})
	return r.ID, err
}

func validatePlan(p *Plan) error {
	seenUnit := map[uint]bool{}
	for _, id := range p.UnitIDs {
		if seenUnit[id] {
			return apperr.Invalidf("观摩单位重复")
		}
		seenUnit[id] = true
	}
	seenName := map[string]bool{}
	seenPerson := map[uint]string{}
	total := 0
	for i := range p.Groups {
		g := &p.Groups[i]
		g.Name = strings.TrimSpace(g.Name)
		if g.Name == "" {
			return apperr.Invalidf("评价主体名称不能为空")
		}
		if seenName[g.Name] {
			return apperr.Invalidf("评价主体“%s”重复", g.Name)
		}
		seenName[g.Name] = true
		if g.WeightBP <= 0 || g.WeightBP > 10000 {
			return apperr.Invalidf("评价主体“%s”的权重须在 0～100%% 之间", g.Name)
		}
		total += g.WeightBP
		for _, pid := range g.PersonIDs {
			if other, ok := seenPerson[pid]; ok {
				return apperr.Invalidf("同一评分人不能同时属于“%s”和“%s”两个评价主体", other, g.Name)
			}
			seenPerson[pid] = g.Name
		}
	}
	if len(p.Groups) > 0 && total != 10000 {
		return apperr.Invalidf("各评价主体的权重合计须为 100%%，现在是 %s%%", FormatWeight(total))
	}
	return nil
}

// FormatWeight writes basis points as a percentage for people: 4000 → 40, 3333 → 33.33.
func FormatWeight(bp int) string {
	if bp%100 == 0 {
		return fmt.Sprint(bp / 100)
	}
	return strings.TrimRight(strings.TrimRight(fmt.Sprintf("%d.%02d", bp/100, bp%100), "0"), ".")
}

func saveUnits(tx *gorm.DB, roundID uint, unitIDs []uint) error {
	var old []RoundUnit
	if err := tx.Where("round_id = ?", roundID).Find(&old).Error; err != nil {
		return internalErr(err)
	}
	keep := map[uint]bool{}
	for _, id := range unitIDs {
		keep[id] = true
	}
	for _, o := range old {
		if keep[o.UnitID] {
			continue
		}
		var n int64
		if err := tx.Table("scores").Where("round_id = ? AND unit_id = ?", roundID, o.UnitID).Count(&n).Error; err != nil {
			return internalErr(err)
		}
		if n > 0 {
			var name string
			if err := tx.Raw("SELECT name FROM units WHERE id = ?", o.UnitID).Scan(&name).Error; err != nil {
				return internalErr(err)
			}
			return apperr.Conflictf("“%s”已有 %d 条评分，不能从本轮移除", name, n)
		}
	}
	if err := tx.Where("round_id = ?", roundID).Delete(&RoundUnit{}).Error; err != nil {
		return internalErr(err)
	}
	for i, id := range unitIDs {
		var n int64
		if err := tx.Table("units").Where("id = ?", id).Count(&n).Error; err != nil {
			return internalErr(err)
		}
		if n == 0 {
			return apperr.Invalidf("所选观摩单位不存在，可能已被删除")
		}
		if err := tx.Create(&RoundUnit{RoundID: roundID, UnitID: id, SortOrder: i + 1}).Error; err != nil {
			return internalErr(err)
		}
	}
	return nil
}

// saveGroups keeps the ids of groups and raters that stay, since scores refer to raters.
func saveGroups(tx *gorm.DB, roundID uint, plans []GroupPlan, recused map[uint][]uint) error {
	var oldGroups []Group
	if err := tx.Where("round_id = ?", roundID).Find(&oldGroups).Error; err != nil {
		return internalErr(err)
	}
	var oldRaters []Rater
	if err := tx.Where("round_id = ?", roundID).Find(&oldRaters).Error; err != nil {
		return internalErr(err)
	}
	wanted := map[uint]bool{}
	for _, g := range plans {
		for _, pid := range g.PersonIDs {
			wanted[pid] = true
		}
	}
	for _, r := range oldRaters {
		if wanted[r.PersonID] {
			continue
		}
		var n int64
		if err := tx.Table("scores").Where("rater_id = ?", r.ID).Count(&n).Error; err != nil {
			return internalErr(err)
		}
		if n > 0 {
			var name string
			if err := tx.Raw("SELECT name FROM people WHERE id = ?", r.PersonID).Scan(&name).Error; err != nil {
				return internalErr(err)
			}
			return apperr.Conflictf("评分人%s已有 %d 条评分，不能从本轮移除", name, n)
		}
		if err := tx.Delete(&Rater{}, r.ID).Error; err != nil {
			return internalErr(err)
		}
	}
	// Names are unique within a round: park the old names first so that groups can swap names.
	if err := tx.Model(&Group{}).Where("round_id = ?", roundID).Update("name", gorm.Expr("'~' || id")).Error; err != nil {
		return internalErr(err)
	}
	keptGroup := map[uint]bool{}
	raterByPerson := map[uint]Rater{}
	for _, r := range oldRaters {
		raterByPerson[r.PersonID] = r
	}
	for gi, gp := range plans {
		g := Group{ID: gp.ID, RoundID: roundID, Name: gp.Name, WeightBP: gp.WeightBP, SortOrder: gi + 1}
		if g.ID != 0 && !containsGroup(oldGroups, g.ID) {
			g.ID = 0
		}
		if err := tx.Save(&g).Error; err != nil {
			return internalErr(err)
		}
		keptGroup[g.ID] = true
		for ri, pid := range gp.PersonIDs {
			var person struct {
				ID     uint
				UnitID *uint
			}
			if err := tx.Raw("SELECT id, unit_id FROM people WHERE id = ?", pid).Scan(&person).Error; err != nil {
				return internalErr(err)
			}
			if person.ID == 0 {
				return apperr.Invalidf("所选评分人不存在，可能已被删除")
			}
			r, ok := raterByPerson[pid]
			if !ok {
				// The round keeps the unit the person belongs to now: 回避 is decided by it.
				r = Rater{RoundID: roundID, PersonID: pid, UnitID: person.UnitID}
			}
			r.GroupID, r.SortOrder = g.ID, ri+1
			if err := tx.Save(&r).Error; err != nil {
				return internalErr(err)
			}
			units, set := recused[pid]
			if !set && !ok && r.UnitID != nil {
				units, set = []uint{*r.UnitID}, true
			}
			if set {
				if err := setRecusals(tx, r.ID, units); err != nil {
					return err
				}
			}
		}
	}
	for _, g := range oldGroups {
		if !keptGroup[g.ID] {
			if err := tx.Delete(&Group{}, g.ID).Error; err != nil {
				return internalErr(err)
			}
		}
	}
	return nil
}

// setRecusals replaces the units a rater is barred from.
func setRecusals(tx *gorm.DB, raterID uint, units []uint) error {
	if err := tx.Where("rater_id = ?", raterID).Delete(&Recusal{}).Error; err != nil {
		return internalErr(err)
	}
	seen := map[uint]bool{}
	for _, u := range units {
		if seen[u] {
			continue
		}
		seen[u] = true
		var n int64
		if err := tx.Table("units").Where("id = ?", u).Count(&n).Error; err != nil {
			return internalErr(err)
		}
		if n == 0 {
			return apperr.Invalidf("回避单位不存在，可能已被删除")
		}
		if err := tx.Create(&Recusal{RaterID: raterID, UnitID: u}).Error; err != nil {
			return internalErr(err)
		}
	}
	return nil
}

func containsGroup(gs []Group, id uint) bool {
	for _, g := range gs {
		if g.ID == id {
			return true
		}
	}
	return false
}

// SetStatus moves a round: planned → scoring (when it is complete enough to score),
// scoring → closed, closed → scoring (a reopening, which needs a reason and is recorded), and
// scoring → planned while nothing is scored yet.
func (s *Service) SetStatus(id uint, to Status, note, operator string) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		d, err := WithTx(t).Get(id)
		if err != nil {
			return err
		}
		from := d.Status
		action := ""
		switch {
		case from == Planned && to == Scoring:
			if err := readyToScore(d); err != nil {
				return err
			}
			action = "开始评分"
		case from == Scoring && to == Closed:
			action = "结束"
		case from == Closed && to == Scoring:
			if strings.TrimSpace(note) == "" {
				return apperr.Invalidf("重新开启已结束的轮次须说明原因")
			}
			action = "重新开启"
		case from == Scoring && to == Planned:
			if d.ScoreCount > 0 {
				return apperr.Conflictf("本轮已有 %d 条评分，不能退回计划状态", d.ScoreCount)
			}
			action = "退回计划"
		default:
			return apperr.Invalidf("轮次不能从“%s”变为“%s”", from.Label(), to.Label())
		}
		if err := tx.Model(&Round{}).Where("id = ?", id).Updates(map[string]any{"status": to, "updated_at": s.Now()}).Error; err != nil {
			return internalErr(err)
		}
		if err := freeze(tx, id, to == Closed); err != nil {
			return err
		}
		return internalErr(tx.Create(&Event{RoundID: id, Action: action, Note: strings.TrimSpace(note), Operator: operator, At: s.Now()}).Error)
	})
}

func readyToScore(d *Detail) error {
	switch {
	case d.SchemeStatus != "published":
		return apperr.Invalidf("考核方案尚未发布，不能开始评分")
	case len(d.Units) == 0:
		return apperr.Invalidf("还没有选择观摩单位")
	case len(d.Groups) == 0:
		return apperr.Invalidf("还没有设置评价主体")
	}
	total := 0
	for _, g := range d.Groups {
		total += g.WeightBP
		if len(g.Raters) == 0 {
			return apperr.Invalidf("评价主体“%s”还没有评分人", g.Name)
		}
	}
	if total != 10000 {
		return apperr.Invalidf("各评价主体的权重合计须为 100%%")
	}
	return nil
}

// Delete removes a round that has no scores.
func (s *Service) Delete(id uint) error {
	return store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var r Round
		if err := tx.First(&r, id).Error; err != nil {
			return notFound(err)
		}
		var n int64
		if err := tx.Table("scores").Where("round_id = ?", id).Count(&n).Error; err != nil {
			return internalErr(err)
		}
		if n > 0 {
			return apperr.Conflictf("轮次 %s 已有 %d 条评分，不能删除", r.Code, n)
		}
		n, err := finding.WithTx(t).CountOfRound(id)
		if err != nil {
			return err
		}
		if n > 0 {
			return apperr.Conflictf("轮次 %s 还有 %d 条问题记录，不能删除", r.Code, n)
		}
		return internalErr(tx.Delete(&r).Error)
	})
}

// EnsureWritable refuses changes to the scores of a round that is not in status scoring.
func EnsureWritable(r *Round) error {
	switch r.Status {
	case Scoring:
		return nil
	case Closed:
		return apperr.Conflictf("轮次 %s 已结束，评分不能再修改", r.Code)
	default:
		return apperr.Conflictf("轮次 %s 还没有开始评分", r.Code)
	}
}

func notFound(err error) error { return store.NotFound(err, "观摩轮次", "观摩轮次") }

func internalErr(err error) error { return store.Failed("观摩轮次", err) }

// SchemeChoice is a published scheme a round can use.
type SchemeChoice struct {
	ID      uint   `json:"id"`
	Name    string `json:"name"`
	Version int    `json:"version"`
	Year    int    `json:"year"`
}

// PublishedSchemes lists the schemes a round may be planned with, newest first.
func (s *Service) PublishedSchemes() ([]SchemeChoice, error) {
	var list []scheme.Scheme
	err := store.InTx(s.db, func(t store.Tx) (err error) {
		list, err = scheme.WithTx(t).Published()
		return err
	})
	out := []SchemeChoice{}
	for _, sc := range list {
		out = append(out, SchemeChoice{ID: sc.ID, Name: sc.Name, Version: sc.Version, Year: sc.Year})
	}
	return out, err
}

// freeze fixes, when a round closes, the names and areas of its units and raters as they are
// now, so that renaming or moving them later leaves the closed round as it was; a reopened
// round (on == false) shows them live again until it closes anew.
func freeze(tx *gorm.DB, roundID uint, on bool) error {
	units, raters := `UPDATE round_units SET name_frozen = NULL, short_name_frozen = NULL, area_name_frozen = NULL,
  area_number_frozen = NULL WHERE round_id = ?`, `UPDATE raters SET name_frozen = NULL, title_frozen = NULL,
  unit_name_frozen = NULL WHERE round_id = ?`
	if on {
		units = `UPDATE round_units SET
  name_frozen = (SELECT u.name FROM units u WHERE u.id = round_units.unit_id),
  short_name_frozen = (SELECT u.short_name FROM units u WHERE u.id = round_units.unit_id),
  area_name_frozen = COALESCE((SELECT a.name FROM units u JOIN areas a ON a.id = u.area_id WHERE u.id = round_units.unit_id), ''),
  area_number_frozen = COALESCE((SELECT a.number FROM units u JOIN areas a ON a.id = u.area_id WHERE u.id = round_units.unit_id), 0)
WHERE round_id = ?`
		raters = `UPDATE raters SET
  name_frozen = (SELECT p.name FROM people p WHERE p.id = raters.person_id),
  title_frozen = (SELECT p.title FROM people p WHERE p.id = raters.person_id),
  unit_name_frozen = COALESCE((SELECT u.name FROM units u WHERE u.id = raters.unit_id), '')
WHERE round_id = ?`
	}
	if err := tx.Exec(units, roundID).Error; err != nil {
		return internalErr(err)
	}
	return internalErr(tx.Exec(raters, roundID).Error)
}
