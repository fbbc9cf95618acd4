package cli_test

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/cli"
)

const schemeSample = "../workbook/testdata/评分细则.xlsx"

func TestSchemesJSON(t *testing.T) {
	db := demoDB(t)
	out := mustRun(t, "schemes", "--db", db, "--json")
	// The exact shape of the contract: every field, and nothing the contract omits.
	var raw struct {
		Schemes []map[string]json.RawMessage `json:"schemes"`
	}
	if err := json.Unmarshal([]byte(out), &raw); err != nil {
		t.Fatalf("not JSON: %v\n%s", err, out)
	}
	// The demo has a scheme for each year of its rounds: 2023 and 2024.
	if len(raw.Schemes) != 2 {
		t.Fatalf("%d schemes in the demo, want 2", len(raw.Schemes))
	}
	for _, sc := range raw.Schemes {
		for _, k := range []string{"name", "version", "status", "total", "indicators"} {
			if _, ok := sc[k]; !ok {
				t.Errorf("scheme lacks %q", k)
			}
		}
	}
	var got struct {
		Schemes []struct {
			Name       string  `json:"name"`
			Version    int     `json:"version"`
			Status     string  `json:"status"`
			Total      float64 `json:"total"`
			Indicators []struct {
				Code    string   `json:"code"`
				Name    string   `json:"name"`
				Parent  *string  `json:"parent"`
				Kind    *string  `json:"kind"`
				Max     *float64 `json:"max"`
				Step    *float64 `json:"step"`
				Options []struct {
					Label  string  `json:"label"`
					Points float64 `json:"points"`
				} `json:"options"`
			} `json:"indicators"`
		} `json:"schemes"`
	}
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, sc := range got.Schemes {
		names[sc.Name] = true
	}
	if !names["2023年度“常委看党建”观摩评分细则"] {
		t.Errorf("no 2023 scheme among %v", names)
	}
	s := got.Schemes[0]
	for _, sc := range got.Schemes {
		if strings.HasPrefix(sc.Name, "2024") {
			s = sc
		}
	}
	if s.Name != "2024年度“常委看党建”观摩评分细则" || s.Version != 1 || s.Status != "published" || s.Total != 100 {
		t.Errorf("scheme = %s v%d %s total %v", s.Name, s.Version, s.Status, s.Total)
	}
	kinds := map[string]int{}
	var sum float64
	for _, ind := range s.Indicators {
		if ind.Parent == nil || ind.Kind == nil || ind.Max == nil || ind.Step == nil {
			t.Fatalf("indicator %s lacks a field", ind.Code)
		}
		kinds[*ind.Kind]++
		switch {
		case *ind.Kind == "":
			if *ind.Parent != "" || strings.Contains(ind.Code, ".") {
				t.Errorf("group %s %s has parent %q", ind.Code, ind.Name, *ind.Parent)
			}
		case !strings.HasPrefix(ind.Code, *ind.Parent+"."):
			t.Errorf("%s has parent %q", ind.Code, *ind.Parent)
		}
		if (*ind.Kind == "grade") != (ind.Options != nil) {
			t.Errorf("%s (%s) options = %v", ind.Code, *ind.Kind, ind.Options)
		}
		if *ind.Kind == "score" || *ind.Kind == "grade" {
			sum += *ind.Max
		}
	}
	if sum != s.Total {
		t.Errorf("maxima sum to %v, total says %v", sum, s.Total)
	}
	if kinds["score"] == 0 || kinds["grade"] == 0 || kinds["bonus"] == 0 || kinds["deduct"] == 0 || kinds[""] != 5 {
		t.Errorf("kinds = %v", kinds)
	}
	if c := kinds["score"] + kinds["grade"] + kinds["bonus"] + kinds["deduct"]; c < 10 || c > 14 {
		t.Errorf("%d scorable indicators, want 10–14", c)
	}
	if txt := mustRun(t, "schemes", "--db", db); !strings.Contains(txt, "已发布") || !strings.Contains(txt, "满分100分") {
		t.Errorf("table:\n%s", txt)
	}
}

type schemeImportResult struct {
	rosterResult
	Scheme  string `json:"scheme"`
	Version int    `json:"version"`
}

