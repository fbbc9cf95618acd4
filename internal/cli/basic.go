package cli

import (
	"errors"
	"fmt"
	"os"

	"liankanping/internal/demo"
	"liankanping/internal/store"
	"liankanping/internal/version"
)

func init() {
	register(command{"version", "显示版本", runVersion})
	register(command{"demo", "建立演示数据库：demo --db FILE [--force] [--bench [--bench-scale N]]", runDemo})
	register(command{"backup", "备份数据库：backup --db FILE --out FILE", runBackup})
}

func runVersion(env *Env, args []string) int {
	if _, code, ok := parseOrUsage(env, flags(env, "version"), args); !ok {
		return code
	}
	fmt.Fprintf(env.Stdout, "liankanping %s (built %s, data version %d)\n", version.Version, version.BuildDate, store.LatestVersion())
	return ExitOK
}

func runDemo(env *Env, args []string) int {
	fs := flags(env, "demo")
	db := dbFlag(fs)
	force := fs.Bool("force", false, "覆盖已存在的文件")
	bench := fs.Bool("bench", false, "加入用于性能测试的 BENCH 轮次")
	scale := fs.Int("bench-scale", 1, "BENCH 轮次的规模倍数 N：67·N 个单位、11·N 个联系片")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *scale < 1 || *scale > 100 {
		return usageError(env, "--bench-scale 应为 1～100 之间的整数")
	}
	if *scale > 1 && !*bench {
		return usageError(env, "--bench-scale 需要与 --bench 一起使用")
	}
	if *db == "" {
		return usageError(env, "demo 需要 --db FILE")
	}
	if _, err := os.Stat(*db); err == nil {
		if !*force {
			fmt.Fprintf(env.Stderr, "错误：文件 %s 已存在；如要覆盖，请加 --force\n", *db)
			return ExitFailed
		}
		for _, suffix := range []string{"", "-wal", "-shm"} {
			if err := os.Remove(*db + suffix); err != nil && !errors.Is(err, os.ErrNotExist) {
				return fail(env, err)
			}
		}
	}
	s, err := store.Open(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	if err := demo.Load(s, demo.Options{Bench: *bench, BenchScale: *scale}); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "演示数据库已建立：%s\n", *db)
	return ExitOK
}

func runBackup(env *Env, args []string) int {
	fs := flags(env, "backup")
	db := dbFlag(fs)
	out := fs.String("out", "", "备份文件")
	if _, code, ok := parseOrUsage(env, fs, args); !ok {
		return code
	}
	if *out == "" {
		return usageError(env, "backup 需要 --out FILE")
	}
	s, err := openStore(*db)
	if err != nil {
		return fail(env, err)
	}
	defer s.Close()
	if err := s.Backup(*out); err != nil {
		return fail(env, err)
	}
	fmt.Fprintf(env.Stdout, "已备份到 %s\n", *out)
	return ExitOK
}
