package gitrepo

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/internal/gittest"
)

func gone(p string) split.PartFile { return split.PartFile{Path: p, Status: analyzer.Removed} }
func put(p string) split.PartFile  { return split.PartFile{Path: p, Status: analyzer.Added} }

// dirToFileRepo replaces the directory t/ (t/a, t/b) by a file t, or the
// reverse.
func dirToFileRepo(t *testing.T, reverse bool) (*gittest.Repo, split.Input) {
	t.Helper()
	g := gittest.New(t)
	dir := func() { g.Write("t/a", "a\n"); g.Write("t/b", "b\n") }
	file := func() { g.Write("t", "file\n") }
	clear := func() {
		g.Git("rm", "-rq", "t")
		if err := os.RemoveAll(filepath.Join(g.Dir, "t")); err != nil {
			t.Fatal(err)
		}
	}
	g.Write("keep.txt", "keep\n")
	if reverse {
		file()
	} else {
		dir()
	}
	base := g.Commit("base")
	clear()
	if reverse {
		dir()
	} else {
		file()
	}
	g.Git("add", "-A")
	head := g.Commit("head")
	repo, err := Open(context.Background(), g.Dir)
	if err != nil {
		t.Fatal(err)
	}
	in, err := repo.SplitInput(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	return g, in
}

// --apply builds a directory replaced by a file (or the reverse) when the
// plan can be built: in one part, or the removal first. Every branch
// holds exactly its part's changes. When a part would put one side in the
// tree while a later part still has the other, it fails and writes no
// branch, rather than moving the later part's removals into it.
func TestCreateStackFileDirectorySwitch(t *testing.T) {
	for _, tc := range []struct {
		name    string
		reverse bool
		parts   [][]split.PartFile
		ok      bool
	}{
		{"dir to file, one part", false, [][]split.PartFile{{put("t"), gone("t/a"), gone("t/b")}}, true},
		{"dir to file, removal first", false, [][]split.PartFile{{gone("t/a")}, {gone("t/b")}, {put("t")}}, true},
		{"dir to file, file first", false, [][]split.PartFile{{put("t")}, {gone("t/a"), gone("t/b")}}, false},
		{"file to dir, one part", true, [][]split.PartFile{{put("t/a"), gone("t"), put("t/b")}}, true},
		{"file to dir, removal first", true, [][]split.PartFile{{gone("t")}, {put("t/a"), put("t/b")}}, true},
		{"file to dir, dir first", true, [][]split.PartFile{{put("t/a")}, {gone("t"), put("t/b")}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, in := dirToFileRepo(t, tc.reverse)
			plan := split.Plan{Base: in.Change.Base, Head: in.Change.Head}
			for i, files := range tc.parts {
				plan.Parts = append(plan.Parts, split.Part{Index: i + 1, Title: "part " + string(rune('a'+i)), Files: files})
			}
			repo := openStackRepo(t, g) // commit-tree needs an identity
			res, err := repo.CreateStack(context.Background(), in, plan, false)
			refs := g.Git("for-each-ref", "refs/heads/mvc/")
			if !tc.ok {
				if err == nil || !strings.Contains(err.Error(), "cannot be built as planned") || !strings.Contains(err.Error(), "different parts") || refs != "" {
					t.Errorf("err %v, branches %q; want a refusal naming the split file/directory pair and no branch", err, refs)
				}
				return
			}
			if err != nil {
				t.Fatalf("create stack: %v", err)
			}
			for i, br := range res.Branches {
				var want []string
				for _, f := range tc.parts[i] {
					want = append(want, f.Path)
				}
				got := strings.Fields(g.Git("diff-tree", "-r", "--name-only", "--no-commit-id", br.Name+"~1", br.Name))
				if strings.Join(got, " ") != strings.Join(slices.Sorted(slices.Values(want)), " ") {
					t.Errorf("%s changes %v, want its part's %v", br.Name, got, want)
				}
			}
		})
	}
}
