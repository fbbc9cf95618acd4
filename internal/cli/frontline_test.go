package cli_test

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/cli"
)

type frontlineResult struct {
	Created   int `json:"created"`
	Updated   int `json:"updated"`
	Unchanged int `json:"unchanged"`
	Ledgers   struct {
		Branches struct{ Unchanged int } `json:"branches"`
		Matters  struct{ Unchanged int } `json:"matters"`
	} `json:"ledgers"`
	Problems []struct {
		Sheet   string `json:"sheet"`
		Cell    string `json:"cell"`
		Message string `json:"message"`
	} `json:"problems"`
}

func TestFrontlineExportImport(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "台账.xlsx")
	mustRun(t, "frontline", "export", "--db", db, "--out", out)

	var r frontlineResult
	if err := json.Unmarshal([]byte(mustRun(t, "frontline", "import", "--db", db, "--json", out)), &r); err != nil {
		t.Fatal(err)
	}
	if r.Created+r.Updated != 0 || r.Ledgers.Branches.Unchanged != 30 || r.Ledgers.Matters.Unchanged != 367 || r.Problems == nil {
		t.Fatalf("re-import of an export = %+v", r)
	}

	t.Run("OneLedger", func(t *testing.T) {
		only := filepath.Join(t.TempDir(), "品牌.xlsx")
		mustRun(t, "frontline", "export", "--db", db, "--out", only, "--ledger", "brands")
		f, err := excelize.OpenFile(only)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		if got := f.GetSheetList(); len(got) != 1 || got[0] != "党建品牌与荣誉" {
			t.Fatalf("sheets = %v", got)
		}
	})

	t.Run("ErrUnknownLedger", func(t *testing.T) {
		if code, _, _ := run(t, "frontline", "export", "--db", db, "--out", out, "--ledger", "findings"); code != cli.ExitUsage {
			t.Fatalf("exit %d, want %d", code, cli.ExitUsage)
		}
	})

	t.Run("RefusedWithProblems", func(t *testing.T) {
		f := excelize.NewFile()
		rows := [][]any{{"事项", "来源", "承办支部", "经办人", "受理日期"}, {"西关社区路灯维修", "群众", "第七轮巡察第一组临时党支部", "王明", "2024-11-05"}}
		for i, row := range rows {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow("Sheet1", cell, &row)
		}
		bad := filepath.Join(t.TempDir(), "bad.xlsx")
		if err := f.SaveAs(bad); err != nil {
			t.Fatal(err)
		}
		code, stdout, _ := run(t, "frontline", "import", "--db", db, "--json", bad)
		if code != cli.ExitRefused {
			t.Fatalf("exit %d, want %d", code, cli.ExitRefused)
		}
		var r frontlineResult
		if err := json.Unmarshal([]byte(stdout), &r); err != nil {
			t.Fatal(err)
		}
		if len(r.Problems) != 1 || r.Problems[0].Cell != "C2" || !strings.Contains(r.Problems[0].Message, "第七轮巡察第一组临时党支部") {
			t.Fatalf("problems = %+v", r.Problems)
		}
	})
}
