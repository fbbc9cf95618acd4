package workbook_test

import (
	"bytes"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/scheme"
	"liankanping/internal/workbook"
)

// treeText writes a tree one indicator a line: code, name, kind, max, step, options, points.
func treeText(roots []*scheme.Node) string {
	var b strings.Builder
	for _, ind := range scheme.Flatten(roots) {
		fmt.Fprintf(&b, "%s %s [%s] max=%s", ind.Code, ind.Name, ind.Kind, scheme.FormatPoints(ind.MaxCenti))
		if ind.Kind != scheme.Group && ind.Kind != scheme.Grade {
			fmt.Fprintf(&b, " step=%s", scheme.FormatPoints(ind.StepCenti))
		}
		if len(ind.Options) > 0 {
			fmt.Fprintf(&b, " options=%s", scheme.OptionsText(ind.Options))
		}
		if ind.Points != "" {
			fmt.Fprintf(&b, " points=%s", ind.Points)
		}
		b.WriteString("\n")
	}
	return b.String()
}

func problemsText(ps []workbook.Problem) string {
	var out []string
	for _, p := range ps {
		out = append(out, p.Sheet+"!"+p.Cell+"："+p.Message)
	}
	return strings.Join(out, "\n")
}

func TestReadSchemeSample(t *testing.T) {
	sf := workbook.ReadSchemeFile("testdata/评分细则.xlsx")
	if len(sf.Problems) > 0 {
		t.Fatalf("problems:\n%s", problemsText(sf.Problems))
	}
	if len(sf.Warnings) > 0 {
		t.Errorf("warnings: %v", sf.Warnings)
	}
	if sf.Tree.Scheme.Name != "2024年度“常委看党建”观摩评分细则" {
		t.Errorf("name = %q", sf.Tree.Scheme.Name)
	}
	total := scheme.Sum(sf.Tree.Roots)
	if total != (scheme.Subtotal{ScoreCenti: 10000, BonusCenti: 500, DeductCenti: 1000}) {
		t.Errorf("total = %+v", total)
	}
	got := scheme.Flatten(sf.Tree.Roots)
	want := []struct {
		code, name string
		kind       scheme.Kind
		max        int64
	}{
		{"1", "机关党建责任清单落实", scheme.Group, 0},
		{"1.1", "党组（党委）主体责任", scheme.Score, 1000},
		{"1.2", "责任清单制定与落实", scheme.Score, 1000},
		{"1.3", "述职评议考核", scheme.Grade, 1000},
		{"2", "模范机关建设", scheme.Group, 0},
		{"2.1", "政治建设", scheme.Score, 1000},
		{"2.2", "支部标准化规范化", scheme.Score, 1500},
		{"2.3", "党员干部精气神", scheme.Score, 1000},
		{"3", "党建和业务融合", scheme.Group, 0},
		{"3.1", "党建引领中心工作", scheme.Score, 1500},
		{"3.2", "为民办实事", scheme.Score, 1000},
		{"3.3", "部门单位真业绩", scheme.Score, 1000},
		{"4", "特色创新", scheme.Group, 0},
		{"4.1", "党建品牌创建", scheme.Bonus, 500},
		{"5", "负面清单", scheme.Group, 0},
		{"5.1", "违规违纪问题", scheme.Deduct, 1000},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d indicators:\n%s", len(got), treeText(sf.Tree.Roots))
	}
	for i, w := range want {
		g := got[i]
		if g.Code != w.code || g.Name != w.name || g.Kind != w.kind || g.MaxCenti != w.max {
			t.Errorf("indicator %d = %s %s %s %d, want %+v", i, g.Code, g.Name, g.Kind, g.MaxCenti, w)
		}
	}
	if o := scheme.OptionsText(got[3].Options); o != "好10分、较好8分、一般6分、差3分" {
		t.Errorf("grade options = %s", o)
	}
	if got[1].Points != "党组（党委）每季度专题研究党建工作不少于1次，书记履行第一责任人职责。" || got[1].Method != "查阅会议记录；少1次扣2分，扣完为止" {
		t.Errorf("texts = %q / %q", got[1].Points, got[1].Method)
	}
}

