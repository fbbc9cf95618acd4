// Package ledger is the rectification ledger (整改台账) beyond the findings themselves: the
// ledger exported for filing, the feedback workbooks (整改情况反馈表) sent to units, and their
// returns taken in through the same preview, apply and undo as rater workbooks (DOMAIN §5).
//
// What a return does to a finding (Apply):
//   - a filled 整改措施 or 完成情况 replaces the stored text; a blank cell never erases one;
//   - a filled 完成时间 on a finding that is 待整改 or 整改中 moves it to 已整改 with that date
//     (which may not lie after today, nor before the observation that found the problem); on a
//     finding already 已整改 it corrects the date;
//   - a new 整改措施 or 完成情况 without 完成时间 moves a 待整改 finding to 整改中;
//   - a finding closed (已销号) since the export, deleted, or moved to another unit is left as it
//     is, with a note; a return never closes a finding: 销号 stays the office's decision.
package ledger

import (
	"fmt"
	"io"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/evidence"
	"liankanping/internal/finding"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// Service exports the ledger and the units' feedback workbooks, and takes the returns in.
type Service struct {
	db       *gorm.DB
	evidence *evidence.Service
	// Now is the clock: it decides "today" for overdue findings and the dates a return may set.
	Now func() time.Time
}

// NewService returns a service over an open store.
func NewService(s *store.Store) *Service {
	return &Service{db: s.DB, evidence: evidence.NewService(s), Now: time.Now}
}

// findings is the finding service on the same database and clock.
func (s *Service) findings(tx store.Tx) *finding.Service {
	fs := finding.WithTx(tx)
	fs.Now = s.Now
	return fs
}

// ledgerRow turns a finding as lists show it into a row of the ledger workbooks.
func ledgerRow(v finding.View) workbook.LedgerFinding {
	return workbook.LedgerFinding{ID: v.ID, Unit: v.UnitName, Round: v.RoundCode, Dimension: v.Dimension, Method: v.Method,
		Description: v.Description, Requirement: v.Requirement, Responsible: v.Responsible, Deadline: v.Deadline,
		Status: string(v.Status), Measures: v.Measures, Progress: v.Progress, DoneDate: v.DoneDate, ClosedDate: v.ClosedDate,
		OverdueDays: v.OverdueDays}
}

// ExportLedger writes the findings that f selects, as the window lists them, to the workbook at
// path (written beside it under a temporary name, then renamed), and returns how many it wrote.
func (s *Service) ExportLedger(path string, f finding.Filter) (int, error) {
	var list []finding.View
	err := store.InTx(s.db, func(tx store.Tx) (err error) {
		list, err = s.findings(tx).List(f)
		return err
	})
	if err != nil {
		return 0, err
	}
	scope, err := s.scope(f, list)
	if err != nil {
		return 0, err
	}
	l := workbook.RectificationLedger{Scope: scope, Date: s.Now()}
	for _, v := range list {
		l.Rows = append(l.Rows, ledgerRow(v))
	}
	err = workbook.SaveFile(path, func(w io.Writer) error { return workbook.WriteRectificationLedger(w, l) })
	return len(list), err
}

// scope is the line under the ledger's title: what the filter kept, and the counts by status.
func (s *Service) scope(f finding.Filter, list []finding.View) (string, error) {
	var parts []string
	name := func(q string, id uint) (string, error) {
		var v []string
		err := s.db.Raw(q, id).Pluck("v", &v).Error
		if err != nil || len(v) == 0 {
			return "", err
		}
		return v[0], nil
	}
	for _, p := range []struct {
		id     uint
		q, pre string
	}{
		{f.RoundID, "SELECT code || ' ' || title AS v FROM rounds WHERE id = ?", "观摩轮次："},
		{f.AreaID, "SELECT name AS v FROM areas WHERE id = ?", "联系片："},
		{f.UnitID, "SELECT name AS v FROM units WHERE id = ?", "单位："},
	} {
		if p.id == 0 {
			continue
		}
		n, err := name(p.q, p.id)
		if err != nil {
			return "", fmt.Errorf("整改台账：%w", err)
		}
		parts = append(parts, p.pre+n)
	}
	if f.Status != "" {
		parts = append(parts, "整改状态："+string(f.Status))
	}
	if f.Overdue {
		parts = append(parts, "仅逾期问题")
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		parts = append(parts, "含“"+q+"”")
	}
	if len(parts) == 0 {
		parts = append(parts, "全部问题")
	}
	counts := map[finding.Status]int{}
	overdue := 0
	for _, v := range list {
		counts[v.Status]++
		if v.Overdue {
			overdue++
		}
	}
	var by []string
	for _, st := range finding.Statuses {
		if counts[st] > 0 {
			by = append(by, fmt.Sprintf("%s %d 条", st, counts[st]))
		}
	}
	tally := fmt.Sprintf("共 %d 条", len(list))
	if len(by) > 0 {
		tally += "：" + strings.Join(by, "，")
	}
	if overdue > 0 {
		tally += fmt.Sprintf("；逾期 %d 条", overdue)
	}
	return strings.Join(parts, "；") + "　　" + tally, nil
}
