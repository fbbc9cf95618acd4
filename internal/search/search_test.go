package search_test

import (
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/demo"
	"liankanping/internal/finding"
	"liankanping/internal/org"
	"liankanping/internal/search"
	"liankanping/internal/store"
)

func mustDemo(t *testing.T) *store.Store {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "s.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	return s
}

func kinds(r search.Results, k search.Kind) []search.Hit {
	var out []search.Hit
	for _, h := range r.Hits {
		if h.Kind == k {
			out = append(out, h)
		}
	}
	return out
}

func TestFind(t *testing.T) {
	s := mustDemo(t)
	svc := search.NewService(s)
	t.Run("Unit", func(t *testing.T) {
		r, err := svc.Find("教体局")
		if err != nil {
			t.Fatal(err)
		}
		if u := kinds(r, search.Unit); len(u) != 1 || u[0].Title != "区教育和体育局" {
			t.Fatalf("units = %+v", u)
		}
	})
	t.Run("Person", func(t *testing.T) {
		people, err := org.NewService(s).ListPeople(org.PersonFilter{})
		if err != nil || len(people) == 0 {
			t.Fatal(err)
		}
		r, err := svc.Find(people[0].Name)
		if err != nil {
			t.Fatal(err)
		}
		found := false
		for _, h := range kinds(r, search.Person) {
			found = found || h.ID == people[0].ID && strings.Contains(h.Detail, people[0].UnitName)
		}
		if !found {
			t.Fatalf("%s not among %+v", people[0].Name, r.Hits)
		}
	})
	t.Run("Round", func(t *testing.T) {
		r, err := svc.Find("2024q2")
		if err != nil {
			t.Fatal(err)
		}
		if h := kinds(r, search.Round); len(h) != 1 || !strings.HasPrefix(h[0].Title, "2024Q2 ") {
			t.Fatalf("rounds = %+v", h)
		}
	})
	t.Run("Finding", func(t *testing.T) {
		all, err := finding.NewService(s).List(finding.Filter{})
		if err != nil || len(all) == 0 {
			t.Fatal(err)
		}
		word := string([]rune(all[0].Description)[:6])
		r, err := svc.Find(word)
		if err != nil {
			t.Fatal(err)
		}
		hits := kinds(r, search.Finding)
		if len(hits) == 0 || !strings.Contains(hits[0].Title, word) {
			t.Fatalf("findings for %q = %+v", word, hits)
		}
	})
	t.Run("AtMostPerKind", func(t *testing.T) {
		r, err := svc.Find("区")
		if err != nil {
			t.Fatal(err)
		}
		if n := len(kinds(r, search.Unit)); n != search.PerKind {
			t.Fatalf("%d units listed, want %d", n, search.PerKind)
		}
		if r.Total <= len(r.Hits) {
			t.Fatalf("total %d should count beyond the %d listed", r.Total, len(r.Hits))
		}
	})
	t.Run("Blank", func(t *testing.T) {
		r, err := svc.Find("   ")
		if err != nil || len(r.Hits) != 0 {
			t.Fatalf("blank query = %+v, %v", r, err)
		}
	})
}
