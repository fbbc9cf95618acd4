package exchange_test

import (
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/exchange"
)

// What raters do to their workbooks besides typing scores: rows above the title and columns
// inserted are taken in; any change to a locked cell of an indicator's row is refused at that
// cell; a WPS picture in a cell is noted, never read as text.
func TestImport_RaterEdits(t *testing.T) {
	t.Run("RowAboveTitleAndColumnInserted", func(t *testing.T) {
		f := mustFixture(t)
		src := f.export(t, f.round, "")["李四"]
		path := edit(t, src, "inserted.xlsx", func(x *excelize.File) {
			if err := x.InsertRows("教体局", 1, 2); err != nil {
				t.Fatal(err)
			}
			set(x, "教体局", "A1", "我自己加的一行")
			set(x, "教体局", "G6", 8) // 1.1, two rows down
			if err := x.InsertCols("财政局", "A", 1); err != nil {
				t.Fatal(err)
			}
			set(x, "财政局", "H4", 9) // 1.1, one column right
		})
		rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{path}}))
		if rep.Status != exchange.StatusApplied || rep.New != 2 || len(rep.Problems) > 0 {
			t.Fatalf("import = %s %+v", counts(rep), rep.Problems)
		}
		if got := f.value(t, 1, 0, 2); got != 800 {
			t.Errorf("教体局 1.1 = %d, want 800", got)
		}
		if got := f.value(t, 1, 1, 2); got != 900 {
			t.Errorf("财政局 1.1 = %d, want 900", got)
		}
	})
	t.Run("ErrLockedTextChanged", func(t *testing.T) {
		f := mustFixture(t)
		src := f.export(t, f.round, "")["李四"]
		for _, cell := range []string{"B4", "C4", "D4", "F4", "B7", "C7", "F7"} {
			// The score moved out of 得分 into a locked column: never a blank score.
			path := edit(t, src, "locked-"+cell+".xlsx", func(x *excelize.File) {
				set(x, "教体局", cell, 8)
				set(x, "财政局", "G4", 6)
			})
			before := f.snapshot(t)
			r := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{path}}))
			if r.Status != exchange.StatusRefused || !hasProblemAt(r, "教体局", cell, "已锁定") {
				t.Errorf("8 in 教体局!%s: %s %+v", cell, counts(r), r.Problems)
			}
			if f.snapshot(t) != before {
				t.Errorf("a refused file changed the database")
			}
		}
		// Text rewrapped by an office suite is no change.
		path := edit(t, src, "rewrapped.xlsx", func(x *excelize.File) {
			v, _ := x.GetCellValue("教体局", "D4")
			set(x, "教体局", "D4", strings.Replace(v, "。", "。\n ", 1))
			set(x, "教体局", "G4", 7)
		})
		if r := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{path}})); r.Status != exchange.StatusApplied || r.New != 1 {
			t.Errorf("rewrapped 评分要点: %s %+v", counts(r), r.Problems)
		}
	})
	t.Run("WPSPictureInCell", func(t *testing.T) {
		f := mustFixture(t)
		src := f.export(t, f.round, "")["李四"]
		path := edit(t, src, "pictures.xlsx", func(x *excelize.File) {
			set(x, "教体局", "G4", 8)
			set(x, "教体局", "H4", `=DISPIMG("ID_4F1A2B3C",1)`) // WPS caches the formula's text
			set(x, "教体局", "G5", "好")
			if err := x.SetCellFormula("教体局", "H5", `_xlfn.DISPIMG("ID_5D6E7F",1)`); err != nil {
				t.Fatal(err)
			}
			x.Pkg.Store("xl/cellimages.xml", []byte(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?><etc:cellImages xmlns:etc="http://www.wps.cn/officeDocument/2017/etCustomData"/>`))
		})
		rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{path}}))
		if rep.Status != exchange.StatusApplied || rep.New != 2 {
			t.Fatalf("import = %s %+v", counts(rep), rep.Problems)
		}
		for _, cell := range []string{"H4", "H5"} {
			noted := false
			for _, n := range rep.Notes {
				noted = noted || n.Cell == cell && strings.Contains(n.Message, "图片")
			}
			if !noted {
				t.Errorf("no note of the picture in %s: %+v", cell, rep.Notes)
			}
		}
		var comments string
		f.s.DB.Raw("SELECT group_concat(comment, '|') FROM scores WHERE rater_id = ?", f.raters[1]).Row().Scan(&comments)
		if strings.Contains(strings.ToUpper(comments), "DISPIMG") {
			t.Errorf("a picture was stored as the comment %q", comments)
		}
		// A picture where the score belongs is refused, not read as text.
		path = edit(t, src, "picture-score.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", `=DISPIMG("ID_1",1)`) })
		if r := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{path}})); r.Status != exchange.StatusRefused || !hasProblemAt(r, "财政局", "G4", "图片") {
			t.Errorf("picture in 得分: %s %+v", counts(r), r.Problems)
		}
	})
}

// A workbook exported before the print layout wrote 评分方式 kind first ("得分项" above the
// office's words); a rater may return one after the office upgraded, and it must import. Any
// other text in that locked cell is still refused.
func TestImport_EarlierMethodLabel(t *testing.T) {
	f := mustFixture(t)
	if err := f.s.DB.Exec("UPDATE indicators SET method = '查阅资料' WHERE id = 2").Error; err != nil {
		t.Fatal(err)
	}
	src := f.export(t, f.round, "")["李四"]
	earlier := edit(t, src, "earlier.xlsx", func(x *excelize.File) {
		set(x, "教体局", "F4", "得分项\n查阅资料")
		set(x, "教体局", "G4", 8)
	})
	rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{earlier}}))
	if rep.Status != exchange.StatusApplied || len(rep.Problems) > 0 {
		t.Fatalf("earlier label: %s %+v", counts(rep), rep.Problems)
	}
	other := edit(t, src, "other.xlsx", func(x *excelize.File) {
		set(x, "教体局", "F4", "得分项\n听取汇报")
		set(x, "教体局", "G4", 7)
	})
	rep = one(t, f.apply(t, exchange.ImportRequest{Paths: []string{other}}))
	if rep.Status != exchange.StatusRefused || len(rep.Problems) == 0 || rep.Problems[0].Cell != "F4" || !strings.Contains(rep.Problems[0].Message, "已锁定") {
		t.Fatalf("changed label: %s %+v", counts(rep), rep.Problems)
	}
}
