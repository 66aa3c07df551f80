package golang

import (
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
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
