package finding_test

import (
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/finding"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

// fixture is a store with two areas, three units, a scheme with three dimensions and two
// rounds: 2024Q2 (observed 2024-06-15, units 0 and 1) and 2024Q3 (2024-09-20, units 1 and 2).
type fixture struct {
	s      *store.Store
	svc    *finding.Service
	today  string
	areas  []uint
	units  []uint
	rounds []uint
}

func mustFixture(t *testing.T) *fixture {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "f.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	f := &fixture{s: s, svc: finding.NewService(s), today: "2024-10-31"}
	f.svc.Now = func() time.Time { return time.Date(2024, 10, 31, 15, 0, 0, 0, time.Local) }
	o := org.NewService(s)
	for i, n := range []string{"第一联系片", "第二联系片"} {
		a, err := o.SaveArea(org.Area{Number: i + 1, Name: n})
		if err != nil {
			t.Fatal(err)
		}
		f.areas = append(f.areas, a.ID)
	}
	for i, n := range []string{"区教育和体育局", "区财政局", "区商务局"} {
		area := f.areas[min(i, 1)]
		u, err := o.SaveUnit(org.Unit{Name: n, ShortName: []string{"教体局", "财政局", "商务局"}[i], AreaID: &area, SortOrder: i})
		if err != nil {
			t.Fatal(err)
		}
		f.units = append(f.units, u.ID)
	}
	now := time.Now()
	mustExec(t, s, "INSERT INTO schemes (id, name, year, version, status, created_at, updated_at) VALUES (1, '2024年评分细则', 2024, 1, 'published', ?, ?)", now, now)
	for i, d := range []string{"机关党建责任清单落实", "模范机关建设", "党建和业务融合"} {
		mustExec(t, s, "INSERT INTO indicators (scheme_id, level, sort_order, code, name) VALUES (1, 1, ?, ?, ?)", 3-i, string(rune('C'-i)), d)
	}
	mustExec(t, s, "INSERT INTO indicators (scheme_id, level, sort_order, code, name, parent_id, kind, max_centi) VALUES (1, 2, 1, 'A1', '责任落实', 1, 'score', 1000)")
	for i, r := range []struct{ code, date string }{{"2024Q2", "2024-06-15"}, {"2024Q3", "2024-09-20"}} {
		res := s.DB.Exec("INSERT INTO rounds (code, title, date, scheme_id, status, created_at, updated_at) VALUES (?, ?, ?, 1, 'closed', ?, ?)",
			r.code, r.code+"“常委看党建”", r.date, now, now)
		if res.Error != nil {
			t.Fatal(res.Error)
		}
		var id uint
		s.DB.Raw("SELECT id FROM rounds WHERE code = ?", r.code).Scan(&id)
		f.rounds = append(f.rounds, id)
		for _, u := range f.units[i : i+2] {
			mustExec(t, s, "INSERT INTO round_units (round_id, unit_id) VALUES (?, ?)", id, u)
		}
	}
	return f
}

func mustExec(t *testing.T, s *store.Store, sql string, args ...any) {
	t.Helper()
	if err := s.DB.Exec(sql, args...).Error; err != nil {
		t.Fatalf("%s: %v", sql, err)
	}
}

func wantCode(t *testing.T, err error, want apperr.Code) {
	t.Helper()
	if got := apperr.CodeOf(err); got != want {
		t.Fatalf("code = %q, want %q (%v)", got, want, err)
	}
}

func ptr(id uint) *uint { return &id }

// valid is a finding of 2024Q2 in unit 0 that Save accepts.
func (f *fixture) valid() finding.Finding {
	return finding.Finding{RoundID: ptr(f.rounds[0]), UnitID: f.units[0], Dimension: "模范机关建设", Method: "查阅资料",
		Description: "  三会一课记录不完整，部分支部全年只开展了2次党课  ", Requirement: "补齐记录，建立台账",
		Responsible: "张明", Deadline: "2024-08-31"}
}

func (f *fixture) mustSave(t *testing.T, fd finding.Finding) uint {
	t.Helper()
	id, err := f.svc.Save(fd)
	if err != nil {
		t.Fatalf("save: %v", err)
	}
	return id
}

func (f *fixture) mustGet(t *testing.T, id uint) *finding.View {
	t.Helper()
	v, err := f.svc.Get(id)
	if err != nil {
		t.Fatalf("get %d: %v", id, err)
	}
	return v
}

func TestSave(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		f := mustFixture(t)
		id := f.mustSave(t, f.valid())
		v := f.mustGet(t, id)
		if v.Status != finding.Pending || v.Description != "三会一课记录不完整，部分支部全年只开展了2次党课" {
			t.Fatalf("stored %+v", v.Finding)
		}
		if v.UnitName != "区教育和体育局" || v.UnitShortName != "教体局" || v.AreaName != "第一联系片" || v.AreaNumber != 1 || v.RoundCode != "2024Q2" {
			t.Fatalf("view %+v", v)
		}
		if !v.Overdue || v.OverdueDays != 61 {
			t.Fatalf("overdue = %v, %d days; want 61 days past 2024-08-31 on 2024-10-31", v.Overdue, v.OverdueDays)
		}
	})
	t.Run("OKWithoutRound", func(t *testing.T) {
		f := mustFixture(t)
		fd := f.valid()
		fd.RoundID = ptr(0)
		fd.UnitID = f.units[2] // observed in no round
		fd.Method, fd.Deadline = "", ""
		v := f.mustGet(t, f.mustSave(t, fd))
		if v.RoundID != nil || v.RoundCode != "" || v.Overdue {
			t.Fatalf("view %+v", v)
		}
	})
	t.Run("OKUpdateKeepsStatusAndDates", func(t *testing.T) {
		f := mustFixture(t)
		id := f.mustSave(t, f.valid())
		if err := f.svc.SetStatus(id, finding.Move{To: finding.Done, Date: "2024-08-20"}); err != nil {
			t.Fatal(err)
		}
		fd := f.mustGet(t, id).Finding
		fd.Description, fd.Status, fd.DoneDate, fd.ClosedDate = "改写后的描述", finding.Closed, "2024-09-01", "2024-09-02"
		fd.UnitID = f.units[1]
		f.mustSave(t, fd)
		v := f.mustGet(t, id)
		if v.Description != "改写后的描述" || v.UnitID != f.units[1] || v.Status != finding.Done || v.DoneDate != "2024-08-20" || v.ClosedDate != "" {
			t.Fatalf("after update %+v", v.Finding)
		}
	})
	t.Run("OKCreateWithStatus", func(t *testing.T) {
		f := mustFixture(t)
		fd := f.valid()
		fd.Status, fd.DoneDate, fd.ClosedDate = finding.Closed, "2024-07-01", "2024-07-10"
		v := f.mustGet(t, f.mustSave(t, fd))
		if v.Status != finding.Closed || v.Overdue {
			t.Fatalf("view %+v", v)
		}
	})
	t.Run("ErrUpdateNotFound", func(t *testing.T) {
		f := mustFixture(t)
		fd := f.valid()
		fd.ID = 999
		_, err := f.svc.Save(fd)
		wantCode(t, err, apperr.NotFound)
	})

	invalid := []struct {
		name   string
		change func(f *fixture, fd *finding.Finding)
		want   string
	}{
		{"ErrDescriptionRequired", func(_ *fixture, fd *finding.Finding) { fd.Description = " \t " }, "问题描述不能为空"},
		{"ErrDescriptionTooLong", func(_ *fixture, fd *finding.Finding) { fd.Description = strings.Repeat("问", 2001) }, "问题描述不能超过"},
		{"ErrResponsibleTooLong", func(_ *fixture, fd *finding.Finding) { fd.Responsible = strings.Repeat("张", 51) }, "责任人不能超过"},
		{"ErrUnitRequired", func(_ *fixture, fd *finding.Finding) { fd.UnitID = 0 }, "请选择"},
		{"ErrUnitNotFound", func(_ *fixture, fd *finding.Finding) { fd.UnitID = 999; fd.RoundID = nil }, "单位不存在"},
		{"ErrUnitNotObserved", func(f *fixture, fd *finding.Finding) { fd.UnitID = f.units[2] }, "不是轮次 2024Q2 的观摩单位"},
		{"ErrRoundNotFound", func(_ *fixture, fd *finding.Finding) { fd.RoundID = ptr(999) }, "轮次不存在"},
		{"ErrMethod", func(_ *fixture, fd *finding.Finding) { fd.Method = "电话抽查" }, "巡察方式“电话抽查”无效"},
		{"ErrDeadlineNoDate", func(_ *fixture, fd *finding.Finding) { fd.Deadline = "年底前" }, "整改期限“年底前”无效"},
		{"ErrDeadlineSlashes", func(_ *fixture, fd *finding.Finding) { fd.Deadline = "2024/08/31" }, "整改期限"},
		{"ErrDeadlineNoSuchDay", func(_ *fixture, fd *finding.Finding) { fd.Deadline = "2024-02-30" }, "整改期限"},
		{"ErrDeadlineBeforeRound", func(_ *fixture, fd *finding.Finding) { fd.Deadline = "2024-06-14" }, "早于观摩日期"},
		{"ErrStatus", func(_ *fixture, fd *finding.Finding) { fd.Status = "已完成" }, "整改状态“已完成”无效"},
		{"ErrDoneWithoutDate", func(_ *fixture, fd *finding.Finding) { fd.Status = finding.Done }, "须有整改完成日期"},
		{"ErrPendingWithDoneDate", func(_ *fixture, fd *finding.Finding) { fd.DoneDate = "2024-07-01" }, "尚未整改完成"},
		{"ErrClosedWithoutDate", func(_ *fixture, fd *finding.Finding) { fd.Status, fd.DoneDate = finding.Closed, "2024-07-01" }, "须有销号日期"},
		{"ErrClosedBeforeDone", func(_ *fixture, fd *finding.Finding) {
			fd.Status, fd.DoneDate, fd.ClosedDate = finding.Closed, "2024-07-01", "2024-06-30"
		}, "销号日期不能早于"},
	}
	for _, tc := range invalid {
		t.Run(tc.name, func(t *testing.T) {
			f := mustFixture(t)
			fd := f.valid()
			tc.change(f, &fd)
			_, err := f.svc.Save(fd)
			wantCode(t, err, apperr.Invalid)
			if !strings.Contains(apperr.MessageOf(err), tc.want) {
				t.Fatalf("message %q does not say %q", apperr.MessageOf(err), tc.want)
			}
			var n int64
			f.s.DB.Table("findings").Count(&n)
			if n != 0 {
				t.Fatalf("%d findings stored after a refusal", n)
			}
		})
	}
}

