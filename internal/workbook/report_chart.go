package workbook

import (
	"fmt"
	"math"
	"strings"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/score"
	"liankanping/internal/scoring"
)

// Charts stand on rows of a fixed height, so that the rows they cover are known and nothing
// written below them hides under a chart: excelize anchors a drawing on rows of 17 points as
// 20 pixels each (its ceil(height × 4 / 3.4)).
const (
	reportChartRowPt = 17
	reportChartRowPx = 20
	// reportRankChartUnits is the most units one ranking chart shows: with more, the ranking
	// continues in further charts, one per page.
	reportRankChartUnits = 18
)

// Colours of the charts: the final scores and means in the red of party documents, the
// maxima in grey.
const (
	reportChartRed  = "C00000"
	reportChartGrey = "BFBFBF"
)

// ReportDimension is one level-1 dimension as the 图表 sheet shows it: its maximum, the mean
// of the units' means, and the units with the highest and lowest mean.
type ReportDimension struct {
	Name                string
	MaxCenti, MeanCenti int64
	HighCenti, LowCenti int64
	HighUnit, LowUnit   string
	Units               int
}

// ReportDimensions averages each dimension over the units that have a final score; the first
// unit in ranking order wins a tie for highest or lowest.
func ReportDimensions(units []score.UnitResult) []ReportDimension {
	var out []ReportDimension
	var sums []int64
	for _, u := range units {
		if !u.Scored {
			continue
		}
		for i, d := range u.Dimensions {
			if i >= len(out) {
				out = append(out, ReportDimension{Name: d.Name, MaxCenti: d.MaxCenti})
				sums = append(sums, 0)
			}
			o := &out[i]
			if o.Units == 0 || d.MeanCenti > o.HighCenti {
				o.HighCenti, o.HighUnit = d.MeanCenti, u.Name
			}
			if o.Units == 0 || d.MeanCenti < o.LowCenti {
				o.LowCenti, o.LowUnit = d.MeanCenti, u.Name
			}
			o.Units++
			sums[i] += d.MeanCenti
		}
	}
	for i := range out {
		out[i].MeanCenti = scoring.CentiRatio(sums[i], int64(out[i].Units)).Centi()
	}
	return out
}

// reportChartFont is the font of a chart's labels: black, as a chart left to the suite's
// default prints in a grey too pale to read on paper.
func reportChartFont(size float64) excelize.Font {
	return excelize.Font{Family: bodyFont, Size: size, Color: "000000"}
}

// colPixels is a column's width in pixels as excelize anchors drawings.
func colPixels(width float64) int { return int(width*8 + 0.5) }

