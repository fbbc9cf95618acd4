package exchange

import (
	"cmp"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/scoring"
	"liankanping/internal/workbook"
)

// The statuses of a file in an import, as `import --json` prints them.
const (
	StatusApplied   = "applied"   // written, as one batch
	StatusUnchanged = "unchanged" // nothing to write: every entry is already stored
	StatusRefused   = "refused"   // problems, or conflicts left undecided: nothing written
	StatusPreview   = "preview"   // read and checked, would be applied
)

// The decisions on a conflict.
const (
	TakeFile = "file" // write the file's value over the stored one
	KeepMine = "keep" // keep the stored value
)

// ImportRequest says which files to import and how. Paths may name files and folders (see
// ExpandPaths); Token, from a preview, names the previewed files instead and makes the apply
// refuse a file that changed since.
type ImportRequest struct {
	Paths []string `json:"paths"`
	Token string   `json:"token"`
	// RoundID, when not 0, refuses workbooks of any other round.
	RoundID  uint   `json:"roundId"`
	Password string `json:"password"`
	// ClearBlanks lets a blank cell clear a score that an earlier return of the same workbook
	// set; a blank cell facing a value from elsewhere is a conflict. Without it a blank cell
	// never changes a stored score.
	ClearBlanks bool `json:"clearBlanks"`
	// PreferFile decides every conflict for the file's value (the CLI's --prefer-file).
	PreferFile bool `json:"preferFile"`
	// Choices decide single conflicts, by the file's path and the conflict's key.
	Choices []Choice `json:"choices"`
}

// Choice decides one conflict: Take is TakeFile or KeepMine.
type Choice struct {
	Path string `json:"path"`
	Key  string `json:"key"`
	Take string `json:"take"`
}

// Report is the outcome of a preview or an import, file by file in the order given.
type Report struct {
	// Token names the previewed files and their contents, for ImportRequest.Token.
	Token string       `json:"token"`
	Files []FileReport `json:"files"`
}

// FileReport is what became (or would become) of one file.
type FileReport struct {
	Path       string `json:"path"`
	FileName   string `json:"fileName"`
	Hash       string `json:"hash"`
	Status     string `json:"status"`
	WorkbookID string `json:"workbookId"`
	RoundID    uint   `json:"roundId"`
	Round      string `json:"round"`
	RaterID    uint   `json:"raterId"`
	Rater      string `json:"rater"`
	Sheets     int    `json:"sheets"`
	New        int    `json:"new"`
	Changed    int    `json:"changed"`
	Unchanged  int    `json:"unchanged"`
	Cleared    int    `json:"cleared"`
	// Kept counts stored scores left as they were: blank cells, and conflicts decided for
	// the stored value.
	Kept      int                `json:"kept"`
	Conflicts []Conflict         `json:"conflicts"`
	Problems  []workbook.Problem `json:"problems"`
	Notes     []workbook.Problem `json:"notes"`
	BatchID   uint               `json:"batchId"`
	// Changes lists every stored score the file changes or clears, old → new (not the new ones).
	Changes []Change `json:"changes"`
}

func (r *FileReport) refuse(sheet, cell, msg string) {
	r.Status = StatusRefused
	r.Problems = append(r.Problems, workbook.Problem{Sheet: sheet, Cell: cell, Message: msg})
}

// Unresolved counts the conflicts nobody decided.
func (r *FileReport) Unresolved() int {
	n := 0
	for _, c := range r.Conflicts {
		if c.Take == "" {
			n++
		}
	}
	return n
}

// Conflict is a cell whose value differs from a stored score that came from elsewhere: typed
// in the window, or read from another workbook (or from an older return of this one).
type Conflict struct {
	Key          string `json:"key"`
	UnitID       uint   `json:"unitId"`
	IndicatorID  uint   `json:"indicatorId"`
	Unit         string `json:"unit"`
	Indicator    string `json:"indicator"`
	Sheet        string `json:"sheet"`
	Cell         string `json:"cell"`
	Stored       string `json:"stored"`
	File         string `json:"file"`
	StoredSource string `json:"storedSource"`
	Reason       string `json:"reason"`
	// Take is how it was decided: TakeFile, KeepMine, or "" while undecided.
	Take string `json:"take"`
}

