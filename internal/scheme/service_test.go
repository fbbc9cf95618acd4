package scheme_test

import (
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/scheme"
	"liankanping/internal/store"
)

func mustOpen(t *testing.T) *scheme.Service {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return scheme.NewService(s)
}

// must returns v, or fails the test given to what it returns: must(svc.Get(id))(t).
func must[T any](v T, err error) func(t *testing.T) T {
	return func(t *testing.T) T {
		t.Helper()
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
}

func ok(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func wantCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	if apperr.CodeOf(err) != code {
		t.Fatalf("error = %v (%s), want %s", err, apperr.CodeOf(err), code)
	}
}

func ptr(id uint) *uint { return &id }

func score(name string, max int64) scheme.Indicator {
	return scheme.Indicator{Name: name, Kind: scheme.Score, MaxCenti: max}
}

func grade(name string, labels []string, points ...int64) scheme.Indicator {
	ind := scheme.Indicator{Name: name, Kind: scheme.Grade}
	for i, l := range labels {
		ind.Options = append(ind.Options, scheme.Option{Label: l, PointsCenti: points[i]})
	}
	return ind
}

// fixture is a scheme of two dimensions: 党建 (A 10, B 20, C grade 10) and 业务 (D 60), total 100.
type fixture struct {
	svc        *scheme.Service
	sc         scheme.Scheme
	dim1, dim2 scheme.Indicator
	a, b, c, d scheme.Indicator
}

func newFixture(t *testing.T) *fixture {
	t.Helper()
	f := &fixture{svc: mustOpen(t)}
	f.sc = must(f.svc.Create(scheme.Scheme{Name: "2024年度评分细则"}))(t)
	f.dim1 = must(f.svc.AddIndicator(f.sc.ID, nil, scheme.Indicator{Name: "党建"}))(t)
	f.dim2 = must(f.svc.AddIndicator(f.sc.ID, nil, scheme.Indicator{Name: "业务"}))(t)
	f.a = must(f.svc.AddIndicator(f.sc.ID, &f.dim1.ID, score("A", 1000)))(t)
	f.b = must(f.svc.AddIndicator(f.sc.ID, &f.dim1.ID, score("B", 2000)))(t)
	f.c = must(f.svc.AddIndicator(f.sc.ID, &f.dim1.ID, grade("C", []string{"好", "较好", "一般", "差"}, 1000, 800, 600, 300)))(t)
	f.d = must(f.svc.AddIndicator(f.sc.ID, &f.dim2.ID, score("D", 6000)))(t)
	return f
}

// codes returns "code name" of every indicator in reading order.
func (f *fixture) codes(t *testing.T) string {
	t.Helper()
	d := must(f.svc.Get(f.sc.ID))(t)
	var parts []string
	for _, ind := range d.Indicators {
		parts = append(parts, ind.Code+" "+ind.Name)
	}
	return strings.Join(parts, ", ")
}

func TestCreate(t *testing.T) {
	svc := mustOpen(t)
	sc := must(svc.Create(scheme.Scheme{Name: "  2024年度“常委看党建”观摩评分细则 "}))(t)
	if sc.Name != "2024年度“常委看党建”观摩评分细则" || sc.Year != 2024 || sc.Version != 1 || sc.Status != scheme.Draft || sc.BaseTotalCenti != 10000 {
		t.Errorf("created %+v", sc)
	}
	t.Run("ErrNameRequired", func(t *testing.T) {
		_, err := svc.Create(scheme.Scheme{Name: " "})
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrNameTaken", func(t *testing.T) {
		_, err := svc.Create(scheme.Scheme{Name: sc.Name})
		wantCode(t, err, apperr.Conflict)
	})
	t.Run("ErrYear", func(t *testing.T) {
		_, err := svc.Create(scheme.Scheme{Name: "x", Year: 1990})
		wantCode(t, err, apperr.Invalid)
	})
}

func TestCodesRenumber(t *testing.T) {
	f := newFixture(t)
	if got, want := f.codes(t), "1 党建, 1.1 A, 1.2 B, 1.3 C, 2 业务, 2.1 D"; got != want {
		t.Fatalf("codes = %s, want %s", got, want)
	}
	steps := []struct {
		name string
		do   func() error
		want string
	}{
		{"ShiftDown", func() error { return f.svc.ShiftIndicator(f.a.ID, 1) },
			"1 党建, 1.1 B, 1.2 A, 1.3 C, 2 业务, 2.1 D"},
		{"ShiftPastEndStays", func() error { return f.svc.ShiftIndicator(f.c.ID, 5) },
			"1 党建, 1.1 B, 1.2 A, 1.3 C, 2 业务, 2.1 D"},
		{"ShiftDimensionUp", func() error { return f.svc.ShiftIndicator(f.dim2.ID, -1) },
			"1 业务, 1.1 D, 2 党建, 2.1 B, 2.2 A, 2.3 C"},
		{"MoveToOtherParent", func() error { return f.svc.MoveIndicator(f.a.ID, &f.dim2.ID, 0) },
			"1 业务, 1.1 A, 1.2 D, 2 党建, 2.1 B, 2.2 C"},
		{"MoveToEnd", func() error { return f.svc.MoveIndicator(f.dim2.ID, nil, 99) },
			"1 党建, 1.1 B, 1.2 C, 2 业务, 2.1 A, 2.2 D"},
		{"Delete", func() error { return f.svc.DeleteIndicator(f.b.ID) },
			"1 党建, 1.1 C, 2 业务, 2.1 A, 2.2 D"},
		{"DeleteGroupTakesChildren", func() error { return f.svc.DeleteIndicator(f.dim1.ID) },
			"1 业务, 1.1 A, 1.2 D"},
	}
	for _, s := range steps {
		if err := s.do(); err != nil {
			t.Fatalf("%s: %v", s.name, err)
		}
		if got := f.codes(t); got != s.want {
			t.Fatalf("%s: codes = %s, want %s", s.name, got, s.want)
		}
	}
}

func TestMoveRefusals(t *testing.T) {
	f := newFixture(t)
	sub := must(f.svc.AddIndicator(f.sc.ID, &f.d.ID, score("D1", 6000)))(t)
	cases := []struct {
		name   string
		id     uint
		parent *uint
		code   apperr.Code
	}{
		{"IntoItself", f.dim1.ID, &f.dim1.ID, apperr.Invalid},
		{"IntoOwnChild", f.dim2.ID, &f.d.ID, apperr.Invalid},
		{"IntoScorable", f.b.ID, &f.a.ID, apperr.Invalid},
		{"NameTaken", sub.ID, nil, ""},
		{"Missing", 9999, nil, apperr.NotFound},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			err := f.svc.MoveIndicator(c.id, c.parent, 0)
			wantCode(t, err, c.code)
		})
	}
	// A second "A" among the dimensions is refused.
	must(f.svc.AddIndicator(f.sc.ID, nil, scheme.Indicator{Name: "A"}))(t)
	wantCode(t, f.svc.MoveIndicator(f.a.ID, nil, 0), apperr.Conflict)
}

