package cli_test

import (
	"bufio"
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"liankanping/internal/cli"
	"liankanping/internal/corpus"
	"liankanping/internal/store"
)

// The budgets every importer keeps on every file of the corpus.
const (
	corpusMemoryMB = 300
	corpusFileTime = 20 * time.Second
)

// corpusFile is one file of the corpus and what must become of it.
type corpusFile struct {
	Path string
	// Want is a phrase every importer's refusal must contain (a hostile file); "" when the
	// file may be taken or refused depending on the importer.
	Want string
	// Accept names the importer that must take the file (a sample, an export of the app).
	Accept string
	// InCells and Folder are corpus.Entry's.
	InCells, Folder bool
	// Junk is an ordinary office sheet that no importer may take (corpus_office_test.go).
	Junk bool
	// Own is a workbook of the product's kinds (a sample, an export of the app): no importer
	// but Accept may take it, and an export only to be read (Accept "") none.
	Own bool
}

// corpusResult is what one importer made of one file, as the child process reports it.
type corpusResult struct {
	File    string `json:"file"`
	Code    int    `json:"code"`
	Out     string `json:"out"`
	Stderr  string `json:"stderr"`
	Panic   string `json:"panic"`
	Changed bool   `json:"changed"`
	Millis  int64  `json:"ms"`
	// PeakMB is the child's peak resident memory after the file (VmHWM).
	PeakMB int64 `json:"peak_mb"`
}

// corpusImporter is one importer under test. messages reads its --json answer: whether the
// file was refused, and every message it gave. check is a hook for assertions of the
// importer's own, run on every file after the common ones — e.g. that a roster import accepts
// no junk (an ordinary office sheet must not become units); add them there.
type corpusImporter struct {
	name string
	args []string
	// demo runs it on the demo database (whose exports it must take: rater and feedback
	// workbooks, ledgers naming its units); otherwise on an empty one, into which any roster or
	// scheme goes without clashing with the demo's.
	demo bool
	// folders: it takes folders, so a folder named .xlsx is not a file for it.
	folders  bool
	messages func(out []byte) (refused bool, msgs []problemJSON, err error)
	check    func(t *testing.T, f corpusFile, r corpusResult)
}

type problemJSON struct {
	Sheet   string `json:"sheet"`
	Cell    string `json:"cell"`
	Message string `json:"message"`
}

