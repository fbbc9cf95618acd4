package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"liankanping/internal/report"
	"liankanping/internal/round"
	"liankanping/internal/workbook"
)

func init() {
	register(command{"report", "导出汇总表：report --db FILE --round CODE --out FILE.xlsx [--unit 填报单位] [--date YYYY-MM-DD] [--json]", runReport})
}

// reportJSON is what report --json prints.
type reportJSON struct {
	Round  string   `json:"round"`
	Out    string   `json:"out"`
	Sheets []string `json:"sheets"`
}

func runReport(env *Env, args []string) int {
	fs := flags(env, "report")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2024Q3")
	out := fs.String("out", "", "汇总表文件（.xlsx）")
	unit := fs.String("unit", "", "填报单位（不填则留空，打印后手写并盖章）")
	date := fs.String("date", "", "填报日期，如 2024-12-20（默认今天）")
	asJSON := fs.Bool("json", false, "输出 JSON")
	rest, c, ok := parseOrUsage(env, fs, args)
	if !ok {
		return c
	}
	switch {
	case len(rest) > 0:
		return usageError(env, "report 不接受多余的参数：%s", strings.Join(rest, " "))
	case *code == "":
		return usageError(env, "report 需要 --round CODE")
	case *out == "":
		return usageError(env, "report 需要 --out FILE.xlsx")
	case !strings.EqualFold(filepath.Ext(*out), ".xlsx"):
		return usageError(env, "--out 须为 .xlsx 文件")
	}
	opts := report.Options{FilledBy: *unit}
	if *date != "" {
		t, err := time.ParseInLocation("2006-01-02", *date, time.Local)
		if err != nil {
			return usageError(env, "--date 须写成 2024-12-20 的形式")
		}
		opts.Date = t
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	id, err := round.NewService(s).IDByCode(*code)
	if err != nil {
		return fail(env, err)
	}
	path, err := report.NewService(s).Export(id, *out, opts)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		// What the file holds, read back from it.
		f, err := workbook.OpenFile(path, "")
		if err != nil {
			return fail(env, err)
		}
		res := reportJSON{Round: *code, Out: path, Sheets: f.GetSheetList()}
		f.Close()
		if err := printJSON(env.Stdout, res); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "汇总表已导出：%s\n", path)
	return ExitOK
}
