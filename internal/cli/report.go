package cli

import (
	"fmt"

	"liankanping/internal/report"
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
	d := addDocumentFlags(fs, "report", ".xlsx", "汇总表文件（.xlsx）", "填报单位（不填则留空，打印后手写并盖章）", "填报日期，如 2024-12-20（默认今天）")
	asJSON := fs.Bool("json", false, "输出 JSON")
	rest, c, ok := parseOrUsage(env, fs, args)
	if !ok {
		return c
	}
	s, id, date, c := d.open(env, rest)
	if s == nil {
		return c
	}
	defer s.Close()
	path, err := report.NewService(s).Export(id, *d.out, report.Options{FilledBy: *d.unit, Date: date})
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		// What the file holds, read back from it.
		f, err := workbook.OpenFile(path, "")
		if err != nil {
			return fail(env, err)
		}
		res := reportJSON{Round: *d.code, Out: path, Sheets: f.GetSheetList()}
		f.Close()
		if err := printJSON(env.Stdout, res); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	fmt.Fprintf(env.Stdout, "汇总表已导出：%s\n", path)
	return ExitOK
}