func countsMessages(out []byte) (bool, []problemJSON, error) {
	var doc struct {
		Created  *int          `json:"created"`
		Problems []problemJSON `json:"problems"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || doc.Created == nil {
		return false, nil, fmt.Errorf("not {created, updated, unchanged, problems}: %v", err)
	}
	return len(doc.Problems) > 0, doc.Problems, nil
}

func filesMessages(out []byte) (bool, []problemJSON, error) {
	var doc struct {
		Files []struct {
			Status   string        `json:"status"`
			Problems []problemJSON `json:"problems"`
		} `json:"files"`
	}
	if err := json.Unmarshal(out, &doc); err != nil || len(doc.Files) != 1 {
		return false, nil, fmt.Errorf("not {files: [one file]}: %v", err)
	}
	f := doc.Files[0]
	return f.Status == "refused", f.Problems, nil
}

var corpusImporters = []corpusImporter{
	{name: "import", args: []string{"import"}, demo: true, folders: true, messages: filesMessages},
	{name: "roster import", args: []string{"roster", "import"}, messages: countsMessages},
	{name: "schemes import", args: []string{"schemes", "import"}, messages: countsMessages},
	{name: "frontline import", args: []string{"frontline", "import"}, demo: true, messages: countsMessages},
	{name: "ledger import", args: []string{"ledger", "import"}, demo: true, folders: true, messages: filesMessages},
	{name: "raters import", args: []string{"raters", "import", "--round", "2024Q4"}, demo: true, messages: countsMessages},
}

// Every importer over every file of the corpus: the committed selection of other programs'
// files (testdata/corpus), the generated hostile files, the two samples and every workbook the
// app exports — plus, with LIANKANPING_CORPUS=DIR, a larger corpus (testdata/corpus/rebuild.sh).
// Each importer runs in a child process over all files, so that its memory can be measured and
// a hang or crash caught. It fails on a panic, a file past the time budget, memory past the
// budget, a refusal that changed the database, a message that is not Chinese, a hostile file
// taken or refused for the wrong reason, or a sample or export of the app refused.
func TestCorpus(t *testing.T) {
	if os.Getenv("LKP_CORPUS_CHILD") != "" {
		t.Skip("run as the child of TestCorpus")
	}
	dir := t.TempDir()
	demo := demoDB(t)
	files := corpusFiles(t, dir, demo)
	empty := filepath.Join(dir, "empty.db")
	if s, err := store.Open(empty); err != nil {
		t.Fatal(err)
	} else {
		s.Close()
	}
	list := filepath.Join(dir, "files.json")
	data, _ := json.Marshal(files)
	os.WriteFile(list, data, 0o644)

	for _, imp := range corpusImporters {
		t.Run(strings.ReplaceAll(imp.name, " ", "_"), func(t *testing.T) {
			base := empty
			if imp.demo {
				base = demo
			}
			results := runCorpusChild(t, imp, base, list, len(files))
			var peak, slowest corpusResult
			for _, r := range results {
				if r.PeakMB > peak.PeakMB {
					peak = r
				}
				if r.Millis > slowest.Millis {
					slowest = r
				}
			}
			t.Logf("%s: %d files, peak memory %d MB (after %s), slowest %s (%d ms)", imp.name, len(results), peak.PeakMB,
				filepath.Base(peak.File), filepath.Base(slowest.File), slowest.Millis)
			for _, f := range files {
				r, ok := results[f.Path]
				if !ok {
					t.Errorf("%s: no result for %s (the child died there?)", imp.name, f.Path)
					break
				}
				checkCorpusResult(t, imp, f, r)
				if imp.check != nil {
					imp.check(t, f, r)
				}
			}
		})
	}
}

func checkCorpusResult(t *testing.T, imp corpusImporter, f corpusFile, r corpusResult) {
	t.Helper()
	name := filepath.Base(f.Path)
	if f.Folder && imp.folders {
		return // a folder is what it reads folders from
	}
	if r.PeakMB > corpusMemoryMB {
		t.Errorf("%s %s: memory reached %d MB (budget %d MB)", imp.name, name, r.PeakMB, corpusMemoryMB)
	}
	if r.Panic != "" {
		t.Errorf("%s %s: panic: %s", imp.name, name, r.Panic)
		return
	}
	if d := time.Duration(r.Millis) * time.Millisecond; d > corpusFileTime {
		t.Errorf("%s %s: took %s (budget %s)", imp.name, name, d, corpusFileTime)
	}
	if r.Code != cli.ExitOK && r.Code != cli.ExitRefused {
		t.Errorf("%s %s: exit %d, want 0 or 3\n%s%s", imp.name, name, r.Code, r.Out, r.Stderr)
		return
	}
	refused, msgs, err := imp.messages([]byte(r.Out))
	if err != nil {
		t.Errorf("%s %s: --json answer: %v\n%s", imp.name, name, err, r.Out)
		return
	}
	if refused != (r.Code == cli.ExitRefused) {
		t.Errorf("%s %s: exit %d but refused=%v", imp.name, name, r.Code, refused)
	}
	if refused && r.Changed {
		t.Errorf("%s %s: refused, yet the database changed", imp.name, name)
	}
	for _, m := range msgs {
		if w := notChinese(m, name); w != "" {
			t.Errorf("%s %s: message %q is not plain Chinese (%q)", imp.name, name, m.Message, w)
		}
	}
	switch {
	case f.Accept == imp.name && refused:
		t.Errorf("%s %s: refused a file it must take: %+v", imp.name, name, msgs[:min(len(msgs), 3)])
	case f.Want != "" && !refused:
		t.Errorf("%s %s: took a hostile file", imp.name, name)
	case f.Own && f.Accept != imp.name && !refused:
		t.Errorf("%s %s: took a workbook that is not its kind (it belongs to %q)", imp.name, name, f.Accept)
	case f.Own && f.Accept != imp.name && (len(msgs) == 0 || !strings.HasPrefix(msgs[0].Message, "这是")):
		t.Errorf("%s %s: refused without saying what kind of workbook it is: %+v", imp.name, name, msgs[:min(len(msgs), 3)])
	case f.Want != "" && !(f.InCells && imp.demo) && (len(msgs) == 0 || !strings.Contains(msgs[0].Message, f.Want)):
		t.Errorf("%s %s: refused with %+v, want a message saying %q", imp.name, name, msgs[:min(len(msgs), 3)], f.Want)
	}
}

var (
	quoted     = regexp.MustCompile(`「[^」]*」|“[^”]*”|"[^"]*"`)
	rawEnglish = regexp.MustCompile(`[A-Za-z]{4,}`)
	han        = regexp.MustCompile(`\p{Han}`)
	// The words a Chinese message may use.
	allowedEnglish = strings.NewReplacer("Excel", "", "LibreOffice", "", "Numbers", "", "Word", "", "PowerPoint", "",
		"HTML", "", "xlsx", "", "xlsb", "", "XML", "", "SYLK", "", "fods", "", "true", "", "false", "")
)

