// Command mvc keeps software changes small and delivery fast. One binary
// serves three front doors: the GitHub Action (`mvc action`, the container's
// default command), the local CLI (`mvc analyze`, `mvc split`, `mvc report`,
// `mvc issues`) and the GitHub App webhook server (`mvc serve`).
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"regexp"
	"sort"
	"strings"
	"syscall"
	"time"
)

// Exit codes shared by every subcommand and documented in the README.
const (
	exitOK        = 0
	exitTooLarge  = 1 // a policy failure the user asked to fail on
	exitBadInput  = 2 // bad flags, inputs or config: nothing was written
	exitFailure   = 3 // a runtime, git or API failure
	exitInterrupt = 130
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	code := run(ctx, os.Args[1:], &env{
		stdout: os.Stdout,
		stderr: os.Stderr,
		getenv: os.Getenv,
		now:    time.Now,
	})
	stop()
	os.Exit(code)
}

// env is everything a subcommand may touch of the process, injectable so
// tests run subcommands in-process without global state.
type env struct {
	stdout, stderr io.Writer
	getenv         func(string) string
	now            func() time.Time
}

// command is one `mvc <name>` subcommand. Each lives in its own file and
// registers itself from init, so subcommands can be added independently.
type command struct {
	name    string
	summary string // one line for `mvc --help`
	usage   string // full help: synopsis, flags are appended, then examples
	order   int    // position in `mvc --help`
	run     func(ctx context.Context, e *env, args []string) error
}

var commands = map[string]*command{}

func register(c *command) { commands[c.name] = c }

// usageError is a mistake in how mvc was called: exit 2, nothing written.
type usageError struct{ msg string }

func (e *usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error {
	return &usageError{msg: fmt.Sprintf(format, args...)}
}

// exitError carries a specific exit code, with an optional message.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit %d", e.code)
	}
	return e.err.Error()
}

func (e *exitError) Unwrap() error { return e.err }

// run dispatches to a subcommand and maps its error to an exit code: the one
// place mvc decides how it exits.
func run(ctx context.Context, args []string, e *env) int {
	if len(args) == 0 {
		// No command is a mistake in how mvc was called, as in any CLI.
		printHelp(e.stderr)
		return exitBadInput
	}
	if isHelp(args[0]) {
		printHelp(e.stdout)
		return exitOK
	}
	if args[0] == "--version" {
		args[0] = "version"
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(e.stderr, "mvc: unknown command %q; run 'mvc --help' for the list\n", args[0])
		return exitBadInput
	}
	err := cmd.run(ctx, e, args[1:])
	return exitCode(e.stderr, cmd.name, err, ctx)
}

func exitCode(stderr io.Writer, name string, err error, ctx context.Context) int {
	var ue *usageError
	var ee *exitError
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.As(err, &ee):
		if ee.err != nil {
			fmt.Fprintf(stderr, "mvc %s: %v\n", name, ee.err)
		}
		return ee.code
	case errors.As(err, &ue):
		fmt.Fprintf(stderr, "mvc %s: %v\n", name, err)
		return exitBadInput
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "mvc %s: interrupted\n", name)
		return exitInterrupt
	default:
		fmt.Fprintf(stderr, "mvc %s: %v\n", name, err)
		return exitFailure
	}
}

func isHelp(s string) bool { return s == "-h" || s == "--help" || s == "help" || s == "-help" }

func printHelp(w io.Writer) {
	list := make([]*command, 0, len(commands))
	for _, c := range commands {
		list = append(list, c)
	}
	sort.Slice(list, func(i, j int) bool { return list[i].order < list[j].order })
	fmt.Fprint(w, `mvc keeps changes small and delivery fast: it measures the reviewable size of
a change, proposes how to split one that is too large, flags issues too big
to ship as one change, and reports delivery metrics. It runs as a GitHub
Action, as a GitHub App (mvc serve), and locally on any git checkout with no
token and no network.

Usage:
  mvc <command> [flags]

Commands:
`)
	for _, c := range list {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'mvc <command> --help' for a command's flags and examples.

Exit codes: 0 ran; 1 too large and asked to fail; 2 bad flags, input or
config; 3 a git, API or runtime failure.
`)
}

// newFlagSet returns a flag set whose --help prints the command's full usage.
func newFlagSet(c *command, e *env) *flag.FlagSet {
	fs := flag.NewFlagSet("mvc "+c.name, flag.ContinueOnError)
	fs.SetOutput(e.stderr)
	fs.Usage = func() {
		head, examples, _ := strings.Cut(c.usage, "\nExamples:\n")
		fmt.Fprintln(e.stdout, strings.TrimRight(head, "\n"))
		// A command without flags (mvc action) gets no empty heading.
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprintln(e.stdout, "\nFlags:")
			fs.SetOutput(e.stdout)
			fs.PrintDefaults()
			fs.SetOutput(e.stderr)
		}
		if examples != "" {
			fmt.Fprintf(e.stdout, "\nExamples:\n%s\n", strings.TrimRight(examples, "\n"))
		}
	}
	return fs
}

// parseFlags parses args, turning a flag mistake into a usage error and
// refusing stray positional arguments.
func parseFlags(fs *flag.FlagSet, args []string) error {
	// The flag package itself calls Usage on -help and on every mistake;
	// silence it so help prints once and a mistake gives one line.
	help := fs.Usage
	fs.Usage = func() {}
	defer func() { fs.Usage = help }()
	fs.SetOutput(io.Discard)
	err := fs.Parse(args)
	if errors.Is(err, flag.ErrHelp) {
		help()
		return err
	}
	if err != nil {
		return usagef("%s (see '%s --help')", dashDash(err), fs.Name())
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q (see '%s --help')", fs.Arg(0), fs.Name())
	}
	return nil
}

// flagInError finds the flag the flag package names, with one dash, in its
// parse errors.
var flagInError = regexp.MustCompile(`^(flag provided but not defined: |flag needs an argument: |invalid value ".*" for flag |invalid boolean value ".*" for )-([^-])`)

// dashDash words a flag parse error with the flag as mvc's help and
// messages spell it, --ignore, rather than the flag package's -ignore.
func dashDash(err error) string {
	return flagInError.ReplaceAllString(err.Error(), "${1}--${2}")
}
