package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/gittest"
)

// twoTopicsRepo makes a change with two unrelated pieces of work, each in
// its own package with its own test, plus a dependency bump.
func twoTopicsRepo(t *testing.T) (*gittest.Repo, string) {
	t.Helper()
	g := gittest.New(t)
	g.Write("go.mod", "module example.com/m\n\ngo 1.22\n")
	g.Write("billing/invoice.go", "package billing\n\n// Total sums the lines.\nfunc Total(lines []int) int {\n\tt := 0\n\tfor _, l := range lines {\n\t\tt += l\n\t}\n\treturn t\n}\n")
	g.Write("search/index.go", "package search\n\n// Index holds documents.\ntype Index struct{ docs []string }\n")
	base := g.Commit("base")
	g.Write("go.mod", "module example.com/m\n\ngo 1.23\n")
	g.Write("billing/invoice.go", "package billing\n\n// Total sums the lines.\nfunc Total(lines []int) int {\n\tt := 0\n\tfor _, l := range lines {\n\t\tt += l\n\t}\n\treturn t\n}\n\n"+funcs("Discount", 12))
	g.Write("billing/invoice_test.go", "package billing\n\nimport \"testing\"\n\n"+tests("Discount", 12))
	g.Write("search/index.go", "package search\n\n// Index holds documents.\ntype Index struct{ docs []string }\n\n"+funcs("Query", 12))
	g.Write("search/index_test.go", "package search\n\nimport \"testing\"\n\n"+tests("Query", 12))
	g.Commit("two topics")
	return g, base
}

func funcs(prefix string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "// %s%d computes step %d.\nfunc %s%d(x int) int {\n\ty := x * %d\n\treturn y + %d\n}\n\n", prefix, i, i, prefix, i, i, i)
	}
	return b.String()
}

func tests(prefix string, n int) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "func Test%s%d(t *testing.T) {\n\tif %s%d(1) < 0 {\n\t\tt.Fatal(\"negative\")\n\t}\n}\n\n", prefix, i, prefix, i)
	}
	return b.String()
}

func splitJSON(t *testing.T, dir string, args ...string) (map[string]any, result) {
	t.Helper()
	res := runMVC(t, dir, nil, append([]string{"split", "--format", "json"}, args...)...)
	var doc map[string]any
	if res.code == 0 {
		if err := json.Unmarshal([]byte(res.stdout), &doc); err != nil {
			t.Fatalf("mvc split --format json: %v\n%s", err, res.stdout)
		}
	}
	return doc, res
}

func TestSplitJSONKeysAndParts(t *testing.T) {
	g, base := twoTopicsRepo(t)
	doc, res := splitJSON(t, g.Dir, "--base", base, "--max-lines", "150")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	for _, k := range []string{"base", "head", "parts"} {
		if _, ok := doc[k]; !ok {
			t.Errorf("JSON lacks %q", k)
		}
	}
	parts := doc["parts"].([]any)
	if len(parts) < 2 {
		t.Fatalf("want the two topics apart, got %d parts: %s", len(parts), res.stdout)
	}
	topics := map[string]float64{}
	for _, p := range parts {
		part := p.(map[string]any)
		for _, k := range []string{"index", "title", "rationale", "files", "weighted_lines", "over_budget", "depends_on", "builds"} {
			if _, ok := part[k]; !ok {
				t.Errorf("part lacks %q: %v", k, part)
			}
		}
		if part["builds"] != nil {
			t.Errorf("builds = %v, want null until verified", part["builds"])
		}
		for _, f := range part["files"].([]any) {
			file := f.(map[string]any)
			for _, k := range []string{"path", "old_path", "status", "binary", "hunks"} {
				if _, ok := file[k]; !ok {
					t.Errorf("file lacks %q: %v", k, file)
				}
			}
			dir, _, _ := strings.Cut(file["path"].(string), "/")
			if prev, ok := topics[dir]; ok && prev != part["index"] && dir != "go.mod" {
				t.Errorf("%s is spread over parts %v and %v", dir, prev, part["index"])
			}
			topics[dir] = part["index"].(float64)
		}
	}
	if topics["billing"] == topics["search"] {
		t.Errorf("billing and search share part %v; want them apart", topics["billing"])
	}
	if topics["go.mod"] != 1 {
		t.Errorf("the dependency bump is in part %v, want the bottom of the stack", topics["go.mod"])
	}
}

