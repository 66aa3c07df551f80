package golang

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

func TestVerifyWithoutTheGoCommandIsUnavailable(t *testing.T) {
	repo, in := change(t,
		map[string]string{"go.mod": goMod, "a/a.go": aBase, "b/b.go": bBase},
		map[string]string{"a/a.go": aHead, "b/b.go": bHead})
	git, err := exec.LookPath("git")
	if err != nil {
		t.Fatal(err)
	}
	bin := t.TempDir()
	if err := os.Symlink(git, filepath.Join(bin, "git")); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin)
	plan := planOf(in, []string{"a/a.go"}, []string{"b/b.go"})
	fixed, rep, err := Repair(context.Background(), repo, in, plan, offline)
	if !errors.Is(err, ErrNoGo) {
		t.Fatalf("Repair without go: err = %v, want ErrNoGo", err)
	}
	if rep.HeadBuilds != nil || rep.Checks != 0 || len(fixed.Parts) != 2 {
		t.Errorf("without go nothing may be claimed: head %s, %d checks, %d parts", boolOf(rep.HeadBuilds), rep.Checks, len(fixed.Parts))
	}
	for _, p := range rep.Parts {
		if p.Builds != nil || p.Independent != nil {
			t.Errorf("part %d: builds %s, independent %s; want nil", p.Part, boolOf(p.Builds), boolOf(p.Independent))
		}
	}
	if _, err := TypeLinks(context.Background(), repo, in, offline); !errors.Is(err, ErrNoGo) {
		t.Errorf("TypeLinks without go: err = %v, want ErrNoGo", err)
	}
}

// needsX is a module that requires example.com/x, which no test can
// fetch: with GOPROXY=off and an empty module cache it cannot be had.
var needsX = map[string]string{
	"go.mod": "module example.com/m\n\ngo 1.22\n\nrequire example.com/x v1.0.0\n",
	"go.sum": "example.com/x v1.0.0 h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\nexample.com/x v1.0.0/go.mod h1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=\n",
	"a/a.go": "package a\n\nimport \"example.com/x\"\n\n// V is x's.\nvar V = x.V\n",
	"b/b.go": bBase,
}

func TestVerifyWithAModuleNotInTheCacheIsUnavailable(t *testing.T) {
	repo, in := change(t, needsX, map[string]string{"a/a.go": needsX["a/a.go"] + "\n// W is new.\nvar W = 2\n", "b/b.go": bHead + "\nvar _ = a.W\n"})
	opt := Options{Env: []string{"GOFLAGS=-mod=mod -modcacherw", "GOPROXY=off", "GOTOOLCHAIN=local", "GOWORK=off", "GOMODCACHE=" + t.TempDir()}}
	plan := planOf(in, []string{"b/b.go"}, []string{"a/a.go"})
	fixed, rep, err := Repair(context.Background(), repo, in, plan, opt)
	var ue *UnavailableError
	if !errors.As(err, &ue) {
		t.Fatalf("Repair with example.com/x not in the module cache: err = %v, want an UnavailableError", err)
	}
	want := "the module providing example.com/x is not in the module cache and the network is off (GOPROXY=off): run `go mod download` first"
	if ue.Reason != want {
		t.Errorf("reason = %q, want %q", ue.Reason, want)
	}
	if rep.HeadBuilds != nil || len(rep.Repairs) != 0 || len(fixed.Parts) != 2 || len(fixed.Parts[0].Files) != 1 {
		t.Errorf("the environment was blamed on the change: head %s, repairs %q, %d parts", boolOf(rep.HeadBuilds), rep.Repairs, len(fixed.Parts))
	}
	for _, p := range rep.Parts {
		if p.Builds != nil || p.Independent != nil {
			t.Errorf("part %d: builds %s; want nil", p.Part, boolOf(p.Builds))
		}
	}
}

func TestAnImportThatCannotBeLoadedSaysWhy(t *testing.T) {
	// Part 1 imports package d, which only part 2 adds.
	bUsesD := "package b\n\nimport \"example.com/m/d\"\n\nfunc Use() string { return d.D }\n"
	repo, in := change(t,
		map[string]string{"go.mod": goMod, "b/b.go": bBase, "a/a.go": aBase},
		map[string]string{"b/b.go": bUsesD, "d/d.go": "package d\n\n// D is d.\nconst D = \"d\"\n"})
	rep, err := Verify(context.Background(), repo, in, planOf(in, []string{"b/b.go"}, []string{"d/d.go"}), offline)
	if err != nil {
		t.Fatal(err)
	}
	if boolOf(rep.Parts[0].Builds) != "false" || len(rep.Parts[0].Problems) == 0 {
		t.Fatalf("part 1 = %+v, want it not to build", rep.Parts[0])
	}
	got := rep.Parts[0].Problems[0].String()
	if strings.Contains(got, "invalid package name") || !strings.HasPrefix(got, "b/b.go:3: could not import example.com/m/d: ") {
		t.Errorf("problem = %q, want the go command's reason why example.com/m/d cannot be loaded", got)
	}
}
