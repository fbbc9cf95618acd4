package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/cli"
)

type resultsDoc struct {
	Round       string `json:"round"`
	Provisional bool   `json:"provisional"`
	Units       []struct {
		Unit         string             `json:"unit"`
		Final        *float64           `json:"final"`
		Grade        string             `json:"grade"`
		Complete     bool               `json:"complete"`
		Groups       map[string]float64 `json:"groups"`
		Adjust       float64            `json:"adjust"`
		Renormalised *bool              `json:"renormalised"`
		Provisional  *bool              `json:"provisional"`
	} `json:"units"`
}

func resultsOf(t *testing.T, db, code string) resultsDoc {
	t.Helper()
	var r resultsDoc
	if err := json.Unmarshal([]byte(mustRun(t, "results", "--db", db, "--round", code, "--json")), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

// TestRoundsQuarter walks a quarter on the command line: copy the last round, refuse to close
// one with scores missing (exit 3 with the counts), enter a deduction, close with --force.
func TestRoundsQuarter(t *testing.T) {
	db := demoDB(t)
	t.Setenv("USER", "tester") // the operator who verifies the deduction

	out := mustRun(t, "rounds", "copy", "--db", db, "--from", "2024Q4", "--code", "2025Q1", "--date", "2025-03-20", "--units", "rotate")
	if !strings.Contains(out, "2025年第一季度“常委看党建”观摩") || !strings.Contains(out, "计划中") {
		t.Errorf("copy said:\n%s", out)
	}
	var rounds struct {
		Rounds []struct {
			Code, Title, Status string
			Units               []string
			Groups              []struct{ Raters []string }
		}
	}
	json.Unmarshal([]byte(mustRun(t, "rounds", "--db", db, "--json")), &rounds)
	byCode := map[string]int{}
	for i, r := range rounds.Rounds {
		byCode[r.Code] = i
	}
	q1, q4 := rounds.Rounds[byCode["2025Q1"]], rounds.Rounds[byCode["2024Q4"]]
	if q1.Status != "planned" || len(q1.Units) != len(q4.Units) || len(q1.Groups) != 3 || len(q1.Groups[0].Raters) != len(q4.Groups[0].Raters) {
		t.Errorf("2025Q1 = %+v", q1)
	}
	for _, u := range q1.Units {
		for _, old := range q4.Units {
			if u == old {
				t.Errorf("rotated 2025Q1 observes %s again", u)
			}
		}
	}
	if code, _, _ := run(t, "rounds", "copy", "--db", db, "--from", "2024Q4", "--code", "2025Q1"); code != cli.ExitFailed {
		t.Errorf("copying onto an existing code exited %d", code)
	}

	if r := resultsOf(t, db, "2024Q4"); !r.Provisional || len(r.Units) == 0 || r.Units[0].Provisional == nil || !*r.Units[0].Provisional || r.Units[0].Renormalised == nil {
		t.Errorf("2024Q4 (scoring) results: %+v", r)
	}
	if r := resultsOf(t, db, "2024Q3"); r.Provisional || *r.Units[0].Provisional || *r.Units[0].Renormalised {
		t.Errorf("2024Q3 (closed) results: %+v", r.Units[0])
	}

	code, stdout, stderr := run(t, "rounds", "close", "--db", db, "--round", "2024Q4")
	if code != cli.ExitRefused || !regexp.MustCompile(`13 位评分人未交齐，11 个单位缺评（\d+ 份评分表、\d+ 项未评）`).MatchString(stderr) ||
		!strings.Contains(stdout, "未交齐的评分人") {
		t.Fatalf("close with nothing scored: exit %d\n%s\n%s", code, stdout, stderr)
	}

	unit := resultsOf(t, db, "2024Q4").Units[0].Unit
	mustRun(t, "rounds", "adjust", "--db", db, "--round", "2024Q4", "--unit", unit, "--points", "-2", "--reason", "违规违纪：一名党员受党内警告处分")
	if code, _, _ := run(t, "rounds", "adjust", "--db", db, "--round", "2024Q4", "--unit", unit, "--points", "-2", "--reason", "违规违纪：一名党员受党内警告处分"); code != cli.ExitFailed {
		t.Errorf("the same deduction twice exited %d, want refused (counted once)", code)
	}
	var items struct {
		Items []struct {
			Unit   string  `json:"unit"`
			Points float64 `json:"points"`
		} `json:"items"`
	}
	json.Unmarshal([]byte(mustRun(t, "rounds", "adjust", "--db", db, "--round", "2024Q4", "--json")), &items)
	if len(items.Items) != 1 || items.Items[0].Points != -2 || items.Items[0].Unit != unit {
		t.Errorf("items = %+v", items)
	}
	for _, u := range resultsOf(t, db, "2024Q4").Units {
		if u.Unit == unit && u.Adjust != -2 {
			t.Errorf("%s adjust = %v, want -2", unit, u.Adjust)
		}
	}

	if out := mustRun(t, "rounds", "close", "--db", db, "--round", "2024Q4", "--force"); !strings.Contains(out, "已强制结束") {
		t.Errorf("forced close said:\n%s", out)
	}
	if code, _, _ := run(t, "rounds", "adjust", "--db", db, "--round", "2024Q4", "--unit", unit, "--points", "1", "--reason", "x"); code != cli.ExitFailed {
		t.Errorf("adjusting a closed round exited %d", code)
	}
	if code, _, _ := run(t, "rounds", "close", "--db", db); code != cli.ExitUsage {
		t.Errorf("close without --round exited %d", code)
	}
}

func TestRatersWorkbook(t *testing.T) {
	db := demoDB(t)
	path := filepath.Join(t.TempDir(), "评价关系表.xlsx")
	mustRun(t, "raters", "export", "--db", db, "--round", "2024Q4", "--out", path)
	var res struct {
		Created   *int `json:"created"`
		Updated   *int `json:"updated"`
		Unchanged *int `json:"unchanged"`
		Problems  []struct {
			Sheet, Cell, Message string
		} `json:"problems"`
	}
	json.Unmarshal([]byte(mustRun(t, "raters", "import", "--db", db, "--round", "2024Q4", "--dry-run", "--json", path)), &res)
	if res.Created == nil || *res.Created != 0 || *res.Unchanged != 13 || res.Problems == nil {
		t.Fatalf("dry run of the exported file: %+v", res)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	f.SetCellValue("评价关系", "C4", "查无此人")
	f.Save()
	f.Close()
	code, out, _ := run(t, "raters", "import", "--db", db, "--round", "2024Q4", "--json", path)
	json.Unmarshal([]byte(out), &res)
	if code != cli.ExitRefused || len(res.Problems) != 1 || res.Problems[0].Sheet != "评价关系" || res.Problems[0].Cell != "C4" {
		t.Errorf("exit %d, %s", code, out)
	}
	if code, _, _ := run(t, "raters", "import", "--db", db, "--round", "2024Q3", path); code != cli.ExitFailed {
		t.Errorf("importing into a closed round exited %d", code)
	}
}

// raters import --dry-run opens its database as every import does: on one that does not exist
// it creates nothing (the round is then not found).
func TestRatersImportDryRunCreatesNothing(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "none.db")
	code, _, errOut := run(t, "raters", "import", "--db", db, "--round", "2024Q4", "--dry-run", filepath.Join(dir, "x.xlsx"))
	if code == cli.ExitOK {
		t.Fatalf("exit 0 on a database that does not exist\n%s", errOut)
	}
	if entries, _ := os.ReadDir(dir); len(entries) != 0 {
		t.Errorf("the dry run left %v in the folder", entries)
	}
}