func TestRecognizeKind(t *testing.T) {
	cases := []struct {
		method  string
		marker  scheme.Kind
		kind    scheme.Kind
		options string
	}{
		{"查阅会议记录；少1次扣2分，扣完为止", "", scheme.Score, ""},
		{"查阅资料；清单缺项每项扣1分", "", scheme.Score, ""},
		{"现场查看、个别谈话", "", scheme.Score, ""},
		{"扣分项：每起扣5分，最多扣10分", "", scheme.Deduct, ""},
		{"每起扣5分，最多扣10分", scheme.Deduct, scheme.Deduct, ""},
		{"加分项：国家级加5分，省级加3分，市级加2分，最高不超过5分", "", scheme.Bonus, ""},
		{"国家级加5分，省级加3分", scheme.Bonus, scheme.Bonus, ""},
		{"等次评价：好10分、较好8分、一般6分、差3分", "", scheme.Grade, "好10分、较好8分、一般6分、差3分"},
		{"好10分、较好8分、一般6分、差3分", "", scheme.Grade, "好10分、较好8分、一般6分、差3分"},
		{"按等次评分：A档10分，B档8分，C档6分，D档4分", "", scheme.Grade, "A档10分、B档8分、C档6分、D档4分"},
		{"评定等次：A（10分）/B（8分）/C（6分）/D（4分）", "", scheme.Grade, "A10分、B8分、C6分、D4分"},
		{"分好、较好、一般、差四个等次，分别计10、8、6、3分", "", scheme.Grade, "好10分、较好8分、一般6分、差3分"},
		{"优秀１０分、良好８分、合格５分", "", scheme.Grade, "优秀10分、良好8分、合格5分"},
		{"查阅资料。等次评价：好5分、一般3分、差0分", "", scheme.Grade, "好5分、一般3分、差0分"},
		{"由评委按等次评分", "", scheme.Score, ""},
		{"甲方10分，乙方8分", "", scheme.Score, ""},
	}
	for _, c := range cases {
		kind, opts, _ := workbook.RecognizeKind(c.method, c.marker)
		if kind != c.kind || scheme.OptionsText(opts) != c.options {
			t.Errorf("RecognizeKind(%q, %q) = %s %q; want %s %q", c.method, c.marker, kind, scheme.OptionsText(opts), c.kind, c.options)
		}
	}
}