// Change is one stored score a file changes: where it is in the file, what it is, the value
// before and after (as the workbook shows it: a grade's label, points otherwise), and the comment
// when that changes too.
type Change struct {
	Sheet      string `json:"sheet"`
	Cell       string `json:"cell"`
	Unit       string `json:"unit"`
	Indicator  string `json:"indicator"`
	Old        string `json:"old"`
	New        string `json:"new"`
	OldComment string `json:"oldComment"`
	NewComment string `json:"newComment"`
}

// Message is the conflict as a sentence for the person deciding.
func (c Conflict) Message() string {
	return fmt.Sprintf("%s %s：文件中为 %s，系统中已有 %s（%s）", c.Unit, c.Indicator, c.File, c.Stored, c.StoredSource)
}

type tokenFile struct {
	Path string `json:"p"`
	Hash string `json:"h"`
}

func makeToken(files []FileReport) string {
	var tf []tokenFile
	for _, f := range files {
		tf = append(tf, tokenFile{f.Path, f.Hash})
	}
	b, _ := json.Marshal(tf)
	return base64.RawURLEncoding.EncodeToString(b)
}

func readToken(tok string) ([]tokenFile, error) {
	b, err := base64.RawURLEncoding.DecodeString(tok)
	var tf []tokenFile
	if err == nil {
		err = json.Unmarshal(b, &tf)
	}
	if err != nil || len(tf) == 0 {
		return nil, apperr.Invalidf("预览已失效，请重新选择文件预览")
	}
	return tf, nil
}

// Preview reads every file and tells what importing it would do, writing nothing.
func (s *Service) Preview(req ImportRequest, progress Progress) (*Report, error) {
	return s.run(req, "", true, progress)
}

// Apply imports every file on its own, all or nothing per file, in one transaction each; a
// refused file leaves the others applied. operator is recorded on each batch.
func (s *Service) Apply(req ImportRequest, operator string, progress Progress) (*Report, error) {
	return s.run(req, operator, false, progress)
}

func (s *Service) run(req ImportRequest, operator string, preview bool, progress Progress) (*Report, error) {
	paths := ExpandPaths(req.Paths)
	want := map[string]string{}
	if req.Token != "" {
		tf, err := readToken(req.Token)
		if err != nil {
			return nil, err
		}
		paths = nil
		for _, f := range tf {
			paths = append(paths, f.Path)
			want[f.Path] = f.Hash
		}
	}
	if len(paths) == 0 {
		return nil, apperr.Invalidf("没有要导入的评分表（文件夹中没有 .xlsx 文件）")
	}
	dbID, key, err := identity(s.db)
	if err != nil {
		return nil, err
	}
	rd := &reader{db: s.db, dbID: dbID, key: key, roundID: req.RoundID, password: req.Password,
		rounds: map[uint]*score.Round{}, roundErr: map[uint]error{}}
	switch {
	case preview:
		previewReads.reset()
		rd.keep = true
	case req.Token != "":
		rd.reuse = true
		defer previewReads.reset()
	}
	choices := map[string]string{}
	for _, c := range req.Choices {
		choices[c.Path+"\x00"+c.Key] = c.Take
	}
	defer gcBudget()()
	total := len(paths)
	progress.report(0, total, "")
	// Files are read two at a time (reading is most of the work) and applied in the given
	// order, one transaction each, so that a later file sees what an earlier one wrote.
	read := make([]chan *returned, total)
	for i := range read {
		read[i] = make(chan *returned, 1)
	}
	go parallel(total, s.Workers, func(i int) { read[i] <- rd.read(paths[i]) })
	rep := &Report{Files: make([]FileReport, total)}
	for i := range paths {
		rt := <-read[i]
		if h, ok := want[paths[i]]; ok && rt.report.Hash != "" && rt.report.Hash != h {
			rt.report.refuse("", "", "文件在预览之后被修改过，请重新预览")
		}
		if len(rt.report.Problems) == 0 {
			if err := s.importOne(rt, req, choices, operator, preview); err != nil {
				if apperr.CodeOf(err) == apperr.Internal {
					return nil, err
				}
				rt.report.refuse("", "", apperr.MessageOf(err))
			}
		}
		rt.ret = nil
		rep.Files[i] = *rt.report
		progress.report(i+1, total, rep.Files[i].FileName)
	}
	if preview {
		rep.Token = makeToken(rep.Files)
	}
	return rep, nil
}

