package cli

import (
	"fmt"
	"io"
	"slices"
	"strings"

	"liankanping/internal/frontline"
	"liankanping/internal/workbook"
)

func init() {
	register(command{"frontline import", "导入一线支部台账（临时党支部、办实事、党建品牌）：frontline import --db FILE [--dry-run] [--json] FILE.xlsx", runFrontlineImport})
	register(command{"frontline export", "导出一线支部台账：frontline export --db FILE --out FILE.xlsx [--ledger branches,matters,brands]", runFrontlineExport})
}

// frontlineJSON is the answer of frontline import: the totals over the three ledgers in the
// shape of roster import, and the tallies per ledger.
type frontlineJSON struct {
	Created   int                    `json:"created"`
	Updated   int                    `json:"updated"`
	Unchanged int                    `json:"unchanged"`
	Ledgers   frontline.LedgerCounts `json:"ledgers"`
	Problems  []workbook.Problem     `json:"problems"`
}

func runFrontlineImport(env *Env, args []string) int {
	c, code := startImport(env, "frontline import", "台账文件", args)
	if c == nil {
		return code
	}
	defer c.release()
	svc := frontline.NewService(c.store)
	var plan *frontline.LedgerPlan
	var err error
	if c.dryRun {
		plan, err = svc.PreviewLedger(c.path)
	} else {
		plan, err = svc.ImportLedger(c.path)
	}
	if err != nil {
		return c.refusedFile(err)
	}
	n := plan.Counts
	out := frontlineJSON{
		Created:   n.Branches.Created + n.Matters.Created + n.Brands.Created,
		Updated:   n.Branches.Updated + n.Matters.Updated + n.Brands.Updated,
		Unchanged: n.Branches.Unchanged + n.Matters.Unchanged + n.Brands.Unchanged,
		Ledgers:   n, Problems: nonNil(plan.Problems),
	}
	return c.finish(out, len(plan.Problems), func() { printLedgerPlan(env.Stdout, plan, c.dryRun) })
}

func printLedgerPlan(w io.Writer, p *frontline.LedgerPlan, dryRun bool) {
	for _, pr := range p.Problems {
		printSheetMessage(w, "问题", pr)
	}
	for _, n := range p.Notes {
		printSheetMessage(w, "提示", n)
	}
	if len(p.Problems) > 0 {
		fmt.Fprintf(w, "台账 %s 有 %d 个问题，未导入任何数据。请改正后重新导入。\n", p.File, len(p.Problems))
		return
	}
	line := func(label string, t frontline.LedgerTally) {
		fmt.Fprintf(w, "%s：新增 %d，更新 %d，不变 %d\n", label, t.Created, t.Updated, t.Unchanged)
	}
	line("临时党支部", p.Counts.Branches)
	line("办实事", p.Counts.Matters)
	line("党建品牌与荣誉", p.Counts.Brands)
	switch {
	case dryRun:
		fmt.Fprintf(w, "（试运行：没有写入数据库）\n")
	case p.Applied:
		fmt.Fprintf(w, "已导入台账 %s。\n", p.File)
	}
}

func runFrontlineExport(env *Env, args []string) int {
	fs := flags(env, "frontline export")
	db := dbFlag(fs)
	out := fs.String("out", "", "要写入的台账文件（.xlsx）")
	ledger := fs.String("ledger", "", "只导出某些台账：branches（临时党支部）、matters（办实事）、brands（党建品牌），逗号分隔；默认全部")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *out == "" {
		return usageError(env, "frontline export 需要 --out FILE.xlsx")
	}
	var kinds []string
	for _, k := range strings.Split(*ledger, ",") {
		if k = strings.TrimSpace(k); k != "" {
			if !slices.Contains(workbook.LedgerKinds, k) {
				return usageError(env, "--ledger 只能是 branches、matters、brands，不能是 %s", k)
			}
			kinds = append(kinds, k)
		}
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	if err := frontline.NewService(s).ExportLedger(*out, kinds); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "台账已导出到 %s\n", *out)
	return ExitOK
}
