package app

import (
	"io"
	"strings"
	"time"

	"liankanping/internal/store"
	"liankanping/internal/workbook"
)

// TableAPI exports any list of the window exactly as it is shown (columns, order, sort, filter).
type TableAPI struct{ c *Core }

// NewTableAPI binds the list export facade.
func NewTableAPI(c *Core) *TableAPI { return &TableAPI{c} }

// fileNameUnsafe are the characters Windows refuses in a file name.
var fileNameUnsafe = strings.NewReplacer("/", "-", "\\", "-", ":", "-", "*", "", "?", "", "\"", "", "<", "", ">", "", "|", "")

// ExportTable asks where to save the list and writes it; "" means cancelled.
func (a *TableAPI) ExportTable(t workbook.Table) (string, error) {
	return call1(a.c, func(*store.Store) (string, error) {
		now := time.Now()
		name := fileNameUnsafe.Replace(strings.TrimSpace(t.Title))
		if name == "" {
			name = "列表"
		}
		path, err := a.c.Dialogs.SaveFile("导出列表", name+"_"+now.Format("20060102")+".xlsx", XLSXFilter)
		if err != nil || path == "" {
			return "", err
		}
		return path, workbook.SaveFile(path, func(w io.Writer) error { return workbook.WriteTable(w, t, now) })
	})
}
