package app

import "liankanping/internal/apperr"

// FileFilter is one entry of a file dialog's type list.
type FileFilter struct {
	DisplayName string
	Pattern     string
}

// Dialogs opens the native file dialogs; the window uses Wails' dialogs, the HTTP bridge a
// scripted stand-in that tests fill.
type Dialogs interface {
	OpenFile(title string, filters []FileFilter) (string, error)
	OpenFiles(title string, filters []FileFilter) ([]string, error)
	OpenDirectory(title string) (string, error)
	SaveFile(title, defaultName string, filters []FileFilter) (string, error)
}

type noDialogs struct{}

func (noDialogs) OpenFile(string, []FileFilter) (string, error) { return "", errNoDialog }
func (noDialogs) OpenFiles(string, []FileFilter) ([]string, error) {
	return nil, errNoDialog
}
func (noDialogs) OpenDirectory(string) (string, error) { return "", errNoDialog }
func (noDialogs) SaveFile(string, string, []FileFilter) (string, error) {
	return "", errNoDialog
}

var errNoDialog = apperr.New(apperr.Internal, "此环境无法打开文件对话框")

// XLSXFilter is the filter for workbooks.
var XLSXFilter = []FileFilter{{DisplayName: "Excel 工作簿 (*.xlsx)", Pattern: "*.xlsx"}}

// Events sends events to the window: the window's are Wails' runtime events (WailsEvents);
// the HTTP bridge and tests have none, or their own.
type Events interface {
	Emit(name string, data any)
}

type noEvents struct{}

func (noEvents) Emit(string, any) {}