// messyWorkbook is what an office really sends: a title and a 填报单位 line, blank rows, the
// columns reordered, no merges but blank level-1 cells meaning "the same as above", trailing
// spaces, 分值 typed as text with 分 or in full-width digits, numbered dimension labels, and
// notes under the 合计 row.
func messyWorkbook(t *testing.T, edit func(f *excelize.File)) string {
	t.Helper()
	f := excelize.NewFile()
	sh := "Sheet1"
	rows := [][]any{
		{"2025年度机关党建观摩评分细则 "},
		{"填报单位：区直机关工委"},
		{},
		{"序号", "评分方式", "一级指标 ", "二级指标", "分值", "评分要点"},
		{1, "查阅资料", "一、支部建设（20分）", "  三会一课 ", "10分", "按时召开"},
		{2, "等次评价：好１０分、一般６分、差２分", "", "主题党日", "１０", "每月一次"},
		{},
		{3, "听取汇报", "二、业务融合（８０分）", "中心工作", 50, "同部署"},
		{4, "计分单位：1分", "", "真业绩", "30", ""},
		{5, "每项加1分", "三、特色创新（加分项）", "品牌", "3", "获评品牌"},
		{"合计", "", "", "", "100", ""},
		{"说明：1. 本细则由区直机关工委负责解释。"},
	}
	for r, row := range rows {
		for c, v := range row {
			f.SetCellValue(sh, workbook.CellName(r, c), v)
		}
	}
	if edit != nil {
		edit(f)
	}
	path := filepath.Join(t.TempDir(), "messy.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestReadSchemeMessy(t *testing.T) {
	sf := workbook.ReadSchemeFile(messyWorkbook(t, nil))
	if len(sf.Problems) > 0 {
		t.Fatalf("problems:\n%s", problemsText(sf.Problems))
	}
	if sf.Tree.Scheme.Name != "2025年度机关党建观摩评分细则" {
		t.Errorf("name = %q", sf.Tree.Scheme.Name)
	}
	want := `1 支部建设 [] max=0
1.1 三会一课 [score] max=10 step=0.5 points=按时召开
1.2 主题党日 [grade] max=10 options=好10分、一般6分、差2分 points=每月一次
2 业务融合 [] max=0
2.1 中心工作 [score] max=50 step=0.5 points=同部署
2.2 真业绩 [score] max=30 step=1
3 特色创新 [] max=0
3.1 品牌 [bonus] max=3 step=0.5 points=获评品牌
`
	if got := treeText(sf.Tree.Roots); got != want {
		t.Errorf("tree:\n%s\nwant:\n%s", got, want)
	}
}

func TestReadSchemeProblems(t *testing.T) {
	cases := []struct {
		name string
		edit func(f *excelize.File)
		want string
	}{
		{"NotANumber", func(f *excelize.File) { f.SetCellValue("Sheet1", "E6", "五") },
			"Sheet1!E6：分值“五”不是数字"},
		{"TooPrecise", func(f *excelize.File) { f.SetCellValue("Sheet1", "E5", "10.555") },
			"Sheet1!E5：分值“10.555”最多两位小数"},
		{"MissingMax", func(f *excelize.File) { f.SetCellValue("Sheet1", "E8", "") },
			"Sheet1!E8：“中心工作”没有填分值"},
		{"DimensionTotalWrong", func(f *excelize.File) { f.SetCellValue("Sheet1", "C5", "一、支部建设（25分）") },
			"Sheet1!C5：一级指标“支部建设”标注 25 分，但下级指标分值之和是 20 分"},
		{"TotalRowWrong", func(f *excelize.File) { f.SetCellValue("Sheet1", "E11", "90") },
			"Sheet1!E11：合计 90 分，但各指标分值之和是 100 分"},
		{"GradeWithoutPoints", func(f *excelize.File) { f.SetCellValue("Sheet1", "B6", "按等次评价") },
			"Sheet1!B6：评分方式写了“等次”，但没有写出各等次的分值（例如：好10分、较好8分、一般6分、差3分）"},
		{"StepNotDividing", func(f *excelize.File) { f.SetCellValue("Sheet1", "B9", "计分单位：4分") },
			"Sheet1!D9：“真业绩”的分值 30 分不是计分单位 4 分的整数倍"},
		{"SplitDimension", func(f *excelize.File) {
			f.SetCellValue("Sheet1", "C10", "一、支部建设（20分）")
			f.SetCellValue("Sheet1", "E11", "")
		}, "Sheet1!C10：“支部建设”在第 5 行已经出现过；同一指标的各行须连在一起"},
		{"NoName", func(f *excelize.File) { f.SetCellValue("Sheet1", "D9", "") },
			"Sheet1!D9：这一行有评分内容，但没有指标名称"},
		{"SameIndicatorTwice", func(f *excelize.File) { f.SetCellValue("Sheet1", "D9", "中心工作") },
			"Sheet1!D9：与第 8 行是同一个指标“中心工作”；一个指标只占一行（多条评分要点请写在同一格内）"},
		{"NoHeader", func(f *excelize.File) { f.SetCellValue("Sheet1", "E4", "满意度") },
			"Sheet1!：没有找到评分细则的表头：需要“一级指标、二级指标、评分要点、分值、评分方式”这样的列标题"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			sf := workbook.ReadSchemeFile(messyWorkbook(t, c.edit))
			got := problemsText(sf.Problems)
			if !strings.Contains(got, c.want) {
				t.Errorf("problems:\n%s\nwant among them:\n%s", got, c.want)
			}
		})
	}
	t.Run("NotAWorkbook", func(t *testing.T) {
		sf := workbook.ReadSchemeFile("testdata/../scheme_test.go")
		if len(sf.Problems) != 1 || !strings.Contains(sf.Problems[0].Message, "不是 Excel 工作簿") {
			t.Errorf("problems = %+v", sf.Problems)
		}
	})
}

