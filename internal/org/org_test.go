package org_test

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

func mustOpenService(t *testing.T) (*org.Service, *store.Store) {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "org.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return org.NewService(s), s
}

func wantCode(t *testing.T, err error, want apperr.Code) {
	t.Helper()
	if got := apperr.CodeOf(err); got != want {
		t.Fatalf("code = %q, want %q (%v)", got, want, err)
	}
}

func ptr(id uint) *uint { return &id }

func mustArea(t *testing.T, svc *org.Service, number int, name string) org.Area {
	t.Helper()
	a, err := svc.SaveArea(org.Area{Number: number, Name: name})
	if err != nil {
		t.Fatalf("save area %s: %v", name, err)
	}
	return a
}

func mustUnit(t *testing.T, svc *org.Service, name, short string, area *org.Area) org.Unit {
	t.Helper()
	u := org.Unit{Name: name, ShortName: short}
	if area != nil {
		u.AreaID = ptr(area.ID)
	}
	u, err := svc.SaveUnit(u)
	if err != nil {
		t.Fatalf("save unit %s: %v", name, err)
	}
	return u
}

func mustPerson(t *testing.T, svc *org.Service, name string, unit *org.Unit) org.Person {
	t.Helper()
	p := org.Person{Name: name, Title: "干部"}
	if unit != nil {
		p.UnitID = ptr(unit.ID)
	}
	p, err := svc.SavePerson(p)
	if err != nil {
		t.Fatalf("save person %s: %v", name, err)
	}
	return p
}

func TestValidateShortName(t *testing.T) {
	tests := []struct {
		name, in string
		want     apperr.Code
	}{
		{"OK", "教体局", ""},
		{"OK_31Runes", strings.Repeat("局", 31), ""},
		{"OK_InnerQuote", "区'委办", ""},
		{"OK_Historyish", "History2", ""},
		{"ErrEmpty", "", apperr.Invalid},
		{"ErrTooLong", strings.Repeat("局", 32), apperr.Invalid},
		{"ErrBracketOpen", "教体[局", apperr.Invalid},
		{"ErrBracketClose", "教体]局", apperr.Invalid},
		{"ErrColon", "教体:局", apperr.Invalid},
		{"ErrStar", "教体*局", apperr.Invalid},
		{"ErrQuestion", "教体?局", apperr.Invalid},
		{"ErrSlash", "教体/局", apperr.Invalid},
		{"ErrBackslash", `教体\局`, apperr.Invalid},
		{"ErrLeadingQuote", "'教体局", apperr.Invalid},
		{"ErrTrailingQuote", "教体局'", apperr.Invalid},
		{"ErrHistory", "History", apperr.Invalid},
		{"ErrHistoryLower", "history", apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := apperr.CodeOf(org.ValidateShortName(tt.in)); got != tt.want {
				t.Fatalf("ValidateShortName(%q) code = %q, want %q", tt.in, got, tt.want)
			}
		})
	}
}

func TestSaveArea_Validation(t *testing.T) {
	tests := []struct {
		name string
		area org.Area
		want apperr.Code
	}{
		{"OK", org.Area{Number: 1, Name: "第一联系片"}, ""},
		{"OK_Trimmed", org.Area{Number: 2, Name: "  第二联系片  "}, ""},
		{"OK_50Runes", org.Area{Number: 3, Name: strings.Repeat("片", 50)}, ""},
		{"ErrNameRequired", org.Area{Number: 4, Name: ""}, apperr.Invalid},
		{"ErrNameBlank", org.Area{Number: 4, Name: " \t "}, apperr.Invalid},
		{"ErrNameTooLong", org.Area{Number: 4, Name: strings.Repeat("片", 51)}, apperr.Invalid},
		{"ErrNumberZero", org.Area{Number: 0, Name: "零"}, apperr.Invalid},
		{"ErrNumberTooBig", org.Area{Number: 1000, Name: "千"}, apperr.Invalid},
		{"ErrLeadUnitMissing", org.Area{Number: 5, Name: "五", LeadUnitID: ptr(999)}, apperr.Invalid},
		{"ErrLiaisonMissing", org.Area{Number: 5, Name: "五", LiaisonID: ptr(999)}, apperr.Invalid},
		{"ErrLeaderMissing", org.Area{Number: 5, Name: "五", LeaderID: ptr(999)}, apperr.Invalid},
	}
	svc, _ := mustOpenService(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := svc.SaveArea(tt.area)
			wantCode(t, err, tt.want)
			if err == nil && (got.ID == 0 || got.Name != strings.TrimSpace(tt.area.Name)) {
				t.Fatalf("saved %+v", got)
			}
		})
	}
}

