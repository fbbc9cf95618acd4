// Package search finds units, people, findings and rounds by a text, for the window's search
// (Ctrl+K). It reads through the owners' own list functions, so that it knows no table.
package search

import (
	"strings"
	"unicode/utf8"

	"liankanping/internal/finding"
	"liankanping/internal/org"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

// Kind is what a hit is.
type Kind string

// The kinds of hits, in the order they are listed.
const (
	Unit    Kind = "unit"
	Person  Kind = "person"
	Round   Kind = "round"
	Finding Kind = "finding"
)

// Hit is one thing found: what it is, its id, a title and a line of detail to tell it apart.
type Hit struct {
	Kind   Kind   `json:"kind"`
	ID     uint   `json:"id"`
	Title  string `json:"title"`
	Detail string `json:"detail"`
}

// Results are the hits of a query, at most PerKind of each kind, and how many matched in all.
type Results struct {
	Hits  []Hit `json:"hits"`
	Total int   `json:"total"`
}

// PerKind is how many hits of one kind are listed.
const PerKind = 8

// Service searches an open store.
type Service struct {
	org     *org.Service
	round   *round.Service
	finding *finding.Service
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{org: org.NewService(s), round: round.NewService(s), finding: finding.NewService(s)}
}

// Find returns what matches q: units by full or short name, people by name, title or unit,
// rounds by code or title, findings by description, requirement, responsible person or unit.
// A blank query finds nothing.
func (s *Service) Find(q string) (Results, error) {
	q = strings.TrimSpace(q)
	var r Results
	if q == "" || utf8.RuneCountInString(q) > 100 {
		return r, nil
	}
	add := func(h Hit, seen *int) {
		r.Total++
		if *seen < PerKind {
			r.Hits = append(r.Hits, h)
		}
		*seen++
	}
	units, err := s.org.ListUnits(org.UnitFilter{Query: q})
	if err != nil {
		return r, err
	}
	n := 0
	for _, u := range units {
		add(Hit{Kind: Unit, ID: u.ID, Title: u.Name, Detail: join(u.ShortName, u.AreaName)}, &n)
	}
	people, err := s.org.ListPeople(org.PersonFilter{Query: q})
	if err != nil {
		return r, err
	}
	n = 0
	for _, p := range people {
		add(Hit{Kind: Person, ID: p.ID, Title: p.Name, Detail: join(p.UnitName, p.Title)}, &n)
	}
	rounds, err := s.round.List()
	if err != nil {
		return r, err
	}
	n = 0
	for _, rd := range rounds {
		if contains(rd.Code, q) || contains(rd.Title, q) {
			add(Hit{Kind: Round, ID: rd.ID, Title: rd.Code + " " + rd.Title, Detail: rd.Date}, &n)
		}
	}
	findings, err := s.finding.List(finding.Filter{Query: q})
	if err != nil {
		return r, err
	}
	n = 0
	for _, f := range findings {
		add(Hit{Kind: Finding, ID: f.ID, Title: f.Description, Detail: join(f.UnitName, string(f.Status), f.RoundCode)}, &n)
	}
	return r, nil
}

func contains(s, q string) bool { return strings.Contains(strings.ToLower(s), strings.ToLower(q)) }

// join puts the non-empty parts of a detail line together.
func join(parts ...string) string {
	var out []string
	for _, p := range parts {
		if p != "" {
			out = append(out, p)
		}
	}
	return strings.Join(out, " · ")
}
