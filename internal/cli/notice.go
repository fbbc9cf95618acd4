package cli

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"liankanping/internal/notice"
	"liankanping/internal/round"
)

func init() {
	register(command{"notice", "生成通报（Word）：notice --db FILE --round CODE --out FILE.docx [--unit 发文单位] [--date YYYY-MM-DD]", runNotice})
}

func runNotice(env *Env, args []string) int {
	fs := flags(env, "notice")
	db := dbFlag(fs)
	code := fs.String("round", "", "轮次编号，如 2024Q3")
	out := fs.String("out", "", "通报文件（.docx）")
	unit := fs.String("unit", "", "发文单位（默认为“设置”中通报模板的发文单位）")
	date := fs.String("date", "", "成文日期，如 2024-12-20（默认今天）")
	rest, c, ok := parseOrUsage(env, fs, args)
	if !ok {
		return c
	}
	switch {
	case len(rest) > 0:
		return usageError(env, "notice 不接受多余的参数：%s", strings.Join(rest, " "))
	case *code == "":
		return usageError(env, "notice 需要 --round CODE")
	case *out == "":
		return usageError(env, "notice 需要 --out FILE.docx")
	case !strings.EqualFold(filepath.Ext(*out), ".docx"):
		return usageError(env, "--out 须为 .docx 文件")
	}
	opts := notice.Options{Issuer: *unit}
	if *date != "" {
		t, err := time.ParseInLocation("2006-01-02", *date, time.Local)
		if err != nil {
			return usageError(env, "--date 须写成 2024-12-20 的形式")
		}
		opts.Date = t
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
	path, err := notice.NewService(s).Export(id, *out, opts)
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "通报已生成：%s\n", path)
	return ExitOK
}
