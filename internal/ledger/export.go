package ledger

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/exchange"
	"liankanping/internal/finding"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// UnitChoice is a unit the export offers, with its findings that are not closed.
type UnitChoice struct {
	UnitID    uint   `json:"unitId"`
	Unit      string `json:"unit"`
	ShortName string `json:"shortName"`
	Area      string `json:"area"`
	// Open counts the findings still to be rectified (待整改, 整改中), Done those reported
	// finished and not yet closed (已整改), Overdue the open ones past their deadline.
	Open    int `json:"open"`
	Done    int `json:"done"`
	Overdue int `json:"overdue"`
}

// UnitChoices lists the units that have findings not closed (of one round, or of all when
// roundID is 0), in the order of the ledger.
func (s *Service) UnitChoices(roundID uint) ([]UnitChoice, error) {
	var list []finding.View
	err := store.InTx(s.db, func(tx store.Tx) (err error) {
		list, err = s.findings(tx).List(finding.Filter{RoundID: roundID})
		return err
	})
	if err != nil {
		return nil, err
	}
	list, err = s.unitOrder(list)
	if err != nil {
		return nil, err
	}
	out := []UnitChoice{}
	at := map[uint]int{}
	for _, v := range list {
		if v.Status == finding.Closed {
			continue
		}
		i, ok := at[v.UnitID]
		if !ok {
			i = len(out)
			at[v.UnitID] = i
			out = append(out, UnitChoice{UnitID: v.UnitID, Unit: v.UnitName, ShortName: v.UnitShortName, Area: v.AreaName})
		}
		switch {
		case v.Status.Open():
			out[i].Open++
		default:
			out[i].Done++
		}
		if v.Overdue {
			out[i].Overdue++
		}
	}
	return out, nil
}

// unitOrder sorts a list by area and unit, as the organisation lists them (List sorts by
// round first), keeping each unit's findings in the list's order: newest round first.
func (s *Service) unitOrder(list []finding.View) ([]finding.View, error) {
	var units []struct{ ID, SortOrder uint }
	if err := s.db.Raw("SELECT id, sort_order FROM units").Scan(&units).Error; err != nil {
		return nil, fmt.Errorf("整改台账：%w", err)
	}
	order := map[uint]uint{}
	for _, u := range units {
		order[u.ID] = u.SortOrder
	}
	area := func(v finding.View) int {
		if v.AreaNumber == 0 {
			return 1 << 30
		}
		return v.AreaNumber
	}
	out := slices.Clone(list)
	sort.SliceStable(out, func(i, j int) bool {
		a, b := out[i], out[j]
		switch {
		case area(a) != area(b):
			return area(a) < area(b)
		case order[a.UnitID] != order[b.UnitID]:
			return order[a.UnitID] < order[b.UnitID]
		}
		return a.UnitID < b.UnitID
	})
	return out, nil
}

// ExportRequest says which units get a feedback workbook, and where.
type ExportRequest struct {
	// UnitIDs are the units chosen; none means every unit with open findings (待整改, 整改中).
	UnitIDs []uint `json:"unitIds"`
	// RoundID, when not 0, lists only the findings of that round.
	RoundID uint   `json:"roundId"`
	Dir     string `json:"dir"`
	// Deadline is the day the workbooks are due back (2024-06-15), "" for none.
	Deadline string `json:"deadline"`
}

// ExportedFile is one feedback workbook written.
type ExportedFile struct {
	Path       string `json:"path"`
	FileName   string `json:"fileName"`
	UnitID     uint   `json:"unitId"`
	Unit       string `json:"unit"`
	Findings   int    `json:"findings"`
	WorkbookID string `json:"workbookId"`
}

// SkippedUnit is a chosen unit that got no workbook, and why.
type SkippedUnit struct {
	UnitID uint   `json:"unitId"`
	Unit   string `json:"unit"`
	Reason string `json:"reason"`
}

// ExportResult is what an export of feedback workbooks wrote.
type ExportResult struct {
	Dir     string         `json:"dir"`
	Files   []ExportedFile `json:"files"`
	Skipped []SkippedUnit  `json:"skipped"`
}

// exportedWorkbook records a feedback workbook handed out.
type exportedWorkbook struct {
	WorkbookID   string `gorm:"primaryKey"`
	UnitID       uint
	FileName     string
	FindingCount int
	ExportedAt   time.Time
	Operator     string
}

func (exportedWorkbook) TableName() string { return "ledger_workbooks" }

