package evidence_test

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"liankanping/internal/apperr"
	"liankanping/internal/backup"
	"liankanping/internal/evidence"
	"liankanping/internal/store"
)

// fixture is a small database: two units, a scheme with one indicator, a round observing both,
// a finding, a practical matter, a brand and a temporary branch.
type fixture struct {
	s                                *store.Store
	svc                              *evidence.Service
	unit, unit2, round, ind, finding uint
	matter, brand, branch            uint
}

func mustOpen(t *testing.T) *fixture {
	t.Helper()
	s, err := store.Open(filepath.Join(t.TempDir(), "ev.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	now := time.Now().UTC()
	for _, q := range []string{
		"INSERT INTO units (id, name, short_name, created_at, updated_at) VALUES (1, '区委办公室', '区委办', ?, ?)",
		"INSERT INTO units (id, name, short_name, created_at, updated_at) VALUES (2, '区教育和体育局', '区教体局', ?, ?)",
		"INSERT INTO schemes (id, name, created_at, updated_at) VALUES (1, '细则', ?, ?)",
		"INSERT INTO rounds (id, code, title, scheme_id, created_at, updated_at) VALUES (1, '2024Q2', '二季度', 1, ?, ?)",
		"INSERT INTO findings (id, round_id, unit_id, description, status, created_at, updated_at) VALUES (1, 1, 1, '学习记录不全', '待整改', ?, ?)",
		"INSERT INTO practical_matters (id, code, title, source, received, status, unit_id, created_at, updated_at) VALUES (1, 'BSS-001', '修路灯', '群众', '2024-05-01', '办理中', 1, ?, ?)",
		"INSERT INTO brands (id, unit_id, kind, name, level, year, created_at, updated_at) VALUES (1, 1, '党建品牌', '红心向党', '区级', 2024, ?, ?)",
		"INSERT INTO temp_branches (id, name, kind, founded, host_unit_id, created_at, updated_at) VALUES (1, '项目专班临时党支部', '项目', '2024-01-01', 1, ?, ?)",
	} {
		if err := s.DB.Exec(q, now, now).Error; err != nil {
			t.Fatal(q, err)
		}
	}
	for _, q := range []string{
		"INSERT INTO indicators (id, scheme_id, level, code, name) VALUES (1, 1, 1, 'A', '政治建设')",
		"INSERT INTO round_units (round_id, unit_id) VALUES (1, 1), (1, 2)",
	} {
		if err := s.DB.Exec(q).Error; err != nil {
			t.Fatal(q, err)
		}
	}
	return &fixture{s: s, svc: evidence.NewService(s), unit: 1, unit2: 2, round: 1, ind: 1, finding: 1, matter: 1, brand: 1, branch: 1}
}

func pngBytes(t *testing.T, w, h int, c color.Color) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	for y := 0; y < h; y++ {
		for x := 0; x < w; x++ {
			img.Set(x, y, c)
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func jpegBytes(t *testing.T, w, h int) []byte {
	img := image.NewRGBA(image.Rect(0, 0, w, h))
	var b bytes.Buffer
	if err := jpeg.Encode(&b, img, nil); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

const pdf = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

func count(t *testing.T, s *store.Store, q string, args ...any) int {
	t.Helper()
	var n int64
	if err := s.DB.Raw(q, args...).Scan(&n).Error; err != nil {
		t.Fatal(err)
	}
	return int(n)
}

func TestAddSniffing(t *testing.T) {
	f := mustOpen(t)
	zipWith := func(names ...string) []byte {
		var b bytes.Buffer
		zw := newZip(&b)
		for _, n := range names {
			w, _ := zw.Create(n)
			w.Write([]byte("x"))
		}
		zw.Close()
		return b.Bytes()
	}
	ole := []byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + string(make([]byte, 100)))
	for _, tc := range []struct {
		name   string
		data   []byte
		kind   evidence.Kind
		refuse bool
	}{
		{"photo.png", pngBytes(t, 40, 30, color.RGBA{200, 0, 0, 255}), evidence.KindImage, false},
		{"现场.jpg", jpegBytes(t, 20, 10), evidence.KindImage, false},
		{"iphone.heic", []byte("\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic"), evidence.KindImage, false},
		{"汇报.pdf", []byte(pdf), evidence.KindPDF, false},
		{"方案.docx", zipWith("[Content_Types].xml", "word/document.xml"), evidence.KindWord, false},
		{"台账.xlsx", zipWith("[Content_Types].xml", "xl/workbook.xml"), evidence.KindExcel, false},
		{"台账.et", zipWith("[Content_Types].xml", "xl/workbook.xml", "xl/styles.xml"), evidence.KindExcel, false},
		{"旧文档.doc", ole, evidence.KindWord, false},
		{"旧文档.wps", append([]byte{1}, ole...)[1:len(ole)], evidence.KindWord, false},
		{"说明.txt", []byte("整改说明：已补齐学习记录。\n"), evidence.KindText, false},
		{"photo.jpg", []byte("\x7fELF\x02\x01\x01rest of a program"), "", true},
		{"photo2.jpg", []byte("MZ\x90\x00 a windows program"), "", true},
		{"macho.png", []byte("\xcf\xfa\xed\xfe\x07\x00\x00\x01"), "", true},
		{"run.txt", []byte("#!/bin/sh\nrm -rf /\n"), "", true},
		{"a.txt", []byte("@echo off\r\ndel *.*\r\n"), "", true},
		{"page.txt", []byte("<html><script>alert(1)</script></html>"), "", true},
		{"x.js", []byte("alert(1)"), "", true},
		{"tool.txt", []byte("function f() { return 1 }"), "", true},
		{"data.bin", []byte{0x00, 0x01, 0x02, 0x03, 0x00, 0xff}, "", true},
		{"archive.docx", zipWith("a.txt"), "", true},
		{"setup.msi", ole, "", true},
		{"empty.txt", nil, "", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			rep, err := f.svc.Add(evidence.Target{FindingID: f.finding}, []evidence.File{{Name: tc.name, Data: tc.data}}, "", "张三")
			if err != nil {
				t.Fatal(err)
			}
			if tc.refuse {
				if len(rep.Refused) != 1 || len(rep.Added) != 0 {
					t.Fatalf("want refused, got %+v", rep)
				}
				return
			}
			if len(rep.Added) != 1 {
				t.Fatalf("want added, got %+v", rep)
			}
			if got := rep.Added[0]; got.Kind != tc.kind || got.Operator != "张三" || got.Category != "待整改" {
				t.Fatalf("added %+v", got)
			}
		})
	}
}

func TestAddKeepsNameTypeSizeHash(t *testing.T) {
	f := mustOpen(t)
	data := pngBytes(t, 64, 48, color.RGBA{0, 0, 200, 255})
	rep, err := f.svc.Add(evidence.Target{RoundID: f.round, UnitID: f.unit, IndicatorID: f.ind}, []evidence.File{{Name: "..\\..\\现\x01场/照片\n1.png", Data: data}}, "  会议室  ", "李四")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 1 {
		t.Fatalf("%+v", rep)
	}
	it := rep.Added[0]
	sum := sha256.Sum256(data)
	if it.FileName != "照片_1.png" || it.MIME != "image/png" || it.Size != int64(len(data)) || it.SHA256 != hex.EncodeToString(sum[:]) ||
		it.Note != "会议室" || it.Category != evidence.CategoryPhoto || it.IndicatorCode != "A" || it.RecordKind != "observation" || !it.HasThumb {
		t.Fatalf("item %+v", it)
	}
	th, err := f.svc.Thumbnail(it.ID)
	if err != nil || th == nil {
		t.Fatalf("thumbnail %v %v", th, err)
	}
	cfg, err := jpeg.DecodeConfig(bytes.NewReader(th))
	if err != nil || cfg.Width != 64 || cfg.Height != 48 {
		t.Fatalf("thumbnail %+v %v", cfg, err)
	}
	_, got, err := f.svc.Content(it.ID)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("content %v", err)
	}
}

func TestDedupeAndRefcount(t *testing.T) {
	f := mustOpen(t)
	data := pngBytes(t, 10, 10, color.Black)
	file := []evidence.File{{Name: "a.png", Data: data}}
	a, _ := f.svc.Add(evidence.Target{FindingID: f.finding}, file, "", "")
	again, _ := f.svc.Add(evidence.Target{FindingID: f.finding}, []evidence.File{{Name: "copy.png", Data: data}}, "", "")
	b, _ := f.svc.Add(evidence.Target{MatterID: f.matter}, file, "", "")
	c, _ := f.svc.Add(evidence.Target{BrandID: f.brand}, file, "", "")
	if len(a.Added) != 1 || len(again.Skipped) != 1 || len(again.Added) != 0 || len(b.Added) != 1 || len(c.Added) != 1 {
		t.Fatalf("a %+v again %+v b %+v c %+v", a, again, b, c)
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence_blobs"); n != 1 {
		t.Fatalf("%d blobs for one file attached three times", n)
	}
	// Deleting the finding drops its link; the blob stays for the matter and the brand.
	if err := f.s.DB.Exec("DELETE FROM findings WHERE id = ?", f.finding).Error; err != nil {
		t.Fatal(err)
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence"); n != 2 {
		t.Fatalf("links after deleting the finding: %d", n)
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence_blobs"); n != 1 {
		t.Fatal("the blob went while two records still use it")
	}
	if err := f.svc.Remove(b.Added[0].ID); err != nil {
		t.Fatal(err)
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence_blobs"); n != 1 {
		t.Fatal("the blob went while the brand still uses it")
	}
	if err := f.s.DB.Exec("DELETE FROM brands WHERE id = ?", f.brand).Error; err != nil {
		t.Fatal(err)
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence_blobs") + count(t, f.s, "SELECT COUNT(*) FROM evidence_thumbs"); n != 0 {
		t.Fatalf("blobs and thumbs left with no record using them: %d", n)
	}
	if err := f.svc.Remove(b.Added[0].ID); apperr.CodeOf(err) != apperr.NotFound {
		t.Fatalf("removing twice: %v", err)
	}
}

func TestAuditRecordsAttachAndDetach(t *testing.T) {
	f := mustOpen(t)
	rep, _ := f.svc.Add(evidence.Target{BranchID: f.branch}, []evidence.File{{Name: "合影.png", Data: pngBytes(t, 5, 5, color.White)}}, "", "")
	if err := f.svc.Remove(rep.Added[0].ID); err != nil {
		t.Fatal(err)
	}
	var actions []string
	f.s.DB.Raw("SELECT action FROM audit_log WHERE object_type = 'evidence' AND object_name = '合影.png' ORDER BY id").Pluck("action", &actions)
	if len(actions) != 2 || actions[0] != "新增" || actions[1] != "删除" {
		t.Fatalf("audit %v", actions)
	}
}

func TestSizeLimit(t *testing.T) {
	f := mustOpen(t)
	if err := f.svc.SetMaxMB(1); err != nil {
		t.Fatal(err)
	}
	big := append([]byte("%PDF-1.4\n"), make([]byte, 1<<20)...)
	rep, err := f.svc.Add(evidence.Target{FindingID: f.finding}, []evidence.File{{Name: "big.pdf", Data: big}, {Name: "small.pdf", Data: []byte(pdf)}}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Refused) != 1 || rep.Refused[0].Name != "big.pdf" || len(rep.Added) != 1 {
		t.Fatalf("%+v", rep)
	}
	if !bytes.Contains([]byte(rep.Refused[0].Message), []byte("1.0 MB")) || !bytes.Contains([]byte(rep.Refused[0].Message), []byte("1 MB 的上限")) {
		t.Fatalf("message %q", rep.Refused[0].Message)
	}
	if f.svc.MaxMB() != 1 || f.svc.SetMaxMB(0) == nil {
		t.Fatal("limit setting")
	}
}

func TestBadTargets(t *testing.T) {
	f := mustOpen(t)
	file := []evidence.File{{Name: "a.pdf", Data: []byte(pdf)}}
	for name, tc := range map[string]struct {
		t    evidence.Target
		code apperr.Code
	}{
		"none":              {evidence.Target{}, apperr.Invalid},
		"two":               {evidence.Target{FindingID: 1, MatterID: 1}, apperr.Invalid},
		"round no unit":     {evidence.Target{RoundID: 1}, apperr.Invalid},
		"missing finding":   {evidence.Target{FindingID: 99}, apperr.NotFound},
		"unit not in round": {evidence.Target{RoundID: 1, UnitID: 77}, apperr.NotFound},
		"bad indicator":     {evidence.Target{RoundID: 1, UnitID: 1, IndicatorID: 99}, apperr.NotFound},
		"bad stage":         {evidence.Target{FindingID: 1, Category: "完成"}, apperr.Invalid},
	} {
		t.Run(name, func(t *testing.T) {
			if _, err := f.svc.Add(tc.t, file, "", ""); apperr.CodeOf(err) != tc.code {
				t.Fatalf("err %v, want %s", err, tc.code)
			}
		})
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence_blobs"); n != 0 {
		t.Fatal("a refused add left a blob")
	}
}

func TestBrokenImageGetsNoThumbnail(t *testing.T) {
	f := mustOpen(t)
	good := jpegBytes(t, 50, 50)
	broken := append([]byte{}, good[:len(good)/3]...)
	rep, err := f.svc.Add(evidence.Target{FindingID: f.finding}, []evidence.File{{Name: "坏.jpg", Data: broken}, {Name: "bomb.png", Data: pngHeader(100000, 100000)}}, "", "")
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Added) != 2 || rep.Added[0].HasThumb || rep.Added[1].HasThumb {
		t.Fatalf("%+v", rep)
	}
	if th, err := f.svc.Thumbnail(rep.Added[0].ID); err != nil || th != nil {
		t.Fatalf("thumbnail of a broken image: %v %v", th, err)
	}
}

// pngHeader is the start of a PNG that claims a size and holds nothing.
func pngHeader(w, h int) []byte {
	full := pngOf(1, 1)
	// The IHDR width and height sit at bytes 16–23; the CRC no longer matches, as in a forged file.
	put := func(at, v int) {
		full[at], full[at+1], full[at+2], full[at+3] = byte(v>>24), byte(v>>16), byte(v>>8), byte(v)
	}
	put(16, w)
	put(20, h)
	return full
}

func pngOf(w, h int) []byte {
	var b bytes.Buffer
	png.Encode(&b, image.NewGray(image.Rect(0, 0, w, h)))
	return b.Bytes()
}

func TestVerifyDetectsTampering(t *testing.T) {
	f := mustOpen(t)
	rep, _ := f.svc.Add(evidence.Target{FindingID: f.finding}, []evidence.File{{Name: "a.pdf", Data: []byte(pdf)}, {Name: "b.txt", Data: []byte("ok\n")}}, "", "")
	v, err := f.svc.Verify()
	if err != nil || !v.OK || v.Checked != 2 {
		t.Fatalf("%+v %v", v, err)
	}
	if err := f.s.DB.Exec("UPDATE evidence_blobs SET data = ? WHERE sha256 = ?", []byte("%PDF-1.4 forged"), rep.Added[0].SHA256).Error; err != nil {
		t.Fatal(err)
	}
	v, err = f.svc.Verify()
	if err != nil || v.OK || len(v.Problems) != 1 || v.Problems[0].Files[0] != "a.pdf" {
		t.Fatalf("%+v %v", v, err)
	}
	if _, _, err := f.svc.Content(rep.Added[0].ID); apperr.CodeOf(err) != apperr.Conflict {
		t.Fatalf("content of a tampered file: %v", err)
	}
}

func TestBackupAndRestoreCarryEvidence(t *testing.T) {
	f := mustOpen(t)
	data := pngBytes(t, 30, 30, color.RGBA{0, 128, 0, 255})
	if _, err := f.svc.Add(evidence.Target{RoundID: f.round, UnitID: f.unit2}, []evidence.File{{Name: "g.png", Data: data}}, "", ""); err != nil {
		t.Fatal(err)
	}
	info, err := backup.Make(f.s, backup.Manual, time.Now())
	if err != nil {
		t.Fatal(err)
	}
	// Lose the evidence, then restore the backup over the database.
	if err := f.s.DB.Exec("DELETE FROM evidence").Error; err != nil {
		t.Fatal(err)
	}
	path := f.s.Path
	if err := backup.Restore(f.s, info.Path, time.Now()); err != nil {
		t.Fatal(err)
	}
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	svc := evidence.NewService(s)
	items, err := svc.List(evidence.Filter{RoundID: 1, UnitID: 2})
	if err != nil || len(items) != 1 {
		t.Fatalf("after restore: %+v %v", items, err)
	}
	_, got, err := svc.Content(items[0].ID)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("restored content %v", err)
	}
}

