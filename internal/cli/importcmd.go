package cli

import (
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// importCounts is the contract's answer of the spreadsheet imports (roster, schemes, ledgers):
// `{"created","updated","unchanged","problems":[{"sheet","cell","message"}]}`; commands embed it
// and may add fields.
type importCounts struct {
	Created   int                `json:"created"`
	Updated   int                `json:"updated"`
	Unchanged int                `json:"unchanged"`
	Problems  []workbook.Problem `json:"problems"`
}

// importCall is one spreadsheet import from the command line: the open store, the file and
// the shared flags.
type importCall struct {
	env     *Env
	store   *store.Store
	release func()
	path    string
	dryRun  bool
	json    bool
}

// startImport parses `--db FILE [--dry-run] [--json] FILE.xlsx` and opens the store (creating
// a new, empty database when FILE does not exist). On failure it returns nil and the exit code.
// extra defines a command's own flags beside the shared ones.
func startImport(env *Env, name, what string, args []string, extra ...func(*flag.FlagSet)) (*importCall, int) {
	fs := flags(env, name)
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "只检查并报告，不写入数据库")
	asJSON := fs.Bool("json", false, "输出 JSON")
	for _, e := range extra {
		e(fs)
	}
	rest, code, ok := parseOrUsage(env, fs, args)
	if !ok {
		return nil, code
	}
	if len(rest) != 1 {
		return nil, usageError(env, "%s 需要且只需要一个%s（.xlsx）", name, what)
	}
	s, release, err := openImportStore(*db, *dryRun)
	if err != nil {
		return nil, fail(env, err)
	}
	return &importCall{env: env, store: s, release: release, path: rest[0], dryRun: *dryRun, json: *asJSON}, 0
}

// openImportStore opens --db for an import; release closes it. A dry run never creates or
// changes a file: a database that does not exist yet is stood in for by a new, empty one, and
// one of an older data version by a migrated copy, each in a temporary folder removed on
// release.
func openImportStore(db string, dryRun bool) (*store.Store, func(), error) {
	path := db
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, nil, err
		}
		path = p
	}
	_, statErr := os.Stat(path)
	missing := errors.Is(statErr, fs.ErrNotExist)
	outdated := false
	if dryRun && statErr == nil && !strings.Contains(path, "://") {
		// A dry run on a database of an older version works on a migrated copy, so that
		// the original is left as it is.
		if err := store.Check(path); err != nil {
			return nil, nil, err
		}
		var err error
		if outdated, err = store.Outdated(path); err != nil {
			return nil, nil, err
		}
	}
	if !dryRun || !(missing || outdated) || strings.Contains(path, "://") {
		s, err := openStore(db)
		if err != nil {
			return nil, nil, err
		}
		return s, func() { s.Close() }, nil
	}
	dir, err := os.MkdirTemp("", "liankanping-dry-run-")
	if err != nil {
		return nil, nil, apperr.Invalidf("试运行无法建立临时数据库：%v", err)
	}
	tmp := filepath.Join(dir, "dry-run.db")
	if outdated {
		if err := store.CopyTo(path, tmp); err != nil {
			os.RemoveAll(dir)
			return nil, nil, err
		}
	}
	s, err := store.Open(tmp)
	if err != nil {
		os.RemoveAll(dir)
		return nil, nil, err
	}
	return s, func() { s.Close(); os.RemoveAll(dir) }, nil
}

// refusedFile is the answer for a file an import could not read at all (missing, not a
// workbook, damaged): like any refused file, its problem in the contract's shape and exit 3,
// so that every importer answers an unreadable file the same way.
func (c *importCall) refusedFile(err error) int {
	if apperr.CodeOf(err) != apperr.Invalid {
		return fail(c.env, err)
	}
	p := []workbook.Problem{{Message: apperr.MessageOf(err)}}
	return c.finish(importCounts{Problems: p}, 1, func() { printSheetMessage(c.env.Stdout, "问题", p[0]) })
}

// finish prints the outcome — out as JSON with --json, else the readable report — and returns
// the exit code: 3 when the file was refused for its problems.
func (c *importCall) finish(out any, problems int, report func()) int {
	if c.json {
		if err := printJSON(c.env.Stdout, out); err != nil {
			return fail(c.env, err)
		}
	} else {
		report()
	}
	if problems > 0 {
		return ExitRefused
	}
	return ExitOK
}

// nonNil gives the contract's empty list instead of JSON null.
func nonNil(p []workbook.Problem) []workbook.Problem {
	if p == nil {
		return []workbook.Problem{}
	}
	return p
}
