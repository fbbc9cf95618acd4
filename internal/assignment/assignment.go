// Package assignment takes a round's rater assignment (评价关系表) out to a workbook and back:
// who scores in which group, with which weights, and which units each rater stands aside from
// (回避). The round service owns the raters; this package reads the workbook, resolves its
// names against the organisation and hands the round one plan to save.
package assignment

import (
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Service exports and imports rater assignments.
type Service struct {
	db     *gorm.DB
	rounds *round.Service
	Now    func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, rounds: round.NewService(s), Now: time.Now}
}

// FileName is the usual name of a round's assignment workbook.
func FileName(code string) string { return code + "评价关系表.xlsx" }

// Export writes round roundID's assignment workbook to path.
func (s *Service) Export(roundID uint, path string) error {
	b, err := s.Book(roundID)
	if err != nil {
		return err
	}
	return workbook.SaveFile(path, func(w io.Writer) error { return workbook.WriteAssignment(w, b, s.Now()) })
}

// Import reads the assignment workbook at path into round roundID (see Apply).
func (s *Service) Import(roundID uint, path string, dryRun bool) (*Result, error) {
	f, err := workbook.OpenFile(path, "")
	if err != nil {
		return nil, err
	}
	defer f.Close()
	if kind := workbook.ExportedKind(f); kind != "" && kind != workbook.KindAssignment {
		return nil, apperr.Invalidf("%s", workbook.WrongKindMessage(kind))
	}
	book, problems := workbook.ReadAssignment(f)
	name := filepath.Base(path)
	if len(problems) > 0 {
		return &Result{File: name, Lines: []Line{}, Groups: []round.GroupPlan{}, Problems: problems}, nil
	}
	return s.Apply(roundID, book, name, dryRun)
}

// Line is one rater of an imported assignment, as the preview shows it.
type Line struct {
	Group   string   `json:"group"`
	Name    string   `json:"name"`
	Unit    string   `json:"unit"`
	Recused []string `json:"recused"`
	// Change is "new", "changed", "unchanged" or "removed" (in the round, not in the file).
	Change string `json:"change"`
}

// Result is what an assignment import found, or did when Applied.
type Result struct {
	File      string             `json:"file"`
	Created   int                `json:"created"`
	Updated   int                `json:"updated"`
	Unchanged int                `json:"unchanged"`
	Removed   int                `json:"removed"`
	Groups    []round.GroupPlan  `json:"groups"`
	Lines     []Line             `json:"lines"`
	Problems  []workbook.Problem `json:"problems"`
	Applied   bool               `json:"applied"`
}

// Book is a round's rater assignment as the workbook writes it.
func (s *Service) Book(roundID uint) (workbook.AssignmentBook, error) {
	d, err := s.rounds.Get(roundID)
	if err != nil {
		return workbook.AssignmentBook{}, err
	}
	b := workbook.AssignmentBook{Code: d.Code, Title: d.Title}
	for _, g := range d.Groups {
		b.Groups = append(b.Groups, workbook.AssignmentGroup{Name: g.Name, WeightBP: g.WeightBP})
		for _, r := range g.Raters {
			b.Raters = append(b.Raters, workbook.AssignmentRater{Group: g.Name, Name: r.Name, Unit: r.UnitName, Title: r.Title,
				Recused: r.RecusedNames, RecusedSet: true})
		}
	}
	for _, u := range d.Units {
		b.Units = append(b.Units, workbook.AssignmentUnit{Name: u.Name, Area: u.AreaName})
	}
	return b, nil
}

