//go:build bridge

package main

import (
	"fmt"
	"io/fs"
	"os"
	"os/signal"
	"syscall"

	"liankanping/app"
	"liankanping/internal/cli"
	"liankanping/internal/store"
)

// With the "bridge" build tag, `liankanping bridge --db FILE` serves the frontend and the bound
// methods on loopback for the browser tests (app/bridge.go). Release builds do not have it.
func init() {
	bridgeMain = func(args []string) int {
		if len(args) != 2 || args[0] != "--db" {
			fmt.Fprintln(os.Stderr, "用法：liankanping bridge --db FILE")
			return cli.ExitUsage
		}
		var core *app.Core
		s, err := store.Open(args[1])
		core = app.NewCore(s, args[1], err)
		dist, err := fs.Sub(assets, "frontend/dist")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return cli.ExitFailed
		}
		// LKP_BRIDGE_DIST serves a frontend build from disk instead, so that a frontend change
		// can be tried without rebuilding the bridge.
		if d := os.Getenv("LKP_BRIDGE_DIST"); d != "" {
			dist = os.DirFS(d)
		}
		b, err := app.StartBridge(core, dist)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			return cli.ExitFailed
		}
		fmt.Printf("BRIDGE %s?token=%s\n", b.URL, b.Token)
		stop := make(chan os.Signal, 1)
		signal.Notify(stop, os.Interrupt, syscall.SIGTERM)
		<-stop
		b.Close()
		core.Shutdown(nil)
		return cli.ExitOK
	}
}
