//go:build !unix

package workbook

import "os"

// openNoBlock opens a file for reading; outside Unix there are no FIFOs in the file system to
// block on.
func openNoBlock(path string) (*os.File, error) { return os.Open(path) }
