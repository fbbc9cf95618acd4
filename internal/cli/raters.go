package cli

import (
	"fmt"
	"io"
	"strings"

	"liankanping/internal/assignment"
	"liankanping/internal/round"
)

// The rater assignment workbook (评价关系表) of a round, out and back in.
func init() {
	register(command{"raters export", "导出评价关系表：raters export --db FILE --round CODE --out FILE.xlsx", runRatersExport})
	register(command{"raters import", "导入评价关系表：raters import --db FILE --round CODE [--dry-run] [--json] FILE.xlsx", runRatersImport})
}

func runRatersExport(env *Env, args []string) int {
	fs := flags(env, "raters export")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2025Q1")
	out := fs.String("out", "", "要写入的评价关系表（.xlsx）")
	if _, c, ok := parseOrUsage(env, fs, args); !ok {
		return c
	}
	if *out == "" {
		return usageError(env, "raters export 需要 --out FILE.xlsx")
	}
	s, id, c := openRound(env, *db, *code, "raters export")
	if s == nil {
		return c
	}
	defer s.Close()
	if err := assignment.NewService(s).Export(id, *out); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "评价关系表已导出到 %s\n", *out)
	return ExitOK
}

type ratersImportJSON struct {
	importCounts
	Removed int `json:"removed"`
}

func runRatersImport(env *Env, args []string) int {
	fs := flags(env, "raters import")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2025Q1")
	dryRun := fs.Bool("dry-run", false, "只检查并报告，不写入数据库")
	asJSON := fs.Bool("json", false, "输出 JSON")
	rest, c, ok := parseOrUsage(env, fs, args)
	if !ok {
		return c
	}
	if len(rest) != 1 {
		return usageError(env, "raters import 需要且只需要一个评价关系表（.xlsx）")
	}
	if strings.TrimSpace(*code) == "" {
		return usageError(env, "raters import 需要 --round CODE")
	}
	// Opened as every import is, so that a dry run creates and migrates nothing.
	s, release, err := openImportStore(*db, *dryRun)
	if err != nil {
		return fail(env, err)
	}
	defer release()
	id, err := round.NewService(s).IDByCode(*code)
	if err != nil {
		return fail(env, err)
	}
	call := &importCall{env: env, store: s, path: rest[0], dryRun: *dryRun, json: *asJSON}
	res, err := assignment.NewService(s).Import(id, rest[0], *dryRun)
	if err != nil {
		return call.refusedFile(err)
	}
	out := ratersImportJSON{importCounts: importCounts{Created: res.Created, Updated: res.Updated, Unchanged: res.Unchanged,
		Problems: nonNil(res.Problems)}, Removed: res.Removed}
	return call.finish(out, len(res.Problems), func() { printAssignment(env.Stdout, res, *dryRun) })
}

var changeLabel = map[string]string{"new": "新增", "changed": "变更", "removed": "移出"}

func printAssignment(w io.Writer, r *assignment.Result, dryRun bool) {
	for _, p := range r.Problems {
		printSheetMessage(w, "问题", p)
	}
	if len(r.Problems) > 0 {
		fmt.Fprintf(w, "评价关系表 %s 有 %d 个问题，未导入任何数据。请改正后重新导入。\n", r.File, len(r.Problems))
		return
	}
	for _, l := range r.Lines {
		if label, ok := changeLabel[l.Change]; ok {
			rec := strings.Join(l.Recused, "、")
			if rec == "" {
				rec = "无"
			}
			fmt.Fprintf(w, "%s  %s  %s（%s），回避：%s\n", label, l.Group, l.Name, l.Unit, rec)
		}
	}
	fmt.Fprintf(w, "评分人：新增 %d，变更 %d，不变 %d，移出 %d\n", r.Created, r.Updated, r.Unchanged, r.Removed)
	switch {
	case dryRun:
		fmt.Fprintln(w, "（试运行：没有写入数据库）")
	case r.Applied:
		fmt.Fprintf(w, "已导入评价关系表 %s。\n", r.File)
	}
}