// mvc split --help names every key the JSON output has, and every
// language whose declarations the splitter cuts at (analyzer/split's lang).
func TestSplitHelpMatchesTheOutput(t *testing.T) {
	g, base := twoTopicsRepo(t)
	doc, res := splitJSON(t, g.Dir, "--base", base, "--max-lines", "150")
	if res.code != 0 {
		t.Fatalf("exit %d: %s", res.code, res.stderr)
	}
	keys := map[string]bool{}
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				keys[k] = true
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	for k := range keys {
		if !strings.Contains(splitUsage, `"`+k+`"`) {
			t.Errorf("mvc split --help does not name the JSON key %q", k)
		}
	}
	help := strings.Join(strings.Fields(splitUsage), " ")
	for _, lang := range []string{"Go", "TypeScript/JavaScript", "Python", "Ruby", "Vue/Svelte/Astro", "Rust", "Java,", "Kotlin", "C#", "Swift", "Scala", "Dart", "C,", "C++", "PHP"} {
		if !strings.Contains(help, lang) {
			t.Errorf("mvc split --help does not name %s among the declaration cuts", strings.TrimSuffix(lang, ","))
		}
	}
}

func TestSplitTextAndMarkdown(t *testing.T) {
	g, base := twoTopicsRepo(t)
	md := runMVC(t, g.Dir, nil, "split", "--base", base, "--format", "markdown", "--max-lines", "150")
	if md.code != 0 || !strings.Contains(md.stdout, "**Proposed split:") || !strings.Contains(md.stdout, "git switch -c mvc/split/01-") {
		t.Errorf("markdown: exit %d\n%s\n%s", md.code, md.stdout, md.stderr)
	}
	text := runMVC(t, g.Dir, nil, "split", "--base", base)
	if text.code != 0 || strings.Contains(text.stdout, "**") || !strings.Contains(text.stderr, "mvc split: base") {
		t.Errorf("text: exit %d\n%s\n%s", text.code, text.stdout, text.stderr)
	}
}

func TestSplitBadInput(t *testing.T) {
	g, base := twoTopicsRepo(t)
	for _, args := range [][]string{
		{"split", "--format", "yaml"},
		{"split", "--base", "no-such-ref"},
		{"split", "--base", base, "--max-lines", "many"},
		{"split", "--repo", t.TempDir()},
		{"split", "stray"},
	} {
		res := runMVC(t, g.Dir, nil, args...)
		if res.code != exitBadInput || strings.Count(strings.TrimSpace(res.stderr), "\n") > 0 {
			t.Errorf("mvc %s: exit %d, stderr %q; want exit 2 and one line", strings.Join(args, " "), res.code, res.stderr)
		}
	}
	if res := runMVC(t, g.Dir, nil, "split", "--help"); res.code != 0 || !strings.Contains(res.stdout, "Examples:") {
		t.Errorf("mvc split --help: exit %d\n%s", res.code, res.stdout)
	}
}

// The git steps `mvc split` prints to build the stack by hand, run as
// printed, end on exactly the head's tree; a vendored drop of many files
// is checked out by its directory, not file by file.
func TestSplitStepsByHandRebuildTheHead(t *testing.T) {
	g := gittest.New(t)
	g.Write("go.mod", "module example.com/m\n\ngo 1.22\n")
	g.Write("legacy/old.go", "package legacy\n\n"+funcs("Old", 3))
	base := g.Commit("base")
	g.Remove("legacy/old.go")
	g.Write("billing/invoice.go", "package billing\n\n"+funcs("Discount", 12))
	g.Write("billing/invoice_test.go", "package billing\n\nimport \"testing\"\n\n"+tests("Discount", 12))
	g.Write("search/index.go", "package search\n\n"+funcs("Query", 12))
	g.Write("search/index_test.go", "package search\n\nimport \"testing\"\n\n"+tests("Query", 12))
	for i := range 30 {
		g.Write(fmt.Sprintf("vendor/example.com/lib/p%d/p.go", i), fmt.Sprintf("package p%d\n\n", i)+funcs("Lib", 2))
	}
	g.Commit("two topics and a vendored library")
	head := g.Git("rev-parse", "HEAD^{tree}")
	md := runMVC(t, g.Dir, nil, "split", "--base", base, "--format", "markdown", "--max-lines", "150")
	if md.code != 0 {
		t.Fatalf("mvc split: exit %d\n%s", md.code, md.stderr)
	}
	script := runStepsByHand(t, g, md.stdout, head)
	if !strings.Contains(script, " -- vendor\n") || strings.Contains(script, "checkout -p") {
		t.Errorf("want the vendored drop checked out as one directory and no file cut in hunks:\n%s", script)
	}
}

