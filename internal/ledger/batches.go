package ledger

import (
	"errors"
	"fmt"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/evidence"
	"liankanping/internal/finding"
	"liankanping/internal/store"
)

// Batch is one applied return of one feedback workbook; undoing it restores what it changed.
type Batch struct {
	ID             uint       `json:"id" gorm:"primaryKey"`
	UnitID         uint       `json:"unitId"`
	WorkbookID     string     `json:"workbookId"`
	FileName       string     `json:"fileName"`
	FileHash       string     `json:"fileHash"`
	RowCount       int        `json:"rowCount"`
	NewCount       int        `json:"newCount"`
	ChangedCount   int        `json:"changedCount"`
	MovedCount     int        `json:"movedCount"`
	UnchangedCount int        `json:"unchangedCount"`
	Status         string     `json:"status"`
	AppliedAt      time.Time  `json:"appliedAt"`
	UndoneAt       *time.Time `json:"undoneAt"`
	Operator       string     `json:"operator"`
	UndoneBy       string     `json:"undoneBy"`
}

// TableName names the batches' table.
func (Batch) TableName() string { return "ledger_batches" }

// The statuses of a batch.
const (
	BatchApplied = "applied"
	BatchUndone  = "undone"
)

// The sources of a history row: a return applied, or the undoing of one.
const (
	SourceImport = "import"
	SourceUndo   = "undo"
)

// History is one change a return (or its undoing) made to a finding: the fields a return may
// set, before and after.
type History struct {
	ID          uint
	FindingID   uint
	BatchID     *uint
	Source      string
	Sheet       string
	Cell        string
	OldStatus   finding.Status
	NewStatus   finding.Status
	OldMeasures string
	NewMeasures string
	OldProgress string
	NewProgress string
	OldDoneDate string
	NewDoneDate string
	ChangedAt   time.Time
}

// TableName names the history's table.
func (History) TableName() string { return "finding_history" }

// newHistory records a finding's change from before to after.
func newHistory(before, after finding.Finding, batchID *uint, source, sheet, cell string, at time.Time) History {
	return History{FindingID: before.ID, BatchID: batchID, Source: source, Sheet: sheet, Cell: cell,
		OldStatus: before.Status, NewStatus: after.Status, OldMeasures: before.Measures, NewMeasures: after.Measures,
		OldProgress: before.Progress, NewProgress: after.Progress, OldDoneDate: before.DoneDate, NewDoneDate: after.DoneDate, ChangedAt: at}
}

// BatchView is a batch as the list of returns shows it.
type BatchView struct {
	Batch
	Unit string `json:"unit"`
}

// ListBatches lists the returns taken in, newest first.
func (s *Service) ListBatches() ([]BatchView, error) {
	out := []BatchView{}
	err := s.db.Raw(`
SELECT b.*, COALESCE(u.name, '') AS unit
FROM ledger_batches b LEFT JOIN units u ON u.id = b.unit_id
ORDER BY b.applied_at DESC, b.id DESC`).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("读取导入记录：%w", err)
	}
	return out, nil
}

// UndoResult is what an undo did.
type UndoResult struct {
	BatchID  uint `json:"batchId"`
	Restored int  `json:"restored"`
	// Files counts the evidence files the return had attached, detached again.
	Files int `json:"files"`
}

// Undo takes back one applied return in one transaction: every finding it changed gets back
// its earlier 整改措施, 完成情况, 完成时间 and status, and the history keeps both the return and
// its undoing. An undo is refused, and nothing changes, when any of those findings no longer
// holds what the return wrote (a later return, or a change in the window, touched it, or it was
// deleted): undo that later change first.
func (s *Service) Undo(batchID uint, operator string) (*UndoResult, error) {
	res := &UndoResult{BatchID: batchID}
	err := store.InTx(s.db, func(t store.Tx) error {
		tx := t.DB()
		var b Batch
		if err := tx.First(&b, batchID).Error; err != nil {
			if errors.Is(err, gorm.ErrRecordNotFound) {
				return apperr.NotFoundf("没有这次导入的记录")
			}
			return err
		}
		if b.Status != BatchApplied {
			return apperr.Conflictf("这次导入（%s）已经撤销过了", b.FileName)
		}
		var rows []History
		if err := tx.Where("batch_id = ? AND source = ?", b.ID, SourceImport).Order("id").Find(&rows).Error; err != nil {
			return err
		}
		now := map[uint]finding.Finding{}
		ids := make([]uint, len(rows))
		for i, h := range rows {
			ids[i] = h.FindingID
		}
		var current []finding.Finding
		if err := tx.Where("id IN ?", ids).Find(&current).Error; err != nil {
			return err
		}
		for _, f := range current {
			now[f.ID] = f
		}
		var blocked []string
		for _, h := range rows {
			f, ok := now[h.FindingID]
			if !ok || f.Status != h.NewStatus || f.Measures != h.NewMeasures || f.Progress != h.NewProgress || f.DoneDate != h.NewDoneDate {
				what := h.Sheet + "!" + h.Cell
				if ok {
					what += "（" + shortText(f.Description) + "）"
				} else {
					what += "（已删除）"
				}
				blocked = append(blocked, what)
			}
		}
		if len(blocked) > 0 {
			more := ""
			if len(blocked) > 3 {
				more = " 等"
				blocked = blocked[:3]
			}
			return apperr.Conflictf("不能撤销：这次导入之后，有 %d 个问题又被修改过或已删除（%s%s）。请先撤销后来的导入或修改", len(blocked), strings.Join(blocked, "、"), more)
		}
		at := s.Now()
		for _, h := range rows {
			cur := now[h.FindingID]
			prev := cur
			prev.Status, prev.Measures, prev.Progress, prev.DoneDate = h.OldStatus, h.OldMeasures, h.OldProgress, h.OldDoneDate
			if err := setFeedback(tx, prev, at); err != nil {
				return err
			}
			back := newHistory(cur, prev, &b.ID, SourceUndo, h.Sheet, h.Cell, at)
			if err := tx.Create(&back).Error; err != nil {
				return fmt.Errorf("记录问题的修改：%w", err)
			}
			res.Restored++
		}
		n, err := evidence.WithTx(t).RemoveBatch(b.ID)
		if err != nil {
			return err
		}
		res.Files = n
		undone := at
		return tx.Model(&Batch{}).Where("id = ?", b.ID).Updates(map[string]any{"status": BatchUndone, "undone_at": &undone, "undone_by": operator}).Error
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
