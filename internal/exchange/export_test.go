package exchange

// SetPanicHook lets tests see the panics that reading a file turns into refusals.
func SetPanicHook(fn func(p any, stack []byte)) { panicHook = fn }

// SheetReads is how many workbooks have had their sheets parsed so far in this process.
func SheetReads() int64 { return sheetReads.Load() }