// Apply takes a rater assignment into a planned or scoring round: its groups and weights
// (when the book has them), its raters and their 回避. Everything is checked first; a book
// with any problem changes nothing, and dryRun only reports.
func (s *Service) Apply(roundID uint, book workbook.AssignmentBook, file string, dryRun bool) (*Result, error) {
	res := &Result{File: file, Lines: []Line{}, Problems: []workbook.Problem{}, Groups: []round.GroupPlan{}}
	err := store.InTx(s.db, func(t store.Tx) error {
		d, err := round.WithTx(t).Get(roundID)
		if err != nil {
			return err
		}
		if d.Status == round.Closed {
			return apperr.Conflictf("轮次 %s 已结束，评价关系不能再修改", d.Code)
		}
		plan, err := assignmentPlan(t, d, book, res)
		if err != nil {
			return err
		}
		if len(res.Problems) > 0 || dryRun {
			return nil
		}
		if _, err := round.WithTx(t).Save(plan); err != nil {
			if apperr.CodeOf(err) == apperr.Internal {
				return err
			}
			res.Problems = append(res.Problems, workbook.Problem{Sheet: workbook.AssignmentSheet, Message: apperr.MessageOf(err)})
			return errRollback
		}
		res.Applied = true
		return nil
	})
	if errors.Is(err, errRollback) {
		err = nil
	}
	return res, err
}

// errRollback undoes a transaction whose outcome is reported as problems.
var errRollback = errors.New("rollback")

type personRow = org.PersonView