// runStepsByHand runs the git steps of a Markdown proposal with sh -e in
// the repository and checks that the top of the stack is the head's tree.
// It returns the steps.
func runStepsByHand(t *testing.T, g *gittest.Repo, markdown, headTree string) string {
	t.Helper()
	_, after, ok := strings.Cut(markdown, "Or by hand with git")
	_, script, ok2 := strings.Cut(after, "```sh\n")
	script, _, ok3 := strings.Cut(script, "```")
	if !ok || !ok2 || !ok3 {
		t.Fatalf("no git steps in\n%s", markdown)
	}
	cmd := exec.Command("sh", "-e", "-c", script)
	cmd.Dir, cmd.Env = g.Dir, gittest.Env()
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("the git steps failed: %v\n%s\n%s", err, out, script)
	}
	if got := g.Git("rev-parse", "HEAD^{tree}"); got != headTree {
		t.Errorf("the stack built by hand ends on tree %s, want the head's %s\n%s", got, headTree, script)
	}
	return script
}

// File names may hold what Markdown and shells read as syntax: each shows
// as itself in the proposal, and the steps by hand still rebuild the head.
func TestSplitOddFileNames(t *testing.T) {
	g := gittest.New(t)
	g.Write("README.md", "# app\n")
	base := g.Commit("base")
	odd := []string{"docs/<script>x.md", "notes/a|b`c.txt", "data/new\nline.txt", "data/tab\there.txt", "ünï/cödé.go", "sp ace/it's.go"}
	for i, name := range odd {
		g.Write(name, strings.Repeat(fmt.Sprintf("line %d of file %d\n", i, i), 20+i))
	}
	g.Commit("odd names")
	head := g.Git("rev-parse", "HEAD^{tree}")
	md := runMVC(t, g.Dir, nil, "split", "--base", base, "--format", "markdown", "--max-lines", "30")
	if md.code != 0 {
		t.Fatalf("mvc split: exit %d\n%s", md.code, md.stderr)
	}
	proposal, _, _ := strings.Cut(md.stdout, "Or by hand with git")
	if strings.Contains(strings.ReplaceAll(proposal, "`docs/<script>x.md`", ""), "<script>") {
		t.Errorf("<script> reaches the Markdown outside a code span:\n%s", proposal)
	}
	for _, want := range []string{"``notes/a|b`c.txt``", "`data/new line.txt`", "`ünï/cödé.go`"} {
		if !strings.Contains(proposal, want) {
			t.Errorf("the proposal lacks %s:\n%s", want, proposal)
		}
	}
	runStepsByHand(t, g, md.stdout, head)
	text := runMVC(t, g.Dir, nil, "split", "--base", base, "--max-lines", "30")
	if !strings.Contains(text.stdout, "notes/a|b`c.txt") || !strings.Contains(text.stdout, "docs/<script>x.md") {
		t.Errorf("text output does not show the names as they are:\n%s", text.stdout)
	}
}

