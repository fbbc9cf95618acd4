package workbook

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/scheme"
)

// A 评分细则 as offices keep it: 一级指标 | 二级指标 | 评分要点 | 分值 | 评分方式, the level-1 cells
// merged over their rows, a title row above, a 合计 row and notes below. Deeper levels have
// their own columns (三级指标, 四级指标). The columns are known by their usual titles.
var schemeColumns = map[string][]string{
	"l1":     {"一级指标", "考核项目", "考核内容", "评价内容", "考核维度", "评价维度", "项目", "类别", "维度"},
	"l2":     {"二级指标", "考核指标", "评价指标", "具体指标", "考核要素", "指标", "指标名称"},
	"l3":     {"三级指标"},
	"l4":     {"四级指标"},
	"points": {"评分要点", "考核要点", "评分标准", "考核标准", "评价要点", "评价标准", "要点", "具体内容", "指标内容", "内容"},
	"max":    {"分值", "分数", "标准分", "满分", "分值(分)", "权重分", "权重"},
	"method": {"评分方式", "评分方法", "计分方法", "计分方式", "考核方式", "考核方法", "评价方式", "评价方法", "评分细则", "扣分标准"},
}

var levelFields = []string{"l1", "l2", "l3", "l4"}

// genericLevelTitles are level titles too general to tell a 评分细则 by: a budget's 项目 or a
// grade sheet's 类别 stand above a number column as well.
var genericLevelTitles = []string{"项目", "类别", "维度"}

// personTitles mark a table of people (a grade sheet, a sign-in sheet), never a scheme.
var personTitles = []string{"姓名", "学号", "考号", "签名", "签到"}

// findSchemeHeader finds the header of a 评分细则: it must name an indicator column by a title
// that means one (一级指标, 考核内容, 二级指标, 指标…, not merely 项目) and a 分值 column, and
// no column of people.
func findSchemeHeader(g *Grid) (Header, bool) {
	h, ok := FindHeader(g, schemeColumns, 2)
	if !ok || h.Cols["max"] < 0 {
		return h, false
	}
	named := false
	for _, field := range levelFields {
		if c := h.Cols[field]; c >= 0 && !matchesAny(HeaderKey(g.Cell(h.Row, c)), genericLevelTitles) {
			named = true
		}
	}
	if !named {
		return h, false
	}
	return h, !rowNamesAny(g, h.Row, personTitles)
}

// SchemeFile is a scheme read from a workbook: the tree, and every problem found, each at its
// cell. A file with problems is not imported; Warnings are shown and left to the user.
type SchemeFile struct {
	Sheet    string      `json:"sheet"`
	Tree     scheme.Tree `json:"-"`
	Problems []Problem   `json:"problems"`
	Warnings []string    `json:"warnings"`
}

// ReadSchemeFile reads the scheme in the workbook at path. A file that cannot be read at all
// (not an xlsx, damaged, too large) comes back as a single problem.
func ReadSchemeFile(path string) SchemeFile {
	f, err := OpenFile(path, "")
	if err != nil {
		return SchemeFile{Problems: []Problem{{Message: apperr.MessageOf(err)}}, Warnings: []string{}}
	}
	defer closeQuietly(f)
	sf := DecodeScheme(f, filepath.Base(path))
	for _, n := range SkippedSheets(f) {
		sf.Warnings = append(sf.Warnings, n.Message)
	}
	return sf
}

// labelNode is a node of the tree as the rows build it, with where it came from.
type labelNode struct {
	raw      string // the label as written, to tell a row of the same node from a new one
	row, col int
	dup      bool // a second node of the same name among its siblings, already reported
	children []*labelNode
	parent   *labelNode
	// The row that describes the node itself (its 评分要点, 分值, 评分方式), -1 if none.
	dataRow int
	points  string
	method  string
	maxRaw  string
	node    *scheme.Node
}

type schemeDecoder struct {
	g        *Grid
	h        Header
	levels   []int // the columns of the levels present, level 1 first
	out      SchemeFile
	bad      map[*scheme.Node]bool // nodes with a problem of their own already reported
	cellOf   map[*scheme.Node]*labelNode
	totalRow int
}

