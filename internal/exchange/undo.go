package exchange

import (
	"errors"
	"fmt"
	"strings"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
)

// BatchView is a batch as the list of imports shows it.
type BatchView struct {
	Batch
	Round string `json:"round"`
	Rater string `json:"rater"`
}

// ListBatches lists a round's import batches, newest first.
func (s *Service) ListBatches(roundID uint) ([]BatchView, error) {
	out := []BatchView{}
	err := s.db.Raw(`
SELECT b.*, r.code AS round, COALESCE(p.name, '') AS rater
FROM import_batches b JOIN rounds r ON r.id = b.round_id
LEFT JOIN raters rt ON rt.id = b.rater_id LEFT JOIN people p ON p.id = rt.person_id
WHERE b.round_id = ? ORDER BY b.applied_at DESC, b.id DESC`, roundID).Scan(&out).Error
	if err != nil {
		return nil, fmt.Errorf("读取导入记录：%w", err)
	}
	return out, nil
}

// UndoResult is what an undo did.
type UndoResult struct {
	BatchID  uint `json:"batchId"`
	Restored int  `json:"restored"`
	Removed  int  `json:"removed"`
}

// Undo takes back one applied batch in one transaction: every score it created is removed and
// every score it changed or cleared gets its earlier value back, through score.Write, so the
// history keeps both the import and its undoing; a restored value gets back the provenance it
// had, a removal names the batch and the operator. An undo is refused, and nothing changes, when any of the batch's scores no longer holds
// what the batch wrote (a later import, or a change in the window, touched it): undo that later
// change first. The round must still be in scoring.
func (s *Service) Undo(batchID uint, operator string) (*UndoResult, error) {
	res := &UndoResult{BatchID: batchID}
	err := s.db.Transaction(func(tx *gorm.DB) error {
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
		var r round.Round
		if err := tx.First(&r, b.RoundID).Error; err != nil {
			return err
		}
		if err := round.EnsureWritable(&r); err != nil {
			return apperr.Conflictf("%s，不能撤销导入", apperr.MessageOf(err))
		}
		var all []score.History
		if err := tx.Where("batch_id = ? AND source = ?", b.ID, score.SourceWorkbook).Order("id").Find(&all).Error; err != nil {
			return err
		}
		// A batch writes each score once. Later rows that name it are restorations by the undo
		// of a later batch, which gave a value back its provenance: they are not the batch's.
		var rows []score.History
		own := map[cellKey]bool{}
		for _, h := range all {
			if k := (cellKey{h.UnitID, h.IndicatorID}); !own[k] {
				own[k] = true
				rows = append(rows, h)
			}
		}
		var current []score.Score
		if err := tx.Where("round_id = ? AND rater_id = ?", b.RoundID, b.RaterID).Find(&current).Error; err != nil {
			return err
		}
		now := map[cellKey]score.Score{}
		for _, c := range current {
			now[cellKey{c.UnitID, c.IndicatorID}] = c
		}
		var blocked []string
		for _, h := range rows {
			c, has := now[cellKey{h.UnitID, h.IndicatorID}]
			intact := !has && h.NewValueCenti == nil ||
				has && h.NewValueCenti != nil && c.ValueCenti == *h.NewValueCenti && c.Comment == h.NewComment && c.BatchID != nil && *c.BatchID == b.ID
			if !intact {
				blocked = append(blocked, h.Sheet+"!"+h.Cell)
			}
		}
		if len(blocked) > 0 {
			more := ""
			if len(blocked) > 5 {
				more = " 等"
				blocked = blocked[:5]
			}
			return apperr.Conflictf("不能撤销：这次导入之后，有 %d 项评分又被修改过（%s%s）。请先撤销后来的导入或修改", len(blocked), strings.Join(blocked, "、"), more)
		}
		at := s.Now()
		for _, h := range rows {
			k := score.Key{RoundID: h.RoundID, RaterID: h.RaterID, UnitID: h.UnitID, IndicatorID: h.IndicatorID}
			// A removal is recorded as the batch's, by whom: the audit log has the undo once, by
			// the batch, and not once per score as if typed in the window.
			p := score.Provenance{Source: score.SourceWorkbook, EnteredBy: operator, BatchID: &b.ID, FileName: b.FileName,
				FileHash: b.FileHash, Sheet: h.Sheet, Cell: h.Cell}
			if h.OldValueCenti != nil {
				var prev score.History
				err := tx.Where("round_id = ? AND rater_id = ? AND unit_id = ? AND indicator_id = ? AND id < ?", k.RoundID, k.RaterID, k.UnitID, k.IndicatorID, h.ID).
					Order("id DESC").Take(&prev).Error
				if err == nil {
					p = prev.Provenance
				} else if !errors.Is(err, gorm.ErrRecordNotFound) {
					return err
				}
				res.Restored++
			} else {
				res.Removed++
			}
			if _, err := score.Write(tx, k, h.OldValueCenti, h.OldComment, p, at); err != nil {
				return fmt.Errorf("恢复评分：%w", err)
			}
		}
		undone := at
		return tx.Model(&Batch{}).Where("id = ?", b.ID).Updates(map[string]any{"status": BatchUndone, "undone_at": &undone, "undone_by": operator}).Error
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
