package cli

import (
	"flag"
	"fmt"
	"io"

	"liankanping/internal/roster"
	"liankanping/internal/workbook"
)

func init() {
	register(command{"roster import", "导入名册（联系片、单位、人员）：roster import --db FILE [--dry-run] [--force] [--json] FILE.xlsx", runRosterImport})
	register(command{"roster export", "导出名册：roster export --db FILE --out FILE.xlsx", runRosterExport})
}

func runRosterImport(env *Env, args []string) int {
	var force *bool
	c, code := startImport(env, "roster import", "名册文件", args, func(fs *flag.FlagSet) {
		force = fs.Bool("force", false, "工作表或单位多得不像一份名册（超过 200 张工作表或 500 个单位）时，确认无误仍然导入")
	})
	if c == nil {
		return code
	}
	defer c.release()
	svc := roster.NewService(c.store)
	svc.Force = *force
	var plan *roster.Plan
	var err error
	if c.dryRun {
		plan, err = svc.Preview(c.path, nil)
	} else {
		plan, err = svc.Import(c.path, nil)
	}
	if err != nil {
		return c.refusedFile(err)
	}
	out := importCounts{Created: plan.Total.Created, Updated: plan.Total.Updated, Unchanged: plan.Total.Unchanged, Problems: nonNil(plan.Problems)}
	return c.finish(out, len(plan.Problems), func() { printRosterPlan(env.Stdout, plan, c.dryRun) })
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
		if len(p.Limits) == len(p.Problems) {
			fmt.Fprintf(w, "如果确认文件无误，可加 --force 仍然导入。\n")
		}
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