// On a repository's first commit the change is measured from the empty
// tree, and one part is said in the singular. --apply builds the stack
// from no commit (the first branch has no parent), and the steps by hand
// start from an orphan branch and reach the head under sh -e.
func TestSplitRootCommit(t *testing.T) {
	g := gittest.New(t)
	g.Write("a.txt", "hi\n")
	g.Commit("root")
	res := runMVC(t, g.Dir, nil, "split")
	if res.code != 0 || !strings.Contains(res.stdout, "none needed") ||
		!strings.Contains(res.stderr, "the empty tree") || !strings.HasSuffix(res.stderr, "; 1 part\n") {
		t.Errorf("exit %d\n%s\n%s", res.code, res.stdout, res.stderr)
	}

	g = gittest.New(t)
	g.Write("billing/invoice.go", "package billing\n\n"+funcs("Discount", 12))
	g.Write("search/index.go", "package search\n\n"+funcs("Query", 12))
	g.Commit("root")
	head := g.Git("rev-parse", "HEAD^{tree}")
	md := runMVC(t, g.Dir, nil, "split", "--format", "markdown", "--max-lines", "80", "--apply")
	if md.code != 0 {
		t.Fatalf("--apply on a root commit: exit %d\n%s", md.code, md.stderr)
	}
	branches := strings.Fields(g.Git("for-each-ref", "--format=%(refname:short)", "refs/heads/mvc/split/"))
	if len(branches) < 2 {
		t.Fatalf("branches %v, want a stack", branches)
	}
	if parents := g.Git("log", "--format=%P", "-1", branches[0]); parents != "" {
		t.Errorf("the first branch has parent %s, want none", parents)
	}
	if got := g.Git("rev-parse", branches[len(branches)-1]+"^{tree}"); got != head {
		t.Errorf("the top branch has tree %s, want the head's %s", got, head)
	}
	for _, b := range branches {
		g.Git("branch", "-D", b)
	}
	script := runStepsByHand(t, g, md.stdout, head)
	if !strings.HasPrefix(strings.SplitN(script, "\n", 3)[1], "git switch --orphan ") {
		t.Errorf("the steps do not start from an orphan branch:\n%s", script)
	}
}

// A head that does not resolve is named as such; only in an empty
// repository does the message say there are no commits yet.
func TestSplitAndAnalyzeNameTheMissingRef(t *testing.T) {
	g := gittest.New(t)
	g.Write("a.txt", "hi\n")
	g.Commit("root")
	for _, cmd := range []string{"split", "analyze"} {
		res := runMVC(t, g.Dir, nil, cmd, "--head", "nosuchref")
		if res.code != exitBadInput || !strings.Contains(res.stderr, "--head nosuchref: no such commit") || strings.Contains(res.stderr, "empty repository") {
			t.Errorf("%s --head nosuchref: exit %d, stderr %q", cmd, res.code, res.stderr)
		}
	}
}

// A file name is a name, not a pattern: the steps by hand remove x[1].txt
// and leave the unchanged x1.txt that the glob [1] would also match.
func TestSplitStepsByHandTakeNamesLiterally(t *testing.T) {
	g := gittest.New(t)
	g.Write("x1.txt", "one\n")
	g.Write("x[1].txt", "glob\n")
	g.Write("a1.txt", "a\n")
	g.Write("a[1].txt", "a\n")
	base := g.Commit("base")
	g.Git("rm", "-q", "--", ":(literal)x[1].txt")
	g.Write("a[1].txt", "a\nb\n")
	g.Write("big.txt", strings.Repeat("line\n", 30))
	g.Commit("head")
	head := g.Git("rev-parse", "HEAD^{tree}")
	md := runMVC(t, g.Dir, nil, "split", "--base", base, "--format", "markdown", "--max-lines", "20")
	if md.code != 0 {
		t.Fatalf("mvc split: exit %d\n%s", md.code, md.stderr)
	}
	runStepsByHand(t, g, md.stdout, head)
	if got := g.Git("show", "HEAD:x1.txt"); got != "one" {
		t.Errorf("x1.txt at the top of the stack: %q", got)
	}
}

// A path that switches between a directory and a file or symlink: the
// steps by hand, as mvc split plans them, still reach the head under sh -e.
func TestSplitStepsByHandFileDirectorySwitch(t *testing.T) {
	g := gittest.New(t)
	g.Write("real/x", "r\n")
	g.Write("alias/x", "a\n")
	g.Write("alias/y", "b\n")
	g.Write("thing", "one\ntwo\n")
	base := g.Commit("base")
	g.Git("rm", "-rq", "alias", "thing")
	if err := os.Symlink("real", filepath.Join(g.Dir, "alias")); err != nil {
		t.Fatal(err)
	}
	g.Write("thing/a.txt", strings.Repeat("a\n", 30))
	g.Write("big.txt", strings.Repeat("line\n", 30))
	g.Git("add", "-A")
	g.Commit("head")
	head := g.Git("rev-parse", "HEAD^{tree}")
	md := runMVC(t, g.Dir, nil, "split", "--base", base, "--format", "markdown", "--max-lines", "20")
	if md.code != 0 {
		t.Fatalf("mvc split: exit %d\n%s", md.code, md.stderr)
	}
	runStepsByHand(t, g, md.stdout, head)
}
