package workbook

import (
	"io"
	"time"
)

// EvidenceIndexRow is one exported evidence file as the index workbook lists it.
type EvidenceIndexRow struct {
	Unit     string
	Record   string
	Category string
	// File is the path of the file in the export, relative to the index (单位/文件名).
	File     string
	Note     string
	Size     string
	SHA256   string
	Operator string
	At       time.Time
}

// EvidenceIndexSheet is the sheet of the evidence index.
const EvidenceIndexSheet = "佐证材料索引"

// WriteEvidenceIndex writes the index of an evidence export: one row per file, by unit, with the
// hash a reader can check each file against.
func WriteEvidenceIndex(w io.Writer, title string, rows []EvidenceIndexRow, now time.Time) error {
	f := newBook()
	defer closeQuietly(f)
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", EvidenceIndexSheet); err != nil {
		return err
	}
	t, err := newRosterTable(f, st, EvidenceIndexSheet, title, "导出时间："+now.Format("2006年1月2日 15:04"),
		[]string{"序号", "单位", "记录", "类别", "文件", "说明", "大小", "SHA-256 校验值", "附加人", "附加时间"}, 0, 3, 6, 8, 9)
	if err != nil {
		return err
	}
	for i, r := range rows {
		if err := t.put([]any{i + 1, r.Unit, r.Record, r.Category, r.File, r.Note, r.Size, r.SHA256, r.Operator,
			r.At.Local().Format("2006-01-02 15:04")}); err != nil {
			return err
		}
	}
	if err := t.finish(true); err != nil {
		return err
	}
	// A hash is read whole or not at all: its column takes all 64 characters on one line.
	if err := f.SetColWidth(EvidenceIndexSheet, "H", "H", 70); err != nil {
		return err
	}
	return f.Write(w)
}
