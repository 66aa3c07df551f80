package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/gittest"
)

// authoredHistory makes runs of commits by two authors, each commit in its
// own package, so every window has a clear ground truth.
func authoredHistory(t *testing.T) *gittest.Repo {
	t.Helper()
	g := gittest.New(t)
	g.Write("README.md", "# demo\n")
	g.Commit("init")
	at := gittest.Epoch
	for i := 0; i < 12; i++ {
		author := []string{"ada@example.com", "bob@example.com"}[i/6%2]
		g.Write(fmt.Sprintf("pkg%d/code.go", i), fmt.Sprintf("package pkg%d\n\n%s", i, funcs("F", 2)))
		g.Git("add", "-A")
		at = at.Add(time.Hour)
		g.Git("-c", "user.email="+author, "-c", "user.name=x", "commit", "-q", "-m", fmt.Sprintf("work %d", i),
			"--author", "x <"+author+">", "--date", at.Format(time.RFC3339))
	}
	return g
}

func TestBenchSplitRunsAndWritesJSON(t *testing.T) {
	g := authoredHistory(t)
	out := filepath.Join(t.TempDir(), "bench.json")
	res := runMVC(t, g.Dir, nil, "bench", "split", "--repo", g.Dir, "--cases", "3", "--k", "2,3", "--json", out)
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	if !strings.Contains(res.stderr, "mvc bench split: case 1/3") || !strings.Contains(res.stdout, "per-directory") {
		t.Errorf("progress or report missing:\nstdout %s\nstderr %s", res.stdout, res.stderr)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Scored   int `json:"scored_cases"`
		Failures int `json:"integrity_failures"`
		Methods  []struct {
			Method  string `json:"method"`
			LineARI struct {
				Mean float64 `json:"mean"`
			} `json:"line_ari"`
		} `json:"methods"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	if doc.Scored != 3 || doc.Failures != 0 || len(doc.Methods) != 5 {
		t.Fatalf("scored %d, integrity failures %d, %d methods; want 3, 0, 5", doc.Scored, doc.Failures, len(doc.Methods))
	}
	// One package per commit: per-directory is exact, all-in-one scores 0.
	for _, m := range doc.Methods {
		if m.Method == "per-directory" && m.LineARI.Mean != 1 || m.Method == "all-in-one" && m.LineARI.Mean != 0 {
			t.Errorf("%s line ARI %.3f", m.Method, m.LineARI.Mean)
		}
	}
}

func TestBenchBadInput(t *testing.T) {
	dir := t.TempDir()
	for _, args := range [][]string{
		{"bench"}, {"bench", "speed"}, {"bench", "split", "--k", "1"}, {"bench", "split", "--since", "yesterday"},
		{"bench", "split", "--cases", "0"}, {"bench", "split", "--since", "2025-01-01", "--until", "2024-01-01"},
		{"bench", "split", "--json", dir + "/missing/bench.json"},
	} {
		if res := runMVC(t, dir, nil, args...); res.code != exitBadInput {
			t.Errorf("mvc %s: exit %d, want 2\n%s", strings.Join(args, " "), res.code, res.stderr)
		}
	}
}

// A history too short for any case is the range or the repository to
// change (exit 2, saying what to do), not a git failure; counts agree
// with their nouns.
func TestBenchWithoutCases(t *testing.T) {
	g := gittest.New(t)
	g.Write("a.go", "package a\n")
	g.Commit("only")
	res := runMVC(t, g.Dir, nil, "bench", "split", "--repo", g.Dir, "--cases", "3", "--k", "2,3")
	for _, want := range []string{"history: 1 first-parent commit, 0 runs of 2+", "mvc bench: no case found in 1 first-parent commit", "runs of 2 or 3 consecutive commits", "widen --since/--until"} {
		if res.code != exitBadInput || !strings.Contains(res.stderr, want) {
			t.Errorf("exit %d, want 2 and stderr saying %q:\n%s", res.code, want, res.stderr)
		}
	}
	if res := runMVC(t, g.Dir, nil, "bench", "speed"); !strings.Contains(res.stderr, `unknown benchmark "speed": the only one is 'mvc bench split'`) {
		t.Errorf("mvc bench speed: %s", res.stderr)
	}
}

func TestBenchOnAnEmptyRepositorySaysSo(t *testing.T) {
	empty := gittest.New(t)
	res := runMVC(t, empty.Dir, nil, "bench", "split")
	if res.code != exitBadInput || !strings.Contains(res.stderr, "has no commits yet") {
		t.Errorf("mvc bench split on an empty repository: exit %d, stderr %q; want exit 2 saying it has no commits", res.code, res.stderr)
	}
}
