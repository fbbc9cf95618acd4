package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"

	"liankanping/internal/scheme"
	"liankanping/internal/workbook"
)

func init() {
	register(command{"schemes", "列出考核方案及其指标：schemes --db FILE [--json]", runSchemes})
	register(command{"schemes import", "导入评分细则（建为草稿）：schemes import --db FILE [--dry-run] [--json] FILE.xlsx", runSchemesImport})
	register(command{"schemes export", "导出评分细则：schemes export --db FILE --name 方案名 [--version N] --out FILE.xlsx", runSchemesExport})
}

type schemesJSON struct {
	Schemes []schemeJSON `json:"schemes"`
}

type schemeJSON struct {
	Name       string          `json:"name"`
	Version    int             `json:"version"`
	Status     string          `json:"status"`
	Total      points          `json:"total"`
	Indicators []indicatorJSON `json:"indicators"`
}

type indicatorJSON struct {
	Code    string       `json:"code"`
	Name    string       `json:"name"`
	Parent  string       `json:"parent"`
	Kind    string       `json:"kind"`
	Max     points       `json:"max"`
	Step    points       `json:"step"`
	Options []optionJSON `json:"options,omitempty"`
}

type optionJSON struct {
	Label  string `json:"label"`
	Points points `json:"points"`
}

func runSchemes(env *Env, args []string) int {
	fs := flags(env, "schemes")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "输出 JSON")
	rest, code, ok := parseOrUsage(env, fs, args)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		return usageError(env, "schemes 不认识的参数：%s（子命令有 import、export）", strings.Join(rest, " "))
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	svc := scheme.NewService(s)
	list, err := svc.List()
	if err != nil {
		return fail(env, err)
	}
	// The contract lists versions oldest first within a name.
	out := schemesJSON{Schemes: []schemeJSON{}}
	var details []scheme.Detail
	for _, sum := range sortedOldestFirst(list) {
		d, err := svc.Get(sum.ID)
		if err != nil {
			return fail(env, err)
		}
		details = append(details, d)
		out.Schemes = append(out.Schemes, toSchemeJSON(d))
	}
	if *asJSON {
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	printSchemes(env.Stdout, details)
	return ExitOK
}

// sortedOldestFirst keeps List's order of names but puts each name's versions oldest first.
func sortedOldestFirst(list []scheme.Summary) []scheme.Summary {
	out := make([]scheme.Summary, 0, len(list))
	for i := 0; i < len(list); {
		j := i
		for j < len(list) && list[j].Name == list[i].Name {
			j++
		}
		for k := j - 1; k >= i; k-- {
			out = append(out, list[k])
		}
		i = j
	}
	return out
}

func toSchemeJSON(d scheme.Detail) schemeJSON {
	sj := schemeJSON{Name: d.Scheme.Name, Version: d.Scheme.Version, Status: string(d.Scheme.Status),
		Total: points(d.Total.ScoreCenti), Indicators: []indicatorJSON{}}
	codeOf := map[uint]string{}
	for _, ind := range d.Indicators {
		codeOf[ind.ID] = ind.Code
	}
	for _, ind := range d.Indicators {
		ij := indicatorJSON{Code: ind.Code, Name: ind.Name, Kind: string(ind.Kind), Max: points(ind.MaxCenti), Step: points(ind.StepCenti)}
		if ind.ParentID != nil {
			ij.Parent = codeOf[*ind.ParentID]
		}
		if ind.Kind == scheme.Group {
			ij.Step = 0
		}
		if ind.Kind == scheme.Grade {
			for _, o := range ind.Options {
				ij.Options = append(ij.Options, optionJSON{Label: o.Label, Points: points(o.PointsCenti)})
			}
		}
		sj.Indicators = append(sj.Indicators, ij)
	}
	return sj
}

func printSchemes(w io.Writer, details []scheme.Detail) {
	if len(details) == 0 {
		fmt.Fprintln(w, "还没有考核方案。")
		return
	}
	for i, d := range details {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s  第%d版  %s  满分%s分%s\n", d.Scheme.Name, d.Scheme.Version, d.Scheme.Status.Label(),
			scheme.FormatPoints(d.Total.ScoreCenti), extras(d.Total))
		rows := [][]string{{"编号", "指标", "类型", "分值", "等次"}}
		for _, ind := range d.Indicators {
			max := ""
			switch {
			case ind.Kind != scheme.Group:
				max = scheme.FormatPoints(ind.MaxCenti)
			case ind.Subtotal.ScoreCenti > 0:
				max = "(" + scheme.FormatPoints(ind.Subtotal.ScoreCenti) + ")"
			}
			rows = append(rows, []string{ind.Code, strings.Repeat("  ", ind.Level-1) + ind.Name,
				ind.Kind.Label(), max, scheme.OptionsText(ind.Options)})
		}
		printTable(w, rows)
		for _, is := range d.Issues {
			label := "问题"
			if is.Warning {
				label = "提示"
			}
			fmt.Fprintf(w, "%s  %s %s\n", label, is.Code, is.Message)
		}
	}
}

