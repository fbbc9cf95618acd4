package app

import (
	"liankanping/internal/search"
	"liankanping/internal/store"
)

// SearchAPI is the window's search across units, people, rounds and findings (Ctrl+K).
type SearchAPI struct{ c *Core }

// NewSearchAPI binds the search facade.
func NewSearchAPI(c *Core) *SearchAPI { return &SearchAPI{c} }

// Find returns what matches the text.
func (a *SearchAPI) Find(q string) (search.Results, error) {
	return call1(a.c, func(s *store.Store) (search.Results, error) { return search.NewService(s).Find(q) })
}
