package cli_test

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// peerBook is a workbook as tools/peers/peer.cjs prints it.
type peerBook struct {
	Sheets []struct {
		Name      string `json:"name"`
		State     string `json:"state"`
		Protected bool   `json:"protected"`
		Cells     map[string]struct {
			V      string `json:"v"`
			Locked bool   `json:"locked"`
		} `json:"cells"`
	} `json:"sheets"`
}

// peerRead reads a workbook with ExcelJS or SheetJS; a workbook the library refuses fails the test.
func peerRead(t *testing.T, lib, path string) peerBook {
	t.Helper()
	script := filepath.Join("..", "..", "tools", "peers", "peer.cjs")
	if _, err := os.Stat(filepath.Join(filepath.Dir(script), "node_modules")); err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("tools/peers 没有安装（cd tools/peers && npm ci）")
		}
		t.Skip("跳过：tools/peers 没有安装")
	}
	out, err := exec.Command("node", script, lib+"-read", path).Output()
	if err != nil {
		msg := ""
		if ee, ok := err.(*exec.ExitError); ok {
			msg = string(ee.Stderr)
		}
		t.Fatalf("%s cannot open %s: %v %s", lib, filepath.Base(path), err, msg)
	}
	var b peerBook
	if err := json.Unmarshal(out, &b); err != nil {
		t.Fatal(err)
	}
	return b
}

// ourCells reads every non-empty cell of every sheet with excelize, raw, and whether its style
// locks it.
func ourCells(t *testing.T, path string) (map[string]map[string]string, map[string]map[string]bool) {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	values, locked := map[string]map[string]string{}, map[string]map[string]bool{}
	for _, s := range f.GetSheetList() {
		values[s], locked[s] = map[string]string{}, map[string]bool{}
		rows, err := f.GetRows(s, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if v == "" {
					continue
				}
				name, _ := excelize.CoordinatesToCellName(c+1, r+1)
				values[s][name] = v
				id, _ := f.GetCellStyle(s, name)
				st, _ := f.GetStyle(id)
				locked[s][name] = st == nil || st.Protection == nil || st.Protection.Locked
			}
		}
	}
	return values, locked
}

// Every workbook the app writes opens in ExcelJS (the strictest common reader) and SheetJS,
// with every value as written and, in ExcelJS, the sheet and cell protection as written.
func TestExportsOpenInStrictReaders(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	out := func(name string) string { return filepath.Join(dir, name) }
	mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", out("raters"))
	mustRun(t, "ledger", "units", "--db", db, "--out", out("feedback"))
	mustRun(t, "roster", "export", "--db", db, "--out", out("roster.xlsx"))
	mustRun(t, "schemes", "export", "--db", db, "--name", "2024年度“常委看党建”观摩评分细则", "--out", out("scheme.xlsx"))
	mustRun(t, "report", "--db", db, "--round", "2024Q3", "--out", out("report.xlsx"))
	mustRun(t, "ledger", "export", "--db", db, "--out", out("ledger.xlsx"))
	mustRun(t, "frontline", "export", "--db", db, "--out", out("frontline.xlsx"))
	mustRun(t, "audit", "export", "--db", db, "--out", out("audit.xlsx"))
	mustRun(t, "raters", "export", "--db", db, "--round", "2024Q4", "--out", out("assignment.xlsx"))
	mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", out("paper"), "--paper")
	mustRun(t, "evidence", "export", "--db", db, "--round", "2024Q4", "--out", out("evidence"))
	files := []string{out("roster.xlsx"), out("scheme.xlsx"), out("report.xlsx"), out("ledger.xlsx"), out("frontline.xlsx"),
		out("audit.xlsx"), out("assignment.xlsx"), filepath.Join(out("evidence"), "佐证材料索引.xlsx")}
	protectedBooks := map[string]bool{}
	for _, sub := range []string{"raters", "feedback", "paper"} {
		found, _ := filepath.Glob(filepath.Join(out(sub), "*.xlsx"))
		if len(found) == 0 {
			t.Fatalf("no %s exported", sub)
		}
		files = append(files, found[0])
		protectedBooks[found[0]] = sub != "paper"
	}
	for _, path := range files {
		t.Run(filepath.Base(path), func(t *testing.T) {
			values, locked := ourCells(t, path)
			for _, lib := range []string{"exceljs", "sheetjs"} {
				b := peerRead(t, lib, path)
				if len(b.Sheets) != len(values) {
					t.Errorf("%s sees %d sheets, want %d", lib, len(b.Sheets), len(values))
				}
				protected := 0
				for _, s := range b.Sheets {
					want, ok := values[s.Name]
					if !ok {
						t.Errorf("%s sees a sheet %q that is not in the file", lib, s.Name)
						continue
					}
					if s.Protected {
						protected++
					}
					for cell, v := range want {
						got, ok := s.Cells[cell]
						if !ok || got.V != v {
							t.Errorf("%s %s!%s = %q, want %q", lib, s.Name, cell, got.V, v)
							continue
						}
						if lib == "exceljs" && got.Locked != locked[s.Name][cell] {
							t.Errorf("exceljs %s!%s locked = %v, want %v", s.Name, cell, got.Locked, locked[s.Name][cell])
						}
					}
					for cell, got := range s.Cells {
						if _, ok := want[cell]; !ok && strings.TrimSpace(got.V) != "" {
							t.Errorf("%s %s!%s = %q, which excelize does not read", lib, s.Name, cell, got.V)
						}
					}
				}
				if protectedBooks[path] && lib == "exceljs" && protected < 2 {
					t.Errorf("exceljs sees %d protected sheets: the protection was lost", protected)
				}
			}
		})
	}
}
