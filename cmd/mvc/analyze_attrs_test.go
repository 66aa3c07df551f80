package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// Binary-ness follows the base's .gitattributes and the bytes, never the
// checkout's attributes or the user's: the same range gives one answer on
// the branch, at a detached base, in a bare clone and with a global
// core.attributesFile. The change's own "*.txt -diff" cannot zero x.txt.
func TestAnalyzeBinaryIgnoresCheckoutAttributes(t *testing.T) {
	g := gittest.New(t)
	g.Write("a.go", "package a\n")
	g.Write(".gitattributes", "*.dat binary\n")
	g.Write("old.dat", codeLines(10))
	base := g.Commit("base")
	g.Write(".gitattributes", "*.txt -diff\n")
	g.Write("x.txt", codeLines(10))
	g.Write("old.dat", codeLines(20))
	head := g.Commit("change")

	globalAttrs := filepath.Join(t.TempDir(), "attributes")
	globalConfig := filepath.Join(t.TempDir(), "gitconfig")
	if err := os.WriteFile(globalAttrs, []byte("*.txt -diff\n*.go -diff\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(globalConfig, []byte("[core]\n\tattributesFile = "+globalAttrs+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	bare := filepath.Join(t.TempDir(), "bare.git")
	g.Git("clone", "-q", "--bare", g.Dir, bare)

	check := func(name, dir string, env []string) {
		t.Helper()
		res := runMVC(t, dir, env, "analyze", "--format", "json", "--base", base, "--head", head)
		doc := decodeAnalysis(t, res)
		got := classes(doc)
		if got["old.dat"] != "binary" || got["x.txt"] != "code" || got[".gitattributes"] != "code" {
			t.Errorf("%s: classes %v, want old.dat binary, x.txt code", name, got)
		}
		// x.txt's 10 lines and .gitattributes' 1 added, 1 deleted (0.5).
		if doc["weighted_lines"] != 12.0 {
			t.Errorf("%s: weighted lines %v, want 12", name, doc["weighted_lines"])
		}
	}
	check("on the branch", g.Dir, nil)
	check("global attributes file", g.Dir, []string{"GIT_CONFIG_GLOBAL=" + globalConfig})
	check("bare clone", bare, nil)
	g.Git("checkout", "-q", "--detach", base)
	check("at the base", g.Dir, nil)
}

// decodeAnalysis decodes a JSON report of a run that measured.
func decodeAnalysis(t *testing.T, res result) map[string]any {
	t.Helper()
	if res.code != 0 {
		t.Fatalf("code %d, stderr %q", res.code, res.stderr)
	}
	var doc map[string]any
	if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
		t.Fatalf("decode JSON report: %v\n%s", err, res.stdout)
	}
	return doc
}
