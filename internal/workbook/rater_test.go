package workbook_test

import (
	"archive/zip"
	"bytes"
	"encoding/json"
	"encoding/xml"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/scoring"
	"liankanping/internal/workbook"
)

func init() {
	// Other test files of the package may define -update too; whichever comes first serves.
	if flag.Lookup("update") == nil {
		flag.Bool("update", false, "rewrite the golden files in testdata")
	}
}

func updating() bool {
	f := flag.Lookup("update")
	return f != nil && f.Value.String() == "true"
}

var testKey = []byte("0123456789abcdef0123456789abcdef")

// sampleBook is a small rater workbook with one indicator of every kind, a grade whose labels
// are too long for an inline dropdown, and a unit whose short name is not a valid sheet name.
func sampleBook() *workbook.RaterBook {
	longOpts := []scoring.Option{}
	for i, l := range []string{"全面落实党建工作责任制并形成可复制推广的经验做法", "较好落实党建工作责任制但个别环节仍需改进完善",
		"基本落实党建工作责任制，存在明显短板和薄弱环节", "落实党建工作责任制不到位，问题较多需限期整改",
		"未落实党建工作责任制，被上级通报批评或约谈", "党建工作责任制落实情况无法核实，资料严重缺失"} {
		longOpts = append(longOpts, scoring.Option{Label: l, Points: int64(500 - i*100)})
	}
	ind := func(id uint, code, dim, name string, kind scoring.Kind, max, step int64, opts []scoring.Option, points, method string) workbook.RaterIndicator {
		return workbook.RaterIndicator{Indicator: scoring.Indicator{ID: id, Kind: kind, Max: max, Step: step, Options: opts},
			Code: code, Dimension: dim, Name: name, Points: points, Method: method}
	}
	return &workbook.RaterBook{
		WorkbookID: "0f1e2d3c4b5a69788796a5b4c3d2e1f0", DatabaseID: "db0001", RoundID: 7, RoundCode: "2024Q4",
		RoundTitle: "2024年第四季度“常委看党建”", RoundDate: "2024-12-10", Place: "区行政服务中心", Deadline: "2024-12-20",
		SchemeID: 3, SchemeName: "2024年机关党建考核评分细则", SchemeVersion: 2,
		RaterID: 41, RaterName: "王建国", RaterUnit: "区委组织部", Group: "区委常委",
		ExportedAt: time.Date(2024, 12, 1, 9, 30, 0, 0, time.UTC),
		Indicators: []workbook.RaterIndicator{
			ind(11, "1.1", "机关党建责任清单落实", "理论学习", scoring.KindScore, 1000, 50, nil, "党组理论学习中心组学习每年不少于12次，有记录、有研讨、有成果。", "查阅资料"),
			ind(12, "1.2", "机关党建责任清单落实", "组织生活", scoring.KindScore, 500, 1, nil, "三会一课、主题党日、组织生活会、民主评议党员按要求开展。", ""),
			ind(13, "1.3", "机关党建责任清单落实", "述职评议", scoring.KindGrade, 1000, 0, []scoring.Option{{Label: "好", Points: 1000}, {Label: "较好", Points: 800}, {Label: "一般", Points: 600}, {Label: "差", Points: 300}}, "党组书记抓党建述职评议结果。", "听取汇报"),
			ind(21, "2.1", "党建和业务融合", "融合成效", scoring.KindScore, 2000, 100, nil, "围绕中心工作设岗定责，党员先锋岗、责任区作用明显。", "个别谈话、入户走访"),
			ind(22, "2.2", "党建和业务融合", "责任制落实", scoring.KindGrade, 500, 0, longOpts, "党建工作责任制落实情况。", ""),
			ind(31, "3.1", "特色创新", "党建品牌", scoring.KindBonus, 300, 0, nil, "获市级以上党建品牌或创新案例的加分。", ""),
			ind(41, "4.1", "负面清单", "违规违纪", scoring.KindDeduct, 500, 0, nil, "党员干部出现违规违纪问题的，每起扣1分。", ""),
		},
		Units: []workbook.RaterUnit{
			{ID: 101, Name: "区教育和体育局", ShortName: "教体局"},
			{ID: 102, Name: "区财政局", ShortName: "财政局"},
			{ID: 103, Name: "区市场监督管理局", ShortName: "市场监管局/食药"},
		},
	}
}

