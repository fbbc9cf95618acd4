package exchange

import (
	"os"
	"path/filepath"
	"strings"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/workbook"
)

// ExportPaper writes the paper sheets (纸质评分表) of a round into dir (created if needed), for
// raters who score on site with a pen: one file per rater with the units they may score and
// their name printed (<round>_<rater>_纸质评分表.xlsx), and one blank file with every observed
// unit and the rater left to write in (<round>_空白纸质评分表.xlsx), listed last with no rater.
// A planned round may have its paper sheets printed ahead; a closed one is refused. Nothing is
// recorded: paper comes back by hand, not through the import.
func (s *Service) ExportPaper(roundID uint, dir string, progress Progress) (*ExportResult, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, apperr.Invalidf("请选择保存纸质评分表的文件夹")
	}
	r, err := score.LoadRound(s.db, roundID)
	if err != nil {
		return nil, err
	}
	if r.Status == round.Closed {
		return nil, apperr.Conflictf("轮次 %s 已结束，不能再导出纸质评分表", r.Code)
	}
	if len(r.Indicators) == 0 {
		return nil, apperr.Invalidf("轮次 %s 的考核方案没有可评分的指标", r.Code)
	}
	if len(r.Units) == 0 {
		return nil, apperr.Invalidf("轮次 %s 还没有观摩单位", r.Code)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, apperr.Invalidf("无法创建文件夹 %s：%v", dir, err)
	}
	books, res, err := s.books(r, "", dir, paperSuffix)
	if err != nil {
		return nil, err
	}
	blank := &workbook.RaterBook{RoundID: r.ID, RoundCode: r.Code, RoundTitle: r.Title, RoundDate: r.Date, Place: r.Place,
		Deadline: r.Deadline, SchemeID: r.SchemeID, SchemeName: r.SchemeName, SchemeVersion: r.SchemeVersion,
		Indicators: raterIndicators(r), ExportedAt: s.Now()}
	for _, u := range r.Units {
		blank.Units = append(blank.Units, workbook.RaterUnit{ID: u.ID, Name: u.Name, ShortName: u.ShortName})
	}
	name := cleanFileName(r.Code) + "_空白" + strings.TrimPrefix(paperSuffix, "_")
	books = append(books, blank)
	res.Files = append(res.Files, ExportedFile{Path: filepath.Join(dir, name), FileName: name, Units: len(blank.Units)})
	if err := s.writeAll(res.Files, books, workbook.EncodePaper, progress); err != nil {
		return nil, err
	}
	return res, nil
}
