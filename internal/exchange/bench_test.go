package exchange_test

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"liankanping/internal/benchdata"
	"liankanping/internal/exchange"
	"liankanping/internal/round"
	"liankanping/internal/store"
)

// benchEnv is the demo database with the BENCH round (67 units × 120 indicators × 20 raters),
// built once per test process.
type benchEnv struct {
	s       *store.Store
	svc     *exchange.Service
	roundID uint
	dir     string
	blank   []string // the 20 workbooks as exported
	filled  []string // the same, every 得分 cell filled
	cells   int
}

var (
	benchOnce sync.Once
	bench     *benchEnv
	benchErr  error
)

func mustBench(b *testing.B) *benchEnv {
	b.Helper()
	benchOnce.Do(func() { bench, benchErr = newBenchEnv() })
	if benchErr != nil {
		b.Fatal(benchErr)
	}
	return bench
}

func newBenchEnv() (*benchEnv, error) {
	dir, err := os.MkdirTemp("", "lkp-bench-")
	if err != nil {
		return nil, err
	}
	prep, err := benchdata.Prepare(dir, 1)
	if err != nil {
		return nil, err
	}
	s, err := store.Open(prep.DB)
	if err != nil {
		return nil, err
	}
	id, err := round.NewService(s).IDByCode("BENCH")
	if err != nil {
		return nil, err
	}
	return &benchEnv{s: s, svc: exchange.NewService(s), roundID: id, dir: dir, blank: prep.Blank, filled: prep.Filled, cells: prep.Cells}, nil
}

// reset removes the BENCH round's scores and batches, so that every import starts afresh.
func (e *benchEnv) reset(b *testing.B) {
	for _, q := range []string{"DELETE FROM scores WHERE round_id = ?", "DELETE FROM score_history WHERE round_id = ?", "DELETE FROM import_batches WHERE round_id = ?"} {
		if err := e.s.DB.Exec(q, e.roundID).Error; err != nil {
			b.Fatal(err)
		}
	}
}

// TestMain removes the benchmarks' database and workbooks when the tests are done.
func TestMain(m *testing.M) {
	code := m.Run()
	if bench != nil {
		bench.s.Close()
		os.RemoveAll(bench.dir)
	}
	os.Exit(code)
}

// peer is what openpyxl took for the same work, measured once per process (not with -short).
var peer struct {
	sync.Once
	write, read benchdata.PyResult
	err         error
}

func openpyxlPeer(b *testing.B, e *benchEnv) (write, read benchdata.PyResult, ok bool) {
	if testing.Short() {
		return benchdata.PyResult{}, benchdata.PyResult{}, false
	}
	peer.Do(func() {
		spec := filepath.Join(e.dir, "openpyxl-spec.json")
		if peer.err = benchdata.DescribeForOpenpyxl(e.blank, spec); peer.err != nil {
			return
		}
		if peer.write, peer.err = benchdata.RunOpenpyxl(peerScript, "write", spec, filepath.Join(e.dir, "openpyxl")); peer.err != nil {
			return
		}
		peer.read, peer.err = benchdata.RunOpenpyxl(peerScript, append([]string{"read"}, e.filled...)...)
	})
	if peer.err != nil {
		b.Logf("openpyxl peer not measured: %v", peer.err)
		return benchdata.PyResult{}, benchdata.PyResult{}, false
	}
	return peer.write, peer.read, true
}

// BenchmarkExportRaters writes the 20 rater workbooks of round BENCH.
func BenchmarkExportRaters(b *testing.B) {
	e := mustBench(b)
	var worst benchdata.Peak
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(e.dir, fmt.Sprintf("export-%d-%d", i, time.Now().UnixNano()))
		p := benchdata.Measure(func() {
			res, err := e.svc.ExportRaters(e.roundID, dir, exchange.ExportOptions{}, nil)
			if err != nil || len(res.Files) != 20 {
				b.Fatalf("export: %v", err)
			}
		})
		worst = worst.Add(p)
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.StopTimer()
	perOp := b.Elapsed().Seconds() / float64(b.N)
	worst.Report(b, b.N)
	b.ReportMetric(20, "files/op")
	if w, _, ok := openpyxlPeer(b, e); ok {
		b.ReportMetric(w.Seconds, "openpyxl-write-s")
		b.ReportMetric(w.Seconds/perOp, "x-faster-than-openpyxl")
	}
}

// BenchmarkImportRaters reads, checks and stores the 20 filled workbooks of round BENCH
// (160,800 scores), starting each time from a round without scores.
func BenchmarkImportRaters(b *testing.B) {
	e := mustBench(b)
	var worst benchdata.Peak
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e.reset(b)
		b.StartTimer()
		p := benchdata.Measure(func() {
			rep, err := e.svc.Apply(exchange.ImportRequest{Paths: e.filled}, "bench", nil)
			if err != nil {
				b.Fatal(err)
			}
			benchdata.MustApplyAll(b, rep, e.cells)
		})
		worst = worst.Add(p)
	}
	b.StopTimer()
	perOp := b.Elapsed().Seconds() / float64(b.N)
	worst.Report(b, b.N)
	b.ReportMetric(float64(e.cells), "scores/op")
	if _, r, ok := openpyxlPeer(b, e); ok {
		b.ReportMetric(r.Seconds, "openpyxl-read-s")
		b.ReportMetric(r.Seconds/perOp, "x-faster-than-openpyxl-read")
	}
}
