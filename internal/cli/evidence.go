package cli

import (
	"fmt"
	"time"

	"liankanping/internal/evidence"
)

func init() {
	register(command{"evidence add", "附上佐证材料：evidence add --db FILE (--finding ID | --round CODE --unit NAME [--indicator CODE] | --matter ID | --brand ID | --branch ID) [--note T] FILE...", runEvidenceAdd})
	register(command{"evidence list", "列出佐证材料：evidence list --db FILE [--round CODE] [--unit NAME] [--json]", runEvidenceList})
	register(command{"evidence export", "导出一个轮次的佐证材料（每个单位一个文件夹，附索引表）：evidence export --db FILE --round CODE --out DIR", runEvidenceExport})
	register(command{"evidence verify", "按校验值检查每个保存的佐证文件：evidence verify --db FILE [--json]", runEvidenceVerify})
}

func runEvidenceAdd(env *Env, args []string) int {
	fs := flags(env, "evidence add")
	db := dbFlag(fs)
	findingID := fs.Uint("finding", 0, "问题的编号")
	round := fs.String("round", "", "观摩轮次的编号（与 --unit 一起）")
	unit := fs.String("unit", "", "观摩单位的名称或简称（与 --round 一起）")
	indicator := fs.String("indicator", "", "轮次考核方案中的指标编号（可选，与 --round 一起）")
	matter := fs.Uint("matter", 0, "办实事记录的编号")
	brand := fs.Uint("brand", 0, "党建品牌或荣誉的编号")
	branch := fs.Uint("branch", 0, "临时党支部的编号")
	category := fs.String("category", "", "类别（可选）：问题的整改阶段（待整改、整改中、已整改、已销号），或观摩的现场照片、汇报材料")
	note := fs.String("note", "", "说明（可选）")
	asJSON := fs.Bool("json", false, "输出 JSON")
	rest, code, ok := parseOrUsage(env, fs, args)
	if !ok {
		return code
	}
	n := 0
	for _, set := range []bool{*findingID != 0, *round != "", *matter != 0, *brand != 0, *branch != 0} {
		if set {
			n++
		}
	}
	switch {
	case n != 1:
		return usageError(env, "evidence add 需要且只需要一条记录：--finding ID、--round CODE --unit NAME、--matter ID、--brand ID 或 --branch ID")
	case (*round != "") != (*unit != ""):
		return usageError(env, "--round 与 --unit 须一起给出")
	case *indicator != "" && *round == "":
		return usageError(env, "--indicator 只能与 --round、--unit 一起使用")
	case len(rest) == 0:
		return usageError(env, "evidence add 需要至少一个文件")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	svc := evidence.NewService(s)
	t := evidence.Target{FindingID: *findingID, MatterID: *matter, BrandID: *brand, BranchID: *branch}
	if *round != "" {
		if t, err = svc.Resolve(*round, *unit, *indicator); err != nil {
			return fail(env, err)
		}
	}
	t.Category = *category
	rep, err := svc.AddPaths(t, rest, *note, operator(s))
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		out := struct {
			Added   []evidenceJSON     `json:"added"`
			Skipped []evidence.Refusal `json:"skipped"`
			Refused []evidence.Refusal `json:"refused"`
		}{evidenceItems(rep.Added), rep.Skipped, rep.Refused}
		if err := printJSON(env.Stdout, out); err != nil {
			return fail(env, err)
		}
	} else {
		for _, it := range rep.Added {
			fmt.Fprintf(env.Stdout, "已附上 %s（%s，%s）SHA-256 %s\n", it.FileName, it.MIME, evidence.HumanSize(it.Size), it.SHA256)
		}
		for _, r := range rep.Skipped {
			fmt.Fprintf(env.Stdout, "跳过 %s\n", r.Message)
		}
		for _, r := range rep.Refused {
			fmt.Fprintf(env.Stdout, "未附上 %s：%s\n", r.Name, r.Message)
		}
	}
	if len(rep.Refused) > 0 {
		return ExitRefused
	}
	return ExitOK
}

