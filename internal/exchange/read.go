package exchange

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"

	"github.com/xuri/excelize/v2"
	"gorm.io/gorm"

	"liankanping/internal/apperr"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/workbook"
)

// ExpandPaths turns what the user chose into files: a folder stands for the workbooks directly
// inside it (see folderKinds), never its
// subfolders, without the ~$ lock files an open Excel leaves; the same file named twice counts
// once. A path that does not exist is kept, to be refused with a message.
func ExpandPaths(paths []string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(p string) {
		key := p
		if abs, err := filepath.Abs(p); err == nil {
			key = abs
		}
		if !seen[key] {
			seen[key] = true
			out = append(out, p)
		}
	}
	for _, p := range paths {
		info, err := os.Stat(p)
		if err != nil || !info.IsDir() {
			add(p)
			continue
		}
		entries, err := os.ReadDir(p)
		if err != nil {
			add(p)
			continue
		}
		var names []string
		for _, e := range entries {
			n := e.Name()
			ext := strings.ToLower(filepath.Ext(n))
			if e.IsDir() || strings.HasPrefix(n, "~$") || strings.HasPrefix(n, ".") || !folderKinds[ext] {
				continue
			}
			names = append(names, n)
		}
		sort.Strings(names)
		for _, n := range names {
			add(filepath.Join(p, n))
		}
	}
	return out
}

// folderKinds are the extensions a folder import picks up: workbooks, and the other
// spreadsheet formats people save returned files in, so that each is named and the user told
// to re-save it rather than passed over in silence.
var folderKinds = map[string]bool{".xlsx": true, ".xlsm": true, ".xls": true, ".et": true, ".ods": true, ".xlsb": true, ".numbers": true}

// returned is a file read and checked against the database, before any plan: its entries,
// the round and rater it belongs to, or the problems that refuse it.
type returned struct {
	report *FileReport
	ret    *workbook.RaterReturn
	round  *score.Round
	rater  round.RaterRef
}

// reader reads returned files against one database; it loads each round once.
type reader struct {
	db       *gorm.DB
	dbID     string
	key      []byte
	roundID  uint
	password string
	mu       sync.Mutex
	rounds   map[uint]*score.Round
	roundErr map[uint]error
	// keep (a preview) puts what it parsed into previewReads; reuse (the apply of a
	// preview) takes it from there.
	keep, reuse bool
}

func (rd *reader) loadRound(id uint) (*score.Round, error) {
	rd.mu.Lock()
	defer rd.mu.Unlock()
	if r, ok := rd.rounds[id]; ok {
		return r, rd.roundErr[id]
	}
	r, err := score.LoadRound(rd.db, id)
	rd.rounds[id], rd.roundErr[id] = r, err
	return r, err
}

// panicHook, set by tests, sees every panic that read turns into a refusal.
var panicHook func(p any, stack []byte)

// read reads one file. Nothing it meets may escape as a panic: excelize on a hostile file is
// recovered into a refusal.
func (rd *reader) read(path string) (out *returned) {
	rep := &FileReport{Path: path, FileName: filepath.Base(path), Status: StatusRefused, Conflicts: []Conflict{},
		Problems: []workbook.Problem{}, Notes: []workbook.Problem{}}
	out = &returned{report: rep}
	defer func() {
		if p := recover(); p != nil {
			if panicHook != nil {
				panicHook(p, debug.Stack())
			}
			rep.refuse("", "", workbook.PanicMessage(rep.FileName, p))
			out.ret = nil
		}
	}()
	data, err := workbook.ReadFile(path)
	if err != nil {
		rep.refuse("", "", apperr.MessageOf(err))
		return out
	}
	sum := sha256.Sum256(data)
	rep.Hash = hex.EncodeToString(sum[:])
	ck := readKey{db: rd.dbID, path: path, hash: rep.Hash, password: rd.password}
	var cached *workbook.RaterReturn
	if rd.reuse {
		cached = previewReads.get(ck)
	}
	var f *excelize.File
	var meta *workbook.RaterMeta
	if cached != nil {
		meta = cached.Meta
	} else {
		f, err = workbook.OpenBytes(data, rep.FileName, rd.password)
		if err != nil {
			rep.refuse("", "", apperr.MessageOf(err))
			return out
		}
		defer f.Close()
		meta, err = workbook.ReadRaterMeta(f)
		if err != nil {
			rep.refuse("", "", apperr.MessageOf(err))
			return out
		}
	}
	data = nil
	rep.WorkbookID, rep.Round, rep.Rater, rep.RoundID, rep.RaterID = meta.WorkbookID, meta.RoundCode, meta.RaterName, meta.RoundID, meta.RaterID
	if meta.DatabaseID != rd.dbID {
		rep.refuse("", "", "这份评分表不是从本数据库导出的（可能来自另一台电脑或另一个数据库），不能导入")
		return out
	}
	if !meta.Verify(rd.key) {
		rep.refuse("", "", "评分表隐藏的标识信息被改动过（签名不符），不能导入。请让评分人用原始评分表重新填写，或重新导出评分表")
		return out
	}
	r, err := rd.loadRound(meta.RoundID)
	if err != nil || r.Code != meta.RoundCode {
		rep.refuse("", "", fmt.Sprintf("这份评分表属于轮次 %s，本数据库中已没有这一轮", meta.RoundCode))
		return out
	}
	if rd.roundID != 0 && r.ID != rd.roundID {
		want, err := rd.loadRound(rd.roundID)
		code := "所选轮次"
		if err == nil {
			code = want.Code
		}
		rep.refuse("", "", fmt.Sprintf("这是轮次 %s 的评分表，不是本轮（%s）的，不能导入到本轮", meta.RoundCode, code))
		return out
	}
	if r.SchemeID != meta.SchemeID || r.SchemeVersion != meta.SchemeVersion {
		rep.refuse("", "", fmt.Sprintf("这份评分表按考核方案第 %d 版制作，轮次 %s 现在使用第 %d 版，请重新导出评分表", meta.SchemeVersion, r.Code, r.SchemeVersion))
		return out
	}
	rt, ok := r.Rater(meta.RaterID)
	if !ok {
		rep.refuse("", "", fmt.Sprintf("评分人 %s 已不在轮次 %s 的评分人名单中", meta.RaterName, r.Code))
		return out
	}
	rep.Rater = rt.Name
	if err := round.EnsureWritable(&r.Round); err != nil {
		rep.refuse("", "", apperr.MessageOf(err)+"，不能导入评分表")
		return out
	}
	out.round, out.rater = r, rt
	for _, s := range meta.Sheets {
		switch {
		case !r.HasUnit(s.UnitID):
			rep.refuse(s.Name, "", fmt.Sprintf("工作表「%s」的单位已不是本轮的观摩单位，请重新导出评分表", s.Name))
		case rt.Barred(s.UnitID):
			rep.refuse(s.Name, "", fmt.Sprintf("%s是本单位人员，按回避规则不给工作表「%s」的单位评分", rt.Name, s.Name))
		}
	}
	if len(rep.Problems) > 0 {
		return out
	}
	inds := map[uint]workbook.RaterIndicator{}
	for _, ind := range raterIndicators(r) {
		inds[ind.ID] = ind
	}
	ret := cached
	if ret == nil {
		sheetReads.Add(1)
		ret = workbook.ReadRaterSheets(f, meta, inds)
		if rd.keep {
			previewReads.put(ck, ret)
		}
	}
	rep.Sheets = len(ret.Sheets)
	rep.Problems = append(rep.Problems, ret.Problems...)
	rep.Notes = append(rep.Notes, ret.Notes...)
	out.ret = ret
	return out
}
