package workbook

import (
	"fmt"
	"io"
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"
)

// The rater assignment workbook (评价关系表): who scores a round, in which group, and which
// units each rater may not score (回避). The office plans it in Excel as it always has and the
// round takes it back in: one row per rater, the groups and weights on a sheet of their own,
// and the observed units listed for reference.
const (
	AssignmentSheet      = "评价关系"
	AssignmentGroupSheet = "评价主体"
	AssignmentUnitSheet  = "观摩单位"
)

// AssignmentBook is a round's rater assignment as the workbook holds it. Cells name where each
// value was read, for problems; they are empty in a book to be written.
type AssignmentBook struct {
	Code   string
	Title  string
	Groups []AssignmentGroup
	Raters []AssignmentRater
	Units  []AssignmentUnit // written for reference, not read
}

// AssignmentGroup is a rater group with its weight in basis points.
type AssignmentGroup struct {
	Name       string
	WeightBP   int
	NameCell   string
	WeightCell string
}

// AssignmentRater is one rater: their group, who they are, and the units they may not score.
// RecusedSet tells a written 回避单位 cell (even 无) from a blank one.
type AssignmentRater struct {
	Group       string
	Name        string
	Unit        string
	Title       string
	Recused     []string
	RecusedSet  bool
	GroupCell   string
	NameCell    string
	UnitCell    string
	RecusedCell string
}

// AssignmentUnit is an observed unit, listed on the reference sheet.
type AssignmentUnit struct {
	Name string
	Area string
}

// NoRecusal is what a 回避单位 cell says for a rater who need not stand aside anywhere.
const NoRecusal = "无"

// assignmentNote explains the sheet to the person filling it in.
const assignmentNote = "填表说明：每行一位评分人；评价主体须与“评价主体”表一致；同名人员请写明所在单位；" +
	"回避单位写该评分人不评分的单位，多个用“、”分隔，写“无”表示无需回避，留空则回避本人所在单位。"

// WriteAssignment writes the assignment workbook of a round.
func WriteAssignment(w io.Writer, b AssignmentBook, now time.Time) error {
	f := newBook()
	defer closeQuietly(f)
	st, err := newRosterStyles(f)
	if err != nil {
		return err
	}
	if err := f.SetSheetName("Sheet1", AssignmentSheet); err != nil {
		return err
	}
	date := "导出日期：" + now.Format("2006年1月2日")
	t, err := newRosterTable(f, st, AssignmentSheet, b.Code+" "+b.Title+" 评价关系表", date,
		[]string{"序号", "评价主体", "姓名", "所在单位", "职务", "回避单位"}, 0)
	if err != nil {
		return err
	}
	for i, r := range b.Raters {
		rec := strings.Join(r.Recused, "、")
		if rec == "" {
			rec = NoRecusal
		}
		if err := t.put([]any{i + 1, r.Group, r.Name, r.Unit, r.Title, rec}); err != nil {
			return err
		}
	}
	if err := t.finish(true); err != nil {
		return err
	}
	// The note goes under the table, after the widths are set, so it does not widen column A.
	note := CellName(t.row, 0)
	if err := f.SetCellStr(AssignmentSheet, note, assignmentNote); err != nil {
		return err
	}
	if err := f.MergeCell(AssignmentSheet, note, CellName(t.row, 5)); err != nil {
		return err
	}
	wrap, err := f.NewStyle(&excelize.Style{Font: &excelize.Font{Family: bodyFont, Size: 11},
		Alignment: &excelize.Alignment{WrapText: true, Vertical: "top"}})
	if err != nil {
		return err
	}
	if err := f.SetCellStyle(AssignmentSheet, note, note, wrap); err != nil {
		return err
	}
	if err := f.SetRowHeight(AssignmentSheet, t.row+1, 40); err != nil {
		return err
	}
	if _, err := f.NewSheet(AssignmentGroupSheet); err != nil {
		return err
	}
	g, err := newRosterTable(f, st, AssignmentGroupSheet, b.Code+" 评价主体及权重", date, []string{"序号", "评价主体", "权重（%）"}, 0, 2)
	if err != nil {
		return err
	}
	for i, gr := range b.Groups {
		if err := g.put([]any{i + 1, gr.Name, percentText(gr.WeightBP)}); err != nil {
			return err
		}
	}
	if err := g.finish(false); err != nil {
		return err
	}
	if _, err := f.NewSheet(AssignmentUnitSheet); err != nil {
		return err
	}
	u, err := newRosterTable(f, st, AssignmentUnitSheet, b.Code+" 观摩单位（供参考，导入时不读取）", date, []string{"序号", "单位", "联系片"}, 0)
	if err != nil {
		return err
	}
	for i, x := range b.Units {
		if err := u.put([]any{i + 1, x.Name, x.Area}); err != nil {
			return err
		}
	}
	if err := u.finish(false); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	return f.Write(w)
}

// percentText writes basis points as a percentage: 4000 → 40, 3333 → "33.33".
func percentText(bp int) any {
	if bp%100 == 0 {
		return bp / 100
	}
	return strings.TrimRight(fmt.Sprintf("%d.%02d", bp/100, bp%100), "0")
}

var assignmentAliases = map[string][]string{
	"no":      {"序号", "编号"},
	"group":   {"评价主体", "评价组", "评分组", "组别"},
	"name":    {"姓名", "评分人", "评分人姓名"},
	"unit":    {"所在单位", "工作单位", "单位"},
	"title":   {"职务", "职务职称"},
	"recused": {"回避单位", "回避"},
}

