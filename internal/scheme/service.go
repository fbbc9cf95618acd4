package scheme

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
)

// Service reads and changes schemes. Every change runs in one transaction.
type Service struct {
	db *gorm.DB
	// Now is the clock, replaceable in tests.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{db: s.DB, Now: time.Now} }

// WithTx returns a service whose calls run inside tx, for the demo and importers.
func WithTx(tx store.Tx) *Service { return &Service{db: tx.DB(), Now: time.Now} }

// frozenMessage refuses any change to a published scheme.
const frozenMessage = "已发布的方案不能修改，请“由此新建版本”"

// Summary is a scheme version as the list shows it.
type Summary struct {
	Scheme
	Total          Subtotal `json:"total"`
	DimensionCount int      `json:"dimensionCount"`
	IndicatorCount int      `json:"indicatorCount"`
	ProblemCount   int      `json:"problemCount"`
	WarningCount   int      `json:"warningCount"`
}

// Detail is one scheme version with its indicators in reading order, its totals and issues.
type Detail struct {
	Scheme     Scheme      `json:"scheme"`
	Indicators []Indicator `json:"indicators"`
	Total      Subtotal    `json:"total"`
	Issues     []Issue     `json:"issues"`
}

// Nodes returns the detail's indicators as a tree again.
func (d Detail) Nodes() []*Node { return BuildTree(d.Indicators) }

// List returns every scheme version: by name, newest version first.
func (s *Service) List() ([]Summary, error) {
	var schemes []Scheme
	if err := s.db.Order("name, version DESC").Find(&schemes).Error; err != nil {
		return nil, internal(err)
	}
	trees, err := loadTrees(s.db, nil)
	if err != nil {
		return nil, err
	}
	out := make([]Summary, 0, len(schemes))
	for _, sc := range schemes {
		roots := trees[sc.ID]
		issues := Check(sc, roots)
		sum := Summary{Scheme: sc, Total: Sum(roots), DimensionCount: len(roots)}
		Walk(roots, func(n, _ *Node) {
			if n.Scorable() && len(n.Children) == 0 {
				sum.IndicatorCount++
			}
		})
		sum.ProblemCount = Problems(issues)
		sum.WarningCount = len(issues) - sum.ProblemCount
		out = append(out, sum)
	}
	return out, nil
}

// Get returns a scheme version with its tree.
func (s *Service) Get(id uint) (Detail, error) {
	sc, roots, err := load(s.db, id)
	if err != nil {
		return Detail{}, err
	}
	return detail(sc, roots), nil
}

func detail(sc Scheme, roots []*Node) Detail {
	issues := Check(sc, roots)
	return Detail{Scheme: sc, Indicators: Flatten(roots), Total: Sum(roots), Issues: issues}
}

// Find returns the scheme called name at version, or its newest version when version is 0.
func (s *Service) Find(name string, version int) (Detail, error) {
	q := s.db.Where("name = ?", clean(name))
	if version > 0 {
		q = q.Where("version = ?", version)
	}
	var sc Scheme
	err := q.Order("version DESC").First(&sc).Error
	if errors.Is(err, gorm.ErrRecordNotFound) {
		if version > 0 {
			return Detail{}, apperr.NotFoundf("没有找到方案“%s”第 %d 版", name, version)
		}
		return Detail{}, apperr.NotFoundf("没有找到方案“%s”", name)
	}
	if err != nil {
		return Detail{}, internal(err)
	}
	return s.Get(sc.ID)
}

// Create starts a new, empty scheme as a draft, version 1. A name already in use is refused:
// a change to an existing scheme is a new version of it.
func (s *Service) Create(in Scheme) (Scheme, error) {
	if p := in.normalize(); len(p) > 0 {
		return in, apperr.Invalidf("%s", p[0])
	}
	now := s.Now()
	sc := Scheme{Name: in.Name, Year: in.Year, Version: 1, Status: Draft, BaseTotalCenti: in.BaseTotalCenti, CreatedAt: now, UpdatedAt: now}
	err := s.db.Transaction(func(tx *gorm.DB) error {
		if err := nameFree(tx, sc.Name, 0); err != nil {
			return err
		}
		return create(tx, &sc)
	})
	return sc, err
}

// Update changes a draft's name, year and base total.
func (s *Service) Update(in Scheme) (Scheme, error) {
	if p := in.normalize(); len(p) > 0 {
		return in, apperr.Invalidf("%s", p[0])
	}
	var out Scheme
	err := s.db.Transaction(func(tx *gorm.DB) error {
		sc, err := editable(tx, in.ID)
		if err != nil {
			return err
		}
		if sc.Name != in.Name {
			if err := nameFree(tx, in.Name, sc.ID); err != nil {
				return err
			}
		}
		sc.Name, sc.Year, sc.BaseTotalCenti, sc.UpdatedAt = in.Name, in.Year, in.BaseTotalCenti, s.Now()
		if err := tx.Model(&sc).Select("name", "year", "base_total_centi", "updated_at").Updates(&sc).Error; err != nil {
			return conflictOrInternal(err)
		}
		out = sc
		return nil
	})
	return out, err
}

// AddIndicator adds an indicator as the last child of parentID, or as the last dimension when
// parentID is nil. Adding a child to a scorable indicator turns that indicator into a group:
// its kind, maximum and options move down to the children people add.
func (s *Service) AddIndicator(schemeID uint, parentID *uint, in Indicator) (Indicator, error) {
	in.normalize()
	if p := in.problems(false); len(p) > 0 {
		return in, apperr.Invalidf("%s", p[0])
	}
	var out Indicator
	err := s.db.Transaction(func(tx *gorm.DB) error {
		sc, err := editable(tx, schemeID)
		if err != nil {
			return err
		}
		level := 1
		if parentID != nil {
			var parent Indicator
			if err := tx.Where("id = ? AND scheme_id = ?", *parentID, schemeID).First(&parent).Error; err != nil {
				return notFound(err, "上级指标")
			}
			level = parent.Level + 1
			if level > MaxLevel {
				return apperr.Invalidf("最多支持 %d 级指标，“%s”下不能再加下级", MaxLevel, parent.Name)
			}
			if parent.Kind != Group {
				if err := tx.Model(&Indicator{}).Where("id = ?", parent.ID).Updates(map[string]any{"kind": nil, "max_centi": 0}).Error; err != nil {
					return internal(err)
				}
				if err := tx.Where("indicator_id = ?", parent.ID).Delete(&Option{}).Error; err != nil {
					return internal(err)
				}
			}
		}
		if err := siblingNameFree(tx, schemeID, parentID, in.Name, 0); err != nil {
			return err
		}
		var last int
		q := tx.Model(&Indicator{}).Select("COALESCE(MAX(sort_order), 0)").Where("scheme_id = ?", schemeID)
		q = whereParent(q, parentID)
		if err := q.Scan(&last).Error; err != nil {
			return internal(err)
		}
		in.ID, in.SchemeID, in.ParentID, in.Level, in.SortOrder, in.Code = 0, schemeID, parentID, level, last+1, "~new"
		if err := insertIndicator(tx, &in); err != nil {
			return err
		}
		if err := renumber(tx, schemeID, nil); err != nil {
			return err
		}
		out, err = getIndicator(tx, in.ID)
		if err != nil {
			return err
		}
		return touch(tx, sc.ID, s.Now())
	})
	return out, err
}

// UpdateIndicator saves an indicator's texts, kind, maximum, step and options; its place in
// the tree is changed by MoveIndicator.
func (s *Service) UpdateIndicator(in Indicator) (Indicator, error) {
	in.normalize()
	var out Indicator
	err := s.db.Transaction(func(tx *gorm.DB) error {
		old, err := editableIndicator(tx, in.ID)
		if err != nil {
			return err
		}
		var children int64
		if err := tx.Model(&Indicator{}).Where("parent_id = ?", old.ID).Count(&children).Error; err != nil {
			return internal(err)
		}
		if p := in.problems(children > 0); len(p) > 0 {
			return apperr.Invalidf("%s", p[0])
		}
		if err := siblingNameFree(tx, old.SchemeID, old.ParentID, in.Name, old.ID); err != nil {
			return err
		}
		err = tx.Model(&Indicator{}).Where("id = ?", old.ID).Updates(map[string]any{
			"name": in.Name, "points": in.Points, "method": in.Method, "kind": in.Kind,
			"max_centi": in.MaxCenti, "step_centi": in.StepCenti}).Error
		if err != nil {
			return internal(err)
		}
		if err := tx.Where("indicator_id = ?", old.ID).Delete(&Option{}).Error; err != nil {
			return internal(err)
		}
		if err := insertOptions(tx, old.ID, in.Options); err != nil {
			return err
		}
		if out, err = getIndicator(tx, old.ID); err != nil {
			return err
		}
		return touch(tx, old.SchemeID, s.Now())
	})
	return out, err
}

// DeleteIndicator deletes an indicator with everything under it and renumbers the rest.
func (s *Service) DeleteIndicator(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		old, err := editableIndicator(tx, id)
		if err != nil {
			return err
		}
		if err := tx.Delete(&Indicator{}, id).Error; err != nil {
			return internal(err)
		}
		if err := renumber(tx, old.SchemeID, nil); err != nil {
			return err
		}
		return touch(tx, old.SchemeID, s.Now())
	})
}