func TestAddChildTurnsIndicatorIntoGroup(t *testing.T) {
	f := newFixture(t)
	must(f.svc.AddIndicator(f.sc.ID, &f.d.ID, score("D1", 4000)))(t)
	d := must(f.svc.Get(f.sc.ID))(t)
	for _, ind := range d.Indicators {
		if ind.ID == f.d.ID && (ind.Kind != scheme.Group || ind.MaxCenti != 0) {
			t.Errorf("D after adding a child: kind %q max %d", ind.Kind, ind.MaxCenti)
		}
		if ind.Name == "D1" && (ind.Code != "2.1.1" || ind.Level != 3) {
			t.Errorf("D1 = %s level %d", ind.Code, ind.Level)
		}
	}
	if d.Total.ScoreCenti != 8000 {
		t.Errorf("total = %d", d.Total.ScoreCenti)
	}
}

func TestTotalsAndWarnings(t *testing.T) {
	f := newFixture(t)
	must(f.svc.AddIndicator(f.sc.ID, nil, scheme.Indicator{Name: "特色创新"}))(t)
	d := must(f.svc.Get(f.sc.ID))(t)
	bonusDim := d.Indicators[len(d.Indicators)-1]
	must(f.svc.AddIndicator(f.sc.ID, &bonusDim.ID, scheme.Indicator{Name: "品牌", Kind: scheme.Bonus, MaxCenti: 500}))(t)
	must(f.svc.AddIndicator(f.sc.ID, nil, scheme.Indicator{Name: "负面清单", Kind: scheme.Deduct, MaxCenti: 1000}))(t)
	d = must(f.svc.Get(f.sc.ID))(t)
	if d.Total != (scheme.Subtotal{ScoreCenti: 10000, BonusCenti: 500, DeductCenti: 1000}) {
		t.Errorf("total = %+v", d.Total)
	}
	if d.Indicators[0].Subtotal.ScoreCenti != 4000 {
		t.Errorf("党建 subtotal = %+v", d.Indicators[0].Subtotal)
	}
	if len(d.Issues) != 0 {
		t.Errorf("issues = %+v", d.Issues)
	}
	// 95 points: a warning, not a problem.
	f.b.MaxCenti = 1500
	must(f.svc.UpdateIndicator(f.b))(t)
	d = must(f.svc.Get(f.sc.ID))(t)
	if len(d.Issues) != 1 || !d.Issues[0].Warning || !strings.Contains(d.Issues[0].Message, "95") {
		t.Fatalf("issues = %+v", d.Issues)
	}
	must(f.svc.Publish(f.sc.ID))(t)
}

