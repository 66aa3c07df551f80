package split

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/patch"
	"github.com/mvcbot/mvc/analyzer/size"
)

var update = flag.Bool("update", false, "rewrite golden files under testdata/")

// changeOf builds an Input from base and head contents ("" = absent).
func changeOf(files map[string][2]string) Input {
	in := Input{Base: map[string][]byte{}, Head: map[string][]byte{}, Policy: size.DefaultPolicy()}
	in.Change.Base, in.Change.Head = "base", "head"
	paths := make([]string, 0, len(files))
	for p := range files {
		paths = append(paths, p)
	}
	sortStrings(paths)
	for _, p := range paths {
		base, head := files[p][0], files[p][1]
		st := analyzer.Modified
		switch {
		case base == "":
			st = analyzer.Added
		case head == "":
			st = analyzer.Removed
		}
		f, ok := finish(p, st, splitLines(base), true, splitLines(head), true, &in)
		if ok {
			in.Change.Files = append(in.Change.Files, f)
		}
	}
	return in
}

func splitLines(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(s, "\n"), "\n")
}

func sortStrings(s []string) {
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j] < s[i] {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
}

func goFuncs(pkg string, names ...string) string {
	var b strings.Builder
	b.WriteString("package " + pkg + "\n")
	for _, n := range names {
		fmt.Fprintf(&b, "\n// %s does its part.\nfunc %s(x int) int {\n\ty := x + 1\n\ty *= 2\n\treturn y\n}\n", n, n)
	}
	return b.String()
}

// featureChange is a change a reviewer would want cut in four: a
// dependency bump, a new tokenizer with its test, a command that starts
// using it, and the docs; plus a reformatted package and a moved file.
func featureChange() Input {
	reformat := func(s string) string { return strings.ReplaceAll(s, "\ty := x + 1", "\ty := x+1") }
	moved := goFuncs("util", "Clamp", "Wrap")
	return changeOf(map[string][2]string{
		"go.mod":                  {"module m\n\ngo 1.22\n\nrequire example.com/lex v1.0.0\n", "module m\n\ngo 1.22\n\nrequire example.com/lex v1.1.0\n"},
		"go.sum":                  {"example.com/lex v1.0.0 h1:aaa\n", "example.com/lex v1.1.0 h1:bbb\n"},
		"pkg/parse/lexer.go":      {goFuncs("parse", "Scan"), goFuncs("parse", "Scan", "Tokenize", "tokenizeWord", "tokenizeNumber")},
		"pkg/parse/lexer_test.go": {"", "package parse\n\nimport \"testing\"\n\nfunc TestTokenize(t *testing.T) {\n\tif Tokenize(1) != 4 {\n\t\tt.Fatal(\"Tokenize\")\n\t}\n}\n"},
		"cmd/tool/main.go":        {goFuncs("main", "main", "run"), strings.Replace(goFuncs("main", "main", "run"), "\ty := x + 1\n\ty *= 2\n\treturn y\n}\n", "\ty := parse.Tokenize(x)\n\ty *= 2\n\treturn y\n}\n", 2)},
		"docs/usage.md":           {"# Usage\n\nRun the tool.\n", "# Usage\n\nRun the tool. It calls Tokenize on every word.\n\nSee the tokenizer docs.\n"},
		"internal/fmt1/a.go":      {goFuncs("fmt1", "A1", "A2", "A3", "A4", "A5"), reformat(goFuncs("fmt1", "A1", "A2", "A3", "A4", "A5"))},
		"internal/fmt1/b.go":      {goFuncs("fmt1", "B1", "B2", "B3", "B4", "B5"), reformat(goFuncs("fmt1", "B1", "B2", "B3", "B4", "B5"))},
		"internal/fmt1/c.go":      {goFuncs("fmt1", "C1", "C2", "C3", "C4", "C5"), reformat(goFuncs("fmt1", "C1", "C2", "C3", "C4", "C5"))},
		"internal/util/clamp.go":  {moved, ""},
		"internal/mathx/clamp.go": {"", moved},
	})
}