// MoveIndicator puts an indicator, with everything under it, at position index (0-based)
// among the children of parentID (nil for the dimensions). An index past the end appends.
func (s *Service) MoveIndicator(id uint, parentID *uint, index int) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		old, err := editableIndicator(tx, id)
		if err != nil {
			return err
		}
		return move(tx, old, parentID, index, s.Now())
	})
}

// ShiftIndicator moves an indicator up (delta < 0) or down among its siblings; at either end
// it stays where it is.
func (s *Service) ShiftIndicator(id uint, delta int) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		old, err := editableIndicator(tx, id)
		if err != nil {
			return err
		}
		var ids []uint
		q := tx.Model(&Indicator{}).Where("scheme_id = ?", old.SchemeID)
		if err := whereParent(q, old.ParentID).Order("sort_order, id").Pluck("id", &ids).Error; err != nil {
			return internal(err)
		}
		pos := -1
		for i, x := range ids {
			if x == id {
				pos = i
			}
		}
		to := min(max(pos+delta, 0), len(ids)-1)
		if to == pos {
			return nil
		}
		return move(tx, old, old.ParentID, to, s.Now())
	})
}

func move(tx *gorm.DB, ind Indicator, parentID *uint, index int, now time.Time) error {
	_, roots, err := load(tx, ind.SchemeID)
	if err != nil {
		return err
	}
	var node, parent *Node
	Walk(roots, func(n, _ *Node) {
		if n.ID == ind.ID {
			node = n
		}
		if parentID != nil && n.ID == *parentID {
			parent = n
		}
	})
	if node == nil {
		return apperr.NotFoundf("指标不存在，可能已被删除")
	}
	if parentID != nil {
		if parent == nil {
			return apperr.NotFoundf("目标上级指标不存在，可能已被删除")
		}
		inside := false
		Walk([]*Node{node}, func(n, _ *Node) { inside = inside || n == parent })
		if inside {
			return apperr.Invalidf("不能把“%s”移到它自己的下级中", node.Name)
		}
		if parent.Kind != Group {
			return apperr.Invalidf("“%s”是可评分的指标，不能放入下级指标；请先把它改为分组", parent.Name)
		}
		if parent.Level+Height(node) > MaxLevel {
			return apperr.Invalidf("移动后会超过 %d 级指标", MaxLevel)
		}
	}
	if !samePtr(node.ParentID, parentID) {
		if err := siblingNameFree(tx, ind.SchemeID, parentID, node.Name, node.ID); err != nil {
			return err
		}
	}
	// Take the node out of its siblings and put it into the new ones.
	detach := func(list []*Node) []*Node {
		out := list[:0:0]
		for _, n := range list {
			if n != node {
				out = append(out, n)
			}
		}
		return out
	}
	oldParentID := node.ParentID
	var oldParent *Node
	Walk(roots, func(n, p *Node) {
		if n == node {
			oldParent = p
		}
	})
	if oldParent == nil {
		roots = detach(roots)
	} else {
		oldParent.Children = detach(oldParent.Children)
	}
	insertAt := func(list []*Node) []*Node {
		i := min(max(index, 0), len(list))
		list = append(list, nil)
		copy(list[i+1:], list[i:])
		list[i] = node
		return list
	}
	if parent == nil {
		roots = insertAt(roots)
	} else {
		parent.Children = insertAt(parent.Children)
	}
	node.ParentID = parentID
	if !samePtr(oldParentID, parentID) {
		if err := tx.Model(&Indicator{}).Where("id = ?", node.ID).Update("parent_id", parentID).Error; err != nil {
			return internal(err)
		}
	}
	if err := persistOrder(tx, ind.SchemeID, roots); err != nil {
		return err
	}
	return touch(tx, ind.SchemeID, now)
}