func (rw *reportWriter) charts() error {
	res := rw.b.Results
	dims := ReportDimensions(res.Units)
	t := &reportTable{}
	t.col("一级指标", 22, 30).col("满分", 10, 10).col("平均得分", 11, 11).col("得分率", 10, 10).
		col("最高得分", 11, 11).col("最高单位", 20, 26).col("最低得分", 11, 11).col("最低单位", 20, 26)
	for _, d := range dims {
		rate := dashCell()
		if d.MaxCenti > 0 {
			rate = percentCell(d.MeanCenti, d.MaxCenti)
		}
		t.rows = append(t.rows, []reportCell{textCell(d.Name), pointsCell(d.MaxCenti), pointsCell(d.MeanCenti), rate,
			pointsCell(d.HighCenti), textCell(d.HighUnit), pointsCell(d.LowCenti), textCell(d.LowUnit)})
	}
	s, err := rw.sheet(ReportChartSheet, strings.TrimSuffix(rw.title, "评分汇总表")+"得分情况图", 2, t)
	if err != nil {
		return err
	}
	// The charts span the sheet's columns; anchored to cells, they stay within them in every
	// suite, whatever its idea of a pixel.
	width := -2
	for _, w := range s.widths {
		width += colPixels(w)
	}

	scored := 0
	lo, hi := int64(math.MaxInt64), int64(math.MinInt64)
	for _, u := range res.Units {
		if u.Scored {
			scored++
			lo, hi = min(lo, u.FinalCenti), max(hi, u.FinalCenti)
		}
	}
	if err := s.caption("一、各单位最终得分排名"); err != nil {
		return err
	}
	if scored == 0 {
		if err := s.note("本轮尚无最终得分。"); err != nil {
			return err
		}
	}
	// The ranking sheet lists scored units first, in rank order, from row 4.
	finalCol, _ := excelize.ColumnNumberToName(5 + len(res.Groups))
	axisMin := math.Max(0, math.Floor((float64(lo)/100-5)/10)*10)
	axisMax := math.Ceil((float64(hi)/100+2)/10) * 10
	for start := 0; start < scored; start += reportRankChartUnits {
		n := min(reportRankChartUnits, scored-start)
		if start > 0 {
			if err := s.pageBreak(); err != nil {
				return err
			}
			if err := s.caption(fmt.Sprintf("一、各单位最终得分排名（续，第%d～%d名）", start+1, start+n)); err != nil {
				return err
			}
		}
		bar := min(max(400/n, 22), 36)
		rows := (90 + n*bar + reportChartRowPx - 1) / reportChartRowPx
		rows = min(rows, int((s.room()-4)/reportChartRowPt))
		first, last := 4+start, 3+start+n
		ref := func(col string) string {
			return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", ReportRankingSheet, col, first, col, last)
		}
		c := &excelize.Chart{
			Type: excelize.Bar,
			Series: []excelize.ChartSeries{{Name: fmt.Sprintf("'%s'!$%s$3", ReportRankingSheet, finalCol), Categories: ref("B"), Values: ref(finalCol),
				Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{reportChartRed}},
				DataLabel: excelize.ChartDataLabel{Font: reportChartFont(10)}}},
			XAxis: excelize.ChartAxis{ReverseOrder: true, Font: reportChartFont(11)},
			YAxis: excelize.ChartAxis{Minimum: &axisMin, Maximum: &axisMax, MajorGridLines: true,
				Font: reportChartFont(10), NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
			PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
			Legend:   excelize.ChartLegend{Position: "none"},
		}
		if err := rw.chart(s, c, width, rows, "各单位最终得分排名"); err != nil {
			return err
		}
	}

	if scored > 0 {
		if err := s.pageBreak(); err != nil {
			return err
		}
	}
	if err := s.caption("二、各一级指标平均得分"); err != nil {
		return err
	}
	if len(dims) == 0 {
		return rw.finishCharts(s, "本轮尚无完整的评分表，无法统计各一级指标得分。")
	}
	top := s.row + 1
	if err := s.table(t); err != nil {
		return err
	}
	if err := s.note("注：平均得分为各观摩单位该项平均分（按完整评分表计）的平均；扣分项以负数计；得分率为平均得分占满分的比例。"); err != nil {
		return err
	}
	ref := func(col string) string {
		return fmt.Sprintf("'%s'!$%s$%d:$%s$%d", ReportChartSheet, col, top, col, top+len(dims)-1)
	}
	// A series is named by the header cell above it: excelize writes a name as a reference,
	// and a bare word there makes Excel repair the file.
	head := func(col string) string { return fmt.Sprintf("'%s'!$%s$%d", ReportChartSheet, col, top-1) }
	font := reportChartFont(11)
	c := &excelize.Chart{
		Type: excelize.Col,
		Series: []excelize.ChartSeries{
			{Name: head("B"), Categories: ref("A"), Values: ref("B"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{reportChartGrey}},
				DataLabel: excelize.ChartDataLabel{Font: reportChartFont(10)}},
			{Name: head("C"), Categories: ref("A"), Values: ref("C"), Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{reportChartRed}},
				DataLabel: excelize.ChartDataLabel{Font: reportChartFont(10)}},
		},
		XAxis:    excelize.ChartAxis{Font: font, TickLabelPosition: excelize.ChartTickLabelLow},
		YAxis:    excelize.ChartAxis{MajorGridLines: true, Font: font, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0"}},
		PlotArea: excelize.ChartPlotArea{ShowVal: true, NumFmt: excelize.ChartNumFmt{CustomNumFmt: "0.00"}},
		Legend:   excelize.ChartLegend{Position: "bottom", Font: &font},
	}
	if err := s.setHeight(reportChartRowPt); err != nil { // a gap between the table and the chart
		return err
	}
	s.row++
	// The chart goes under the table when it fits there at a readable size, else on the next page.
	rows := min(16, int((s.room()-4)/reportChartRowPt))
	if rows < 11 {
		if err := s.pageBreak(); err != nil {
			return err
		}
		rows = min(16, int((s.room()-4)/reportChartRowPt))
	}
	if err := rw.chart(s, c, width, rows, "各一级指标平均得分"); err != nil {
		return err
	}
	return rw.finishCharts(s, "")
}

// chart places c at the current row over rows rows of the sheet's full width.
func (rw *reportWriter) chart(s *reportSheet, c *excelize.Chart, width, rows int, alt string) error {
	first := s.row
	for range rows {
		if err := s.setHeight(reportChartRowPt); err != nil {
			return err
		}
		s.row++
	}
	s.row = first
	printed := true
	c.Format = excelize.GraphicOptions{AltText: alt, PrintObject: &printed}
	c.Dimension = excelize.ChartDimension{Width: uint(width), Height: uint(rows * reportChartRowPx)}
	if err := rw.f.AddChart(s.name, CellName(s.row-1, 0), c); err != nil {
		return err
	}
	s.row += rows
	return nil
}

func (rw *reportWriter) finishCharts(s *reportSheet, note string) error {
	if note != "" {
		if err := s.note(note); err != nil {
			return err
		}
	}
	last, _ := excelize.ColumnNumberToName(len(s.widths))
	return s.finish(printSetup{landscape: true, titleRows: 2, area: fmt.Sprintf("$A$1:$%s$%d", last, s.row)})
}
