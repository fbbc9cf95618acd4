package exchange_test

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"liankanping/internal/benchdata"
	"liankanping/internal/demo"
	"liankanping/internal/exchange"
	"liankanping/internal/round"
	"liankanping/internal/score"
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
	s, err := store.Open(filepath.Join(dir, "bench.db"))
	if err != nil {
		return nil, err
	}
	if err := demo.Load(s, demo.Options{Bench: true}); err != nil {
		return nil, err
	}
	id, err := round.NewService(s).IDByCode("BENCH")
	if err != nil {
		return nil, err
	}
	e := &benchEnv{s: s, svc: exchange.NewService(s), roundID: id, dir: dir}
	res, err := e.svc.ExportRaters(id, filepath.Join(dir, "blank"), exchange.ExportOptions{}, nil)
	if err != nil {
		return nil, err
	}
	r, err := score.LoadRound(s.DB, id)
	if err != nil {
		return nil, err
	}
	if err := os.MkdirAll(filepath.Join(dir, "filled"), 0o755); err != nil {
		return nil, err
	}
	e.filled = make([]string, len(res.Files))
	counts := make([]int, len(res.Files))
	errs := make([]error, len(res.Files))
	var wg sync.WaitGroup
	for i, f := range res.Files {
		e.blank = append(e.blank, f.Path)
		e.filled[i] = filepath.Join(dir, "filled", f.FileName)
		wg.Add(1)
		go func() {
			defer wg.Done()
			counts[i], errs[i] = benchdata.Fill(f.Path, e.filled[i], r.Indicators)
		}()
		if i%2 == 1 {
			wg.Wait()
		}
	}
	wg.Wait()
	for i := range counts {
		if errs[i] != nil {
			return nil, errs[i]
		}
		e.cells += counts[i]
	}
	return e, nil
}

// reset removes the BENCH round's scores and batches, so that every import starts afresh.
func (e *benchEnv) reset(b *testing.B) {
	for _, q := range []string{"DELETE FROM scores WHERE round_id = ?", "DELETE FROM score_history WHERE round_id = ?", "DELETE FROM import_batches WHERE round_id = ?"} {
		if err := e.s.DB.Exec(q, e.roundID).Error; err != nil {
			b.Fatal(err)
		}
	}
}

// peak measures the highest Go heap (sampled every millisecond) and the process's peak
// resident memory (Linux: VmHWM, reset before) while fn runs.
type peak struct {
	heap, rss uint64
	cpu       time.Duration
}

func measurePeak(fn func()) peak {
	runtime.GC()
	debug.FreeOSMemory()
	os.WriteFile("/proc/self/clear_refs", []byte("5"), 0) // resets VmHWM; ignored elsewhere
	sample := []metrics.Sample{{Name: "/memory/classes/heap/objects:bytes"}, {Name: "/memory/classes/heap/unused:bytes"}}
	var top atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		t := time.NewTicker(time.Millisecond)
		defer t.Stop()
		for {
			metrics.Read(sample)
			if v := sample[0].Value.Uint64() + sample[1].Value.Uint64(); v > top.Load() {
				top.Store(v)
			}
			select {
			case <-stop:
				return
			case <-t.C:
			}
		}
	}()
	cpu0 := cpuTime()
	fn()
	cpu := cpuTime() - cpu0
	close(stop)
	<-done
	return peak{heap: top.Load(), rss: vmHWM(), cpu: cpu}
}

// cpuTime is the CPU time the process used so far (user and system), which says more than the
// wall clock on a machine that other work keeps busy.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// vmHWM is the process's peak resident set in bytes, 0 when unknown.
func vmHWM() uint64 {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}

func (p peak) report(b *testing.B, n int) {
	b.ReportMetric(p.cpu.Seconds()/float64(n), "cpu-s/op")
	b.ReportMetric(float64(p.heap)/(1<<20), "peak-heap-MB")
	if p.rss > 0 {
		b.ReportMetric(float64(p.rss)/(1<<20), "peak-RSS-MB")
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
	var worst peak
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		dir := filepath.Join(e.dir, fmt.Sprintf("export-%d-%d", i, time.Now().UnixNano()))
		p := measurePeak(func() {
			res, err := e.svc.ExportRaters(e.roundID, dir, exchange.ExportOptions{}, nil)
			if err != nil || len(res.Files) != 20 {
				b.Fatalf("export: %v", err)
			}
		})
		worst.heap, worst.rss, worst.cpu = max(worst.heap, p.heap), max(worst.rss, p.rss), worst.cpu+p.cpu
		b.StopTimer()
		os.RemoveAll(dir)
		b.StartTimer()
	}
	b.StopTimer()
	perOp := b.Elapsed().Seconds() / float64(b.N)
	worst.report(b, b.N)
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
	var worst peak
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		e.reset(b)
		b.StartTimer()
		p := measurePeak(func() {
			rep, err := e.svc.Apply(exchange.ImportRequest{Paths: e.filled}, "bench", nil)
			if err != nil {
				b.Fatal(err)
			}
			n := 0
			for _, f := range rep.Files {
				if f.Status != exchange.StatusApplied {
					b.Fatalf("%s: %s %v", f.FileName, f.Status, f.Problems)
				}
				n += f.New
			}
			if n != e.cells {
				b.Fatalf("imported %d scores, want %d", n, e.cells)
			}
		})
		worst.heap, worst.rss, worst.cpu = max(worst.heap, p.heap), max(worst.rss, p.rss), worst.cpu+p.cpu
	}
	b.StopTimer()
	perOp := b.Elapsed().Seconds() / float64(b.N)
	worst.report(b, b.N)
	b.ReportMetric(float64(e.cells), "scores/op")
	if _, r, ok := openpyxlPeer(b, e); ok {
		b.ReportMetric(r.Seconds, "openpyxl-read-s")
		b.ReportMetric(r.Seconds/perOp, "x-faster-than-openpyxl-read")
	}
}
