package workbook_test

import (
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/corpus"
	"liankanping/internal/workbook"
)

// rawText finds what a Chinese sentence should never carry: English words as Go, zip and XML
// errors spell them ("zip: not a valid zip file", "XML syntax error", "EOF").
var rawText = regexp.MustCompile(`[A-Za-z]{4,}`)

// sheetNames are the names a message quotes, which are the user's own words.
var sheetNames = regexp.MustCompile(`「[^」]*」`)

// allowedWords are the names a Chinese message may use.
var allowedWords = strings.NewReplacer("Excel", "", "LibreOffice", "", "Numbers", "", "Word", "", "PowerPoint", "", "HTML", "", "xlsx", "", "xlsb", "", "XML", "")

// readAll opens path and reads every sheet as the spreadsheet importers do.
func readAll(path string) (grids []*workbook.Grid, notes []workbook.Problem, err error) {
	f, err := workbook.OpenFile(path, "")
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	for _, s := range f.GetSheetList() {
		g, err := workbook.ReadGrid(f, s)
		if err != nil {
			return nil, nil, err
		}
		grids = append(grids, g)
	}
	return grids, workbook.SkippedSheets(f), nil
}

// Every hostile file is refused, quickly, with a Chinese sentence naming its real cause; the
// readable ones are read within bounds.
func TestOpen_Hostile(t *testing.T) {
	roster, err := os.ReadFile("testdata/联系片划分表.xlsx")
	if err != nil {
		t.Fatal(err)
	}
	entries, err := corpus.Hostile(t.TempDir(), roster)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		t.Run(filepath.Base(e.Path), func(t *testing.T) {
			start := time.Now()
			grids, notes, err := readAll(e.Path)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("%s took %s", e.Why, d)
			}
			if e.Want == "" {
				if err != nil {
					t.Fatalf("%s: refused: %v", e.Why, err)
				}
				for _, g := range grids {
					if g.Rows()*g.Cols() > 10000 {
						t.Errorf("%s: sheet %s read as %d×%d cells", e.Why, g.Sheet, g.Rows(), g.Cols())
					}
				}
				return
			}
			if err == nil {
				t.Fatalf("%s: accepted (%d sheets, notes %v)", e.Why, len(grids), notes)
			}
			msg := apperr.MessageOf(err)
			if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(msg, e.Want) {
				t.Errorf("%s: message %q, want it to say %q", e.Why, msg, e.Want)
			}
			if !strings.Contains(msg, filepath.Base(e.Path)) && !strings.Contains(msg, "工作表") {
				t.Errorf("%s: message %q does not name the file", e.Why, msg)
			}
			if w := rawText.FindString(allowedWords.Replace(sheetNames.ReplaceAllString(msg, ""))); w != "" {
				t.Errorf("%s: message %q carries raw text %q", e.Why, msg, w)
			}
		})
	}
}

// A chart sheet is skipped with a note, and the merge over a whole sheet fills only the cells
// the sheet uses.
func TestOpen_ChartSheetAndMergeBomb(t *testing.T) {
	roster, _ := os.ReadFile("testdata/联系片划分表.xlsx")
	entries, err := corpus.Hostile(t.TempDir(), roster)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		switch filepath.Base(e.Path) {
		case "带图表.xlsx":
			grids, notes, err := readAll(e.Path)
			if err != nil {
				t.Fatal(err)
			}
			if len(notes) != 1 || notes[0].Sheet != "图表1" || !strings.Contains(notes[0].Message, "图表") {
				t.Errorf("notes = %+v", notes)
			}
			if g := grids[len(grids)-1]; g.Sheet != "图表1" || g.Rows() != 0 {
				t.Errorf("chart sheet read as %d rows", g.Rows())
			}
		case "合并炸弹.xlsx":
			grids, _, err := readAll(e.Path)
			if err != nil {
				t.Fatal(err)
			}
			g := grids[0]
			if g.Rows() != 2 || g.Cols() != 2 || g.Cell(1, 1) != "联系片" || !g.Merged(1, 1) {
				t.Errorf("merge bomb read as %d×%d, B2 %q", g.Rows(), g.Cols(), g.Cell(1, 1))
			}
		}
	}
}

// Sniff tells a file by its bytes whatever its name.
func TestSniff(t *testing.T) {
	for _, c := range []struct {
		data string
		want workbook.Kind
	}{
		{"", workbook.KindEmpty},
		{"序号,姓名\n1,张三\n", workbook.KindCSV},
		{"\xEF\xBB\xBF  <!DOCTYPE html><html>", workbook.KindHTML},
		{`<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">`, workbook.KindXML2003},
		{"%PDF-1.7", workbook.KindPDF},
		{"<?xml version=\"1.0\"?>\n<office:document xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" office:mimetype=\"application/vnd.oasis.opendocument.spreadsheet\">", workbook.KindFODS},
		{`<?xml version="1.0" encoding="UTF-8"?><data><row>1</row></data>`, workbook.KindXML},
		{"ID;PWXL;N;E\r\nC;Y1;X1;K1\r\nE\r\n", workbook.KindSYLK},
	} {
		if got := workbook.Sniff([]byte(c.data)); got != c.want {
			t.Errorf("Sniff(%q) = %s, want %s", c.data, got, c.want)
		}
	}
}

// The time budget is the file's, not each sheet's: once the sheets read so far have used it,
// the next sheet is refused however small, naming it; a new opening starts a new budget. The
// per-sheet row and cell budgets still hold beside it (TestOpen_Hostile).
func TestFileTimeBudget(t *testing.T) {
	f := excelize.NewFile()
	for i := range 3 {
		name := fmt.Sprintf("S%d", i+1)
		if i == 0 {
			f.SetSheetName("Sheet1", name)
		} else if _, err := f.NewSheet(name); err != nil {
			t.Fatal(err)
		}
		for r := 1; r <= 100; r++ {
			cell, _ := excelize.CoordinatesToCellName(1, r)
			f.SetCellValue(name, cell, r)
		}
	}
	path := filepath.Join(t.TempDir(), "sheets.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	defer func(old time.Duration) { workbook.FileTimeBudget = old }(workbook.FileTimeBudget)
	workbook.FileTimeBudget = 300 * time.Millisecond

	book, err := workbook.OpenFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	if _, err := workbook.ReadGrid(book, "S1"); err != nil {
		t.Fatalf("first sheet within the budget: %v", err)
	}
	time.Sleep(workbook.FileTimeBudget) // as if S1 had taken the whole budget
	_, err = workbook.ReadGrid(book, "S2")
	if apperr.CodeOf(err) != apperr.Invalid || !strings.Contains(err.Error(), "各工作表合计读取超过") || !strings.Contains(err.Error(), "「S2」") {
		t.Fatalf("second sheet past the file's budget: %v", err)
	}
	if _, err := workbook.ReadGrid(book, "S3"); err == nil {
		t.Error("third sheet read past the file's budget")
	}

	again, err := workbook.OpenFile(path, "")
	if err != nil {
		t.Fatal(err)
	}
	defer again.Close()
	for _, s := range again.GetSheetList() {
		if _, err := workbook.ReadGrid(again, s); err != nil {
			t.Errorf("a new opening has a new budget: %s: %v", s, err)
		}
	}
}
