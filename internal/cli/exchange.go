package cli

import (
	"fmt"
	"io"

	"liankanping/internal/audit"
	"liankanping/internal/exchange"
	"liankanping/internal/round"
	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

func init() {
	register(command{"export raters", "导出评分表（每位评分人一份）：export raters --db FILE --round CODE --out DIR [--password P] [--paper]", runExportRaters})
	register(command{"import", "导入交回的评分表（文件或文件夹）：import --db FILE [--dry-run] [--prefer-file] [--clear-blanks] [--round CODE] [--password P] [--json] PATH...", runImport})
}

func runExportRaters(env *Env, args []string) int {
	fs := flags(env, "export raters")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，例如 2024Q4")
	out := fs.String("out", "", "保存评分表的文件夹（不存在时自动建立）")
	password := fs.String("password", "", "给每份评分表设置打开密码（可选）")
	paper := fs.Bool("paper", false, "导出供现场手写的纸质评分表（每位评分人一份，另附一份空白表），不导出电子评分表")
	rest, exit, ok := parseOrUsage(env, fs, args)
	if !ok {
		return exit
	}
	switch {
	case len(rest) > 0:
		return usageError(env, "export raters 不接受多余的参数：%v", rest)
	case *code == "":
		return usageError(env, "export raters 需要 --round CODE")
	case *out == "":
		return usageError(env, "export raters 需要 --out DIR")
	case *paper && *password != "":
		return usageError(env, "纸质评分表用于打印，不能加密：--paper 不能与 --password 同用")
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
	if *paper {
		return exportPaper(env, s, id, *out)
	}
	res, err := exchange.NewService(s).ExportRaters(id, *out, exchange.ExportOptions{Password: *password, Operator: operator(s)}, nil)
	if err != nil {
		return fail(env, err)
	}
	for _, f := range res.Files {
		fmt.Fprintf(env.Stdout, "%s（%s，%d 个单位）\n", f.Path, f.Group, f.Units)
	}
	for _, sk := range res.Skipped {
		fmt.Fprintf(env.Stdout, "未导出  %s：%s\n", sk.Rater, sk.Reason)
	}
	fmt.Fprintf(env.Stdout, "已为轮次 %s 导出 %d 份评分表到 %s\n", res.Round, len(res.Files), res.Dir)
	if *password != "" {
		fmt.Fprintln(env.Stdout, "评分表已加密，请把密码另行告知评分人。")
	}
	return ExitOK
}

// importFileJSON is one file of `import --json` (DOMAIN §7); kept, batch and notes are
// additions (notes: what the text output shows as 提示, such as a comment without a score).
type importFileJSON struct {
	Path      string             `json:"path"`
	Status    string             `json:"status"`
	Round     string             `json:"round"`
	Rater     string             `json:"rater"`
	New       int                `json:"new"`
	Changed   int                `json:"changed"`
	Unchanged int                `json:"unchanged"`
	Cleared   int                `json:"cleared"`
	Conflicts int                `json:"conflicts"`
	Problems  []workbook.Problem `json:"problems"`
	Kept      int                `json:"kept"`
	Batch     uint               `json:"batch"`
	Notes     []workbook.Problem `json:"notes"`
}

func runImport(env *Env, args []string) int {
	fs := flags(env, "import")
	db := dbFlag(fs)
	dryRun := fs.Bool("dry-run", false, "只检查并报告，不写入数据库")
	preferFile := fs.Bool("prefer-file", false, "与已有评分冲突时，以文件中的值为准")
	clearBlanks := fs.Bool("clear-blanks", false, "文件中空着的得分清除这份评分表上次交回时导入的分数")
	code := fs.String("round", "", "只接受这一轮次的评分表（可选）")
	password := fs.String("password", "", "评分表的打开密码")
	asJSON := fs.Bool("json", false, "输出 JSON")
	paths, exit, ok := parseOrUsage(env, fs, args)
	if !ok {
		return exit
	}
	if len(paths) == 0 {
		return usageError(env, "import 需要至少一个评分表文件或文件夹")
	}
	s, release, err := openImportStore(*db, *dryRun)
	if err != nil {
		return fail(env, err)
	}
	defer release()
	req := exchange.ImportRequest{Paths: paths, Password: *password, ClearBlanks: *clearBlanks, PreferFile: *preferFile}
	if *code != "" {
		if req.RoundID, err = round.NewService(s).IDByCode(*code); err != nil {
			return fail(env, err)
		}
	}
	svc := exchange.NewService(s)
	var rep *exchange.Report
	if *dryRun {
		rep, err = svc.Preview(req, nil)
	} else {
		rep, err = svc.Apply(req, operator(s), nil)
	}
	if err != nil {
		return fail(env, err)
	}
	refused := 0
	out := struct {
		Files []importFileJSON `json:"files"`
	}{Files: []importFileJSON{}}
	for i := range rep.Files {
		f := &rep.Files[i]
		// A dry run reports what the import would do: a conflict nobody decided refuses the file.
		if *dryRun && f.Status == exchange.StatusPreview && f.Unresolved() > 0 {
			f.Status = exchange.StatusRefused
			for _, c := range f.Conflicts {
				f.Problems = append(f.Problems, workbook.Problem{Sheet: c.Sheet, Cell: c.Cell, Message: "与已有评分冲突：" + c.Message()})
			}
		}
		if f.Status == exchange.StatusRefused {
			refused++
		}
		out.Files = append(out.Files, importFileJSON{Path: f.Path, Status: f.Status, Round: f.Round, Rater: f.Rater, New: f.New,
			Changed: f.Changed, Unchanged: f.Unchanged, Cleared: f.Cleared, Conflicts: len(f.Conflicts), Problems: f.Problems,
			Kept: f.Kept, Batch: f.BatchID, Notes: nonNil(f.Notes)})
	}
	if *asJSON {
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
	} else {
		printImport(env.Stdout, rep, *dryRun)
	}
	if refused > 0 {
		return ExitRefused
	}
	return ExitOK
}

var importStatusLabel = map[string]string{
	exchange.StatusApplied:   "已导入",
	exchange.StatusUnchanged: "无变化（这些分数已在系统中）",
	exchange.StatusRefused:   "未导入",
	exchange.StatusPreview:   "可以导入",
}

func printImport(w io.Writer, rep *exchange.Report, dryRun bool) {
	tally := map[string]int{}
	for _, f := range rep.Files {
		tally[f.Status]++
		who := ""
		if f.Rater != "" {
			who = fmt.Sprintf("（评分人 %s，轮次 %s）", f.Rater, f.Round)
		}
		label := importStatusLabel[f.Status]
		if f.Status == exchange.StatusUnchanged && f.Unchanged == 0 {
			label = "没有可导入的分数（得分列是空的）"
		}
		fmt.Fprintf(w, "%s：%s%s\n", f.FileName, label, who)
		conflictsOnly := f.Unresolved() > 0 && len(f.Problems) == f.Unresolved()
		if f.Status != exchange.StatusRefused || conflictsOnly {
			fmt.Fprintf(w, "  新增 %d，修改 %d，不变 %d，清除 %d，保留 %d，冲突 %d\n", f.New, f.Changed, f.Unchanged, f.Cleared, f.Kept, len(f.Conflicts))
		}
		for _, p := range f.Problems {
			printSheetMessage(w, "  问题", p)
		}
		for _, c := range f.Conflicts {
			if c.Take != "" {
				how := "采用文件中的值"
				if c.Take == exchange.KeepMine {
					how = "保留系统中的值"
				}
				printSheetMessage(w, "  冲突", workbook.Problem{Sheet: c.Sheet, Cell: c.Cell, Message: c.Message() + "，" + how})
			}
		}
		for _, n := range f.Notes {
			printSheetMessage(w, "  提示", n)
		}
	}
	fmt.Fprintf(w, "共 %d 个文件：已导入 %d，无变化 %d，未导入 %d", len(rep.Files), tally[exchange.StatusApplied], tally[exchange.StatusUnchanged], tally[exchange.StatusRefused])
	if dryRun {
		fmt.Fprintf(w, "，可以导入 %d（试运行：没有写入数据库）", tally[exchange.StatusPreview])
	}
	fmt.Fprintln(w, "。")
	if tally[exchange.StatusRefused] > 0 {
		fmt.Fprintln(w, "未导入的文件没有写入任何分数。请按上面的问题改正后重新导入；与已有评分冲突时，可加 --prefer-file 以文件为准。")
	}
}

// operator is the name recorded on exports and import batches (audit.Service.Author).
func operator(s *store.Store) string { return audit.NewService(s).Author() }
