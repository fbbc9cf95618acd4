package workbook_test

import (
	"bytes"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/workbook"
)

func TestWriteTable(t *testing.T) {
	tb := workbook.Table{
		Title:   "观摩轮次",
		Headers: []string{"编号", "状态", "观摩单位", "最终得分", "指标", "电话"},
		Rows: [][]string{
			{"2024Q4", "评分中", "11", "91.00", "1.1", "0537-3444692"},
			{"2024Q3", "已结束", "11", "25.50", "1.10", ""},
		},
	}
	var buf bytes.Buffer
	if err := workbook.WriteTable(&buf, tb, time.Date(2026, 12, 3, 9, 0, 0, 0, time.Local)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(&buf)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(workbook.TableSheet)
	if err != nil {
		t.Fatal(err)
	}
	if rows[0][0] != "观摩轮次" {
		t.Errorf("title = %q", rows[0][0])
	}
	if got := rows[2]; len(got) != 6 || got[0] != "编号" || got[5] != "电话" {
		t.Errorf("headers = %q", got)
	}
	// Shown texts come back as shown, in the shown order; scores keep two decimals.
	want := [][]string{{"2024Q4", "评分中", "11", "91.00", "1.1", "0537-3444692"}, {"2024Q3", "已结束", "11", "25.50", "1.10"}}
	for i, w := range want {
		for c, v := range w {
			if rows[3+i][c] != v {
				t.Errorf("row %d col %d = %q, want %q", i, c, rows[3+i][c], v)
			}
		}
	}
	// Counts and scores are numbers Excel computes with; codes and phone numbers stay text.
	for cell, want := range map[string]excelize.CellType{"C4": excelize.CellTypeNumber, "D4": excelize.CellTypeNumber,
		"A4": excelize.CellTypeSharedString, "E4": excelize.CellTypeSharedString, "F4": excelize.CellTypeSharedString} {
		got, err := f.GetCellType(workbook.TableSheet, cell)
		if err != nil {
			t.Fatal(err)
		}
		// excelize writes a number with no type attribute (unset), which spreadsheet programs read as a number.
		number := want == excelize.CellTypeNumber && got == excelize.CellTypeUnset
		text := want == excelize.CellTypeSharedString && got == excelize.CellTypeInlineString
		if got != want && !number && !text {
			t.Errorf("%s is of type %v, want %v", cell, got, want)
		}
	}
	if v, _ := f.GetCellValue(workbook.TableSheet, "D5", excelize.Options{RawCellValue: true}); v != "25.5" {
		t.Errorf("D5 raw = %q, want the number 25.5", v)
	}
}