func TestUpdateIndicatorValidation(t *testing.T) {
	f := newFixture(t)
	cases := []struct {
		name string
		edit func(i *scheme.Indicator)
		code apperr.Code
	}{
		{"OK", func(i *scheme.Indicator) { i.MaxCenti = 1500; i.StepCenti = 100 }, ""},
		{"ErrNameRequired", func(i *scheme.Indicator) { i.Name = "  " }, apperr.Invalid},
		{"ErrNameTaken", func(i *scheme.Indicator) { i.Name = "B" }, apperr.Conflict},
		{"ErrMaxZero", func(i *scheme.Indicator) { i.MaxCenti = 0 }, apperr.Invalid},
		{"ErrMaxNegative", func(i *scheme.Indicator) { i.MaxCenti = -100 }, apperr.Invalid},
		{"ErrStepNotDividing", func(i *scheme.Indicator) { i.MaxCenti = 1000; i.StepCenti = 300 }, apperr.Invalid},
		{"ErrStepAboveMax", func(i *scheme.Indicator) { i.MaxCenti = 100; i.StepCenti = 200 }, apperr.Invalid},
		{"DeductStepNeedNotDivide", func(i *scheme.Indicator) { i.Kind = scheme.Deduct; i.MaxCenti = 1000; i.StepCenti = 300 }, ""},
		{"ErrKind", func(i *scheme.Indicator) { i.Kind = "bogus" }, apperr.Invalid},
		{"ErrGradeOneOption", func(i *scheme.Indicator) {
			*i = grade("A", []string{"好"}, 1000)
		}, apperr.Invalid},
		{"ErrGradeSameLabel", func(i *scheme.Indicator) {
			*i = grade("A", []string{"好", "好"}, 1000, 800)
		}, apperr.Invalid},
		{"ErrGradeEmptyLabel", func(i *scheme.Indicator) {
			*i = grade("A", []string{"好", " "}, 1000, 800)
		}, apperr.Invalid},
		{"ErrGradePointsAboveMax", func(i *scheme.Indicator) {
			*i = grade("A", []string{"好", "差"}, 1200, 800)
			i.MaxCenti = 1000
		}, apperr.Invalid},
		{"ErrGradePointsNegative", func(i *scheme.Indicator) {
			*i = grade("A", []string{"好", "差"}, 1000, -100)
		}, apperr.Invalid},
		{"GradeMaxFromBestOption", func(i *scheme.Indicator) {
			*i = grade("A", []string{"A", "B", "C", "D"}, 1000, 800, 600, 400)
		}, ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			in := f.a
			in.Options = nil
			c.edit(&in)
			in.ID = f.a.ID
			_, err := f.svc.UpdateIndicator(in)
			wantCode(t, err, c.code)
		})
	}
	got := must(f.svc.Get(f.sc.ID))(t).Indicators[1]
	if got.Kind != scheme.Grade || got.MaxCenti != 1000 || len(got.Options) != 4 || got.Options[3].Label != "D" {
		t.Errorf("after the last update: %+v", got)
	}
	t.Run("ErrGroupWithKind", func(t *testing.T) {
		in := f.dim1
		in.Kind, in.MaxCenti = scheme.Score, 1000
		_, err := f.svc.UpdateIndicator(in)
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrTooDeep", func(t *testing.T) {
		l3 := must(f.svc.AddIndicator(f.sc.ID, &f.d.ID, scheme.Indicator{Name: "三"}))(t)
		l4 := must(f.svc.AddIndicator(f.sc.ID, &l3.ID, scheme.Indicator{Name: "四"}))(t)
		_, err := f.svc.AddIndicator(f.sc.ID, &l4.ID, score("五", 100))
		wantCode(t, err, apperr.Invalid)
	})
}

