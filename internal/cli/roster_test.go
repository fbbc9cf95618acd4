package cli_test

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/cli"
)

const rosterSample = "../workbook/testdata/联系片划分表.xlsx"

type rosterResult struct {
	Created   *int `json:"created"`
	Updated   *int `json:"updated"`
	Unchanged *int `json:"unchanged"`
	Problems  []struct {
		Sheet   string `json:"sheet"`
		Cell    string `json:"cell"`
		Message string `json:"message"`
	} `json:"problems"`
}

func decodeRoster(t *testing.T, out string) rosterResult {
	t.Helper()
	var r rosterResult
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	if r.Created == nil || r.Updated == nil || r.Unchanged == nil || r.Problems == nil {
		t.Fatalf("missing fields: %s", out)
	}
	return r
}

func TestRosterImport(t *testing.T) {
	// A database that does not exist yet is created empty first.
	db := filepath.Join(t.TempDir(), "new", "roster.db")

	t.Run("DryRun", func(t *testing.T) {
		r := decodeRoster(t, mustRun(t, "roster", "import", "--db", db, "--dry-run", "--json", rosterSample))
		if *r.Created != 42 || *r.Updated != 0 || *r.Unchanged != 0 || len(r.Problems) != 0 {
			t.Errorf("dry run = %+v", r)
		}
		org := mustRun(t, "org", "--db", db, "--json")
		if !strings.Contains(org, `"areas": []`) {
			t.Errorf("dry run wrote: %s", org)
		}
	})

	t.Run("OK", func(t *testing.T) {
		r := decodeRoster(t, mustRun(t, "roster", "import", "--db", db, "--json", rosterSample))
		if *r.Created != 42 || *r.Updated != 0 || *r.Unchanged != 0 {
			t.Errorf("import = %+v", r)
		}
		var org struct {
			Areas []struct {
				Number   int    `json:"number"`
				Name     string `json:"name"`
				LeadUnit string `json:"lead_unit"`
				Liaison  string `json:"liaison"`
				Leader   string `json:"leader"`
				Units    []struct {
					Name      string `json:"name"`
					ShortName string `json:"short_name"`
				} `json:"units"`
			} `json:"areas"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, "org", "--db", db, "--json")), &org); err != nil {
			t.Fatal(err)
		}
		if len(org.Areas) != 5 || org.Areas[0].LeadUnit != "区委办公室" || org.Areas[0].Leader != "赵明华" || org.Areas[0].Liaison != "王建国" || len(org.Areas[0].Units) != 6 {
			t.Errorf("org = %+v", org.Areas)
		}
	})

	t.Run("AgainUnchanged", func(t *testing.T) {
		r := decodeRoster(t, mustRun(t, "roster", "import", "--db", db, "--json", rosterSample))
		if *r.Created != 0 || *r.Updated != 0 || *r.Unchanged != 42 {
			t.Errorf("again = %+v", r)
		}
	})

	t.Run("Readable", func(t *testing.T) {
		out := mustRun(t, "roster", "import", "--db", db, rosterSample)
		for _, want := range []string{"联系片：新增 0，更新 0，不变 5", "单位：新增 0，更新 0，不变 27", "人员：新增 0，更新 0，不变 10", "区委"} {
			if !strings.Contains(out, want) {
				t.Errorf("summary lacks %q:\n%s", want, out)
			}
		}
	})

	t.Run("ErrProblemsRefused", func(t *testing.T) {
		f := excelize.NewFile()
		f.SetSheetName("Sheet1", "联系片划分")
		for i, row := range [][]any{
			{"联系片", "成员单位", "党员人数"},
			{"第一联系片", "区新局", "很多"},
		} {
			cell, _ := excelize.CoordinatesToCellName(1, i+1)
			f.SetSheetRow("联系片划分", cell, &row)
		}
		bad := filepath.Join(t.TempDir(), "bad.xlsx")
		if err := f.SaveAs(bad); err != nil {
			t.Fatal(err)
		}
		code, out, _ := run(t, "roster", "import", "--db", db, "--json", bad)
		if code != cli.ExitRefused {
			t.Fatalf("exit %d, want %d", code, cli.ExitRefused)
		}
		r := decodeRoster(t, out)
		if len(r.Problems) != 1 || r.Problems[0].Sheet != "联系片划分" || r.Problems[0].Cell != "C2" || !strings.Contains(r.Problems[0].Message, "党员人数") {
			t.Errorf("problems = %+v", r.Problems)
		}
		code, out, _ = run(t, "roster", "import", "--db", db, bad)
		if code != cli.ExitRefused || !strings.Contains(out, "联系片划分!C2") || !strings.Contains(out, "未导入任何数据") {
			t.Errorf("exit %d:\n%s", code, out)
		}
		again := decodeRoster(t, mustRun(t, "roster", "import", "--db", db, "--dry-run", "--json", rosterSample))
		if *again.Unchanged != 42 {
			t.Errorf("refused file changed the database: %+v", again)
		}
	})

	t.Run("ErrUsage", func(t *testing.T) {
		if code, _, _ := run(t, "roster", "import", "--db", db); code != cli.ExitUsage {
			t.Errorf("no file: exit %d", code)
		}
		if code, _, _ := run(t, "roster", "export", "--db", db); code != cli.ExitUsage {
			t.Errorf("no --out: exit %d", code)
		}
	})

	t.Run("ErrNotXLSX", func(t *testing.T) {
		txt := filepath.Join(t.TempDir(), "roster.xlsx")
		os.WriteFile(txt, []byte("序号,联系片\n"), 0o644)
		// Refused like any file with problems (exit 3, the problem in the JSON), as every
		// importer answers a file it cannot read.
		code, out, errOut := run(t, "roster", "import", "--db", db, "--json", txt)
		if code != cli.ExitRefused || !strings.Contains(out, "是 CSV 或纯文本文件，不是 Excel 工作簿") {
			t.Errorf("exit %d: %s%s", code, out, errOut)
		}
	})
}

func TestRosterExport(t *testing.T) {
	db := demoDB(t)
	out := filepath.Join(t.TempDir(), "名册.xlsx")
	mustRun(t, "roster", "export", "--db", db, "--out", out)
	r := decodeRoster(t, mustRun(t, "roster", "import", "--db", db, "--json", out))
	if *r.Created != 0 || *r.Updated != 0 || *r.Unchanged == 0 {
		t.Errorf("exported roster re-imported = %+v", r)
	}
}

// A roster of more than 500 units stops and asks: refused (exit 3) with the reason and the way
// on; with --force, once the user checked the file, it is imported and the limit is told.
func TestRosterImportForce(t *testing.T) {
	db := filepath.Join(t.TempDir(), "force.db")
	f := excelize.NewFile()
	f.SetSheetName("Sheet1", "联系片划分")
	f.SetSheetRow("联系片划分", "A1", &[]any{"联系片", "成员单位"})
	for i := 0; i <= 500; i++ {
		cell, _ := excelize.CoordinatesToCellName(1, i+2)
		f.SetSheetRow("联系片划分", cell, &[]any{"第一联系片", fmt.Sprintf("单位%03d", i)})
	}
	big := filepath.Join(t.TempDir(), "大名册.xlsx")
	if err := f.SaveAs(big); err != nil {
		t.Fatal(err)
	}
	code, out, _ := run(t, "roster", "import", "--db", db, big)
	if code != cli.ExitRefused || !strings.Contains(out, "一份名册一般不会超过 500 个") || !strings.Contains(out, "--force") {
		t.Fatalf("without --force: exit %d\n%s", code, out)
	}
	if org := mustRun(t, "org", "--db", db, "--json"); !strings.Contains(org, `"areas": []`) {
		t.Errorf("the refused roster wrote: %s", org)
	}
	r := decodeRoster(t, mustRun(t, "roster", "import", "--db", db, "--force", "--json", big))
	if *r.Created != 502 || len(r.Problems) != 0 {
		t.Errorf("with --force: %+v", r)
	}
	if _, usage, errOut := run(t, "roster", "import", "-h"); !strings.Contains(usage+errOut, "--force") || !strings.Contains(usage+errOut, "仍然导入") {
		t.Errorf("usage lacks --force:\n%s%s", usage, errOut)
	}
}
