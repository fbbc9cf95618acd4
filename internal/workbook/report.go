package workbook

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/apperr"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
)

// The summary report (汇总表) of a round, for submission upward (DOMAIN §5): the ranking, a
// sheet per liaison area, the charts, the indicator statistics and who scored what. It is
// written from a round's results as score.Results computes them; it is never read back.

// Sheet names of the summary report; area sheets are named after their areas (ReportAreaSheet).
const (
	ReportRankingSheet    = "汇总排名"
	ReportChartSheet      = "图表"
	ReportIndicatorSheet  = "指标分析"
	ReportCompletionSheet = "评分完成情况"
	// ReportNoAreaSheet holds the observed units that belong to no liaison area.
	ReportNoAreaSheet = "未分片单位"
	// ReportAreasSheet lists, grouped by area, the units of the areas with one observed unit
	// in the round (a round usually observes one a area): a sheet each would print nearly
	// empty pages. An area with several units has a sheet of its own.
	ReportAreasSheet = "分片情况"
)

// Marks of the 评分完成情况 sheet. √ rather than ✓: it is in GB2312, so every Chinese font
// (仿宋 included) has it and it prints the same everywhere.
const (
	ReportMarkComplete = "√"
	ReportMarkBarred   = "回避"
)

// ReportMarkMissing is the mark of a sheet with n required indicators blank.
func ReportMarkMissing(n int) string { return fmt.Sprintf("缺%d项", n) }

// ReportCompletionTransposeAt is the number of observed units from which the 评分完成情况
// sheet lists units down and raters across, so that it stays readable on a landscape page.
const ReportCompletionTransposeAt = 21

// ReportTopLost is how many indicators the list of those losing most points shows.
const ReportTopLost = 5

// ReportBook is everything a summary report shows.
type ReportBook struct {
	Results *score.Results
	// Raters are the round's raters in group order with their completeness per unit.
	Raters []ReportRater
	// The round's scoring settings, explained in the notes under the ranking.
	Grades          []scoring.GradeBand
	TrimMinRaters   int
	ExcellentCapPct int
	// FilledBy is the submitting office (填报单位); "" leaves a line to write on and stamp.
	FilledBy string
	// Date is the 填报日期.
	Date time.Time
}

// ReportRater is one rater with their completeness for every observed unit, in round order.
type ReportRater struct {
	score.RaterProgress
	Units []score.UnitProgress
}

// ReportTitle is the title of the report: the round's title followed by 评分汇总表.
func ReportTitle(r *score.Results) string {
	t := r.Title
	if t == "" {
		t = r.Code
	}
	return t + "评分汇总表"
}

// ReportDate writes a date as documents do: 2024年12月20日.
func ReportDate(t time.Time) string { return t.Format("2006年1月2日") }

