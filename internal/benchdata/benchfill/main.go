// Command benchfill prepares the inputs of the whole-process benchmarks (.ci/bench):
//
//	benchfill prepare --scale N DIR    DIR/bench.db (BENCH at scale N, no scores), DIR/blank and DIR/filled
//	benchfill spec OUT.json FILE...    the openpyxl peer's description of exported workbooks
//
// It is a tool for benchmarks, not part of the product.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"

	"liankanping/internal/benchdata"
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
	case "prepare":
		fs := flag.NewFlagSet("prepare", flag.ContinueOnError)
		scale := fs.Int("scale", 1, "demo --bench-scale N")
		if err := fs.Parse(args[1:]); err != nil {
			return err
		}
		if fs.NArg() != 1 {
			return fmt.Errorf("usage: benchfill prepare --scale N DIR")
		}
		e, err := benchdata.Prepare(fs.Arg(0), *scale)
		if err != nil {
			return err
		}
		fmt.Printf("%d workbooks, %d cells filled\n", len(e.Filled), e.Cells)
		return os.WriteFile(filepath.Join(e.Dir, "cells.txt"), []byte(strconv.Itoa(e.Cells)+"\n"), 0o644)
	}
	return fmt.Errorf("unknown command %q", args[0])
}