func TestListFilters(t *testing.T) {
	f := mustOpen(t)
	add := func(tg evidence.Target, name string) {
		if rep, err := f.svc.Add(tg, []evidence.File{{Name: name, Data: []byte(name + "\n")}}, "", ""); err != nil || len(rep.Added) != 1 {
			t.Fatal(name, err, rep)
		}
	}
	add(evidence.Target{FindingID: f.finding}, "f.txt")
	add(evidence.Target{RoundID: f.round, UnitID: f.unit}, "o1.txt")
	add(evidence.Target{RoundID: f.round, UnitID: f.unit2}, "o2.txt")
	add(evidence.Target{MatterID: f.matter}, "m.txt")
	names := func(flt evidence.Filter) []string {
		items, err := f.svc.List(flt)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, it := range items {
			out = append(out, it.FileName)
		}
		return out
	}
	for _, tc := range []struct {
		f    evidence.Filter
		want string
	}{
		{evidence.Filter{}, "[m.txt f.txt o1.txt o2.txt]"},
		{evidence.Filter{RoundID: 1}, "[f.txt o1.txt o2.txt]"},
		{evidence.Filter{RoundID: 1, UnitID: 1, Observation: true}, "[o1.txt]"},
		{evidence.Filter{UnitID: 1}, "[m.txt f.txt o1.txt]"},
		{evidence.Filter{FindingID: 1}, "[f.txt]"},
	} {
		if got := fmtList(names(tc.f)); got != tc.want {
			t.Errorf("%+v: %s, want %s", tc.f, got, tc.want)
		}
	}
}