// assignmentPlan resolves the book against the round and the organisation, collecting
// problems by cell, and returns the plan it asks for.
func assignmentPlan(t store.Tx, d *round.Detail, book workbook.AssignmentBook, res *Result) (round.Plan, error) {
	problem := func(sheet, cell, format string, args ...any) {
		res.Problems = append(res.Problems, workbook.Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
	}
	plan := round.Plan{Round: d.Round}
	for _, u := range d.Units {
		plan.UnitIDs = append(plan.UnitIDs, u.ID)
	}
	// Groups: the file's when it has them, keeping the ids of groups of the same name.
	existing := map[string]uint{}
	for _, g := range d.Groups {
		existing[g.Name] = g.ID
	}
	if len(book.Groups) > 0 {
		total := 0
		for _, g := range book.Groups {
			if g.WeightBP <= 0 || g.WeightBP > 10000 {
				problem(workbook.AssignmentGroupSheet, g.WeightCell, "%s的权重须大于 0、不超过 100%%", g.Name)
			}
			total += g.WeightBP
			plan.Groups = append(plan.Groups, round.GroupPlan{ID: existing[g.Name], Name: g.Name, WeightBP: g.WeightBP, PersonIDs: []uint{}})
		}
		if total != 10000 {
			problem(workbook.AssignmentGroupSheet, book.Groups[len(book.Groups)-1].WeightCell, "各评价主体的权重合计须为 100%%，现在是 %s%%", round.FormatWeight(total))
		}
	} else {
		for _, g := range d.Groups {
			plan.Groups = append(plan.Groups, round.GroupPlan{ID: g.ID, Name: g.Name, WeightBP: g.WeightBP, PersonIDs: []uint{}})
		}
	}
	groupPos := map[string]int{}
	for i, g := range plan.Groups {
		groupPos[g.Name] = i
	}
	people, err := org.WithTx(t).ListPeople(org.PersonFilter{})
	if err != nil {
		return plan, err
	}
	units, err := org.WithTx(t).ListUnits(org.UnitFilter{})
	if err != nil {
		return plan, err
	}
	unitByName := map[string]uint{}
	for _, u := range units {
		unitByName[u.Name] = u.ID
		if _, taken := unitByName[u.ShortName]; !taken && u.ShortName != "" {
			unitByName[u.ShortName] = u.ID
		}
	}
	current := map[uint]round.RaterRef{}
	currentGroup := map[uint]string{}
	for _, g := range d.Groups {
		for _, r := range g.Raters {
			current[r.PersonID] = r
			currentGroup[r.PersonID] = g.Name
		}
	}
	sheet := workbook.AssignmentSheet
	inFile := map[uint]bool{}
	for _, x := range book.Raters {
		gi, ok := groupPos[x.Group]
		if !ok {
			names := make([]string, 0, len(plan.Groups))
			for _, g := range plan.Groups {
				names = append(names, g.Name)
			}
			problem(sheet, x.GroupCell, "没有名为“%s”的评价主体（本轮有：%s）", x.Group, strings.Join(names, "、"))
			continue
		}
		p, ok := findPerson(people, current, x, func(cell, format string, args ...any) { problem(sheet, cell, format, args...) })
		if !ok {
			continue
		}
		if inFile[p.ID] {
			problem(sheet, x.NameCell, "%s重复出现：一位评分人在一轮中只属于一个评价主体", x.Name)
			continue
		}
		inFile[p.ID] = true
		rec := []uint{}
		recNames := []string{}
		switch {
		case x.RecusedSet:
			bad := false
			for _, n := range x.Recused {
				id, ok := unitByName[n]
				if !ok {
					problem(sheet, x.RecusedCell, "回避单位“%s”不在组织架构中", n)
					bad = true
					continue
				}
				rec = append(rec, id)
				recNames = append(recNames, n)
			}
			if bad {
				continue
			}
		case current[p.ID].ID != 0:
			rec, recNames = current[p.ID].Recused, current[p.ID].RecusedNames
		case p.UnitID != nil:
			rec, recNames = []uint{*p.UnitID}, []string{p.UnitName}
		}
		plan.Groups[gi].PersonIDs = append(plan.Groups[gi].PersonIDs, p.ID)
		plan.Recused = append(plan.Recused, round.RecusalPlan{PersonID: p.ID, UnitIDs: rec})
		line := Line{Group: x.Group, Name: p.Name, Unit: p.UnitName, Recused: recNames, Change: "new"}
		if old, ok := current[p.ID]; ok {
			line.Unit = old.UnitName
			line.Change = "unchanged"
			if currentGroup[p.ID] != x.Group || !sameSet(old.Recused, rec) {
				line.Change = "changed"
			}
		}
		res.Lines = append(res.Lines, line)
	}
	for pid, r := range current {
		if inFile[pid] {
			continue
		}
		n, err := score.WithTx(t).CountOfRater(r.ID)
		if err != nil {
			return plan, err
		}
		if n > 0 {
			problem(sheet, "", "%s已有 %d 条评分，不能从本轮移除；请把这位评分人留在表中", r.Name, n)
		}
		res.Lines = append(res.Lines, Line{Group: currentGroup[pid], Name: r.Name, Unit: r.UnitName, Recused: r.RecusedNames, Change: "removed"})
	}
	for _, l := range res.Lines {
		switch l.Change {
		case "new":
			res.Created++
		case "changed":
			res.Updated++
		case "unchanged":
			res.Unchanged++
		case "removed":
			res.Removed++
		}
	}
	res.Groups = plan.Groups
	return plan, nil
}

// findPerson finds the person a row names: by name, and by unit when names repeat. A rater
// already in the round matches the unit the round keeps for them.
func findPerson(people []personRow, current map[uint]round.RaterRef, x workbook.AssignmentRater, problem func(cell, format string, args ...any)) (personRow, bool) {
	var same []personRow
	for _, p := range people {
		if p.Name == x.Name {
			same = append(same, p)
		}
	}
	unitOf := func(p personRow) string {
		if r, ok := current[p.ID]; ok && r.ID != 0 {
			return r.UnitName
		}
		return p.UnitName
	}
	switch {
	case len(same) == 0:
		problem(x.NameCell, "组织架构中没有“%s”，请先在“组织架构”中添加此人", x.Name)
		return personRow{}, false
	case x.Unit != "":
		var match []personRow
		for _, p := range same {
			if unitOf(p) == x.Unit || p.UnitName == x.Unit {
				match = append(match, p)
			}
		}
		if len(match) == 1 {
			return match[0], true
		}
		if len(match) == 0 {
			problem(x.UnitCell, "组织架构中的%s在“%s”，不在“%s”", x.Name, unitOf(same[0]), x.Unit)
			return personRow{}, false
		}
		problem(x.NameCell, "%s有 %d 位同名人员且单位相同，无法区分", x.Name, len(match))
		return personRow{}, false
	case len(same) > 1:
		problem(x.UnitCell, "有 %d 位名叫%s的人员，请在“所在单位”中写明是哪个单位的", len(same), x.Name)
		return personRow{}, false
	}
	return same[0], true
}

func sameSet(a, b []uint) bool {
	x, y := slices.Clone(a), slices.Clone(b)
	slices.Sort(x)
	slices.Sort(y)
	return slices.Equal(x, y)
}
