package app

import (
	"liankanping/internal/apperr"
	"liankanping/internal/demo"
	"liankanping/internal/org"
	"liankanping/internal/store"
	"liankanping/internal/version"
)

// SystemAPI tells the window about the database and loads the demo district.
type SystemAPI struct{ c *Core }

// NewSystemAPI binds the system facade.
func NewSystemAPI(c *Core) *SystemAPI { return &SystemAPI{c} }

// Status is what the window shows first: whether the database opened, and why not.
type Status struct {
	OK          bool       `json:"ok"`
	Error       string     `json:"error"`
	DBPath      string     `json:"dbPath"`
	Version     string     `json:"version"`
	BuildDate   string     `json:"buildDate"`
	DataVersion int        `json:"dataVersion"`
	Counts      org.Counts `json:"counts"`
}

// Status reports the database state; it never fails, so the window can always show it.
func (a *SystemAPI) Status() Status {
	st := Status{DBPath: a.c.dbPath, Version: version.Version, BuildDate: version.BuildDate}
	err := a.c.use(func(s *store.Store) (err error) {
		st.DataVersion, _ = s.Version()
		st.Counts, err = org.NewService(s).Counts()
		return err
	})
	st.OK = err == nil
	if err != nil {
		st.Error = apperr.MessageOf(err)
	}
	return st
}

// LoadDemo fills an empty database with the demo district.
func (a *SystemAPI) LoadDemo() error {
	return call0(a.c, func(s *store.Store) error { return demo.Load(s, demo.Options{}) })
}