// gcBudget lets the garbage collector run less often while files are read, and returns the
// function that restores its settings. The workbook reader allocates about 80 MB per file of
// 67 sheets, nearly all of it short-lived, and at the default pacing a fifth of an import went
// into collecting it; a soft memory limit keeps the heap (and an import's peak memory, under
// 150 MB) bounded all the same. docs/benchmarks.md has the figures.
func gcBudget() func() {
	pct := debug.SetGCPercent(400)
	limit := debug.SetMemoryLimit(-1)
	if limit == math.MaxInt64 {
		// 64 MB above the heap the process holds now (so that a window holding more does
		// not collect all the time), 96 MB at least.
		sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}}
		metrics.Read(sample)
		var now int64
		if sample[0].Value.Kind() == metrics.KindUint64 {
			now = int64(sample[0].Value.Uint64())
		}
		debug.SetMemoryLimit(max(96<<20, now+64<<20))
	}
	return func() {
		debug.SetGCPercent(pct)
		debug.SetMemoryLimit(limit)
	}
}

// stored is a score as the plan needs it, with where it came from.
type stored struct {
	ID          uint
	UnitID      uint
	IndicatorID uint
	ValueCenti  int64
	Comment     string
	Source      string
	EnteredBy   string
	BatchID     *uint
	FileName    string
	UpdatedAt   time.Time
}

// cellKey names a score of one rater.
type cellKey struct{ unit, ind uint }

func (k cellKey) String() string {
	return strconv.FormatUint(uint64(k.unit), 10) + "-" + strconv.FormatUint(uint64(k.ind), 10)
}

// write is one planned change.
type write struct {
	key     cellKey
	value   *int64
	comment string
	sheet   string
	cell    string
	change  score.Change
}

// importOne plans one file against the database and, unless previewing, applies it in one
// transaction, which a preview rolls back.
func (s *Service) importOne(rt *returned, req ImportRequest, choices map[string]string, operator string, preview bool) error {
	rep := rt.report
	errPreview := errors.New("preview")
	err := s.db.Transaction(func(tx *gorm.DB) error {
		var st round.Status
		if err := tx.Raw("SELECT status FROM rounds WHERE id = ?", rt.round.ID).Scan(&st).Error; err != nil {
			return err
		}
		r := rt.round.Round
		r.Status = st
		if err := round.EnsureWritable(&r); err != nil {
			return apperr.Invalidf("%s，不能导入评分表", apperr.MessageOf(err))
		}
		writes, err := s.plan(tx, rt, req, choices)
		if err != nil {
			return err
		}
		if len(rep.Problems) > 0 {
			return errPreview
		}
		if n := rep.Unresolved(); n > 0 && !preview {
			for _, c := range rep.Conflicts {
				if c.Take == "" {
					rep.refuse(c.Sheet, c.Cell, "与已有评分冲突："+c.Message())
				}
			}
			return errPreview
		}
		if len(writes) == 0 && rep.Unresolved() == 0 {
			rep.Status = StatusUnchanged
			return errPreview
		}
		if preview {
			rep.Status = StatusPreview
			return errPreview
		}
		return s.applyWrites(tx, rt, writes, operator)
	})
	if errors.Is(err, errPreview) {
		return nil
	}
	return err
}

