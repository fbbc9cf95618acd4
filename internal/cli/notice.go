package cli

import (
	"fmt"

	"liankanping/internal/notice"
)

func init() {
	register(command{"notice", "生成通报（Word）：notice --db FILE --round CODE --out FILE.docx [--unit 发文单位] [--date YYYY-MM-DD]", runNotice})
}

func runNotice(env *Env, args []string) int {
	fs := flags(env, "notice")
	d := addDocumentFlags(fs, "notice", ".docx", "通报文件（.docx）", "发文单位（默认为“设置”中通报模板的发文单位）", "成文日期，如 2024-12-20（默认今天）")
	rest, c, ok := parseOrUsage(env, fs, args)
	if !ok {
		return c
	}
	s, id, date, c := d.open(env, rest)
	if s == nil {
		return c
	}
	defer s.Close()
	path, err := notice.NewService(s).Export(id, *d.out, notice.Options{Issuer: *d.unit, Date: date})
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "通报已生成：%s\n", path)
	return ExitOK
}