func TestPublish(t *testing.T) {
	t.Run("ErrProblems", func(t *testing.T) {
		svc := mustOpen(t)
		sc := must(svc.Create(scheme.Scheme{Name: "空方案"}))(t)
		_, err := svc.Publish(sc.ID)
		wantCode(t, err, apperr.Invalid)
		must(svc.AddIndicator(sc.ID, nil, scheme.Indicator{Name: "空的一级指标"}))(t)
		_, err = svc.Publish(sc.ID)
		wantCode(t, err, apperr.Invalid)
		if !strings.Contains(apperr.MessageOf(err), "下还没有二级指标") {
			t.Errorf("message = %s", apperr.MessageOf(err))
		}
	})

	f := newFixture(t)
	pub := must(f.svc.Publish(f.sc.ID))(t)
	if pub.Status != scheme.Published || pub.PublishedAt == nil {
		t.Fatalf("published = %+v", pub)
	}
	before := must(f.svc.Get(f.sc.ID))(t)
	mutations := []struct {
		name string
		do   func() error
	}{
		{"Update", func() error { _, err := f.svc.Update(scheme.Scheme{ID: f.sc.ID, Name: "新名"}); return err }},
		{"AddIndicator", func() error { _, err := f.svc.AddIndicator(f.sc.ID, nil, scheme.Indicator{Name: "新"}); return err }},
		{"AddChild", func() error { _, err := f.svc.AddIndicator(f.sc.ID, &f.dim1.ID, score("新", 100)); return err }},
		{"UpdateIndicator", func() error { in := f.a; in.MaxCenti = 500; _, err := f.svc.UpdateIndicator(in); return err }},
		{"DeleteIndicator", func() error { return f.svc.DeleteIndicator(f.a.ID) }},
		{"MoveIndicator", func() error { return f.svc.MoveIndicator(f.a.ID, &f.dim2.ID, 0) }},
		{"ShiftIndicator", func() error { return f.svc.ShiftIndicator(f.a.ID, 1) }},
		{"Publish", func() error { _, err := f.svc.Publish(f.sc.ID); return err }},
		{"Delete", func() error { return f.svc.Delete(f.sc.ID) }},
	}
	for _, m := range mutations {
		t.Run("Frozen"+m.name, func(t *testing.T) {
			wantCode(t, m.do(), apperr.Conflict)
		})
	}
	after := must(f.svc.Get(f.sc.ID))(t)
	if len(after.Indicators) != len(before.Indicators) {
		t.Fatal("a published scheme changed")
	}
	for i := range after.Indicators {
		a, b := after.Indicators[i], before.Indicators[i]
		if a.ID != b.ID || a.Code != b.Code || a.MaxCenti != b.MaxCenti || a.Name != b.Name {
			t.Errorf("indicator %d changed: %+v → %+v", i, b, a)
		}
	}
	_, err := f.svc.UpdateIndicator(f.a)
	if apperr.MessageOf(err) != "已发布的方案不能修改，请“由此新建版本”" {
		t.Errorf("message = %q", apperr.MessageOf(err))
	}
}

