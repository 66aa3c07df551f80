package gitrepo

import (
	"bytes"
	"context"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/internal/gittest"
)

func TestSplitInputReadsBothSidesHistoryAndOwners(t *testing.T) {
	g := gittest.New(t)
	g.Write(".github/CODEOWNERS", "*.go @team-go\n")
	g.Write("a.go", "package a\n\nfunc A() {}\n")
	g.Write("b.go", "package a\n\nfunc B() {}\n")
	g.Write("gone.txt", "bye\n")
	g.Commit("one")
	g.Write("a.go", "package a\n\nfunc A() { B() }\n")
	g.Write("b.go", "package a\n\nfunc B() { A() }\n")
	base := g.Commit("two")
	g.Write("a.go", "package a\n\nfunc A() { B(); B() }\n")
	g.Remove("gone.txt")
	g.Write("new file.md", "# Title\n")
	head := g.Commit("head")
	g.Write("a.go", "package a\n\nfunc A() {}\n// after the head\n")
	g.Write("b.go", "package a\n// after the head\n")
	g.Commit("later, never read")

	in, err := openRepo(t, g).SplitInput(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	var paths []string
	for _, f := range in.Change.Files {
		paths = append(paths, string(f.Status)+" "+f.Path)
	}
	if diff := cmp.Diff([]string{"modified a.go", "removed gone.txt", "added new file.md"}, paths); diff != "" {
		t.Errorf("files (-want +got):\n%s", diff)
	}
	if got := string(in.Base["a.go"]); got != "package a\n\nfunc A() { B() }\n" {
		t.Errorf("base a.go = %q", got)
	}
	if got := string(in.Head["new file.md"]); got != "# Title\n" {
		t.Errorf("head new file.md = %q", got)
	}
	if _, ok := in.Head["gone.txt"]; ok {
		t.Error("a removed file has head content")
	}
	// Only commits up to the base, and only this change's paths.
	want := [][]string{{"a.go"}, {"a.go", "gone.txt"}}
	if diff := cmp.Diff(want, in.CoChange); diff != "" {
		t.Errorf("co-change history (-want +got):\n%s", diff)
	}
	if string(in.CodeOwners) != "*.go @team-go\n" {
		t.Errorf("CODEOWNERS = %q", in.CodeOwners)
	}
}

// A user's git configuration must not change the diff the splitter reads:
// prefixes, algorithm, hunk merging, rename detection, order and colour
// are all pinned by Patch's flags.
func TestPatchIgnoresUserConfiguration(t *testing.T) {
	g := gittest.New(t)
	body := strings.Repeat("same\n", 5)
	g.Write("x.txt", "a\n"+body+"b\n"+body+"c\n")
	g.Write("y.txt", "move me\nplease\n")
	base := g.Commit("base")
	g.Write("x.txt", "A\n"+body+"B\n"+body+"C\n")
	g.Move("y.txt", "z.txt")
	head := g.Commit("head")
	r := openRepo(t, g)
	plain, err := r.Patch(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	for _, kv := range []string{"diff.noprefix=true", "diff.mnemonicPrefix=true", "diff.algorithm=histogram",
		"diff.interHunkContext=10", "diff.renames=copies", "color.ui=always", "diff.context=7",
		"diff.orderFile=" + g.Dir + "/order", "diff.indentHeuristic=false"} {
		k, v, _ := strings.Cut(kv, "=")
		g.Git("config", k, v)
	}
	g.Write("order", "z.txt\nx.txt\n")
	configured, err := r.Patch(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(plain, configured); diff != "" {
		t.Errorf("user configuration changed the diff (-plain +configured):\n%s", diff)
	}
	if len(plain) != 3 || len(plain[0].Hunks) != 3 {
		t.Errorf("want 3 files and 3 one-line hunks in x.txt, got %+v", plain)
	}
}

// TestSplitIntegrityOnRealDiffs runs the whole chain on repositories git
// itself diffs: generated edits (CRLF, no newline at EOF, binary files,
// spaces and quotes in names, moves, deletions), read with SplitInput,
// split under several budgets, applied part by part, compared with the
// head's blobs byte for byte.
func TestSplitIntegrityOnRealDiffs(t *testing.T) {
	for seed := int64(0); seed < 12; seed++ {
		t.Run(fmt.Sprint(seed), func(t *testing.T) {
			r := rand.New(rand.NewSource(seed))
			g := gittest.New(t)
			names := writeRandomTree(g, r)
			base := g.Commit("base")
			editRandomTree(g, r, names)
			head := g.Commit("head")
			in, err := openRepo(t, g).SplitInput(context.Background(), base, head)
			if err != nil {
				t.Fatal(err)
			}
			in.Policy = size.DefaultPolicy()
			in.Policy.Budget = size.Budget{Lines: 5 + r.Intn(60), Files: 1 + r.Intn(4)}
			plan, err := split.Split(in)
			if err != nil {
				t.Fatal(err)
			}
			final, err := split.Apply(in, plan, len(plan.Parts))
			if err != nil {
				t.Fatal(err)
			}
			repo := openRepo(t, g)
			for _, f := range in.Change.Files {
				blob, gitErr := repo.Git(context.Background(), "cat-file", "blob", head+":"+f.Path)
				got, exists := final[f.Path]
				if (gitErr == nil) != exists || !bytes.Equal(blob, got) {
					t.Errorf("%s after %d parts: exists %v, %q; head: exists %v, %q", f.Path, len(plan.Parts), exists, got, gitErr == nil, blob)
				}
			}
		})
	}
}

var awkwardNames = []string{"main.go", "pkg/util.go", "pkg/util_test.go", "web/app.ts", "web/app.test.ts",
	"tool.py", "README.md", "dir with space/f.txt", "quo\"te.txt", "crlf.txt", "logo.png", "ünï.go"}

func writeRandomTree(g *gittest.Repo, r *rand.Rand) []string {
	for _, n := range awkwardNames {
		g.WriteBytes(n, randomContent(r, n, 5+r.Intn(40)))
	}
	return awkwardNames
}

func editRandomTree(g *gittest.Repo, r *rand.Rand, names []string) {
	for _, n := range names {
		switch r.Intn(6) {
		case 0:
			g.Remove(n)
		case 1:
			g.Move(n, "moved/"+n)
		case 2, 3:
			g.WriteBytes(n, mutate(r, readFile(g, n)))
		}
	}
	g.WriteBytes("added/new.go", randomContent(r, "new.go", 30))
}

func readFile(g *gittest.Repo, n string) []byte {
	b, err := os.ReadFile(filepath.Join(g.Dir, n))
	if err != nil {
		panic(err) // the file was written by this test a moment ago
	}
	return b
}

func randomContent(r *rand.Rand, name string, n int) []byte {
	if strings.HasSuffix(name, ".png") {
		return []byte{0x89, 'P', 'N', 'G', 0, byte(r.Intn(256)), byte(n)}
	}
	var b bytes.Buffer
	eol := "\n"
	if strings.HasPrefix(name, "crlf") {
		eol = "\r\n"
	}
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "func f%d() { return %d }%s", r.Intn(30), r.Intn(5), eol)
		if r.Intn(4) == 0 {
			b.WriteString(eol)
		}
	}
	if r.Intn(3) == 0 && b.Len() > 0 {
		b.Truncate(b.Len() - len(eol)) // no newline at the end
	}
	return b.Bytes()
}

func mutate(r *rand.Rand, content []byte) []byte {
	if bytes.HasPrefix(content, []byte{0x89, 'P'}) {
		return append(content, 7)
	}
	lines := strings.SplitAfter(string(content), "\n")
	for e := 0; e < 1+r.Intn(4); e++ {
		at := r.Intn(len(lines))
		lines[at] = fmt.Sprintf("changed %d %s", r.Intn(99), lines[at])
		if r.Intn(3) == 0 {
			lines = append(lines[:at], lines[at+1:]...)
		}
		if len(lines) == 0 {
			lines = []string{"x\n"}
		}
	}
	return []byte(strings.Join(lines, ""))
}

// Every split reads the same import links: mvc split, the Action and the
// benchmark all build their input here.
func TestSplitInputHoldsImportLinks(t *testing.T) {
	g := gittest.New(t)
	g.Write("web/lib/a.ts", "export const a = 1\n")
	g.Write("web/app.ts", "export const x = 0\n")
	base := g.Commit("base")
	g.Write("web/lib/a.ts", "export const a = 2\n")
	g.Write("web/app.ts", "import { a } from './lib/a'\nexport const x = a\n")
	head := g.Commit("head")

	in, err := openRepo(t, g).SplitInput(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	want := []split.FileLink{{From: "web/app.ts", To: "web/lib/a.ts", Kind: "import-statement"}}
	if diff := cmp.Diff(want, in.FileLinks); diff != "" {
		t.Errorf("import links (-want +got):\n%s", diff)
	}
}

// The co-change history walks only the latest commits: a file that last
// changed long ago brings no evidence from then.
func TestCoChangeWalksOnlyTheLatestCommits(t *testing.T) {
	old := coChangeWalk
	coChangeWalk = 3
	t.Cleanup(func() { coChangeWalk = old })
	g := gittest.New(t)
	g.Write("a.go", "1")
	g.Write("b.go", "1")
	first := g.Commit("a and b, long ago")
	for i := range 4 {
		g.Write("c.go", fmt.Sprint(i))
		g.Commit("c")
	}
	g.Write("a.go", "2")
	g.Write("b.go", "2")
	base := g.Commit("a and b, recently")
	got, err := openRepo(t, g).CoChange(context.Background(), base, []string{"a.go", "b.go"}, 1000)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 {
		t.Errorf("co-change commits %v: want only the recent one, not %s beyond the walk", got, first[:7])
	}
}

// The splitter pairs renamed files as git does and weighs them by git's
// counts, so a part weighs what `mvc analyze` measures of it: SplitInput
// carries git's renames (at 50% similarity) with their line counts, and
// only those.
func TestSplitInputHoldsGitsRenames(t *testing.T) {
	g := gittest.New(t)
	var body strings.Builder
	for i := range 20 {
		fmt.Fprintf(&body, "line %d of the guide\n", i)
	}
	g.Write("docs/guide.md", body.String())
	g.Write("src/flat.py", "x = 1\ny = 2\nz = 3\n")
	base := g.Commit("base")
	g.Remove("docs/guide.md")
	g.Write("handbook/guide.md", body.String()+"one more line\n")
	g.Remove("src/flat.py")
	g.Write("lib/flat.py", "  x = 1\n  y = 2\n  z = 3\n") // every line differs: no rename for git
	head := g.Commit("head")

	in, err := openRepo(t, g).SplitInput(context.Background(), base, head)
	if err != nil {
		t.Fatal(err)
	}
	want := []split.Rename{{From: "docs/guide.md", To: "handbook/guide.md", Additions: 1, Deletions: 0}}
	if diff := cmp.Diff(want, in.Renames); diff != "" || !in.RenamesKnown {
		t.Errorf("renames (known %v) (-want +got):\n%s", in.RenamesKnown, diff)
	}
}
