package workbook

import (
	"fmt"
	"io"
	"strconv"

	"github.com/xuri/excelize/v2"
)

// The paper sheets (纸质评分表) of a round: the unit sheets of a rater workbook for raters who
// score on site with a pen — the same indicators, rows and print layout, blank boxes under
// 得分 and 说明, a short note on how to fill them, and lines for the rater's signature and the
// date. They carry no metadata, formulas or protection: they come back on paper and are
// entered in the app, never imported.

// Heights of the paper sheet's last rows, in points: the note and the signature line.
const (
	paperNoteHeight = 30
	paperSignHeight = 44
)

// paperNote tells the rater on paper how to fill the boxes, in the words of the guide.
const paperNote = "填写说明：得分项填0到“分值”之间的数；扣分项填扣除的分数（扣2分填2），不扣分不填；加分项填加的分数，没有不填；" +
	"等次项填等次（如“好”）。请用钢笔或签字笔填写，字迹清楚；改动处请签名确认。"

// paperSignature is the signature line.
const paperSignature = "评分人签名：＿＿＿＿＿＿＿＿＿＿＿＿　　　　　　日期：＿＿＿＿年＿＿月＿＿日"

// EncodePaper writes b as paper sheets to w: one sheet per unit, each printing on one A4 page
// when the scheme allows (as a rater workbook's unit sheets do). b.RaterName may be empty for
// sheets whose rater writes their name by hand; b.WorkbookID is not used.
func EncodePaper(w io.Writer, b *RaterBook) error {
	if len(b.Units) == 0 {
		return fmt.Errorf("paper sheets: no units")
	}
	rw := &raterWriter{b: b, names: b.SheetNames(), paper: true}
	rw.first = raterHeaderRow + 1
	rw.last = raterHeaderRow + len(b.Indicators)
	rw.total = rw.last + 1
	f := newBook()
	defer closeQuietly(f)
	rw.f = f
	if err := rw.writePaper(); err != nil {
		return fmt.Errorf("paper sheets %s: %w", b.RaterName, err)
	}
	f.SetZipWriter(fastZipWith(rw.printTitlesXML()))
	return f.Write(w)
}

func (rw *raterWriter) writePaper() error {
	f, b := rw.f, rw.b
	var err error
	if rw.st, err = newRaterStyles(f); err != nil {
		return err
	}
	rw.prepareRows()
	// Every sheet comes before the first stream writer (see write).
	if err := f.SetSheetName("Sheet1", rw.names[0]); err != nil {
		return err
	}
	for _, s := range rw.names[1:] {
		if _, err := f.NewSheet(s); err != nil {
			return err
		}
	}
	f.SetActiveSheet(0)
	title := b.RoundTitle + "纸质评分表"
	if b.RaterName != "" {
		title += "（" + b.RaterName + "）"
	}
	if err := f.SetDocProps(&excelize.DocProperties{Title: title, Creator: "联看评", Subject: b.RoundCode, Language: "zh-CN"}); err != nil {
		return err
	}
	for i := range b.Units {
		if err := rw.writeUnit(i); err != nil {
			return err
		}
	}
	return nil
}

// widths are the widths of the sheet's columns: the paper sheet has no hidden helper column.
func (rw *raterWriter) widths() []float64 {
	if rw.paper {
		return raterWidths[:colHelper]
	}
	return raterWidths[:]
}

// writePaperEnd writes the note and the signature line below a paper sheet's 合计, and returns
// the merges they need.
func (rw *raterWriter) writePaperEnd(sw *excelize.StreamWriter) ([][2]string, error) {
	note, sign := strconv.Itoa(rw.total+1), strconv.Itoa(rw.total+2)
	if err := sw.SetRow("A"+note, []any{excelize.Cell{StyleID: rw.st.guide, Value: paperNote}}, excelize.RowOpts{Height: paperNoteHeight}); err != nil {
		return nil, err
	}
	if err := sw.SetRow("A"+sign, []any{excelize.Cell{StyleID: rw.st.sign, Value: paperSignature}}, excelize.RowOpts{Height: paperSignHeight}); err != nil {
		return nil, err
	}
	return [][2]string{{"A" + note, "H" + note}, {"A" + sign, "H" + sign}}, nil
}
