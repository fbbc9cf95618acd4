package workbook

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/xml"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"liankanping/internal/scoring"
)

// RaterEncoder writes rater workbooks signed with one database's key.
type RaterEncoder struct {
	key []byte
	// Password, when set, encrypts the whole file (the reader needs it to open it).
	Password string
}

// NewRaterEncoder returns an encoder that signs with key.
func NewRaterEncoder(key []byte) *RaterEncoder { return &RaterEncoder{key: key} }

// Excel's limits on data validation texts (characters): a longer text makes the file
// unreadable to Excel, so messages are cut to fit.
const (
	maxValidationTitle  = 32
	maxValidationPrompt = 255
	maxValidationError  = 225
	maxInlineList       = 255
)

// raterStyles are the cell styles of a rater workbook.
type raterStyles struct {
	title, subtitle, header, text, center, number, score, comment, helper, total, totalNum, label, guide int
	// box is an empty bordered cell to write in by hand; sign the paper sheet's signature line.
	box, sign int
}

func newRaterStyles(f *excelize.File) (raterStyles, error) {
	border := []excelize.Border{
		{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
		{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1},
	}
	body := func(size float64) *excelize.Font { return &excelize.Font{Family: bodyFont, Size: size} }
	heading := func(size float64) *excelize.Font { return &excelize.Font{Family: headerFont, Size: size} }
	unlocked := &excelize.Protection{Locked: false}
	input := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFF9DB"}}
	var s raterStyles
	var err error
	add := func(dst *int, st *excelize.Style) {
		if err == nil {
			*dst, err = f.NewStyle(st)
		}
	}
	add(&s.title, &excelize.Style{Font: heading(16), Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.subtitle, &excelize.Style{Font: body(11), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	add(&s.header, &excelize.Style{Font: heading(11), Border: border,
		Fill:      excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"E7E6E6"}},
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.text, &excelize.Style{Font: body(10.5), Border: border, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	add(&s.center, &excelize.Style{Font: body(10.5), Border: border, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.number, &excelize.Style{Font: body(10.5), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.score, &excelize.Style{Font: body(12), Border: border, Fill: input, Protection: unlocked,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.comment, &excelize.Style{Font: body(10.5), Border: border, Fill: input, Protection: unlocked, NumFmt: 49,
		Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "center", WrapText: true}})
	add(&s.helper, &excelize.Style{Font: body(9), Protection: &excelize.Protection{Locked: true, Hidden: true}})
	add(&s.total, &excelize.Style{Font: heading(11), Border: border,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}})
	add(&s.totalNum, &excelize.Style{Font: heading(11), Border: border, NumFmt: 2,
		Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.label, &excelize.Style{Font: heading(11), Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "top"}})
	add(&s.guide, &excelize.Style{Font: body(11), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}})
	add(&s.box, &excelize.Style{Font: body(12), Border: border, Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center"}})
	add(&s.sign, &excelize.Style{Font: body(12), Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "bottom"}})
	return s, err
}

// raterWidths are the unit sheets' column widths, in Excel's units, chosen for Chinese text
// on a landscape A4 page.
var raterWidths = [raterCols]float64{6, 10, 14, 54, 6, 26, 8, 16, 10}

// NewWorkbookID returns a random workbook id: 32 hex digits.
func NewWorkbookID() (string, error) {
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return "", err
	}
	return hex.EncodeToString(b), nil
}

// SheetNames returns the name of each unit's sheet: the unit's short name, made a valid and
// unique sheet name (reserved names and duplicates get a number).
func (b *RaterBook) SheetNames() []string {
	used := map[string]bool{}
	for _, n := range []string{RaterGuideSheet, RaterSummarySheet, RaterListsSheet, RaterMetaSheet} {
		used[strings.ToLower(n)] = true
	}
	out := make([]string, len(b.Units))
	for i, u := range b.Units {
		base := cleanSheetName(u.ShortName)
		if base == "" {
			base = cleanSheetName(u.Name)
		}
		if base == "" {
			base = "单位" + strconv.Itoa(i+1)
		}
		name := base
		for n := 2; used[strings.ToLower(name)]; n++ {
			suffix := "(" + strconv.Itoa(n) + ")"
			name = truncRunes(base, 31-len([]rune(suffix))) + suffix
		}
		used[strings.ToLower(name)] = true
		out[i] = name
	}
	return out
}

// cleanSheetName drops what Excel forbids in a sheet name and cuts it to 31 characters.
func cleanSheetName(s string) string {
	s = strings.Map(func(r rune) rune {
		switch r {
		case ':', '\\', '/', '?', '*', '[', ']', '：', '／', '？', '＊':
			return -1
		}
		if r < ' ' {
			return -1
		}
		return r
	}, CleanText(s))
	return strings.Trim(truncRunes(s, 31), "' ")
}

func truncRunes(s string, n int) string {
	r := []rune(s)
	if len(r) > n {
		return string(r[:n])
	}
	return s
}

// raterWriter is one workbook being written.
type raterWriter struct {
	b      *RaterBook
	f      *excelize.File
	st     raterStyles
	names  []string
	meta   *RaterMeta
	first  int // first indicator row
	last   int // last indicator row
	total  int // the row of the unit sheets' totals
	rows   [][]any
	height []float64
	merges [][2]int // runs of rows sharing a dimension
	plan   pagePlan // how each unit sheet prints
	// totalFormula sums a unit sheet's entries.
	totalFormula string
	dvs          []*excelize.DataValidation
	lists        [][]string // long grade lists, one column of lkp_lists each
	protPw       string
	// printTitles are the sheets' 打印标题 (the rows repeated on every page), written into
	// the workbook part as it is zipped (printTitlesXML): excelize's SetDefinedName looks up
	// every name already set, and a sheet name each time, which made an export of 670 unit
	// sheets cubic in its sheets.
	printTitles [][2]string // sheet, reference
	// paper writes the paper sheets (EncodePaper): unit sheets only, blank boxes to write in,
	// signature lines, no formulas, protection or metadata.
	paper bool
}

// Encode writes b as a rater workbook to w. The layout is in docs/workbook-format.md: a guide,
// an overview, one protected sheet per unit, and the signed metadata, very hidden.
func (e *RaterEncoder) Encode(w io.Writer, b *RaterBook) error {
	if len(e.key) == 0 {
		return fmt.Errorf("rater workbook: no signing key")
	}
	rw := &raterWriter{b: b, names: b.SheetNames(), meta: b.Meta()}
	rw.meta.Sign(e.key)
	rw.first = raterHeaderRow + 1
	rw.last = raterHeaderRow + len(b.Indicators)
	rw.total = rw.last + 1
	// The sheet protection password only keeps fingers off locked cells (every rule is checked
	// again on import); the legacy hash is used because the SHA-512 one costs seconds a file.
	rw.protPw = b.WorkbookID[:min(8, len(b.WorkbookID))]
	f := newBook()
	defer closeQuietly(f)
	rw.f = f
	if err := rw.write(); err != nil {
		return fmt.Errorf("rater workbook %s: %w", b.RaterName, err)
	}
	f.SetZipWriter(fastZipWith(rw.printTitlesXML()))
	var opts []excelize.Options
	if e.Password != "" {
		opts = append(opts, excelize.Options{Password: e.Password})
	}
	return f.Write(w, opts...)
}

func (rw *raterWriter) write() error {
	f, b := rw.f, rw.b
	var err error
	if rw.st, err = newRaterStyles(f); err != nil {
		return err
	}
	rw.prepareRows()
	if err := rw.prepareValidations(); err != nil {
		return err
	}
	// Every sheet, its visibility and the active sheet come before the first stream writer:
	// afterwards excelize would parse every streamed sheet again.
	if err := f.SetSheetName("Sheet1", RaterGuideSheet); err != nil {
		return err
	}
	sheets := append([]string{RaterSummarySheet}, rw.names...)
	if len(rw.lists) > 0 {
		sheets = append(sheets, RaterListsSheet)
	}
	sheets = append(sheets, RaterMetaSheet)
	for _, s := range sheets {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	if len(rw.lists) > 0 {
		if err := f.SetSheetVisible(RaterListsSheet, false, true); err != nil {
			return err
		}
	}
	if err := f.SetSheetVisible(RaterMetaSheet, false, true); err != nil {
		return err
	}
	f.SetActiveSheet(0)
	yes := true
	if err := f.SetCalcProps(&excelize.CalcPropsOptions{FullCalcOnLoad: &yes}); err != nil {
		return err
	}
	exported := b.ExportedAt.UTC().Format("2006-01-02T15:04:05Z")
	if err := f.SetDocProps(&excelize.DocProperties{Title: b.RoundTitle + "评分表（" + b.RaterName + "）", Creator: "联看评",
		Subject: b.RoundCode, Created: exported, Modified: exported, Identifier: b.WorkbookID, Language: "zh-CN"}); err != nil {
		return err
	}
	if err := rw.writeGuide(); err != nil {
		return err
	}
	if err := rw.writeSummary(); err != nil {
		return err
	}
	for i := range b.Units {
		if err := rw.writeUnit(i); err != nil {
			return err
		}
	}
	if len(rw.lists) > 0 {
		if err := rw.writeLists(); err != nil {
			return err
		}
	}
	return rw.writeMeta()
}

// prepareRows builds the indicator rows once: they are the same on every unit sheet. A
// dimension's name stands in its first row only (the column is merged over its rows), and the
// hidden helper column holds a formula only in the rows of grade indicators, to turn the chosen
// label into points: fewer cells make both the export and the import faster.
func (rw *raterWriter) prepareRows() {
	st := rw.st
	for i, ind := range rw.b.Indicators {
		r := rw.first + i
		g := "G" + strconv.Itoa(r)
		dimension := excelize.Cell{StyleID: st.text}
		if n := len(rw.merges); n > 0 && rw.b.Indicators[rw.merges[n-1][1]-rw.first].Dimension == ind.Dimension {
			rw.merges[n-1][1] = r
		} else {
			rw.merges = append(rw.merges, [2]int{r, r})
			dimension.Value = ind.Dimension
		}
		row := []any{
			excelize.Cell{StyleID: st.center, Value: ind.Code},
			dimension,
			excelize.Cell{StyleID: st.text, Value: ind.indicatorLabel()},
			excelize.Cell{StyleID: st.text, Value: ind.Points},
			excelize.Cell{StyleID: st.number, Value: centiValue(ind.shownMax())},
			excelize.Cell{StyleID: st.text, Value: ind.methodLabel()},
			excelize.Cell{StyleID: st.score},
			excelize.Cell{StyleID: st.comment},
		}
		if rw.paper {
			row[colScore], row[colComment] = excelize.Cell{StyleID: st.box}, excelize.Cell{StyleID: st.box}
		} else if ind.Kind == scoring.KindGrade {
			row = append(row, excelize.Cell{StyleID: st.helper, Formula: gradeFormula(ind, g)})
		}
		rw.rows = append(rw.rows, row)
		texts := map[int]string{colIndicator: ind.indicatorLabel(), colPoints: ind.Points, colMethod: ind.methodLabel()}
		minimum := 0.0
		if rw.paper {
			minimum = paperRowMin
		}
		rw.height = append(rw.height, rowHeight(texts, raterWidths[:], minimum))
	}
	rw.totalFormula = totalFormula(rw.b.Indicators, rw.first)
	blocks := make([]sheetBlock, len(rw.merges))
	for i, m := range rw.merges {
		blocks[i] = sheetBlock{m[0] - rw.first, m[1] - rw.first}
	}
	tail := float64(raterTotalHeight)
	if rw.paper {
		tail += paperNoteHeight + paperSignHeight
	}
	rw.plan = planPages(sheetRows{widths: raterWidths[:colHelper], title: raterTitleHeight, heights: rw.height, blocks: blocks,
		first: rw.first, tail: tail})
}

// The fixed rows of a unit sheet, in points: title, subtitle and column titles (repeated on
// every page), and the 合计 row.
const (
	raterTitleRowHeight    = 30
	raterSubtitleRowHeight = 22
	raterHeaderRowHeight   = 24
	raterTitleHeight       = raterTitleRowHeight + raterSubtitleRowHeight + raterHeaderRowHeight
	raterTotalHeight       = 24
)

// totalFormula is the unit sheets' total: the entries of score and bonus indicators, less
// those of deductions, plus the points of the chosen grades (helper column). Only numbers
// count, as only the import validates: the total is for the rater's eyes.
func totalFormula(inds []RaterIndicator, first int) string {
	var plus, minus, grades []string
	for i := 0; i < len(inds); {
		j := i
		for j+1 < len(inds) && inds[j+1].Kind == inds[i].Kind {
			j++
		}
		ref := "G" + strconv.Itoa(first+i)
		if j > i {
			ref += ":G" + strconv.Itoa(first+j)
		}
		switch inds[i].Kind {
		case scoring.KindDeduct:
			minus = append(minus, ref)
		case scoring.KindGrade:
			grades = append(grades, strings.ReplaceAll(ref, "G", "I"))
		default:
			plus = append(plus, ref)
		}
		i = j + 1
	}
	parts := []string{}
	if len(plus) > 0 {
		parts = append(parts, "SUM("+strings.Join(plus, ",")+")")
	}
	if len(grades) > 0 {
		parts = append(parts, "SUM("+strings.Join(grades, ",")+")")
	}
	f := strings.Join(parts, "+")
	if f == "" {
		f = "0"
	}
	if len(minus) > 0 {
		f += "-SUM(" + strings.Join(minus, ",") + ")"
	}
	return f
}

// centiValue is a centi-point amount as a cell value: an int when whole, so that it shows "5"
// and not "5.0".
func centiValue(c int64) any {
	if c%100 == 0 {
		return c / 100
	}
	return float64(c) / 100
}

// gradeFormula turns the label chosen in cell g into its points (or takes a number typed
// instead), for the totals.
func gradeFormula(ind RaterIndicator, g string) string {
	labels := make([]string, len(ind.Options))
	points := make([]string, len(ind.Options))
	for i, o := range ind.Options {
		labels[i] = `"` + strings.ReplaceAll(o.Label, `"`, `""`) + `"`
		points[i] = scoring.FormatPoints(o.Points)
	}
	return "IFERROR(INDEX({" + strings.Join(points, ",") + "},MATCH(" + g + ",{" + strings.Join(labels, ",") + "},0)),N(" + g + "))"
}

// wrappedLines estimates how many lines text takes in a column of width w.
func wrappedLines(text string, w float64) float64 {
	lines := 0.0
	for _, part := range strings.Split(text, "\n") {
		n := textWidth(part) / (w - 1)
		if n < 1 {
			n = 1
		}
		lines += float64(int(n + 0.999))
	}
	return max(lines, 1)
}

// validationKey groups indicators that take the same entries, so that one data validation
// covers all their cells.
func validationKey(ind RaterIndicator) string {
	k := string(ind.Kind) + "|" + strconv.FormatInt(ind.Max, 10) + "|" + strconv.FormatInt(ind.Step, 10)
	for _, o := range ind.Options {
		k += "|" + o.Label + "=" + strconv.FormatInt(o.Points, 10)
	}
	return k
}

// prepareValidations builds the data validations of the 得分 column: a decimal range with the
// indicator's Chinese message, or a dropdown of a grade's labels (inline when short, else a
// range of the hidden lists sheet).
func (rw *raterWriter) prepareValidations() error {
	byKey := map[string]*excelize.DataValidation{}
	rows := map[string][]int{}
	var order []string
	for i, ind := range rw.b.Indicators {
		k := validationKey(ind)
		rows[k] = append(rows[k], rw.first+i)
		if _, ok := byKey[k]; ok {
			continue
		}
		dv := excelize.NewDataValidation(true)
		msg := scoring.RangeMessage(ind.Indicator)
		title := "分值 " + scoring.FormatPoints(ind.shownMax())
		if ind.Kind == scoring.KindGrade {
			labels := make([]string, len(ind.Options))
			for j, o := range ind.Options {
				labels[j] = o.Label
			}
			if utf16Len(strings.Join(labels, ",")) <= maxInlineList && !strings.ContainsAny(strings.Join(labels, ""), `,"`) {
				if err := dv.SetDropList(labels); err != nil {
					return err
				}
			} else {
				col, _ := excelize.ColumnNumberToName(len(rw.lists) + 1)
				rw.lists = append(rw.lists, labels)
				dv.SetSqrefDropList(fmt.Sprintf("%s!$%s$1:$%s$%d", RaterListsSheet, col, col, len(labels)))
			}
		} else {
			if err := dv.SetRange(0, float64(ind.Max)/100, excelize.DataValidationTypeDecimal, excelize.DataValidationOperatorBetween); err != nil {
				return err
			}
		}
		dv.SetInput(truncRunes(title, maxValidationTitle), truncRunes(msg, maxValidationPrompt))
		dv.SetError(excelize.DataValidationErrorStyleStop, "输入有误", truncRunes(msg, maxValidationError))
		byKey[k] = dv
		order = append(order, k)
	}
	for _, k := range order {
		byKey[k].SetSqref(columnRanges("G", rows[k]))
		rw.dvs = append(rw.dvs, byKey[k])
	}
	return nil
}

// columnRanges writes ascending rows of one column as ranges: G4:G21 G34.
func columnRanges(col string, rows []int) string {
	var parts []string
	for i := 0; i < len(rows); {
		j := i
		for j+1 < len(rows) && rows[j+1] == rows[j]+1 {
			j++
		}
		ref := col + strconv.Itoa(rows[i])
		if j > i {
			ref += ":" + col + strconv.Itoa(rows[j])
		}
		parts = append(parts, ref)
		i = j + 1
	}
	return strings.Join(parts, " ")
}

func utf16Len(s string) int { return len(utf16.Encode([]rune(s))) }

// pageSetup makes a sheet print on A4 as p says (one page, or fitted to the page's width with
// p's manual breaks), with its title rows on every page, the
// round and rater in the header and page numbers in the footer, and protects it so that only
// unlocked cells can change.
func (rw *raterWriter) pageSetup(sheet string, p pagePlan, titleRows int) error {
	f := rw.f
	orientation := "portrait"
	if p.landscape {
		orientation = "landscape"
	}
	a4, one, zero := 9, 1, 0
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation, FitToWidth: &one, FitToHeight: &zero}
	if p.onePage {
		layout.FitToHeight = &one
	}
	fit := true
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	for _, row := range p.breaks {
		if err := f.InsertPageBreak(sheet, "A"+strconv.Itoa(row)); err != nil {
			return err
		}
	}
	margin, top, hf := printSide, printTop, printHeader
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Left: &margin, Right: &margin, Top: &top, Bottom: &top, Header: &hf, Footer: &hf}); err != nil {
		return err
	}
	// A text after a font size code must not start with a digit, or it joins the size: "&9"
	// followed by "2024…" would ask for a 92024-point font.
	header := "&L&\"" + bodyFont + "\"&9联看评 · " + hfEscape(rw.b.RoundCode+" "+rw.b.RoundTitle)
	if rw.b.RaterName != "" {
		header += "&R&\"" + bodyFont + "\"&9评分人：" + hfEscape(rw.b.RaterName)
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddHeader: header, OddFooter: "&C&\"" + bodyFont + "\"&10第 &P 页 共 &N 页"}); err != nil {
		return err
	}
	if titleRows > 0 {
		rw.printTitles = append(rw.printTitles, [2]string{sheet, fmt.Sprintf("'%s'!$1:$%d", strings.ReplaceAll(sheet, "'", "''"), titleRows)})
	}
	if rw.paper {
		return nil
	}
	return f.ProtectSheet(sheet, &excelize.SheetProtectionOptions{Password: rw.protPw, SelectLockedCells: true, SelectUnlockedCells: true, FormatRows: true})
}

// hfEscape doubles the ampersands of text put in a page header, where & starts a code.
func hfEscape(s string) string { return strings.ReplaceAll(s, "&", "&&") }

func (rw *raterWriter) subtitle(unit string) string {
	b := rw.b
	parts := []string{}
	if unit != "" {
		parts = append(parts, "观摩单位："+unit)
	}
	rater := "评分人：" + b.RaterName
	if b.RaterName == "" {
		rater += "＿＿＿＿＿＿＿＿"
	}
	if b.Group != "" {
		rater += "（" + b.Group + "）"
	}
	parts = append(parts, rater)
	if b.Deadline != "" {
		parts = append(parts, "交回截止："+ChineseDate(b.Deadline))
	}
	return strings.Join(parts, "　　")
}

// ChineseDate writes 2024-06-15 as 2024年6月15日, as documents show dates; other text is kept.
func ChineseDate(iso string) string {
	var y, m, d int
	if n, _ := fmt.Sscanf(iso, "%d-%d-%d", &y, &m, &d); n == 3 {
		return fmt.Sprintf("%d年%d月%d日", y, m, d)
	}
	return iso
}

func (rw *raterWriter) writeUnit(i int) error {
	f, b, st := rw.f, rw.b, rw.st
	sheet := rw.names[i]
	u := b.Units[i]
	last := rw.total
	if rw.paper {
		last += 2
	}
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:%s%d", string(rune('A'+len(rw.widths())-1)), last)); err != nil {
		return err
	}
	for _, dv := range rw.dvs {
		if err := f.AddDataValidation(sheet, dv); err != nil {
			return err
		}
	}
	if err := rw.pageSetup(sheet, rw.plan, raterHeaderRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c, w := range rw.widths() {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	titleRow := []any{excelize.Cell{StyleID: st.title, Value: b.RoundTitle + "评分表"}}
	if !rw.paper {
		if err := sw.SetColVisible(colHelper+1, colHelper+1, false); err != nil {
			return err
		}
		if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: raterHeaderRow, TopLeftCell: "A" + strconv.Itoa(rw.first), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
		titleRow = append(titleRow, nil, nil, nil, nil, nil, nil, nil, excelize.Cell{StyleID: st.helper, Value: marker(b.WorkbookID, i+1)})
	}
	if err := sw.SetRow("A1", titleRow, excelize.RowOpts{Height: raterTitleRowHeight}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.subtitle, Value: rw.subtitle(u.Name)}}, excelize.RowOpts{Height: raterSubtitleRowHeight}); err != nil {
		return err
	}
	header := make([]any, len(RaterHeaders))
	for c, h := range RaterHeaders {
		header[c] = excelize.Cell{StyleID: st.header, Value: h}
	}
	if err := sw.SetRow("A"+strconv.Itoa(raterHeaderRow), header, excelize.RowOpts{Height: raterHeaderRowHeight}); err != nil {
		return err
	}
	for j, row := range rw.rows {
		if err := sw.SetRow("A"+strconv.Itoa(rw.first+j), row, excelize.RowOpts{Height: rw.height[j]}); err != nil {
			return err
		}
	}
	var base int64
	for _, ind := range b.Indicators {
		if ind.Required() {
			base += ind.Ceiling()
		}
	}
	total := []any{
		excelize.Cell{StyleID: st.total, Value: "合计"}, excelize.Cell{StyleID: st.total}, excelize.Cell{StyleID: st.total},
		excelize.Cell{StyleID: st.total, Value: "（仅供核对，导入时由系统重新计算）"},
		excelize.Cell{StyleID: st.totalNum, Value: centiValue(base)}, excelize.Cell{StyleID: st.total},
		excelize.Cell{StyleID: st.totalNum, Formula: rw.totalFormula}, excelize.Cell{StyleID: st.total},
	}
	merges := [][2]string{{"A1", "H1"}, {"A2", "H2"}, {fmt.Sprintf("A%d", rw.total), fmt.Sprintf("C%d", rw.total)}}
	if rw.paper {
		total[colPoints] = excelize.Cell{StyleID: st.total}
		total[colScore] = excelize.Cell{StyleID: st.box}
	}
	if err := sw.SetRow("A"+strconv.Itoa(rw.total), total, excelize.RowOpts{Height: raterTotalHeight}); err != nil {
		return err
	}
	if rw.paper {
		more, err := rw.writePaperEnd(sw)
		if err != nil {
			return err
		}
		merges = append(merges, more...)
	}
	for _, m := range merges {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	for _, m := range rw.merges {
		if m[1] > m[0] {
			if err := sw.MergeCell("B"+strconv.Itoa(m[0]), "B"+strconv.Itoa(m[1])); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// quoteSheet writes a sheet name as formulas refer to it: 'name'.
func quoteSheet(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

func (rw *raterWriter) writeSummary() error {
	f, b, st := rw.f, rw.b, rw.st
	sheet := RaterSummarySheet
	last := raterHeaderRow + len(b.Units)
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:F%d", max(last, raterHeaderRow))); err != nil {
		return err
	}
	if err := rw.pageSetup(sheet, pagePlan{}, raterHeaderRow); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	for c, w := range []float64{7, 34, 16, 11, 11, 12} {
		if err := sw.SetColWidth(c+1, c+1, w); err != nil {
			return err
		}
	}
	if err := sw.SetPanes(&excelize.Panes{Freeze: true, YSplit: raterHeaderRow, TopLeftCell: "A" + strconv.Itoa(raterHeaderRow+1), ActivePane: "bottomLeft"}); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: b.RoundTitle + "评分汇总"}}, excelize.RowOpts{Height: 30}); err != nil {
		return err
	}
	if err := sw.SetRow("A2", []any{excelize.Cell{StyleID: st.subtitle, Value: rw.subtitle("") + "　　（合计为公式，仅供核对）"}}, excelize.RowOpts{Height: 22}); err != nil {
		return err
	}
	header := []any{}
	for _, h := range []string{"序号", "观摩单位", "工作表", "已填项数", "指标项数", "合计得分"} {
		header = append(header, excelize.Cell{StyleID: st.header, Value: h})
	}
	if err := sw.SetRow("A"+strconv.Itoa(raterHeaderRow), header, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	for i, u := range b.Units {
		ref := quoteSheet(rw.names[i])
		row := []any{
			excelize.Cell{StyleID: st.number, Value: i + 1},
			excelize.Cell{StyleID: st.text, Value: u.Name},
			excelize.Cell{StyleID: st.center, Value: rw.names[i]},
			excelize.Cell{StyleID: st.number, Formula: fmt.Sprintf("COUNTA(%s!G%d:G%d)", ref, rw.first, rw.last)},
			excelize.Cell{StyleID: st.number, Value: len(b.Indicators)},
			excelize.Cell{StyleID: st.totalNum, Formula: fmt.Sprintf("%s!G%d", ref, rw.total)},
		}
		if err := sw.SetRow("A"+strconv.Itoa(raterHeaderRow+1+i), row, excelize.RowOpts{Height: 20}); err != nil {
			return err
		}
	}
	for _, m := range [][2]string{{"A1", "F1"}, {"A2", "F2"}} {
		if err := sw.MergeCell(m[0], m[1]); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// guideLines are the instructions of the 填表说明 sheet, in plain words.
var guideLines = []string{
	"每个观摩单位一张工作表，工作表名称是单位简称；您本人所在单位按回避规则不在其中。",
	"请在每张表的“得分”列填写分数，“说明”列可写扣分理由或意见。只有这两列可以填写，其他单元格已锁定，请不要改动。",
	"得分项：填 0 到“分值”之间的数，按评分方式的要求（例如 0.5 的倍数）；扣分项：填扣除的分数（扣 2 分就填 2），不扣分就空着；加分项：填加的分数，没有就空着；等次项：从下拉列表中选择。",
	"分数最多两位小数。请直接输入数字，不要写“九十”这样的汉字。",
	"空着的“得分”不会抹掉已经录入的分数。要改分数，直接改这份表再交回即可，系统以最后交回的为准。",
	"“汇总”表和每张表最后一行的合计是公式，只供您核对；导入时系统会重新计算。",
	"可以调整工作表的顺序，但请不要删除、复制工作表，也不要插入或删除行、列。",
	"填好后请直接保存（保持 .xlsx 格式，不要另存为 .xls），在截止日期前交回。",
}

func (rw *raterWriter) writeGuide() error {
	f, b, st := rw.f, rw.b, rw.st
	sheet := RaterGuideSheet
	type line struct{ label, value string }
	info := []line{
		{"观摩轮次", b.RoundCode + "　" + b.RoundTitle},
	}
	if b.RoundDate != "" || b.Place != "" {
		info = append(info, line{"观摩时间地点", strings.TrimSpace(ChineseDate(b.RoundDate) + "　" + b.Place)})
	}
	rater := b.RaterName
	if b.RaterUnit != "" {
		rater += "（" + b.RaterUnit + "）"
	}
	info = append(info, line{"评分人", rater})
	if b.Group != "" {
		info = append(info, line{"评价主体", b.Group})
	}
	info = append(info, line{"考核方案", fmt.Sprintf("%s（第 %d 版）", b.SchemeName, b.SchemeVersion)})
	info = append(info, line{"观摩单位", fmt.Sprintf("%d 个，每个单位 %d 项指标", len(b.Units), len(b.Indicators))})
	if b.Deadline != "" {
		info = append(info, line{"交回截止", ChineseDate(b.Deadline)})
	}
	rows := 2 + len(info) + 1 + len(guideLines)
	if err := f.SetSheetDimension(sheet, fmt.Sprintf("A1:B%d", rows)); err != nil {
		return err
	}
	if err := rw.pageSetup(sheet, pagePlan{onePage: true}, 0); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(sheet)
	if err != nil {
		return err
	}
	if err := sw.SetColWidth(1, 1, 16); err != nil {
		return err
	}
	if err := sw.SetColWidth(2, 2, 70); err != nil {
		return err
	}
	if err := sw.SetRow("A1", []any{excelize.Cell{StyleID: st.title, Value: b.RoundTitle + "评分表"}}, excelize.RowOpts{Height: 40}); err != nil {
		return err
	}
	r := 3
	for _, l := range info {
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: st.label, Value: l.label + "："}, excelize.Cell{StyleID: st.guide, Value: l.value}},
			excelize.RowOpts{Height: 15*wrappedLines(l.value, 70) + 6}); err != nil {
			return err
		}
		r++
	}
	if err := sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: st.label, Value: "填表说明："}}, excelize.RowOpts{Height: 24}); err != nil {
		return err
	}
	r++
	for i, g := range guideLines {
		if err := sw.SetRow("A"+strconv.Itoa(r), []any{excelize.Cell{StyleID: st.label, Value: strconv.Itoa(i+1) + "."}, excelize.Cell{StyleID: st.guide, Value: g}},
			excelize.RowOpts{Height: 15*wrappedLines(g, 70) + 6}); err != nil {
			return err
		}
		r++
	}
	if err := sw.MergeCell("A1", "B1"); err != nil {
		return err
	}
	return sw.Flush()
}

