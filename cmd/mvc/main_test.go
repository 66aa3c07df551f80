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
	cmd := exec.Command(mvcBin, args...)
	cmd.Dir = dir
	cmd.Env = append(gittest.Env(), extraEnv...)
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

func TestHelpAndUnknownCommand(t *testing.T) {
	dir := t.TempDir()
	if res := runMVC(t, dir, nil, "--help"); res.code != 0 || !strings.Contains(res.stdout, "Usage:") {
		t.Errorf("mvc --help: code %d, stdout %q", res.code, res.stdout)
	}
	res := runMVC(t, dir, nil, "frobnicate")
	if res.code != exitBadInput || !strings.Contains(res.stderr, `unknown command "frobnicate"`) {
		t.Errorf("mvc frobnicate: code %d, stderr %q", res.code, res.stderr)
	}
}
