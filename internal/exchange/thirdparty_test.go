package exchange_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"liankanping/internal/exchange"
)

// nodePeers is the Node script that re-saves workbooks with ExcelJS and SheetJS
// (tools/peers, installed by .ci/deps).
var nodePeers = filepath.Join("..", "..", "tools", "peers", "peer.cjs")

// resave opens in with another spreadsheet program and saves it as xlsx again, as a rater or
// a business system would; it returns the new file. LibreOffice runs with the profile in
// profile (made by its first run: most of LibreOffice's time).
func resave(t testing.TB, program, profile, in string) string {
	t.Helper()
	out := filepath.Join(t.TempDir(), filepath.Base(in))
	var cmd *exec.Cmd
	switch program {
	case "LibreOffice":
		return resaveWithLibreOffice(t, profile, in)
	case "Gnumeric":
		ssconvert, err := exec.LookPath("ssconvert")
		if err != nil {
			skipUnlessCI(t, "没有安装 Gnumeric（ssconvert）")
		}
		cmd = exec.Command(ssconvert, "--export-type=Gnumeric_Excel:xlsx2", in, out)
	case "ExcelJS", "SheetJS":
		node, err := exec.LookPath("node")
		if err != nil {
			skipUnlessCI(t, "没有安装 node")
		}
		if _, err := os.Stat(filepath.Join(filepath.Dir(nodePeers), "node_modules")); err != nil {
			skipUnlessCI(t, "tools/peers 没有安装（cd tools/peers && npm ci）")
		}
		cmd = exec.Command(node, nodePeers, strings.ToLower(program)+"-resave", in, out)
	default:
		t.Fatalf("unknown program %s", program)
	}
	if msg, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("%s: %v\n%s", program, err, msg)
	}
	if _, err := os.Stat(out); err != nil {
		t.Fatalf("%s wrote no %s", program, out)
	}
	return out
}

// peerPrograms are the programs whose re-saves every returned workbook must survive; openpyxl
// is the filler itself.
var peerPrograms = []string{"LibreOffice", "Gnumeric", "ExcelJS", "SheetJS"}

// A filled rater workbook re-saved by each program comes back exact; a locked cell changed
// before the re-save is refused after it, at its cell.
func TestImport_ThirdPartyResaves(t *testing.T) {
	for _, program := range peerPrograms {
		t.Run(program, func(t *testing.T) {
			f := mustFixture(t)
			profile := filepath.Join(t.TempDir(), "lo-profile")
			src := f.export(t, f.round, "")["李四"]
			filled := filepath.Join(t.TempDir(), "2024Q4_李四_评分表.xlsx")
			cells := []map[string]any{
				{"sheet": "教体局", "cell": "G4", "value": 8.5},
				{"sheet": "教体局", "cell": "G5", "value": "好"},
				{"sheet": "教体局", "cell": "H5", "value": "汇报扎实，台账齐全"},
				{"sheet": "财政局", "cell": "G4", "value": "９"},
				{"sheet": "财政局", "cell": "G6", "value": "扣0.5分"},
				{"sheet": "区委办", "cell": "G4", "value": "7.5分"},
				{"sheet": "区委办", "cell": "G7", "value": "+1.5"},
			}
			fillWithOpenpyxl(t, src, filled, map[string]any{"cells": cells, "rename": map[string]string{"财政局": "财政"}, "move_first": []string{"区委办"}})
			resaved := resave(t, program, profile, filled)
			rep := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{resaved}}))
			if rep.Status != exchange.StatusApplied || rep.New != 6 || len(rep.Problems) > 0 {
				t.Fatalf("import of the %s file = %s %v", program, counts(rep), rep.Problems)
			}
			want := []struct {
				unit int
				ind  uint
				v    int64
			}{{0, 2, 850}, {0, 3, 1000}, {1, 2, 900}, {1, 4, 50}, {2, 2, 750}, {2, 6, 150}}
			for _, w := range want {
				if got := f.value(t, 1, w.unit, w.ind); got != w.v {
					t.Errorf("unit %d indicator %d = %d, want %d", w.unit, w.ind, got, w.v)
				}
			}
			var comment string
			f.s.DB.Raw("SELECT comment FROM scores WHERE rater_id = ? AND unit_id = ? AND indicator_id = 3", f.raters[1], f.units[0]).Row().Scan(&comment)
			if comment != "汇报扎实，台账齐全" {
				t.Errorf("comment = %q", comment)
			}

			// Tampering survives no re-save: a changed 分值, and a score typed into the
			// locked 评分方式 column.
			for _, tc := range []struct{ cell, value, want string }{
				{"E4", "100", "“分值”单元格已锁定"},
				{"F4", "9", "已锁定"},
			} {
				tampered := filepath.Join(t.TempDir(), "2024Q4_李四_评分表.xlsx")
				fillWithOpenpyxl(t, src, tampered, map[string]any{"cells": []map[string]any{
					{"sheet": "教体局", "cell": tc.cell, "value": tc.value},
					{"sheet": "财政局", "cell": "G4", "value": 6},
				}})
				before := f.snapshot(t)
				r := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{resave(t, program, profile, tampered)}}))
				if r.Status != exchange.StatusRefused || !hasProblemAt(r, "教体局", tc.cell, tc.want) {
					t.Errorf("%s at %s after %s: %s %+v", tc.value, tc.cell, program, counts(r), r.Problems)
				}
				if f.snapshot(t) != before {
					t.Errorf("a refused file changed the database")
				}
			}
		})
	}
}

func hasProblemAt(r exchange.FileReport, sheet, cell, text string) bool {
	for _, p := range r.Problems {
		if p.Sheet == sheet && p.Cell == cell && strings.Contains(p.Message, text) {
			return true
		}
	}
	return false
}