// renderPlan prints a plan one fact per line for golden files.
func renderPlan(p Plan) string {
	var b strings.Builder
	for _, part := range p.Parts {
		fmt.Fprintf(&b, "%d. %s [%s] weighted=%d changed=%d over=%v depends=%v\n   %s\n",
			part.Index, part.Title, part.Kind, part.WeightedLines, part.ChangedLines, part.OverBudget, part.DependsOn, part.Rationale)
		for _, f := range part.Files {
			fmt.Fprintf(&b, "   %s %s", f.Status, f.Path)
			for _, h := range f.Hunks {
				fmt.Fprintf(&b, " -%d,%d+%d,%d", h.OldStart, h.OldLines, h.NewStart, h.NewLines)
			}
			b.WriteString("\n")
		}
	}
	return b.String()
}

func checkGolden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./analyzer/split -update to create it)", err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("plan differs from %s (-want +got):\n%s", path, diff)
	}
}

func TestPlanGolden(t *testing.T) {
	in := featureChange()
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, 0, in, plan)
	checkGolden(t, "feature.plan", renderPlan(plan))
}

func TestPlanOrderAndKinds(t *testing.T) {
	plan, err := Split(featureChange())
	if err != nil {
		t.Fatal(err)
	}
	rank := map[Kind]int{}
	for _, p := range plan.Parts {
		rank[p.Kind] = p.Index
		for _, d := range p.DependsOn {
			if d >= p.Index {
				t.Errorf("part %d depends on part %d, which is not below it", p.Index, d)
			}
		}
	}
	if rank[KindDependencies] != 1 {
		t.Errorf("dependencies at %d, want the bottom of the stack", rank[KindDependencies])
	}
	if rank[KindDocs] != len(plan.Parts) {
		t.Errorf("docs at %d of %d, want the top", rank[KindDocs], len(plan.Parts))
	}
	if rank[KindMechanical] == 0 {
		t.Error("the reformatting and the move are not kept apart as mechanical parts")
	}
}

func TestSplitIsDeterministic(t *testing.T) {
	first, err := Split(featureChange())
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 20; i++ {
		again, _ := Split(featureChange())
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("run %d differs (-first +again):\n%s", i, diff)
		}
	}
	// A change large enough to be scored by several workers at once.
	large := largeChange(150)
	first, err = Split(large)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i < 3; i++ {
		again, _ := Split(large)
		if diff := cmp.Diff(first, again); diff != "" {
			t.Fatalf("large change, run %d differs (-first +again):\n%s", i, diff)
		}
	}
}

// A single new function larger than the budget cannot be cut: it stays
// whole and says so.
func TestOverBudgetUnitStaysWhole(t *testing.T) {
	var body strings.Builder
	body.WriteString("package big\n\nfunc Huge() {\n")
	for i := 0; i < 500; i++ {
		fmt.Fprintf(&body, "\tstep%d()\n", i)
	}
	body.WriteString("}\n")
	in := changeOf(map[string][2]string{"big/huge.go": {"package big\n", body.String()}})
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 1 || !plan.Parts[0].OverBudget || plan.Parts[0].WeightedLines <= 400 {
		t.Fatalf("want one over-budget part, got %s", renderPlan(plan))
	}
	if !strings.Contains(plan.Parts[0].Rationale, "Over the budget") {
		t.Errorf("rationale does not say it is over budget: %q", plan.Parts[0].Rationale)
	}
}

// Parts stay within the budget when the change can be cut.
func TestPartsFitTheBudget(t *testing.T) {
	files := map[string][2]string{}
	for i := 0; i < 12; i++ {
		names := make([]string, 12)
		for j := range names {
			names[j] = fmt.Sprintf("F%d_%d", i, j)
		}
		files[fmt.Sprintf("area%d/code.go", i)] = [2]string{"package p\n", goFuncs("p", names...)}
	}
	in := changeOf(files)
	in.Policy.Budget = size.Budget{Lines: 150, Files: 3}
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		if p.OverBudget || p.WeightedLines > 150 || p.ReviewableFiles > 3 {
			t.Errorf("part %d: %d weighted lines, %d files, over %v", p.Index, p.WeightedLines, p.ReviewableFiles, p.OverBudget)
		}
	}
	checkIntegrity(t, 0, in, plan)
}

func TestSplitRejectsBadInput(t *testing.T) {
	dup := featureChange()
	dup.Change.Files = append(dup.Change.Files, dup.Change.Files[0])
	damaged := featureChange()
	damaged.Change.Files[0].Hunks[0].OldLines += 3
	noBudget := featureChange()
	noBudget.Policy = size.Policy{}
	for name, tt := range map[string]struct {
		in   Input
		want string
	}{
		"listed twice": {dup, "listed twice"},
		"damaged":      {damaged, "truncated or damaged"},
		"no budget":    {noBudget, "budget must be positive"},
	} {
		if _, err := Split(tt.in); err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: error %v, want one containing %q", name, err, tt.want)
		}
	}
}

