package app_test

import (
	"path/filepath"
	"sync"
	"testing"
	"time"

	"liankanping/app"
	"liankanping/internal/backup"
	"liankanping/internal/benchdata"
	"liankanping/internal/demo"
	"liankanping/internal/exchange"
	"liankanping/internal/round"
	"liankanping/internal/score"
	"liankanping/internal/store"
)

// gate is the Events of a Core under test: it holds an import after its first file until the
// test lets it go, so that a restore can be asked for while the import is half-way.
type gate struct {
	once     sync.Once
	reached  chan struct{}
	release  chan struct{}
	mu       sync.Mutex
	progress []app.Progress
}

func newGate() *gate { return &gate{reached: make(chan struct{}), release: make(chan struct{})} }

func (g *gate) Emit(name string, data any) {
	if name != app.EventImportProgress {
		return
	}
	p := data.(app.Progress)
	g.mu.Lock()
	g.progress = append(g.progress, p)
	g.mu.Unlock()
	if p.Done == 1 {
		g.once.Do(func() { close(g.reached) })
		<-g.release
	}
}

// TestRestoreWaitsForARunningImport starts an import of three returned workbooks through the
// window's path (WorkbookAPI.ApplyImport), holds it after its first file, and asks for a
// restore meanwhile: the restore must wait until the import has applied every file (which it
// does on an open database), a call made meanwhile waits for the restored database, and the
// restore then brings back the backup's state with the import inside the before-restore backup.
func TestRestoreWaitsForARunningImport(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "window.db")
	s, err := store.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	filled := filledWorkbooks(t, s, 3)
	core := app.NewCore(s, path, nil)
	t.Cleanup(func() { core.Shutdown(nil) })
	g := newGate()
	core.Events = g
	workbooks, settings := app.NewWorkbookAPI(core), app.NewSettingsAPI(core)

	before, err := settings.MakeBackup()
	if err != nil {
		t.Fatal(err)
	}

	type imported struct {
		rep *exchange.Report
		err error
	}
	importDone := make(chan imported, 1)
	go func() {
		rep, err := workbooks.ApplyImport(exchange.ImportRequest{Paths: filled})
		importDone <- imported{rep, err}
	}()
	select {
	case <-g.reached:
	case <-time.After(2 * time.Minute):
		t.Fatal("the import never reached its first file")
	}

	restoreDone := make(chan error, 1)
	go func() { restoreDone <- settings.RestoreBackup(before.Path) }()
	// A call made while the restore waits must wait with it, and then see the restored data.
	type listed struct {
		backups []backup.Info
		err     error
	}
	laterDone := make(chan listed, 1)
	go func() {
		time.Sleep(100 * time.Millisecond) // after the restore has asked for the database
		b, err := settings.ListBackups()
		laterDone <- listed{b, err}
	}()

	select {
	case err := <-restoreDone:
		t.Fatalf("the restore ran while the import was half-way (err %v)", err)
	case l := <-laterDone:
		t.Fatalf("a call ran while a restore was waiting: %d backups, err %v", len(l.backups), l.err)
	case <-time.After(500 * time.Millisecond):
	}

	close(g.release)
	im := <-importDone
	if im.err != nil {
		t.Fatalf("the import failed: %v", im.err)
	}
	roundID := uint(0)
	for _, f := range im.rep.Files {
		if f.Status != exchange.StatusApplied {
			t.Fatalf("%s: %s %v", f.FileName, f.Status, f.Problems)
		}
		roundID = f.RoundID
	}
	if len(im.rep.Files) != 3 {
		t.Fatalf("%d files imported, want 3", len(im.rep.Files))
	}
	if err := <-restoreDone; err != nil {
		t.Fatalf("restore: %v", err)
	}
	l := <-laterDone
	if l.err != nil {
		t.Fatalf("the call made during the restore: %v", l.err)
	}
	now, err := workbooks.ListBatches(roundID)
	if err != nil || len(now) != 0 {
		t.Fatalf("after the restore the round has %d import batches (err %v), want the backup's 0", len(now), err)
	}

	// The call made meanwhile ran after the restore (it lists the restore's own backup), and
	// the import is not lost: that backup holds its three batches.
	var saved string
	for _, b := range l.backups {
		if b.Reason == backup.BeforeRestore {
			saved = b.Path
		}
	}
	if saved == "" {
		t.Fatal("no before-restore backup")
	}
	bs, err := store.Open(saved)
	if err != nil {
		t.Fatal(err)
	}
	defer bs.Close()
	batches, err := exchange.NewService(bs).ListBatches(roundID)
	if err != nil {
		t.Fatal(err)
	}
	if len(batches) != 3 {
		t.Fatalf("the before-restore backup holds %d batches, want the import's 3", len(batches))
	}
}

// filledWorkbooks loads the demo district, exports the rater workbooks of its round in scoring
// (2024Q4) and fills n of them as raters would.
func filledWorkbooks(t *testing.T, s *store.Store, n int) []string {
	t.Helper()
	if err := demo.Load(s, demo.Options{}); err != nil {
		t.Fatal(err)
	}
	id, err := round.NewService(s).IDByCode("2024Q4")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	res, err := exchange.NewService(s).ExportRaters(id, filepath.Join(dir, "blank"), exchange.ExportOptions{}, nil)
	if err != nil {
		t.Fatal(err)
	}
	r, err := score.LoadRound(s.DB, id)
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, f := range res.Files[:n] {
		to := filepath.Join(dir, f.FileName)
		if _, err := benchdata.Fill(f.Path, to, r.Indicators); err != nil {
			t.Fatal(err)
		}
		out = append(out, to)
	}
	return out
}