func encode(t testing.TB, b *workbook.RaterBook, password string) []byte {
	t.Helper()
	var buf bytes.Buffer
	enc := workbook.NewRaterEncoder(testKey)
	enc.Password = password
	if err := enc.Encode(&buf, b); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// sheetStates reads each sheet's state from xl/workbook.xml itself, so that "very hidden" is
// checked independently of excelize.
func sheetStates(t *testing.T, data []byte) map[string]string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	for _, zf := range zr.File {
		if zf.Name != "xl/workbook.xml" {
			continue
		}
		rc, _ := zf.Open()
		raw, _ := io.ReadAll(rc)
		rc.Close()
		var wb struct {
			Sheets []struct {
				Name  string `xml:"name,attr"`
				State string `xml:"state,attr"`
			} `xml:"sheets>sheet"`
		}
		if err := xml.Unmarshal(raw, &wb); err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, s := range wb.Sheets {
			out[s.Name] = s.State
		}
		return out
	}
	t.Fatal("no xl/workbook.xml")
	return nil
}

type goldenValidation struct {
	Sqref, Type, Operator, Formula1, Formula2, Prompt, Error string
}

type goldenSheet struct {
	Name        string
	State       string
	Cells       map[string]string
	Merges      []string
	Validations []goldenValidation
	Protected   bool
	LegacyHash  bool
	Unlocked    []string
	Widths      map[string]float64
	HiddenCols  []string
	Page        string
	Header      string
	Footer      string
	PrintTitles string
	Dimension   string
}

type golden struct {
	Active string
	Sheets []goldenSheet
	Meta   map[string]any
}

// dumpRater describes an exported workbook by what a person or a reader sees: values,
// formulas, merges, validations, protection, unlocked cells, page setup; never bytes.
func dumpRater(t *testing.T, data []byte) golden {
	t.Helper()
	states := sheetStates(t, data)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	g := golden{Active: f.GetSheetName(f.GetActiveSheetIndex())}
	titles := map[string]string{}
	for _, dn := range f.GetDefinedName() {
		if dn.Name == "_xlnm.Print_Titles" {
			titles[dn.Scope] = dn.RefersTo
		}
	}
	for _, name := range f.GetSheetList() {
		s := goldenSheet{Name: name, State: states[name], Cells: map[string]string{}, Widths: map[string]float64{}, PrintTitles: titles[name]}
		rows, err := f.GetRows(name, excelize.Options{RawCellValue: true})
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c := range row {
				ref := workbook.CellName(r, c)
				if formula, _ := f.GetCellFormula(name, ref); formula != "" {
					s.Cells[ref] = "=" + formula
				} else if row[c] != "" {
					s.Cells[ref] = row[c]
				}
			}
		}
		// Formula cells with no cached value are not in GetRows: look at every cell in range.
		dim, _ := f.GetSheetDimension(name)
		s.Dimension = dim
		if parts := strings.Split(dim, ":"); len(parts) == 2 {
			c2, r2, _ := excelize.CellNameToCoordinates(parts[1])
			for r := 1; r <= r2; r++ {
				for c := 1; c <= c2; c++ {
					ref, _ := excelize.CoordinatesToCellName(c, r)
					if formula, _ := f.GetCellFormula(name, ref); formula != "" {
						s.Cells[ref] = "=" + formula
					}
					if st, _ := f.GetCellStyle(name, ref); st != 0 {
						if style, _ := f.GetStyle(st); style != nil && style.Protection != nil && !style.Protection.Locked {
							s.Unlocked = append(s.Unlocked, ref)
						}
					}
				}
			}
			for c := 1; c <= c2; c++ {
				col, _ := excelize.ColumnNumberToName(c)
				w, _ := f.GetColWidth(name, col)
				s.Widths[col] = w
				if v, _ := f.GetColVisible(name, col); !v {
					s.HiddenCols = append(s.HiddenCols, col)
				}
			}
		}
		merges, _ := f.GetMergeCells(name)
		for _, m := range merges {
			s.Merges = append(s.Merges, m.GetStartAxis()+":"+m.GetEndAxis())
		}
		sort.Strings(s.Merges)
		dvs, _ := f.GetDataValidations(name)
		for _, dv := range dvs {
			v := goldenValidation{Sqref: dv.Sqref, Type: dv.Type, Operator: dv.Operator, Formula1: dv.Formula1, Formula2: dv.Formula2}
			if dv.Prompt != nil {
				v.Prompt = *dv.Prompt
			}
			if dv.Error != nil {
				v.Error = *dv.Error
			}
			s.Validations = append(s.Validations, v)
		}
		if p, err := f.GetSheetProtection(name); err == nil {
			s.Protected = true
			s.LegacyHash = p.AlgorithmName == ""
		}
		if pl, err := f.GetPageLayout(name); err == nil && pl.Size != nil && pl.Orientation != nil {
			s.Page = fmt.Sprintf("size %d %s", *pl.Size, *pl.Orientation)
			if pl.FitToWidth != nil {
				s.Page += fmt.Sprintf(" fit %d wide", *pl.FitToWidth)
			}
			if pl.FitToHeight != nil {
				s.Page += fmt.Sprintf(" %d tall", *pl.FitToHeight)
			}
		}
		if hf, err := f.GetHeaderFooter(name); err == nil && hf != nil {
			s.Header, s.Footer = hf.OddHeader, hf.OddFooter
		}
		g.Sheets = append(g.Sheets, s)
	}
	return g
}

