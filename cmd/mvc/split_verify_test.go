package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// gitOnlyPath is a PATH directory that holds git and nothing else, so the
// go command is not found.
func gitOnlyPath(t *testing.T) string {
	t.Helper()
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(git, filepath.Join(dir, "git")); err != nil {
		t.Fatal(err)
	}
	return dir
}

func TestSplitVerifyWithoutGoSaysSoInOneLine(t *testing.T) {
	g, base := twoTopicsRepo(t)
	res := runMVC(t, g.Dir, []string{"PATH=" + gitOnlyPath(t)}, "split", "--format", "json", "--base", base, "--max-lines", "150", "--verify")
	want := "mvc split: --verify needs the go command on PATH: install Go, or add its bin directory to PATH\n"
	if res.code != exitFailure || res.stderr != want || res.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 3 and only %q", res.code, res.stdout, res.stderr, want)
	}
	if strings.Contains(res.stderr, "does not type-check") {
		t.Errorf("a missing go command is blamed on the head:\n%s", res.stderr)
	}
}
