package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
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

func TestSplitVerifyWithAModuleNotInTheCacheSaysSoInOneLine(t *testing.T) {
	g := gittest.New(t)
	g.Write("go.mod", "module example.com/m\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n")
	g.Write("go.sum", "example.com/x v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nexample.com/x v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n")
	g.Write("a/a.go", "package a\n\nimport \"example.com/x\"\n\n// V is x's.\nvar V = x.V\n")
	base := g.Commit("base")
	g.Write("a/a.go", "package a\n\nimport \"example.com/x\"\n\n// V is x's.\nvar V = x.V\n\n"+funcs("F", 12))
	g.Write("b/b.go", "package b\n\n"+funcs("G", 12))
	g.Commit("head")
	env := []string{"GOFLAGS=-mod=mod -modcacherw", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off", "GOMODCACHE=" + t.TempDir()}
	res := runMVC(t, g.Dir, env, "split", "--format", "json", "--base", base, "--max-lines", "60", "--verify")
	want := "mvc split: --verify: the module providing example.com/x is not in the module cache and the network is off (GOPROXY=off): run `go mod download` first\n"
	if res.code != exitFailure || res.stderr != want || res.stdout != "" {
		t.Errorf("exit %d, stdout %q, stderr:\n%s\nwant exit 3 and only %q", res.code, res.stdout, res.stderr, want)
	}
}
