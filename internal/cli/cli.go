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
	"liankanping/internal/workbook"
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

// WindowArgs tells whether args (without the program name) ask for the window — nothing at
// all, or only --db FILE — and with which database. Anything else is for Run, which answers an
// unknown command with a usage error instead of starting the window: a typo on a machine with
// no display must not end in a stack trace.
func WindowArgs(args []string) (db string, window bool) {
	switch {
	case len(args) == 0:
		return "", true
	case len(args) == 2 && (args[0] == "--db" || args[0] == "-db"):
		return args[1], true
	case len(args) == 1 && (strings.HasPrefix(args[0], "--db=") || strings.HasPrefix(args[0], "-db=")):
		return args[0][strings.Index(args[0], "=")+1:], true
	}
	return "", false
}

// Run runs the subcommand named by args and returns the process exit code.
func Run(args []string, stdout, stderr io.Writer) int {
	env := &Env{Stdout: stdout, Stderr: stderr}
	defer workbook.RemoveTempDir() // excelize's spilled files of this command (workbook.TempDir)
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(stdout)
		return ExitOK
	}
	if len(args) > 1 {
		if c, ok := commands[args[0]+" "+args[1]]; ok {
			return c.run(env, args[2:])
		}
		// "rounds copy" when no such command exists: a word after a group's name that names
		// none of its subcommands is a mistake, not a positional argument.
		if subs := subcommands(args[0]); len(subs) > 0 && !strings.HasPrefix(args[1], "-") {
			if _, ok := commands[args[0]]; !ok || !takesPositionals(commands[args[0]].summary) {
				fmt.Fprintf(stderr, "用法错误：没有 %s %s 这个命令（%s 的子命令有：%s）\n", args[0], args[1], args[0], strings.Join(subs, "、"))
				return ExitUsage
			}
		}
	}
	if c, ok := commands[args[0]]; ok {
		return c.run(env, args[1:])
	}
	if subs := subcommands(args[0]); len(subs) > 0 {
		fmt.Fprintf(stderr, "用法错误：%s 后面需要子命令：%s\n", args[0], strings.Join(subs, "、"))
		return ExitUsage
	}
	if strings.HasPrefix(args[0], "-") {
		fmt.Fprintf(stderr, "用法错误：%s 前面缺少命令（只有单独的 --db FILE 才打开窗口）\n\n", strings.Join(args, " "))
		usage(stderr)
		return ExitUsage
	}
	fmt.Fprintf(stderr, "用法错误：未知的命令 %s\n\n", args[0])
	usage(stderr)
	return ExitUsage
}

// subcommands lists the second words of the commands named "group …", sorted.
func subcommands(group string) []string {
	var out []string
	for name := range commands {
		if first, second, ok := strings.Cut(name, " "); ok && first == group {
			out = append(out, second)
		}
	}
	sort.Strings(out)
	return out
}

