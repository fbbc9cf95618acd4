package cli

import (
	"fmt"
	"time"

	"liankanping/internal/audit"
)

func init() {
	register(command{"audit verify", "校验审计日志的完整性：audit verify --db FILE [--json]", runAuditVerify})
	register(command{"audit export", "导出审计日志：audit export --db FILE --out FILE.xlsx", runAuditExport})
}

func runAuditVerify(env *Env, args []string) int {
	fs := flags(env, "audit verify")
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
	v, err := audit.NewService(s).Verify()
	if err != nil {
		return fail(env, err)
	}
	if *asJSON {
		printJSON(env.Stdout, v)
	} else {
		fmt.Fprintln(env.Stdout, v.Message)
	}
	if !v.OK {
		return ExitFailed
	}
	return ExitOK
}

func runAuditExport(env *Env, args []string) int {
	fs := flags(env, "audit export")
	db := dbFlag(fs)
	out := fs.String("out", "", "导出的工作簿")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *out == "" {
		return usageError(env, "audit export 需要 --out FILE.xlsx")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	n, err := audit.NewService(s).Export(*out, time.Now())
	if err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "已导出 %d 条审计记录到 %s\n", n, *out)
	return ExitOK
}