func TestNewVersionAndDiff(t *testing.T) {
	f := newFixture(t)
	must(f.svc.Publish(f.sc.ID))(t)
	v2 := must(f.svc.NewVersion(f.sc.ID))(t)
	if v2.Name != f.sc.Name || v2.Version != 2 || v2.Status != scheme.Draft || v2.ParentID == nil || *v2.ParentID != f.sc.ID {
		t.Fatalf("v2 = %+v", v2)
	}
	d1 := must(f.svc.Get(f.sc.ID))(t)
	d2 := must(f.svc.Get(v2.ID))(t)
	if len(d1.Indicators) != len(d2.Indicators) {
		t.Fatalf("copy has %d indicators, want %d", len(d2.Indicators), len(d1.Indicators))
	}
	for i := range d1.Indicators {
		a, b := d1.Indicators[i], d2.Indicators[i]
		if a.ID == b.ID || a.Code != b.Code || a.Name != b.Name || a.Kind != b.Kind || a.MaxCenti != b.MaxCenti ||
			scheme.OptionsText(a.Options) != scheme.OptionsText(b.Options) {
			t.Errorf("copy differs at %d: %+v / %+v", i, a, b)
		}
	}
	if d := must(f.svc.Diff(f.sc.ID, v2.ID))(t); d.Counts != (scheme.DiffCounts{Same: 6}) {
		t.Errorf("diff of a copy = %+v", d.Counts)
	}

	// In v2: a new indicator first in 党建 (renumbers A, B, C), B's max changed, C's options
	// changed, D deleted, and 业务 renamed.
	byName := map[string]scheme.Indicator{}
	for _, ind := range d2.Indicators {
		byName[ind.Name] = ind
	}
	n := must(f.svc.AddIndicator(v2.ID, byName["党建"].ParentID, scheme.Indicator{Name: "unused"}))(t)
	ok(t, f.svc.DeleteIndicator(n.ID))
	x := must(f.svc.AddIndicator(v2.ID, ptr(byName["党建"].ID), score("X", 500)))(t)
	ok(t, f.svc.ShiftIndicator(x.ID, -5))
	b := byName["B"]
	b.MaxCenti = 1500
	must(f.svc.UpdateIndicator(b))(t)
	c := byName["C"]
	c.Options = []scheme.Option{{Label: "好", PointsCenti: 1000}, {Label: "差", PointsCenti: 500}}
	must(f.svc.UpdateIndicator(c))(t)
	ok(t, f.svc.DeleteIndicator(byName["D"].ID))
	biz := byName["业务"]
	biz.Name = "业务工作"
	must(f.svc.UpdateIndicator(biz))(t)

	d := must(f.svc.Diff(f.sc.ID, v2.ID))(t)
	var got []string
	for _, c := range d.Changes {
		var fields []string
		for _, fc := range c.Fields {
			fields = append(fields, fc.Field)
		}
		got = append(got, string(c.Status)+" "+c.CodeA+"→"+c.CodeB+" "+c.Name+" "+strings.Join(fields, ","))
	}
	want := []string{
		"same 1→1 党建 ",
		"added →1.1 X ",
		"moved 1.1→1.2 A code",
		"changed 1.2→1.3 B code,max",
		"changed 1.3→1.4 C code,options",
		"changed 2→2 业务工作 name",
		"removed 2.1→ D ",
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("diff:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if d.Counts != (scheme.DiffCounts{Same: 1, Added: 1, Moved: 1, Changed: 3, Removed: 1}) {
		t.Errorf("counts = %+v", d.Counts)
	}
	if v3 := must(f.svc.NewVersion(f.sc.ID))(t); v3.Version != 3 {
		t.Errorf("a second copy of v1 is version %d, want 3", v3.Version)
	}
}

func TestDelete(t *testing.T) {
	f := newFixture(t)
	v2 := must(f.svc.NewVersion(f.sc.ID))(t)
	ok(t, f.svc.Delete(v2.ID))
	_, err := f.svc.Get(v2.ID)
	wantCode(t, err, apperr.NotFound)
	must(f.svc.Publish(f.sc.ID))(t)
	wantCode(t, f.svc.Delete(f.sc.ID), apperr.Conflict)
	wantCode(t, f.svc.Delete(9999), apperr.NotFound)
}

func TestImport(t *testing.T) {
	svc := mustOpen(t)
	tree := func(maxB int64) scheme.Tree {
		dim := &scheme.Node{Indicator: scheme.Indicator{Name: "党建"}}
		dim.Children = []*scheme.Node{
			{Indicator: score("A", 5000)},
			{Indicator: score("B", maxB)},
		}
		return scheme.Tree{Scheme: scheme.Scheme{Name: "导入的方案"}, Roots: []*scheme.Node{dim}}
	}
	dry := must(svc.Import(tree(5000), true))(t)
	if dry.Created != 3 || dry.Written || dry.Scheme.Version != 1 {
		t.Fatalf("dry run = %+v", dry)
	}
	if l := must(svc.List())(t); len(l) != 0 {
		t.Fatal("dry run wrote")
	}
	first := must(svc.Import(tree(5000), false))(t)
	if !first.Written || first.Scheme.Status != scheme.Draft || first.Created != 3 {
		t.Fatalf("import = %+v", first)
	}
	again := must(svc.Import(tree(5000), false))(t)
	if again.Written || again.Unchanged != 3 || again.Scheme.ID != first.Scheme.ID {
		t.Fatalf("same import again = %+v", again)
	}
	changed := must(svc.Import(tree(4000), false))(t)
	if !changed.Written || changed.Scheme.Version != 2 || changed.Updated != 1 || changed.Unchanged != 2 || *changed.Scheme.ParentID != first.Scheme.ID {
		t.Fatalf("changed import = %+v", changed)
	}
	bad := tree(0)
	_, err := svc.Import(bad, false)
	wantCode(t, err, apperr.Invalid)
}
