package ledger

import (
	"archive/zip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/evidence"
	"liankanping/internal/exchange"
	"liankanping/internal/finding"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// The statuses of a returned file, as for rater workbooks (exchange.Status*).
const (
	StatusApplied   = exchange.StatusApplied
	StatusUnchanged = exchange.StatusUnchanged
	StatusRefused   = exchange.StatusRefused
	StatusPreview   = exchange.StatusPreview
)

// The kinds of a row's change in a return.
const (
	ChangeNew     = "new"     // the unit's first answer: nothing was recorded before
	ChangeChanged = "changed" // an answer replaces or adds to what was recorded
)

// ImportRequest says which returned feedback workbooks to take in. Paths may name files and
// folders (exchange.ExpandPaths); Token, from a preview, names the previewed files instead and
// makes the apply refuse a file that changed since.
type ImportRequest struct {
	Paths    []string `json:"paths"`
	Token    string   `json:"token"`
	Password string   `json:"password"`
}

// Report is the outcome of a preview or an import, file by file in the order given.
type Report struct {
	// Token names the previewed files and their contents, for ImportRequest.Token.
	Token string       `json:"token"`
	Files []FileReport `json:"files"`
}

// FileReport is what became (or would become) of one returned workbook. New, Changed and
// Unchanged count its findings; Moved those whose status the return moves.
type FileReport struct {
	Path       string `json:"path"`
	FileName   string `json:"fileName"`
	Hash       string `json:"hash"`
	Status     string `json:"status"`
	WorkbookID string `json:"workbookId"`
	UnitID     uint   `json:"unitId"`
	Unit       string `json:"unit"`
	Rows       int    `json:"rows"`
	New        int    `json:"new"`
	Changed    int    `json:"changed"`
	Unchanged  int    `json:"unchanged"`
	Moved      int    `json:"moved"`
	// Files counts the evidence files the return brings (attached, or to be attached).
	Files    int                `json:"files"`
	Changes  []RowChange        `json:"changes"`
	Problems []workbook.Problem `json:"problems"`
	Notes    []workbook.Problem `json:"notes"`
	BatchID  uint               `json:"batchId"`
	// filesHash is the digest of the evidence files read with the workbook.
	filesHash string
}

// tokenHash is what the preview token records of a file: the workbook's hash and, when it
// names evidence files, theirs.
func (r *FileReport) tokenHash() string {
	if r.filesHash == "" {
		return r.Hash
	}
	return r.Hash + "+" + r.filesHash
}

func (r *FileReport) refuse(sheet, cell, msg string) {
	r.Status = StatusRefused
	r.Problems = append(r.Problems, workbook.Problem{Sheet: sheet, Cell: cell, Message: msg})
}

func (r *FileReport) note(sheet, cell, msg string) {
	r.Notes = append(r.Notes, workbook.Problem{Sheet: sheet, Cell: cell, Message: msg})
}

// RowChange is what a return does to one finding.
type RowChange struct {
	FindingID   uint          `json:"findingId"`
	Sheet       string        `json:"sheet"`
	Cell        string        `json:"cell"`
	Description string        `json:"description"`
	Kind        string        `json:"kind"`
	Fields      []FieldChange `json:"fields"`
	// StatusFrom and StatusTo are the status move, both "" when the status stays.
	StatusFrom string `json:"statusFrom"`
	StatusTo   string `json:"statusTo"`
	// Files are the evidence files the return attaches to the finding.
	Files []string `json:"files"`
}

// FieldChange is one field a return sets: its Chinese name, and the text before and after.
type FieldChange struct {
	Field string `json:"field"`
	Old   string `json:"old"`
	New   string `json:"new"`
}

// Preview reads every file and tells what importing it would do, writing nothing.
func (s *Service) Preview(req ImportRequest) (*Report, error) { return s.run(req, "", true) }

// Apply imports every file on its own, all or nothing per file, each in one transaction; a
// refused file leaves the others applied. operator is recorded on each batch.
func (s *Service) Apply(req ImportRequest, operator string) (*Report, error) {
	return s.run(req, operator, false)
}

func (s *Service) run(req ImportRequest, operator string, preview bool) (*Report, error) {
	paths := exchange.ExpandPaths(req.Paths)
	want := map[string]string{}
	if req.Token != "" {
		var err error
		if paths, want, err = exchange.PreviewedFiles(req.Token); err != nil {
			return nil, err
		}
	}
	if len(paths) == 0 {
		return nil, apperr.Invalidf("没有要导入的整改情况反馈表（文件夹中没有 .xlsx 文件）")
	}
	dbID, key, err := exchange.Identity(s.db)
	if err != nil {
		return nil, err
	}
	rep := &Report{Files: make([]FileReport, len(paths))}
	hashes := make([]string, len(paths))
	for i, p := range paths {
		rt := s.read(p, dbID, key, req.Password)
		if h, ok := want[p]; ok && rt.report.Hash != "" && rt.report.tokenHash() != h {
			rt.report.refuse("", "", "文件在预览之后被修改过，请重新预览")
		}
		if len(rt.report.Problems) == 0 {
			if err := s.importOne(rt, operator, preview); err != nil {
				if apperr.CodeOf(err) == apperr.Internal {
					return nil, err
				}
				rt.report.refuse("", "", apperr.MessageOf(err))
			}
		}
		rep.Files[i], hashes[i] = *rt.report, rt.report.tokenHash()
	}
	if preview {
		rep.Token = exchange.PreviewToken(paths, hashes)
	}
	return rep, nil
}

// returned is a file read and checked against its signature, before any plan.
type returned struct {
	report *FileReport
	ret    *workbook.FeedbackReturn
	// files are the evidence files the rows name, by the names written.
	files map[string]evidenceFile
}

// read reads one file, refusing what the rater import refuses (workbook.OpenBytes and
// exchange.ReadReturned): not an xlsx, a legacy .xls, a wrong password, a corrupt or truncated
// file, a zip bomb; then a workbook of another database, a broken signature or a unit that no
// longer exists. Nothing it meets may escape as a panic: excelize on a hostile file is
// recovered into a refusal.
func (s *Service) read(path, dbID string, key []byte, password string) (out *returned) {
	rep := &FileReport{Path: path, FileName: filepath.Base(path), Status: StatusRefused, Changes: []RowChange{},
		Problems: []workbook.Problem{}, Notes: []workbook.Problem{}}
	out = &returned{report: rep}
	defer func() {
		if p := recover(); p != nil {
			rep.refuse("", "", workbook.PanicMessage(rep.FileName, p))
			out.ret = nil
		}
	}()
	ev := s.evidence
	var src companions
	var data []byte
	if strings.EqualFold(filepath.Ext(path), ".zip") {
		zr, err := zip.OpenReader(path)
		if err != nil {
			rep.refuse("", "", fmt.Sprintf("压缩包 %s 已损坏或无法打开", rep.FileName))
			return out
		}
		defer zr.Close()
		name, book, files, err := openZipReturn(&zr.Reader, ev.MaxBytes())
		if err != nil {
			rep.refuse("", "", apperr.MessageOf(err))
			return out
		}
		rep.FileName, data, src = name, book, files
	} else {
		var err error
		if data, err = exchange.ReadReturned(path); err != nil {
			rep.refuse("", "", apperr.MessageOf(err))
			return out
		}
		src = folderFiles{dir: filepath.Dir(path), max: ev.MaxBytes()}
	}
	sum := sha256.Sum256(data)
	rep.Hash = hex.EncodeToString(sum[:])
	f, err := workbook.OpenBytes(data, rep.FileName, password)
	if err != nil {
		rep.refuse("", "", apperr.MessageOf(err))
		return out
	}
	defer f.Close()
	meta, err := workbook.ReadFeedbackMeta(f)
	if err != nil {
		rep.refuse("", "", apperr.MessageOf(err))
		return out
	}
	rep.WorkbookID, rep.UnitID, rep.Unit = meta.WorkbookID, meta.UnitID, meta.UnitName
	if meta.DatabaseID != dbID {
		rep.refuse("", "", "这份反馈表不是从本数据库导出的（可能来自另一台电脑或另一个数据库），不能导入")
		return out
	}
	if !meta.Verify(key) {
		rep.refuse("", "", "反馈表隐藏的标识信息被改动过（签名不符），不能导入。请让单位用原始反馈表重新填写，或重新导出反馈表")
		return out
	}
	var unit []string
	if err := s.db.Raw("SELECT name FROM units WHERE id = ?", meta.UnitID).Pluck("name", &unit).Error; err != nil {
		rep.refuse("", "", apperr.MessageOf(err))
		return out
	}
	if len(unit) == 0 {
		rep.refuse("", "", fmt.Sprintf("反馈表所属的单位“%s”已不在本数据库中，不能导入", meta.UnitName))
		return out
	}
	rep.Unit = unit[0]
	ret := workbook.ReadFeedbackRows(f, meta)
	rep.Rows = len(meta.Rows)
	for _, p := range ret.Problems {
		rep.refuse(p.Sheet, p.Cell, p.Message)
	}
	if len(rep.Problems) == 0 {
		out.files, rep.filesHash = readEvidence(rep, ret, src, ev.Check)
	}
	out.ret = ret
	return out
}

var errPreview = errors.New("preview")

// importOne plans one file against the database and, unless previewing, applies it in one
// transaction, which a preview rolls back.
func (s *Service) importOne(rt *returned, operator string, preview bool) error {
	rep := rt.report
	err := store.InTx(s.db, func(t store.Tx) error {
		plan, err := s.plan(t, rt)
		if err != nil {
			return err
		}
		switch {
		case len(rep.Problems) > 0:
			rep.Status = StatusRefused
			return errPreview
		case len(plan) == 0:
			rep.Status = StatusUnchanged
			return errPreview
		case preview:
			rep.Status = StatusPreview
			return errPreview
		}
		return s.applyPlan(t, rt, plan, operator)
	})
	if errors.Is(err, errPreview) {
		return nil
	}
	return err
}

// write is one planned change of a finding.
type write struct {
	before, after finding.Finding
	sheet         string
	cell          string
	// files are the evidence files to attach, new to the finding.
	files []evidence.File
}

// plan compares every row of the return with its finding, by the rules of the package
// comment, and lists the findings that change.
func (s *Service) plan(t store.Tx, rt *returned) ([]write, error) {
	tx := t.DB()
	rep := rt.report
	ids := make([]uint, len(rt.ret.Rows))
	for i, r := range rt.ret.Rows {
		ids[i] = r.FindingID
	}
	var stored []finding.Finding
	if err := tx.Where("id IN ?", ids).Find(&stored).Error; err != nil {
		return nil, fmt.Errorf("读取问题记录：%w", err)
	}
	byID := map[uint]finding.Finding{}
	for _, f := range stored {
		byID[f.ID] = f
	}
	roundDates := map[uint]string{}
	var rounds []struct {
		ID   uint
		Date string
	}
	if err := tx.Raw("SELECT id, date FROM rounds").Scan(&rounds).Error; err != nil {
		return nil, fmt.Errorf("读取观摩轮次：%w", err)
	}
	for _, r := range rounds {
		roundDates[r.ID] = r.Date
	}
	today := s.Now().Format("2006-01-02")
	sheet := rt.ret.Sheet
	rep.New, rep.Changed, rep.Unchanged, rep.Moved = 0, 0, 0, 0
	var writes []write
	for i, r := range rt.ret.Rows {
		n := i + 1
		f, ok := byID[r.FindingID]
		switch {
		case !ok:
			rep.note(sheet, r.MeasuresCell, fmt.Sprintf("第 %d 个问题已在系统中删除，本行不导入", n))
			continue
		case f.UnitID != rep.UnitID:
			rep.note(sheet, r.MeasuresCell, fmt.Sprintf("第 %d 个问题已改为其他单位的问题，本行不导入", n))
			continue
		}
		files, names, err := newFiles(t, f.ID, r.Files, rt.files)
		if err != nil {
			return nil, err
		}
		if f.Status == finding.Closed {
			if r.Measures != "" && r.Measures != f.Measures || r.Progress != "" && r.Progress != f.Progress || r.DoneDate != "" && r.DoneDate != f.DoneDate || len(files) > 0 {
				rep.note(sheet, r.MeasuresCell, fmt.Sprintf("第 %d 个问题已销号，本行的反馈不再导入", n))
			}
			rep.Unchanged++
			continue
		}
		nf := f
		if r.Measures != "" {
			nf.Measures = r.Measures
		}
		if r.Progress != "" {
			nf.Progress = r.Progress
		}
		reported := nf.Measures != f.Measures || nf.Progress != f.Progress
		if r.DoneDate != "" && r.DoneDate != f.DoneDate {
			if msg := doneDateProblem(r.DoneDate, today, f, roundDates); msg != "" {
				rep.refuse(sheet, r.DoneCell, fmt.Sprintf("第 %d 个问题：%s", n, msg))
				continue
			}
			nf.Status, nf.DoneDate = finding.Done, r.DoneDate
		}
		if reported && nf.Status == finding.Pending {
			nf.Status = finding.InProgress
		}
		if nf == f && len(files) == 0 {
			rep.Unchanged++
			continue
		}
		if err := nf.Validate(); err != nil {
			if apperr.CodeOf(err) == apperr.Internal {
				return nil, err
			}
			rep.refuse(sheet, r.MeasuresCell, fmt.Sprintf("第 %d 个问题：%s", n, apperr.MessageOf(err)))
			continue
		}
		c := RowChange{FindingID: f.ID, Sheet: sheet, Cell: r.MeasuresCell, Description: f.Description, Kind: ChangeChanged, Fields: []FieldChange{}, Files: names}
		if f.Measures == "" && f.Progress == "" && f.DoneDate == "" && nf != f {
			c.Kind = ChangeNew
			rep.New++
		} else {
			rep.Changed++
		}
		for _, fc := range []FieldChange{{"整改措施", f.Measures, nf.Measures}, {"完成情况", f.Progress, nf.Progress}, {"完成时间", f.DoneDate, nf.DoneDate},
			{"佐证材料", "", strings.Join(names, "、")}} {
			if fc.Old != fc.New {
				c.Fields = append(c.Fields, fc)
			}
		}
		rep.Files += len(files)
		if nf.Status != f.Status {
			c.StatusFrom, c.StatusTo = string(f.Status), string(nf.Status)
			rep.Moved++
		}
		rep.Changes = append(rep.Changes, c)
		writes = append(writes, write{before: f, after: nf, sheet: sheet, cell: r.MeasuresCell, files: files})
	}
	return writes, nil
}

// newFiles are the evidence files a row names that its finding does not carry yet (a file sent
// again is not attached twice), with their names as written.
func newFiles(t store.Tx, findingID uint, named []string, read map[string]evidenceFile) ([]evidence.File, []string, error) {
	if len(named) == 0 {
		return nil, nil, nil
	}
	have, err := evidence.WithTx(t).Hashes(findingID)
	if err != nil {
		return nil, nil, err
	}
	var files []evidence.File
	var names []string
	for _, n := range named {
		ef, ok := read[n]
		if !ok || have[ef.sha256] {
			continue
		}
		have[ef.sha256] = true
		files = append(files, ef.File)
		names = append(names, ef.Name)
	}
	return files, names, nil
}

// doneDateProblem tells what is wrong with a 完成时间 a return would record, "" when nothing:
// it may not lie after today, nor before the observation that found the problem.
func doneDateProblem(date, today string, f finding.Finding, roundDates map[uint]string) string {
	if date > today {
		return fmt.Sprintf("完成时间 %s 晚于今天，请填写实际完成的日期", workbook.ChineseDate(date))
	}
	if f.RoundID != nil {
		if d := roundDates[*f.RoundID]; d != "" && date < d {
			return fmt.Sprintf("完成时间 %s 早于发现问题的观摩日期 %s", workbook.ChineseDate(date), workbook.ChineseDate(d))
		}
	}
	if f.ClosedDate != "" && date > f.ClosedDate {
		return fmt.Sprintf("完成时间 %s 晚于销号日期 %s", workbook.ChineseDate(date), workbook.ChineseDate(f.ClosedDate))
	}
	return ""
}

// applyPlan records the batch and writes its changes with their history.
func (s *Service) applyPlan(t store.Tx, rt *returned, writes []write, operator string) error {
	tx := t.DB()
	rep := rt.report
	now := s.Now()
	b := Batch{UnitID: rep.UnitID, WorkbookID: rep.WorkbookID, FileName: rep.FileName, FileHash: rep.Hash, RowCount: rep.Rows,
		NewCount: rep.New, ChangedCount: rep.Changed, MovedCount: rep.Moved, UnchangedCount: rep.Unchanged,
		Status: BatchApplied, AppliedAt: now, Operator: operator}
	if err := tx.Create(&b).Error; err != nil {
		return fmt.Errorf("记录导入批次：%w", err)
	}
	for _, w := range writes {
		if err := setFeedback(tx, w.after, now); err != nil {
			return err
		}
		h := newHistory(w.before, w.after, &b.ID, SourceImport, w.sheet, w.cell, now)
		if err := tx.Create(&h).Error; err != nil {
			return fmt.Errorf("记录问题的修改：%w", err)
		}
		if len(w.files) > 0 {
			ev := evidence.WithTx(t)
			ev.Now = s.Now
			added, err := ev.AddFromBatch(evidence.Target{FindingID: w.after.ID, Category: string(w.after.Status)}, w.files,
				"随整改情况反馈表交回（"+rep.FileName+"）", operator, b.ID)
			if err != nil {
				return err
			}
			if len(added.Refused) > 0 {
				return apperr.Invalidf("%s：%s", added.Refused[0].Name, added.Refused[0].Message)
			}
		}
	}
	rep.Status, rep.BatchID = StatusApplied, b.ID
	return nil
}

// setFeedback writes the fields a return sets.
func setFeedback(tx *gorm.DB, f finding.Finding, now time.Time) error {
	err := tx.Model(&finding.Finding{}).Where("id = ?", f.ID).Updates(map[string]any{"measures": f.Measures, "progress": f.Progress,
		"status": f.Status, "done_date": f.DoneDate, "updated_at": now}).Error
	if err != nil {
		return fmt.Errorf("保存整改情况：%w", err)
	}
	return nil
}

// shortText names a finding in messages by the start of its description.
func shortText(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 20 {
		return string(r[:20]) + "…"
	}
	return s
}
