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

func TestReport(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()

	t.Run("OK", func(t *testing.T) {
		out := filepath.Join(dir, "2024Q3_汇总表.xlsx")
		got := mustRun(t, "report", "--db", db, "--round", "2024Q3", "--out", out, "--date", "2024-12-20", "--unit", "区直机关工委")
		if !strings.Contains(got, out) {
			t.Errorf("stdout %q does not name the file", got)
		}
		f, err := excelize.OpenFile(out)
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		a2, _ := f.GetCellValue("汇总排名", "A2")
		if a2 != "填报单位：区直机关工委（盖章）" {
			t.Errorf("A2 = %q", a2)
		}
	})

	t.Run("JSON", func(t *testing.T) {
		out := filepath.Join(dir, "json.xlsx")
		var got struct {
			Round  string   `json:"round"`
			Out    string   `json:"out"`
			Sheets []string `json:"sheets"`
		}
		if err := json.Unmarshal([]byte(mustRun(t, "report", "--db", db, "--round", "2024Q3", "--out", out, "--json")), &got); err != nil {
			t.Fatal(err)
		}
		if got.Round != "2024Q3" || got.Out != out || len(got.Sheets) != 5 || got.Sheets[0] != "汇总排名" || got.Sheets[4] != "分片情况" {
			t.Errorf("report --json = %+v", got)
		}
	})

	usage := []struct {
		name string
		args []string
	}{
		{"NoRound", []string{"report", "--db", db, "--out", filepath.Join(dir, "a.xlsx")}},
		{"NoOut", []string{"report", "--db", db, "--round", "2024Q3"}},
		{"NotXLSX", []string{"report", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.pdf")}},
		{"BadDate", []string{"report", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.xlsx"), "--date", "2024年12月20日"}},
		{"ExtraArgument", []string{"report", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.xlsx"), "more"}},
		{"UnknownFlag", []string{"report", "--db", db, "--round", "2024Q3", "--out", filepath.Join(dir, "a.xlsx"), "--pdf"}},
	}
	for _, tt := range usage {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, tt.args...)
			if code != cli.ExitUsage || errOut == "" {
				t.Errorf("exit %d (%q), want %d with a message", code, errOut, cli.ExitUsage)
			}
		})
	}

	failed := []struct {
		name, round, out, message string
	}{
		{"UnknownRound", "1999Q1", filepath.Join(dir, "b.xlsx"), "没有编号为 1999Q1 的观摩轮次"},
		{"NoFolder", "2024Q3", filepath.Join(dir, "missing", "b.xlsx"), "无法在"},
	}
	for _, tt := range failed {
		t.Run(tt.name, func(t *testing.T) {
			code, _, errOut := run(t, "report", "--db", db, "--round", tt.round, "--out", tt.out)
			if code != cli.ExitFailed || !strings.Contains(errOut, tt.message) {
				t.Errorf("exit %d (%q), want %d with %q", code, errOut, cli.ExitFailed, tt.message)
			}
			if _, err := os.Stat(tt.out); err == nil {
				t.Error("a file was written")
			}
		})
	}
}
