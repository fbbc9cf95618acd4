package workbook

// How a rater workbook's unit sheets print. A rater carries them on site, so each unit should
// be one A4 page: the sheet is fitted to one page, in the orientation that leaves its text the
// larger. A scheme too long for one legible page (BENCH's 120 indicators) is fitted to the
// page's width only, with manual page breaks between dimensions, so that no page starts in the
// middle of a dimension unless the dimension alone is longer than a page, and the 合计 row
// never stands alone. (Excel ignores manual breaks on a sheet fitted to a number of pages
// tall, so the two modes do not mix.) The breaks are planned at the largest scale a suite may
// print at (Excel's, with Calibri's 7-pixel digits): a suite whose columns come out wider —
// LibreOffice without Calibri — prints smaller and so never needs a break of its own first.

// A4 in points, and the margins of rater workbooks in inches (as excelize takes them).
const (
	a4Short = 595.3
	a4Long  = 841.9

	printSide   = 0.5
	printTop    = 0.6
	printHeader = 0.3

	// pageFill is the share of a page's printable height a page of manual breaks fills: room
	// for suites' rounding of row heights and scales, so that they never break a page earlier.
	// (A sheet fitted to one page needs none: the suite computes its own scale.)
	pageFill = 0.92
	// minOnePageScale is the smallest scale at which a unit still goes on one page: below it
	// 10.5-point text prints under 7 points, and the sheet is spread over pages instead.
	minOnePageScale = 0.68
)

// Row heights of unit sheets, in points. rowLine is one line of 10.5-point 仿宋 with the
// leading a CJK font brings (Noto Sans CJK, LibreOffice's usual stand-in, is the tallest).
const (
	rowLine    = 14.5
	rowPadding = 6
	// paperRowMin leaves room to write a score by hand on the paper sheet.
	paperRowMin = 30
)

// pagePlan is how one unit sheet prints.
type pagePlan struct {
	landscape bool
	// onePage fits the whole sheet on one page; otherwise the sheet is fitted to the page's
	// width, with a manual page break before each row of breaks (1-based).
	onePage bool
	breaks  []int
	// pages and split (dimensions spread over two pages) are what the plan expects.
	pages, split int
}

// columnPoints is the printed width of a column of Excel width w (in characters of the
// default font, 7 pixels each plus 5 of padding, at 96 pixels an inch).
func columnPoints(w float64) float64 { return (w*7 + 5) * 0.75 }

// printableArea is the width and height a page leaves for cells, in points at 100 %.
func printableArea(landscape bool) (w, h float64) {
	w, h = a4Short, a4Long
	if landscape {
		w, h = h, w
	}
	return w - 2*printSide*72, h - 2*printTop*72
}

// sheetBlock is a run of rows kept together where possible (one dimension's indicators).
type sheetBlock struct{ first, last int } // 0-based indexes into the row heights

// sheetRows is the vertical layout of a unit sheet, in points at 100 %.
type sheetRows struct {
	widths  []float64 // the printed columns' widths
	title   float64   // the rows at the top, repeated on every page
	heights []float64 // the body rows
	blocks  []sheetBlock
	first   int     // the sheet row of heights[0]
	tail    float64 // after the body (合计, and on paper the signature lines); never alone
}

// planPages plans the printing of a sheet: one page when it fits legibly, else the orientation
// that splits the fewest dimensions over pages, then needs the fewest pages, landscape first.
func planPages(r sheetRows) pagePlan {
	width := 0.0
	for _, w := range r.widths {
		width += columnPoints(w)
	}
	height := r.title + r.tail
	for _, h := range r.heights {
		height += h
	}
	best := pagePlan{onePage: true}
	bestScale := 0.0
	for _, landscape := range []bool{true, false} {
		pw, ph := printableArea(landscape)
		s := min(1, pw/width, ph/height)
		// Portrait only when it prints clearly larger: landscape is what the widths are for.
		if s > bestScale+0.03 {
			best.landscape, bestScale = landscape, s
		}
	}
	if bestScale >= minOnePageScale {
		best.pages = 1
		return best
	}
	var plan pagePlan
	for i, landscape := range []bool{true, false} {
		pw, _ := printableArea(landscape)
		p := r.paginate(landscape, min(1, pw/width))
		if i == 0 || p.split < plan.split || p.split == plan.split && p.pages < plan.pages {
			plan = p
		}
	}
	return plan
}

// paginate breaks the sheet into pages printed at scale s.
func (r sheetRows) paginate(landscape bool, s float64) pagePlan {
	plan := pagePlan{landscape: landscape, pages: 1}
	_, ph := printableArea(landscape)
	room := ph*pageFill/s - r.title
	used := 0.0
	newPage := func(i int) {
		plan.breaks = append(plan.breaks, r.first+i)
		plan.pages++
		used = 0
	}
	for bi, b := range r.blocks {
		size := 0.0
		for i := b.first; i <= b.last; i++ {
			size += r.heights[i]
		}
		lastBlock := bi == len(r.blocks)-1
		if lastBlock {
			size += r.tail
		}
		// A block that fits on a page starts one when it does not fit on this one; a longer
		// block runs on from where the page stands and is split where pages end.
		if used > 0 && used+size > room && size <= room {
			newPage(b.first)
		}
		if used+size <= room {
			used += size
			continue
		}
		plan.split++
		for i := b.first; i <= b.last; i++ {
			if used > 0 && used+r.heights[i] > room {
				newPage(i)
			}
			used += r.heights[i]
		}
		if lastBlock && used+r.tail > room && b.last > b.first {
			// The total would start a page alone: the last row goes with it.
			if n := len(plan.breaks); n == 0 || plan.breaks[n-1] != r.first+b.last {
				newPage(b.last)
			}
		}
	}
	return plan
}

// textWidthSlack corrects textWidth for wrapping: it counts a Chinese character as 2.25
// units, where Excel and WPS fit one in 2 (10.5-point 仿宋, 14 pixels) and LibreOffice's
// stand-ins in less; 1.1 keeps half the difference as a margin.
const textWidthSlack = 1.1

// rowHeight is the height of a unit sheet's row whose cells hold texts in columns of the
// given widths: enough lines for the longest.
func rowHeight(texts map[int]string, widths []float64, minimum float64) float64 {
	lines := 1.0
	for c, text := range texts {
		lines = max(lines, wrappedLines(text, widths[c]*textWidthSlack))
	}
	return min(max(rowLine*lines+rowPadding, minimum), 409)
}