// DecodeScheme reads a scheme from the first sheet of f that has a scheme header. The scheme's
// name is the title above the header (the file name when there is none).
func DecodeScheme(f *excelize.File, fileName string) SchemeFile {
	d := &schemeDecoder{bad: map[*scheme.Node]bool{}, cellOf: map[*scheme.Node]*labelNode{}, totalRow: -1}
	d.out.Problems, d.out.Warnings = []Problem{}, []string{}
	first := ""
	if l := f.GetSheetList(); len(l) > 0 {
		first = l[0]
	}
	if kind := ExportedKind(f); kind != "" {
		d.problem(first, -1, -1, "%s", WrongKindMessage(kind))
		return d.out
	}
	var found []string
	var other []*Grid // visible sheets with data that are not a scheme
	for _, sheet := range f.GetSheetList() {
		if v, _ := f.GetSheetVisible(sheet); !v {
			continue
		}
		g, err := ReadGrid(f, sheet)
		if err != nil {
			// A sheet that cannot be read at all is the file's problem, not a missing header.
			d.problem(sheet, -1, -1, "%s", apperr.MessageOf(err))
			return d.out
		}
		h, ok := findSchemeHeader(g)
		if !ok {
			if g.HasData() {
				other = append(other, g)
			}
			continue
		}
		found = append(found, sheet)
		if d.g == nil {
			d.g, d.h = g, h
		}
	}
	if d.g == nil {
		if sheet, kind := otherKind(KindScheme, other); kind != "" {
			d.problem(sheet, -1, -1, "%s", WrongKindMessage(kind))
			return d.out
		}
		d.problem(first, -1, -1, "没有找到评分细则的表头：需要“一级指标、二级指标、评分要点、分值、评分方式”这样的列标题")
		return d.out
	}
	for _, g := range other {
		d.out.Warnings = append(d.out.Warnings, fmt.Sprintf("工作表「%s」没有识别为评分细则，未导入", g.Sheet))
	}
	if len(found) > 1 {
		d.out.Warnings = append(d.out.Warnings, fmt.Sprintf("工作簿中有 %d 个工作表像评分细则，只读取了第一个“%s”", len(found), found[0]))
	}
	d.out.Sheet = d.g.Sheet
	for _, field := range levelFields {
		if c := d.h.Cols[field]; c >= 0 {
			d.levels = append(d.levels, c)
		}
	}
	name := d.title()
	if name == "" {
		name = strings.TrimSuffix(fileName, filepath.Ext(fileName))
	}
	roots := d.readRows()
	d.out.Tree = scheme.Tree{Scheme: scheme.Scheme{Name: name, BaseTotalCenti: scheme.DefaultBaseTotalCenti}, Roots: d.build(roots)}
	d.check()
	return d.out
}