func TestOwnersLastMatchWins(t *testing.T) {
	o := parseOwners([]byte("# comment\n*.go @go-team\ndocs/ @writers # inline\n/cmd/ @cli @go-team\n"))
	for p, want := range map[string]string{
		"pkg/a.go": "@go-team", "docs/x.md": "@writers", "cmd/tool/main.go": "@cli @go-team", "README": "",
	} {
		if got := o.of(p); got != want {
			t.Errorf("owners of %s = %q, want %q", p, got, want)
		}
	}
}

// The GitHub API gives hunks with three lines of context and no file
// contents: the splitter cuts them at their context and still accounts
// for every line.
func TestHunksWithContextAsGitHubSendsThem(t *testing.T) {
	base := "package p\n\nfunc A() int {\n\treturn 1\n}\n\nfunc B() int {\n\treturn 2\n}\n"
	head := "package p\n\nfunc A() int {\n\treturn 10\n}\n\nfunc B() int {\n\treturn 20\n}\n"
	hunks, err := patch.ParseHunks("@@ -1,9 +1,9 @@\n package p\n \n func A() int {\n-\treturn 1\n+\treturn 10\n }\n \n func B() int {\n-\treturn 2\n+\treturn 20\n }\n")
	if err != nil {
		t.Fatal(err)
	}
	in := Input{Policy: size.DefaultPolicy()}
	in.Change.Files = []analyzer.FileChange{{Path: "p.go", Status: analyzer.Modified, Additions: 2, Deletions: 2, Hunks: hunks}}
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if got := countPlanLines(plan); got != 4 {
		t.Fatalf("parts hold %d changed lines, want 4:\n%s", got, renderPlan(plan))
	}
	in.Base, in.Head = map[string][]byte{"p.go": []byte(base)}, map[string][]byte{"p.go": []byte(head)}
	checkIntegrity(t, 0, in, plan)
}

// Declarations added side by side in one hunk are one edit: a block of
// functions moved into a file, over the budget, is cut into a few parts
// that fit, not into one part per function.
func TestOneHunkOfDeclarationsIsCutIntoFewParts(t *testing.T) {
	var names []string
	for i := range 70 {
		names = append(names, fmt.Sprintf("Moved%d", i))
	}
	base := goFuncs("cmd", "Run")
	in := changeOf(map[string][2]string{"cmd/cmd.go": {base, base + strings.TrimPrefix(goFuncs("cmd", names...), "package cmd\n")}})
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, 0, in, plan)
	if len(plan.Parts) > plan.FewestParts+1 {
		t.Errorf("%d parts for one hunk of %d functions, want about %d", len(plan.Parts), len(names), plan.FewestParts)
	}
}

// A CI or build file builds on code only when it names it as code does: a
// workflow's comment "for build provenance" does not use func build, and
// the dependency part stays at the bottom of the stack; a workflow that
// runs BuildAll does use it.
func TestSettingsNameCodeOnlyByCodeShapedNames(t *testing.T) {
	code := func(name string) [2]string {
		return [2]string{"package walk\n\nfunc other() {}\n",
			"package walk\n\nfunc other() {}\n\nfunc " + name + "() {\n\tstep()\n\tstep()\n\tstep()\n}\n"}
	}
	workflow := func(line string) [2]string {
		return [2]string{"on: push\npermissions:\n  contents: write\n",
			"on: push\npermissions:\n  contents: write\n  id-token: write\n  " + line + "\n"}
	}
	for _, tc := range []struct {
		name, decl, line string
		wantDepends      bool
	}{
		{"plain word", "build", "# for build provenance signing", false},
		{"code-shaped name", "BuildAll", "# runs BuildAll before release", true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan, err := Split(changeOf(map[string][2]string{
				"crates/walk/walk.go":           code(tc.decl),
				".github/workflows/release.yml": workflow(tc.line),
			}))
			if err != nil {
				t.Fatal(err)
			}
			partOf := map[string]Part{}
			for _, p := range plan.Parts {
				for _, f := range p.Files {
					partOf[f.Path] = p
				}
			}
			wf, c := partOf[".github/workflows/release.yml"], partOf["crates/walk/walk.go"]
			if wf.Index == c.Index {
				t.Fatalf("the workflow and the code share part %d; the test needs them apart", wf.Index)
			}
			if got := slices.Contains(wf.DependsOn, c.Index); got != tc.wantDepends {
				t.Errorf("workflow part %d depends on code part %d: %v, want %v (parts %+v)", wf.Index, c.Index, got, tc.wantDepends, plan.Parts)
			}
			if !tc.wantDepends && (wf.Index != 1 || !strings.Contains(wf.Rationale, "go first")) {
				t.Errorf("workflow part is part %d (%q), want the bottom of the stack", wf.Index, wf.Rationale)
			}
		})
	}
}

