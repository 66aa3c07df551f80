package golang

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/internal/gittest"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// offline keeps the go command off the network and out of toolchain
// downloads: the test modules have no dependencies.
var offline = Options{Env: []string{"GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off"}}

const goMod = "module example.com/m\n\ngo 1.22\n"

// change commits base and head trees (path to content; "" removes) and
// reads the split input between them.
func change(t *testing.T, base, head map[string]string) (*gitrepo.Repo, split.Input) {
	t.Helper()
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	g := gittest.New(t)
	for p, c := range base {
		g.Write(p, c)
	}
	b := g.Commit("base")
	for p, c := range head {
		if c == "" {
			g.Remove(p)
		} else {
			g.Write(p, c)
		}
	}
	h := g.Commit("head")
	repo := &gitrepo.Repo{Dir: g.Dir}
	in, err := repo.SplitInput(context.Background(), b, h)
	if err != nil {
		t.Fatal(err)
	}
	in.Policy = size.DefaultPolicy()
	return repo, in
}

// planOf lays the change out as parts holding whole files, in the given
// order, so tests choose the stack instead of the splitter.
func planOf(in split.Input, parts ...[]string) split.Plan {
	plan := split.Plan{Base: in.Change.Base, Head: in.Change.Head}
	for i, paths := range parts {
		p := split.Part{Index: i + 1, Title: "part " + strings.Join(paths, " ")}
		for _, path := range paths {
			for _, f := range in.Change.Files {
				if f.Path != path {
					continue
				}
				pf := split.PartFile{Path: f.Path, OldPath: f.OldPath, Status: f.Status, Binary: f.Binary}
				for _, h := range f.Hunks {
					pf.Hunks = append(pf.Hunks, split.PartHunk{OldStart: h.OldStart, OldLines: h.OldLines, NewStart: h.NewStart, NewLines: h.NewLines, Lines: h.Lines})
				}
				p.Files = append(p.Files, pf)
			}
		}
		plan.Parts = append(plan.Parts, p)
	}
	return plan
}

var (
	aBase = "package a\n\n// Hello greets.\nfunc Hello() string { return \"hi\" }\n\n// Count counts.\nvar Count = \"x\"\n"
	aHead = "package a\n\n// Hello greets.\nfunc Hello() string { return \"hi\" }\n\n// Count counts.\nvar Count = 3\n\n// Greet greets by name.\nfunc Greet(name string) string { return \"hi \" + name }\n"
	bBase = "package b\n\nimport \"example.com/m/a\"\n\nfunc Use() string { return a.Hello() }\n"
	bHead = "package b\n\nimport \"example.com/m/a\"\n\nfunc Use() string { return a.Greet(\"you\") }\n"
	cBase = "package c\n\n// C is c.\nconst C = 1\n"
	cHead = "package c\n\n// C is c, now two.\nconst C = 2\n"
)

func boolOf(b *bool) string {
	switch {
	case b == nil:
		return "nil"
	case *b:
		return "true"
	}
	return "false"
}

func TestVerifyReportsEachPrefixAndIndependence(t *testing.T) {
	repo, in := change(t,
		map[string]string{"go.mod": goMod, "a/a.go": aBase, "b/b.go": bBase, "c/c.go": cBase},
		map[string]string{"a/a.go": aHead, "b/b.go": bHead, "c/c.go": cHead})
	// The consumer comes first: the first prefix cannot build.
	plan := planOf(in, []string{"b/b.go"}, []string{"c/c.go"}, []string{"a/a.go"})
	clock := fakeClock(time.Unix(0, 0), 1500*time.Millisecond)
	opt := offline
	opt.Now = clock
	rep, err := Verify(context.Background(), repo, in, plan, opt)
	if err != nil {
		t.Fatal(err)
	}
	if boolOf(rep.HeadBuilds) != "true" {
		t.Fatalf("head builds = %s", boolOf(rep.HeadBuilds))
	}
	var got []string
	for _, p := range rep.Parts {
		got = append(got, boolOf(p.Builds)+"/"+boolOf(p.Independent))
	}
	// Part 1 misses a.Greet; part 2 alone is fine, but stacked on part 1
	// it still fails; part 3 alone builds since nothing uses what it
	// changes.
	if want := "false/false false/true true/true"; strings.Join(got, " ") != want {
		t.Errorf("builds/independent = %s, want %s", strings.Join(got, " "), want)
	}
	if len(rep.Parts[0].Problems) == 0 || !strings.Contains(rep.Parts[0].Problems[0].String(), "b/b.go:5: undefined: a.Greet") {
		t.Errorf("problems of part 1 = %v", rep.Parts[0].Problems)
	}
	if rep.Elapsed != 1500*time.Millisecond || rep.Checks != 5 {
		t.Errorf("elapsed %v over %d checks, want 1.5s over 5 (the head, the 2 prefixes below it, parts 2 and 3 alone)", rep.Elapsed, rep.Checks)
	}
}

