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

// moduleHistory is a Go module grown by one author, one package per
// commit, so every window's true stack type-checks.
func moduleHistory(t *testing.T) *gittest.Repo {
	t.Helper()
	g := gittest.New(t)
	g.Write("go.mod", "module example.com/m\n\ngo 1.22\n")
	g.Commit("init")
	at := gittest.Epoch
	for i := 0; i < 6; i++ {
		g.Write(fmt.Sprintf("pkg%d/code.go", i), fmt.Sprintf("package pkg%d\n\n%s", i, funcs("F", 2)))
		g.Git("add", "-A")
		at = at.Add(time.Hour)
		g.Git("commit", "-q", "-m", fmt.Sprintf("work %d", i), "--date", at.Format(time.RFC3339))
	}
	return g
}

func TestBenchSplitVerify(t *testing.T) {
	g := moduleHistory(t)
	out := filepath.Join(t.TempDir(), "bench.json")
	offline := []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off"}
	res := runMVC(t, g.Dir, offline, "bench", "split", "--repo", g.Dir, "--cases", "2", "--k", "2,3", "--verify", "--json", out)
	if res.code != 0 {
		t.Fatalf("exit %d\n%s", res.code, res.stderr)
	}
	if !strings.Contains(res.stderr, "prefixes build") {
		t.Errorf("progress lacks the verification of each case:\n%s", res.stderr)
	}
	if !strings.Contains(res.stdout, "Type-checking (--verify, Go), on the 2 of 2 cases whose true stack type-checks") {
		t.Errorf("report lacks the verification paragraph:\n%s", res.stdout)
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Verify struct {
			Cases         int `json:"cases"`
			Calibrated    int `json:"calibrated"`
			Prefixes      int `json:"prefixes"`
			PrefixesBuild int `json:"prefixes_build"`
			StacksBuild   int `json:"stacks_build"`
		} `json:"verify"`
	}
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	v := doc.Verify
	if v.Cases != 2 || v.Calibrated != 2 || v.Prefixes < 2 || v.PrefixesBuild != v.Prefixes || v.StacksBuild != 2 {
		t.Errorf("verify summary %+v: want 2 calibrated cases whose every prefix builds", v)
	}
}