// plan compares every cell of the file with the stored scores of its rater and sorts it:
// new, changed (a later return of the same workbook, or only the comment), unchanged, cleared
// (a blank, with ClearBlanks, where this workbook had set a value), kept, or a conflict.
func (s *Service) plan(tx *gorm.DB, rt *returned, req ImportRequest, choices map[string]string) ([]write, error) {
	rep, meta := rt.report, rt.ret.Meta
	var rows []stored
	err := tx.Table("scores").Select("id, unit_id, indicator_id, value_centi, comment, source, entered_by, batch_id, file_name, updated_at").
		Where("round_id = ? AND rater_id = ?", rt.round.ID, rt.rater.ID).Scan(&rows).Error
	if err != nil {
		return nil, fmt.Errorf("读取已有评分：%w", err)
	}
	have := make(map[cellKey]stored, len(rows))
	batchIDs := map[uint]bool{}
	for _, r := range rows {
		have[cellKey{r.UnitID, r.IndicatorID}] = r
		if r.BatchID != nil {
			batchIDs[*r.BatchID] = true
		}
	}
	batches := map[uint]Batch{}
	if len(batchIDs) > 0 {
		ids := make([]uint, 0, len(batchIDs))
		for id := range batchIDs {
			ids = append(ids, id)
		}
		var bs []Batch
		if err := tx.Where("id IN ?", ids).Find(&bs).Error; err != nil {
			return nil, fmt.Errorf("读取导入批次：%w", err)
		}
		for _, b := range bs {
			batches[b.ID] = b
		}
	}
	units := map[uint]string{}
	for _, u := range rt.round.Units {
		units[u.ID] = u.Name
	}
	inds := map[uint]score.Indicator{}
	for _, ind := range rt.round.Indicators {
		inds[ind.ID] = ind
	}
	// sameWorkbook tells whether a stored value came from an earlier return of this workbook,
	// and whether that return was saved after this file (an out-of-order return).
	sameWorkbook := func(st stored) (same, newer bool) {
		if st.Source != score.SourceWorkbook || st.BatchID == nil {
			return false, false
		}
		b, ok := batches[*st.BatchID]
		if !ok || b.WorkbookID != meta.WorkbookID {
			return false, false
		}
		return true, laterThan(b.FileModified, rt.ret.Modified)
	}
	rep.New, rep.Changed, rep.Unchanged, rep.Cleared, rep.Kept = 0, 0, 0, 0, 0
	rep.Conflicts = []Conflict{}
	rep.Changes = []Change{}
	var writes []write
	for _, sh := range rt.ret.Sheets {
		for _, c := range sh.Cells {
			k := cellKey{sh.UnitID, c.IndicatorID}
			st, has := have[k]
			w := write{key: k, sheet: c.Sheet, cell: c.Cell}
			// changed lists a write over a stored score, old → new, for the preview.
			changed := func() {
				ind := inds[k.ind]
				ch := Change{Sheet: c.Sheet, Cell: c.Cell, Unit: units[k.unit], Indicator: ind.Code + " " + ind.Name,
					Old: showValue(ind, &st.ValueCenti), New: showValue(ind, w.value)}
				if w.comment != st.Comment {
					ch.OldComment, ch.NewComment = st.Comment, w.comment
				}
				rep.Changes = append(rep.Changes, ch)
			}
			conflict := func(reason string) {
				ind := inds[k.ind]
				cf := Conflict{Key: k.String(), UnitID: k.unit, IndicatorID: k.ind, Unit: units[k.unit], Indicator: ind.Code + " " + ind.Name,
					Sheet: c.Sheet, Cell: c.Cell, Stored: showValue(ind, &st.ValueCenti), File: "（空）", StoredSource: s.describe(st, batches), Reason: reason}
				if !c.Blank {
					cf.File = showValue(ind, &c.Value)
				}
				switch take := choices[rep.Path+"\x00"+cf.Key]; {
				case take == TakeFile || take == KeepMine:
					cf.Take = take
				case req.PreferFile:
					cf.Take = TakeFile
				}
				rep.Conflicts = append(rep.Conflicts, cf)
				switch cf.Take {
				case TakeFile:
					if c.Blank {
						w.change = score.Cleared
						rep.Cleared++
					} else {
						v := c.Value
						w.value, w.comment, w.change = &v, pick(c.Comment, st.Comment), score.Updated
						rep.Changed++
					}
					changed()
					writes = append(writes, w)
				case KeepMine:
					rep.Kept++
				}
			}
			switch {
			case c.Blank && !has:
			case c.Blank && !req.ClearBlanks:
				rep.Kept++
			case c.Blank:
				if same, newer := sameWorkbook(st); same && !newer {
					w.change = score.Cleared
					writes = append(writes, w)
					rep.Cleared++
					changed()
				} else {
					conflict("文件中为空")
				}
			case !has:
				v := c.Value
				w.value, w.comment, w.change = &v, c.Comment, score.Created
				writes = append(writes, w)
				rep.New++
			case st.ValueCenti == c.Value && (c.Comment == "" || c.Comment == st.Comment):
				rep.Unchanged++
			case st.ValueCenti == c.Value:
				v := c.Value
				w.value, w.comment, w.change = &v, c.Comment, score.Updated
				writes = append(writes, w)
				rep.Changed++
				changed()
			default:
				same, newer := sameWorkbook(st)
				switch {
				case same && !newer:
					v := c.Value
					w.value, w.comment, w.change = &v, pick(c.Comment, st.Comment), score.Updated
					writes = append(writes, w)
					rep.Changed++
					changed()
				case same:
					conflict("系统中的值来自这份评分表较晚保存的一次交回，这份文件较旧")
				case st.Source == score.SourceWorkbook:
					conflict("系统中的值来自另一份评分表")
				default:
					conflict("系统中的值是在窗口中录入的")
				}
			}
		}
	}
	return writes, nil
}