func extras(t scheme.Subtotal) string {
	var parts []string
	if t.BonusCenti > 0 {
		parts = append(parts, "加分最高"+scheme.FormatPoints(t.BonusCenti)+"分")
	}
	if t.DeductCenti > 0 {
		parts = append(parts, "扣分最多"+scheme.FormatPoints(t.DeductCenti)+"分")
	}
	if len(parts) == 0 {
		return ""
	}
	return "（" + strings.Join(parts, "，") + "）"
}

// schemeImportJSON is the contract's answer of schemes import; the counts are indicators,
// compared with the newest stored version of the same name (all created for a new name).
type schemeImportJSON struct {
	importCounts
	Scheme  string `json:"scheme"`
	Version int    `json:"version"`
}

func runSchemesImport(env *Env, args []string) int {
	c, code := startImport(env, "schemes import", "评分细则文件", args)
	if c == nil {
		return code
	}
	defer c.release()
	sf := workbook.ReadSchemeFile(c.path)
	out := schemeImportJSON{importCounts: importCounts{Problems: nonNil(sf.Problems)}, Scheme: sf.Tree.Scheme.Name}
	var res scheme.ImportResult
	if len(sf.Problems) == 0 {
		var err error
		res, err = scheme.NewService(c.store).Import(sf.Tree, c.dryRun)
		if err != nil {
			return fail(env, err)
		}
		out.Created, out.Updated, out.Unchanged, out.Version = res.Created, res.Updated, res.Unchanged, res.Scheme.Version
	}
	return c.finish(out, len(sf.Problems), func() { printSchemeImport(env.Stdout, c.path, sf, res, c.dryRun) })
}

func printSchemeImport(w io.Writer, file string, sf workbook.SchemeFile, res scheme.ImportResult, dryRun bool) {
	for _, p := range sf.Problems {
		fmt.Fprintf(w, "问题  %s\n", problemText(p))
	}
	for _, m := range sf.Warnings {
		fmt.Fprintf(w, "提示  %s\n", m)
	}
	if len(sf.Problems) > 0 {
		fmt.Fprintf(w, "评分细则 %s 有 %d 个问题，未导入。请改正后重新导入。\n", file, len(sf.Problems))
		return
	}
	fmt.Fprintf(w, "方案“%s”：%d 个指标，满分 %s 分%s\n", res.Scheme.Name, scheme.Count(sf.Tree.Roots),
		scheme.FormatPoints(res.Total.ScoreCenti), extras(res.Total))
	if res.Base != nil {
		fmt.Fprintf(w, "与第%d版相比：新增 %d，修改 %d，不变 %d，删除 %d\n", res.Base.Version, res.Created, res.Updated, res.Unchanged, res.Removed)
	}
	switch {
	case res.Base != nil && res.Created+res.Updated+res.Removed == 0 && !res.Written:
		fmt.Fprintf(w, "与已有的第%d版完全相同，没有导入。\n", res.Base.Version)
	case dryRun:
		fmt.Fprintf(w, "（试运行：没有写入数据库；导入后将是第%d版草稿）\n", res.Scheme.Version)
	case res.Written:
		fmt.Fprintf(w, "已导入为第%d版草稿。请在窗口中检查后发布。\n", res.Scheme.Version)
	}
}

// problemText writes a problem as people look for it: 评分细则!D7：分值“五”不是数字.
func problemText(p workbook.Problem) string {
	where := p.Sheet
	if p.Cell != "" {
		where += "!" + p.Cell
	}
	if where != "" {
		where += "："
	}
	return where + p.Message
}

func runSchemesExport(env *Env, args []string) int {
	fs := flags(env, "schemes export")
	db := dbFlag(fs)
	name := fs.String("name", "", "方案名称")
	version := fs.Int("version", 0, "版本号（默认最新版本）")
	out := fs.String("out", "", "要写入的文件（.xlsx）")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *name == "" || *out == "" {
		return usageError(env, "schemes export 需要 --name 方案名 和 --out FILE.xlsx")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	d, err := scheme.NewService(s).Find(*name, *version)
	if err != nil {
		return fail(env, err)
	}
	if err := workbook.WriteSchemeFile(*out, d); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "已导出“%s”第%d版到 %s\n", d.Scheme.Name, d.Scheme.Version, *out)
	return ExitOK
}

// printTable lines up columns by their width on a terminal, where a Chinese character takes
// two columns (text/tabwriter counts it as one).
func printTable(w io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i >= len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		fmt.Fprintln(w, strings.TrimRight(b.String(), " "))
	}
}

func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		if unicode.Is(unicode.Han, r) || r >= 0x3000 && r <= 0x303F || r >= 0xFF00 && r <= 0xFF60 || r == '“' || r == '”' {
			n += 2
		} else {
			n++
		}
	}
	return n
}
