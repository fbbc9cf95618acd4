package workbook

import (
	"fmt"
	"strings"

	"github.com/xuri/excelize/v2"
)

// fontOfficialTitle is the font of titles of documents that go upward, as GB/T 9704 sets it for
// official documents. Few machines outside government offices have it; the title cells carry
// the GB2312 character set, so that Excel and WPS fall back to 宋体 and LibreOffice to its own
// Chinese serif where it is missing. Bodies use bodyFont (仿宋, which every Chinese Windows has;
// 仿宋_GB2312 is common in offices but missing on a stock Windows 10, where Excel would show a
// font that is not 仿宋 at all) and headers headerFont (黑体).
const fontOfficialTitle = "方正小标宋简体"

// charsetGB2312 tells office suites which fonts may stand in for a missing one.
var charsetGB2312 = 134

// look is how a cell looks. Looks are turned into excelize styles once per workbook by looks.
type look struct {
	font   string
	size   float64
	bold   bool
	align  string // "left", "center" or "right"
	valign string // "" is centred
	border bool
	wrap   bool
	numFmt string // "" is General; "0.00" keeps two decimals of a number stored as a number
	fill   string // background colour, "" for none
	indent int
}

// looks makes one style per distinct look of a workbook.
type looks struct {
	f   *excelize.File
	ids map[look]int
}

func newLooks(f *excelize.File) *looks { return &looks{f: f, ids: map[look]int{}} }

// id returns the style of l, making it the first time.
func (s *looks) id(l look) (int, error) {
	if id, ok := s.ids[l]; ok {
		return id, nil
	}
	st := &excelize.Style{
		Font: &excelize.Font{Family: l.font, Size: l.size, Bold: l.bold},
		Alignment: &excelize.Alignment{Horizontal: l.align, Vertical: "center", WrapText: l.wrap,
			Indent: l.indent},
	}
	if l.valign != "" {
		st.Alignment.Vertical = l.valign
	}
	if l.font == fontOfficialTitle || l.font == bodyFont || l.font == headerFont {
		st.Font.Charset = &charsetGB2312
	}
	if l.border {
		st.Border = []excelize.Border{{Type: "left", Color: "000000", Style: 1}, {Type: "right", Color: "000000", Style: 1},
			{Type: "top", Color: "000000", Style: 1}, {Type: "bottom", Color: "000000", Style: 1}}
	}
	if l.numFmt != "" {
		f := l.numFmt
		st.CustomNumFmt = &f
	}
	if l.fill != "" {
		st.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{l.fill}}
	}
	id, err := s.f.NewStyle(st)
	if err != nil {
		return 0, err
	}
	s.ids[l] = id
	return id, nil
}

// printSetup is how a sheet prints: on A4, the title rows repeated on every page, page numbers
// in the footer.
type printSetup struct {
	landscape bool
	// titleRows are the rows 1…titleRows printed at the top of every page and frozen on screen.
	titleRows int
	// titleCols, such as "$A:$C", are printed at the left of every page when the sheet is too
	// wide for one; "" fits the sheet to the page's width instead.
	titleCols string
	// area, such as "$A$1:$H$40", limits what prints; "" prints the used range.
	area string
	// onePage fits the sheet on one page (tall as well as wide).
	onePage bool
}

// pageFooter numbers the pages as offices do: 第 1 页 共 3 页.
const pageFooter = `&C&"` + bodyFont + `"&12第 &P 页 共 &N 页`

// setupPrint applies p to sheet.
func setupPrint(f *excelize.File, sheet string, p printSetup) error {
	orientation := "portrait"
	if p.landscape {
		orientation = "landscape"
	}
	a4, one, zero := 9, 1, 0
	layout := &excelize.PageLayoutOptions{Size: &a4, Orientation: &orientation}
	fit := p.titleCols == ""
	if fit {
		layout.FitToWidth, layout.FitToHeight = &one, &zero
		if p.onePage {
			layout.FitToHeight = &one
		}
	}
	if err := f.SetPageLayout(sheet, layout); err != nil {
		return err
	}
	if err := f.SetSheetProps(sheet, &excelize.SheetPropsOptions{FitToPage: &fit}); err != nil {
		return err
	}
	top, bottom, side, edge, centre := 0.7, 0.75, 0.5, 0.3, true
	if err := f.SetPageMargins(sheet, &excelize.PageLayoutMarginsOptions{Top: &top, Bottom: &bottom, Left: &side, Right: &side,
		Header: &edge, Footer: &edge, Horizontally: &centre}); err != nil {
		return err
	}
	if err := f.SetHeaderFooter(sheet, &excelize.HeaderFooterOptions{OddFooter: pageFooter}); err != nil {
		return err
	}
	quoted := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	var titles []string
	if p.titleCols != "" {
		titles = append(titles, quoted+p.titleCols)
	}
	if p.titleRows > 0 {
		titles = append(titles, fmt.Sprintf("%s$1:$%d", quoted, p.titleRows))
		if err := f.SetPanes(sheet, &excelize.Panes{Freeze: true, YSplit: p.titleRows,
			TopLeftCell: CellName(p.titleRows, 0), ActivePane: "bottomLeft"}); err != nil {
			return err
		}
	}
	if len(titles) > 0 {
		if err := f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Titles", RefersTo: strings.Join(titles, ","), Scope: sheet}); err != nil {
			return err
		}
	}
	if p.area != "" {
		return f.SetDefinedName(&excelize.DefinedName{Name: "_xlnm.Print_Area", RefersTo: quoted + p.area, Scope: sheet})
	}
	return nil
}