func TestSaveUnit_Validation(t *testing.T) {
	svc, _ := mustOpenService(t)
	area := mustArea(t, svc, 1, "第一联系片")
	tests := []struct {
		name string
		unit org.Unit
		want apperr.Code
	}{
		{"OK", org.Unit{Name: "区教育和体育局", ShortName: "教体局", AreaID: ptr(area.ID), OrgType: "党组", MemberCount: 80}, ""},
		{"OK_NoArea", org.Unit{Name: "区档案馆", ShortName: "档案馆"}, ""},
		{"ErrNameRequired", org.Unit{Name: " ", ShortName: "空"}, apperr.Invalid},
		{"ErrNameTooLong", org.Unit{Name: strings.Repeat("局", 101), ShortName: "长"}, apperr.Invalid},
		{"ErrShortNameRequired", org.Unit{Name: "区某局", ShortName: ""}, apperr.Invalid},
		{"ErrShortNameTooLong", org.Unit{Name: "区某局", ShortName: strings.Repeat("局", 32)}, apperr.Invalid},
		{"ErrShortNameForbidden", org.Unit{Name: "区某局", ShortName: "某局/办"}, apperr.Invalid},
		{"ErrShortNameQuote", org.Unit{Name: "区某局", ShortName: "'某局"}, apperr.Invalid},
		{"ErrShortNameHistory", org.Unit{Name: "区某局", ShortName: "History"}, apperr.Invalid},
		{"ErrOrgType", org.Unit{Name: "区某局", ShortName: "某局", OrgType: "支部委员会"}, apperr.Invalid},
		{"ErrMemberCount", org.Unit{Name: "区某局", ShortName: "某局", MemberCount: -1}, apperr.Invalid},
		{"ErrAreaMissing", org.Unit{Name: "区某局", ShortName: "某局", AreaID: ptr(999)}, apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.SaveUnit(tt.unit)
			wantCode(t, err, tt.want)
		})
	}
}

func TestSavePerson_Validation(t *testing.T) {
	svc, _ := mustOpenService(t)
	tests := []struct {
		name   string
		person org.Person
		want   apperr.Code
	}{
		{"OK", org.Person{Name: "王建国", Title: "党组书记", Phone: "0537-3412345"}, ""},
		{"OK_PhoneWithBrackets", org.Person{Name: "李敏", Phone: "(0537) 341 2345"}, ""},
		{"ErrNameRequired", org.Person{Name: "  "}, apperr.Invalid},
		{"ErrNameTooLong", org.Person{Name: strings.Repeat("王", 31)}, apperr.Invalid},
		{"ErrPhoneLetters", org.Person{Name: "张伟", Phone: "call me"}, apperr.Invalid},
		{"ErrPhoneTooLong", org.Person{Name: "张伟", Phone: strings.Repeat("1", 31)}, apperr.Invalid},
		{"ErrUnitMissing", org.Person{Name: "张伟", UnitID: ptr(999)}, apperr.Invalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := svc.SavePerson(tt.person)
			wantCode(t, err, tt.want)
		})
	}
}