var groupAliases = map[string][]string{
	"no":     {"序号"},
	"group":  {"评价主体", "评价组", "名称"},
	"weight": {"权重（%）", "权重(%)", "权重", "权重%", "占比"},
}

var recusalSplit = regexp.MustCompile(`[、，,;；/\s]+`)

// ReadAssignment reads an assignment workbook, by its headers wherever they stand. Problems
// name the sheet and cell; the groups sheet may be missing (the round's groups then stay).
func ReadAssignment(f *excelize.File) (AssignmentBook, []Problem) {
	var b AssignmentBook
	var problems []Problem
	add := func(sheet, cell, format string, args ...any) {
		problems = append(problems, Problem{Sheet: sheet, Cell: cell, Message: fmt.Sprintf(format, args...)})
	}
	sheetOf := func(name string, aliases map[string][]string, min int) (string, *Grid, Header, bool) {
		for _, s := range f.GetSheetList() {
			g, err := ReadGrid(f, s)
			if err != nil {
				continue
			}
			if h, ok := FindHeader(g, aliases, min); ok && (s == name || h.Cols[firstKey(aliases)] >= 0) {
				return s, g, h, true
			}
		}
		return "", nil, Header{}, false
	}
	sheet, g, h, ok := sheetOf(AssignmentSheet, assignmentAliases, 2)
	if !ok || h.Cols["group"] < 0 || h.Cols["name"] < 0 {
		if hint := KindHint(f, KindAssignment); hint != "" {
			add(AssignmentSheet, "", "%s", hint)
			return b, problems
		}
		add(AssignmentSheet, "", "找不到评价关系表：需要一张有“评价主体”“姓名”两列的工作表")
		return b, problems
	}
	seen := map[string]string{}
	for r := h.Row + 1; r < g.Rows(); r++ {
		if g.RowEmpty(r) {
			continue
		}
		text := func(field string) string {
			if c := h.Cols[field]; c >= 0 {
				return g.Text(r, c)
			}
			return ""
		}
		cell := func(field string) string {
			if c := h.Cols[field]; c >= 0 {
				return CellName(r, c)
			}
			return ""
		}
		x := AssignmentRater{Group: text("group"), Name: text("name"), Unit: text("unit"), Title: text("title"),
			GroupCell: cell("group"), NameCell: cell("name"), UnitCell: cell("unit"), RecusedCell: cell("recused")}
		if x.Group == "" && x.Name == "" {
			// The note under the table, a totals row: not a rater.
			continue
		}
		if strings.HasPrefix(x.Group, "填表说明") || IsTotalText(x.Group) {
			continue
		}
		if x.Group == "" {
			add(sheet, x.GroupCell, "%s没有填写评价主体", x.Name)
			continue
		}
		if x.Name == "" {
			add(sheet, x.NameCell, "姓名为空")
			continue
		}
		if rec := text("recused"); rec != "" {
			x.RecusedSet = true
			if rec != NoRecusal {
				for _, part := range recusalSplit.Split(rec, -1) {
					if part != "" {
						x.Recused = append(x.Recused, part)
					}
				}
			}
		}
		key := x.Name + "\x00" + x.Unit
		if first, dup := seen[key]; dup {
			add(sheet, x.NameCell, "%s重复出现（第一次在 %s）：一位评分人在一轮中只属于一个评价主体", x.Name, first)
			continue
		}
		seen[key] = x.NameCell
		b.Raters = append(b.Raters, x)
	}
	gs, gg, gh, ok := sheetOf(AssignmentGroupSheet, groupAliases, 2)
	if !ok || gs == sheet {
		return b, problems
	}
	for r := gh.Row + 1; r < gg.Rows(); r++ {
		if gg.RowEmpty(r) {
			continue
		}
		name := gg.Text(r, gh.Cols["group"])
		if name == "" || IsTotalText(name) {
			continue
		}
		grp := AssignmentGroup{Name: name, NameCell: CellName(r, gh.Cols["group"])}
		if c := gh.Cols["weight"]; c >= 0 {
			grp.WeightCell = CellName(r, c)
			bp, err := parseWeight(gg.Cell(r, c))
			if err != nil {
				add(gs, grp.WeightCell, "%s的权重“%s”不是百分数（如 40 或 40%%）", name, gg.Text(r, c))
				continue
			}
			grp.WeightBP = bp
		}
		b.Groups = append(b.Groups, grp)
	}
	return b, problems
}

func firstKey(aliases map[string][]string) string {
	if _, ok := aliases["name"]; ok {
		return "name"
	}
	return "weight"
}

// parseWeight reads 40, 40%, ４０％ or 0.4 (a cell formatted as a percentage) as basis points.
func parseWeight(s string) (int, error) {
	t := strings.TrimSpace(ToHalfWidth(CleanText(s)))
	pct := strings.HasSuffix(t, "%")
	t = strings.TrimSuffix(t, "%")
	v, err := strconv.ParseFloat(strings.TrimSpace(t), 64)
	if err != nil || v < 0 || math.IsInf(v, 0) || math.IsNaN(v) {
		return 0, fmt.Errorf("not a weight: %q", s)
	}
	if !pct && v <= 1 {
		v *= 100
	}
	return int(math.Round(v * 100)), nil
}
