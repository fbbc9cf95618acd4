package demo_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"testing"

	"liankanping/internal/apperr"
	"liankanping/internal/cli"
	"liankanping/internal/demo"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

func mustOpen(t *testing.T, name string) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), name))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func mustLoad(t *testing.T, name string) *store.Store {
	t.Helper()
	s := mustOpen(t, name)
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatalf("load demo: %v", err)
	}
	return s
}

// orgJSON is what `liankanping org --db FILE --json` prints.
func orgJSON(t *testing.T, path string) []byte {
	t.Helper()
	var out, errOut bytes.Buffer
	if code := cli.Run([]string{"org", "--db", path, "--json"}, &out, &errOut); code != cli.ExitOK {
		t.Fatalf("org --json exit %d: %s", code, errOut.String())
	}
	return out.Bytes()
}

// orgRows dumps the organisation tables without their timestamps.
func orgRows(t *testing.T, s *store.Store) string {
	t.Helper()
	queries := []string{
		"SELECT id, number, name, lead_unit_id, liaison_id, leader_id FROM areas ORDER BY id",
		"SELECT id, name, short_name, area_id, org_type, secretary, member_count, sort_order FROM units ORDER BY id",
		"SELECT id, name, unit_id, title, phone FROM people ORDER BY id",
	}
	var b bytes.Buffer
	for _, q := range queries {
		var rows []map[string]any
		if err := s.DB.Raw(q).Scan(&rows).Error; err != nil {
			t.Fatal(err)
		}
		fmt.Fprintln(&b, rows)
	}
	return b.String()
}

func TestLoad_Deterministic(t *testing.T) {
	a := mustLoad(t, "a.db")
	b := mustLoad(t, "b.db")
	ra, rb := orgRows(t, a), orgRows(t, b)
	if !bytes.Contains([]byte(ra), []byte("教体局")) {
		t.Fatalf("the dump of the organisation misses 教体局: %.200s", ra)
	}
	if ra != rb {
		t.Fatal("two demo databases hold different organisations")
	}
	ja, jb := orgJSON(t, a.Path), orgJSON(t, b.Path)
	if !bytes.Equal(ja, jb) {
		t.Fatalf("org --json differs between two demo builds:\n%s\n---\n%s", ja, jb)
	}
}

func TestLoad_District(t *testing.T) {
	s := mustLoad(t, "demo.db")
	svc := org.NewService(s)
	areas, err := svc.ListAreas()
	if err != nil {
		t.Fatal(err)
	}
	units, err := svc.ListUnits(org.UnitFilter{})
	if err != nil {
		t.Fatal(err)
	}
	people, err := svc.ListPeople(org.PersonFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if len(areas) != 11 || len(units) != 67 {
		t.Fatalf("%d areas and %d units, want 11 and 67", len(areas), len(units))
	}
	personByID := map[uint]org.PersonView{}
	for _, p := range people {
		personByID[p.ID] = p
	}
	unitByID := map[uint]org.UnitView{}
	shortNames := map[string]bool{}
	for _, u := range units {
		unitByID[u.ID] = u
		if err := org.ValidateShortName(u.ShortName); err != nil {
			t.Errorf("unit %s: %v", u.Name, err)
		}
		if shortNames[u.ShortName] {
			t.Errorf("short name %s used twice", u.ShortName)
		}
		shortNames[u.ShortName] = true
		if u.AreaID == nil || u.Secretary == "" || u.OrgType == "" || u.MemberCount <= 0 {
			t.Errorf("unit %s incomplete: %+v", u.Name, u.Unit)
		}
	}
	leaders := map[uint]bool{}
	total := 0
	for i, a := range areas {
		if a.Number != i+1 {
			t.Errorf("area %s has number %d, want %d", a.Name, a.Number, i+1)
		}
		total += a.UnitCount
		if a.UnitCount == 0 {
			t.Errorf("area %s has no units", a.Name)
		}
		if a.LeadUnitID == nil || a.LiaisonID == nil || a.LeaderID == nil {
			t.Errorf("area %s lacks a lead unit, liaison or leader: %+v", a.Name, a.Area)
			continue
		}
		lead, ok := unitByID[*a.LeadUnitID]
		if !ok || lead.AreaID == nil || *lead.AreaID != a.ID {
			t.Errorf("area %s is led by %s, a unit of another area", a.Name, a.LeadUnit)
		}
		if p, ok := personByID[*a.LiaisonID]; !ok || p.Name != a.Liaison || a.Liaison == "" {
			t.Errorf("area %s: liaison %q not found", a.Name, a.Liaison)
		}
		if _, ok := personByID[*a.LeaderID]; !ok || a.Leader == "" {
			t.Errorf("area %s: leader %q not found", a.Name, a.Leader)
		}
		if leaders[*a.LeaderID] {
			t.Errorf("area %s shares its leader %s with another area", a.Name, a.Leader)
		}
		leaders[*a.LeaderID] = true
	}
	if total != 67 {
		t.Errorf("areas count %d units in all, want 67", total)
	}
	if u, ok := findUnit(units, "教体局"); !ok || u.AreaNumber != 6 {
		t.Errorf("教体局 not in the 6th area: %+v", u)
	}
}

func findUnit(units []org.UnitView, short string) (org.UnitView, bool) {
	for _, u := range units {
		if u.ShortName == short {
			return u, true
		}
	}
	return org.UnitView{}, false
}

func TestLoad_RefusesNonEmpty(t *testing.T) {
	tests := []struct {
		name string
		fill func(t *testing.T, s *store.Store)
	}{
		{"ErrDemoAlreadyLoaded", func(t *testing.T, s *store.Store) {
			if err := demo.Load(s, demo.Options{}); err != nil {
				t.Fatal(err)
			}
		}},
		{"ErrOnePerson", func(t *testing.T, s *store.Store) {
			if _, err := org.NewService(s).SavePerson(org.Person{Name: "王建国"}); err != nil {
				t.Fatal(err)
			}
		}},
		{"ErrOneArea", func(t *testing.T, s *store.Store) {
			if _, err := org.NewService(s).SaveArea(org.Area{Number: 1, Name: "我们的联系片"}); err != nil {
				t.Fatal(err)
			}
		}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t, "full.db")
			tt.fill(t, s)
			before := orgRows(t, s)
			err := demo.Load(s, demo.Options{})
			if code := apperr.CodeOf(err); code != apperr.Conflict {
				t.Fatalf("code = %q, want %q (%v)", code, apperr.Conflict, err)
			}
			if orgRows(t, s) != before {
				t.Fatal("a refused demo load changed the organisation")
			}
		})
	}
}
