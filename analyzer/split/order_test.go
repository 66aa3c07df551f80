package split

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// partOf maps each path to the indexes of the parts holding it.
func partOf(plan Plan) map[string][]int {
	out := map[string][]int{}
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			out[f.Path] = append(out[f.Path], p.Index)
		}
	}
	return out
}

// checkBelow fails unless every part of def comes before every part of
// user, and the user's parts say they build on it.
func checkBelow(t *testing.T, plan Plan, def, user string) {
	t.Helper()
	at := partOf(plan)
	if len(at[def]) == 0 || len(at[user]) == 0 {
		t.Fatalf("%s in parts %v, %s in parts %v", def, at[def], user, at[user])
	}
	if slices.Equal(at[def], at[user]) {
		t.Fatalf("%s and %s share part %v; the test needs them apart", def, user, at[def])
	}
	if slices.Max(at[def]) > slices.Min(at[user]) {
		t.Errorf("%s (parts %v) is not below %s (parts %v)", def, at[def], user, at[user])
	}
	for _, p := range plan.Parts {
		if slices.Contains(at[user], p.Index) && !slices.Contains(p.DependsOn, at[def][0]) {
			t.Errorf("part %d (%s) does not say it builds on part %d (%s): %v", p.Index, user, at[def][0], def, p.DependsOn)
		}
	}
}

// lines makes n distinct lines of code in a script.
func scriptLines(prefix string, n int) string {
	var b strings.Builder
	for i := range n {
		fmt.Fprintf(&b, "export const %s%d = %d\n", prefix, i, i)
	}
	return b.String()
}

// A new module comes before the file that imports it, by the import the
// adapter resolved, though the importer's path sorts first.
func TestANewModuleComesBeforeItsImporter(t *testing.T) {
	in := changeOf(map[string][2]string{
		"bench/breakdown.ts": {"", "import './harness.js'\n" + scriptLines("b", 40)},
		"bench/harness.ts":   {"", scriptLines("h", 40) + "globalThis.ready = true\n"},
	})
	in.FileLinks = []FileLink{{From: "bench/breakdown.ts", To: "bench/harness.ts", Kind: "import-statement"}}
	in.Policy.Budget.Lines = 45
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	checkBelow(t, plan, "bench/harness.ts", "bench/breakdown.ts")
}

// Removing a definition comes after removing its last uses: the other way
// round, the parts between would not build.
func TestADefinitionGoesOnceItsUsesAreGone(t *testing.T) {
	var compat, fields strings.Builder
	compat.WriteString("import re\n\n\ndef ip_address_validators(protocol):\n    return []\n\n\n")
	fields.WriteString("from compat import ip_address_validators\n\n\n")
	for i := range 30 {
		fmt.Fprintf(&compat, "def helper_%d(x):\n    return x + %d\n\n\n", i, i)
		fmt.Fprintf(&fields, "def field_%d(x):\n    return x * %d\n\n\n", i, i)
	}
	fieldsHead := strings.Replace(fields.String(), "from compat import ip_address_validators\n", "", 1) + "def validators():\n    return []\n"
	compatHead := strings.Replace(compat.String(), "def ip_address_validators(protocol):\n    return []\n\n\n", "", 1)
	in := changeOf(map[string][2]string{
		"app/compat.py": {compat.String(), compatHead},
		"app/fields.py": {fields.String(), fieldsHead},
	})
	w, l := linkerOf(t, in)
	def, use := w.atomWith(t, "app/compat.py", "def ip_address_validators", false), w.atomWith(t, "app/fields.py", "import ip_address_validators", false)
	if !l.uses[[2]int{def, use}] || l.uses[[2]int{use, def}] {
		t.Errorf("uses: definition needs import removal %v, import removal needs definition %v; want only the first",
			l.uses[[2]int{def, use}], l.uses[[2]int{use, def}])
	}
}

// Nothing builds on a comment edit, though it sits on a declaration that
// other code names.
func TestNothingBuildsOnACommentEdit(t *testing.T) {
	in := changeOf(map[string][2]string{
		"core/run.go": {"package core\n\n// Run runs.\nfunc Run() {}\n", "package core\n\n// Run runs the job once, in order.\nfunc Run() {}\n"},
		"cli/main.go": {"package cli\n\nfunc main() {}\n", "package cli\n\nfunc main() {\n\tcore.Run()\n\tcore.Run()\n}\n"},
	})
	in.Policy.Budget.Lines = 2
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		if p.Kind == KindMechanical {
			for _, q := range plan.Parts {
				if slices.Contains(q.DependsOn, p.Index) {
					t.Errorf("part %d %q builds on the comment edit, part %d", q.Index, q.Title, p.Index)
				}
			}
		}
	}
}