// sampleDetail is a scheme with everything the layout must carry: three levels, a level-1
// scorable dimension, all four kinds, a step of 1, grade options that the method text does
// not list, a deduction whose method would read as a score.
func sampleDetail() scheme.Detail {
	n := func(name string, kind scheme.Kind, max int64, children ...*scheme.Node) *scheme.Node {
		ind := scheme.Indicator{Name: name, Kind: kind, MaxCenti: max, StepCenti: 50}
		if len(children) == 0 { // the layout has no cell for a group's own texts
			ind.Points, ind.Method = name+"的评分要点", "查阅资料"
		}
		return &scheme.Node{Indicator: ind, Children: children}
	}
	g := n("述职评议", scheme.Grade, 1000)
	g.Options = []scheme.Option{{Label: "好", PointsCenti: 1000}, {Label: "较好", PointsCenti: 800}, {Label: "一般", PointsCenti: 600}, {Label: "差", PointsCenti: 300}}
	stepped := n("真业绩", scheme.Score, 2000)
	stepped.StepCenti = 100
	ded := n("违规问题", scheme.Deduct, 1000)
	ded.Method = "每起扣5分"
	mixedBonus := n("创新做法", scheme.Bonus, 200)
	deep := n("三会一课", scheme.Score, 1000)
	roots := []*scheme.Node{
		n("责任落实", "", 0, n("主体责任", scheme.Score, 1500), g),
		n("模范机关", "", 0, n("支部建设", "", 0, deep, n("主题党日", scheme.Score, 500)), stepped, mixedBonus),
		n("党建和业务融合", scheme.Score, 2000),
		n("负面清单", "", 0, ded),
		n("特色创新", "", 0, n("党建品牌", scheme.Bonus, 500)),
	}
	return detailOf(scheme.Scheme{Name: "往返测试方案"}, roots)
}

// detailOf gives a tree the ids a stored one has, and returns it as the service would.
func detailOf(sc scheme.Scheme, roots []*scheme.Node) scheme.Detail {
	id := uint(0)
	scheme.Walk(roots, func(n, parent *scheme.Node) {
		id++
		n.ID, n.ParentID = id, nil
		if parent != nil {
			pid := parent.ID
			n.ParentID = &pid
		}
	})
	return scheme.Detail{Scheme: sc, Indicators: scheme.Flatten(roots)}
}