func decodeSchemeImport(t *testing.T, out string) schemeImportResult {
	t.Helper()
	var r schemeImportResult
	decodeRoster(t, out) // the same contract fields
	if err := json.Unmarshal([]byte(out), &r); err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSchemesImport(t *testing.T) {
	db := filepath.Join(t.TempDir(), "new", "schemes.db")
	count := func() int {
		var l struct {
			Schemes []struct{ Status string } `json:"schemes"`
		}
		json.Unmarshal([]byte(mustRun(t, "schemes", "--db", db, "--json")), &l)
		return len(l.Schemes)
	}

	t.Run("DryRun", func(t *testing.T) {
		r := decodeSchemeImport(t, mustRun(t, "schemes", "import", "--db", db, "--dry-run", "--json", schemeSample))
		if *r.Created != 16 || *r.Updated != 0 || *r.Unchanged != 0 || len(r.Problems) != 0 || r.Version != 1 {
			t.Errorf("dry run = %+v", r)
		}
		if n := count(); n != 0 {
			t.Errorf("dry run wrote %d schemes", n)
		}
	})

	t.Run("OK", func(t *testing.T) {
		r := decodeSchemeImport(t, mustRun(t, "schemes", "import", "--db", db, "--json", schemeSample))
		if *r.Created != 16 || r.Scheme != "2024年度“常委看党建”观摩评分细则" {
			t.Errorf("import = %+v", r)
		}
		out := mustRun(t, "schemes", "--db", db, "--json")
		if !strings.Contains(out, `"status": "draft"`) || !strings.Contains(out, `"total": 100`) {
			t.Errorf("after import:\n%s", out)
		}
	})

	t.Run("AgainChangesNothing", func(t *testing.T) {
		r := decodeSchemeImport(t, mustRun(t, "schemes", "import", "--db", db, "--json", schemeSample))
		if *r.Created != 0 || *r.Updated != 0 || *r.Unchanged != 16 || count() != 1 {
			t.Errorf("second import = %+v, %d schemes", r, count())
		}
	})

	t.Run("ExportReimportsUnchanged", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "导出.xlsx")
		mustRun(t, "schemes", "export", "--db", db, "--name", "2024年度“常委看党建”观摩评分细则", "--out", out)
		r := decodeSchemeImport(t, mustRun(t, "schemes", "import", "--db", db, "--json", out))
		if *r.Created != 0 || *r.Updated != 0 || *r.Unchanged != 16 {
			t.Errorf("re-import of the export = %+v", r)
		}
	})

	t.Run("ErrProblemsRefused", func(t *testing.T) {
		f, err := excelize.OpenFile(schemeSample)
		if err != nil {
			t.Fatal(err)
		}
		f.SetCellValue("评分细则", "D7", "五")
		bad := filepath.Join(t.TempDir(), "bad.xlsx")
		if err := f.SaveAs(bad); err != nil {
			t.Fatal(err)
		}
		f.Close()
		code, out, _ := run(t, "schemes", "import", "--db", db, "--json", bad)
		if code != cli.ExitRefused {
			t.Fatalf("exit %d, want %d", code, cli.ExitRefused)
		}
		r := decodeSchemeImport(t, out)
		if len(r.Problems) != 1 || r.Problems[0].Sheet != "评分细则" || r.Problems[0].Cell != "D7" || r.Problems[0].Message != "分值“五”不是数字" {
			t.Errorf("problems = %+v", r.Problems)
		}
		if *r.Created != 0 || count() != 1 {
			t.Errorf("a refused file wrote something: %+v", r)
		}
		code, txt, _ := run(t, "schemes", "import", "--db", db, bad)
		if code != cli.ExitRefused || !strings.Contains(txt, "评分细则!D7：分值“五”不是数字") {
			t.Errorf("text output (exit %d):\n%s", code, txt)
		}
	})

	t.Run("ErrNotAWorkbook", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "x.xlsx")
		os.WriteFile(p, []byte("hello"), 0o644)
		code, out, _ := run(t, "schemes", "import", "--db", db, "--json", p)
		if code != cli.ExitRefused || !strings.Contains(out, "不是 Excel 工作簿") {
			t.Errorf("exit %d: %s", code, out)
		}
	})

	t.Run("ErrUsage", func(t *testing.T) {
		for _, args := range [][]string{
			{"schemes", "import", "--db", db},
			{"schemes", "export", "--db", db, "--out", "x.xlsx"},
			{"schemes", "--db", db, "extra"},
		} {
			if code, _, _ := run(t, args...); code != cli.ExitUsage {
				t.Errorf("%v: exit %d", args, code)
			}
		}
		if code, _, _ := run(t, "schemes", "export", "--db", db, "--name", "没有这个方案", "--out", filepath.Join(t.TempDir(), "x.xlsx")); code != cli.ExitFailed {
			t.Errorf("export of a missing scheme: exit %d", code)
		}
	})
}