func TestIsInfra(t *testing.T) {
	for p, want := range map[string]bool{
		"go.mod": true, "web/package.json": true, "Cargo.lock": true,
		".github/workflows/ci.yml": true, ".gitlab-ci.yml": true, ".buildkite/pipeline.yml": true,
		"requirements.txt": true, "requirements-dev.txt": true, "requirements/docs.in": true, "requirements/typing.txt": true,
		"tox.ini": true, "setup.cfg": true, "pom.xml": true, "app/build.gradle.kts": true, "src/App/App.csproj": true,
		"mylib.gemspec": true, "docker/Dockerfile.dev": true, "tools/rules.mk": true, "tsconfig.build.json": true,
		"assets/webpack.js": true, "vite.config.ts": true, "packages/app/rollup.config.mjs": true, ".babelrc": true,
		"src/webpack-plugin.ts": false, "config.ts": false,
		"main.go": false, "docs/requirements.md": false, "src/build.rs": false, "notes.txt": false, "lib/tox.py": false,
	} {
		if got := isInfra(p); got != want {
			t.Errorf("isInfra(%q) = %v, want %v", p, got, want)
		}
	}
}

// The same pin bumped in three requirements files is a dependency update,
// at the bottom of the stack, not a sweep among the code's parts.
func TestRepeatedPinIsADependencyUpdate(t *testing.T) {
	files := map[string][2]string{
		"src/app/core.py": {"def run():\n    return 1\n", "def run():\n    return 2\n\n\ndef stop():\n    return 0\n"},
	}
	for _, name := range []string{"dev", "tests", "typing"} {
		files["requirements/"+name+".txt"] = [2]string{"# pinned\nattrs==23.2.0\nmypy==1.9.0\n", "# pinned\nattrs==23.2.0\nmypy==1.10.0\n"}
	}
	plan, err := Split(changeOf(files))
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		if strings.HasPrefix(p.Files[0].Path, "requirements/") {
			if p.Kind != KindDependencies || p.Index != 1 || len(p.Files) != 3 {
				t.Errorf("requirements part %d is %s with %d files (%q), want the dependency part at the bottom with all 3", p.Index, p.Kind, len(p.Files), p.Title)
			}
			return
		}
	}
	t.Errorf("no part holds the requirements files: %+v", plan.Parts)
}

// Files without a changed line (an image, a mode change) are no pull
// request of their own: they fold into a part that fits.
func TestLinelessFilesFoldIntoAPart(t *testing.T) {
	var code strings.Builder
	code.WriteString("package ui\n\n")
	for i := range 8 { // a small change: under 1,000 lines, the tiny-part bound shrinks
		fmt.Fprintf(&code, "func Icon%d() string {\n\treturn \"icon-%d.png\"\n}\n\n", i, i)
	}
	in := changeOf(map[string][2]string{"ui/icons.go": {"package ui\n", code.String()}})
	in.Change.Files = append(in.Change.Files,
		analyzer.FileChange{Path: "ui/logo.png", Status: analyzer.Added, Binary: true},
		analyzer.FileChange{Path: "scripts/run.sh", Status: analyzer.Modified})
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		lines := 0
		for _, f := range p.Files {
			for _, h := range f.Hunks {
				lines += h.OldLines + h.NewLines
			}
		}
		if lines == 0 {
			t.Errorf("part %d %q changes no line: %+v", p.Index, p.Title, p.Files)
		}
	}
}