func TestUniqueness(t *testing.T) {
	svc, _ := mustOpenService(t)
	a1 := mustArea(t, svc, 1, "第一联系片")
	a2 := mustArea(t, svc, 2, "第二联系片")
	u1 := mustUnit(t, svc, "区教育和体育局", "教体局", &a1)
	u2 := mustUnit(t, svc, "区卫生健康局", "卫健局", &a1)
	mustPerson(t, svc, "王建国", &u1)
	mustPerson(t, svc, "李敏", nil)

	tests := []struct {
		name string
		save func() error
		want apperr.Code
	}{
		{"ErrAreaNumber", func() error { _, err := svc.SaveArea(org.Area{Number: 1, Name: "另一个"}); return err }, apperr.Conflict},
		{"ErrAreaName", func() error { _, err := svc.SaveArea(org.Area{Number: 3, Name: "第一联系片"}); return err }, apperr.Conflict},
		{"ErrAreaNameTrimmed", func() error { _, err := svc.SaveArea(org.Area{Number: 3, Name: " 第一联系片 "}); return err }, apperr.Conflict},
		{"ErrAreaRenumberedOntoOther", func() error { a := a2; a.Number = 1; _, err := svc.SaveArea(a); return err }, apperr.Conflict},
		{"OK_AreaSavedUnchanged", func() error { _, err := svc.SaveArea(a2); return err }, ""},
		{"ErrUnitName", func() error {
			_, err := svc.SaveUnit(org.Unit{Name: "区教育和体育局", ShortName: "教体"})
			return err
		}, apperr.Conflict},
		{"ErrUnitShortName", func() error {
			_, err := svc.SaveUnit(org.Unit{Name: "区教育局", ShortName: "教体局"})
			return err
		}, apperr.Conflict},
		{"ErrUnitShortNameOfOther", func() error { u := u2; u.ShortName = "教体局"; _, err := svc.SaveUnit(u); return err }, apperr.Conflict},
		{"OK_UnitSavedUnchanged", func() error { _, err := svc.SaveUnit(u1); return err }, ""},
		{"ErrPersonSameUnit", func() error { _, err := svc.SavePerson(org.Person{Name: "王建国", UnitID: ptr(u1.ID)}); return err }, apperr.Conflict},
		{"OK_PersonSameNameOtherUnit", func() error { _, err := svc.SavePerson(org.Person{Name: "王建国", UnitID: ptr(u2.ID)}); return err }, ""},
		{"OK_PersonSameNameNoUnit", func() error { _, err := svc.SavePerson(org.Person{Name: "王建国"}); return err }, ""},
		{"ErrPersonSameNameNoUnit", func() error { _, err := svc.SavePerson(org.Person{Name: "李敏"}); return err }, apperr.Conflict},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.save(), tt.want) })
	}
}

