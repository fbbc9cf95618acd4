package assignment_test

import (
	"path/filepath"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/assignment"
	"liankanping/internal/demo"
	"liankanping/internal/round"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

func mustDemo(t *testing.T) (*store.Store, *round.Service) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	return s, round.NewService(s)
}

// export writes a round's workbook and opens it for editing.
func export(t *testing.T, s *store.Store, id uint) (*excelize.File, string) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "评价关系表.xlsx")
	if err := assignment.NewService(s).Export(id, path); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { f.Close() })
	return f, path
}

func set(t *testing.T, f *excelize.File, sheet, cell string, v any) {
	t.Helper()
	if err := f.SetCellValue(sheet, cell, v); err != nil {
		t.Fatal(err)
	}
}

func TestRoundTrip(t *testing.T) {
	s, rs := mustDemo(t)
	id, _ := rs.IDByCode("2024Q4")
	before, _ := rs.Get(id)
	_, path := export(t, s, id)
	res, err := assignment.NewService(s).Import(id, path, false)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Problems) != 0 || res.Created+res.Updated+res.Removed != 0 || res.Unchanged != 13 {
		t.Fatalf("re-importing the exported workbook: %+v", res)
	}
	after, _ := rs.Get(id)
	for gi, g := range before.Groups {
		for ri, r := range g.Raters {
			a := after.Groups[gi].Raters[ri]
			if a.ID != r.ID || a.PersonID != r.PersonID || len(a.Recused) != len(r.Recused) {
				t.Errorf("rater %s changed: %+v → %+v", r.Name, r, a)
			}
		}
	}
}

func TestImport(t *testing.T) {
	s, rs := mustDemo(t)
	id, _ := rs.IDByCode("2024Q4")
	d, _ := rs.Get(id)
	svc := assignment.NewService(s)

	t.Run("OK", func(t *testing.T) {
		f, path := export(t, s, id)
		// Row 4 is the first rater (a 区委常委): move them to 区直机关工委 and bar them from 区财政局;
		// the weights become 50/25/25.
		set(t, f, workbook.AssignmentSheet, "B4", "区直机关工委")
		set(t, f, workbook.AssignmentSheet, "F4", "区财政局")
		set(t, f, workbook.AssignmentGroupSheet, "C4", "50%")
		set(t, f, workbook.AssignmentGroupSheet, "C5", 25)
		set(t, f, workbook.AssignmentGroupSheet, "C6", "２５")
		if err := f.Save(); err != nil {
			t.Fatal(err)
		}
		dry, err := svc.Import(id, path, true)
		if err != nil || len(dry.Problems) != 0 || dry.Updated != 1 || dry.Unchanged != 12 || dry.Applied {
			t.Fatalf("dry run = %+v, %v", dry, err)
		}
		if again, _ := rs.Get(id); again.Groups[0].WeightBP != 4000 || len(again.Groups[0].Raters) != len(d.Groups[0].Raters) {
			t.Fatal("a dry run changed the round")
		}
		res, err := svc.Import(id, path, false)
		if err != nil || !res.Applied {
			t.Fatalf("import = %+v, %v", res, err)
		}
		after, _ := rs.Get(id)
		moved := d.Groups[0].Raters[0]
		var found round.RaterRef
		for _, r := range after.Groups[2].Raters {
			if r.PersonID == moved.PersonID {
				found = r
			}
		}
		if after.Groups[0].WeightBP != 5000 || after.Groups[2].WeightBP != 2500 || found.ID != moved.ID ||
			len(found.RecusedNames) != 1 || found.RecusedNames[0] != "区财政局" {
			t.Errorf("after import: groups %+v, moved rater %+v", after.Groups, found)
		}
	})

	cases := []struct {
		name  string
		edit  func(f *excelize.File)
		sheet string
		cell  string
	}{
		{"ErrUnknownGroup", func(f *excelize.File) { set(t, f, workbook.AssignmentSheet, "B5", "群众代表") }, workbook.AssignmentSheet, "B5"},
		{"ErrUnknownPerson", func(f *excelize.File) { set(t, f, workbook.AssignmentSheet, "C5", "查无此人") }, workbook.AssignmentSheet, "C5"},
		{"ErrWrongUnit", func(f *excelize.File) { set(t, f, workbook.AssignmentSheet, "D5", "区财政局") }, workbook.AssignmentSheet, "D5"},
		{"ErrUnknownRecusal", func(f *excelize.File) { set(t, f, workbook.AssignmentSheet, "F6", "区财政局、火星办") }, workbook.AssignmentSheet, "F6"},
		{"ErrWeights", func(f *excelize.File) { set(t, f, workbook.AssignmentGroupSheet, "C4", 90) }, workbook.AssignmentGroupSheet, "C6"},
		{"ErrWeightText", func(f *excelize.File) { set(t, f, workbook.AssignmentGroupSheet, "C5", "三成") }, workbook.AssignmentGroupSheet, "C5"},
		{"ErrDuplicate", func(f *excelize.File) {
			v, _ := f.GetCellValue(workbook.AssignmentSheet, "C4")
			u, _ := f.GetCellValue(workbook.AssignmentSheet, "D4")
			set(t, f, workbook.AssignmentSheet, "C5", v)
			set(t, f, workbook.AssignmentSheet, "D5", u)
		}, workbook.AssignmentSheet, "C5"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f, path := export(t, s, id)
			c.edit(f)
			if err := f.Save(); err != nil {
				t.Fatal(err)
			}
			before, _ := rs.Get(id)
			res, err := svc.Import(id, path, false)
			if err != nil {
				t.Fatal(err)
			}
			if res.Applied || len(res.Problems) == 0 || res.Problems[0].Sheet != c.sheet || res.Problems[0].Cell != c.cell || res.Problems[0].Message == "" {
				t.Fatalf("problems = %+v, want one at %s!%s", res.Problems, c.sheet, c.cell)
			}
			after, _ := rs.Get(id)
			if after.Groups[0].WeightBP != before.Groups[0].WeightBP || len(after.Groups[0].Raters) != len(before.Groups[0].Raters) {
				t.Error("a refused file changed the round")
			}
		})
	}

	t.Run("ErrClosedRound", func(t *testing.T) {
		closed, _ := rs.IDByCode("2024Q3")
		_, path := export(t, s, closed)
		if _, err := svc.Import(closed, path, true); apperr.CodeOf(err) != apperr.Conflict {
			t.Errorf("err = %v, want a conflict for a closed round", err)
		}
	})
}
