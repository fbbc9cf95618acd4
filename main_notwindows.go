//go:build !windows

package main

import (
	_ "embed"

	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"
)

// windowIcon is the icon of the window in the task bar; desktops that match the window to
// liankanping.desktop (by the program name below) show the installed icon instead.
//
//go:embed build/linux/icons/128x128.png
var windowIcon []byte

// linuxOptions names the program "liankanping" for the window manager, the name that
// build/linux/liankanping.desktop declares as StartupWMClass.
func linuxOptions() *linux.Options {
	return &linux.Options{ProgramName: "liankanping", Icon: windowIcon}
}

// windowsOptions has nothing to set outside Windows.
func windowsOptions() *windows.Options { return nil }
