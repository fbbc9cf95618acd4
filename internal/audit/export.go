package audit

import (
	"io"
	"time"

	"liankanping/internal/workbook"
)

// Export writes the whole log, oldest first, to a workbook at path, with the chain check's
// result under its title.
func (s *Service) Export(path string, now time.Time) (int, error) {
	v, err := s.Verify()
	if err != nil {
		return 0, err
	}
	var entries []Entry
	if err := s.db.Order("id").Find(&entries).Error; err != nil {
		return 0, err
	}
	rows := make([]workbook.AuditRow, len(entries))
	for i, e := range entries {
		at, _ := time.Parse("2006-01-02T15:04:05.000Z", e.At)
		rows[i] = workbook.AuditRow{ID: int(e.ID), At: at, Operator: e.Operator, Action: e.Action, Object: e.ObjectLabel,
			Name: e.ObjectName, Before: e.Before, After: e.After}
	}
	err = workbook.SaveFile(path, func(w io.Writer) error { return workbook.WriteAuditLog(w, rows, v.Message, now) })
	return len(rows), err
}
