package frontline_test

import (
	"path/filepath"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/frontline"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

func mustOpenDB(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// newService returns a service whose today is 2024-12-01.
func newService(s *store.Store) *frontline.Service {
	svc := frontline.NewService(s)
	svc.Now = func() time.Time { return time.Date(2024, 12, 1, 10, 0, 0, 0, time.Local) }
	return svc
}

func mustUnit(t *testing.T, s *store.Store, name, short string) uint {
	t.Helper()
	u, err := org.NewService(s).SaveUnit(org.Unit{Name: name, ShortName: short})
	if err != nil {
		t.Fatal(err)
	}
	return u.ID
}

func ptr(v uint) *uint { return &v }

func wantCode(t *testing.T, err error, code apperr.Code) {
	t.Helper()
	if got := apperr.CodeOf(err); got != code {
		t.Fatalf("error code = %q (%v), want %q", got, err, code)
	}
}

func validBranch(unit uint) frontline.Branch {
	return frontline.Branch{Name: "第一轮巡察第一组临时党支部", Kind: frontline.KindInspection, HostUnitID: ptr(unit),
		Secretary: "王建国", MemberCount: 5, Members: "王建国、李敏、张伟", Founded: "2024-03-01"}
}

func TestBranchRules(t *testing.T) {
	s := mustOpenDB(t)
	unit := mustUnit(t, s, "区纪委监委", "纪委监委")
	svc := newService(s)
	tests := []struct {
		name  string
		edit  func(b *frontline.Branch)
		code  apperr.Code
		field string
	}{
		{"OK", func(b *frontline.Branch) {}, "", ""},
		{"ErrNameRequired", func(b *frontline.Branch) { b.Name = "  " }, apperr.Invalid, "name"},
		{"ErrKind", func(b *frontline.Branch) { b.Kind = "专项组" }, apperr.Invalid, "kind"},
		{"ErrHostRequired", func(b *frontline.Branch) { b.HostUnitID = nil }, apperr.Invalid, "host"},
		{"OKHostText", func(b *frontline.Branch) { b.HostUnitID, b.HostText = nil, "区发改局等26个部门及镇街" }, "", ""},
		{"ErrHostUnitMissing", func(b *frontline.Branch) { b.HostUnitID = ptr(999) }, apperr.Invalid, "host"},
		{"ErrSecretaryRequired", func(b *frontline.Branch) { b.Secretary = "" }, apperr.Invalid, "secretary"},
		{"ErrTooFewMembers", func(b *frontline.Branch) { b.MemberCount, b.Members = 2, "王建国、李敏" }, apperr.Invalid, "count"},
		{"OKCountFromNames", func(b *frontline.Branch) { b.MemberCount = 0 }, "", ""},
		{"ErrMoreNamesThanCount", func(b *frontline.Branch) { b.MemberCount, b.Members = 3, "甲、乙、丙、丁" }, apperr.Invalid, "members"},
		{"ErrFoundedRequired", func(b *frontline.Branch) { b.Founded = "" }, apperr.Invalid, "founded"},
		{"ErrFoundedBadDate", func(b *frontline.Branch) { b.Founded = "2024-02-30" }, apperr.Invalid, "founded"},
		{"ErrFoundedFuture", func(b *frontline.Branch) { b.Founded = "2025-01-01" }, apperr.Invalid, "founded"},
		{"ErrDissolvedBeforeFounded", func(b *frontline.Branch) { b.Dissolved = "2024-02-28" }, apperr.Invalid, "dissolved"},
		{"OKDissolvedSameDay", func(b *frontline.Branch) { b.Dissolved = "2024-03-01" }, "", ""},
		{"ErrParentOnlyForTeams", func(b *frontline.Branch) { b.ParentID = ptr(1) }, apperr.Invalid, "parent"},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := validBranch(unit)
			b.Name = b.Name + string(rune('A'+i))
			tc.edit(&b)
			saved, err := svc.SaveBranch(b)
			wantCode(t, err, tc.code)
			if got := frontline.FieldOf(err); got != tc.field {
				t.Fatalf("field = %q, want %q", got, tc.field)
			}
			if err == nil && saved.ID == 0 {
				t.Fatal("saved without an id")
			}
		})
	}
	t.Run("ErrDuplicateName", func(t *testing.T) {
		b := validBranch(unit)
		b.Name = "重复的支部"
		if _, err := svc.SaveBranch(b); err != nil {
			t.Fatal(err)
		}
		_, err := svc.SaveBranch(b)
		wantCode(t, err, apperr.Conflict)
	})
}