// Publish checks a draft and freezes it: from now on rounds can use it and nothing in it
// changes. A draft with problems is refused with the first of them.
func (s *Service) Publish(id uint) (Scheme, error) {
	var out Scheme
	err := s.db.Transaction(func(tx *gorm.DB) error {
		sc, roots, err := load(tx, id)
		if err != nil {
			return err
		}
		if sc.Status == Published {
			return apperr.Conflictf("方案“%s”第 %d 版已经发布", sc.Name, sc.Version)
		}
		var msgs []string
		for _, is := range Check(sc, roots) {
			if !is.Warning {
				msg := is.Message
				if is.Code != "" {
					msg = is.Code + " " + msg
				}
				msgs = append(msgs, msg)
			}
		}
		if len(msgs) > 0 {
			more := ""
			if len(msgs) > 3 {
				more = fmt.Sprintf("等 %d 处", len(msgs))
				msgs = msgs[:3]
			}
			return apperr.Invalidf("方案还有问题，不能发布：%s%s", strings.Join(msgs, "；"), more)
		}
		now := s.Now()
		sc.Status, sc.PublishedAt, sc.UpdatedAt = Published, &now, now
		if err := tx.Model(&sc).Select("status", "published_at", "updated_at").Updates(&sc).Error; err != nil {
			return internal(err)
		}
		out = sc
		return nil
	})
	return out, err
}