// notChinese returns what makes a message not plain Chinese: no Chinese at all, or an English
// word once the user's own words (quoted text, the file, sheet and cell names) are set aside.
func notChinese(p problemJSON, file string) string {
	m := p.Message
	if !han.MatchString(m) {
		return m
	}
	for _, own := range []string{file, strings.TrimSuffix(file, filepath.Ext(file)), p.Sheet, p.Cell} {
		if own != "" {
			m = strings.ReplaceAll(m, own, "")
		}
	}
	return rawEnglish.FindString(allowedEnglish.Replace(quoted.ReplaceAllString(m, "")))
}

// realRefusals are the committed files of other programs that every importer must refuse, each
// for its own reason — told by the bytes, whatever the name says (a legacy .xls with a
// password is a legacy .xls, not a file with a password).
var realRefusals = map[string]string{
	"poi-SampleSS.ods":                             ".ods",
	"poi-SampleSS.xls":                             "旧版",
	"poi-password.xls":                             "旧版",
	"poi-xor-encryption-abc.xls":                   "旧版",
	"poi-Simple.xlsb":                              ".xlsb",
	"poi-protected_passtika.xlsx":                  "设有打开密码",
	"poi-duplicate-filename.xlsx":                  "同名的部件",
	"poi-duplicate-filename-case-insensitive.xlsx": "同名的部件",
	"exceljs-test-issue-991.csv":                   "CSV",
	"poi-poc-xmlbomb.xlsx":                         "实体声明",
	"poi-poc-xmlbomb-empty.xlsx":                   "实体声明",
	"sheetjs-minimal_112.numbers":                  "Numbers",
	"sheetjs-author_snowman.ods":                   ".ods",
	"sheetjs-LO7322.fods":                          ".fods",
	"sheetjs-BlankSheetTypes.xml":                  "Excel 2003 XML",
	"sheetjs-column_width.htm":                     "网页",
	"sheetjs-ErrorTypes.slk":                       "SYLK",
}

