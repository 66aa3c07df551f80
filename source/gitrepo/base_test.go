package gitrepo

import (
	"context"
	"errors"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// history makes main with two commits and a feature branch with two more,
// checked out, and returns main's tip.
func history(g *gittest.Repo) (mainTip string) {
	g.Write("a.go", "package a\n")
	g.Commit("one")
	g.Write("b.go", "package a\n")
	mainTip = g.Commit("two")
	g.Git("checkout", "-q", "-b", "feature")
	g.Write("c.go", "package a\n")
	g.Commit("three")
	g.Write("d.go", "package a\n")
	g.Commit("four")
	return mainTip
}

func TestDefaultBase(t *testing.T) {
	tests := []struct {
		name       string
		setup      func(g *gittest.Repo) (wantSHA string)
		wantHow    string
		wantBranch string
	}{
		{"merge base with main", func(g *gittest.Repo) string {
			mainTip := history(g)
			g.Git("checkout", "-q", "main")
			g.Write("m.go", "package a\n")
			g.Commit("main moves on")
			g.Git("checkout", "-q", "feature")
			return mainTip
		}, "merge base of HEAD with main", "main"},
		{"on main: first parent", func(g *gittest.Repo) string {
			history(g)
			g.Git("checkout", "-q", "main")
			return g.Git("rev-parse", "HEAD~1")
		}, "first parent of HEAD (HEAD is on main)", "main"},
		{"master when there is no main", func(g *gittest.Repo) string {
			mainTip := history(g)
			g.Git("branch", "-m", "main", "master")
			return mainTip
		}, "merge base of HEAD with master", "master"},
		{"no default branch: first parent", func(g *gittest.Repo) string {
			history(g)
			g.Git("branch", "-D", "main")
			return g.Git("rev-parse", "HEAD~1")
		}, "first parent of HEAD (no main, master or origin/HEAD branch)", ""},
		{"root commit: the empty tree", func(g *gittest.Repo) string {
			g.Write("a.go", "package a\n")
			g.Commit("root")
			return g.Git("hash-object", "-t", "tree", "/dev/null")
		}, "the empty tree (HEAD is a root commit)", "main"},
		{"root commit on master", func(g *gittest.Repo) string {
			g.Git("checkout", "-q", "-b", "master")
			g.Write("a.go", "package a\n")
			g.Commit("root")
			return g.Git("hash-object", "-t", "tree", "/dev/null")
		}, "the empty tree (HEAD is a root commit)", "master"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := gittest.New(t)
			want := tt.setup(g)
			got, err := openRepo(t, g).DefaultBase(context.Background(), "HEAD")
			if err != nil {
				t.Fatal(err)
			}
			if got.SHA != want || got.How != tt.wantHow || got.Branch != tt.wantBranch {
				t.Errorf("DefaultBase = %s (%s, branch %q), want %s (%s, branch %q)", got.SHA, got.How, got.Branch, want, tt.wantHow, tt.wantBranch)
			}
		})
	}
}

// origin/HEAD comes first, and names the branch it points to: the trunk
// pull requests merge into, here trunk, not "HEAD". Pointing nowhere by
// name, it names none.
func TestDefaultBasePrefersOriginHEAD(t *testing.T) {
	upstream := gittest.New(t)
	mainTip := history(upstream)
	upstream.Git("checkout", "-q", "main")
	upstream.Git("branch", "-m", "main", "trunk")
	clone := filepath.Join(t.TempDir(), "clone")
	upstream.Git("clone", "-q", upstream.Dir, clone)
	upstream.Git("-C", clone, "checkout", "-q", "-b", "topic")
	upstream.Git("-C", clone, "branch", "-D", "trunk")
	upstream.Git("-C", clone, "commit", "-q", "--allow-empty", "-m", "topic work")

	r, err := Open(context.Background(), clone)
	if err != nil {
		t.Fatal(err)
	}
	got, err := r.DefaultBase(context.Background(), "HEAD")
	if err != nil {
		t.Fatal(err)
	}
	if got.SHA != mainTip || got.How != "merge base of HEAD with origin/HEAD" || got.Branch != "trunk" {
		t.Errorf("DefaultBase = %s (%s, branch %q), want %s via origin/HEAD, branch trunk", got.SHA, got.How, got.Branch, mainTip)
	}
	upstream.Git("-C", clone, "update-ref", "--no-deref", "refs/remotes/origin/HEAD", mainTip)
	if got, err = r.DefaultBase(context.Background(), "HEAD"); err != nil || got.SHA != mainTip || got.Branch != "" {
		t.Errorf("origin/HEAD as a plain ref: DefaultBase = %s (branch %q), %v; want %s and no branch", got.SHA, got.Branch, err, mainTip)
	}
}

func TestDefaultBaseInAShallowClone(t *testing.T) {
	upstream := gittest.New(t)
	history(upstream)
	tests := []struct {
		name string
		args []string
	}{
		{"single branch", []string{"--branch", "feature"}},
		{"all branches", []string{"--branch", "feature", "--no-single-branch"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			clone := filepath.Join(t.TempDir(), "clone")
			args := append([]string{"clone", "-q", "--depth", "1"}, tt.args...)
			upstream.Git(append(args, "file://"+upstream.Dir, clone)...)
			r, err := Open(context.Background(), clone)
			if err != nil {
				t.Fatal(err)
			}
			_, err = r.DefaultBase(context.Background(), "HEAD")
			if !errors.Is(err, ErrShallow) || !strings.Contains(err.Error(), "git fetch --unshallow") {
				t.Errorf("DefaultBase in a shallow clone: err = %v, want ErrShallow", err)
			}
			_, err = r.ExplicitBase(context.Background(), "HEAD~3")
			if !errors.Is(err, ErrShallow) {
				t.Errorf("ExplicitBase beyond a shallow clone: err = %v, want ErrShallow", err)
			}
		})
	}
}

func TestDefaultBaseWithUnrelatedHistory(t *testing.T) {
	g := gittest.New(t)
	history(g)
	g.Git("checkout", "-q", "--orphan", "island")
	g.Write("z.go", "package z\n")
	g.Commit("unrelated")
	_, err := openRepo(t, g).DefaultBase(context.Background(), "HEAD")
	if err == nil || !strings.Contains(err.Error(), "share no history: pass --base") {
		t.Errorf("DefaultBase of an orphan branch: err = %v", err)
	}
}

func TestExplicitBase(t *testing.T) {
	g := gittest.New(t)
	mainTip := history(g)
	r := openRepo(t, g)
	got, err := r.ExplicitBase(context.Background(), "main")
	if err != nil || got.SHA != mainTip || got.How != "--base main" {
		t.Errorf("ExplicitBase(main) = %+v, %v", got, err)
	}
	if _, err := r.ExplicitBase(context.Background(), "nope"); err == nil || errors.Is(err, ErrShallow) {
		t.Errorf("ExplicitBase(nope) = %v, want a plain resolve error", err)
	}
}
