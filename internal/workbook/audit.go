package workbook

import (
	"io"
	"time"
)

// AuditRow is one audit log entry as the exported log shows it.
type AuditRow struct {
	ID       int
	At       time.Time
	Operator string
	Action   string
	Object   string
	Name     string
	Before   string
	After    string
}

// AuditSheet is the sheet of an exported audit log.
const AuditSheet = "审计日志"

// WriteAuditLog writes the audit log as a printable table, oldest entry first, with the result
// of the chain check under the title.
func WriteAuditLog(w io.Writer, rows []AuditRow, check string, now time.Time) error {
	f := newBook()
	defer closeQuietly(f)
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", AuditSheet); err != nil {
		return err
	}
	t, err := newRosterTable(f, st, AuditSheet, "联看评审计日志", "导出时间："+now.Format("2006年1月2日 15:04")+"　"+check,
		[]string{"序号", "时间", "操作人", "操作", "对象类型", "对象", "修改前", "修改后"}, 0, 1, 2, 3, 4)
	if err != nil {
		return err
	}
	for _, r := range rows {
		if err := t.put([]any{r.ID, r.At.Local().Format("2006-01-02 15:04:05"), r.Operator, r.Action, r.Object, r.Name, r.Before, r.After}); err != nil {
			return err
		}
	}
	if err := t.finish(true); err != nil {
		return err
	}
	return f.Write(w)
}
