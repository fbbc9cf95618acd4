// Command liankanping is the 联看评 desktop application; given a subcommand it runs headless.
package main

import (
	"embed"
	"fmt"
	"os"
	"time"

	"github.com/wailsapp/wails/v2"
	"github.com/wailsapp/wails/v2/pkg/options"
	"github.com/wailsapp/wails/v2/pkg/options/assetserver"

	"liankanping/app"
	"liankanping/internal/apperr"
	"liankanping/internal/backup"
	"liankanping/internal/cli"
	"liankanping/internal/store"
)

//go:embed all:frontend/dist
var assets embed.FS

// bridgeMain is set only in builds with the "bridge" tag (main_bridge.go).
var bridgeMain func(args []string) int

func main() {
	if len(os.Args) > 1 && os.Args[1] == "bridge" && bridgeMain != nil {
		os.Exit(bridgeMain(os.Args[2:]))
	}
	// Only a bare liankanping, or --db FILE alone, opens the window; anything else is a command,
	// and an unknown one a usage error in Chinese.
	dbPath, window := cli.WindowArgs(os.Args[1:])
	if !window {
		os.Exit(cli.Run(os.Args[1:], os.Stdout, os.Stderr))
	}
	core, release := openCore(dbPath)
	defer release()
	core.Dialogs = app.WailsDialogs{Core: core}
	core.Events = app.WailsEvents{Core: core}
	err := wails.Run(&options.App{
		Title:            "联看评 · 机关党建观摩评分",
		Width:            1280,
		Height:           800,
		MinWidth:         1024,
		MinHeight:        640,
		AssetServer:      &assetserver.Options{Assets: assets},
		BackgroundColour: &options.RGBA{R: 245, G: 247, B: 250, A: 1},
		OnStartup:        core.Startup,
		OnShutdown:       core.Shutdown,
		Bind:             app.Bindings(core),
		// Returned workbooks can be dropped on the 工作簿 page's drop zone.
		DragAndDrop: &options.DragAndDrop{EnableFileDrop: true},
		Windows:     windowsOptions(),
		Linux:       linuxOptions(),
	})
	if err != nil {
		fmt.Fprintln(os.Stderr, "错误：", err)
		os.Exit(cli.ExitFailed)
	}
}

// openCore claims and opens the database for the window. A database that cannot be used is
// not a crash: the window opens and shows why.
func openCore(path string) (*app.Core, func()) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return app.NewCore(nil, "", err), func() {}
		}
		path = p
	}
	lock, err := store.LockInstance(path)
	if err != nil {
		return app.NewCore(nil, path, err), func() {}
	}
	s, err := store.Open(path)
	if err != nil {
		lock.Release()
		return app.NewCore(nil, path, err), func() {}
	}
	if _, err := backup.DailyIfDue(s, time.Now()); err != nil {
		fmt.Fprintln(os.Stderr, "每日自动备份失败：", apperr.MessageOf(err))
	}
	return app.NewCore(s, path, nil), lock.Release
}