// takesPositionals reads a command's usage line (its summary after the last "："): a command
// takes words besides its flags when the line ends in one that is neither optional ([…]) nor a
// flag's value, as "FILE.xlsx" in "roster import --db FILE [--dry-run] FILE.xlsx" and
// "PATH..." in "import … [--json] PATH...". Registering a command with its usage line is thus
// all it takes for stray words to be refused.
func takesPositionals(summary string) bool {
	i := strings.LastIndex(summary, "：")
	if i < 0 {
		return false
	}
	words := strings.Fields(summary[i+len("："):])
	if len(words) < 2 {
		return false
	}
	last, prev := words[len(words)-1], words[len(words)-2]
	return !strings.HasSuffix(last, "]") && !strings.HasSuffix(last, ")") && !strings.HasPrefix(last, "-") && !strings.HasPrefix(prev, "-")
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

// flags starts a flag set that reports errors instead of exiting; parseOrUsage words them in
// Chinese, so the flag package's own English goes nowhere.
func flags(env *Env, name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// parse parses flags that may stand before, between or after positional arguments; "--" ends
// the flags, everything after it is positional.
func parse(fs *flag.FlagSet, args []string) ([]string, error) {
	var after []string
	for i, a := range args {
		if a == "--" {
			args, after = args[:i], args[i+1:]
			break
		}
	}
	var rest []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		args = fs.Args()
		if len(args) == 0 {
			return append(rest, after...), nil
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

// fail prints err for a person and returns the exit code for it; an error that carries no
// code gets its text on a line of its own below the sentence, as the window's log has it.
func fail(env *Env, err error) int {
	fmt.Fprintf(env.Stderr, "错误：%s\n", apperr.MessageOf(err))
	if apperr.Uncoded(err) {
		fmt.Fprintf(env.Stderr, "详情：%v\n", err)
	}
	return ExitFailed
}

// usageError reports a wrong call.
func usageError(env *Env, format string, args ...any) int {
	fmt.Fprintf(env.Stderr, "用法错误：%s\n", fmt.Sprintf(format, args...))
	return ExitUsage
}

// parseOrUsage parses flags, turning a flag error into the usage exit code with a Chinese
// message and the command's usage; -h prints the usage and exits 0. A command whose usage line
// names no positional arguments refuses any (see takesPositionals).
func parseOrUsage(env *Env, fs *flag.FlagSet, args []string) ([]string, int, bool) {
	rest, err := parse(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		commandUsage(env.Stdout, fs)
		return nil, ExitOK, false
	}
	if err != nil {
		fmt.Fprintf(env.Stderr, "用法错误：%s\n", flagMessage(err))
		commandUsage(env.Stderr, fs)
		return nil, ExitUsage, false
	}
	if c, ok := commands[fs.Name()]; ok && len(rest) > 0 && !takesPositionals(c.summary) {
		fmt.Fprintf(env.Stderr, "用法错误：%s 不接受参数 %s\n", fs.Name(), strings.Join(rest, " "))
		commandUsage(env.Stderr, fs)
		return nil, ExitUsage, false
	}
	return rest, 0, true
}

// flagMessage words the flag package's errors in Chinese.
func flagMessage(err error) string {
	msg := err.Error()
	name := func(prefix string) string {
		n := strings.TrimPrefix(msg, prefix)
		if i := strings.IndexAny(n, ": "); i >= 0 {
			n = n[:i]
		}
		return "--" + strings.TrimLeft(n, "-")
	}
	switch {
	case strings.HasPrefix(msg, "flag provided but not defined: "):
		return "不认识的选项 " + name("flag provided but not defined: ")
	case strings.HasPrefix(msg, "flag needs an argument: "):
		return "选项 " + name("flag needs an argument: ") + " 后面需要一个值"
	case strings.HasPrefix(msg, "invalid value "), strings.HasPrefix(msg, "invalid boolean value "):
		if i := strings.Index(msg, " for flag -"); i >= 0 {
			return "选项 " + name(msg[:i+len(" for flag -")]) + " 的值不对"
		}
		if i := strings.Index(msg, " for -"); i >= 0 {
			return "选项 " + name(msg[:i+len(" for -")]) + " 的值不对（只能是 true 或 false）"
		}
	case strings.HasPrefix(msg, "bad flag syntax: "):
		return "选项的写法不对：" + strings.TrimPrefix(msg, "bad flag syntax: ")
	}
	return "选项不对"
}

// commandUsage prints a command's usage line and its options, in Chinese.
func commandUsage(w io.Writer, fs *flag.FlagSet) {
	if c, ok := commands[fs.Name()]; ok {
		line := c.summary
		if i := strings.LastIndex(line, "："); i >= 0 {
			line = line[i+len("："):]
		}
		fmt.Fprintf(w, "用法：liankanping %s\n", line)
	}
	first := true
	fs.VisitAll(func(f *flag.Flag) {
		if first {
			fmt.Fprintln(w, "选项：")
			first = false
		}
		fmt.Fprintf(w, "  --%-14s %s\n", f.Name, f.Usage)
	})
}

// printJSON writes v as indented JSON with Chinese left readable.
func printJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}