func TestBranchHierarchy(t *testing.T) {
	s := mustOpenDB(t)
	svc := newService(s)
	hq, err := svc.SaveBranch(frontline.Branch{Name: "区县域经济高质量发展指挥部临时党支部", Kind: frontline.KindHQ,
		HostText: "区发改局等26个部门及镇街", Secretary: "姜磊", MemberCount: 9, Founded: "2023-03-01"})
	if err != nil {
		t.Fatal(err)
	}
	team := frontline.Branch{Name: "经济运行工作专班临时党支部", Kind: frontline.KindTeam, ParentID: &hq.ID,
		HostText: "区统计局", Secretary: "李敏", MemberCount: 4, Founded: "2023-03-10"}
	t.Run("ErrTeamBeforeHQ", func(t *testing.T) {
		early := team
		early.Founded = "2023-02-01"
		_, err := svc.SaveBranch(early)
		wantCode(t, err, apperr.Invalid)
	})
	team, err = svc.SaveBranch(team)
	if err != nil {
		t.Fatal(err)
	}
	t.Run("ErrParentNotHQ", func(t *testing.T) {
		other := team
		other.ID, other.Name, other.ParentID = 0, "另一个专班", &team.ID
		_, err := svc.SaveBranch(other)
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrHQKindChangeWithTeams", func(t *testing.T) {
		h := hq
		h.Kind = frontline.KindProject
		_, err := svc.SaveBranch(h)
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrDeleteHQWithTeams", func(t *testing.T) {
		wantCode(t, svc.DeleteBranch(hq.ID), apperr.Conflict)
	})
	t.Run("ListPutsTeamsUnderHQ", func(t *testing.T) {
		list, err := svc.ListBranches()
		if err != nil {
			t.Fatal(err)
		}
		if len(list) != 2 || list[0].ID != hq.ID || list[1].ParentName != hq.Name || list[0].Teams != 1 || list[0].Host != "区发改局等26个部门及镇街" {
			t.Fatalf("list = %+v", list)
		}
	})
}

func TestMatterRules(t *testing.T) {
	s := mustOpenDB(t)
	unit := mustUnit(t, s, "区纪委监委", "纪委监委")
	svc := newService(s)
	b := validBranch(unit)
	b.Dissolved = "2024-05-31"
	branch, err := svc.SaveBranch(b)
	if err != nil {
		t.Fatal(err)
	}
	valid := func() frontline.Matter {
		return frontline.Matter{Title: "老旧小区路灯维修", Source: frontline.SourcePublic, BranchID: &branch.ID, Handler: "李敏",
			Received: "2024-03-05", Done: "2024-03-12", Status: frontline.MatterDone, Result: "更换路灯12盏"}
	}
	tests := []struct {
		name  string
		edit  func(m *frontline.Matter)
		code  apperr.Code
		field string
	}{
		{"OK", func(m *frontline.Matter) {}, "", ""},
		{"OKUnitOnly", func(m *frontline.Matter) { m.BranchID, m.UnitID = nil, &unit }, "", ""},
		{"OKOpen", func(m *frontline.Matter) { m.Status, m.Done, m.Result = frontline.MatterOpen, "", "" }, "", ""},
		{"OKStatusFromDoneDate", func(m *frontline.Matter) { m.Status = "" }, "", ""},
		{"ErrTitleRequired", func(m *frontline.Matter) { m.Title = "" }, apperr.Invalid, "title"},
		{"ErrSource", func(m *frontline.Matter) { m.Source = "个人" }, apperr.Invalid, "source"},
		{"ErrNoBranchNorUnit", func(m *frontline.Matter) { m.BranchID = nil }, apperr.Invalid, "branch"},
		{"ErrHandlerRequired", func(m *frontline.Matter) { m.Handler = "" }, apperr.Invalid, "handler"},
		{"ErrReceivedRequired", func(m *frontline.Matter) { m.Received = "" }, apperr.Invalid, "received"},
		{"ErrStatus", func(m *frontline.Matter) { m.Status = "已完成" }, apperr.Invalid, "status"},
		{"ErrDoneBeforeReceived", func(m *frontline.Matter) { m.Done = "2024-03-04" }, apperr.Invalid, "done"},
		{"OKDoneSameDay", func(m *frontline.Matter) { m.Done = "2024-03-05" }, "", ""},
		{"ErrDoneMissing", func(m *frontline.Matter) { m.Done = "" }, apperr.Invalid, "done"},
		{"ErrOpenWithDoneDate", func(m *frontline.Matter) { m.Status = frontline.MatterOpen }, apperr.Invalid, "done"},
		{"ErrResultMissing", func(m *frontline.Matter) { m.Result = "" }, apperr.Invalid, "result"},
		{"ErrDoneFuture", func(m *frontline.Matter) { m.Done = "2024-12-02" }, apperr.Invalid, "done"},
		{"ErrBeforeBranchFounded", func(m *frontline.Matter) { m.Received = "2024-02-20" }, apperr.Invalid, "received"},
		{"ErrAfterBranchDissolved", func(m *frontline.Matter) { m.Received, m.Done = "2024-06-01", "2024-06-02" }, apperr.Invalid, "received"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := valid()
			tc.edit(&m)
			saved, err := svc.SaveMatter(m)
			wantCode(t, err, tc.code)
			if got := frontline.FieldOf(err); got != tc.field {
				t.Fatalf("field = %q, want %q", got, tc.field)
			}
			if err == nil && saved.Code == "" {
				t.Fatal("saved without a code")
			}
		})
	}
	t.Run("CodesNumberedPerYear", func(t *testing.T) {
		list, err := svc.ListMatters()
		if err != nil {
			t.Fatal(err)
		}
		seen := map[string]bool{}
		for _, m := range list {
			if seen[m.Code] || m.Code[:5] != "2024-" {
				t.Fatalf("code %q repeated or of the wrong year", m.Code)
			}
			seen[m.Code] = true
		}
		m := valid()
		m.Code = list[0].Code
		_, err = svc.SaveMatter(m)
		wantCode(t, err, apperr.Conflict)
	})
	t.Run("ErrBranchDatesWouldStrandMatters", func(t *testing.T) {
		b := branch
		b.Founded = "2024-03-06"
		_, err := svc.SaveBranch(b)
		wantCode(t, err, apperr.Invalid)
		b = branch
		b.Dissolved = "2024-03-04"
		_, err = svc.SaveBranch(b)
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrDeleteBranchWithMatters", func(t *testing.T) {
		wantCode(t, svc.DeleteBranch(branch.ID), apperr.Conflict)
	})
}

