// Package report assembles the summary report (汇总表) of a round from its results and its
// raters' progress, and writes it where the user chose; workbook.EncodeReport lays it out.
package report

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Service builds and writes summary reports.
type Service struct {
	rounds *round.Service
	scores *score.Service
	// Now gives the 填报日期 when the caller sets none.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{rounds: round.NewService(s), scores: score.NewService(s), Now: time.Now}
}

// Options are what the person exporting may set.
type Options struct {
	// FilledBy is the submitting office (填报单位); "" leaves a line to write on.
	FilledBy string
	// Date is the 填报日期; the zero time means today.
	Date time.Time
}

// Book gathers everything the report of a round shows.
func (s *Service) Book(roundID uint, opts Options) (*workbook.ReportBook, error) {
	d, err := s.rounds.Get(roundID)
	if err != nil {
		return nil, err
	}
	res, raters, err := s.scores.ResultsAndRaters(roundID)
	if err != nil {
		return nil, err
	}
	b := &workbook.ReportBook{Results: res, FilledBy: strings.TrimSpace(opts.FilledBy), Date: opts.Date,
		TrimMinRaters: d.TrimMinRaters, ExcellentCapPct: d.ExcellentCapPct,
		Grades: scoring.StandardGrades(d.ExcellentMinCenti, d.GoodMinCenti, d.FairMinCenti)}
	if b.Date.IsZero() {
		b.Date = s.Now()
	}
	for _, ru := range raters {
		b.Raters = append(b.Raters, workbook.ReportRater{RaterProgress: ru.RaterProgress, Units: ru.Units})
	}
	return b, nil
}

// FileName is the name the report of a round is offered under: 2024Q3_汇总表.xlsx.
func (s *Service) FileName(roundID uint) (string, error) {
	d, err := s.rounds.Get(roundID)
	if err != nil {
		return "", err
	}
	return FileName(d.Code), nil
}

// FileName is the default file name of the report of the round with the given code.
func FileName(code string) string {
	code = strings.Map(func(r rune) rune {
		if strings.ContainsRune(`<>:"/\|?*`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(code))
	return code + "_汇总表.xlsx"
}

// Export writes the report of a round to path (".xlsx" is added when it has no extension)
// and returns the path written. The file appears whole or not at all.
func (s *Service) Export(roundID uint, path string, opts Options) (string, error) {
	if strings.TrimSpace(path) == "" {
		return "", apperr.Invalidf("请指定汇总表的保存位置")
	}
	switch strings.ToLower(filepath.Ext(path)) {
	case "":
		path += ".xlsx"
	case ".xlsx":
	default:
		return "", apperr.Invalidf("汇总表须保存为 .xlsx 文件，不能保存为 %s", filepath.Base(path))
	}
	b, err := s.Book(roundID, opts)
	if err != nil {
		return "", err
	}
	if err := workbook.WriteReportFile(path, *b); err != nil {
		return "", fmt.Errorf("导出汇总表：%w", err)
	}
	return path, nil
}