// corpusFiles gathers the corpus into dir.
func corpusFiles(t *testing.T, dir, db string) []corpusFile {
	t.Helper()
	var files []corpusFile
	add := func(pattern, accept string) {
		paths, _ := filepath.Glob(pattern)
		for _, p := range paths {
			if !strings.HasSuffix(p, ".md") && !strings.HasSuffix(p, ".sh") {
				files = append(files, corpusFile{Path: p, Accept: accept})
			}
		}
	}
	add("testdata/corpus/*", "")
	for i, f := range files {
		files[i].Want = realRefusals[filepath.Base(f.Path)]
	}
	if big := os.Getenv("LIANKANPING_CORPUS"); big != "" {
		add(filepath.Join(big, "*"), "")
	}
	samples := len(files)
	add(rosterSample, "roster import")
	add(schemeSample, "schemes import")
	for i := samples; i < len(files); i++ {
		files[i].Own = true
	}

	roster, err := os.ReadFile(rosterSample)
	if err != nil {
		t.Fatal(err)
	}
	hostile := filepath.Join(dir, "hostile")
	os.Mkdir(hostile, 0o755)
	entries, err := corpus.Hostile(hostile, roster)
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range entries {
		f := corpusFile{Path: e.Path, Want: e.Want, InCells: e.InCells, Folder: e.Folder}
		if filepath.Base(e.Path) == "带图表.xlsx" {
			f.Accept = "roster import"
		}
		files = append(files, f)
	}

	office := filepath.Join(dir, "office")
	os.Mkdir(office, 0o755)
	files = append(files, officeCorpus(t, office)...)

	// Every workbook the app exports, from the database the importers then run on.
	exports := len(files)
	out := filepath.Join(dir, "exports")
	mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", filepath.Join(out, "raters"))
	add(filepath.Join(out, "raters", "*.xlsx"), "import")
	mustRun(t, "roster", "export", "--db", db, "--out", filepath.Join(out, "名册.xlsx"))
	add(filepath.Join(out, "名册.xlsx"), "roster import")
	var schemes struct {
		Schemes []struct {
			Name string `json:"name"`
		} `json:"schemes"`
	}
	json.Unmarshal([]byte(mustRun(t, "schemes", "--db", db, "--json")), &schemes)
	if len(schemes.Schemes) > 0 {
		mustRun(t, "schemes", "export", "--db", db, "--name", schemes.Schemes[0].Name, "--out", filepath.Join(out, "评分细则.xlsx"))
		add(filepath.Join(out, "评分细则.xlsx"), "schemes import")
	}
	mustRun(t, "frontline", "export", "--db", db, "--out", filepath.Join(out, "台账.xlsx"))
	add(filepath.Join(out, "台账.xlsx"), "frontline import")
	mustRun(t, "ledger", "units", "--db", db, "--out", filepath.Join(out, "feedback"))
	add(filepath.Join(out, "feedback", "*.xlsx"), "ledger import")
	mustRun(t, "ledger", "export", "--db", db, "--out", filepath.Join(out, "整改台账.xlsx"))
	add(filepath.Join(out, "整改台账.xlsx"), "")
	mustRun(t, "report", "--db", db, "--round", "2024Q4", "--out", filepath.Join(out, "汇总表.xlsx"))
	add(filepath.Join(out, "汇总表.xlsx"), "")
	mustRun(t, "raters", "export", "--db", db, "--round", "2024Q4", "--out", filepath.Join(out, "评价关系表.xlsx"))
	add(filepath.Join(out, "评价关系表.xlsx"), "raters import")
	mustRun(t, "audit", "export", "--db", db, "--out", filepath.Join(out, "审计日志.xlsx"))
	add(filepath.Join(out, "审计日志.xlsx"), "")
	mustRun(t, "export", "raters", "--db", db, "--round", "2024Q4", "--out", filepath.Join(out, "paper"), "--paper")
	if paper, _ := filepath.Glob(filepath.Join(out, "paper", "*.xlsx")); len(paper) > 0 {
		add(paper[0], "")
	}
	mustRun(t, "evidence", "export", "--db", db, "--round", "2024Q4", "--out", filepath.Join(out, "evidence"))
	add(filepath.Join(out, "evidence", "*.xlsx"), "")
	for i := exports; i < len(files); i++ {
		files[i].Own = true
	}
	for _, imp := range corpusImporters {
		want := imp.name
		n := 0
		for _, f := range files {
			if f.Accept == want {
				n++
			}
		}
		if n == 0 {
			t.Fatalf("no file in the corpus that %s must take", want)
		}
	}
	return files
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// runCorpusChild runs one importer over the files in a child process, each file on a fresh
// copy of the database base, and returns its results by file.
func runCorpusChild(t *testing.T, imp corpusImporter, base, list string, n int) map[string]corpusResult {
	t.Helper()
	tmp := t.TempDir()
	cmd := exec.Command(os.Args[0], "-test.run=^TestCorpusChild$", "-test.v")
	cmd.Env = append(os.Environ(), "LKP_CORPUS_CHILD="+imp.name, "LKP_CORPUS_DB="+base, "LKP_CORPUS_FILES="+list, "TMPDIR="+tmp)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("%s: child failed: %v\n%s", imp.name, err, tail(stderr.String()+stdout.String()))
		}
	case <-time.After(time.Duration(n)*corpusFileTime + time.Minute):
		cmd.Process.Kill()
		<-done
		t.Errorf("%s: the child passed its time budget", imp.name)
	}
	results := map[string]corpusResult{}
	sc := bufio.NewScanner(&stdout)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line, ok := strings.CutPrefix(sc.Text(), "CORPUS ")
		if !ok {
			continue
		}
		var r corpusResult
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("bad child line: %v", err)
		}
		results[r.File] = r
	}
	// Nothing spilled to a temporary file and left behind (the child's own database aside).
	left, _ := os.ReadDir(tmp)
	for _, e := range left {
		if !strings.HasPrefix(e.Name(), "corpus-db") {
			t.Errorf("%s left a temporary file behind: %s", imp.name, e.Name())
		}
	}
	return results
}