// Code that imports a dependency the change adds builds on the manifest
// that adds it, as surely as on an import.
func TestImportersBuildOnTheManifest(t *testing.T) {
	var code strings.Builder
	code.WriteString("package tls\n\nimport \"github.com/cloudflare/circl/hpke\"\n\n")
	for i := range 30 {
		fmt.Fprintf(&code, "func Step%d() int {\n\treturn hpke.Len + %d\n}\n\n", i, i)
	}
	in := changeOf(map[string][2]string{
		"go.mod":           {"module example.com/m\n\ngo 1.22\n", "module example.com/m\n\ngo 1.22\n\nrequire github.com/cloudflare/circl v1.6.1\n"},
		"modules/tls/a.go": {"package tls\n", code.String()},
	})
	w, l := linkerOf(t, in)
	imp, mod := w.atomWith(t, "modules/tls/a.go", "circl/hpke", true), w.atomWith(t, "go.mod", "require github.com/cloudflare/circl", true)
	if k := [2]int{imp, mod}; !l.uses[k] || l.resolved[k] != byImport {
		t.Errorf("the import uses the requirement: %v, resolved: %v; want both", l.uses[k], l.resolved[k])
	}
}

// In a cycle, the group whose imports are all below goes first.
func TestBreakCycleKeepsImportsBelow(t *testing.T) {
	g := func(id int) *group { return &group{id: id} }
	comp := []*group{g(0), g(1), g(2)}
	needs := map[int]map[int]bool{0: {1: true, 2: true}, 1: {2: true}, 2: {0: true}}
	strong := map[int]map[int]bool{0: {1: true}, 1: {2: true}}
	var got []int
	for _, x := range breakCycle(comp, needs, strong) {
		got = append(got, x.id)
	}
	if want := []int{2, 1, 0}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// A distinctive name the change brings in, declared once, orders its user
// after it even when the two parts also share an older name the other way
// round (caddy's Caddyfile parser used the new caddytls.ECH).
func TestANewNameOrdersItsUserAfterIt(t *testing.T) {
	var ech strings.Builder
	ech.WriteString("package caddytls\n\n// EchConfig configures encrypted client hello.\ntype EchConfig struct {\n\tName string\n}\n\n")
	for i := range 20 {
		fmt.Fprintf(&ech, "func echStep%d(c *EchConfig) string {\n\treturn buildTLSApp(c.Name, %d)\n}\n\n", i, i)
	}
	var parser strings.Builder
	parser.WriteString("package caddytls\n\nfunc buildTLSApp(name string, n int) string {\n\treturn name\n}\n")
	parserHead := strings.Replace(parser.String(), "\treturn name\n", "\tvar e EchConfig\n\te.Name = name\n\treturn e.Name\n", 1)
	for i := range 20 {
		fmt.Fprintf(&parser, "\nfunc parse%d() {}\n", i)
	}
	for i := range 20 {
		parserHead += fmt.Sprintf("\nfunc parse%d() {}\n", i)
	}
	in := changeOf(map[string][2]string{
		"a/builtins.go": {parser.String(), parserHead},
		"z/ech.go":      {"", ech.String()},
	})
	in.Policy.Budget.Lines = 60
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	var typ, user Part
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			if f.Path == "a/builtins.go" {
				user = p
			}
			if f.Path == "z/ech.go" && len(f.Hunks) > 0 && f.Hunks[0].NewStart <= 4 {
				typ = p
			}
		}
	}
	if typ.Index == user.Index {
		t.Fatalf("one part %d declares EchConfig and uses it; the test needs them apart", typ.Index)
	}
	if typ.Index > user.Index || !slices.Contains(user.DependsOn, typ.Index) {
		t.Errorf("EchConfig is declared in part %d, used in part %d that builds on %v", typ.Index, user.Index, user.DependsOn)
	}
}

// linkerOf prepares a change and links its atoms, as Split does before
// clustering.
func linkerOf(t *testing.T, in Input) (*work, *linker) {
	t.Helper()
	in.Policy = size.DefaultPolicy()
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	return w, w.newLinker()
}

// atomWith finds the atom of path that adds (or deletes) a line holding
// text.
func (w *work) atomWith(t *testing.T, path, text string, added bool) int {
	t.Helper()
	for _, a := range w.atoms {
		lines := a.dels
		if added {
			lines = a.adds
		}
		for _, l := range lines {
			if w.files[a.file].Path == path && strings.Contains(l.Text, text) {
				return a.id
			}
		}
	}
	t.Fatalf("no atom of %s changes a line holding %q", path, text)
	return -1
}

