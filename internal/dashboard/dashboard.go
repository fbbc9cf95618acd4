// Package dashboard gathers what the home page shows: the current round's progress, the latest
// ranking, findings by status and overdue, and the front-line ledgers' counts.
package dashboard

import (
	"slices"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/exchange"
	"liankanping/internal/finding"
	"liankanping/internal/frontline"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// RoundProgress is how far the current round has come.
type RoundProgress struct {
	ID       uint         `json:"id"`
	Code     string       `json:"code"`
	Title    string       `json:"title"`
	Status   round.Status `json:"status"`
	Deadline string       `json:"deadline"`
	Units    int          `json:"units"`
	Raters   int          `json:"raters"`
	// Workbooks exported to raters, raters whose workbook came back and was imported, and
	// raters whose every unit total is complete.
	Exported      int `json:"exported"`
	Imported      int `json:"imported"`
	CompleteRater int `json:"completeRaters"`
	// Unit totals complete over all raters, of those expected.
	CompleteTotals int                   `json:"completeTotals"`
	ExpectedTotals int                   `json:"expectedTotals"`
	PerRater       []score.RaterProgress `json:"perRater"`
}

// Ranked is one line of the latest ranking.
type Ranked struct {
	Unit       string `json:"unit"`
	ShortName  string `json:"shortName"`
	Area       string `json:"area"`
	FinalCenti int64  `json:"finalCenti"`
	Rank       int    `json:"rank"`
	Grade      string `json:"grade"`
}

// Ranking is the ranking of the newest closed round.
type Ranking struct {
	Code  string   `json:"code"`
	Title string   `json:"title"`
	Units []Ranked `json:"units"`
}

// Findings counts the rectification ledger.
type Findings struct {
	ByStatus map[string]int `json:"byStatus"`
	Overdue  int            `json:"overdue"`
	// OverdueList are the longest overdue, at most five.
	OverdueList []finding.View `json:"overdueList"`
}

// Dashboard is the home page.
type Dashboard struct {
	Round     *RoundProgress    `json:"round"`
	Ranking   *Ranking          `json:"ranking"`
	Findings  Findings          `json:"findings"`
	Frontline frontline.Summary `json:"frontline"`
}

// Service builds the dashboard.
type Service struct {
	s   *store.Store
	db  *gorm.DB
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service { return &Service{s: s, db: s.DB, Now: time.Now} }

// Get builds the dashboard.
func (s *Service) Get() (*Dashboard, error) {
	rounds, err := round.NewService(s.s).List()
	if err != nil {
		return nil, err
	}
	d := &Dashboard{}
	// The current round: the newest in scoring (the benchmark round aside), else the newest planned.
	for _, want := range []round.Status{round.Scoring, round.Planned} {
		for _, r := range rounds {
			if r.Status == want && !r.IsBenchmark() && d.Round == nil {
				if d.Round, err = s.progress(r); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, r := range rounds {
		if r.Status == round.Closed {
			if d.Ranking, err = s.ranking(r); err != nil {
				return nil, err
			}
			break
		}
	}
	if d.Findings, err = s.findings(); err != nil {
		return nil, err
	}
	fl := frontline.NewService(s.s)
	fl.Now = s.Now
	if d.Frontline, err = fl.Summary(); err != nil {
		return nil, err
	}
	return d, nil
}

func (s *Service) progress(r round.Summary) (*RoundProgress, error) {
	p := &RoundProgress{ID: r.ID, Code: r.Code, Title: r.Title, Status: r.Status, Deadline: r.Deadline, Units: r.UnitCount, Raters: r.RaterCount}
	var err error
	if p.Exported, p.Imported, err = exchange.NewService(s.s).Returned(r.ID); err != nil {
		return nil, err
	}
	if p.PerRater, err = score.NewService(s.s).Progress(r.ID); err != nil {
		return nil, err
	}
	for _, rp := range p.PerRater {
		p.CompleteTotals += rp.Complete
		p.ExpectedTotals += rp.Expected
		if rp.Expected > 0 && rp.Complete == rp.Expected {
			p.CompleteRater++
		}
	}
	return p, nil
}

func (s *Service) ranking(r round.Summary) (*Ranking, error) {
	res, err := score.NewService(s.s).Results(r.ID)
	if err != nil {
		return nil, err
	}
	out := &Ranking{Code: r.Code, Title: r.Title, Units: []Ranked{}}
	for _, u := range res.Units {
		if u.Scored {
			out.Units = append(out.Units, Ranked{Unit: u.Name, ShortName: u.ShortName, Area: u.AreaName, FinalCenti: u.FinalCenti, Rank: u.Rank, Grade: u.Grade})
		}
	}
	return out, nil
}

func (s *Service) findings() (Findings, error) {
	fs := finding.NewService(s.s)
	fs.Now = s.Now
	all, err := fs.List(finding.Filter{})
	if err != nil {
		return Findings{}, err
	}
	out := Findings{ByStatus: map[string]int{}, OverdueList: []finding.View{}}
	for _, st := range finding.Statuses {
		out.ByStatus[string(st)] = 0
	}
	for _, f := range all {
		out.ByStatus[string(f.Status)]++
		if f.Overdue {
			out.Overdue++
			out.OverdueList = append(out.OverdueList, f)
		}
	}
	slices.SortStableFunc(out.OverdueList, func(a, b finding.View) int { return b.OverdueDays - a.OverdueDays })
	if len(out.OverdueList) > 5 {
		out.OverdueList = out.OverdueList[:5]
	}
	return out, nil
}
