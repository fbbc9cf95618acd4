package cli

import (
	"fmt"

	"liankanping/internal/exchange"
	"liankanping/internal/store"
)

// exportPaper is `export raters --paper`: the round's paper sheets, one file per rater and a
// blank one.
func exportPaper(env *Env, s *store.Store, roundID uint, dir string) int {
	res, err := exchange.NewService(s).ExportPaper(roundID, dir, nil)
	if err != nil {
		return fail(env, err)
	}
	for _, f := range res.Files {
		if f.Rater == "" {
			fmt.Fprintf(env.Stdout, "%s（空白表，%d 个单位）\n", f.Path, f.Units)
			continue
		}
		fmt.Fprintf(env.Stdout, "%s（%s，%d 个单位）\n", f.Path, f.Group, f.Units)
	}
	for _, sk := range res.Skipped {
		fmt.Fprintf(env.Stdout, "未导出  %s：%s\n", sk.Rater, sk.Reason)
	}
	fmt.Fprintf(env.Stdout, "已为轮次 %s 导出 %d 份纸质评分表（其中 1 份空白表）到 %s，每个单位一页，打印后供现场手写评分。\n", res.Round, len(res.Files), res.Dir)
	return ExitOK
}