// Parts that use each other say so: no order builds one without the other.
func TestACycleIsSaid(t *testing.T) {
	body := func(own, other string) string {
		var b strings.Builder
		fmt.Fprintf(&b, "package tls\n\ntype %s struct {\n\tPeer *%s\n}\n\n", own, other)
		for i := range 12 {
			fmt.Fprintf(&b, "func (c *%s) Step%d() int {\n\treturn %d\n}\n\n", own, i, i)
		}
		return b.String()
	}
	in := changeOf(map[string][2]string{
		"tls/alpha.go": {"", body("AlphaConfig", "BetaConfig")},
		"tls/beta.go":  {"", body("BetaConfig", "AlphaConfig")},
	})
	in.Policy.Budget.Lines = 40
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	at := partOf(plan)
	if slices.Equal(at["tls/alpha.go"], at["tls/beta.go"]) {
		t.Fatalf("one part holds both: %v", at)
	}
	first := plan.Parts[min(slices.Min(at["tls/alpha.go"]), slices.Min(at["tls/beta.go"]))-1]
	if !strings.Contains(first.Rationale, "later in the stack, which needs it in turn through a cycle of uses, so they build only together") {
		t.Errorf("part %d %q: rationale %q does not say it needs a later part", first.Index, first.Title, first.Rationale)
	}
}

// A part of tests alone comes after the code of its kind, even when its
// path sorts first: tests check code that must be in.
func TestTestsComeAfterCode(t *testing.T) {
	var code, tests strings.Builder
	code.WriteString("package app\n\n")
	tests.WriteString("package e2e\n\nimport \"testing\"\n\n")
	for i := range 30 {
		fmt.Fprintf(&code, "func Step%d(x int) int {\n\treturn x + %d\n}\n\n", i, i)
		fmt.Fprintf(&tests, "func TestCLI%d(t *testing.T) {\n\trun(t, %d)\n}\n\n", i, i)
	}
	in := changeOf(map[string][2]string{
		"app/src/steps.go":    {"package app\n", code.String()},
		"app/e2e/cli_test.go": {"package e2e\n", tests.String()},
	})
	in.Policy.Budget.Lines = 100
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	at := partOf(plan)
	if first, last := slices.Min(at["app/e2e/cli_test.go"]), slices.Max(at["app/src/steps.go"]); first < last {
		t.Errorf("tests start at part %d, before the code's last part %d: %+v", first, last, plan.Parts)
	}
}

// Two code parts that need each other form a cycle; the docs part, ready
// all along and first by path, still goes last rather than ahead of the
// cycle, and what the cycle needs goes before it.
func TestOrderPlacesACycleWhereItsFirstMemberGoes(t *testing.T) {
	w := &work{}
	var groups []*group
	add := func(path string, class size.Class) *group {
		w.files = append(w.files, fileInfo{FileChange: analyzer.FileChange{Path: path}, class: class})
		g := &group{id: len(groups), files: map[int]bool{len(w.files) - 1: true}, alive: true}
		groups = append(groups, g)
		return g
	}
	docs := add("0docs/guide.md", size.Docs)
	a := add("aa/a.go", size.Code)
	b := add("bb/b.go", size.Code)
	base := add("zz/base.go", size.Code)
	kinds := map[int]Kind{docs.id: KindDocs, a.id: KindConsumer, b.id: KindConsumer, base.id: KindProvider}
	needs := map[int]map[int]bool{a.id: {b.id: true}, b.id: {a.id: true, base.id: true}}
	var got []string
	for _, g := range w.order(groups, kinds, needs, nil) {
		got = append(got, w.files[slices.Collect(maps.Keys(g.files))[0]].Path)
	}
	want := []string{"zz/base.go", "aa/a.go", "bb/b.go", "0docs/guide.md"}
	if !slices.Equal(got, want) {
		t.Errorf("order = %q, want %q", got, want)
	}
}

// A toolchain bump with the docs that announce it (the MSRV in CI and in
// the README), and the settings of the checkers CI runs, are dependency
// and build changes: the bottom of the stack.
func TestToolchainBumpWithItsDocsIsADependencyPart(t *testing.T) {
	in := changeOf(map[string][2]string{
		".github/workflows/ci.yml": {"rust: 1.63\n", "rust: 1.66\n"},
		"README.md":                {"MSRV: 1.63\n", "MSRV: 1.66\n"},
		"_typos.toml":              {"[default]\n", "[default]\nextend-ignore = [\"ser\"]\n"},
		"docs/guide.md":            {"# Guide\n", "# Guide\n\nMore.\n"},
	})
	w, _ := linkedChange(t, in)
	index := map[string]int{}
	for i, f := range w.files {
		index[f.Path] = i
	}
	group := func(paths ...string) *group {
		g := &group{files: map[int]bool{}}
		for _, p := range paths {
			g.files[index[p]] = true
		}
		return g
	}
	for _, tc := range []struct {
		paths []string
		want  Kind
	}{
		{[]string{".github/workflows/ci.yml", "README.md"}, KindDependencies},
		{[]string{"_typos.toml"}, KindDependencies},
		{[]string{"README.md", "docs/guide.md"}, KindDocs},
	} {
		if got := w.kindOf(group(tc.paths...), false); got != tc.want {
			t.Errorf("%v: kind %s, want %s", tc.paths, got, tc.want)
		}
	}
}
