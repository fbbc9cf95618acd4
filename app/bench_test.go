package app_test

import (
	"io"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"liankanping/app"
	"liankanping/internal/benchdata"
	"liankanping/internal/exchange"
	"liankanping/internal/store"
)

// BenchmarkWindowImport is the window's own path for taking in a round's returned workbooks:
// the 工作簿 page previews the folder (WorkbookAPI.PreviewImport) and then applies it with the
// preview's token (WorkbookAPI.ApplyImport), through the same facade the window binds. Round
// BENCH, 20 filled workbooks; LKP_BENCH_SCALE=N measures demo --bench-scale N.
func BenchmarkWindowImport(b *testing.B) {
	scale := 1
	if v, err := strconv.Atoi(os.Getenv("LKP_BENCH_SCALE")); err == nil && v > 0 {
		scale = v
	}
	dir := b.TempDir()
	env, err := benchdata.Prepare(filepath.Join(dir, "prep"), scale)
	if err != nil {
		b.Fatal(err)
	}
	folder := filepath.Dir(env.Filled[0])
	var worst benchdata.Peak
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		path := filepath.Join(dir, "window-"+strconv.Itoa(i)+".db")
		if err := copyKeepingTime(env.DB, path); err != nil {
			b.Fatal(err)
		}
		s, err := store.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		api := app.NewWorkbookAPI(app.NewCore(s, path, nil))
		b.StartTimer()
		p := benchdata.Measure(func() {
			prev, err := api.PreviewImport(exchange.ImportRequest{Paths: []string{folder}})
			if err != nil {
				b.Fatal(err)
			}
			rep, err := api.ApplyImport(exchange.ImportRequest{Token: prev.Token})
			if err != nil {
				b.Fatal(err)
			}
			benchdata.MustApplyAll(b, rep, env.Cells)
		})
		worst = worst.Add(p)
		b.StopTimer()
		s.Close()
		b.StartTimer()
	}
	b.StopTimer()
	worst.Report(b, b.N)
	b.ReportMetric(float64(env.Cells), "scores/op")
}

// copyKeepingTime copies a cleanly closed database with its record and modification time, so
// that the copy opens as the original would (without a full integrity check).
func copyKeepingTime(from, to string) error {
	for _, suffix := range []string{"", ".checked"} {
		in, err := os.Open(from + suffix)
		if err != nil {
			return err
		}
		out, err := os.Create(to + suffix)
		if err != nil {
			in.Close()
			return err
		}
		_, err = io.Copy(out, in)
		in.Close()
		if cerr := out.Close(); err == nil {
			err = cerr
		}
		if err != nil {
			return err
		}
		info, err := os.Stat(from + suffix)
		if err != nil {
			return err
		}
		if err := os.Chtimes(to+suffix, info.ModTime(), info.ModTime()); err != nil {
			return err
		}
	}
	return nil
}