// NewVersion copies a scheme version into a new draft with the same name and the next version
// number; the copy's indicators are new rows, so the original stays as rounds and scores
// know it.
func (s *Service) NewVersion(from uint) (Scheme, error) {
	var out Scheme
	err := s.db.Transaction(func(tx *gorm.DB) error {
		sc, roots, err := load(tx, from)
		if err != nil {
			return err
		}
		out, err = createVersion(tx, sc, roots, &sc.ID, s.Now())
		return err
	})
	return out, err
}

func createVersion(tx *gorm.DB, base Scheme, roots []*Node, parentID *uint, now time.Time) (Scheme, error) {
	var last int
	if err := tx.Model(&Scheme{}).Select("COALESCE(MAX(version), 0)").Where("name = ?", base.Name).Scan(&last).Error; err != nil {
		return base, internal(err)
	}
	sc := Scheme{Name: base.Name, Year: base.Year, Version: last + 1, Status: Draft, BaseTotalCenti: base.BaseTotalCenti,
		ParentID: parentID, CreatedAt: now, UpdatedAt: now}
	if err := create(tx, &sc); err != nil {
		return sc, err
	}
	return sc, insertTree(tx, sc.ID, roots)
}

// Delete deletes a draft with its indicators. A published version is kept: rounds use it.
func (s *Service) Delete(id uint) error {
	return s.db.Transaction(func(tx *gorm.DB) error {
		sc, err := getScheme(tx, id)
		if err != nil {
			return err
		}
		if sc.Status == Published {
			return apperr.Conflictf("已发布的方案不能删除（观摩轮次和评分会用到它）")
		}
		err = tx.Delete(&Scheme{}, id).Error
		if store.IsForeignKeyViolation(err) {
			return apperr.Conflictf("方案“%s”第 %d 版已被观摩轮次使用，不能删除", sc.Name, sc.Version)
		}
		return internal(err)
	})
}

// Diff compares version a (the older, usually) with version b.
func (s *Service) Diff(a, b uint) (Diff, error) {
	sa, ra, err := load(s.db, a)
	if err != nil {
		return Diff{}, err
	}
	sb, rb, err := load(s.db, b)
	if err != nil {
		return Diff{}, err
	}
	d := Diff{A: sa, B: sb, TotalA: Sum(ra), TotalB: Sum(rb)}
	d.Changes, d.Counts = Compare(ra, rb)
	return d, nil
}

// load reads a scheme and its tree.
func load(tx *gorm.DB, id uint) (Scheme, []*Node, error) {
	sc, err := getScheme(tx, id)
	if err != nil {
		return sc, nil, err
	}
	trees, err := loadTrees(tx, &id)
	if err != nil {
		return sc, nil, err
	}
	roots := trees[id]
	Number(roots)
	Sum(roots)
	return sc, roots, nil
}

