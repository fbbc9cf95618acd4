//go:build unix

package workbook

import (
	"os"
	"syscall"
)

// openNoBlock opens a file for reading without blocking: a FIFO swapped in after the check
// opens at once instead of waiting for a writer, and is then refused by its mode.
func openNoBlock(path string) (*os.File, error) {
	return os.OpenFile(path, os.O_RDONLY|syscall.O_NONBLOCK, 0)
}
