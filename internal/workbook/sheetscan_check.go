package workbook

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"
)

// ScanCheck is what CompareSheetReaders found in one workbook.
type ScanCheck struct {
	// Scanned are the sheets the scanner read, with the same rows as excelize's iterator;
	// Refused the sheets it refused (excelize's iterator may have read something of them);
	// Fallback the sheets it left to excelize's iterator.
	Scanned, Refused, Fallback []string
}

// CompareSheetReaders reads every sheet of f twice, with the scanner the rater reader uses and
// with excelize's row iterator, and returns an error naming the first sheet, row and cell where
// a sheet the scanner accepted reads otherwise, or where the scanner accepted a sheet excelize's
// iterator reports as broken. The tests of every importer's corpus call it (the scanner must
// read every file as excelize does, or refuse it).
func CompareSheetReaders(f *excelize.File) (ScanCheck, error) {
	var out ScanCheck
	for _, sheet := range f.GetSheetList() {
		want, wantErr := collectRows(f.Rows(sheet))
		it, err := scannedRows(f, sheet)
		if _, ok := it.(*scanRows); err == nil && !ok {
			closeQuietly(it)
			out.Fallback = append(out.Fallback, sheet)
			continue
		}
		var got [][]string
		if err == nil {
			got, err = collectRows(it, nil)
		}
		if err != nil {
			out.Refused = append(out.Refused, sheet)
			continue
		}
		if wantErr != nil {
			return out, fmt.Errorf("sheet %s: the scanner read what excelize refuses (%v)", sheet, wantErr)
		}
		if len(got) != len(want) {
			return out, fmt.Errorf("sheet %s: %d rows scanned, excelize reads %d", sheet, len(got), len(want))
		}
		for r := range got {
			if !slices.Equal(got[r], want[r]) {
				return out, fmt.Errorf("sheet %s row %d: scanned %q, excelize reads %q", sheet, r+1, got[r], want[r])
			}
		}
		out.Scanned = append(out.Scanned, sheet)
	}
	return out, nil
}

// collectRows reads all the rows of an iterator as the rater reader does, trailing empty rows
// dropped.
func collectRows(it rowIterator, err error) ([][]string, error) {
	if err != nil {
		return nil, err
	}
	defer closeQuietly(it)
	var out [][]string
	for it.Next() {
		cols, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		out = append(out, cols)
	}
	if err := it.Error(); err != nil {
		return nil, err
	}
	for len(out) > 0 && len(out[len(out)-1]) == 0 {
		out = out[:len(out)-1]
	}
	return out, nil
}
