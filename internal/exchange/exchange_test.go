package exchange_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/audit"
	"liankanping/internal/exchange"
	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// fixture is a database with two rounds in scoring on one scheme: 1.1 score 0–10 step 0.5,
// 1.2 grade 好 10 / 一般 6, 1.3 deduct up to 5, 2.1 bonus up to 3; three units and three
// raters, the first of whom works at the first unit (回避).
type fixture struct {
	s       *store.Store
	svc     *exchange.Service
	round   uint // 2024Q4
	other   uint // 2024Q3
	units   []uint
	raters  []uint // of 2024Q4: 张三 (教体局), 李四, 王五
	dir     string
	clock   time.Time
	scoreSv *score.Service
}

func mustFixture(t testing.TB) *fixture {
	t.Helper()
	dir := t.TempDir()
	s, err := store.Open(filepath.Join(dir, "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, svc: exchange.NewService(s), dir: dir, scoreSv: score.NewService(s), clock: time.Date(2024, 12, 1, 9, 0, 0, 0, time.Local)}
	f.svc.Now = func() time.Time { f.clock = f.clock.Add(time.Minute); return f.clock }
	o := org.NewService(s)
	for _, n := range [][2]string{{"区教育和体育局", "教体局"}, {"区财政局", "财政局"}, {"区委办公室", "区委办"}} {
		u, err := o.SaveUnit(org.Unit{Name: n[0], ShortName: n[1]})
		if err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, u.ID)
	}
	var people []uint
	for i, n := range []string{"张三", "李四", "王五"} {
		var uid *uint
		if i == 0 {
			uid = &f.units[0]
		}
		p, err := o.SavePerson(org.Person{Name: n, UnitID: uid})
		if err != nil {
			t.Fatal(err)
		}
		people = append(people, p.ID)
	}
	now := time.Now()
	for _, q := range []string{
		"INSERT INTO schemes (id, name, year, version, status, created_at, updated_at) VALUES (1, '2024年评分细则', 2024, 1, 'published', ?, ?)",
		"INSERT INTO indicators (id, scheme_id, level, code, name) VALUES (1, 1, 1, '1', '机关党建责任清单落实')",
		"INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, points, kind, max_centi, step_centi) VALUES (2, 1, 1, 2, '1.1', '理论学习', '中心组学习每年不少于12次。', 'score', 1000, 50)",
		"INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, kind, max_centi, step_centi) VALUES (3, 1, 1, 2, '1.2', '述职评议', 'grade', 1000, 50)",
		"INSERT INTO indicator_options (indicator_id, sort_order, label, points_centi) VALUES (3, 1, '好', 1000), (3, 2, '一般', 600)",
		"INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, kind, max_centi, step_centi) VALUES (4, 1, 1, 2, '1.3', '违规违纪', 'deduct', 500, 50)",
		"INSERT INTO indicators (id, scheme_id, level, code, name) VALUES (5, 1, 1, '2', '特色创新')",
		"INSERT INTO indicators (id, scheme_id, parent_id, level, code, name, kind, max_centi, step_centi) VALUES (6, 1, 5, 2, '2.1', '党建品牌', 'bonus', 300, 50)",
	} {
		var args []any
		if strings.Contains(q, "?") {
			args = []any{now, now}
		}
		if err := s.DB.Exec(q, args...).Error; err != nil {
			t.Fatal(err)
		}
	}
	rs := round.NewService(s)
	for _, code := range []string{"2024Q4", "2024Q3"} {
		id, err := rs.Save(round.Plan{
			Round:   round.Round{Code: code, Title: code + "“常委看党建”", SchemeID: 1, Deadline: "2024-12-20"},
			UnitIDs: f.units,
			Groups: []round.GroupPlan{
				{Name: "区委常委", WeightBP: 6000, PersonIDs: people[:2]},
				{Name: "区直机关工委", WeightBP: 4000, PersonIDs: people[2:]},
			},
		})
		if err != nil {
			t.Fatal(err)
		}
		if err := rs.SetStatus(id, round.Scoring, "", ""); err != nil {
			t.Fatal(err)
		}
		if code == "2024Q4" {
			f.round = id
			d, _ := rs.Get(id)
			for _, g := range d.Groups {
				for _, r := range g.Raters {
					f.raters = append(f.raters, r.ID)
				}
			}
		} else {
			f.other = id
		}
	}
	return f
}

// export writes the round's workbooks into a fresh folder and returns their paths by rater.
func (f *fixture) export(t testing.TB, roundID uint, password string) map[string]string {
	t.Helper()
	out := filepath.Join(f.dir, fmt.Sprintf("out%d-%d", roundID, time.Now().UnixNano()))
	res, err := f.svc.ExportRaters(roundID, out, exchange.ExportOptions{Password: password, Operator: "管理员"}, nil)
	if err != nil {
		t.Fatal(err)
	}
	paths := map[string]string{}
	for _, x := range res.Files {
		paths[x.Rater] = x.Path
	}
	return paths
}

// edit changes a workbook as a rater would, with excelize's cell API, and saves it under a new
// name (so that the original can be imported again).
func edit(t testing.TB, path, newName string, fn func(x *excelize.File)) string {
	t.Helper()
	x, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	fn(x)
	out := filepath.Join(filepath.Dir(path), newName)
	if err := x.SaveAs(out); err != nil {
		t.Fatal(err)
	}
	return out
}

func set(x *excelize.File, sheet, cell string, v any) {
	if err := x.SetCellValue(sheet, cell, v); err != nil {
		panic(err)
	}
}

func (f *fixture) count(t testing.TB, table string) int64 {
	t.Helper()
	var n int64
	if err := f.s.DB.Table(table).Count(&n).Error; err != nil {
		t.Fatal(err)
	}
	return n
}

// snapshot is every row that an import may change, to prove that a refusal changed nothing.
func (f *fixture) snapshot(t testing.TB) string {
	t.Helper()
	var b strings.Builder
	for _, q := range []string{
		"SELECT round_id, rater_id, unit_id, indicator_id, value_centi, comment, source, batch_id, file_hash, sheet, cell FROM scores ORDER BY id",
		"SELECT id, round_id, rater_id, unit_id, indicator_id, old_value_centi, new_value_centi FROM score_history ORDER BY id",
		"SELECT id, status, created_count, updated_count, cleared_count FROM import_batches ORDER BY id",
	} {
		rows, err := f.s.DB.Raw(q).Rows()
		if err != nil {
			t.Fatal(err)
		}
		cols, _ := rows.Columns()
		for rows.Next() {
			vals := make([]any, len(cols))
			ptrs := make([]any, len(cols))
			for i := range vals {
				ptrs[i] = &vals[i]
			}
			rows.Scan(ptrs...)
			fmt.Fprintln(&b, vals...)
		}
		rows.Close()
	}
	return b.String()
}

// value is a stored score of a 2024Q4 rater, or -1 when there is none.
func (f *fixture) value(t testing.TB, rater, unit int, ind uint) int64 {
	t.Helper()
	var v []int64
	f.s.DB.Table("scores").Where("round_id = ? AND rater_id = ? AND unit_id = ? AND indicator_id = ?", f.round, f.raters[rater], f.units[unit], ind).Pluck("value_centi", &v)
	if len(v) == 0 {
		return -1
	}
	return v[0]
}

func (f *fixture) apply(t testing.TB, req exchange.ImportRequest) *exchange.Report {
	t.Helper()
	rep, err := f.svc.Apply(req, "管理员", nil)
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

func one(t testing.TB, rep *exchange.Report) exchange.FileReport {
	t.Helper()
	if len(rep.Files) != 1 {
		t.Fatalf("%d files in the report", len(rep.Files))
	}
	return rep.Files[0]
}

func counts(r exchange.FileReport) string {
	return fmt.Sprintf("%s new %d changed %d unchanged %d cleared %d kept %d conflicts %d", r.Status, r.New, r.Changed, r.Unchanged, r.Cleared, r.Kept, len(r.Conflicts))
}

func TestExport(t *testing.T) {
	f := mustFixture(t)
	res, err := f.svc.ExportRaters(f.round, filepath.Join(f.dir, "导出"), exchange.ExportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, x := range res.Files {
		names = append(names, fmt.Sprintf("%s %d", x.FileName, x.Units))
		if _, err := os.Stat(x.Path); err != nil {
			t.Error(err)
		}
	}
	// 张三 works at 教体局: two units for him, three for the others.
	if got := strings.Join(names, ", "); got != "2024Q4_张三_评分表.xlsx 2, 2024Q4_李四_评分表.xlsx 3, 2024Q4_王五_评分表.xlsx 3" {
		t.Fatalf("files = %s", got)
	}
	x, err := excelize.OpenFile(res.Files[0].Path)
	if err != nil {
		t.Fatal(err)
	}
	defer x.Close()
	if got := strings.Join(x.GetSheetList(), ","); got != "填表说明,汇总,财政局,区委办,lkp_meta" {
		t.Errorf("张三's sheets = %s", got)
	}
	entries, _ := os.ReadDir(res.Dir)
	if len(entries) != 3 {
		t.Errorf("the folder holds %d entries, want the 3 workbooks and no temporary file", len(entries))
	}
	if n := f.count(t, "exported_workbooks"); n != 3 {
		t.Errorf("exported_workbooks = %d", n)
	}
	t.Run("ErrClosedRound", func(t *testing.T) {
		if err := round.NewService(f.s).SetStatus(f.other, round.Closed, "", ""); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.ExportRaters(f.other, filepath.Join(f.dir, "x"), exchange.ExportOptions{}, nil)
		if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), "已结束") {
			t.Fatalf("err = %v", err)
		}
	})
	t.Run("Progress", func(t *testing.T) {
		var seen []string
		files := map[string]bool{}
		res, err := f.svc.ExportRaters(f.round, filepath.Join(f.dir, "p"), exchange.ExportOptions{}, func(done, total int, file string) {
			seen = append(seen, fmt.Sprintf("%d/%d", done, total))
			if done > 0 {
				files[file] = true
			}
		})
		if err != nil {
			t.Fatal(err)
		}
		if strings.Join(seen, " ") != "0/3 1/3 2/3 3/3" {
			t.Errorf("progress = %v", seen)
		}
		for _, w := range res.Files {
			if !files[w.FileName] {
				t.Errorf("progress never named %s (named %v)", w.FileName, files)
			}
		}
		// The import names each file as it is done, in the given order.
		var named []string
		var in []string
		for _, w := range res.Files {
			in = append(in, w.Path)
		}
		if _, err := f.svc.Preview(exchange.ImportRequest{Paths: in}, func(done, total int, file string) {
			if done > 0 {
				named = append(named, file)
			}
		}); err != nil {
			t.Fatal(err)
		}
		if len(named) != len(in) || named[0] != filepath.Base(in[0]) || named[len(in)-1] != filepath.Base(in[len(in)-1]) {
			t.Errorf("import progress named %v, want %v", named, in)
		}
	})
}

func TestImport_RoundTrip(t *testing.T) {
	f := mustFixture(t)
	paths := f.export(t, f.round, "")
	filled := edit(t, paths["李四"], "李四-交回.xlsx", func(x *excelize.File) {
		set(x, "教体局", "G4", 8.5)
		set(x, "教体局", "G5", "好")
		set(x, "教体局", "H5", "汇报清楚")
		set(x, "教体局", "G6", "扣1分")
		set(x, "财政局", "G4", "９分")
		set(x, "财政局", "G5", "一般")
		set(x, "区委办", "G7", "+2")
	})
	prev, err := f.svc.Preview(exchange.ImportRequest{Paths: []string{filled}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	p := one(t, prev)
	if counts(p) != "preview new 6 changed 0 unchanged 0 cleared 0 kept 0 conflicts 0" || p.Rater != "李四" || p.Round != "2024Q4" || p.Sheets != 3 {
		t.Fatalf("preview = %s %+v", counts(p), p)
	}
	if n := f.count(t, "scores"); n != 0 {
		t.Fatalf("a preview wrote %d scores", n)
	}
	rep := one(t, f.apply(t, exchange.ImportRequest{Token: prev.Token}))
	if counts(rep) != "applied new 6 changed 0 unchanged 0 cleared 0 kept 0 conflicts 0" || rep.BatchID == 0 {
		t.Fatalf("apply = %s", counts(rep))
	}
	for _, c := range []struct {
		unit int
		ind  uint
		want int64
	}{{0, 2, 850}, {0, 3, 1000}, {0, 4, 100}, {1, 2, 900}, {1, 3, 600}, {2, 6, 200}} {
		if got := f.value(t, 1, c.unit, c.ind); got != c.want {
			t.Errorf("unit %d indicator %d = %d, want %d", c.unit, c.ind, got, c.want)
		}
	}
	h, err := f.scoreSv.HistoryOf(score.Key{RoundID: f.round, RaterID: f.raters[1], UnitID: f.units[0], IndicatorID: 3})
	if err != nil || len(h) != 1 || h[0].Source != "workbook" || h[0].Sheet != "教体局" || h[0].Cell != "G5" || h[0].FileName != "李四-交回.xlsx" || h[0].BatchID == nil || h[0].FileHash == "" {
		t.Fatalf("history = %+v %v", h, err)
	}
	var comment string
	f.s.DB.Raw("SELECT comment FROM scores WHERE rater_id = ? AND unit_id = ? AND indicator_id = 3", f.raters[1], f.units[0]).Scan(&comment)
	if comment != "汇报清楚" {
		t.Errorf("comment = %q", comment)
	}
	var logged []string
	f.s.DB.Raw("SELECT action || ' ' || object_name FROM audit_log WHERE object_type = 'import_batches'").Scan(&logged)
	if len(logged) != 1 || logged[0] != "新增 李四-交回.xlsx" {
		t.Errorf("audit log = %q", logged)
	}
	if v, err := audit.NewService(f.s).Verify(); err != nil || !v.OK {
		t.Errorf("audit chain after an import: %+v %v", v, err)
	}
	t.Run("SameFileAgain", func(t *testing.T) {
		before := f.snapshot(t)
		rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{filled}}))
		if counts(rep) != "unchanged new 0 changed 0 unchanged 6 cleared 0 kept 0 conflicts 0" {
			t.Fatalf("again = %s", counts(rep))
		}
		if f.snapshot(t) != before {
			t.Fatal("importing the same file again changed the database")
		}
	})
	t.Run("TokenRefusesChangedFile", func(t *testing.T) {
		prev, err := f.svc.Preview(exchange.ImportRequest{Paths: []string{filled}}, nil)
		if err != nil {
			t.Fatal(err)
		}
		edit(t, filled, "李四-交回.xlsx", func(x *excelize.File) { set(x, "教体局", "G4", 9) })
		rep := one(t, f.apply(t, exchange.ImportRequest{Token: prev.Token}))
		if rep.Status != exchange.StatusRefused || !strings.Contains(rep.Problems[0].Message, "预览之后被修改") {
			t.Fatalf("apply of a changed file = %s %v", counts(rep), rep.Problems)
		}
	})
}