// loadTrees reads the trees of one scheme, or of all when id is nil, with their options.
func loadTrees(tx *gorm.DB, id *uint) (map[uint][]*Node, error) {
	var inds []Indicator
	q := tx.Model(&Indicator{})
	if id != nil {
		q = q.Where("scheme_id = ?", *id)
	}
	if err := q.Order("scheme_id, sort_order, id").Find(&inds).Error; err != nil {
		return nil, internal(err)
	}
	var opts []Option
	oq := tx.Table("indicator_options o").Select("o.*").Joins("JOIN indicators i ON i.id = o.indicator_id")
	if id != nil {
		oq = oq.Where("i.scheme_id = ?", *id)
	}
	if err := oq.Order("o.indicator_id, o.sort_order, o.id").Scan(&opts).Error; err != nil {
		return nil, internal(err)
	}
	byInd := map[uint][]Option{}
	for _, o := range opts {
		byInd[o.IndicatorID] = append(byInd[o.IndicatorID], o)
	}
	bySchemes := map[uint][]Indicator{}
	for _, ind := range inds {
		ind.Options = byInd[ind.ID]
		if ind.Options == nil {
			ind.Options = []Option{}
		}
		bySchemes[ind.SchemeID] = append(bySchemes[ind.SchemeID], ind)
	}
	out := map[uint][]*Node{}
	for sid, list := range bySchemes {
		out[sid] = BuildTree(list)
	}
	return out, nil
}

// Version returns a scheme version without its tree; ok is false when there is none.
func (s *Service) Version(id uint) (sc Scheme, ok bool, err error) {
	res := s.db.Limit(1).Find(&sc, id)
	return sc, res.RowsAffected > 0, internal(res.Error)
}

// Versions returns the scheme versions ids name, by id; an id with no version is left out.
func (s *Service) Versions(ids []uint) (map[uint]Scheme, error) {
	var list []Scheme
	if err := s.db.Where("id IN ?", ids).Find(&list).Error; err != nil {
		return nil, internal(err)
	}
	out := make(map[uint]Scheme, len(list))
	for _, sc := range list {
		out[sc.ID] = sc
	}
	return out, nil
}

// Published lists the published scheme versions, newest year first, then by name and newest
// version first.
func (s *Service) Published() ([]Scheme, error) {
	var out []Scheme
	err := s.db.Where("status = ?", Published).Order("year DESC, name, version DESC").Find(&out).Error
	return out, internal(err)
}

// NewestPublished is the newest published version of the scheme that id is a version of, 0
// when none is published.
func (s *Service) NewestPublished(id uint) (uint, error) {
	var newest uint
	err := s.db.Raw(`SELECT n.id FROM schemes o JOIN schemes n ON n.name = o.name AND n.status = 'published'
WHERE o.id = ? ORDER BY n.version DESC LIMIT 1`, id).Scan(&newest).Error
	return newest, internal(err)
}

func getScheme(tx *gorm.DB, id uint) (Scheme, error) {
	var sc Scheme
	if err := tx.First(&sc, id).Error; err != nil {
		return sc, notFound(err, "方案")
	}
	return sc, nil
}

func getIndicator(tx *gorm.DB, id uint) (Indicator, error) {
	var ind Indicator
	if err := tx.First(&ind, id).Error; err != nil {
		return ind, notFound(err, "指标")
	}
	ind.Options = []Option{}
	if err := tx.Where("indicator_id = ?", id).Order("sort_order, id").Find(&ind.Options).Error; err != nil {
		return ind, internal(err)
	}
	return ind, nil
}

// editableIndicator returns an indicator of a scheme that may change.
func editableIndicator(tx *gorm.DB, id uint) (Indicator, error) {
	ind, err := getIndicator(tx, id)
	if err != nil {
		return ind, err
	}
	_, err = editable(tx, ind.SchemeID)
	return ind, err
}

// editable returns a scheme that may change: a draft.
func editable(tx *gorm.DB, id uint) (Scheme, error) {
	sc, err := getScheme(tx, id)
	if err != nil {
		return sc, err
	}
	if sc.Status == Published {
		return sc, apperr.Conflictf(frozenMessage)
	}
	return sc, nil
}

func nameFree(tx *gorm.DB, name string, except uint) error {
	var n int64
	if err := tx.Model(&Scheme{}).Where("name = ? AND id <> ?", name, except).Count(&n).Error; err != nil {
		return internal(err)
	}
	if n > 0 {
		return apperr.Conflictf("已有名为“%s”的方案；要修改它，请在该方案上“由此新建版本”", name)
	}
	return nil
}

