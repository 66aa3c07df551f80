package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/internal/gittest"
)

func openStackRepo(t *testing.T, g *gittest.Repo) *Repo {
	t.Helper()
	for _, kv := range gittest.Env() {
		if k, v, _ := strings.Cut(kv, "="); strings.HasPrefix(k, "GIT_") {
			t.Setenv(k, v) // commit-tree needs an identity
		}
	}
	return openRepo(t, g)
}

// Without a git identity CreateStack refuses in one line that says what
// to set, before it writes any commit or branch; the commits it writes
// with one carry the whole message (given on stdin, not -m).
func TestCreateStackIdentity(t *testing.T) {
	ctx := context.Background()
	g := gittest.New(t)
	g.Write("a.go", "package a\n\nfunc A() {}\n")
	base := g.Commit("base")
	g.Write("a.go", "package a\n\nfunc A() {}\n\nfunc B() {}\n")
	g.Write("b.txt", "b\n")
	head := g.Commit("head")
	r := openRepo(t, g) // no identity: TestMain isolates git from the machine's
	in, plan := splitFor(t, r, base, head, size.Budget{Lines: 400, Files: 40})
	objects := g.Git("count-objects")
	_, err := r.CreateStack(ctx, in, plan, false)
	if !errors.Is(err, ErrNoIdentity) || strings.ContainsAny(err.Error(), "\n") || !strings.Contains(err.Error(), "user.name") {
		t.Fatalf("err = %v, want ErrNoIdentity in one line", err)
	}
	if refs := g.Git("for-each-ref", "refs/heads/"+StackPrefix); refs != "" || g.Git("count-objects") != objects {
		t.Errorf("a refused stack wrote objects or branches: %q", refs)
	}
	r = openStackRepo(t, g)
	res, err := r.CreateStack(ctx, in, plan, false)
	if err != nil {
		t.Fatal(err)
	}
	top := plan.Parts[len(plan.Parts)-1]
	if got, want := g.Git("log", "-1", "--format=%B", res.Branches[len(res.Branches)-1].Name), strings.TrimSpace(commitMessage(top, len(plan.Parts))); got != want {
		t.Errorf("commit message %q, want %q", got, want)
	}
}

// splitFor reads and splits base..head under a small budget, so the plan
// has several parts and some files are cut across parts.
func splitFor(t *testing.T, r *Repo, base, head string, budget size.Budget) (split.Input, split.Plan) {
	t.Helper()
	in, err := r.SplitInput(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	in.Policy = size.DefaultPolicy()
	in.Policy.Budget = budget
	plan, err := split.Split(in)
	if err != nil {
		t.Fatal(err)
	}
	return in, plan
}

// TestCreateStackReproducesHead builds stacks from generated changes
// (moves, deletions, binary files, CRLF, an executable bit, a symlink, a
// file that becomes a symlink and a symlink that becomes a file) and
// checks that the top branch has the head's tree exactly, that every
// branch is a child of the previous one, that each intermediate tree holds
// what split.Apply computes, and that the working tree, index and current
// branch are untouched.
func TestCreateStackReproducesHead(t *testing.T) {
	ctx := context.Background()
	for seed := int64(0); seed < 8; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			rnd := rand.New(rand.NewSource(seed))
			g := gittest.New(t)
			names := writeRandomTree(g, rnd)
			g.Write("run.sh", "#!/bin/sh\necho hi\n")
			g.Write("becomes-link.go", "package p\n\nfunc A() {}\n\nfunc B() {}\n")
			if err := os.Symlink("main.go", filepath.Join(g.Dir, "was-link.go")); err != nil {
				t.Fatal(err)
			}
			base := g.Commit("base")
			// Type changes, which git lists as a deletion and an addition.
			g.Remove("becomes-link.go")
			if err := os.Symlink("run.sh", filepath.Join(g.Dir, "becomes-link.go")); err != nil {
				t.Fatal(err)
			}
			g.Remove("was-link.go")
			g.Write("was-link.go", "package p\n\nfunc C() {}\n\nfunc D() {}\n")
			editRandomTree(g, rnd, names)
			if err := os.Chmod(filepath.Join(g.Dir, "run.sh"), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.Symlink("main.go", filepath.Join(g.Dir, "link")); err != nil {
				t.Fatal(err)
			}
			head := g.Commit("head")
			r := openStackRepo(t, g)
			in, plan := splitFor(t, r, base, head, size.Budget{Lines: 5 + rnd.Intn(40), Files: 1 + rnd.Intn(3)})

			res, err := r.CreateStack(ctx, in, plan, false)
			branches := res.Branches
			if err != nil {
				t.Fatal(err)
			}
			if len(branches) != len(plan.Parts) {
				t.Fatalf("%d branches for %d parts", len(branches), len(plan.Parts))
			}
			if top, want := g.Git("rev-parse", branches[len(branches)-1].Name+"^{tree}"), g.Git("rev-parse", head+"^{tree}"); top != want {
				t.Errorf("top of the stack has tree %s, head has %s", top, want)
			}
			checkChain(t, g, base, branches)
			checkIntermediateTrees(t, g, in, plan, branches)
			if got := g.Git("rev-parse", "HEAD"); got != head {
				t.Errorf("HEAD moved to %s", got)
			}
			if st := g.Git("status", "--porcelain"); st != "" {
				t.Errorf("the working tree changed:\n%s", st)
			}
		})
	}
}