func TestImport_Folder(t *testing.T) {
	f := mustFixture(t)
	paths := f.export(t, f.round, "")
	dir := filepath.Dir(paths["李四"])
	edit(t, paths["李四"], "2024Q4_李四_评分表.xlsx", func(x *excelize.File) { set(x, "教体局", "G4", 6) })
	edit(t, paths["王五"], "2024Q4_王五_评分表.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", 12) })
	os.WriteFile(filepath.Join(dir, "~$2024Q4_李四_评分表.xlsx"), []byte("lock"), 0o644)
	os.WriteFile(filepath.Join(dir, "旧表.xls"), []byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0, 0}, 0o644)
	os.WriteFile(filepath.Join(dir, "说明.txt"), []byte("hi"), 0o644)
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	rep := f.apply(t, exchange.ImportRequest{Paths: []string{dir}})
	var got []string
	for _, x := range rep.Files {
		got = append(got, x.FileName+" "+x.Status)
	}
	want := "2024Q4_张三_评分表.xlsx unchanged, 2024Q4_李四_评分表.xlsx applied, 2024Q4_王五_评分表.xlsx refused, 旧表.xls refused"
	if strings.Join(got, ", ") != want {
		t.Fatalf("files = %s", strings.Join(got, ", "))
	}
	if !strings.Contains(rep.Files[3].Problems[0].Message, "另存为”.xlsx") {
		t.Errorf(".xls message = %s", rep.Files[3].Problems[0].Message)
	}
	if p := rep.Files[2].Problems[0]; p.Sheet != "财政局" || p.Cell != "G4" || !strings.Contains(p.Message, "「12」超出范围，请输入0～10之间的数，须为0.5的倍数") {
		t.Errorf("problem = %+v", p)
	}
	if f.value(t, 1, 0, 2) != 600 || f.count(t, "scores") != 1 {
		t.Errorf("scores = %d", f.count(t, "scores"))
	}
}