// pick is the comment a write keeps: the file's, or the stored one when the file's is blank
// (a blank never erases).
func pick(file, stored string) string {
	if file != "" {
		return file
	}
	return stored
}

// laterThan compares two W3CDTF times as office suites write them; an unknown time is never
// later, so that a file without one counts as the newest.
func laterThan(a, b string) bool {
	ta, errA := time.Parse(time.RFC3339, strings.TrimSpace(a))
	tb, errB := time.Parse(time.RFC3339, strings.TrimSpace(b))
	return errA == nil && errB == nil && ta.After(tb)
}

// showValue writes a value as the rater would have typed it: a grade's label, or the number.
func showValue(ind score.Indicator, v *int64) string {
	if v == nil {
		return "（空）"
	}
	if ind.Engine.Kind == scoring.KindGrade {
		for _, o := range ind.Engine.Options {
			if o.Points == *v {
				return o.Label
			}
		}
	}
	return scoring.FormatPoints(*v)
}

// describe says where a stored value came from, for the person deciding a conflict.
func (s *Service) describe(st stored, batches map[uint]Batch) string {
	at := st.UpdatedAt.Local().Format("2006年1月2日 15:04")
	if st.Source == score.SourceWorkbook {
		name := st.FileName
		if st.BatchID != nil {
			if b, ok := batches[*st.BatchID]; ok {
				name = b.FileName
			}
		}
		return fmt.Sprintf("%s 导入自评分表 %s", at, name)
	}
	if st.EnteredBy != "" {
		return fmt.Sprintf("%s 由 %s 在窗口中录入", at, st.EnteredBy)
	}
	return at + " 在窗口中录入"
}

