//go:build windows

package main

import (
	"log"
	"os"
	"path/filepath"
	"syscall"

	"github.com/wailsapp/wails/v2/pkg/options/linux"
	"github.com/wailsapp/wails/v2/pkg/options/windows"

	"liankanping/internal/cli"
)

// The release exe is a GUI-subsystem program (no console window flashes when it is started from
// the start menu), so Windows gives it no console. Run from cmd or PowerShell with a subcommand,
// it attaches to the console it was started from, so that `liankanping.exe version` prints there.
func init() {
	if _, window := cli.WindowArgs(os.Args[1:]); !window {
		attachParentConsole()
	}
}

var procAttachConsole = syscall.NewLazyDLL("kernel32.dll").NewProc("AttachConsole")

// attachParentProcess is ATTACH_PARENT_PROCESS, (DWORD)-1.
const attachParentProcess = ^uint32(0)

// attachParentConsole points os.Stdout and os.Stderr at the parent's console, but only those
// that have nowhere to go: output redirected to a file or a pipe stays where it was sent.
func attachParentConsole() {
	outOK, errOK := stdHandleUsable(syscall.STD_OUTPUT_HANDLE), stdHandleUsable(syscall.STD_ERROR_HANDLE)
	if outOK && errOK {
		return
	}
	if r, _, _ := procAttachConsole.Call(uintptr(attachParentProcess)); r == 0 {
		return // started from Explorer or a service: there is no console to write to
	}
	if !outOK {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stdout = f
		}
	}
	if !errOK {
		if f, err := os.OpenFile("CONOUT$", os.O_WRONLY, 0); err == nil {
			os.Stderr = f
			// The log package took its writer before this init ran.
			log.SetOutput(f)
		}
	}
}

func stdHandleUsable(which int) bool {
	h, err := syscall.GetStdHandle(which)
	if err != nil || h == 0 || h == syscall.InvalidHandle {
		return false
	}
	t, err := syscall.GetFileType(h)
	return err == nil && t != syscall.FILE_TYPE_UNKNOWN
}

// windowsOptions uses the WebView2 fixed-version runtime shipped in a WebView2 folder beside the
// exe when there is one, so that a PC without the system runtime and without a network can
// still open the window (docs/release.md); otherwise the system's runtime. The messages shown
// when no usable runtime is found are in Chinese.
func windowsOptions() *windows.Options {
	return &windows.Options{
		WebviewBrowserPath: fixedWebView2Dir(),
		Messages:           webView2Messages(),
	}
}

// fixedWebView2Dir finds the runtime in <exe folder>\WebView2, either directly or in the one
// folder Microsoft's cab unpacks to (Microsoft.WebView2.FixedVersionRuntime.<version>.x64).
func fixedWebView2Dir() string {
	exe, err := os.Executable()
	if err != nil {
		return ""
	}
	if real, err := filepath.EvalSymlinks(exe); err == nil {
		exe = real
	}
	dir := filepath.Join(filepath.Dir(exe), "WebView2")
	if isFile(filepath.Join(dir, "msedgewebview2.exe")) {
		return dir
	}
	nested, _ := filepath.Glob(filepath.Join(dir, "*", "msedgewebview2.exe"))
	if len(nested) == 1 {
		return filepath.Dir(nested[0])
	}
	return ""
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func webView2Messages() *windows.Messages {
	const offline = "没有网络的电脑：请让管理员把 WebView2 固定版本运行时放在联看评程序旁边的 WebView2 文件夹中，或者安装 Microsoft Edge WebView2 运行时（离线安装包）。"
	return &windows.Messages{
		InstallationRequired: "联看评需要 Microsoft Edge WebView2 运行时。点“确定”从网上下载并安装（在后台进行，请稍候）。\n\n" + offline,
		UpdateRequired:       "这台电脑上的 Microsoft Edge WebView2 运行时版本过旧。点“确定”从网上下载并安装新版本（在后台进行，请稍候）。\n\n" + offline,
		MissingRequirements:  "缺少运行环境",
		Webview2NotInstalled: "没有安装 WebView2 运行时",
		Error:                "错误",
		FailedToInstall:      "WebView2 运行时没有安装成功。\n\n" + offline,
		DownloadPage:         "联看评需要 Microsoft Edge WebView2 运行时。点“确定”打开下载页面。最低版本：",
		PressOKToInstall:     "点“确定”安装。",
		ContactAdmin:         "联看评需要 Microsoft Edge WebView2 运行时，请联系系统管理员。\n\n" + offline,
		InvalidFixedWebview2: "联看评程序旁边的 WebView2 文件夹不是可用的 WebView2 固定版本运行时（版本过旧或文件不全）。请重新放置运行时，或删除该文件夹以使用系统安装的 WebView2。",
		WebView2ProcessCrash: "WebView2 进程意外退出，联看评需要重新启动。",
	}
}

// linuxOptions has nothing to set on Windows.
func linuxOptions() *linux.Options { return nil }