func TestRaterExport_Golden(t *testing.T) {
	data := encode(t, sampleBook(), "")
	got := dumpRater(t, data)
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	meta, err := workbook.ReadRaterMeta(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	if !meta.Verify(testKey) {
		t.Fatal("the exported metadata does not verify with its key")
	}
	var m map[string]any
	raw, _ := json.Marshal(meta)
	json.Unmarshal(raw, &m)
	got.Meta = m
	var out bytes.Buffer
	enc := json.NewEncoder(&out)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(got); err != nil {
		t.Fatal(err)
	}
	gotJSON := out.Bytes()
	path := filepath.Join("testdata", "rater_golden.json")
	if updating() {
		if err := os.WriteFile(path, append(gotJSON, '\n'), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./internal/workbook -run Golden -update)", err)
	}
	if strings.TrimSpace(string(want)) != strings.TrimSpace(string(gotJSON)) {
		t.Errorf("export differs from %s (run with -update if the change is intended):\n%s", path, lineDiff(string(want), string(gotJSON)))
	}
	// The properties that matter most, asserted on their own so that a careless -update
	// cannot hide their loss.
	states := map[string]string{}
	for _, s := range got.Sheets {
		states[s.Name] = s.State
		if !s.Protected && s.State == "" {
			t.Errorf("sheet %s is not protected", s.Name)
		}
	}
	if states[workbook.RaterMetaSheet] != "veryHidden" {
		t.Errorf("metadata sheet state = %q, want veryHidden", states[workbook.RaterMetaSheet])
	}
	if got.Active != workbook.RaterGuideSheet {
		t.Errorf("active sheet = %s", got.Active)
	}
	unit := got.Sheets[2]
	if unit.Name != "教体局" || unit.Cells["G3"] != "得分" || unit.Cells["A4"] != "1.1" || !strings.HasPrefix(unit.Cells["I1"], "LKP1|") {
		t.Errorf("unit sheet = %s: G3 %q A4 %q I1 %q", unit.Name, unit.Cells["G3"], unit.Cells["A4"], unit.Cells["I1"])
	}
	if got.Sheets[4].Name != "市场监管局食药" {
		t.Errorf("a short name with / is not cleaned: %s", got.Sheets[4].Name)
	}
	wantUnlocked := map[string]bool{}
	for r := 4; r <= 10; r++ {
		wantUnlocked[fmt.Sprintf("G%d", r)], wantUnlocked[fmt.Sprintf("H%d", r)] = true, true
	}
	if len(unit.Unlocked) != len(wantUnlocked) {
		t.Errorf("unlocked cells = %v, want G4:H10", unit.Unlocked)
	}
	for _, c := range unit.Unlocked {
		if !wantUnlocked[c] {
			t.Errorf("cell %s is unlocked", c)
		}
	}
	msgs := map[string]bool{}
	for _, v := range unit.Validations {
		msgs[v.Error] = true
		if v.Type == "list" && len([]rune(v.Formula1)) > 255 {
			t.Errorf("inline list longer than 255: %s", v.Formula1)
		}
	}
	for _, want := range []string{"请输入0～10之间的数，须为0.5的倍数", "请输入0～5之间的数，最多两位小数", "请输入0～20之间的整数", "请输入0～5之间的数（扣除的分数），最多两位小数"} {
		if !msgs[want] {
			t.Errorf("no validation says %q: %v", want, msgs)
		}
	}
}

// lineDiff shows the first lines where two texts differ.
func lineDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := 0; i < max(len(la), len(lb)) && len(out) < 20; i++ {
		x, y := "", ""
		if i < len(la) {
			x = la[i]
		}
		if i < len(lb) {
			y = lb[i]
		}
		if x != y {
			out = append(out, fmt.Sprintf("line %d:\n- %s\n+ %s", i+1, x, y))
		}
	}
	return strings.Join(out, "\n")
}

