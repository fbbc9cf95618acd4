package ledger_test

import (
	"archive/zip"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liankanping/internal/evidence"
	"liankanping/internal/ledger"
)

const photoBytes = "\xff\xd8\xff\xe0 a photo of the rectified room"

func writeFile(t *testing.T, p, content string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
}

func (f *fixture) evidenceOf(t *testing.T, id uint) []evidence.Item {
	t.Helper()
	items, err := evidence.NewService(f.s).List(evidence.Filter{FindingID: id})
	if err != nil {
		t.Fatal(err)
	}
	return items
}

// A return in a folder with the files its 佐证材料 column names: previewed with the files
// counted, applied with the files attached to their findings (category: the status reached),
// undone with the files detached.
func TestReturnWithFilesInAFolder(t *testing.T) {
	f := mustFixture(t)
	path := f.exportUnit(t, f.units[0])
	dir := filepath.Join(f.dir, "交回")
	filled := fill(t, path, "教体局_已填.xlsx", map[string]any{
		"H4": "补齐记录", "J4": time.Date(2024, 11, 25, 0, 0, 0, 0, time.UTC), "K4": "整改后照片.jpg、会议记录.pdf",
		"K5": "方案.txt",
	})
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	moved := filepath.Join(dir, filepath.Base(filled))
	if err := os.Rename(filled, moved); err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "整改后照片.jpg"), photoBytes)
	writeFile(t, filepath.Join(dir, "附件", "会议记录.pdf"), "%PDF-1.4\n%%EOF\n")
	writeFile(t, filepath.Join(dir, "方案.txt"), "融合项目方案（草稿）\n")

	rep, err := f.svc.Preview(ledger.ImportRequest{Paths: []string{dir}})
	if err != nil {
		t.Fatal(err)
	}
	fr := rep.Files[0]
	if fr.Status != ledger.StatusPreview || fr.Files != 3 || len(fr.Changes) != 2 || strings.Join(fr.Changes[0].Files, ",") != "整改后照片.jpg,会议记录.pdf" {
		t.Fatalf("preview %+v", fr)
	}
	if n := len(f.evidenceOf(t, f.findings[0])); n != 0 {
		t.Fatal("the preview attached files")
	}
	rep, err = f.svc.Apply(ledger.ImportRequest{Token: rep.Token}, "管理员")
	if err != nil || rep.Files[0].Status != ledger.StatusApplied {
		t.Fatalf("apply %+v %v", rep, err)
	}
	first := f.evidenceOf(t, f.findings[0])
	if len(first) != 2 || first[0].Category != "已整改" || first[0].BatchID == nil || first[0].Operator != "管理员" || first[0].FileName != "整改后照片.jpg" {
		t.Fatalf("first finding's evidence %+v", first)
	}
	if second := f.evidenceOf(t, f.findings[1]); len(second) != 1 || second[0].Kind != evidence.KindText {
		t.Fatalf("second finding's evidence %+v", second)
	}

	t.Run("SameFilesAgainAttachNothing", func(t *testing.T) {
		rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{moved}}, "管理员")
		if err != nil || rep.Files[0].Status != ledger.StatusUnchanged || rep.Files[0].Files != 0 {
			t.Fatalf("again %+v %v", rep.Files[0], err)
		}
	})

	t.Run("UndoDetaches", func(t *testing.T) {
		res, err := f.svc.Undo(rep.Files[0].BatchID, "管理员")
		if err != nil || res.Files != 3 {
			t.Fatalf("undo %+v %v", res, err)
		}
		if n := len(f.evidenceOf(t, f.findings[0])) + len(f.evidenceOf(t, f.findings[1])); n != 0 {
			t.Fatalf("%d files left after the undo", n)
		}
	})
}

// A return as one zip (names in GB18030, as Windows writes them) is read like a folder; a named
// file that is missing, or a program, refuses the return whole, at its cell.
func TestReturnWithFilesInAZip(t *testing.T) {
	f := mustFixture(t)
	path := f.exportUnit(t, f.units[0])
	filled := fill(t, path, "教体局_已填.xlsx", map[string]any{"H4": "补齐记录", "K4": "照片.jpg"})
	book, err := os.ReadFile(filled)
	if err != nil {
		t.Fatal(err)
	}
	makeZip := func(name string, files map[string]string) string {
		p := filepath.Join(f.dir, name)
		out, err := os.Create(p)
		if err != nil {
			t.Fatal(err)
		}
		zw := zip.NewWriter(out)
		for n, content := range files {
			w, err := zw.CreateHeader(&zip.FileHeader{Name: n, Method: zip.Deflate})
			if err != nil {
				t.Fatal(err)
			}
			w.Write([]byte(content))
		}
		zw.Close()
		out.Close()
		return p
	}
	// "照片.jpg" in GB18030, with the UTF-8 flag unset, as Windows' own zip writes it.
	gbName := "\xd5\xd5\xc6\xac.jpg"
	good := makeZip("交回.zip", map[string]string{"教体局_已填.xlsx": string(book), gbName: photoBytes})
	rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{good}}, "管理员")
	if err != nil || rep.Files[0].Status != ledger.StatusApplied || rep.Files[0].Files != 1 {
		t.Fatalf("zip %+v %v", rep.Files[0], err)
	}
	if ev := f.evidenceOf(t, f.findings[0]); len(ev) != 1 || ev[0].FileName != "照片.jpg" {
		t.Fatalf("evidence %+v", ev)
	}

	for name, tc := range map[string]struct {
		files map[string]string
		want  string
	}{
		"Missing":  {map[string]string{"教体局_已填.xlsx": string(book)}, "压缩包中找不到佐证材料“照片.jpg”"},
		"Program":  {map[string]string{"教体局_已填.xlsx": string(book), "照片.jpg": "MZ\x90\x00 a program"}, "程序"},
		"TwoBooks": {map[string]string{"a.xlsx": string(book), "b.xlsx": string(book)}, "2 份工作簿"},
	} {
		t.Run(name, func(t *testing.T) {
			p := makeZip(name+".zip", tc.files)
			before := f.snapshot(t)
			rep, err := f.svc.Apply(ledger.ImportRequest{Paths: []string{p}}, "管理员")
			if err != nil {
				t.Fatal(err)
			}
			fr := rep.Files[0]
			if fr.Status != ledger.StatusRefused || len(fr.Problems) == 0 || !strings.Contains(fr.Problems[0].Message, tc.want) {
				t.Fatalf("%+v", fr)
			}
			if f.snapshot(t) != before {
				t.Fatal("a refused return wrote to the database")
			}
		})
	}
}
