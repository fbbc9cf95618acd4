package cli

import (
	"flag"
	"path/filepath"
	"strings"
	"time"

	"liankanping/internal/store"
)

// documentFlags are the flags of the commands that write one document of a round (report,
// notice): --db, --round, --out with its extension, --unit and --date.
type documentFlags struct {
	name, ext           string
	db, code, out, unit *string
	date                *string
}

func addDocumentFlags(fs *flag.FlagSet, name, ext, outHelp, unitHelp, dateHelp string) *documentFlags {
	return &documentFlags{name: name, ext: ext, db: dbFlag(fs), code: fs.String("round", "", "轮次编号，如 2024Q3"),
		out: fs.String("out", "", outHelp), unit: fs.String("unit", "", unitHelp), date: fs.String("date", "", dateHelp)}
}

// open checks the parsed flags and opens the round: the store (to close), the round's id and
// the date (zero when not given), or the exit code of a usage error or failure.
func (d *documentFlags) open(env *Env, rest []string) (*store.Store, uint, time.Time, int) {
	switch {
	case len(rest) > 0:
		return nil, 0, time.Time{}, usageError(env, "%s 不接受多余的参数：%s", d.name, strings.Join(rest, " "))
	case *d.code == "":
		return nil, 0, time.Time{}, usageError(env, "%s 需要 --round CODE", d.name)
	case *d.out == "":
		return nil, 0, time.Time{}, usageError(env, "%s 需要 --out FILE%s", d.name, d.ext)
	case !strings.EqualFold(filepath.Ext(*d.out), d.ext):
		return nil, 0, time.Time{}, usageError(env, "--out 须为 %s 文件", d.ext)
	}
	var date time.Time
	if *d.date != "" {
		t, err := time.ParseInLocation("2006-01-02", *d.date, time.Local)
		if err != nil {
			return nil, 0, time.Time{}, usageError(env, "--date 须写成 2024-12-20 的形式")
		}
		date = t
	}
	s, id, code := openRound(env, *d.db, *d.code, d.name)
	return s, id, date, code
}
