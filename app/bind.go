package app

// Bindings are the facades the window (and the HTTP bridge) exposes, in one list so that both
// bind the same methods.
func Bindings(c *Core) []any {
	return []any{
		NewSystemAPI(c),
		NewDashboardAPI(c),
		NewOrgAPI(c),
		NewSchemeAPI(c),
		NewRoundAPI(c),
		NewScoreAPI(c),
		NewSettingsAPI(c),
		NewTableAPI(c),
		NewSearchAPI(c),
		NewFindingAPI(c),
		NewRosterAPI(c),
		NewReportAPI(c),
		NewNoticeAPI(c),
		NewFrontlineAPI(c),
		NewWorkbookAPI(c),
		NewLedgerAPI(c),
		NewEvidenceAPI(c),
	}
}
