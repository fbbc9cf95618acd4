package app

import (
	"liankanping/internal/report"
	"liankanping/internal/store"
)

// ReportAPI exports the summary report (汇总表) of a round for submission upward.
type ReportAPI struct{ c *Core }

// NewReportAPI binds the report facade.
func NewReportAPI(c *Core) *ReportAPI { return &ReportAPI{c} }

// ExportReport asks where to save the summary report of a round, offering 2024Q3_汇总表.xlsx,
// and writes it there dated today; it returns the path written, "" when the user cancelled.
func (a *ReportAPI) ExportReport(roundID uint) (string, error) {
	return call1(a.c, func(s *store.Store) (string, error) {
		svc := report.NewService(s)
		name, err := svc.FileName(roundID)
		if err != nil {
			return "", err
		}
		path, err := a.c.Dialogs.SaveFile("导出汇总表", name, XLSXFilter)
		if err != nil || path == "" {
			return "", err
		}
		return svc.Export(roundID, path, report.Options{})
	})
}
