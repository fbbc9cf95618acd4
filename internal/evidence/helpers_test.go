package evidence_test

import (
	"archive/zip"
	"fmt"
	"io"
)

func newZip(w io.Writer) *zip.Writer { return zip.NewWriter(w) }

func fmtList(s []string) string { return fmt.Sprint(s) }
