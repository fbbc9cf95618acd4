package benchdata

import (
	"bufio"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"strconv"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// Peak is the highest Go heap (sampled every millisecond), the process's peak resident memory
// (Linux: VmHWM, reset before; 0 elsewhere) and the CPU time used while a measured function ran.
type Peak struct {
	Heap, RSS uint64
	CPU       time.Duration
}

// Add keeps the higher memory figures of p and q and sums their CPU time, for a benchmark's
// iterations.
func (p Peak) Add(q Peak) Peak {
	return Peak{Heap: max(p.Heap, q.Heap), RSS: max(p.RSS, q.RSS), CPU: p.CPU + q.CPU}
}

// Measure runs fn and reports its Peak.
func Measure(fn func()) Peak {
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
	return Peak{Heap: top.Load(), RSS: vmHWM(), CPU: cpu}
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

// Report adds the figures of n iterations to a benchmark's output.
func (p Peak) Report(b *testing.B, n int) {
	b.ReportMetric(p.CPU.Seconds()/float64(n), "cpu-s/op")
	b.ReportMetric(float64(p.Heap)/(1<<20), "peak-heap-MB")
	if p.RSS > 0 {
		b.ReportMetric(float64(p.RSS)/(1<<20), "peak-RSS-MB")
	}
}
