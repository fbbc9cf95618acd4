package exchange

import (
	"sync"
	"sync/atomic"

	"liankanping/internal/workbook"
)

// The window imports in two steps: a preview reads every workbook, and the apply that follows
// (with the preview's token) read them all again — half of the window's time on a round's
// returns. readCache keeps what the last preview parsed, so that the apply reads each file's
// bytes and its SHA-256 only, and parses again only a file that changed. An entry serves the
// same database, file path, bytes and password; every check of the workbook's identity against
// the round is made again on apply (read does them after the cache), and the plan against the
// stored scores is always made afresh.
type readCache struct {
	mu      sync.Mutex
	entries map[readKey]*workbook.RaterReturn
	cells   int
}

type readKey struct{ db, path, hash, password string }

// readCacheCells bounds what a preview keeps: round BENCH's 20 workbooks hold 158,880 cells
// (a few tens of MB parsed); beyond the bound the apply parses again.
const readCacheCells = 400_000

var previewReads = &readCache{}

// sheetReads counts the workbooks whose sheets were parsed, for tests of the cache.
var sheetReads atomic.Int64

func (c *readCache) get(k readKey) *workbook.RaterReturn {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[k]
}

func (c *readCache) put(k readKey, ret *workbook.RaterReturn) {
	n := 0
	for _, sh := range ret.Sheets {
		n += len(sh.Cells)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.entries == nil {
		c.entries = map[readKey]*workbook.RaterReturn{}
	}
	if c.cells+n > readCacheCells {
		return
	}
	c.entries[k] = ret
	c.cells += n
}

// reset forgets every entry: a new preview starts afresh, and an apply frees what it used.
func (c *readCache) reset() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.entries, c.cells = nil, 0
}
