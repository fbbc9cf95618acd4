package cli

import (
	"fmt"
	"io"

	"liankanping/internal/roster"
	"liankanping/internal/workbook"
)

func init() {
	register(command{"roster import", "导入名册（联系片、单位、人员）：roster import --db FILE [--dry-run] [--json] FILE.xlsx", runRosterImport})
	register(command{"roster export", "导出名册：roster export --db FILE --out FILE.xlsx", runRosterExport})
}

// rosterJSON is the contract's answer of roster import: totals over areas, units and people.
type rosterJSON struct {
	Created   int                `json:"created"`
	Updated   int                `json:"updated"`
	Unchanged int                `json:"unchanged"`
	Problems  []workbook.Problem `json:"problems"`
}

func runRosterImport(env *Env, args []string) int {
	fs := flags(env, "roster import")
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "只检查并报告，不写入数据库")
	asJSON := fs.Bool("json", false, "输出 JSON")
	rest, code, ok := parseOrUsage(env, fs, args)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		return usageError(env, "roster import 需要且只需要一个名册文件（.xlsx）")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	svc := roster.NewService(s)
	var plan *roster.Plan
	if *dryRun {
		plan, err = svc.Preview(rest[0], nil)
	} else {
		plan, err = svc.Import(rest[0], nil)
	}
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		out := rosterJSON{Created: plan.Total.Created, Updated: plan.Total.Updated, Unchanged: plan.Total.Unchanged, Problems: plan.Problems}
		if out.Problems == nil {
			out.Problems = []workbook.Problem{}
		}
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
	} else {
		printRosterPlan(env.Stdout, plan, *dryRun)
	}
	if len(plan.Problems) > 0 {
		return ExitRefused
	}
	return ExitOK
}

func printRosterPlan(w io.Writer, p *roster.Plan, dryRun bool) {
	for _, pr := range p.Problems {
		printSheetMessage(w, "问题", pr)
	}
	for _, n := range p.Notes {
		printSheetMessage(w, "提示", n)
	}
	line := func(label string, t roster.Tally) {
		fmt.Fprintf(w, "%s：新增 %d，更新 %d，不变 %d\n", label, t.Created, t.Updated, t.Unchanged)
	}
	if len(p.Problems) > 0 {
		fmt.Fprintf(w, "名册 %s 有 %d 个问题，未导入任何数据。请改正后重新导入。\n", p.File, len(p.Problems))
		return
	}
	line("联系片", p.Counts.Areas)
	line("单位", p.Counts.Units)
	line("人员", p.Counts.People)
	switch {
	case dryRun:
		fmt.Fprintf(w, "（试运行：没有写入数据库）\n")
	case p.Applied:
		fmt.Fprintf(w, "已导入名册 %s。\n", p.File)
	}
}

func runRosterExport(env *Env, args []string) int {
	fs := flags(env, "roster export")
	db := dbFlag(fs)
	out := fs.String("out", "", "要写入的名册文件（.xlsx）")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *out == "" {
		return usageError(env, "roster export 需要 --out FILE.xlsx")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	if err := roster.NewService(s).Export(*out); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "名册已导出到 %s\n", *out)
	return ExitOK
}

// printSheetMessage prints a problem or note with where it is: 问题  联系片划分!D12：单位名称为空.
func printSheetMessage(w io.Writer, label string, p workbook.Problem) {
	where := p.Sheet
	if p.Cell != "" {
		where += "!" + p.Cell
	}
	if where != "" {
		where += "："
	}
	fmt.Fprintf(w, "%s  %s%s\n", label, where, p.Message)
}
