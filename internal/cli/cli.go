// Package cli runs the subcommands of DOMAIN §7: the same services as the window, headless.
package cli

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"sort"
	"strings"

	"liankanping/internal/apperr"
	"liankanping/internal/store"
)

// Exit codes of the contract.
const (
	ExitOK      = 0
	ExitFailed  = 1
	ExitUsage   = 2
	ExitRefused = 3
)

// Env is what a command writes to.
type Env struct {
	Stdout io.Writer
	Stderr io.Writer
}

// command is one subcommand; name may have two words ("roster import").
type command struct {
	name    string
	summary string
	run     func(env *Env, args []string) int
}

var commands = map[string]command{}

func register(c command) { commands[c.name] = c }

// IsCommand tells whether the first argument names a subcommand, so that main starts the
// window only when it does not.
func IsCommand(arg string) bool {
	if arg == "help" || arg == "-h" || arg == "--help" {
		return true
	}
	for name := range commands {
		if strings.SplitN(name, " ", 2)[0] == arg {
			return true
		}
	}
	return false
}

// Run runs the subcommand named by args and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return ExitOK
	}
	if len(args) > 1 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c.run(env, args[2:])
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c.run(env, args[1:])
	}
	fmt.Fprintf(stderr, "未知的命令：%s\n\n", strings.Join(args, " "))
	usage(stderr)
	return ExitUsage
}

func usage(w io.Writer) {
	fmt.Fprintln(w, "联看评 · 机关党建观摩评分\n\n用法：liankanping <命令> [选项]\n不带命令时打开窗口。\n\n命令：")
	names := make([]string, 0, len(commands))
	for n := range commands {
		names = append(names, n)
	}
	sort.Strings(names)
	for _, n := range names {
		fmt.Fprintf(w, "  %-16s %s\n", n, commands[n].summary)
	}
}

// flags starts a flag set that reports errors instead of exiting.
func flags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.Stderr)
	return fs
}

// parse parses flags that may stand before, between or after positional arguments.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return rest, nil
		}
		if args[0] == "--" {
			return append(rest, args[1:]...), nil
		}
		rest = append(rest, args[0])
		args = args[1:]
	}
}

// dbFlag adds --db, whose empty default means the user's default database.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "数据库文件（默认为用户数据文件夹中的数据库）")
}

// openStore opens --db or the default database.
func openStore(path string) (*store.Store, error) {
	if path == "" {
		p, err := store.DefaultPath()
		if err != nil {
			return nil, err
		}
		path = p
	}
	return store.Open(path)
}

// fail prints err for a person and returns the exit code for it.
func fail(env *Env, err error) int {
	fmt.Fprintf(env.Stderr, "错误：%s\n", apperr.MessageOf(err))
	return ExitFailed
}

// usageError reports a wrong call.
func usageError(env *Env, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "用法错误：%s\n", fmt.Sprintf(format, args...))
	return ExitUsage
}

// parseOrUsage parses flags, turning a flag error into the usage exit code.
func parseOrUsage(env *Env, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	rest, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		return nil, ExitOK, false
	}
	if err != nil {
		return nil, ExitUsage, false
	}
	return rest, 0, true
}

// printJSON writes v as indented JSON with Chinese left readable.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
