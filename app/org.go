package app

import (
	"liankanping/internal/backup"
	"liankanping/internal/org"
	"liankanping/internal/store"
)

// OrgAPI lists and edits areas, units and people.
type OrgAPI struct{ c *Core }

// NewOrgAPI binds the organisation facade.
func NewOrgAPI(c *Core) *OrgAPI { return &OrgAPI{c} }

func (a *OrgAPI) svc(s *store.Store) *org.Service { return org.NewService(s) }

// ListAreas returns every area.
func (a *OrgAPI) ListAreas() ([]org.AreaView, error) {
	return call1(a.c, func(s *store.Store) ([]org.AreaView, error) { return a.svc(s).ListAreas() })
}

// SaveArea creates or updates an area.
func (a *OrgAPI) SaveArea(v org.Area) (org.Area, error) {
	return call1(a.c, func(s *store.Store) (org.Area, error) { return a.svc(s).SaveArea(v) })
}

// DeleteArea deletes an area.
func (a *OrgAPI) DeleteArea(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).DeleteArea(id) })
}

// ListUnits returns units matching f.
func (a *OrgAPI) ListUnits(f org.UnitFilter) ([]org.UnitView, error) {
	return call1(a.c, func(s *store.Store) ([]org.UnitView, error) { return a.svc(s).ListUnits(f) })
}

// SaveUnit creates or updates a unit.
func (a *OrgAPI) SaveUnit(v org.Unit) (org.Unit, error) {
	return call1(a.c, func(s *store.Store) (org.Unit, error) { return a.svc(s).SaveUnit(v) })
}

// DeleteUnit deletes a unit.
func (a *OrgAPI) DeleteUnit(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).DeleteUnit(id) })
}

// ListPeople returns people matching f.
func (a *OrgAPI) ListPeople(f org.PersonFilter) ([]org.PersonView, error) {
	return call1(a.c, func(s *store.Store) ([]org.PersonView, error) { return a.svc(s).ListPeople(f) })
}

// SavePerson creates or updates a person.
func (a *OrgAPI) SavePerson(v org.Person) (org.Person, error) {
	return call1(a.c, func(s *store.Store) (org.Person, error) { return a.svc(s).SavePerson(v) })
}

// DeletePerson deletes a person.
func (a *OrgAPI) DeletePerson(id uint) error {
	return callAfterBackup0(a.c, backup.BeforeDelete, func(s *store.Store) error { return a.svc(s).DeletePerson(id) })
}
