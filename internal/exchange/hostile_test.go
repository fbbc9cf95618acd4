package exchange_test

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/exchange"
	"liankanping/internal/round"
)

// zeros is an endless reader of one byte, for a zip bomb.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = ' '
	}
	return len(p), nil
}

// zipBomb is a small xlsx whose one sheet expands past the unzip limit (200 MB of spaces in
// well under 1 MB).
func zipBomb(t testing.TB) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	zw.RegisterCompressor(zip.Deflate, func(w io.Writer) (io.WriteCloser, error) { return flate.NewWriter(w, flate.BestSpeed) })
	for _, part := range []struct{ name, body string }{
		{"[Content_Types].xml", `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>`},
		{"xl/workbook.xml", `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="lkp_meta" sheetId="1" r:id="rId1" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"/></sheets></workbook>`},
	} {
		w, _ := zw.Create(part.name)
		w.Write([]byte(part.body))
	}
	w, _ := zw.Create("xl/worksheets/sheet1.xml")
	if _, err := io.CopyN(w, zeros{}, 200<<20); err != nil {
		t.Fatal(err)
	}
	zw.Close()
	return buf.Bytes()
}

// The files that must be refused, each with its message, leaving the database exactly as it
// was: scores, their history and the batches.
func TestImport_Hostile(t *testing.T) {
	f := mustFixture(t)
	paths := f.export(t, f.round, "")
	lisi := paths["李四"]
	// Something stored first, so that "nothing written" means something.
	ok := edit(t, lisi, "已交回.xlsx", func(x *excelize.File) { set(x, "教体局", "G4", 6) })
	if r := one(t, f.apply(t, exchange.ImportRequest{Paths: []string{ok}})); r.Status != exchange.StatusApplied {
		t.Fatalf("setup import: %s %v", r.Status, r.Problems)
	}
	real, _ := os.ReadFile(lisi)
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	encrypted := f.export(t, f.round, "口令2024")["李四"]
	otherRound := f.export(t, f.other, "")["李四"]
	g := mustFixture(t)
	otherDB := g.export(t, g.round, "")["李四"]
	tests := []struct {
		name     string
		path     func() string
		req      exchange.ImportRequest
		want     string
		wantCell string
	}{
		{"ErrLegacyXLS", func() string {
			return write("评分表.xls", append([]byte{0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1}, make([]byte, 512)...))
		}, exchange.ImportRequest{}, "请用 Excel 或 WPS 打开后“另存为”.xlsx 格式再导入", ""},
		{"ErrRandomBytes", func() string {
			b := make([]byte, 4096)
			for i := range b {
				b[i] = byte(i*31 + 7)
			}
			return write("乱码.xlsx", b)
		}, exchange.ImportRequest{}, "不是 Excel 工作簿（.xlsx）", ""},
		{"ErrEmpty", func() string { return write("空.xlsx", nil) }, exchange.ImportRequest{}, "是空的", ""},
		{"ErrTruncated", func() string { return write("半截.xlsx", real[:len(real)/2]) }, exchange.ImportRequest{}, "已损坏或不完整", ""},
		{"ErrZipBomb", func() string { return write("炸弹.xlsx", zipBomb(t)) }, exchange.ImportRequest{}, "文件过大", ""},
		{"ErrNoPassword", func() string { return encrypted }, exchange.ImportRequest{}, "设有打开密码", ""},
		{"ErrWrongPassword", func() string { return encrypted }, exchange.ImportRequest{Password: "123456"}, "密码不正确", ""},
		{"ErrNotOurs", func() string {
			x := excelize.NewFile()
			x.SetCellValue("Sheet1", "A1", "评分")
			var b bytes.Buffer
			x.Write(&b)
			return write("别的表.xlsx", b.Bytes())
		}, exchange.ImportRequest{}, "不是联看评导出的评分表", ""},
		{"ErrAnotherRound", func() string { return otherRound }, exchange.ImportRequest{RoundID: f.round}, "这是轮次 2024Q3 的评分表，不是本轮（2024Q4）的", ""},
		{"ErrAnotherDatabase", func() string { return otherDB }, exchange.ImportRequest{}, "不是从本数据库导出的", ""},
		{"ErrTamperedSignature", func() string {
			return edit(t, lisi, "改了元数据.xlsx", func(x *excelize.File) {
				rows, _ := x.GetRows("lkp_meta")
				for i, r := range rows {
					if len(r) > 1 && r[0] == "rater_id" {
						cell, _ := excelize.CoordinatesToCellName(2, i+1)
						set(x, "lkp_meta", cell, "3")
					}
				}
			})
		}, exchange.ImportRequest{}, "签名不符", ""},
		{"ErrTamperedRowMap", func() string {
			return edit(t, lisi, "改了行.xlsx", func(x *excelize.File) {
				rows, _ := x.GetRows("lkp_meta")
				for i, r := range rows {
					if len(r) > 3 && r[0] == "row" && r[3] == "1.1" {
						cell, _ := excelize.CoordinatesToCellName(3, i+1)
						set(x, "lkp_meta", cell, "99")
					}
				}
			})
		}, exchange.ImportRequest{}, "签名不符", ""},
		{"ErrLockedMaxChanged", func() string {
			return edit(t, lisi, "改了分值.xlsx", func(x *excelize.File) { set(x, "财政局", "E4", 100) })
		}, exchange.ImportRequest{}, "“分值”单元格已锁定，不能修改：指标 1.1 的分值应为 10", "财政局!E4"},
		{"ErrLockedCodeChanged", func() string {
			return edit(t, lisi, "改了编号.xlsx", func(x *excelize.File) { set(x, "财政局", "A5", "1.9") })
		}, exchange.ImportRequest{}, "找不到指标 1.2（述职评议）所在的行", "财政局!A5"},
		{"ErrChineseNumber", func() string {
			return edit(t, lisi, "九十.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", "九十") })
		}, exchange.ImportRequest{}, "指标 1.1：「九十」不是数字，请输入0～10之间的数，须为0.5的倍数", "财政局!G4"},
		{"ErrOutOfRange", func() string {
			return edit(t, lisi, "超出.xlsx", func(x *excelize.File) { set(x, "区委办", "G4", 12) })
		}, exchange.ImportRequest{}, "「12」超出范围，请输入0～10之间的数，须为0.5的倍数", "区委办!G4"},
		{"ErrTooManyDecimals", func() string {
			return edit(t, lisi, "小数.xlsx", func(x *excelize.File) { set(x, "区委办", "G6", 4.555) })
		}, exchange.ImportRequest{}, "「4.555」超过两位小数", "区委办!G6"},
		{"ErrNotAnOption", func() string {
			return edit(t, lisi, "等次.xlsx", func(x *excelize.File) { set(x, "区委办", "G5", "优秀") })
		}, exchange.ImportRequest{}, "「优秀」不是可选项，请从下拉列表中选择：好、一般", "区委办!G5"},
		{"ErrBadSharedString", func() string {
			// A shared string index past the end is read as a blank by the row iterator; it
			// must be refused, not taken for an empty cell.
			filled := edit(t, lisi, "坏索引.xlsx", func(x *excelize.File) { x.SetCellStr("区委办", "G5", "好") })
			data, _ := os.ReadFile(filled)
			parts := unzipParts(t, data)
			re := regexp.MustCompile(`(<c r="G5"[^>]*t="s"[^>]*><v>)\d+(</v>)`)
			n := 0
			for name, body := range parts {
				if strings.HasPrefix(name, "xl/worksheets/") && re.Match(body) {
					parts[name] = re.ReplaceAll(body, []byte("${1}99999${2}"))
					n++
				}
			}
			if n != 1 {
				t.Fatalf("patched %d sheets", n)
			}
			return write("坏索引.xlsx", rezip(t, parts, "", nil))
		}, exchange.ImportRequest{}, "单元格的内容无法读取（文件已损坏）", "区委办!G5"},
		{"ErrMissing", func() string { return filepath.Join(dir, "没有这个文件.xlsx") }, exchange.ImportRequest{}, "找不到文件", ""},
		// Last: they change the database's state.
		{"ErrSchemeVersion", func() string {
			now := time.Now()
			f.s.DB.Exec("INSERT INTO schemes (id, name, year, version, status, created_at, updated_at) VALUES (2, '2024年评分细则', 2024, 2, 'published', ?, ?)", now, now)
			f.s.DB.Exec("UPDATE rounds SET scheme_id = 2 WHERE id = ?", f.other)
			return otherRound
		}, exchange.ImportRequest{}, "按考核方案第 1 版制作，轮次 2024Q3 现在使用第 2 版，请重新导出评分表", ""},
		{"ErrClosedRound", func() string {
			if err := round.NewService(f.s).SetStatus(f.round, round.Closed, "", ""); err != nil {
				t.Fatal(err)
			}
			return edit(t, lisi, "结束后.xlsx", func(x *excelize.File) { set(x, "财政局", "G4", 7) })
		}, exchange.ImportRequest{}, "轮次 2024Q4 已结束，评分不能再修改，不能导入评分表", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			path := tc.path()
			before := f.snapshot(t)
			req := tc.req
			req.Paths = []string{path}
			for _, preview := range []bool{true, false} {
				var rep *exchange.Report
				var err error
				if preview {
					rep, err = f.svc.Preview(req, nil)
				} else {
					rep, err = f.svc.Apply(req, "管理员", nil)
				}
				if err != nil {
					t.Fatal(err)
				}
				r := one(t, rep)
				if r.Status != exchange.StatusRefused || len(r.Problems) == 0 {
					t.Fatalf("preview %v: status %s, problems %v", preview, r.Status, r.Problems)
				}
				p := r.Problems[0]
				where := p.Sheet
				if p.Cell != "" {
					where += "!" + p.Cell
				}
				if !strings.Contains(p.Message, tc.want) || tc.wantCell != "" && where != tc.wantCell {
					t.Fatalf("problem = %s %q, want %s %q", where, p.Message, tc.wantCell, tc.want)
				}
			}
			if after := f.snapshot(t); after != before {
				t.Fatalf("a refused file changed the database:\nbefore %s\nafter  %s", before, after)
			}
		})
	}
}