// evidenceJSON is an attachment as evidence list --json prints it.
type evidenceJSON struct {
	ID         uint      `json:"id"`
	SHA256     string    `json:"sha256"`
	FileName   string    `json:"file_name"`
	Kind       string    `json:"kind"`
	MIME       string    `json:"mime"`
	Size       int64     `json:"size"`
	Category   string    `json:"category"`
	Note       string    `json:"note"`
	RecordKind string    `json:"record_kind"`
	Record     string    `json:"record"`
	Unit       string    `json:"unit"`
	Round      string    `json:"round"`
	Indicator  string    `json:"indicator"`
	Operator   string    `json:"operator"`
	AttachedAt time.Time `json:"attached_at"`
}

func evidenceItems(items []evidence.Item) []evidenceJSON {
	out := make([]evidenceJSON, 0, len(items))
	for _, it := range items {
		out = append(out, evidenceJSON{ID: it.ID, SHA256: it.SHA256, FileName: it.FileName, Kind: string(it.Kind), MIME: it.MIME,
			Size: it.Size, Category: it.Category, Note: it.Note, RecordKind: it.RecordKind, Record: it.Record, Unit: it.UnitName,
			Round: it.RoundCode, Indicator: it.IndicatorCode, Operator: it.Operator, AttachedAt: it.AttachedAt})
	}
	return out
}

func runEvidenceList(env *Env, args []string) int {
	fs := flags(env, "evidence list")
	db := dbFlag(fs)
	round := fs.String("round", "", "只列出该轮次的（观摩及其问题的）佐证材料")
	unit := fs.String("unit", "", "只列出该单位的佐证材料")
	asJSON := fs.Bool("json", false, "输出 JSON")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	svc := evidence.NewService(s)
	var f evidence.Filter
	if *round != "" {
		if f.RoundID, err = svc.RoundID(*round); err != nil {
			return fail(env, err)
		}
	}
	if *unit != "" {
		if f.UnitID, err = svc.UnitID(*unit); err != nil {
			return fail(env, err)
		}
	}
	items, err := svc.List(f)
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		if err := printJSON(env.Stdout, map[string]any{"evidence": evidenceItems(items)}); err != nil {
			return fail(env, err)
		}
		return ExitOK
	}
	for _, it := range items {
		fmt.Fprintf(env.Stdout, "%d\t%s\t%s\t%s\t%s\t%s\t%s\n", it.ID, it.UnitName, it.Record, it.Category, it.FileName, evidence.HumanSize(it.Size), it.SHA256)
	}
	fmt.Fprintf(env.Stdout, "共 %d 个佐证文件\n", len(items))
	return ExitOK
}

func runEvidenceExport(env *Env, args []string) int {
	fs := flags(env, "evidence export")
	db := dbFlag(fs)
	round := fs.String("round", "", "观摩轮次的编号")
	out := fs.String("out", "", "要写入的文件夹")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *round == "" || *out == "" {
		return usageError(env, "evidence export 需要 --round CODE 和 --out DIR")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	svc := evidence.NewService(s)
	id, err := svc.RoundID(*round)
	if err != nil {
		return fail(env, err)
	}
	res, err := svc.Export(id, *out)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "已导出 %d 个单位的 %d 个佐证文件到 %s，索引见 %s\n", res.Units, res.Files, res.Dir, evidence.IndexFile)
	return ExitOK
}

func runEvidenceVerify(env *Env, args []string) int {
	fs := flags(env, "evidence verify")
	db := dbFlag(fs)
	asJSON := fs.Bool("json", false, "输出 JSON")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	v, err := evidence.NewService(s).Verify()
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		printJSON(env.Stdout, v)
	} else {
		for _, p := range v.Problems {
			fmt.Fprintf(env.Stdout, "损坏 %s（%v）：%s\n", p.SHA256, p.Files, p.Reason)
		}
		fmt.Fprintln(env.Stdout, v.Message)
	}
	if !v.OK {
		return ExitFailed
	}
	return ExitOK
}
