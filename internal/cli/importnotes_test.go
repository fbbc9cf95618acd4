package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// `import --json` carries the notes the text output shows: a comment beside a blank score.
func TestImportJSONNotes(t *testing.T) {
	db := demoDB(t)
	src := exportRaters(t, db)[0]
	// fillFirstScore puts the comment in 说明 (H) of the first 得分项 row, leaving 得分 blank.
	withNote := filepath.Join(t.TempDir(), filepath.Base(src))
	sheet, cell := fillFirstScore(t, src, withNote, func(string) any { return nil })
	x, err := excelize.OpenFile(withNote)
	if err != nil {
		t.Fatal(err)
	}
	comment := "H" + strings.TrimPrefix(cell, "G")
	if err := x.SetCellValue(sheet, comment, "材料已看，待补充"); err != nil {
		t.Fatal(err)
	}
	if err := x.Save(); err != nil {
		t.Fatal(err)
	}
	x.Close()
	code, out, _ := run(t, "import", "--db", db, "--dry-run", "--json", withNote)
	var j struct {
		Files []struct {
			Notes []struct{ Sheet, Cell, Message string } `json:"notes"`
		} `json:"files"`
	}
	if err := json.Unmarshal([]byte(out), &j); err != nil || len(j.Files) != 1 {
		t.Fatalf("exit %d, not JSON of one file: %v\n%s", code, err, out)
	}
	n := j.Files[0].Notes
	if len(n) != 1 || n[0].Sheet != sheet || n[0].Cell != comment || !strings.Contains(n[0].Message, "有说明但没有得分") {
		t.Fatalf("notes = %+v", n)
	}
	if _, text, _ := run(t, "import", "--db", db, "--dry-run", withNote); !strings.Contains(text, n[0].Message) {
		t.Errorf("the text output lacks the note %q:\n%s", n[0].Message, text)
	}
}
