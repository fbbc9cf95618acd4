package benchdata

import (
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"

	"liankanping/internal/demo"
	"liankanping/internal/exchange"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// Env is round BENCH of the demo at one scale, ready to be measured: a cleanly closed database
// without scores, the 20 rater workbooks as exported, and the same with every 得分 cell filled.
type Env struct {
	Dir    string
	DB     string   // the database, closed; copy it (keeping its modification time) to start afresh
	Blank  []string // the workbooks as exported
	Filled []string // the same, filled
	Cells  int      // the score cells filled
}

// Prepare builds Env in dir (which it creates) for demo --bench --bench-scale scale.
func Prepare(dir string, scale int) (*Env, error) {
	e := &Env{Dir: dir, DB: filepath.Join(dir, "bench.db")}
	if err := os.MkdirAll(filepath.Join(dir, "filled"), 0o755); err != nil {
		return nil, err
	}
	s, err := store.Open(e.DB)
	if err != nil {
		return nil, err
	}
	defer s.Close()
	if err := demo.Load(s, demo.Options{Bench: true, BenchScale: scale}); err != nil {
		return nil, err
	}
	id, err := round.NewService(s).IDByCode(round.BenchCode)
	if err != nil {
		return nil, err
	}
	res, err := exchange.NewService(s).ExportRaters(id, filepath.Join(dir, "blank"), exchange.ExportOptions{}, nil)
	if err != nil {
		return nil, err
	}
	// The export is recorded in the database; the measured runs start from this state.
	r, err := score.LoadRound(s.DB, id)
	if err != nil {
		return nil, err
	}
	e.Filled = make([]string, len(res.Files))
	counts := make([]int, len(res.Files))
	errs := make([]error, len(res.Files))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 { // two at a time: filling is CPU-bound and a file needs ~100 MB
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				counts[i], errs[i] = Fill(res.Files[i].Path, e.Filled[i], r.Indicators)
			}
		}()
	}
	for i, f := range res.Files {
		e.Blank = append(e.Blank, f.Path)
		e.Filled[i] = filepath.Join(dir, "filled", f.FileName)
		next <- i
	}
	close(next)
	wg.Wait()
	for i := range counts {
		if errs[i] != nil {
			return nil, fmt.Errorf("%s: %w", e.Blank[i], errs[i])
		}
		e.Cells += counts[i]
	}
	return e, nil
}

// MustApplyAll fails tb unless every file of rep was applied and they stored cells new scores
// between them: a benchmark measures an import that worked.
func MustApplyAll(tb testing.TB, rep *exchange.Report, cells int) {
	tb.Helper()
	n := 0
	for _, f := range rep.Files {
		if f.Status != exchange.StatusApplied {
			tb.Fatalf("%s: %s %v", f.FileName, f.Status, f.Problems)
		}
		n += f.New
	}
	if n != cells {
		tb.Fatalf("imported %d scores, want %d", n, cells)
	}
}