// ExportUnits writes one feedback workbook per unit into dir (created if needed), named
// <单位简称>_整改情况反馈表.xlsx, listing the unit's findings that are not closed. Each file is
// written under a temporary name and renamed when complete; an existing file of the same name
// is replaced. Every workbook gets a new id, recorded with the operator.
func (s *Service) ExportUnits(req ExportRequest, operator string) (*ExportResult, error) {
	dir := strings.TrimSpace(req.Dir)
	if dir == "" {
		return nil, apperr.Invalidf("请选择保存整改情况反馈表的文件夹")
	}
	if req.Deadline = strings.TrimSpace(req.Deadline); req.Deadline != "" {
		if _, err := workbook.CellDate(req.Deadline); err != nil || len(req.Deadline) != 10 {
			return nil, apperr.Invalidf("交回截止日期“%s”无效，应为 2024-12-31 这样的日期", req.Deadline)
		}
	}
	var list []finding.View
	err := store.InTx(s.db, func(tx store.Tx) (err error) {
		list, err = s.findings(tx).List(finding.Filter{RoundID: req.RoundID})
		return err
	})
	if err != nil {
		return nil, err
	}
	chosen := map[uint]bool{}
	for _, id := range req.UnitIDs {
		chosen[id] = true
	}
	rows := map[uint][]workbook.LedgerFinding{}
	var units []finding.View
	open := map[uint]bool{}
	if list, err = s.unitOrder(list); err != nil {
		return nil, err
	}
	for _, v := range list {
		if len(chosen) > 0 && !chosen[v.UnitID] {
			continue
		}
		if _, ok := rows[v.UnitID]; !ok {
			rows[v.UnitID] = nil
			units = append(units, v)
		}
		if v.Status != finding.Closed {
			rows[v.UnitID] = append(rows[v.UnitID], ledgerRow(v))
		}
		if v.Status.Open() {
			open[v.UnitID] = true
		}
	}
	res := &ExportResult{Dir: dir, Files: []ExportedFile{}, Skipped: []SkippedUnit{}}
	var books []*workbook.FeedbackBook
	listed := map[uint]bool{}
	for _, u := range units {
		listed[u.UnitID] = true
		switch {
		case len(rows[u.UnitID]) == 0:
			res.Skipped = append(res.Skipped, SkippedUnit{UnitID: u.UnitID, Unit: u.UnitName, Reason: "问题均已销号"})
			continue
		case len(chosen) == 0 && !open[u.UnitID]:
			continue // every unit: only those with open findings
		}
		books = append(books, &workbook.FeedbackBook{UnitID: u.UnitID, UnitName: u.UnitName, Deadline: req.Deadline, Rows: rows[u.UnitID]})
		res.Files = append(res.Files, ExportedFile{UnitID: u.UnitID, Unit: u.UnitName, Findings: len(rows[u.UnitID]),
			FileName: shortName(u) + "_整改情况反馈表.xlsx"})
	}
	for _, id := range req.UnitIDs {
		if !listed[id] {
			var name []string
			s.db.Raw("SELECT name FROM units WHERE id = ?", id).Pluck("name", &name)
			if len(name) == 0 {
				return nil, apperr.Invalidf("所选单位不存在，可能已被删除")
			}
			res.Skipped = append(res.Skipped, SkippedUnit{UnitID: id, Unit: name[0], Reason: "没有需要整改的问题"})
			listed[id] = true
		}
	}
	if len(books) == 0 {
		return res, nil
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, apperr.Invalidf("无法创建文件夹 %s：%v", dir, err)
	}
	dbID, key, err := exchange.Identity(s.db)
	if err != nil {
		return nil, err
	}
	enc := workbook.NewFeedbackEncoder(key)
	now := s.Now()
	used := map[string]bool{}
	for i, b := range books {
		id, err := workbook.NewWorkbookID()
		if err != nil {
			return nil, err
		}
		b.WorkbookID, b.DatabaseID, b.ExportedAt = id, dbID, now
		file := &res.Files[i]
		file.FileName = uniqueName(file.FileName, used)
		file.Path, file.WorkbookID = filepath.Join(dir, file.FileName), id
		if err := workbook.SaveFile(file.Path, func(w io.Writer) error { return enc.Encode(w, b) }); err != nil {
			return nil, err
		}
		row := exportedWorkbook{WorkbookID: id, UnitID: b.UnitID, FileName: file.FileName, FindingCount: len(b.Rows), ExportedAt: now, Operator: operator}
		if err := s.db.Create(&row).Error; err != nil {
			return nil, fmt.Errorf("记录导出的整改情况反馈表：%w", err)
		}
	}
	return res, nil
}

// shortName is the unit's short name made fit for a file name (its full name when it has none).
func shortName(v finding.View) string {
	n := strings.TrimSpace(v.UnitShortName)
	if n == "" {
		n = strings.TrimSpace(v.UnitName)
	}
	return strings.NewReplacer("/", "／", "\\", "＼", ":", "：", "*", "＊", "?", "？", "\"", "“", "<", "《", ">", "》", "|", "｜").Replace(n)
}

// uniqueName adds a number to a file name already used in this export: two units of one short
// name get 简称_整改情况反馈表.xlsx and 简称（2）_整改情况反馈表.xlsx.
func uniqueName(name string, used map[string]bool) string {
	base := strings.TrimSuffix(name, "_整改情况反馈表.xlsx")
	for n := 2; used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s（%d）_整改情况反馈表.xlsx", base, n)
	}
	used[strings.ToLower(name)] = true
	return name
}