func TestValidate(t *testing.T) {
	if err := (finding.Finding{UnitID: 1, Description: "x"}).Validate(); err != nil {
		t.Fatalf("minimal finding: %v", err)
	}
	wantCode(t, (finding.Finding{UnitID: 1}).Validate(), apperr.Invalid)
}

func TestSetStatus(t *testing.T) {
	type want struct {
		status           finding.Status
		doneDate, closed string
	}
	forward := []struct {
		name  string
		moves []finding.Move
		want  want
	}{
		{"OKStart", []finding.Move{{To: finding.InProgress, Date: "2024-07-01"}}, want{finding.InProgress, "", ""}},
		{"OKDone", []finding.Move{{To: finding.InProgress}, {To: finding.Done, Date: "2024-08-20"}}, want{finding.Done, "2024-08-20", ""}},
		{"OKDoneToday", []finding.Move{{To: finding.Done}}, want{finding.Done, "2024-10-31", ""}},
		{"OKDoneOnRoundDay", []finding.Move{{To: finding.Done, Date: "2024-06-15"}}, want{finding.Done, "2024-06-15", ""}},
		{"OKClosed", []finding.Move{{To: finding.Done, Date: "2024-08-20"}, {To: finding.Closed, Date: "2024-09-01"}}, want{finding.Closed, "2024-08-20", "2024-09-01"}},
		{"OKClosedSameDay", []finding.Move{{To: finding.Done, Date: "2024-08-20"}, {To: finding.Closed, Date: "2024-08-20"}}, want{finding.Closed, "2024-08-20", "2024-08-20"}},
		{"OKJumpToClosed", []finding.Move{{To: finding.Closed, Date: "2024-09-01"}}, want{finding.Closed, "2024-09-01", "2024-09-01"}},
		{"OKBackFromClosed", []finding.Move{{To: finding.Closed, Date: "2024-09-01"}, {To: finding.Done, Confirmed: true}}, want{finding.Done, "2024-09-01", ""}},
		{"OKBackFromDone", []finding.Move{{To: finding.Done, Date: "2024-09-01"}, {To: finding.InProgress, Confirmed: true}}, want{finding.InProgress, "", ""}},
		{"OKBackToPending", []finding.Move{{To: finding.InProgress}, {To: finding.Pending, Confirmed: true}}, want{finding.Pending, "", ""}},
		{"OKRedoAfterBack", []finding.Move{{To: finding.Done, Date: "2024-09-01"}, {To: finding.InProgress, Confirmed: true}, {To: finding.Done, Date: "2024-10-08"}}, want{finding.Done, "2024-10-08", ""}},
	}
	for _, tc := range forward {
		t.Run(tc.name, func(t *testing.T) {
			f := mustFixture(t)
			id := f.mustSave(t, f.valid())
			for _, m := range tc.moves {
				if err := f.svc.SetStatus(id, m); err != nil {
					t.Fatalf("move %+v: %v", m, err)
				}
			}
			v := f.mustGet(t, id)
			if got := (want{v.Status, v.DoneDate, v.ClosedDate}); got != tc.want {
				t.Fatalf("got %+v, want %+v", got, tc.want)
			}
		})
	}

	refused := []struct {
		name  string
		setup []finding.Move
		move  finding.Move
		code  apperr.Code
		want  string
	}{
		{"ErrSameStatus", nil, finding.Move{To: finding.Pending}, apperr.Invalid, "已是“待整改”"},
		{"ErrUnknownStatus", nil, finding.Move{To: "已完成"}, apperr.Invalid, "无效"},
		{"ErrBackUnconfirmed", []finding.Move{{To: finding.Done, Date: "2024-09-01"}}, finding.Move{To: finding.InProgress}, apperr.Conflict, "须确认"},
		{"ErrBackTwoSteps", []finding.Move{{To: finding.Closed, Date: "2024-09-01"}}, finding.Move{To: finding.InProgress, Confirmed: true}, apperr.Invalid, "只能退回一步"},
		{"ErrFutureDate", nil, finding.Move{To: finding.Done, Date: "2024-11-01"}, apperr.Invalid, "不能晚于今天"},
		{"ErrBadDate", nil, finding.Move{To: finding.Done, Date: "2024-13-01"}, apperr.Invalid, "整改完成日期“2024-13-01”无效"},
		{"ErrBeforeRound", nil, finding.Move{To: finding.Done, Date: "2024-06-14"}, apperr.Invalid, "早于发现问题的观摩日期"},
		{"ErrClosedBeforeDone", []finding.Move{{To: finding.Done, Date: "2024-09-01"}}, finding.Move{To: finding.Closed, Date: "2024-08-31"}, apperr.Invalid, "不能早于整改完成日期"},
	}
	for _, tc := range refused {
		t.Run(tc.name, func(t *testing.T) {
			f := mustFixture(t)
			id := f.mustSave(t, f.valid())
			for _, m := range tc.setup {
				if err := f.svc.SetStatus(id, m); err != nil {
					t.Fatalf("setup %+v: %v", m, err)
				}
			}
			before := f.mustGet(t, id).Finding
			before.RoundID = nil
			err := f.svc.SetStatus(id, tc.move)
			wantCode(t, err, tc.code)
			if !strings.Contains(apperr.MessageOf(err), tc.want) {
				t.Fatalf("message %q does not say %q", apperr.MessageOf(err), tc.want)
			}
			after := f.mustGet(t, id).Finding
			if after.RoundID = nil; after != before {
				t.Fatalf("refused move changed the finding: %+v → %+v", before, after)
			}
		})
	}
	t.Run("ErrNotFound", func(t *testing.T) {
		f := mustFixture(t)
		wantCode(t, f.svc.SetStatus(999, finding.Move{To: finding.Done}), apperr.NotFound)
	})
}