// withOrientation inserts an EXIF block saying orientation o after a JPEG's start marker.
func withOrientation(j []byte, o byte) []byte {
	tiff := []byte{'I', 'I', 42, 0, 8, 0, 0, 0, 1, 0, 0x12, 0x01, 3, 0, 1, 0, 0, 0, o, 0, 0, 0, 0, 0, 0, 0}
	seg := append([]byte("Exif\x00\x00"), tiff...)
	n := len(seg) + 2
	out := append([]byte{}, j[:2]...)
	out = append(out, 0xff, 0xe1, byte(n>>8), byte(n))
	out = append(out, seg...)
	return append(out, j[2:]...)
}

func TestThumbnailFollowsEXIFOrientation(t *testing.T) {
	f := mustOpen(t)
	for _, tc := range []struct {
		o    byte
		w, h int
	}{{1, 40, 20}, {3, 40, 20}, {6, 20, 40}, {8, 20, 40}} {
		data := withOrientation(jpegBytes(t, 40, 20), tc.o)
		rep, err := f.svc.Add(evidence.Target{FindingID: f.finding}, []evidence.File{{Name: "p.jpg", Data: data}}, "", "")
		if err != nil || len(rep.Added) != 1 {
			t.Fatal(err, rep)
		}
		th, _ := f.svc.Thumbnail(rep.Added[0].ID)
		cfg, err := jpeg.DecodeConfig(bytes.NewReader(th))
		if err != nil || cfg.Width != tc.w || cfg.Height != tc.h {
			t.Errorf("orientation %d: thumbnail %dx%d %v, want %dx%d", tc.o, cfg.Width, cfg.Height, err, tc.w, tc.h)
		}
	}
}

