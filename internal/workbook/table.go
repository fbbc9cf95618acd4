package workbook

import (
	"io"
	"regexp"
	"strconv"
	"time"
)

// Table is a list exactly as the window shows it: its title, the visible columns' headings in
// their order, and the visible rows (sorted and filtered as on screen) as the cells' texts.
type Table struct {
	Title   string     `json:"title"`
	Headers []string   `json:"headers"`
	Rows    [][]string `json:"rows"`
}

// TableSheet is the sheet of an exported list.
const TableSheet = "列表"

var (
	// A whole number without a leading zero (a count, a year) becomes a number; a code such as
	// 0537-3444692 or 2024Q4 stays text.
	wholeNumber = regexp.MustCompile(`^-?(0|[1-9][0-9]{0,14})$`)
	// A number with exactly two decimals is a score as the window shows it; 1.1 (an indicator's
	// code) stays text.
	twoDecimals = regexp.MustCompile(`^[-+]?(0|[1-9][0-9]{0,12})\.[0-9]{2}$`)
)

// tableValue is what a shown text becomes in the workbook: a number where Excel should compute
// with it, the text itself otherwise.
func tableValue(s string) any {
	switch {
	case wholeNumber.MatchString(s):
		n, _ := strconv.Atoi(s)
		return n
	case twoDecimals.MatchString(s):
		v, _ := strconv.ParseFloat(s, 64)
		return v
	}
	return s
}

// WriteTable writes a list as a titled, bordered, printable table (A4 landscape, the heading row
// repeated, page numbers), one row per shown row.
func WriteTable(w io.Writer, t Table, now time.Time) error {
	f := newBook()
	defer closeQuietly(f)
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", TableSheet); err != nil {
		return err
	}
	headers := t.Headers
	if len(headers) == 0 {
		headers = []string{""}
	}
	tb, err := newRosterTable(f, st, TableSheet, t.Title, "导出时间："+now.Format("2006年1月2日 15:04")+"　共 "+strconv.Itoa(len(t.Rows))+" 行", headers)
	if err != nil {
		return err
	}
	for _, r := range t.Rows {
		values := make([]any, len(headers))
		for c := range headers {
			values[c] = ""
			if c < len(r) {
				values[c] = tableValue(r[c])
			}
		}
		if err := tb.put(values); err != nil {
			return err
		}
	}
	if err := tb.finish(len(headers) > 6); err != nil {
		return err
	}
	return f.Write(w)
}