// applyWrites records the batch and writes its changes. New scores, most of a first return,
// are inserted with one statement per file and their history rows with a second, the way
// score.Write would write them one by one: the SQLite driver parses and binds every statement
// anew, which made row-by-row writes (and gorm's batches) cost most of an import's time.
// Changes and clears go through score.Write.
func (s *Service) applyWrites(tx *gorm.DB, rt *returned, writes []write, operator string) error {
	rep := rt.report
	now := s.Now()
	b := Batch{RoundID: rt.round.ID, RaterID: rt.rater.ID, WorkbookID: rep.WorkbookID, FileName: rep.FileName, FileHash: rep.Hash,
		FileModified: rt.ret.Modified, SheetCount: rep.Sheets, CreatedCount: rep.New, UpdatedCount: rep.Changed,
		ClearedCount: rep.Cleared, KeptCount: rep.Kept, Status: BatchApplied, AppliedAt: now, Operator: operator}
	if err := tx.Create(&b).Error; err != nil {
		return fmt.Errorf("记录导入批次：%w", err)
	}
	var created [][]any
	for _, w := range writes {
		if w.change == score.Created {
			created = append(created, []any{w.key.unit, w.key.ind, *w.value, w.comment, w.sheet, w.cell})
		}
	}
	// New scores first: their history rows are copied from the scores that carry this batch.
	// In the order of the scores' index, so that SQLite mostly appends to its pages rather
	// than splitting them.
	slices.SortFunc(created, func(a, b []any) int {
		if c := cmp.Compare(a[0].(uint), b[0].(uint)); c != 0 {
			return c
		}
		return cmp.Compare(a[1].(uint), b[1].(uint))
	})
	if len(created) > 0 {
		if err := insertCreated(tx, rt.round.ID, rt.rater.ID, b.ID, rep.FileName, rep.Hash, now, created); err != nil {
			return err
		}
	}
	for _, w := range writes {
		if w.change == score.Created {
			continue
		}
		k := score.Key{RoundID: rt.round.ID, RaterID: rt.rater.ID, UnitID: w.key.unit, IndicatorID: w.key.ind}
		p := score.Provenance{Source: score.SourceWorkbook, BatchID: &b.ID, FileName: rep.FileName, FileHash: rep.Hash, Sheet: w.sheet, Cell: w.cell}
		if _, err := score.Write(tx, k, w.value, w.comment, p, now); err != nil {
			return fmt.Errorf("保存评分：%w", err)
		}
	}
	rep.Status, rep.BatchID = StatusApplied, b.ID
	return nil
}

// insertCreated inserts new scores, given as [unit, indicator, value, comment, sheet, cell],
// and a history row for each (no old value), as score.Write does for a score it creates.
func insertCreated(tx *gorm.DB, roundID, raterID, batchID uint, fileName, fileHash string, at time.Time, rows [][]any) error {
	data, err := json.Marshal(rows)
	if err != nil {
		return err
	}
	err = tx.Exec(`INSERT INTO scores (round_id, rater_id, unit_id, indicator_id, value_centi, comment, source, entered_by,
  batch_id, file_name, file_hash, sheet, cell, updated_at)
SELECT ?, ?, value->>0, value->>1, value->>2, value->>3, ?, '', ?, ?, ?, value->>4, value->>5, ? FROM json_each(?)`,
		roundID, raterID, score.SourceWorkbook, batchID, fileName, fileHash, at, string(data)).Error
	if err != nil {
		return fmt.Errorf("保存评分：%w", err)
	}
	// Updates and clears of this batch come after, through score.Write, which writes their
	// history: at this point the batch's rows in scores are exactly the ones just created.
	err = tx.Exec(`INSERT INTO score_history (round_id, rater_id, unit_id, indicator_id, old_value_centi, new_value_centi,
  old_comment, new_comment, source, entered_by, batch_id, file_name, file_hash, sheet, cell, changed_at)
SELECT round_id, rater_id, unit_id, indicator_id, NULL, value_centi, '', comment, source, entered_by, batch_id, file_name,
  file_hash, sheet, cell, updated_at FROM scores WHERE round_id = ? AND rater_id = ? AND batch_id = ?`,
		roundID, raterID, batchID).Error
	if err != nil {
		return fmt.Errorf("保存评分记录：%w", err)
	}
	return nil
}