func checkChain(t *testing.T, g *gittest.Repo, base string, branches []StackBranch) {
	t.Helper()
	parent := base
	for i, br := range branches {
		if want := fmt.Sprintf("mvc/split/%02d-", i+1); !strings.HasPrefix(br.Name, want) {
			t.Errorf("branch %d is %s, want prefix %s", i+1, br.Name, want)
		}
		if got := g.Git("rev-parse", br.Name); got != br.Commit {
			t.Errorf("branch %s points at %s, want %s", br.Name, got, br.Commit)
		}
		if got := g.Git("rev-parse", br.Commit+"^"); got != parent {
			t.Errorf("parent of %s is %s, want %s", br.Name, got, parent)
		}
		parent = br.Commit
	}
}

func checkIntermediateTrees(t *testing.T, g *gittest.Repo, in split.Input, plan split.Plan, branches []StackBranch) {
	t.Helper()
	for n := 1; n < len(branches); n++ {
		want, err := split.Apply(in, plan, n)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range in.Change.Files {
			if f.Binary {
				continue
			}
			got, gitErr := tryGit(g, "cat-file", "blob", branches[n-1].Commit+":"+f.Path)
			content, exists := want[f.Path]
			if (gitErr == nil) != exists || got != string(content) {
				t.Errorf("%s after part %d: exists %v, %q; want exists %v, %q", f.Path, n, gitErr == nil, got, exists, content)
			}
		}
	}
}

// tryGit runs git without failing the test, for blobs that may not exist.
func tryGit(g *gittest.Repo, args ...string) (string, error) {
	r := &Repo{Dir: g.Dir}
	out, err := r.Git(context.Background(), args...)
	return string(out), err
}

func TestCreateStackRefusesDirtyTreeAndExistingBranches(t *testing.T) {
	ctx := context.Background()
	g := gittest.New(t)
	g.Write("a.txt", "one\n")
	g.Write("b.md", "# b\n")
	base := g.Commit("base")
	g.Write("a.txt", "one\ntwo\n")
	g.Write("b.md", "# b\n\nmore\n")
	head := g.Commit("head")
	r := openStackRepo(t, g)
	in, plan := splitFor(t, r, base, head, size.Budget{Lines: 1, Files: 1})

	g.Write("a.txt", "uncommitted\n")
	if _, err := r.CreateStack(ctx, in, plan, false); !errors.Is(err, ErrDirty) {
		t.Fatalf("dirty working tree: got %v, want ErrDirty", err)
	}
	firstRes, err := r.CreateStack(ctx, in, plan, true)
	first := firstRes.Branches
	if err != nil {
		t.Fatalf("forced on a dirty tree: %v", err)
	}
	g.Git("checkout", "--", "a.txt")
	_, err = r.CreateStack(ctx, in, plan, false)
	var exists *BranchExistsError
	if !errors.As(err, &exists) || !strings.Contains(err.Error(), first[0].Name+" already exists") {
		t.Fatalf("existing branch: got %v", err)
	}
	g.Git("branch", "-f", first[0].Name, base)
	againRes, err := r.CreateStack(ctx, in, plan, true)
	again := againRes.Branches
	if err != nil {
		t.Fatalf("forced over existing branches: %v", err)
	}
	if got := g.Git("rev-parse", first[0].Name); got != again[0].Commit {
		t.Errorf("--force left %s at %s", first[0].Name, got)
	}
}

func TestStackBranchName(t *testing.T) {
	for _, tc := range []struct {
		index int
		title string
		want  string
	}{
		{1, "Add Parse and Render in pkg/report, with tests", "mvc/split/01-add-parse-and-render-in-pkg-report-with"},
		{12, "Update docs: README.md", "mvc/split/12-update-docs-readme-md"},
		{3, "  ¿¡ !! ", "mvc/split/03-part"},
		{2, "Move 3 files", "mvc/split/02-move-3-files"},
	} {
		if got := StackBranchName(split.Part{Index: tc.index, Title: tc.title}); got != tc.want {
			t.Errorf("StackBranchName(%d, %q) = %q, want %q", tc.index, tc.title, got, tc.want)
		}
	}
}

func TestTreePaths(t *testing.T) {
	g := gittest.New(t)
	g.Write("a b/c.ts", "x\n")
	g.Write("d.py", "y\n")
	head := g.Commit("one")
	got, err := openRepo(t, g).TreePaths(context.Background(), head)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || !got["a b/c.ts"] || !got["d.py"] {
		t.Errorf("TreePaths = %v", got)
	}
}