func tail(s string) string {
	if len(s) > 3000 {
		return "…" + s[len(s)-3000:]
	}
	return s
}

// TestCorpusChild is the child process of TestCorpus: it runs one importer over every file of
// the list, each on a fresh copy of the database, printing one CORPUS line per file.
func TestCorpusChild(t *testing.T) {
	name := os.Getenv("LKP_CORPUS_CHILD")
	if name == "" {
		t.Skip("only as the child of TestCorpus")
	}
	var imp corpusImporter
	for _, i := range corpusImporters {
		if i.name == name {
			imp = i
		}
	}
	var files []corpusFile
	data, _ := os.ReadFile(os.Getenv("LKP_CORPUS_FILES"))
	if err := json.Unmarshal(data, &files); err != nil {
		t.Fatal(err)
	}
	base := os.Getenv("LKP_CORPUS_DB")
	dir, err := os.MkdirTemp("", "corpus-db")
	if err != nil {
		t.Fatal(err)
	}
	defer os.RemoveAll(dir)
	db := filepath.Join(dir, "corpus.db")
	copyFile(t, base, db)
	baseDigest := dbDigest(t, db)
	for _, f := range files {
		copyFile(t, base, db)
		os.Remove(db + "-wal")
		os.Remove(db + "-shm")
		var out, errOut bytes.Buffer
		r := corpusResult{File: f.Path}
		start := time.Now()
		func() {
			defer func() {
				if p := recover(); p != nil {
					r.Panic = fmt.Sprint(p)
				}
			}()
			r.Code = cli.Run(append(append([]string{}, imp.args...), "--db", db, "--json", f.Path), &out, &errOut)
		}()
		r.Millis = time.Since(start).Milliseconds()
		r.Out, r.Stderr = out.String(), errOut.String()
		if r.Code != cli.ExitOK {
			r.Changed = dbDigest(t, db) != baseDigest
		}
		r.PeakMB = peakRSS() >> 20
		line, _ := json.Marshal(r)
		fmt.Printf("CORPUS %s\n", line)
	}
}

// peakRSS is the process's peak resident memory in bytes (VmHWM; 0 where /proc is absent).
func peakRSS() int64 {
	data, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "VmHWM:"); ok {
			var kb int64
			fmt.Sscan(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")), &kb)
			return kb << 10
		}
	}
	return 0
}

// dbDigest hashes the database's files as they lie on disk: an import that wrote nothing
// leaves every byte as it was (reads and rolled-back transactions do not touch the file), so
// this is stricter than comparing rows, and far cheaper.
func dbDigest(t *testing.T, path string) string {
	t.Helper()
	h := sha256.New()
	for _, p := range []string{path, path + "-wal"} {
		data, err := os.ReadFile(p)
		if err != nil && !os.IsNotExist(err) {
			t.Fatal(err)
		}
		h.Write(data)
		h.Write([]byte{0})
	}
	return hex.EncodeToString(h.Sum(nil))
}
