package cli

import (
	"fmt"
	"io"

	"liankanping/internal/finding"
	"liankanping/internal/ledger"
	"liankanping/internal/round"
)

func init() {
	register(command{"ledger export", "导出问题整改台账：ledger export --db FILE --out FILE.xlsx [--round CODE] [--overdue]", runLedgerExport})
	register(command{"ledger units", "给有待整改问题的单位各导出一份整改情况反馈表：ledger units --db FILE --out DIR [--round CODE] [--deadline 2024-12-31]", runLedgerUnits})
	register(command{"ledger import", "导入单位交回的整改情况反馈表（文件、文件夹，或连同佐证材料的 .zip）：ledger import --db FILE [--dry-run] [--json] PATH...", runLedgerImport})
}

func runLedgerExport(env *Env, args []string) int {
	fs := flags(env, "ledger export")
	db := dbFlag(fs)
	out := fs.String("out", "", "台账文件（.xlsx）")
	code := fs.String("round", "", "只导出这一轮次的问题（可选）")
	overdue := fs.Bool("overdue", false, "只导出逾期的问题")
	rest, exit, ok := parseOrUsage(env, fs, args)
	if !ok {
		return exit
	}
	switch {
	case len(rest) > 0:
		return usageError(env, "ledger export 不接受多余的参数：%v", rest)
	case *out == "":
		return usageError(env, "ledger export 需要 --out FILE.xlsx")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	f := finding.Filter{Overdue: *overdue}
	if *code != "" {
		if f.RoundID, err = round.NewService(s).IDByCode(*code); err != nil {
			return fail(env, err)
		}
	}
	n, err := ledger.NewService(s).ExportLedger(*out, f)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "已导出 %d 条问题到 %s\n", n, *out)
	return ExitOK
}

func runLedgerUnits(env *Env, args []string) int {
	fs := flags(env, "ledger units")
	db := dbFlag(fs)
	out := fs.String("out", "", "保存反馈表的文件夹（不存在时自动建立）")
	code := fs.String("round", "", "只列这一轮次的问题（可选）")
	deadline := fs.String("deadline", "", "交回截止日期（可选）")
	rest, exit, ok := parseOrUsage(env, fs, args)
	if !ok {
		return exit
	}
	switch {
	case len(rest) > 0:
		return usageError(env, "ledger units 不接受多余的参数：%v", rest)
	case *out == "":
		return usageError(env, "ledger units 需要 --out DIR")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	req := ledger.ExportRequest{Dir: *out, Deadline: *deadline}
	if *code != "" {
		if req.RoundID, err = round.NewService(s).IDByCode(*code); err != nil {
			return fail(env, err)
		}
	}
	res, err := ledger.NewService(s).ExportUnits(req, operator(s))
	if err != nil {
		return fail(env, err)
	}
	for _, f := range res.Files {
		fmt.Fprintf(env.Stdout, "%s（%d 个问题）\n", f.Path, f.Findings)
	}
	fmt.Fprintf(env.Stdout, "已导出 %d 份整改情况反馈表到 %s\n", len(res.Files), res.Dir)
	return ExitOK
}

func runLedgerImport(env *Env, args []string) int {
	fs := flags(env, "ledger import")
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "只检查并报告，不写入数据库")
	password := fs.String("password", "", "反馈表的打开密码")
	asJSON := fs.Bool("json", false, "输出 JSON")
	paths, exit, ok := parseOrUsage(env, fs, args)
	if !ok {
		return exit
	}
	if len(paths) == 0 {
		return usageError(env, "ledger import 需要至少一个反馈表文件或文件夹")
	}
	s, release, err := openImportStore(*db, *dryRun)
	if err != nil {
		return fail(env, err)
	}
	defer release()
	svc := ledger.NewService(s)
	req := ledger.ImportRequest{Paths: paths, Password: *password}
	var rep *ledger.Report
	if *dryRun {
		rep, err = svc.Preview(req)
	} else {
		rep, err = svc.Apply(req, operator(s))
	}
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		rep.Token = ""
		if err := printJSON(env.Stdout, rep); err != nil {
			return fail(env, err)
		}
	} else {
		printLedgerImport(env.Stdout, rep)
	}
	for _, f := range rep.Files {
		if f.Status == ledger.StatusRefused {
			return ExitRefused
		}
	}
	return ExitOK
}

var ledgerStatusLabel = map[string]string{
	ledger.StatusApplied:   "已导入",
	ledger.StatusUnchanged: "无变化",
	ledger.StatusRefused:   "未导入",
	ledger.StatusPreview:   "可以导入",
}

func printLedgerImport(w io.Writer, rep *ledger.Report) {
	for _, f := range rep.Files {
		unit := ""
		if f.Unit != "" {
			unit = "（" + f.Unit + "）"
		}
		fmt.Fprintf(w, "%s：%s%s\n", f.FileName, ledgerStatusLabel[f.Status], unit)
		if f.Status != ledger.StatusRefused {
			fmt.Fprintf(w, "  新增 %d，修改 %d，不变 %d，状态变更 %d\n", f.New, f.Changed, f.Unchanged, f.Moved)
		}
		for _, p := range f.Problems {
			printSheetMessage(w, "  问题", p)
		}
		for _, n := range f.Notes {
			printSheetMessage(w, "  提示", n)
		}
	}
}