func (d *schemeDecoder) problem(sheet string, row, col int, format string, args ...any) {
	cell := ""
	if row >= 0 && col >= 0 {
		cell = CellName(row, col)
	}
	d.out.Problems = append(d.out.Problems, Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
}

func (d *schemeDecoder) problemAt(row, col int, format string, args ...any) {
	d.problem(d.g.Sheet, row, col, format, args...)
}

// title is the first text above the header: the scheme's name.
func (d *schemeDecoder) title() string {
	for r := 0; r < d.h.Row; r++ {
		for c := 0; c < d.g.Cols(); c++ {
			if t := d.g.Text(r, c); t != "" {
				return t
			}
		}
	}
	return ""
}

var totalLabels = map[string]bool{"合计": true, "总计": true, "总分": true, "合计分值": true, "满分": true, "总分值": true}

// readRows turns the data rows into a tree of labels. Each row describes the node named in
// its deepest level cell; a blank level cell above it means "the same as the row above", as a
// merged cell does.
func (d *schemeDecoder) readRows() []*labelNode {
	var roots []*labelNode
	var chain []*labelNode // the previous row's path
	seen := map[*labelNode]map[string]*labelNode{nil: {}}
	for r := d.h.Row + 1; r < d.g.Rows(); r++ {
		if d.g.RowEmpty(r) || d.notesRow(r) {
			continue
		}
		if first := d.firstText(r); totalLabels[HeaderKey(first)] || IsTotalText(first) {
			// A 小计 under a dimension is the offices' own arithmetic: the tree sums itself.
			if strings.HasPrefix(HeaderKey(first), "小计") {
				continue
			}
			d.totalRow = r
			break
		}
		texts := make([]string, len(d.levels))
		deepest := -1
		for i, c := range d.levels {
			texts[i] = d.g.Text(r, c)
			if texts[i] != "" {
				deepest = i
			}
		}
		if deepest < 0 {
			d.problemAt(r, d.levels[len(d.levels)-1], "这一行有评分内容，但没有指标名称")
			continue
		}
		var path []*labelNode
		var parent *labelNode
		fresh := false
		for i := 0; i <= deepest; i++ {
			t := texts[i]
			if t == "" {
				if fresh || i >= len(chain) {
					d.problemAt(r, d.levels[i], "第 %d 级指标为空，上面也没有可沿用的名称", i+1)
					path = nil
					break
				}
				t = chain[i].raw
			}
			if !fresh && i < len(chain) && chain[i].raw == t {
				parent = chain[i]
				path = append(path, parent)
				continue
			}
			fresh = true
			name, _, _, _ := splitLabel(t)
			if prev := seen[parent][name]; prev != nil {
				d.problemAt(r, d.levels[i], "“%s”在第 %d 行已经出现过；同一指标的各行须连在一起", name, prev.row+1)
			}
			n := &labelNode{raw: t, row: r, col: d.levels[i], parent: parent, dataRow: -1, dup: seen[parent][name] != nil}
			if parent == nil {
				roots = append(roots, n)
			} else {
				parent.children = append(parent.children, n)
			}
			if seen[parent] == nil {
				seen[parent] = map[string]*labelNode{}
			}
			seen[parent][name] = n
			parent = n
			path = append(path, n)
		}
		if path == nil {
			continue
		}
		leaf := path[len(path)-1]
		if leaf.dataRow >= 0 {
			name, _, _, _ := splitLabel(leaf.raw)
			d.problemAt(r, d.levels[deepest], "与第 %d 行是同一个指标“%s”；一个指标只占一行（多条评分要点请写在同一格内）", leaf.dataRow+1, name)
		} else {
			leaf.dataRow = r
			leaf.points = d.text(r, "points")
			leaf.method = d.text(r, "method")
			leaf.maxRaw = d.cell(r, "max")
		}
		chain = path
	}
	return roots
}

func (d *schemeDecoder) text(r int, field string) string {
	if c := d.h.Cols[field]; c >= 0 {
		return d.g.Text(r, c)
	}
	return ""
}

func (d *schemeDecoder) cell(r int, field string) string {
	if c := d.h.Cols[field]; c >= 0 {
		return d.g.Cell(r, c)
	}
	return ""
}

func (d *schemeDecoder) firstText(r int) string {
	for c := 0; c < d.g.Cols(); c++ {
		if t := d.g.Text(r, c); t != "" {
			return t
		}
	}
	return ""
}

// notesRow tells a row of notes (说明：…, 注：…) or a line merged across the table, which
// describe the table rather than an indicator.
func (d *schemeDecoder) notesRow(r int) bool {
	first := d.firstText(r)
	for _, p := range []string{"说明", "注：", "注:", "注1", "注 ", "备注", "附注", "填表说明", "评分说明"} {
		if strings.HasPrefix(first, p) {
			return true
		}
	}
	distinct := map[string]bool{}
	filled := 0
	for c := 0; c < d.g.Cols(); c++ {
		if t := d.g.Text(r, c); t != "" {
			distinct[t] = true
			filled++
		}
	}
	return filled >= 3 && len(distinct) == 1
}

// build makes the scheme's nodes from the labels: names without their “（30分）” suffixes,
// kinds, maxima and options recognised from the texts.
func (d *schemeDecoder) build(labels []*labelNode) []*scheme.Node {
	var out []*scheme.Node
	for _, l := range labels {
		name, declared, hasDeclared, _ := splitLabel(l.raw)
		n := &scheme.Node{Indicator: scheme.Indicator{Name: name, Points: l.points, Method: l.method}}
		l.node = n
		d.cellOf[n] = l
		d.bad[n] = l.dup
		if len(l.children) > 0 {
			n.Children = d.build(l.children)
		} else {
			d.leaf(l, n, declared, hasDeclared)
		}
		out = append(out, n)
	}
	return out
}

// leaf fills a scorable node: its kind, options, step and maximum.
func (d *schemeDecoder) leaf(l *labelNode, n *scheme.Node, declared int64, hasDeclared bool) {
	maxCol := d.h.Cols["max"]
	kind, opts, unlisted := RecognizeKind(l.method, markerOf(l))
	n.Kind, n.Options = kind, opts
	if unlisted {
		d.problemAt(l.dataRow, d.methodCol(), "评分方式写了“等次”，但没有写出各等次的分值（例如：好10分、较好8分、一般6分、差3分）")
		d.bad[n] = true
	}
	if step, ok := stepOf(l.method); ok {
		n.StepCenti = step
	}
	row := l.dataRow
	if row < 0 {
		row = l.row
	}
	v, present, err := ParseCenti(l.maxRaw)
	switch {
	case errors.Is(err, ErrTooPrecise):
		d.problemAt(row, maxCol, "分值“%s”最多两位小数", CleanText(l.maxRaw))
		d.bad[n] = true
	case err != nil:
		d.problemAt(row, maxCol, "分值“%s”不是数字", CleanText(l.maxRaw))
		d.bad[n] = true
	case !present && hasDeclared:
		n.MaxCenti = declared
	case !present && kind == scheme.Grade:
		n.MaxCenti = n.BestCenti()
	case !present:
		d.problemAt(row, maxCol, "“%s”没有填分值", n.Name)
		d.bad[n] = true
	case v <= 0:
		d.problemAt(row, maxCol, "“%s”的分值须大于 0", n.Name)
		d.bad[n] = true
	default:
		n.MaxCenti = v
		if hasDeclared && declared != v {
			d.problemAt(l.row, l.col, "“%s”标注 %s 分，但分值一栏是 %s 分", n.Name, scheme.FormatPoints(declared), scheme.FormatPoints(v))
		}
	}
}

func (d *schemeDecoder) methodCol() int {
	if c := d.h.Cols["method"]; c >= 0 {
		return c
	}
	return d.h.Cols["max"]
}

// markerOf is the kind a label or its nearest ancestor's label names: 特色创新（加分项） makes its
// indicators bonus ones, 负面清单（扣分项） deductions.
func markerOf(l *labelNode) scheme.Kind {
	for ; l != nil; l = l.parent {
		if _, _, _, m := splitLabel(l.raw); m != scheme.Group {
			return m
		}
	}
	return scheme.Group
}

// check runs the scheme's own rules, the totals written in labels and in the 合计 row, and
// turns what fails into problems at the cells concerned.
func (d *schemeDecoder) check() {
	tree := d.out.Tree
	scheme.Normalize(tree.Roots)
	total := scheme.Sum(tree.Roots)
	// A maximum already reported wrong makes every sum above it wrong too: say it once.
	unsure := func(n *scheme.Node) bool {
		bad := false
		scheme.Walk([]*scheme.Node{n}, func(c, _ *scheme.Node) { bad = bad || d.bad[c] })
		return bad
	}
	scheme.Walk(tree.Roots, func(n, _ *scheme.Node) {
		l := d.cellOf[n]
		if len(n.Children) == 0 || unsure(n) {
			return
		}
		if l.maxRaw != "" {
			v, _, err := ParseCenti(l.maxRaw)
			if err != nil {
				d.problemAt(l.dataRow, d.h.Cols["max"], "分值“%s”不是数字", CleanText(l.maxRaw))
			} else if sum := comparable(n.Subtotal, v); sum != v {
				d.problemAt(l.dataRow, d.h.Cols["max"], "“%s”的分值 %s 分与下级指标分值之和 %s 分不一致", n.Name, scheme.FormatPoints(v), scheme.FormatPoints(sum))
			}
		}
		if _, declared, ok, _ := splitLabel(l.raw); ok {
			if sum := comparable(n.Subtotal, declared); sum != declared {
				what := "“" + n.Name + "”"
				if l.parent == nil {
					what = "一级指标" + what
				}
				d.problemAt(l.row, l.col, "%s标注 %s 分，但下级指标分值之和是 %s 分", what, scheme.FormatPoints(declared), scheme.FormatPoints(sum))
			}
		}
	})
	anyBad := false
	for _, n := range tree.Roots {
		anyBad = anyBad || unsure(n)
	}
	if d.totalRow >= 0 && !anyBad {
		maxCol := d.h.Cols["max"]
		raw := d.g.Cell(d.totalRow, maxCol)
		v, present, err := ParseCenti(raw)
		switch {
		case err != nil:
			d.problemAt(d.totalRow, maxCol, "合计分值“%s”不是数字", CleanText(raw))
		case present && v != total.ScoreCenti && v != total.ScoreCenti+total.BonusCenti:
			d.problemAt(d.totalRow, maxCol, "合计 %s 分，但各指标分值之和是 %s 分", scheme.FormatPoints(v), scheme.FormatPoints(total.ScoreCenti))
		}
	}
	for _, is := range scheme.Check(tree.Scheme, tree.Roots) {
		if is.Warning {
			d.out.Warnings = append(d.out.Warnings, is.Message)
			continue
		}
		n := findCode(tree.Roots, is.Code)
		if n == nil {
			d.problemAt(d.h.Row+1, d.levels[0], "%s", is.Message)
			continue
		}
		if d.bad[n] {
			continue
		}
		l := d.cellOf[n]
		d.problemAt(l.row, l.col, "%s", is.Message)
	}
}

// comparable picks, of a group's sums, the one a label's points speak of: the score total, or
// for a group of only bonus (or only deduction) items, their cap.
func comparable(s scheme.Subtotal, declared int64) int64 {
	switch {
	case s.ScoreCenti > 0:
		return s.ScoreCenti
	case s.BonusCenti > 0 && (s.DeductCenti == 0 || s.BonusCenti == declared):
		return s.BonusCenti
	}
	return s.DeductCenti
}

func findCode(roots []*scheme.Node, code string) *scheme.Node {
	var found *scheme.Node
	if code == "" {
		return nil
	}
	scheme.Walk(roots, func(n, _ *scheme.Node) {
		if n.Code == code {
			found = n
		}
	})
	return found
}

// ---- Recognising what office texts say ----

var (
	labelSuffix = regexp.MustCompile(`\s*[（(]([^（）()]*)[）)]\s*$`)
	pointsIn    = regexp.MustCompile(`([0-9]+(?:\.[0-9]+)?)\s*分`)
	enumPrefix  = regexp.MustCompile(`^\s*(?:[一二三四五六七八九十]+\s*[、.．]|[（(][一二三四五六七八九十0-9]+[）)]|[0-9]+\s*[、．]|[0-9]+\.(?:\s|[^0-9]))\s*`)
	stepIn      = regexp.MustCompile(`计分单位[：:]?\s*([0-9]+(?:\.[0-9]+)?)\s*分`)
)

// splitLabel takes a dimension label such as “机关党建责任清单落实（30分）” or “特色创新（加分项，
// 最高5分）” apart: the name without the suffix and a leading 一、, the points it declares, and
// the kind it names (加分项 → bonus, 扣分项 or 负面清单 → deduct, otherwise Group).
func splitLabel(s string) (name string, points int64, hasPoints bool, marker scheme.Kind) {
	name = CleanText(s)
	if m := labelSuffix.FindStringSubmatchIndex(name); m != nil {
		inner := ToHalfWidth(name[m[2]:m[3]])
		pts := pointsIn.FindAllStringSubmatch(inner, -1)
		k := markerIn(inner)
		if len(pts) > 0 || k != scheme.Group {
			name = strings.TrimSpace(name[:m[0]])
			marker = k
			if len(pts) > 0 {
				if v, ok, err := ParseCenti(pts[len(pts)-1][1]); err == nil && ok {
					points, hasPoints = v, true
				}
			}
		}
	}
	if m := enumPrefix.FindStringIndex(name); m != nil && m[1] < len(name) {
		name = strings.TrimSpace(name[m[1]:])
	}
	if marker == scheme.Group {
		marker = markerIn(name)
	}
	return name, points, hasPoints, marker
}

func markerIn(s string) scheme.Kind {
	switch {
	case strings.Contains(s, "加分项") || strings.Contains(s, "加分指标"):
		return scheme.Bonus
	case strings.Contains(s, "扣分项") || strings.Contains(s, "扣分指标") || strings.Contains(s, "负面清单"):
		return scheme.Deduct
	}
	return scheme.Group
}

// gradeLabels are the usual names of grades; a list of them with points is a grade even
// without the word 等次.
var gradeLabels = []string{"基本合格", "不合格", "较差", "优秀", "良好", "较好", "一般", "合格", "中等", "好", "中", "差", "优", "良",
	"A", "B", "C", "D", "E", "甲", "乙", "丙", "丁"}

func knownGrade(label string) bool {
	l := strings.TrimRight(label, "档级等类")
	for _, g := range gradeLabels {
		if l == g {
			return true
		}
	}
	return false
}

var (
	optionItem = regexp.MustCompile(`^\s*([^0-9\s：:]{1,10}?)\s*[（(]?\s*(?:得|计|为|记|给|赋)?\s*([0-9]+(?:\.[0-9]+)?)\s*分?\s*[）)]?\s*$`)
	gradeWord  = regexp.MustCompile(`等次|等级|档次|评定为|分档`)
	numbers    = regexp.MustCompile(`[0-9]+(?:\.[0-9]+)?`)
	clauseSep  = regexp.MustCompile(`[。；;\n]`)
	itemSep    = regexp.MustCompile(`[、，,/]`)
)

// RecognizeKind reads an indicator's kind from its 评分方式 and the marker of its labels:
//  1. the method names it: 扣分项 → deduct, 加分项 → bonus (whichever comes first);
//  2. the method lists grades with points — “等次评价：好10分、较好8分、一般6分、差3分”,
//     “A档10分、B档8分…”, or “好、较好、一般、差四个等次，分别计10、8、6、3分” — → grade, with
//     its options; the word 等次 (等级, 档次) is needed unless the labels are usual grade names;
//  3. the label of the indicator or of a group above it names a kind (加分项, 扣分项, 负面清单);
//  4. anything else is a score: “少1次扣2分，扣完为止” says how to score, it is not a 扣分项.
//
// unlisted reports a method that speaks of 等次 but lists no grades with points.
func RecognizeKind(method string, marker scheme.Kind) (kind scheme.Kind, opts []scheme.Option, unlisted bool) {
	m := ToHalfWidth(method)
	di, bi := strings.Index(m, "扣分项"), strings.Index(m, "加分项")
	switch {
	case di >= 0 && (bi < 0 || di < bi):
		return scheme.Deduct, nil, false
	case bi >= 0:
		return scheme.Bonus, nil, false
	}
	hasWord := gradeWord.MatchString(m)
	if opts := parseOptions(m, hasWord); len(opts) >= 2 {
		return scheme.Grade, opts, false
	}
	unlisted = strings.Contains(m, "等次")
	if marker != scheme.Group {
		return marker, nil, unlisted
	}
	return scheme.Score, nil, unlisted
}

// parseOptions finds the first clause of s that lists grades with their points.
func parseOptions(s string, hasWord bool) []scheme.Option {
	for _, clause := range clauseSep.Split(s, -1) {
		if i := strings.LastIndexAny(clause, "：:"); i >= 0 {
			clause = clause[i+1:]
		}
		if opts := optionList(clause, hasWord); len(opts) >= 2 {
			return opts
		}
		if opts := respectively(clause); len(opts) >= 2 {
			return opts
		}
	}
	return nil
}

// optionList reads “好10分、较好8分、一般6分、差3分”.
func optionList(clause string, hasWord bool) []scheme.Option {
	items := itemSep.Split(clause, -1)
	var opts []scheme.Option
	allKnown := true
	for _, it := range items {
		if strings.TrimSpace(it) == "" {
			continue
		}
		m := optionItem.FindStringSubmatch(it)
		if m == nil {
			break
		}
		label := strings.TrimSpace(m[1])
		if strings.ContainsAny(label, "加扣减每") {
			break
		}
		v, ok, err := ParseCenti(m[2])
		if err != nil || !ok {
			break
		}
		allKnown = allKnown && knownGrade(label)
		opts = append(opts, scheme.Option{Label: label, PointsCenti: v})
	}
	if len(opts) < 2 || !hasWord && !allKnown {
		return nil
	}
	return opts
}

// respectively reads “好、较好、一般、差四个等次，分别计10、8、6、3分”: the usual grade names before
// 分别, the numbers after it.
func respectively(clause string) []scheme.Option {
	i := strings.Index(clause, "分别")
	if i < 0 {
		return nil
	}
	var labels []string
	rest := clause[:i]
	for len(rest) > 0 {
		matched := ""
		for _, g := range gradeLabels {
			if strings.HasPrefix(rest, g) {
				matched = g
				break
			}
		}
		if matched != "" {
			labels = append(labels, matched)
			rest = rest[len(matched):]
			continue
		}
		_, size := utf8.DecodeRuneInString(rest)
		rest = rest[size:]
	}
	nums := numbers.FindAllString(clause[i:], -1)
	if len(labels) < 2 || len(labels) != len(nums) {
		return nil
	}
	opts := make([]scheme.Option, len(labels))
	for k := range labels {
		v, _, err := ParseCenti(nums[k])
		if err != nil {
			return nil
		}
		opts[k] = scheme.Option{Label: labels[k], PointsCenti: v}
	}
	return opts
}

// stepOf reads a step written as “计分单位：1分”.
func stepOf(method string) (int64, bool) {
	m := stepIn.FindStringSubmatch(ToHalfWidth(method))
	if m == nil {
		return 0, false
	}
	v, ok, err := ParseCenti(m[1])
	return v, ok && err == nil && v > 0
}
