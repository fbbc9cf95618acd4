package app

import (
	"github.com/wailsapp/wails/v2/pkg/runtime"
)

// WailsDialogs opens the native dialogs of the running window.
type WailsDialogs struct{ Core *Core }

func filters(fs []FileFilter) []runtime.FileFilter {
	out := make([]runtime.FileFilter, len(fs))
	for i, f := range fs {
		out[i] = runtime.FileFilter{DisplayName: f.DisplayName, Pattern: f.Pattern}
	}
	return out
}

// OpenFile asks for one file; "" means the user cancelled.
func (d WailsDialogs) OpenFile(title string, fs []FileFilter) (string, error) {
	return runtime.OpenFileDialog(d.Core.Context(), runtime.OpenDialogOptions{Title: title, Filters: filters(fs)})
}

// OpenFiles asks for several files.
func (d WailsDialogs) OpenFiles(title string, fs []FileFilter) ([]string, error) {
	return runtime.OpenMultipleFilesDialog(d.Core.Context(), runtime.OpenDialogOptions{Title: title, Filters: filters(fs)})
}

// OpenDirectory asks for a folder.
func (d WailsDialogs) OpenDirectory(title string) (string, error) {
	return runtime.OpenDirectoryDialog(d.Core.Context(), runtime.OpenDialogOptions{Title: title, CanCreateDirectories: true})
}

// SaveFile asks where to save.
func (d WailsDialogs) SaveFile(title, name string, fs []FileFilter) (string, error) {
	return runtime.SaveFileDialog(d.Core.Context(), runtime.SaveDialogOptions{Title: title, DefaultFilename: name, Filters: filters(fs)})
}

// WailsEvents emits events through Wails' runtime, with the context the window started with;
// before start-up there is no window to tell, and nothing is sent.
type WailsEvents struct{ Core *Core }

// Emit sends one event to the window's listeners (EventsOn in the frontend).
func (e WailsEvents) Emit(name string, data any) {
	if ctx := e.Core.Context(); ctx != nil {
		runtime.EventsEmit(ctx, name, data)
	}
}