func (rw *raterWriter) writeLists() error {
	longest := 0
	for _, l := range rw.lists {
		longest = max(longest, len(l))
	}
	sw, err := rw.f.NewStreamWriter(RaterListsSheet)
	if err != nil {
		return err
	}
	for r := 0; r < longest; r++ {
		row := make([]any, len(rw.lists))
		for c, l := range rw.lists {
			if r < len(l) {
				row[c] = l[r]
			}
		}
		if err := sw.SetRow("A"+strconv.Itoa(r+1), row); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// writeMeta writes the metadata sheet: key and value rows, the sheet map, the row map and the
// signature, every value as text so that no office suite reformats it.
func (rw *raterWriter) writeMeta() error {
	m := rw.meta
	rows := metaRows(m)
	sw, err := rw.f.NewStreamWriter(RaterMetaSheet)
	if err != nil {
		return err
	}
	for i, row := range rows {
		vals := make([]any, len(row))
		for c, v := range row {
			vals[c] = v
		}
		if err := sw.SetRow("A"+strconv.Itoa(i+1), vals); err != nil {
			return err
		}
	}
	return sw.Flush()
}

// metaRows lays the metadata out as rows of text: the reader (readMeta) reads this layout.
func metaRows(m *RaterMeta) [][]string {
	rows := [][]string{
		{RaterMetaTitle},
		{"format", m.Format},
		{"version", strconv.Itoa(m.Version)},
		{"workbook_id", m.WorkbookID},
		{"database_id", m.DatabaseID},
		{"round_id", uintText(m.RoundID)},
		{"round_code", m.RoundCode},
		{"scheme_id", uintText(m.SchemeID)},
		{"scheme_version", strconv.Itoa(m.SchemeVersion)},
		{"rater_id", uintText(m.RaterID)},
		{"rater_name", m.RaterName},
		{"exported_at", m.ExportedAt},
		{"header_row", strconv.Itoa(m.HeaderRow)},
		{"sheets", "key", "unit_id", "sheet_name"},
	}
	for _, s := range m.Sheets {
		rows = append(rows, []string{"sheet", strconv.Itoa(s.Key), uintText(s.UnitID), s.Name})
	}
	rows = append(rows, []string{"rows", "row", "indicator_id", "code"})
	for _, r := range m.Rows {
		rows = append(rows, []string{"row", strconv.Itoa(r.Row), uintText(r.IndicatorID), r.Code})
	}
	rows = append(rows, []string{"signature", m.Signature})
	return rows
}

// printTitlesXML is the <definedName> elements of the sheets' print titles, each scoped to its
// sheet by the sheet's position in the workbook.
func (rw *raterWriter) printTitlesXML() string {
	if len(rw.printTitles) == 0 {
		return ""
	}
	index := map[string]int{}
	for i, name := range rw.f.GetSheetList() {
		index[name] = i
	}
	var sb strings.Builder
	for _, t := range rw.printTitles {
		i, ok := index[t[0]]
		if !ok {
			continue
		}
		sb.WriteString(`<definedName name="_xlnm.Print_Titles" localSheetId="`)
		sb.WriteString(strconv.Itoa(i))
		sb.WriteString(`">`)
		xml.EscapeText(&sb, []byte(t[1]))
		sb.WriteString(`</definedName>`)
	}
	return sb.String()
}