func TestImport_Conflicts(t *testing.T) {
	f := mustFixture(t)
	paths := f.export(t, f.round, "")
	// 李四's 1.1 for 教体局 is entered in the window first.
	res, err := f.scoreSv.Enter(f.round, f.raters[1], []score.CellInput{{UnitID: f.units[0], IndicatorID: 2, Text: "7"}}, "录入员")
	if err != nil || !res.Cells[0].OK {
		t.Fatal(err, res)
	}
	first := edit(t, paths["李四"], "第一次.xlsx", func(x *excelize.File) {
		set(x, "教体局", "G4", 8)
		set(x, "教体局", "G5", "好")
		set(x, "财政局", "G4", 5)
	})
	t.Run("ErrConflictRefused", func(t *testing.T) {
		before := f.snapshot(t)
		rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{first}}))
		if counts(rep) != "refused new 2 changed 0 unchanged 0 cleared 0 kept 0 conflicts 1" {
			t.Fatalf("apply = %s", counts(rep))
		}
		c := rep.Conflicts[0]
		if c.Sheet != "教体局" || c.Cell != "G4" || c.Stored != "7" || c.File != "8" || !strings.Contains(c.StoredSource, "录入员 在窗口中录入") {
			t.Errorf("conflict = %+v", c)
		}
		if !strings.Contains(rep.Problems[0].Message, "与已有评分冲突") {
			t.Errorf("problems = %v", rep.Problems)
		}
		if f.snapshot(t) != before {
			t.Fatal("a refused file changed the database")
		}
	})
	t.Run("KeepMine", func(t *testing.T) {
		prev, _ := f.svc.Preview(exchange.ImportRequest{Paths: []string{first}}, nil)
		p := one(t, prev)
		if p.Status != exchange.StatusPreview || p.Unresolved() != 1 {
			t.Fatalf("preview = %s", counts(p))
		}
		rep := one(t, f.apply(t, exchange.ImportRequest{Token: prev.Token, Choices: []exchange.Choice{{Path: p.Path, Key: p.Conflicts[0].Key, Take: exchange.KeepMine}}}))
		if counts(rep) != "applied new 2 changed 0 unchanged 0 cleared 0 kept 1 conflicts 1" || f.value(t, 1, 0, 2) != 700 {
			t.Fatalf("apply = %s, value %d", counts(rep), f.value(t, 1, 0, 2))
		}
	})
	var batch1 uint
	t.Run("PreferFile", func(t *testing.T) {
		rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{first}, PreferFile: true}))
		if counts(rep) != "applied new 0 changed 1 unchanged 2 cleared 0 kept 0 conflicts 1" || f.value(t, 1, 0, 2) != 800 {
			t.Fatalf("apply = %s, value %d", counts(rep), f.value(t, 1, 0, 2))
		}
		if len(rep.Changes) != 1 || rep.Changes[0].Old != "7" || rep.Changes[0].New != "8" {
			t.Errorf("changes of a conflict taken from the file = %+v", rep.Changes)
		}
		batch1 = rep.BatchID
	})
	t.Run("CorrectedReturnUpdates", func(t *testing.T) {
		second := edit(t, first, "第二次.xlsx", func(x *excelize.File) {
			set(x, "教体局", "G4", 9.5)
			set(x, "财政局", "G4", "")
			set(x, "区委办", "G4", 4)
		})
		rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{second}}))
		// A later return of the same workbook is no conflict; its blank keeps 财政局's 5.
		if counts(rep) != "applied new 1 changed 1 unchanged 1 cleared 0 kept 1 conflicts 0" || f.value(t, 1, 0, 2) != 950 || f.value(t, 1, 1, 2) != 500 {
			t.Fatalf("apply = %s", counts(rep))
		}
		// The preview and the outcome say which cell changed, old → new; a new score is not a change.
		if len(rep.Changes) != 1 || rep.Changes[0].Sheet != "教体局" || rep.Changes[0].Cell != "G4" || rep.Changes[0].Old != "8" ||
			rep.Changes[0].New != "9.5" || rep.Changes[0].Unit == "" || rep.Changes[0].Indicator == "" {
			t.Errorf("changes = %+v", rep.Changes)
		}
		third := edit(t, second, "第三次.xlsx", func(x *excelize.File) {})
		rep = one(t, f.apply(t, exchange.ImportRequest{Paths: []string{third}, ClearBlanks: true}))
		if counts(rep) != "applied new 0 changed 0 unchanged 3 cleared 1 kept 0 conflicts 0" || f.value(t, 1, 1, 2) != -1 {
			t.Fatalf("clear blanks = %s", counts(rep))
		}
		if len(rep.Changes) != 1 || rep.Changes[0].Sheet != "财政局" || rep.Changes[0].Old != "5" || rep.Changes[0].New != "（空）" {
			t.Errorf("changes of a cleared cell = %+v", rep.Changes)
		}
		batches, err := f.svc.ListBatches(f.round)
		if err != nil || len(batches) != 4 || batches[0].Rater != "李四" || batches[0].ClearedCount != 1 {
			t.Fatalf("batches = %+v %v", batches, err)
		}
		t.Run("ErrUndoOlderFirst", func(t *testing.T) {
			before := f.snapshot(t)
			_, err := f.svc.Undo(batch1, "管理员")
			if apperr.CodeOf(err) != apperr.Conflict || !strings.Contains(err.Error(), "又被修改过") {
				t.Fatalf("undo of an older batch = %v", err)
			}
			if f.snapshot(t) != before {
				t.Fatal("a refused undo changed the database")
			}
		})
		t.Run("UndoNewestFirst", func(t *testing.T) {
			var got []string
			for _, b := range batches {
				res, err := f.svc.Undo(b.ID, "管理员")
				if err != nil {
					t.Fatalf("undo %d: %v", b.ID, err)
				}
				got = append(got, fmt.Sprintf("%d/%d", res.Restored, res.Removed))
			}
			if strings.Join(got, " ") != "1/0 1/1 1/0 0/2" {
				t.Errorf("restored/removed = %v", got)
			}
			// Back to the window's 7, and nothing from the workbook.
			if f.value(t, 1, 0, 2) != 700 || f.value(t, 1, 1, 2) != -1 || f.value(t, 1, 2, 2) != -1 {
				t.Fatalf("after undo: %d %d %d", f.value(t, 1, 0, 2), f.value(t, 1, 1, 2), f.value(t, 1, 2, 2))
			}
			var src, by string
			f.s.DB.Raw("SELECT source, entered_by FROM scores WHERE rater_id = ? AND unit_id = ? AND indicator_id = 2", f.raters[1], f.units[0]).Row().Scan(&src, &by)
			if src != "app" || by != "录入员" {
				t.Errorf("restored provenance = %s %s", src, by)
			}
			if _, err := f.svc.Undo(batches[0].ID, "管理员"); apperr.CodeOf(err) != apperr.Conflict {
				t.Errorf("a second undo = %v", err)
			}
			if n := f.count(t, "scores"); n != 1 {
				t.Errorf("scores after undoing every batch = %d, want the window's one", n)
			}
			var typed int64
			f.s.DB.Raw("SELECT COUNT(*) FROM audit_log WHERE object_type = 'scores'").Scan(&typed)
			if typed != 2 {
				t.Errorf("audit entries of scores typed in the window = %d, want 2 (the entry and its restoring)", typed)
			}
		})
	})
}