func TestLeadUnit(t *testing.T) {
	svc, _ := mustOpenService(t)
	a1 := mustArea(t, svc, 1, "第一联系片")
	a2 := mustArea(t, svc, 2, "第二联系片")
	own := mustUnit(t, svc, "区委办公室", "区委办", &a1)
	other := mustUnit(t, svc, "区委组织部", "组织部", &a2)

	t.Run("ErrUnitOfAnotherArea", func(t *testing.T) {
		a := a1
		a.LeadUnitID = ptr(other.ID)
		_, err := svc.SaveArea(a)
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("ErrNewAreaLedByUnitOfAnotherArea", func(t *testing.T) {
		_, err := svc.SaveArea(org.Area{Number: 3, Name: "第三联系片", LeadUnitID: ptr(other.ID)})
		wantCode(t, err, apperr.Invalid)
	})
	t.Run("OK", func(t *testing.T) {
		a := a1
		a.LeadUnitID = ptr(own.ID)
		if _, err := svc.SaveArea(a); err != nil {
			t.Fatal(err)
		}
	})
	t.Run("ErrMoveLeadUnitAway", func(t *testing.T) {
		u := own
		u.AreaID = ptr(a2.ID)
		_, err := svc.SaveUnit(u)
		wantCode(t, err, apperr.Conflict)
	})
	t.Run("ErrMoveLeadUnitOutOfAnyArea", func(t *testing.T) {
		u := own
		u.AreaID = nil
		_, err := svc.SaveUnit(u)
		wantCode(t, err, apperr.Conflict)
	})
	t.Run("OK_EditLeadUnitInPlace", func(t *testing.T) {
		u := own
		u.MemberCount = 42
		if _, err := svc.SaveUnit(u); err != nil {
			t.Fatal(err)
		}
	})
}

func TestDelete(t *testing.T) {
	svc, _ := mustOpenService(t)
	withUnits := mustArea(t, svc, 1, "第一联系片")
	empty := mustArea(t, svc, 2, "第二联系片")
	lead := mustUnit(t, svc, "区委办公室", "区委办", &withUnits)
	staffed := mustUnit(t, svc, "区委组织部", "组织部", &withUnits)
	bare := mustUnit(t, svc, "区档案馆", "档案馆", &withUnits)
	liaison := mustPerson(t, svc, "王建国", &lead)
	leader := mustPerson(t, svc, "李敏", &lead)
	plain := mustPerson(t, svc, "张伟", &staffed)
	withUnits.LeadUnitID, withUnits.LiaisonID, withUnits.LeaderID = ptr(lead.ID), ptr(liaison.ID), ptr(leader.ID)
	if _, err := svc.SaveArea(withUnits); err != nil {
		t.Fatal(err)
	}

	tests := []struct {
		name string
		del  func() error
		want apperr.Code
	}{
		{"ErrAreaWithUnits", func() error { return svc.DeleteArea(withUnits.ID) }, apperr.Conflict},
		{"ErrUnitLeadsArea", func() error { return svc.DeleteUnit(lead.ID) }, apperr.Conflict},
		{"ErrUnitWithPeople", func() error { return svc.DeleteUnit(staffed.ID) }, apperr.Conflict},
		{"ErrPersonIsLiaison", func() error { return svc.DeletePerson(liaison.ID) }, apperr.Conflict},
		{"ErrPersonIsLeader", func() error { return svc.DeletePerson(leader.ID) }, apperr.Conflict},
		{"ErrAreaMissing", func() error { return svc.DeleteArea(999) }, apperr.NotFound},
		{"ErrUnitMissing", func() error { return svc.DeleteUnit(999) }, apperr.NotFound},
		{"ErrPersonMissing", func() error { return svc.DeletePerson(999) }, apperr.NotFound},
		{"OK_Person", func() error { return svc.DeletePerson(plain.ID) }, ""},
		{"OK_UnitNowEmpty", func() error { return svc.DeleteUnit(staffed.ID) }, ""},
		{"OK_Unit", func() error { return svc.DeleteUnit(bare.ID) }, ""},
		{"OK_Area", func() error { return svc.DeleteArea(empty.ID) }, ""},
		{"ErrDeletedTwice", func() error { return svc.DeleteArea(empty.ID) }, apperr.NotFound},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) { wantCode(t, tt.del(), tt.want) })
	}
	c, err := svc.Counts()
	if err != nil {
		t.Fatal(err)
	}
	if c != (org.Counts{Areas: 1, Units: 1, People: 2}) {
		t.Fatalf("counts after deletions = %+v, want 1 area, 1 unit, 2 people", c)
	}
}

