package cli_test

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/cli"
	"liankanping/internal/store"
)

type evidenceList struct {
	Evidence []struct {
		ID       uint   `json:"id"`
		SHA256   string `json:"sha256"`
		FileName string `json:"file_name"`
		Unit     string `json:"unit"`
		Round    string `json:"round"`
		Record   string `json:"record_kind"`
		Category string `json:"category"`
		Note     string `json:"note"`
	} `json:"evidence"`
}

func TestEvidenceCommands(t *testing.T) {
	db := demoDB(t)
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	pdf := write("汇报材料.pdf", "%PDF-1.4\n%%EOF\n")
	txt := write("说明.txt", "已整改。\n")
	exe := write("photo.jpg", "MZ\x90\x00\x03 program")
	list := func(args ...string) evidenceList {
		var l evidenceList
		if err := json.Unmarshal([]byte(mustRun(t, append([]string{"evidence", "list", "--db", db, "--json"}, args...)...)), &l); err != nil {
			t.Fatal(err)
		}
		return l
	}
	before := len(list("--round", "2024Q2").Evidence)

	mustRun(t, "evidence", "add", "--db", db, "--round", "2024Q2", "--unit", "区公安分局", "--note", "季度汇报", pdf, txt)
	l := list("--round", "2024Q2", "--unit", "区公安分局")
	sum := sha256.Sum256([]byte("%PDF-1.4\n%%EOF\n"))
	found := false
	for _, e := range l.Evidence {
		if e.FileName == "汇报材料.pdf" {
			found = e.SHA256 == hex.EncodeToString(sum[:]) && e.Note == "季度汇报" && e.Category == "汇报材料" && e.Round == "2024Q2" && e.Unit == "区公安分局"
		}
	}
	if !found || len(list("--round", "2024Q2").Evidence) != before+2 {
		t.Fatalf("list after add: %+v", l)
	}

	t.Run("RefusedExecutable", func(t *testing.T) {
		code, out, _ := run(t, "evidence", "add", "--db", db, "--finding", "1", exe, txt)
		if code != cli.ExitRefused || !strings.Contains(out, "程序") || !strings.Contains(out, "已附上 说明.txt") {
			t.Fatalf("exit %d\n%s", code, out)
		}
	})
	t.Run("Usage", func(t *testing.T) {
		for _, args := range [][]string{
			{"evidence", "add", "--db", db, txt},
			{"evidence", "add", "--db", db, "--finding", "1", "--matter", "1", txt},
			{"evidence", "add", "--db", db, "--round", "2024Q2", txt},
			{"evidence", "add", "--db", db, "--finding", "1"},
			{"evidence", "export", "--db", db, "--round", "2024Q2"},
		} {
			if code, _, _ := run(t, args...); code != cli.ExitUsage {
				t.Errorf("%v: exit %d, want %d", args, code, cli.ExitUsage)
			}
		}
	})
	t.Run("UnknownUnit", func(t *testing.T) {
		if code, _, errOut := run(t, "evidence", "add", "--db", db, "--round", "2024Q2", "--unit", "不存在的单位", txt); code != cli.ExitFailed || !strings.Contains(errOut, "不是轮次 2024Q2 的观摩单位") {
			t.Fatalf("exit %d %s", code, errOut)
		}
	})

	t.Run("Export", func(t *testing.T) {
		out := filepath.Join(t.TempDir(), "佐证")
		mustRun(t, "evidence", "export", "--db", db, "--round", "2024Q2", "--out", out)
		got, err := os.ReadFile(filepath.Join(out, "区公安分局", "汇报材料.pdf"))
		if err != nil || string(got) != "%PDF-1.4\n%%EOF\n" {
			t.Fatalf("exported file: %q %v", got, err)
		}
		f, err := excelize.OpenFile(filepath.Join(out, "佐证材料索引.xlsx"))
		if err != nil {
			t.Fatal(err)
		}
		defer f.Close()
		rows, _ := f.GetRows("佐证材料索引")
		hit := false
		for _, r := range rows {
			if len(r) > 7 && r[4] == "区公安分局/汇报材料.pdf" {
				hit = r[1] == "区公安分局" && r[5] == "季度汇报" && r[7] == hex.EncodeToString(sum[:])
			}
		}
		if !hit || len(rows) != 3+len(list("--round", "2024Q2").Evidence) {
			t.Fatalf("index rows %v", rows)
		}
	})

	t.Run("Verify", func(t *testing.T) {
		if out := mustRun(t, "evidence", "verify", "--db", db); !strings.Contains(out, "全部与校验值一致") {
			t.Fatalf("verify: %s", out)
		}
		s, err := store.Open(db)
		if err != nil {
			t.Fatal(err)
		}
		err = s.DB.Exec("UPDATE evidence_blobs SET data = ? WHERE sha256 = ?", []byte("%PDF-1.4 altered"), hex.EncodeToString(sum[:])).Error
		s.Close()
		if err != nil {
			t.Fatal(err)
		}
		code, out, _ := run(t, "evidence", "verify", "--db", db)
		if code != cli.ExitFailed || !strings.Contains(out, "汇报材料.pdf") || !strings.Contains(out, "不符") {
			t.Fatalf("verify after tampering: exit %d\n%s", code, out)
		}
	})
}