// The window's apply after a preview (with its token) does not parse the workbooks again, and
// imports exactly what the preview showed; a file changed after the preview is still refused.
func TestImport_ApplyReusesPreviewRead(t *testing.T) {
	f := mustFixture(t)
	paths := f.export(t, f.round, "")
	a := edit(t, paths["李四"], "李四.xlsx", func(x *excelize.File) { set(x, "教体局", "G4", 6) })
	b := edit(t, paths["王五"], "王五.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", 7) })
	before := exchange.SheetReads()
	prev, err := f.svc.Preview(exchange.ImportRequest{Paths: []string{a, b}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n := exchange.SheetReads() - before; n != 2 {
		t.Fatalf("preview parsed %d workbooks, want 2", n)
	}
	rep := f.apply(t, exchange.ImportRequest{Token: prev.Token})
	if n := exchange.SheetReads() - before; n != 2 {
		t.Errorf("apply after preview parsed %d more workbooks, want 0", n-2)
	}
	for i, x := range rep.Files {
		if x.Status != exchange.StatusApplied || x.New != prev.Files[i].New || x.New == 0 {
			t.Errorf("%s: %s, new %d (preview said %d)", x.FileName, x.Status, x.New, prev.Files[i].New)
		}
	}
	if f.value(t, 1, 0, 2) != 600 {
		t.Errorf("李四's 教体局 1.1 = %d, want 600", f.value(t, 1, 0, 2))
	}

	// Preview again, then change a file: the apply parses it afresh and refuses it.
	c := edit(t, paths["张三"], "张三.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", 5) })
	prev, err = f.svc.Preview(exchange.ImportRequest{Paths: []string{c}}, nil)
	if err != nil {
		t.Fatal(err)
	}
	edit(t, c, "张三.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", 4) })
	rep = f.apply(t, exchange.ImportRequest{Token: prev.Token})
	if x := one(t, rep); x.Status != exchange.StatusRefused || !strings.Contains(x.Problems[0].Message, "预览之后被修改过") {
		t.Errorf("changed after preview: %s %+v", x.Status, x.Problems)
	}
}