func TestList(t *testing.T) {
	f := mustFixture(t)
	q2, q3 := f.rounds[0], f.rounds[1]
	add := func(round, unit uint, desc, deadline string, moves ...finding.Move) uint {
		fd := finding.Finding{RoundID: ptr(round), UnitID: unit, Description: desc, Deadline: deadline, Responsible: "李华"}
		id := f.mustSave(t, fd)
		for _, m := range moves {
			if err := f.svc.SetStatus(id, m); err != nil {
				t.Fatal(err)
			}
		}
		return id
	}
	add(q2, f.units[0], "Q2 教体局 逾期未整改", "2024-08-31")
	add(q2, f.units[1], "Q2 财政局 已整改", "2024-08-31", finding.Move{To: finding.Done, Date: "2024-08-30"})
	add(q2, f.units[1], "Q2 财政局 整改中 逾期", "2024-10-30", finding.Move{To: finding.InProgress})
	add(q3, f.units[1], "Q3 财政局 今天到期", "2024-10-31")
	add(q3, f.units[2], "Q3 商务局 无期限", "")
	add(q3, f.units[2], "Q3 商务局 已销号 过期", "2024-09-30", finding.Move{To: finding.Closed, Date: "2024-10-01"})

	cases := []struct {
		name   string
		filter finding.Filter
		want   []string
	}{
		{"All", finding.Filter{}, []string{"Q3 财政局 今天到期", "Q3 商务局 无期限", "Q3 商务局 已销号 过期", "Q2 教体局 逾期未整改", "Q2 财政局 已整改", "Q2 财政局 整改中 逾期"}},
		{"Round", finding.Filter{RoundID: q2}, []string{"Q2 教体局 逾期未整改", "Q2 财政局 已整改", "Q2 财政局 整改中 逾期"}},
		{"Unit", finding.Filter{UnitID: f.units[1]}, []string{"Q3 财政局 今天到期", "Q2 财政局 已整改", "Q2 财政局 整改中 逾期"}},
		{"RoundAndUnit", finding.Filter{RoundID: q3, UnitID: f.units[1]}, []string{"Q3 财政局 今天到期"}},
		{"Area", finding.Filter{AreaID: f.areas[1]}, []string{"Q3 财政局 今天到期", "Q3 商务局 无期限", "Q3 商务局 已销号 过期", "Q2 财政局 已整改", "Q2 财政局 整改中 逾期"}},
		{"Status", finding.Filter{Status: finding.Pending}, []string{"Q3 财政局 今天到期", "Q3 商务局 无期限", "Q2 教体局 逾期未整改"}},
		{"Overdue", finding.Filter{Overdue: true}, []string{"Q2 教体局 逾期未整改", "Q2 财政局 整改中 逾期"}},
		{"OverdueInRound", finding.Filter{RoundID: q3, Overdue: true}, nil},
		{"Query", finding.Filter{Query: "商务"}, []string{"Q3 商务局 无期限", "Q3 商务局 已销号 过期"}},
		{"QueryResponsible", finding.Filter{Query: "李华", RoundID: q2, Status: finding.Done}, []string{"Q2 财政局 已整改"}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, err := f.svc.List(tc.filter)
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for _, v := range got {
				names = append(names, v.Description)
				wantOverdue := strings.Contains(v.Description, "逾期")
				if v.Overdue != wantOverdue || (v.OverdueDays > 0) != wantOverdue {
					t.Errorf("%s: overdue = %v (%d days)", v.Description, v.Overdue, v.OverdueDays)
				}
			}
			if strings.Join(names, "|") != strings.Join(tc.want, "|") {
				t.Fatalf("got  %q\nwant %q", names, tc.want)
			}
		})
	}
	t.Run("ErrStatus", func(t *testing.T) {
		_, err := f.svc.List(finding.Filter{Status: "已完成"})
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("OverdueFollowsTheClock", func(t *testing.T) {
		f.svc.Now = func() time.Time { return time.Date(2024, 11, 1, 8, 0, 0, 0, time.Local) }
		defer func() { f.svc.Now = func() time.Time { return time.Date(2024, 10, 31, 15, 0, 0, 0, time.Local) } }()
		got, err := f.svc.List(finding.Filter{RoundID: q3, Overdue: true})
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != 1 || got[0].Description != "Q3 财政局 今天到期" || got[0].OverdueDays != 1 {
			t.Fatalf("the day after its deadline: %+v", got)
		}
	})
}

func TestOverdueDays(t *testing.T) {
	cases := []struct {
		status   finding.Status
		deadline string
		today    string
		want     int
	}{
		{finding.Pending, "2024-10-30", "2024-10-31", 1},
		{finding.InProgress, "2024-01-31", "2024-03-01", 30}, // a leap year's February
		{finding.Pending, "2024-10-31", "2024-10-31", 0},     // due today is not yet overdue
		{finding.Pending, "2024-11-30", "2024-10-31", 0},
		{finding.Pending, "", "2024-10-31", 0},
		{finding.Done, "2024-01-01", "2024-10-31", 0},
		{finding.Closed, "2024-01-01", "2024-10-31", 0},
	}
	for _, tc := range cases {
		fd := finding.Finding{Status: tc.status, Deadline: tc.deadline}
		if got := fd.OverdueDays(tc.today); got != tc.want {
			t.Errorf("%s due %q on %s: %d days, want %d", tc.status, tc.deadline, tc.today, got, tc.want)
		}
	}
}

func TestDelete(t *testing.T) {
	t.Run("OK", func(t *testing.T) {
		f := mustFixture(t)
		id := f.mustSave(t, f.valid())
		keep := f.mustSave(t, f.valid())
		if err := f.svc.Delete(id); err != nil {
			t.Fatal(err)
		}
		_, err := f.svc.Get(id)
		wantCode(t, err, apperr.NotFound)
		f.mustGet(t, keep)
	})
	t.Run("ErrNotFound", func(t *testing.T) {
		f := mustFixture(t)
		wantCode(t, f.svc.Delete(999), apperr.NotFound)
	})
}

func TestOptionsFor(t *testing.T) {
	f := mustFixture(t)
	o, err := f.svc.OptionsFor(f.rounds[1])
	if err != nil {
		t.Fatal(err)
	}
	// Level-1 indicators only, in their sort order.
	if got := strings.Join(o.Dimensions, "|"); got != "党建和业务融合|模范机关建设|机关党建责任清单落实" {
		t.Fatalf("dimensions %q", got)
	}
	if len(o.Methods) != 6 || o.Methods[4] != "驻地受理信访举报" || len(o.Statuses) != 4 {
		t.Fatalf("options %+v", o)
	}
	o, err = f.svc.OptionsFor(0)
	if err != nil || o.Dimensions == nil || len(o.Dimensions) != 0 {
		t.Fatalf("no round: %+v, %v", o, err)
	}
	_, err = f.svc.OptionsFor(999)
	wantCode(t, err, apperr.Invalid)
}
