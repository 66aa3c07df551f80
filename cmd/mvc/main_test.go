package main

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// mvcBin is the mvc binary built once for the package's tests, so every
// end-to-end test runs the program exactly as a user or the runner does.
var mvcBin string

func TestMain(m *testing.M) {
	os.Setenv("TZ", "UTC")
	dir, err := os.MkdirTemp("", "mvc-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	mvcBin = filepath.Join(dir, "mvc")
	build := exec.Command("go", "build", "-o", mvcBin, ".")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build mvc: %v\n%s", err, out)
		os.Exit(1)
	}
	// The tests' git, and the binary's, forget the machine's identity and
	// config: a test that commits must bring its own (gittest.Env).
	gittest.Isolate()
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// result is what one run of the binary produced.
type result struct {
	stdout, stderr string
	code           int
}

// runMVC runs the built binary in dir with args and the hermetic git
// environment plus extraEnv ("KEY=value").
func runMVC(t *testing.T, dir string, extraEnv []string, args ...string) result {
	t.Helper()
	return runMVCEnv(t, dir, append(gittest.Env(), extraEnv...), args...)
}

// runMVCEnv runs the built binary in dir with exactly the environment env.
func runMVCEnv(t *testing.T, dir string, env []string, args ...string) result {
	t.Helper()
	cmd := exec.Command(mvcBin, args...)
	cmd.Dir = dir
	cmd.Env = env
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	res := result{stdout: stdout.String(), stderr: stderr.String()}
	var exit *exec.ExitError
	switch {
	case errors.As(err, &exit):
		res.code = exit.ExitCode()
	case err != nil:
		t.Fatalf("run mvc %s: %v", strings.Join(args, " "), err)
	}
	return res
}

// How mvc is called: help and the version exit 0 on stdout; no command, an
// unknown one, and a stray flag or argument exit 2 with one line on
// stderr that spells flags as the help does (--ignore, not -ignore); a
// command without flags shows no empty Flags heading.
func TestHelpAndUnknownCommand(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct {
		args           []string
		code           int
		stdout, stderr string // substrings; "" for empty
	}{
		{nil, exitBadInput, "", "Usage:\n  mvc <command> [flags]"},
		{[]string{"--help"}, exitOK, "Usage:", ""},
		{[]string{"frobnicate"}, exitBadInput, "", `unknown command "frobnicate"`},
		{[]string{"version"}, exitOK, "mvc dev\n", ""},
		{[]string{"--version"}, exitOK, "mvc dev\n", ""},
		{[]string{"version", "--bogus"}, exitBadInput, "", "mvc version: flag provided but not defined: --bogus (see 'mvc version --help')\n"},
		{[]string{"version", "extra"}, exitBadInput, "", `unexpected argument "extra"`},
		{[]string{"action", "--help"}, exitOK, "Usage: mvc action", ""},
		{[]string{"analyze", "--ignore", ""}, exitBadInput, "", `mvc analyze: invalid value "" for flag --ignore: must not be empty`},
		{[]string{"analyze", "--repo"}, exitBadInput, "", "flag needs an argument: --repo"},
		{[]string{"split", "--apply=maybe"}, exitBadInput, "", `invalid boolean value "maybe" for --apply`},
	} {
		res := runMVC(t, dir, nil, tc.args...)
		if res.code != tc.code || !strings.Contains(res.stdout, tc.stdout) || !strings.Contains(res.stderr, tc.stderr) ||
			(tc.stdout == "") != (res.stdout == "") || (tc.stderr == "") != (res.stderr == "") {
			t.Errorf("mvc %s: exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q",
				strings.Join(tc.args, " "), res.code, res.stdout, res.stderr, tc.code, tc.stdout, tc.stderr)
		}
		if strings.Contains(res.stdout, "Flags:\n\n") || strings.HasSuffix(res.stdout, "Flags:\n") {
			t.Errorf("mvc %s: an empty Flags heading:\n%s", strings.Join(tc.args, " "), res.stdout)
		}
	}
}