func siblingNameFree(tx *gorm.DB, schemeID uint, parentID *uint, name string, except uint) error {
	var n int64
	q := tx.Model(&Indicator{}).Where("scheme_id = ? AND name = ? AND id <> ?", schemeID, name, except)
	if err := whereParent(q, parentID).Count(&n).Error; err != nil {
		return internal(err)
	}
	if n > 0 {
		return apperr.Conflictf("同一级下已有“%s”，请换一个名称", name)
	}
	return nil
}

func whereParent(q *gorm.DB, parentID *uint) *gorm.DB {
	if parentID == nil {
		return q.Where("parent_id IS NULL")
	}
	return q.Where("parent_id = ?", *parentID)
}

func samePtr(a, b *uint) bool {
	if a == nil || b == nil {
		return a == nil && b == nil
	}
	return *a == *b
}

func create(tx *gorm.DB, sc *Scheme) error {
	return conflictOrInternal(tx.Create(sc).Error)
}

func insertIndicator(tx *gorm.DB, ind *Indicator) error {
	opts := ind.Options
	if err := tx.Omit("Options", "Subtotal").Create(ind).Error; err != nil {
		return conflictOrInternal(err)
	}
	return insertOptions(tx, ind.ID, opts)
}

func insertOptions(tx *gorm.DB, indicatorID uint, opts []Option) error {
	for i, o := range opts {
		row := Option{IndicatorID: indicatorID, SortOrder: i + 1, Label: o.Label, PointsCenti: o.PointsCenti}
		if err := tx.Create(&row).Error; err != nil {
			return internal(err)
		}
	}
	return nil
}

// insertTree stores a whole tree (new rows) under a scheme, numbered.
func insertTree(tx *gorm.DB, schemeID uint, roots []*Node) error {
	Number(roots)
	var err error
	Walk(roots, func(n, parent *Node) {
		if err != nil {
			return
		}
		ind := n.Indicator
		ind.ID, ind.SchemeID, ind.ParentID = 0, schemeID, nil
		if parent != nil {
			pid := parent.ID
			ind.ParentID = &pid
		}
		if err = insertIndicator(tx, &ind); err == nil {
			n.ID = ind.ID
		}
	})
	return err
}

// renumber gives a scheme's indicators their codes, levels and sort orders from the stored
// tree (or from roots when given, with parents already stored).
func renumber(tx *gorm.DB, schemeID uint, roots []*Node) error {
	if roots == nil {
		var err error
		if _, roots, err = load(tx, schemeID); err != nil {
			return err
		}
	}
	return persistOrder(tx, schemeID, roots)
}

// persistOrder writes the codes, levels and sort orders the tree's shape gives. Codes are
// unique in a scheme, so changed rows first get a temporary code, then their new one.
func persistOrder(tx *gorm.DB, schemeID uint, roots []*Node) error {
	var stored []Indicator
	if err := tx.Select("id", "code", "level", "sort_order").Where("scheme_id = ?", schemeID).Find(&stored).Error; err != nil {
		return internal(err)
	}
	old := map[uint]Indicator{}
	for _, s := range stored {
		old[s.ID] = s
	}
	Number(roots)
	var changed []*Node
	Walk(roots, func(n, _ *Node) {
		o := old[n.ID]
		if o.Code != n.Code || o.Level != n.Level || o.SortOrder != n.SortOrder {
			changed = append(changed, n)
		}
	})
	for _, n := range changed {
		if err := tx.Model(&Indicator{}).Where("id = ?", n.ID).Update("code", fmt.Sprintf("~%d", n.ID)).Error; err != nil {
			return internal(err)
		}
	}
	for _, n := range changed {
		err := tx.Model(&Indicator{}).Where("id = ?", n.ID).
			Updates(map[string]any{"code": n.Code, "level": n.Level, "sort_order": n.SortOrder}).Error
		if err != nil {
			return internal(err)
		}
	}
	return nil
}

func touch(tx *gorm.DB, schemeID uint, now time.Time) error {
	return internal(tx.Model(&Scheme{}).Where("id = ?", schemeID).Update("updated_at", now).Error)
}

func notFound(err error, what string) error { return store.NotFound(err, what, "考核方案") }

func conflictOrInternal(err error) error {
	if store.IsUniqueViolation(err) {
		return apperr.Conflictf("名称或版本与已有方案重复")
	}
	return internal(err)
}

func internal(err error) error { return store.Failed("考核方案", err) }