func TestSchemeExportImportIdentity(t *testing.T) {
	for _, d := range []scheme.Detail{sampleDetail(), detailOfSample(t)} {
		var buf bytes.Buffer
		if err := workbook.EncodeScheme(&buf, d); err != nil {
			t.Fatal(err)
		}
		f, err := workbook.OpenBytes(buf.Bytes(), "export.xlsx", "")
		if err != nil {
			t.Fatal(err)
		}
		sf := workbook.DecodeScheme(f, "export.xlsx")
		f.Close()
		if len(sf.Problems) > 0 {
			t.Fatalf("problems:\n%s", problemsText(sf.Problems))
		}
		if sf.Tree.Scheme.Name != d.Scheme.Name {
			t.Errorf("name = %q", sf.Tree.Scheme.Name)
		}
		want := treeText(d.Nodes())
		if got := treeText(sf.Tree.Roots); got != want {
			t.Errorf("re-imported tree:\n%s\nwant:\n%s", got, want)
		}
		// A second round trip changes nothing, the texts included.
		var buf2 bytes.Buffer
		if err := workbook.EncodeScheme(&buf2, detailOf(d.Scheme, sf.Tree.Roots)); err != nil {
			t.Fatal(err)
		}
		f2, _ := workbook.OpenBytes(buf2.Bytes(), "again.xlsx", "")
		sf2 := workbook.DecodeScheme(f2, "again.xlsx")
		f2.Close()
		a, b := scheme.Flatten(sf.Tree.Roots), scheme.Flatten(sf2.Tree.Roots)
		for i := range a {
			if a[i].Method != b[i].Method || a[i].Points != b[i].Points {
				t.Errorf("second round trip changed %s: %q → %q", a[i].Code, a[i].Method, b[i].Method)
			}
		}
	}
}

func detailOfSample(t *testing.T) scheme.Detail {
	sf := workbook.ReadSchemeFile("testdata/评分细则.xlsx")
	if len(sf.Problems) > 0 {
		t.Fatal(problemsText(sf.Problems))
	}
	scheme.Normalize(sf.Tree.Roots)
	return detailOf(sf.Tree.Scheme, sf.Tree.Roots)
}

func TestSchemeExportLayout(t *testing.T) {
	path := filepath.Join(t.TempDir(), "细则.xlsx")
	if err := workbook.WriteSchemeFile(path, detailOfSample(t)); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sh := "评分细则"
	cells := map[string]string{
		"A1": "2024年度“常委看党建”观摩评分细则", "A2": "一级指标", "E2": "评分方式",
		"A3": "机关党建责任清单落实（30分）", "A12": "特色创新（加分项，最高5分）", "A13": "负面清单（扣分项，最多扣10分）",
		"A14": "合计", "D14": "100", "E14": "不含加分、扣分；加分项最高加5分，扣分项最多扣10分",
	}
	for cell, want := range cells {
		if got, _ := f.GetCellValue(sh, cell); got != want {
			t.Errorf("%s = %q, want %q", cell, got, want)
		}
	}
	merges, _ := f.GetMergeCells(sh)
	var ms []string
	for _, m := range merges {
		ms = append(ms, m.GetStartAxis()+":"+m.GetEndAxis())
	}
	for _, want := range []string{"A1:E1", "A3:A5", "A6:A8", "A9:A11", "A14:C14"} {
		if !strings.Contains(strings.Join(ms, " "), want) {
			t.Errorf("merges %v lack %s", ms, want)
		}
	}
	layout, _ := f.GetPageLayout(sh)
	if layout.Orientation == nil || *layout.Orientation != "landscape" || layout.Size == nil || *layout.Size != 9 {
		t.Errorf("page layout = %+v", layout)
	}
	style, _ := f.GetCellStyle(sh, "A2")
	st, _ := f.GetStyle(style)
	if st.Font == nil || st.Font.Family != "黑体" || !st.Font.Bold {
		t.Errorf("header font = %+v", st.Font)
	}
	style, _ = f.GetCellStyle(sh, "C3")
	st, _ = f.GetStyle(style)
	if st.Font == nil || st.Font.Family != "仿宋" || !st.Alignment.WrapText {
		t.Errorf("body style = %+v %+v", st.Font, st.Alignment)
	}
	names := f.GetDefinedName()
	found := false
	for _, n := range names {
		found = found || n.Name == "_xlnm.Print_Titles" && strings.Contains(n.RefersTo, "$2:$2")
	}
	if !found {
		t.Errorf("no repeated header row: %+v", names)
	}
	if m, _ := filepath.Glob(filepath.Join(filepath.Dir(path), ".*part")); len(m) > 0 {
		t.Errorf("temporary files left: %v", m)
	}
}