// ReportAreaSheet names the sheet of an area: its name made valid as a sheet name, "" meaning
// the units of no area.
func ReportAreaSheet(area string) string {
	if strings.TrimSpace(area) == "" {
		return ReportNoAreaSheet
	}
	name := strings.Map(func(r rune) rune {
		if strings.ContainsRune(`[]:*?/\`, r) {
			return '_'
		}
		return r
	}, strings.TrimSpace(area))
	name = strings.Trim(name, "'")
	if rs := []rune(name); len(rs) > 31 {
		name = string(rs[:31])
	}
	return name
}

// WriteReportFile writes the report to path through a temporary file in the same folder that
// is renamed at the end, so that path is never left half-written.
func WriteReportFile(path string, b ReportBook) error {
	return SaveFile(path, func(w io.Writer) error { return EncodeReport(w, b) })
}

// EncodeReport writes the summary report: 汇总排名, 图表, 指标分析, 评分完成情况 and one sheet per
// liaison area, each titled, with the 填报单位 and 填报日期 line, bordered, in 仿宋 with 黑体
// headers, set up for A4 landscape with its title and header rows on every page.
func EncodeReport(w io.Writer, b ReportBook) error {
	if b.Results == nil {
		return apperr.Invalidf("没有可导出的评分结果")
	}
	f := newBook()
	defer closeQuietly(f)
	rw := &reportWriter{f: f, lk: newLooks(f), b: &b, title: ReportTitle(b.Results)}
	if err := rw.write(); err != nil {
		return fmt.Errorf("写汇总表：%w", err)
	}
	if err := f.Write(w); err != nil {
		return apperr.Invalidf("写汇总表失败：%v", err)
	}
	return nil
}

// reportWriter writes one report.
type reportWriter struct {
	f     *excelize.File
	lk    *looks
	b     *ReportBook
	title string
}

func (rw *reportWriter) write() error {
	res := rw.b.Results
	if err := rw.f.SetSheetName("Sheet1", ReportRankingSheet); err != nil {
		return err
	}
	for _, name := range []string{ReportChartSheet, ReportIndicatorSheet, ReportCompletionSheet} {
		if _, err := rw.f.NewSheet(name); err != nil {
			return err
		}
	}
	steps := []func() error{rw.ranking, rw.charts, rw.indicators, rw.completion, rw.areas}
	for _, step := range steps {
		if err := step(); err != nil {
			return err
		}
	}
	rw.f.SetActiveSheet(0)
	return rw.f.SetDocProps(&excelize.DocProperties{Title: rw.title, Subject: res.Code, Creator: "联看评",
		Created: rw.b.Date.UTC().Format(time.RFC3339)})
}

// reportGradeFills shade the grade cells, best grade first; a grade beyond them is not shaded.
var reportGradeFills = []string{"E2EFDA", "DDEBF7", "FFF2CC", "FCE4D6"}

func (rw *reportWriter) gradeFill(grade string) string {
	for i, g := range rw.b.Grades {
		if g.Label == grade && i < len(reportGradeFills) {
			return reportGradeFills[i]
		}
	}
	return ""
}

// rankingTable is the ranking of units as the 汇总排名 and area sheets show it; areaRank, when
// not nil, adds the rank within the area in front.
func (rw *reportWriter) rankingTable(units []score.UnitResult, areaRank []int, withArea bool) *reportTable {
	res := rw.b.Results
	t := &reportTable{}
	if areaRank != nil {
		t.col("片内名次", 10, 10).col("全区名次", 10, 10)
	} else {
		t.col("名次", 6, 7)
	}
	t.col("单位", 16, 28)
	if withArea {
		t.col("联系片", 16, 31)
	}
	for _, g := range res.Groups {
		t.col(fmt.Sprintf("%s\n（%s）", g.Name, formatWeight(g.WeightBP)), 11, 14)
	}
	t.col("加减分", 8, 9).col("最终得分", 10, 11).col("等次", 7, 8).col("完成情况", 12, 20)
	for i, u := range units {
		var row []reportCell
		if areaRank != nil {
			row = append(row, rankCell(areaRank[i], u.Scored))
		}
		row = append(row, rankCell(u.Rank, u.Scored), textCell(u.Name))
		if withArea {
			row = append(row, textCell(u.AreaName))
		}
		for _, g := range res.Groups {
			row = append(row, groupCell(u, g.Name))
		}
		final := dashCell()
		if u.Scored {
			final = pointsCell(u.FinalCenti)
			final.bold = true
		}
		grade := centreCell(ReportGradeText(u))
		grade.fill = rw.gradeFill(u.Grade)
		if u.Grade == "" {
			grade = dashCell()
		}
		row = append(row, pointsCell(u.AdjustCenti), final, grade, centreCell(CompletionText(u)))
		t.rows = append(t.rows, row)
	}
	return t
}

// The marks of the grade column: a unit held below 优秀 by the cap, and a grade that may still
// change because the round is scoring.
const (
	ReportMarkCapped      = "（限额）"
	ReportMarkProvisional = "（暂列）"
)

// ReportGradeText is what the 等次 column says of a unit: its grade, marked when the cap on
// 优秀 gave it the next grade and while the round is still scoring.
func ReportGradeText(u score.UnitResult) string {
	if u.Grade == "" {
		return ""
	}
	g := u.Grade
	if u.Capped {
		g += ReportMarkCapped
	}
	if u.Provisional {
		g += ReportMarkProvisional
	}
	return g
}

// CompletionText is what the 完成情况 column says of a unit: complete sheets of those expected,
// 缺评 when some are incomplete, and a note when the weights were renormalised over the groups
// that scored it.
func CompletionText(u score.UnitResult) string {
	s := fmt.Sprintf("%d/%d", u.CompleteN, u.Expected)
	switch {
	case !u.Scored:
		s += " 未评分"
	case !u.Complete:
		s += " 缺评"
	}
	if u.Scored && u.Renormalised {
		var missing []string
		for _, g := range u.Groups {
			if !g.Present {
				missing = append(missing, g.Name)
			}
		}
		s += "\n缺" + strings.Join(missing, "、") + "，权重折算"
	}
	return s
}

func groupCell(u score.UnitResult, name string) reportCell {
	for _, g := range u.Groups {
		if g.Name == name && g.Present {
			return pointsCell(g.ScoreCenti)
		}
	}
	return dashCell()
}

func rankCell(rank int, scored bool) reportCell {
	if !scored || rank <= 0 {
		return dashCell()
	}
	return reportCell{v: rank, align: "center"}
}

// formatWeight writes basis points as a percentage: 4000 is 40%, 3333 is 33.33%.
func formatWeight(bp int) string {
	s := fmt.Sprintf("%d", bp/100)
	if bp%100 != 0 {
		s = strings.TrimRight(strings.TrimRight(fmt.Sprintf("%d.%02d", bp/100, bp%100), "0"), ".")
	}
	return s + "%"
}

func (rw *reportWriter) ranking() error {
	res := rw.b.Results
	t := rw.rankingTable(res.Units, nil, true)
	s, err := rw.sheet(ReportRankingSheet, rw.title, 3, t)
	if err != nil {
		return err
	}
	t.tail = s.notesHeight(rw.rankingNotes())
	if err := s.table(t); err != nil {
		return err
	}
	if len(res.Units) == 0 {
		if err := s.note("本轮没有观摩单位。"); err != nil {
			return err
		}
	}
	if err := s.note(rw.rankingNotes()); err != nil {
		return err
	}
	return s.finish(printSetup{landscape: true, titleRows: 3})
}

// rankingNotes explain how the figures came about, with the round's own settings.
func (rw *reportWriter) rankingNotes() string {
	b := rw.b
	var weights []string
	for _, g := range b.Results.Groups {
		weights = append(weights, g.Name+formatWeight(g.WeightBP))
	}
	notes := []string{
		"最终得分 = Σ（评价主体得分 × 权重）+ 加减分，权重：" + strings.Join(weights, "、") + "。评价主体得分为其评分人完整评分的平均分",
	}
	if b.TrimMinRaters > 0 {
		notes[0] += fmt.Sprintf("，完整评分达到%d份时去掉一个最高分和一个最低分", b.TrimMinRaters)
	}
	notes[0] += "。"
	notes = append(notes, "完成情况为完整评分表数/应评评分表数；“缺评”表示有评分表未填写完整，不计入平均分；“权重折算”表示有评价主体未评分，最终得分按已评分主体的权重折算。")
	if len(b.Grades) > 0 {
		var bands []string
		for i, g := range b.Grades {
			if i == len(b.Grades)-1 && i > 0 {
				bands = append(bands, fmt.Sprintf("%s低于%s分", g.Label, FormatCenti(b.Grades[i-1].Min)))
			} else {
				bands = append(bands, fmt.Sprintf("%s不低于%s分", g.Label, FormatCenti(g.Min)))
			}
		}
		n := "等次：" + strings.Join(bands, "，")
		if b.ExcellentCapPct > 0 && len(b.Grades) > 1 {
			n += fmt.Sprintf("；%s比例不超过%d%%：名额为已评分单位数×%d%%向下取整，得分并列者同进同退，“%s”表示达到%s分数线但因名额所限评为%s",
				b.Grades[0].Label, b.ExcellentCapPct, b.ExcellentCapPct, ReportMarkCapped, b.Grades[0].Label, b.Grades[1].Label)
		}
		notes = append(notes, n+"。")
	}
	notes = append(notes, "各项得分四舍五入保留两位小数，按最终得分排名，得分相同名次并列。")
	if b.Results != nil && b.Results.Provisional {
		notes = append(notes, "本轮仍在评分中，名次和等次为暂列（"+ReportMarkProvisional+"），结束轮次后方为最终结果。")
	}
	var out strings.Builder
	out.WriteString("注：")
	for i, n := range notes {
		if i > 0 {
			out.WriteString("\n")
		}
		fmt.Fprintf(&out, "%d. %s", i+1, n)
	}
	return out.String()
}

// areas writes one sheet per liaison area, in the areas' order, with the rank within the area
// beside the overall rank.
func (rw *reportWriter) areas() error {
	type area struct {
		name   string
		number int
		units  []score.UnitResult
	}
	var order []*area
	byName := map[string]*area{}
	for _, u := range rw.b.Results.Units {
		a := byName[u.AreaName]
		if a == nil {
			a = &area{name: u.AreaName, number: u.AreaNumber}
			byName[u.AreaName] = a
			order = append(order, a)
		}
		a.units = append(a.units, u)
	}
	// Areas by number; units of no area last.
	slices.SortStableFunc(order, func(x, y *area) int {
		if (x.name == "") != (y.name == "") {
			if x.name == "" {
				return 1
			}
			return -1
		}
		return x.number - y.number
	})
	taken := map[string]bool{}
	for _, name := range rw.f.GetSheetList() {
		taken[name] = true
	}
	var single, several []*area
	for _, a := range order {
		if len(a.units) > 1 {
			several = append(several, a)
		} else {
			single = append(single, a)
		}
	}
	if len(single) > 0 {
		var units []score.UnitResult
		for _, a := range single {
			units = append(units, a.units...)
		}
		if err := rw.areasSheet(units, len(several) > 0); err != nil {
			return err
		}
		taken[ReportAreasSheet] = true
	}
	for _, a := range several {
		base := ReportAreaSheet(a.name)
		name := base
		for i := 2; taken[name]; i++ {
			suffix := fmt.Sprintf("(%d)", i)
			rs := []rune(base)
			name = string(rs[:min(len(rs), 31-len(suffix))]) + suffix
		}
		taken[name] = true
		if _, err := rw.f.NewSheet(name); err != nil {
			return err
		}
		ranked := make([]scoring.Ranked, len(a.units))
		for i, u := range a.units {
			ranked[i] = scoring.Ranked{Final: u.FinalCenti, Scored: u.Scored}
		}
		t := rw.rankingTable(a.units, scoring.Rank(ranked), false)
		label := a.name
		if label == "" {
			label = ReportNoAreaSheet
		}
		s, err := rw.sheet(name, rw.title+"\n"+label, 3, t)
		if err != nil {
			return err
		}
		if err := s.tableWithNotes(t, fmt.Sprintf("注：本片观摩单位%d个。片内名次为本片单位按最终得分的排名，全区名次为在本轮全部%d个观摩单位中的排名；计分方法和等次标准见“%s”表。",
			len(a.units), len(rw.b.Results.Units), ReportRankingSheet)); err != nil {
			return err
		}
	}
	return nil
}

// areasSheet writes the units of the areas with one unit each, in the areas' order, on one
// sheet; others tells that areas with several units have sheets of their own.
func (rw *reportWriter) areasSheet(units []score.UnitResult, others bool) error {
	if _, err := rw.f.NewSheet(ReportAreasSheet); err != nil {
		return err
	}
	t := rw.rankingTable(units, nil, true)
	// The area first: the sheet is read by area.
	for i := range t.rows {
		r := t.rows[i]
		if units[i].AreaName == "" {
			r[2] = textCell(ReportNoAreaSheet)
		}
		t.rows[i] = append([]reportCell{r[2], r[0], r[1]}, r[3:]...)
	}
	t.cols = append([]reportColumn{t.cols[2], {"全区名次", 10, 10}, t.cols[1]}, t.cols[3:]...)
	s, err := rw.sheet(ReportAreasSheet, rw.title+"\n各联系片观摩单位", 3, t)
	if err != nil {
		return err
	}
	note := fmt.Sprintf("注：本表按联系片排列本轮观摩的%d个联系片各1个观摩单位；全区名次为在本轮全部%d个观摩单位中的排名；计分方法和等次标准见“%s”表。",
		len(units), len(rw.b.Results.Units), ReportRankingSheet)
	if others {
		note += "有多个观摩单位的联系片另见各片工作表。"
	}
	return s.tableWithNotes(t, note)
}

// kindLabel names an indicator's kind as the 指标分析 sheet shows it.
func kindLabel(kind string) string {
	switch kind {
	case string(scoring.KindScore):
		return "计分"
	case string(scoring.KindGrade):
		return "等次"
	case string(scoring.KindBonus):
		return "加分项"
	case string(scoring.KindDeduct):
		return "扣分项"
	}
	return kind
}

// indicatorCeiling is what an indicator is worth at best, as the 分值 column shows it: the cap
// of a bonus or of a deduction.
func indicatorCeiling(ind score.IndicatorResult) int64 {
	if c := ind.Engine.Ceiling(); c > 0 {
		return c
	}
	return ind.MaxCenti
}

// IndicatorMean is an indicator's mean as the 指标分析 sheet shows it: a deduction as a
// negative number, as it counts in the total.
func IndicatorMean(ind score.IndicatorResult) int64 {
	if ind.Kind == string(scoring.KindDeduct) {
		return -ind.MeanCenti
	}
	return ind.MeanCenti
}

// ReportMostLost returns the indicators where units lose most points, most first (ties in code
// order), at most n of them and none that lost nothing.
func ReportMostLost(inds []score.IndicatorResult, n int) []score.IndicatorResult {
	var out []score.IndicatorResult
	for _, ind := range inds {
		if ind.N > 0 && ind.MeanLostCenti > 0 {
			out = append(out, ind)
		}
	}
	slices.SortStableFunc(out, func(a, b score.IndicatorResult) int { return cmp.Compare(b.MeanLostCenti, a.MeanLostCenti) })
	return out[:min(n, len(out))]
}

// indicatorRows are the rows of the 指标分析 table for inds.
func indicatorRows(inds []score.IndicatorResult) [][]reportCell {
	var rows [][]reportCell
	for _, ind := range inds {
		row := []reportCell{centreCell(ind.Code), textCell(ind.Dimension), textCell(ind.Name), centreCell(kindLabel(ind.Kind)),
			pointsCell(indicatorCeiling(ind))}
		ceiling := ind.Engine.Ceiling()
		switch {
		case ind.N == 0:
			row = append(row, dashCell(), dashCell(), dashCell())
		case ind.Kind == string(scoring.KindDeduct) || ceiling == 0:
			row = append(row, pointsCell(IndicatorMean(ind)), pointsCell(ind.MeanLostCenti), dashCell())
		default:
			row = append(row, pointsCell(IndicatorMean(ind)), pointsCell(ind.MeanLostCenti), percentCell(ind.MeanCenti, ceiling))
		}
		rows = append(rows, row)
	}
	return rows
}

// indicators writes the statistics of every indicator in code order and, under them in the
// same columns (so that the header repeated on a new page serves both), those where units
// lose most points.
func (rw *reportWriter) indicators() error {
	res := rw.b.Results
	t := &reportTable{}
	t.col("编号", 6, 8).col("一级指标", 14, 26).col("指标", 18, 34).col("类型", 7, 10).col("分值", 7, 8).
		col("平均得分", 10, 10).col("平均失分", 10, 10).col("得分率", 9, 9)
	t.rows = indicatorRows(res.Indicators)
	top := ReportMostLost(res.Indicators, ReportTopLost)
	caption := fmt.Sprintf("失分较多的指标（按平均失分从高到低，前%d项）", len(top))
	if len(top) == 0 {
		caption = "失分较多的指标：本轮尚无失分"
	}
	t.sections = append(t.sections, reportSection{at: len(t.rows), title: caption})
	t.rows = append(t.rows, indicatorRows(top)...)
	s, err := rw.sheet(ReportIndicatorSheet, strings.TrimSuffix(rw.title, "评分汇总表")+"指标得分分析", 3, t)
	if err != nil {
		return err
	}
	n := 0
	if len(res.Indicators) > 0 {
		n = res.Indicators[0].N
	}
	note := fmt.Sprintf("注：按%d份完整评分表统计，未填写完整的评分表不计入。平均失分为分值减平均得分；扣分项的平均得分以负数表示平均扣分，平均失分即平均扣分；加分项不计失分。得分率为平均得分占分值的比例。", n)
	return s.tableWithNotes(t, note)
}

// completion writes who scored what: raters down and units across (or, for many units, the
// other way round), √ for a complete sheet, 缺N项 for the required indicators left blank, 回避
// where the rater may not score their own unit, with the totals of each rater and unit.
func (rw *reportWriter) completion() error {
	b := rw.b
	units := b.Results.Units
	var roundUnits []score.UnitProgress
	if len(b.Raters) > 0 {
		roundUnits = b.Raters[0].Units
	} else {
		for _, u := range units {
			roundUnits = append(roundUnits, score.UnitProgress{UnitRef: u.UnitRef})
		}
	}
	mark := func(p score.UnitProgress) reportCell {
		switch {
		case p.Missing < 0:
			return dashCell()
		case p.Barred:
			c := centreCell(ReportMarkBarred)
			c.fill = "EDEDED"
			return c
		case p.Complete:
			return centreCell(ReportMarkComplete)
		}
		c := centreCell(ReportMarkMissing(p.Missing))
		c.fill = "FCE4D6"
		return c
	}
	unitDone := make([]int, len(roundUnits))
	unitExpected := make([]int, len(roundUnits))
	for _, r := range b.Raters {
		for j, p := range r.Units {
			if j < len(roundUnits) && !p.Barred {
				unitExpected[j]++
				if p.Complete {
					unitDone[j]++
				}
			}
		}
	}
	totalDone, totalExpected := 0, 0
	for _, r := range b.Raters {
		totalDone += r.Complete
		totalExpected += r.Expected
	}
	fraction := func(n, d int) reportCell {
		c := centreCell(fmt.Sprintf("%d/%d", n, d))
		c.bold = n < d
		return c
	}
	unitName := func(u score.UnitProgress) string {
		if u.ShortName != "" {
			return u.ShortName
		}
		return u.Name
	}

	t := &reportTable{}
	if len(roundUnits) < ReportCompletionTransposeAt {
		t.col("序号", 5, 6).col("评价主体", 10, 16).col("评分人", 7, 10).col("所在单位", 10, 20)
		for _, u := range roundUnits {
			t.col(unitName(u), 7, 9)
		}
		t.col("完成情况", 10, 12)
		for i, r := range b.Raters {
			row := []reportCell{{v: i + 1, align: "center"}, textCell(r.Group), centreCell(r.Name), textCell(r.UnitName)}
			for _, p := range r.Units {
				row = append(row, mark(p))
			}
			t.rows = append(t.rows, append(row, fraction(r.Complete, r.Expected)))
		}
		total := []reportCell{centreCell("合计"), centreCell(""), centreCell(""), centreCell("")}
		for j := range roundUnits {
			total = append(total, fraction(unitDone[j], unitExpected[j]))
		}
		t.rows = append(t.rows, append(total, fraction(totalDone, totalExpected)))
		t.merges = append(t.merges, [2]int{len(t.rows) - 1, 3})
	} else {
		t.col("序号", 5, 6).col("单位", 14, 22)
		for _, r := range b.Raters {
			t.col(r.Name+"\n（"+r.Group+"）", 7, 9)
		}
		t.col("完成情况", 10, 12)
		for j, u := range roundUnits {
			row := []reportCell{{v: j + 1, align: "center"}, textCell(u.Name)}
			for _, r := range b.Raters {
				p := score.UnitProgress{Missing: -1}
				if j < len(r.Units) {
					p = r.Units[j]
				}
				row = append(row, mark(p))
			}
			t.rows = append(t.rows, append(row, fraction(unitDone[j], unitExpected[j])))
		}
		total := []reportCell{centreCell("合计"), centreCell("")}
		for _, r := range b.Raters {
			total = append(total, fraction(r.Complete, r.Expected))
		}
		t.rows = append(t.rows, append(total, fraction(totalDone, totalExpected)))
		t.merges = append(t.merges, [2]int{len(t.rows) - 1, 1})
	}
	s, err := rw.sheet(ReportCompletionSheet, strings.TrimSuffix(rw.title, "评分汇总表")+"评分完成情况", 3, t)
	if err != nil {
		return err
	}
	if err := s.table(t); err != nil {
		return err
	}
	note := fmt.Sprintf("注：%s 表示评分表已填写完整；“缺N项”表示有N项计分或等次指标未填写，该评分表不计入平均分；“%s”表示评分人为本单位人员，按回避规则不评本单位。完成情况为完整评分表数/应评评分表数。",
		ReportMarkComplete, ReportMarkBarred)
	if err := s.note(note); err != nil {
		return err
	}
	return s.finish(printSetup{landscape: true, titleRows: 3})
}