func TestRaterMeta_Signature(t *testing.T) {
	m := sampleBook().Meta()
	m.Sign(testKey)
	if !m.Verify(testKey) {
		t.Fatal("a fresh signature does not verify")
	}
	if m.Verify([]byte("another key")) {
		t.Error("verifies under another key")
	}
	tampered := *m
	tampered.Rows = append([]workbook.MetaRow(nil), m.Rows...)
	tampered.Rows[0].IndicatorID = 12
	if tampered.Verify(testKey) {
		t.Error("a changed row map still verifies")
	}
	renamed := *m
	renamed.Sheets = append([]workbook.MetaSheet(nil), m.Sheets...)
	renamed.Sheets[0].Name = "改了名"
	if !renamed.Verify(testKey) {
		t.Error("a sheet's name is for people and must not be signed")
	}
}

// readBack decodes an exported workbook with the book's own indicators.
func readBack(t *testing.T, data []byte, b *workbook.RaterBook) *workbook.RaterReturn {
	t.Helper()
	f, err := workbook.OpenBytes(data, "x.xlsx", "")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	meta, err := workbook.ReadRaterMeta(f)
	if err != nil {
		t.Fatal(err)
	}
	inds := map[uint]workbook.RaterIndicator{}
	for _, ind := range b.Indicators {
		inds[ind.ID] = ind
	}
	return workbook.ReadRaterSheets(f, meta, inds)
}