func TestUpdate(t *testing.T) {
	svc, s := mustOpenService(t)
	area := mustArea(t, svc, 1, "第一联系片")
	unit := mustUnit(t, svc, "区委办公室", "区委办", &area)
	person := mustPerson(t, svc, "王建国", &unit)

	createdAt := func(table string, id uint) time.Time {
		t.Helper()
		var row struct{ CreatedAt, UpdatedAt time.Time }
		if err := s.DB.Table(table).Select("created_at, updated_at").Where("id = ?", id).Scan(&row).Error; err != nil {
			t.Fatal(err)
		}
		if row.CreatedAt.IsZero() {
			t.Fatalf("%s %d has no created_at", table, id)
		}
		return row.CreatedAt
	}

	t.Run("OK_KeepsCreatedAt", func(t *testing.T) {
		before := map[string]time.Time{"areas": createdAt("areas", area.ID), "units": createdAt("units", unit.ID), "people": createdAt("people", person.ID)}
		time.Sleep(10 * time.Millisecond)
		// The window sends objects without timestamps (they are not in its JSON).
		if _, err := svc.SaveArea(org.Area{ID: area.ID, Number: 1, Name: "第一联系片（改）"}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SaveUnit(org.Unit{ID: unit.ID, Name: "区委办", ShortName: "区委办", AreaID: ptr(area.ID)}); err != nil {
			t.Fatal(err)
		}
		if _, err := svc.SavePerson(org.Person{ID: person.ID, Name: "王建国", UnitID: ptr(unit.ID), Title: "主任"}); err != nil {
			t.Fatal(err)
		}
		for table, id := range map[string]uint{"areas": area.ID, "units": unit.ID, "people": person.ID} {
			if got := createdAt(table, id); !got.Equal(before[table]) {
				t.Errorf("%s created_at changed from %v to %v", table, before[table], got)
			}
		}
		areas, err := svc.ListAreas()
		if err != nil {
			t.Fatal(err)
		}
		if len(areas) != 1 || areas[0].Name != "第一联系片（改）" {
			t.Fatalf("areas after update = %+v", areas)
		}
	})
	t.Run("ErrMissing", func(t *testing.T) {
		_, err := svc.SaveArea(org.Area{ID: 999, Number: 9, Name: "不存在"})
		wantCode(t, err, apperr.NotFound)
		_, err = svc.SaveUnit(org.Unit{ID: 999, Name: "不存在", ShortName: "不存在"})
		wantCode(t, err, apperr.NotFound)
		_, err = svc.SavePerson(org.Person{ID: 999, Name: "不存在"})
		wantCode(t, err, apperr.NotFound)
	})
}

func TestListAreas(t *testing.T) {
	svc, _ := mustOpenService(t)
	mustArea(t, svc, 2, "第二联系片")
	a1 := mustArea(t, svc, 1, "第一联系片")
	lead := mustUnit(t, svc, "区委办公室", "区委办", &a1)
	mustUnit(t, svc, "区政府办公室", "政府办", &a1)
	liaison := mustPerson(t, svc, "王建国", &lead)
	a1.LeadUnitID, a1.LiaisonID, a1.LeaderID = ptr(lead.ID), ptr(liaison.ID), ptr(liaison.ID)
	if _, err := svc.SaveArea(a1); err != nil {
		t.Fatal(err)
	}
	areas, err := svc.ListAreas()
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(areaSummary(areas))
	want := fmt.Sprint([]string{"1 第一联系片 区委办公室 王建国 王建国 2", "2 第二联系片    0"})
	if got != want {
		t.Fatalf("areas = %s, want %s", got, want)
	}
}

func areaSummary(areas []org.AreaView) []string {
	var out []string
	for _, a := range areas {
		out = append(out, fmt.Sprintf("%d %s %s %s %s %d", a.Number, a.Name, a.LeadUnit, a.Liaison, a.Leader, a.UnitCount))
	}
	return out
}

func TestListFilters(t *testing.T) {
	svc, _ := mustOpenService(t)
	a1 := mustArea(t, svc, 1, "第一联系片")
	a2 := mustArea(t, svc, 2, "第二联系片")
	office := mustUnit(t, svc, "区委办公室", "区委办", &a1)
	gov := mustUnit(t, svc, "区政府办公室", "政府办", &a1)
	edu := mustUnit(t, svc, "区教育和体育局", "教体局", &a2)
	mustUnit(t, svc, "区档案馆", "档案馆", nil)
	mustPerson(t, svc, "王建国", &office)
	mustPerson(t, svc, "李敏", &gov)
	if _, err := svc.SavePerson(org.Person{Name: "张伟", UnitID: ptr(edu.ID), Title: "党建联络员"}); err != nil {
		t.Fatal(err)
	}
	mustPerson(t, svc, "赵静", nil)

	// Each case lists what a filter returns: units by short name, people by name.
	units := func(f org.UnitFilter) func() ([]string, error) {
		return func() ([]string, error) {
			return names(svc.ListUnits(f))(func(u org.UnitView) string { return u.ShortName })
		}
	}
	people := func(f org.PersonFilter) func() ([]string, error) {
		return func() ([]string, error) {
			return names(svc.ListPeople(f))(func(p org.PersonView) string { return p.Name })
		}
	}
	tests := []struct {
		name string
		list func() ([]string, error)
		want []string
	}{
		{"UnitsAll", units(org.UnitFilter{}), []string{"区委办", "政府办", "教体局", "档案馆"}},
		{"UnitsArea1", units(org.UnitFilter{AreaID: int(a1.ID)}), []string{"区委办", "政府办"}},
		{"UnitsArea2", units(org.UnitFilter{AreaID: int(a2.ID)}), []string{"教体局"}},
		{"UnitsNoArea", units(org.UnitFilter{AreaID: -1}), []string{"档案馆"}},
		{"UnitsQueryName", units(org.UnitFilter{Query: "办公室"}), []string{"区委办", "政府办"}},
		{"UnitsQueryShortName", units(org.UnitFilter{Query: " 教体 "}), []string{"教体局"}},
		{"UnitsAreaAndQuery", units(org.UnitFilter{AreaID: int(a1.ID), Query: "政府"}), []string{"政府办"}},
		{"UnitsNoMatch", units(org.UnitFilter{Query: "不存在"}), nil},
		{"PeopleAll", people(org.PersonFilter{}), []string{"王建国", "李敏", "张伟", "赵静"}},
		{"PeopleUnit", people(org.PersonFilter{UnitID: int(gov.ID)}), []string{"李敏"}},
		{"PeopleQueryName", people(org.PersonFilter{Query: "建国"}), []string{"王建国"}},
		{"PeopleQueryTitle", people(org.PersonFilter{Query: "联络员"}), []string{"张伟"}},
		{"PeopleQueryUnitName", people(org.PersonFilter{Query: "办公室"}), []string{"王建国", "李敏"}},
		{"PeopleUnitAndQuery", people(org.PersonFilter{UnitID: int(office.ID), Query: "李"}), nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := tt.list()
			if err != nil {
				t.Fatal(err)
			}
			if fmt.Sprint(got) != fmt.Sprint(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
	t.Run("PeopleUnitName", func(t *testing.T) {
		got, err := svc.ListPeople(org.PersonFilter{UnitID: int(edu.ID)})
		if err != nil || len(got) != 1 || got[0].UnitName != "区教育和体育局" {
			t.Fatalf("people of 教体局 = %+v, %v", got, err)
		}
	})
}

// names maps a list call's result to one name per row, passing its error on.
func names[T any](list []T, err error) func(name func(T) string) ([]string, error) {
	return func(name func(T) string) ([]string, error) {
		var out []string
		for _, v := range list {
			out = append(out, name(v))
		}
		return out, err
	}
}

func TestGetUnitByName(t *testing.T) {
	svc, _ := mustOpenService(t)
	u := mustUnit(t, svc, "区教育和体育局", "教体局", nil)
	for _, name := range []string{"区教育和体育局", "教体局"} {
		got, err := svc.GetUnitByName(name)
		if err != nil || got.ID != u.ID {
			t.Fatalf("GetUnitByName(%s) = %+v, %v", name, got, err)
		}
	}
	_, err := svc.GetUnitByName("区不存在局")
	wantCode(t, err, apperr.NotFound)
}
