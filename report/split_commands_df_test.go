package report

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/internal/gittest"
)

// dfCase is a path that switches between a file (or symlink) and a
// directory: the shell commands that make the base and the head, and the
// parts that take its pieces, bottom first.
type dfCase struct {
	name, base, head string
	parts            [][]split.PartFile
}

func removed(p string) split.PartFile { return split.PartFile{Path: p, Status: analyzer.Removed} }
func added(p string) split.PartFile   { return split.PartFile{Path: p, Status: analyzer.Added} }

var dfCases = []dfCase{
	{name: "dir to file, one part", base: "mkdir t && echo a > t/a && echo b > t/b", head: "rm -r t && echo f > t",
		parts: [][]split.PartFile{{added("t"), removed("t/a"), removed("t/b")}}},
	{name: "dir to file, file first", base: "mkdir t && echo a > t/a && echo b > t/b", head: "rm -r t && echo f > t",
		parts: [][]split.PartFile{{added("t")}, {removed("t/a"), removed("t/b")}}},
	{name: "dir to file, removal first", base: "mkdir t && echo a > t/a && echo b > t/b", head: "rm -r t && echo f > t",
		parts: [][]split.PartFile{{removed("t/a")}, {removed("t/b")}, {added("t")}}},
	{name: "dir to symlink, link first", base: "mkdir real t && echo r > real/x && echo a > t/x && echo b > t/y", head: "rm -r t && ln -s real t",
		parts: [][]split.PartFile{{added("t")}, {removed("t/x"), removed("t/y")}}},
	{name: "file to dir, one part", base: "echo f > t", head: "rm t && mkdir t && echo a > t/a",
		parts: [][]split.PartFile{{added("t/a"), removed("t")}}},
	{name: "file to dir, dir first", base: "echo f > t", head: "rm t && mkdir t && echo a > t/a && echo b > t/b",
		parts: [][]split.PartFile{{added("t/a")}, {added("t/b"), removed("t")}}},
	{name: "file to dir, removal first", base: "echo f > t", head: "rm t && mkdir t && echo a > t/a",
		parts: [][]split.PartFile{{removed("t")}, {added("t/a")}}},
	{name: "symlink to dir, one part", base: "mkdir real && echo r > real/x && ln -s real t", head: "rm t && mkdir t && echo a > t/x",
		parts: [][]split.PartFile{{removed("t"), added("t/x")}}},
}

// buildDFRepo makes the base and head commits of a case.
func buildDFRepo(t *testing.T, c dfCase) (g *gittest.Repo, base, head string) {
	t.Helper()
	g = gittest.New(t)
	sh := func(script string) {
		cmd := exec.Command("sh", "-e", "-c", script)
		cmd.Dir = g.Dir
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("%s: %v\n%s", script, err, out)
		}
	}
	sh(c.base)
	g.Git("add", "-A")
	base = g.Commit("base")
	sh(c.head)
	g.Git("add", "-A")
	head = g.Commit("head")
	return g, base, head
}

// The steps by hand reach the head under sh -e when a path switches
// between a file and a directory, within a part or across parts in either
// order.
func TestGitStepsFileDirectorySwitch(t *testing.T) {
	for _, c := range dfCases {
		t.Run(c.name, func(t *testing.T) {
			g, base, head := buildDFRepo(t, c)
			plan := split.Plan{Base: base, Head: head}
			for i, files := range c.parts {
				plan.Parts = append(plan.Parts, split.Part{Index: i + 1, Title: "part " + string(rune('a'+i)), Files: files})
			}
			script := gitSteps(plan)
			cmd := exec.Command("sh", "-e", "-c", script)
			cmd.Dir, cmd.Env = g.Dir, gittest.Env()
			if out, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("the steps failed: %v\n%s\n%s", err, out, script)
			}
			if got, want := g.Git("rev-parse", "HEAD^{tree}"), g.Git("rev-parse", head+"^{tree}"); got != want {
				t.Errorf("the steps end on %s, want the head's %s\n%s", got, want, script)
			}
			if n := strings.Count(g.Git("log", "--format=%s", base+"..HEAD"), "\n") + 1; n != len(c.parts) {
				t.Errorf("%d commits, want one per part\n%s", n, script)
			}
		})
	}
}
