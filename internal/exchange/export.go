package exchange

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/workbook"
)

// ExportOptions are the choices of an export.
type ExportOptions struct {
	// Password, when set, encrypts every file; raters need it to open theirs.
	Password string `json:"password"`
	Operator string `json:"-"`
}

// ExportedFile is one rater workbook written.
type ExportedFile struct {
	Path       string `json:"path"`
	FileName   string `json:"fileName"`
	RaterID    uint   `json:"raterId"`
	Rater      string `json:"rater"`
	Group      string `json:"group"`
	Units      int    `json:"units"`
	WorkbookID string `json:"workbookId"`
}

// SkippedRater is a rater who got no workbook, and why.
type SkippedRater struct {
	RaterID uint   `json:"raterId"`
	Rater   string `json:"rater"`
	Reason  string `json:"reason"`
}

// ExportResult is what an export wrote.
type ExportResult struct {
	RoundID uint           `json:"roundId"`
	Round   string         `json:"round"`
	Dir     string         `json:"dir"`
	Files   []ExportedFile `json:"files"`
	Skipped []SkippedRater `json:"skipped"`
}

// ExportRaters writes one rater workbook per rater of a round in scoring into dir (created if
// needed), named <round>_<rater>_评分表.xlsx. Each file is written under a temporary name in
// dir and renamed when complete, so a folder never holds half a workbook; an existing file of
// the same name is replaced. Every workbook gets a new id, recorded in the database.
func (s *Service) ExportRaters(roundID uint, dir string, opts ExportOptions, progress Progress) (*ExportResult, error) {
	if strings.TrimSpace(dir) == "" {
		return nil, apperr.Invalidf("请选择保存评分表的文件夹")
	}
	r, err := score.LoadRound(s.db, roundID)
	if err != nil {
		return nil, err
	}
	if err := round.EnsureWritable(&r.Round); err != nil {
		return nil, apperr.Conflictf("%s，不能导出评分表", apperr.MessageOf(err))
	}
	if len(r.Indicators) == 0 {
		return nil, apperr.Invalidf("轮次 %s 的考核方案没有可评分的指标", r.Code)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, apperr.Invalidf("无法创建文件夹 %s：%v", dir, err)
	}
	dbID, key, err := identity(s.db)
	if err != nil {
		return nil, err
	}
	books, res, err := s.books(r, dbID, dir, raterSuffix)
	if err != nil {
		return nil, err
	}
	enc := workbook.NewRaterEncoder(key)
	enc.Password = opts.Password
	if err := s.writeAll(res.Files, books, enc.Encode, progress); err != nil {
		return nil, err
	}
	now := s.Now()
	rows := make([]exportedWorkbook, len(books))
	for i, b := range books {
		rows[i] = exportedWorkbook{WorkbookID: b.WorkbookID, RoundID: r.ID, RaterID: b.RaterID, FileName: res.Files[i].FileName,
			Encrypted: opts.Password != "", ExportedAt: now, Operator: opts.Operator}
	}
	if len(rows) > 0 {
		if err := s.db.CreateInBatches(rows, 100).Error; err != nil {
			return nil, fmt.Errorf("记录导出的评分表：%w", err)
		}
	}
	return res, nil
}

// writeAll writes books[i] to files[i].Path with encode, on s.Workers goroutines, telling
// progress after each file.
func (s *Service) writeAll(files []ExportedFile, books []*workbook.RaterBook, encode func(io.Writer, *workbook.RaterBook) error, progress Progress) error {
	total := len(books)
	progress.report(0, total, "")
	errs := make([]error, total)
	var mu sync.Mutex
	done := 0
	parallel(total, s.Workers, func(i int) {
		errs[i] = workbook.SaveFile(files[i].Path, func(w io.Writer) error { return encode(w, books[i]) })
		mu.Lock()
		done++
		progress.report(done, total, files[i].FileName)
		mu.Unlock()
	})
	for i, err := range errs {
		if err != nil {
			return apperr.New(apperr.Internal, "写入 %s 失败：%v", files[i].FileName, err)
		}
	}
	return nil
}

// The endings of the files an export writes: <round>_<rater><suffix>.
const (
	raterSuffix = "_评分表.xlsx"
	paperSuffix = "_纸质评分表.xlsx"
)

// books builds one workbook per rater with the units they may score (not their own: 回避),
// to be written into dir under names ending in suffix.
func (s *Service) books(r *score.Round, dbID, dir, suffix string) ([]*workbook.RaterBook, *ExportResult, error) {
	res := &ExportResult{RoundID: r.ID, Round: r.Code, Dir: dir, Files: []ExportedFile{}, Skipped: []SkippedRater{}}
	inds := raterIndicators(r)
	used := map[string]bool{}
	var books []*workbook.RaterBook
	now := s.Now()
	for _, g := range r.Groups {
		for _, rt := range g.Raters {
			var units []workbook.RaterUnit
			for _, u := range r.Units {
				if !rt.Barred(u.ID) {
					units = append(units, workbook.RaterUnit{ID: u.ID, Name: u.Name, ShortName: u.ShortName})
				}
			}
			if len(units) == 0 {
				res.Skipped = append(res.Skipped, SkippedRater{RaterID: rt.ID, Rater: rt.Name, Reason: "按回避规则没有可评分的单位"})
				continue
			}
			id, err := workbook.NewWorkbookID()
			if err != nil {
				return nil, nil, err
			}
			books = append(books, &workbook.RaterBook{WorkbookID: id, DatabaseID: dbID, RoundID: r.ID, RoundCode: r.Code,
				RoundTitle: r.Title, RoundDate: r.Date, Place: r.Place, Deadline: r.Deadline, SchemeID: r.SchemeID,
				SchemeName: r.SchemeName, SchemeVersion: r.SchemeVersion, RaterID: rt.ID, RaterName: rt.Name,
				RaterUnit: rt.UnitName, Group: g.Name, ExportedAt: now, Indicators: inds, Units: units})
			name := fileName(r.Code, rt, used, suffix)
			res.Files = append(res.Files, ExportedFile{Path: filepath.Join(dir, name), FileName: name, RaterID: rt.ID,
				Rater: rt.Name, Group: g.Name, Units: len(units), WorkbookID: id})
		}
	}
	return books, res, nil
}

// fileName is <round>_<rater><suffix> (2024Q4_王建国_评分表.xlsx), with the rater's unit (or a
// number) added when two raters share a name, and characters no file system takes replaced.
func fileName(code string, rt round.RaterRef, used map[string]bool, suffix string) string {
	base := cleanFileName(code + "_" + strings.TrimSpace(rt.Name))
	name := base + suffix
	if used[strings.ToLower(name)] && rt.UnitName != "" {
		name = base + "（" + cleanFileName(rt.UnitName) + "）" + suffix
	}
	for n := 2; used[strings.ToLower(name)]; n++ {
		name = fmt.Sprintf("%s（%d）%s", base, n, suffix)
	}
	used[strings.ToLower(name)] = true
	return name
}

// cleanFileName replaces the characters no file system takes by their full-width forms.
var cleanFileName = strings.NewReplacer("/", "／", "\\", "＼", ":", "：", "*", "＊", "?", "？", "\"", "“", "<", "《", ">", "》", "|", "｜").Replace

// parallel runs fn(0) … fn(n-1) on at most workers goroutines.
func parallel(n, workers int, fn func(i int)) {
	workers = max(1, min(workers, n))
	next := make(chan int)
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				fn(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}
