package exchange

// SetPanicHook lets tests see the panics that reading a file turns into refusals.
func SetPanicHook(fn func(p any, stack []byte)) { panicHook = fn }
