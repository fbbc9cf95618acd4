package app

import (
	"liankanping/internal/dashboard"
	"liankanping/internal/store"
)

// DashboardAPI serves the home page.
type DashboardAPI struct{ c *Core }

// NewDashboardAPI binds the home page's facade.
func NewDashboardAPI(c *Core) *DashboardAPI { return &DashboardAPI{c} }

// Get returns what the home page shows.
func (a *DashboardAPI) Get() (*dashboard.Dashboard, error) {
	return call1(a.c, func(s *store.Store) (*dashboard.Dashboard, error) { return dashboard.NewService(s).Get() })
}