func fakeClock(start time.Time, step time.Duration) func() time.Time {
	now := start.Add(-step)
	return func() time.Time {
		now = now.Add(step)
		return now
	}
}

func TestRepairMovesTheDefinitionEarlier(t *testing.T) {
	repo, in := change(t,
		map[string]string{"go.mod": goMod, "a/a.go": aBase, "b/b.go": bBase, "c/c.go": cBase},
		map[string]string{"a/a.go": aHead, "b/b.go": bHead, "c/c.go": cHead})
	plan := planOf(in, []string{"b/b.go"}, []string{"c/c.go", "a/a.go"})
	fixed, rep, err := Repair(context.Background(), repo, in, plan, offline)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixed.Parts) != 2 {
		t.Fatalf("%d parts after repair, want 2: %+v", len(fixed.Parts), fixed.Parts)
	}
	for i, p := range fixed.Parts {
		if boolOf(p.Builds) != "true" {
			t.Errorf("part %d builds = %s (%v)", i+1, boolOf(p.Builds), rep.Parts[i].Problems)
		}
	}
	if len(rep.Repairs) != 1 || !strings.Contains(rep.Repairs[0], "moved the definition of Greet in a/a.go from part 2 to part 1") {
		t.Errorf("repairs = %q", rep.Repairs)
	}
	checkIntegrity(t, in, fixed)
	if n := len(plan.Parts[0].Files); n != 1 {
		t.Errorf("repair changed the caller's plan: part 1 has %d files", n)
	}
}

func TestRepairMergesWhenNoHunkExplainsTheError(t *testing.T) {
	bUsesCount := "package b\n\nimport \"example.com/m/a\"\n\nfunc Use() string { return a.Hello() }\n\nvar n int = a.Count\n"
	repo, in := change(t,
		map[string]string{"go.mod": goMod, "a/a.go": aBase, "b/b.go": bBase, "c/c.go": cBase},
		map[string]string{"a/a.go": aHead, "b/b.go": bUsesCount, "c/c.go": cHead})
	plan := planOf(in, []string{"c/c.go"}, []string{"b/b.go"}, []string{"a/a.go"})
	fixed, rep, err := Repair(context.Background(), repo, in, plan, offline)
	if err != nil {
		t.Fatal(err)
	}
	if len(fixed.Parts) != 2 || len(fixed.Parts[1].Files) != 2 {
		t.Fatalf("want c, then b and a merged; got %+v (repairs %q)", fixed.Parts, rep.Repairs)
	}
	if boolOf(fixed.Parts[0].Builds)+boolOf(fixed.Parts[1].Builds) != "truetrue" || boolOf(rep.Parts[0].Independent) != "true" {
		t.Errorf("after the merge: %+v", rep.Parts)
	}
	checkIntegrity(t, in, fixed)
}

func TestVerifyWithoutGoFilesChecksNothing(t *testing.T) {
	repo, in := change(t, map[string]string{"README.md": "# x\n"}, map[string]string{"README.md": "# y\n"})
	rep, err := Verify(context.Background(), repo, in, planOf(in, []string{"README.md"}), offline)
	if err != nil {
		t.Fatal(err)
	}
	if rep.HeadBuilds != nil || rep.Parts[0].Builds != nil || rep.Checks != 0 {
		t.Errorf("a change without Go files was checked: %+v", rep)
	}
}

func checkIntegrity(t *testing.T, in split.Input, plan split.Plan) {
	t.Helper()
	final, err := split.Apply(in, plan, len(plan.Parts))
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range in.Head {
		if !bytes.Equal(final[p], want) {
			t.Errorf("%s after every part = %q, want the head's %q", p, final[p], want)
		}
	}
}