func TestBrandRules(t *testing.T) {
	s := mustOpenDB(t)
	unit := mustUnit(t, s, "区市场监督管理局", "市场监管局")
	other := mustUnit(t, s, "区教育和体育局", "教体局")
	svc := newService(s)
	main, err := svc.SaveBrand(frontline.Brand{UnitID: unit, Kind: frontline.BrandMain, Name: "穿行先锋 端信监管", Level: "区级", Year: 2023, BonusCenti: 50})
	if err != nil {
		t.Fatal(err)
	}
	valid := func() frontline.Brand {
		return frontline.Brand{UnitID: unit, Kind: frontline.BrandSub, ParentID: &main.ID, Name: "执行先锋", Level: "区级", Year: 2023}
	}
	tests := []struct {
		name  string
		edit  func(b *frontline.Brand)
		code  apperr.Code
		field string
	}{
		{"OK", func(b *frontline.Brand) {}, "", ""},
		{"ErrUnitRequired", func(b *frontline.Brand) { b.UnitID = 0 }, apperr.Invalid, "unit"},
		{"ErrNameRequired", func(b *frontline.Brand) { b.Name = "" }, apperr.Invalid, "name"},
		{"ErrKind", func(b *frontline.Brand) { b.Kind = "奖项" }, apperr.Invalid, "kind"},
		{"ErrLevel", func(b *frontline.Brand) { b.Level = "乡镇级" }, apperr.Invalid, "level"},
		{"ErrYearFuture", func(b *frontline.Brand) { b.Year = 2025 }, apperr.Invalid, "year"},
		{"ErrBonusTooHigh", func(b *frontline.Brand) { b.BonusCenti = 1001 }, apperr.Invalid, "bonus"},
		{"ErrSubWithoutParent", func(b *frontline.Brand) { b.ParentID = nil }, apperr.Invalid, "parent"},
		{"ErrParentOfOtherUnit", func(b *frontline.Brand) { b.UnitID = other }, apperr.Invalid, "parent"},
		{"ErrHonourWithParent", func(b *frontline.Brand) { b.Kind = frontline.Honour }, apperr.Invalid, "parent"},
		{"ErrDuplicate", func(b *frontline.Brand) { b.Kind, b.ParentID, b.Name = frontline.BrandMain, nil, main.Name }, apperr.Conflict, ""},
		{"OKSameNameOtherYear", func(b *frontline.Brand) { b.Kind, b.ParentID, b.Name, b.Year = frontline.Honour, nil, main.Name, 2024 }, "", ""},
	}
	for i, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			b := valid()
			if tc.code == "" && tc.name != "OKSameNameOtherYear" {
				b.Name += string(rune('A' + i))
			}
			tc.edit(&b)
			_, err := svc.SaveBrand(b)
			wantCode(t, err, tc.code)
			if got := frontline.FieldOf(err); got != tc.field {
				t.Fatalf("field = %q, want %q", got, tc.field)
			}
		})
	}
	t.Run("ErrDeleteWithSubBrands", func(t *testing.T) {
		wantCode(t, svc.DeleteBrand(main.ID), apperr.Conflict)
	})
	t.Run("ListPutsSubBrandsUnderBrand", func(t *testing.T) {
		list, err := svc.ListBrands()
		if err != nil {
			t.Fatal(err)
		}
		if list[0].ID != main.ID || list[0].SubBrands != 1 || list[1].ParentName != main.Name {
			t.Fatalf("list = %+v", list)
		}
	})
}
