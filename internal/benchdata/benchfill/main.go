// Command benchfill prepares the inputs of the whole-process benchmarks (.ci/bench):
//
//	benchfill fill --db FILE --round CODE IN_DIR OUT_DIR   every 得分 cell of IN_DIR's rater workbooks filled
//	benchfill spec OUT.json FILE...                        the openpyxl peer's description of exported workbooks
//
// It is a tool for benchmarks, not part of the product.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"liankanping/internal/benchdata"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "benchfill:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("usage: benchfill fill|spec …")
	}
	switch args[0] {
	case "spec":
		if len(args) < 3 {
			return fmt.Errorf("usage: benchfill spec OUT.json FILE...")
		}
		return benchdata.DescribeForOpenpyxl(args[2:], args[1])
	case "fill":
		fs := flag.NewFlagSet("fill", flag.ContinueOnError)
		db := fs.String("db", "", "database")
		code := fs.String("round", "BENCH", "round code")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 2 || *db == "" {
			return fmt.Errorf("usage: benchfill fill --db FILE --round CODE IN_DIR OUT_DIR")
		}
		return fill(*db, *code, fs.Arg(0), fs.Arg(1))
	}
	return fmt.Errorf("unknown command %q", args[0])
}

func fill(db, code, in, out string) error {
	s, err := store.Open(db)
	if err != nil {
		return err
	}
	defer s.Close()
	id, err := round.NewService(s).IDByCode(code)
	if err != nil {
		return err
	}
	r, err := score.LoadRound(s.DB, id)
	if err != nil {
		return err
	}
	files, err := filepath.Glob(filepath.Join(in, "*.xlsx"))
	if err != nil {
		return err
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	cells := 0
	for _, f := range files {
		n, err := benchdata.Fill(f, filepath.Join(out, filepath.Base(f)), r.Indicators)
		if err != nil {
			return fmt.Errorf("%s: %w", f, err)
		}
		cells += n
	}
	fmt.Printf("%d files, %d cells\n", len(files), cells)
	return nil
}