// fill writes texts into the 得分 cells of a sheet with excelize's cell API, as a rater would.
func fill(t *testing.T, data []byte, edit func(f *excelize.File)) []byte {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	edit(f)
	var buf bytes.Buffer
	if err := f.Write(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestRaterRead(t *testing.T) {
	b := sampleBook()
	data := encode(t, b, "")
	t.Run("Blank", func(t *testing.T) {
		ret := readBack(t, data, b)
		if len(ret.Problems) > 0 {
			t.Fatalf("problems in a fresh export: %v", ret.Problems)
		}
		if len(ret.Sheets) != 3 || len(ret.Sheets[0].Cells) != 7 || !ret.Sheets[0].Cells[0].Blank {
			t.Fatalf("sheets = %+v", ret.Sheets)
		}
	})
	t.Run("OK", func(t *testing.T) {
		filled := fill(t, data, func(f *excelize.File) {
			f.SetCellValue("教体局", "G4", 8.5)
			f.SetCellStr("教体局", "G5", "４分")
			f.SetCellStr("教体局", "G6", "较好")
			f.SetCellStr("教体局", "H6", "  汇报清楚 ")
			f.SetCellValue("教体局", "G7", 17)
			f.SetCellStr("教体局", "G10", "2")
			// Reordered and renamed: identity is the marker, not the name or the place.
			f.SetSheetName("财政局", "财政")
			f.MoveSheet("财政", "填表说明")
			f.SetCellValue("财政", "G4", 10)
			f.NewSheet("我的草稿")
			f.SetCellStr("我的草稿", "G4", "九十")
		})
		ret := readBack(t, filled, b)
		if len(ret.Problems) > 0 {
			t.Fatalf("problems: %v", ret.Problems)
		}
		got := map[string]string{}
		for _, s := range ret.Sheets {
			for _, c := range s.Cells {
				if !c.Blank {
					got[fmt.Sprintf("%d/%d", s.UnitID, c.IndicatorID)] = fmt.Sprintf("%s!%s=%d %s", c.Sheet, c.Cell, c.Value, c.Comment)
				}
			}
		}
		want := map[string]string{
			"101/11": "教体局!G4=850 ", "101/12": "教体局!G5=400 ", "101/13": "教体局!G6=800 汇报清楚",
			"101/21": "教体局!G7=1700 ", "101/41": "教体局!G10=200 ", "102/11": "财政!G4=1000 ",
		}
		if fmt.Sprint(got) != fmt.Sprint(want) {
			t.Fatalf("cells:\n got %v\nwant %v", got, want)
		}
	})
	t.Run("InsertedRows", func(t *testing.T) {
		filled := fill(t, data, func(f *excelize.File) {
			f.UnprotectSheet("教体局")
			f.InsertRows("教体局", 2, 1)
			f.InsertRows("教体局", 8, 2)
			f.SetCellStr("教体局", "G8", "5") // an inserted row: ignored
			f.SetCellValue("教体局", "G10", 18)
		})
		ret := readBack(t, filled, b)
		if len(ret.Problems) > 0 {
			t.Fatalf("problems: %v", ret.Problems)
		}
		c := ret.Sheets[0].Cells[3]
		if c.IndicatorID != 21 || c.Cell != "G10" || c.Value != 1800 {
			t.Fatalf("2.1 read as %+v", c)
		}
	})
	problems := []struct {
		name string
		edit func(f *excelize.File)
		want string
	}{
		{"ErrNotNumber", func(f *excelize.File) { f.SetCellStr("教体局", "G4", "九十") }, "教体局!G4: 指标 1.1：「九十」不是数字"},
		{"ErrOutOfRange", func(f *excelize.File) { f.SetCellValue("财政局", "G4", 12) }, "财政局!G4: 指标 1.1：「12」超出范围"},
		{"ErrTooPrecise", func(f *excelize.File) { f.SetCellStr("财政局", "G5", "4.555") }, "财政局!G5: 指标 1.2：「4.555」超过两位小数"},
		{"ErrNotOption", func(f *excelize.File) { f.SetCellStr("财政局", "G6", "优") }, "财政局!G6: 指标 1.3：「优」不是可选项"},
		{"ErrMaxChanged", func(f *excelize.File) { f.SetCellValue("教体局", "E4", 20) }, "教体局!E4: “分值”单元格已锁定，不能修改"},
		{"ErrCodeChanged", func(f *excelize.File) { f.SetCellStr("教体局", "A5", "9.9") }, "教体局!A5: 找不到指标 1.2"},
		{"ErrSheetDeleted", func(f *excelize.File) { f.DeleteSheet("财政局") }, "财政局: 找不到工作表「财政局」"},
		{"ErrSheetCopied", func(f *excelize.File) {
			i, _ := f.GetSheetIndex("财政局")
			j, _ := f.NewSheet("财政局 (2)")
			f.CopySheet(i, j)
		}, "都是财政局的评分表"},
		{"ErrHeaderGone", func(f *excelize.File) { f.SetCellStr("教体局", "G3", "分数") }, "教体局: 找不到“编号”和“得分”两列的标题"},
	}
	for _, tc := range problems {
		t.Run(tc.name, func(t *testing.T) {
			ret := readBack(t, fill(t, data, tc.edit), b)
			var got []string
			for _, p := range ret.Problems {
				where := p.Sheet
				if p.Cell != "" {
					where += "!" + p.Cell
				}
				got = append(got, where+": "+p.Message)
			}
			if len(got) != 1 || !strings.Contains(got[0], tc.want) {
				t.Fatalf("problems = %q, want one containing %q", got, tc.want)
			}
		})
	}
}

func TestRaterRead_Password(t *testing.T) {
	b := sampleBook()
	data := encode(t, b, "口令123")
	if _, err := workbook.OpenBytes(data, "x.xlsx", ""); err == nil || !strings.Contains(err.Error(), "密码") {
		t.Fatalf("opening without the password: %v", err)
	}
	if _, err := workbook.OpenBytes(data, "x.xlsx", "wrong"); err == nil || !strings.Contains(err.Error(), "密码不正确") {
		t.Fatalf("opening with a wrong password: %v", err)
	}
	f, err := workbook.OpenBytes(data, "x.xlsx", "口令123")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if _, err := workbook.ReadRaterMeta(f); err != nil {
		t.Fatal(err)
	}
}