// A dependency bump is a part at the bottom named by what it bumps; a
// tiny code edit whose only link is the bump (gin's validator error text
// had often changed with go.mod) folds into code instead, and a tiny bump
// is not folded into code.
func TestTinyCodeEditDoesNotFoldIntoADependencyBump(t *testing.T) {
	mod := "module example.com/app\n\ngo 1.22\n\nrequire (\n\tgithub.com/go-playground/validator/v10 v10.30.1\n\tgolang.org/x/net v0.52.0\n)\n"
	bumped := strings.NewReplacer("v10.30.1", "v10.30.3", "v0.52.0", "v0.56.0").Replace(mod)
	var code, changed []string
	for i := range 300 { // 600 changed lines: a 6-line edit is tiny beside them
		code = append(code, fmt.Sprintf("func Handle%d() int {\n\treturn %d\n}\n", i, i))
		changed = append(changed, fmt.Sprintf("func Handle%d() int {\n\treturn %d + 1\n}\n", i, i))
	}
	in := changeOf(map[string][2]string{
		"go.mod": {mod, bumped},
		"go.sum": {"github.com/go-playground/validator/v10 v10.30.1 h1:a=\ngolang.org/x/net v0.52.0 h1:b=\n",
			"github.com/go-playground/validator/v10 v10.30.3 h1:c=\ngolang.org/x/net v0.56.0 h1:d=\n"},
		"binding/validator.go": {"package binding\n\nfunc msg(i int) string {\n\treturn \"[\" + itoa(i) + \"]\"\n}\n",
			"package binding\n\nfunc msg(i int) string {\n\tb.WriteString(\"[\")\n\tb.WriteString(itoa(i))\n\treturn b.String()\n}\n"},
		"server/handlers.go": {"package server\n\n" + strings.Join(code, "\n"), "package server\n\n" + strings.Join(changed, "\n")},
	})
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		var paths []string
		for _, f := range p.Files {
			paths = append(paths, f.Path)
		}
		if slices.Contains(paths, "go.mod") {
			if slices.Contains(paths, "binding/validator.go") || p.Kind != KindDependencies {
				t.Errorf("part %d %q (%s) holds %v, want the bump alone", p.Index, p.Title, p.Kind, paths)
			}
			if want := "Update dependencies: validator and x/net"; p.Title != want {
				t.Errorf("title %q, want %q", p.Title, want)
			}
		}
	}

	// The fold itself: the tiny edit's only link is to the bump.
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	groups, _ := w.initialGroups(w.hardLinks())
	byFile := map[string]*group{}
	for _, g := range groups {
		for f := range g.files {
			byFile[w.files[f].Path] = g
		}
	}
	deps, tiny, handlers := byFile["go.mod"], byFile["binding/validator.go"], byFile["server/handlers.go"]
	if byFile["go.sum"] != deps {
		deps.absorb(byFile["go.sum"], groups)
	}
	for _, g := range groups {
		clear(g.links)
		clear(g.foldLinks)
	}
	tiny.links[deps.id], deps.links[tiny.id] = 5, 5
	w.fold(groups)
	if !tiny.alive && !handlers.alive || tiny.alive && handlers.alive || !deps.alive {
		t.Errorf("after folding: bump alive %v, edit alive %v, code alive %v; want the edit folded into the code", deps.alive, tiny.alive, handlers.alive)
	}
}

// A manifest goes whole with its lockfile: every hunk of go.mod beside
// go.sum, or `go mod tidy` fails between the parts.
func TestManifestGoesWholeWithItsLockfile(t *testing.T) {
	var reqs, bumped []string
	for i := range 40 {
		reqs = append(reqs, fmt.Sprintf("\texample.com/mod%d v1.0.%d", i, i))
		v := i
		if i == 2 || i == 37 {
			v += 100
		}
		bumped = append(bumped, fmt.Sprintf("\texample.com/mod%d v1.0.%d", i, v))
	}
	mod := "module example.com/app\n\ngo 1.22\n\nrequire (\n%s\n)\n"
	in := changeOf(map[string][2]string{
		"go.mod": {fmt.Sprintf(mod, strings.Join(reqs, "\n")), fmt.Sprintf(mod, strings.Join(bumped, "\n"))},
		"go.sum": {"example.com/mod2 v1.0.2 h1:a=\nexample.com/mod37 v1.0.37 h1:b=\n", "example.com/mod2 v1.0.102 h1:c=\nexample.com/mod37 v1.0.137 h1:d=\n"},
	})
	in.Policy.Budget.Lines = 2
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 1 {
		t.Errorf("%d parts, want go.mod and go.sum in one", len(plan.Parts))
	}
}