func TestSetIndicator(t *testing.T) {
	f := mustOpen(t)
	for _, q := range []string{
		"INSERT INTO schemes (id, name, created_at, updated_at) VALUES (2, '别的细则', datetime('now'), datetime('now'))",
		"INSERT INTO indicators (id, scheme_id, level, code, name) VALUES (2, 2, 1, 'B', '别的指标')",
	} {
		if err := f.s.DB.Exec(q).Error; err != nil {
			t.Fatal(q, err)
		}
	}
	attach := func(tg evidence.Target, name, body string) uint {
		rep, err := f.svc.Add(tg, []evidence.File{{Name: name, Data: []byte(body)}}, "", "")
		if err != nil || len(rep.Added) != 1 {
			t.Fatal(name, err, rep)
		}
		return rep.Added[0].ID
	}
	obs := attach(evidence.Target{RoundID: f.round, UnitID: f.unit}, "汇报.txt", "汇报材料\n")
	indicatorOf := func(id uint) string {
		it, err := f.svc.Get(id)
		if err != nil {
			t.Fatal(err)
		}
		if it.IndicatorID == nil {
			return "none"
		}
		return fmt.Sprintf("%d %s", *it.IndicatorID, it.IndicatorCode)
	}

	if err := f.svc.SetIndicator(obs, f.ind); err != nil {
		t.Fatal(err)
	}
	if got := indicatorOf(obs); got != "1 A" {
		t.Fatalf("after SetIndicator: %s", got)
	}
	if n := count(t, f.s, "SELECT COUNT(*) FROM evidence WHERE indicator_id = 1"); n != 1 {
		t.Fatalf("stored indicator rows %d", n)
	}
	// The change is in the audit log, in the same transaction as the write.
	if n := count(t, f.s, "SELECT COUNT(*) FROM audit_log WHERE object_type = 'evidence' AND object_name = '汇报.txt' AND action <> (SELECT action FROM audit_log WHERE object_type = 'evidence' ORDER BY id LIMIT 1)"); n != 1 {
		t.Fatalf("audit rows for the change: %d", n)
	}

	// An indicator of another scheme, a finding's file, a missing file: refused, nothing changed.
	fileOfFinding := attach(evidence.Target{FindingID: f.finding}, "整改.txt", "整改报告\n")
	for _, tc := range []struct {
		id, ind uint
		want    string
	}{
		{obs, 2, "不存在"},
		{fileOfFinding, f.ind, "只有观摩中的佐证材料"},
		{9999, f.ind, "不存在"},
	} {
		err := f.svc.SetIndicator(tc.id, tc.ind)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("SetIndicator(%d, %d) = %v, want %q", tc.id, tc.ind, err, tc.want)
		}
	}
	if got := indicatorOf(obs); got != "1 A" {
		t.Fatalf("a refused change moved the file: %s", got)
	}

	// The same file already under the indicator for that unit: refused as a repeat.
	twin := attach(evidence.Target{RoundID: f.round, UnitID: f.unit}, "汇报副本.txt", "汇报材料\n")
	if err := f.svc.SetIndicator(twin, f.ind); err == nil || !strings.Contains(err.Error(), "已经对应到这一指标") {
		t.Fatalf("twin under the same indicator: %v", err)
	}

	// Nor back beside its twin; once the twin is gone, 0 takes the file off its indicator.
	if err := f.svc.SetIndicator(obs, 0); err == nil || !strings.Contains(err.Error(), "不对应指标的观摩材料") {
		t.Fatalf("back beside its twin: %v", err)
	}
	if err := f.svc.Remove(twin); err != nil {
		t.Fatal(err)
	}
	if err := f.svc.SetIndicator(obs, 0); err != nil {
		t.Fatal(err)
	}
	if got := indicatorOf(obs); got != "none" {
		t.Fatalf("after clearing: %s", got)
	}
}
