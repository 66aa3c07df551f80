package split

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

func TestBaseNamesAreTheShortestDistinctTails(t *testing.T) {
	got := baseNames([]string{
		"playground/vue/components/HelloWorld.vue",
		"playground/react/components/HelloWorld.vue",
		"playground/vue/main.js",
		"a/b", "c/a/b",
	})
	want := []string{"vue/components/HelloWorld.vue", "react/components/HelloWorld.vue", "main.js", "a/b", "c/a/b"}
	if strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("baseNames = %q, want %q", got, want)
	}
}

// A part of files without lines is named by their status: a modified
// image is changed, a new one added.
func TestTitleVerbOfFilesWithoutLines(t *testing.T) {
	for _, tc := range []struct {
		status analyzer.Status
		want   string
	}{
		{analyzer.Modified, "Change logo.png"},
		{analyzer.Added, "Add logo.png"},
		{analyzer.Removed, "Remove logo.png"},
	} {
		in := Input{Policy: size.DefaultPolicy()}
		in.Change.Files = []analyzer.FileChange{{Path: "logo.png", Status: tc.status, Binary: true}}
		plan, err := Split(in)
		if err != nil {
			t.Fatal(err)
		}
		if len(plan.Parts) != 1 || plan.Parts[0].Title != tc.want {
			t.Errorf("%s binary: parts %+v, want one titled %q", tc.status, plan.Parts, tc.want)
		}
	}
}

// A part's title names what it changes: a part of tests by its tests,
// and lines added to an existing file are added to it, not a new file.
func TestTitleOfPartsWithoutCodeNames(t *testing.T) {
	for _, tc := range []struct {
		name       string
		path       string
		base, head string
		want       string
	}{
		{"test part", "site/build_test.go",
			"package site\n\nfunc TestBuild(t *testing.T) {\n\tbuild()\n}\n",
			"package site\n\nfunc TestBuild(t *testing.T) {\n\tbuild()\n\tbuild()\n}\n",
			"Change TestBuild in site"}, // a line added to a test that was there changes it
		{"new declaration", "site/build.go",
			"package site\n\nfunc build() {}\n",
			"package site\n\nfunc build() {}\n\nfunc clean() {\n\tbuild()\n}\n",
			"Add clean in site"},
		{"lines added to a file", "notes.txt", "one\ntwo\n", "one\ntwo\nthree\n", "Add to notes.txt"},
		{"lines removed from a file", "notes.txt", "one\ntwo\nthree\n", "one\ntwo\n", "Remove from notes.txt"},
		{"new file", "notes.txt", "", "one\n", "Add notes.txt"},
		{"deleted file", "notes.txt", "one\n", "", "Remove notes.txt"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			plan, err := Split(changeOf(map[string][2]string{tc.path: {tc.base, tc.head}}))
			if err != nil {
				t.Fatal(err)
			}
			if len(plan.Parts) != 1 || plan.Parts[0].Title != tc.want {
				t.Errorf("parts %+v, want one titled %q", plan.Parts, tc.want)
			}
		})
	}
}

// Re-indented or re-documented lines in a file the change edits anyway go
// with the edit, even when they outnumber it; a file that is only
// reformatted is a part of its own.
func TestTidyingGoesWithTheEditItSitsIn(t *testing.T) {
	edited := "package a\n\nfunc A(x int) int {\n\treturn x\n}\n\nfunc B() {}\n"
	editedHead := "package a\n\nfunc A(x int) int {\n\tif x < 0 {\n\t\treturn -x\n\t}\n\ty := x * 2\n\treturn y + 1\n}\n\nfunc B()  {}\n"
	documented := "package d\n\n// D does.\nfunc D() {}\n\n// E does.\nfunc E() {}\n\nfunc F() int {\n\treturn 1\n}\n"
	documentedHead := "package d\n\n// D does the first thing,\n// as the caller asked,\n// and returns nothing.\nfunc D() {}\n\n// E does the second thing,\n// and says nothing.\nfunc E() {}\n\nfunc F() int {\n\treturn 2\n}\n"
	reformatted := "package b\n\nfunc C() {\n\tcall()\n}\n"
	reformattedHead := "package b\n\nfunc C() {\n    call()\n}\n"
	plan, err := Split(changeOf(map[string][2]string{
		"a/a.go": {edited, editedHead},
		"b/b.go": {reformatted, reformattedHead},
		"d/d.go": {documented, documentedHead},
	}))
	if err != nil {
		t.Fatal(err)
	}
	parts := map[string][]string{}
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			parts[f.Path] = append(parts[f.Path], p.Title)
		}
	}
	if len(parts["a/a.go"]) != 1 || strings.HasPrefix(parts["a/a.go"][0], "Reformat") {
		t.Errorf("a/a.go is in parts %q, want one part with its edit", parts["a/a.go"])
	}
	if len(parts["d/d.go"]) != 1 || strings.HasPrefix(parts["d/d.go"][0], "Edit comments") {
		t.Errorf("d/d.go is in parts %q, want its comments with its edit", parts["d/d.go"])
	}
	if len(parts["b/b.go"]) != 1 || !strings.HasPrefix(parts["b/b.go"][0], "Reformat") {
		t.Errorf("b/b.go is in parts %q, want a part that reformats it", parts["b/b.go"])
	}
}

// A file re-indented in many hunks, with a real edit beside them, keeps
// its re-indented hunks in one part: they are one sweep (jsoup's pom.xml,
// tabs turned to spaces in 8 places, was cut into 5 parts).
func TestReindentedHunksOfOneFileStayTogether(t *testing.T) {
	sections := [][]string{
		{"<system>GitHub</system>", "<url>https://github.com/o/r/issues</url>"},
		{"<license>", "<name>The MIT License</name>", "<distribution>repo</distribution>", "</license>"},
		{"<url>https://github.com/o/r</url>"},
		{"<name>Jane Doe</name>", "<email>jane@example.com</email>"},
		{"<!-- this plugin checks API compatibility -->"},
		{"<excludes>", "<exclude>org/r/examples/**</exclude>", "</excludes>"},
		{"<includes>", "<include>org/r/main/**</include>", "</includes>"},
		{"<dependencies>", "</dependencies>"},
	}
	var base, head strings.Builder
	base.WriteString("<project>\n")
	head.WriteString("<project>\n")
	for i, sec := range sections {
		for _, l := range sec {
			base.WriteString("  \t" + l + "\n")
			head.WriteString("    " + l + "\n")
		}
		for j := range 12 {
			fmt.Fprintf(&base, "  <property%d_%d>value</property%d_%d>\n", i, j, i, j)
			fmt.Fprintf(&head, "  <property%d_%d>value</property%d_%d>\n", i, j, i, j)
		}
	}
	base.WriteString("  <version>9.2.26</version>\n</project>\n")
	head.WriteString("  <version>9.2.28</version>\n</project>\n")
	plan, err := Split(changeOf(map[string][2]string{
		"pom.xml": {base.String(), head.String()},
		"LICENSE": {"Copyright 2020 A\nMIT\n", "Copyright 2021 A\nMIT\n"},
	}))
	if err != nil {
		t.Fatal(err)
	}
	var reindented []int
	for _, p := range plan.Parts {
		for _, f := range p.Files {
			for _, h := range f.Hunks {
				if f.Path == "pom.xml" && !strings.Contains(h.Lines[0].Text, "version") && !slices.Contains(reindented, p.Index) {
					reindented = append(reindented, p.Index)
				}
			}
		}
	}
	if len(reindented) != 1 {
		t.Errorf("the re-indented hunks of pom.xml are in parts %v, want one", reindented)
	}
}

func TestInfraTitle(t *testing.T) {
	for _, tc := range []struct {
		files []string
		want  string
	}{
		{[]string{".github/workflows/release.yml"}, "Update CI settings: release.yml"},
		{[]string{".github/workflows/ci.yml", ".gitlab-ci.yml"}, "Update CI settings: ci.yml and .gitlab-ci.yml"},
		{[]string{"go.mod", "go.sum"}, "Update dependencies and build files: go.mod and go.sum"},
		{[]string{".github/workflows/ci.yml", "Makefile"}, "Update dependencies and build files: ci.yml and Makefile"},
	} {
		if got := infraTitle(tc.files); got != tc.want {
			t.Errorf("infraTitle(%q) = %q, want %q", tc.files, got, tc.want)
		}
	}
}

func TestPrintableKeepsATitleOnOneLine(t *testing.T) {
	for in, want := range map[string]string{
		"Add main.go":          "Add main.go",
		"Add new\nline.txt":    `Add new\nline.txt`,
		"Add tab\there.txt":    `Add tab\there.txt`,
		"Add bell\x07.txt":     `Add bell\a.txt`,
		"Add ünïcödé.txt":      "Add ünïcödé.txt",
		"Add nul\x00and\x1b.x": `Add nul\x00and\x1b.x`,
	} {
		if got := printable(in); got != want {
			t.Errorf("printable(%q) = %q, want %q", in, got, want)
		}
	}
}

// No two parts share a title, before or after --fewest-parts: each names a
// pull request a reviewer must tell apart from the others.
func TestPartTitlesAreDistinct(t *testing.T) {
	budgets := []size.Budget{{Lines: 400, Files: 40}, {Lines: 12, Files: 2}, {Lines: 1, Files: 1}}
	forGeneratedPlans(t, 300, budgets, func(seed int64, in Input, plan Plan) {
		for _, p := range []Plan{plan, Consolidate(plan)} {
			seen := map[string]int{}
			for _, part := range p.Parts {
				if prev, dup := seen[part.Title]; dup {
					t.Fatalf("seed %d: parts %d and %d are both titled %q", seed, prev, part.Index, part.Title)
				}
				seen[part.Title] = part.Index
			}
		}
	})
}

// Parts that read alike by the names they change are named by their files:
// locale files that each add the same functions are told apart by name,
// not numbered.
func TestPartsAlikeAreNamedByTheirFiles(t *testing.T) {
	files := map[string][2]string{}
	for _, lang := range []string{"de", "fr", "ja"} {
		var b strings.Builder
		b.WriteString("export const error = (issue) => {\n")
		for i := range 40 {
			fmt.Fprintf(&b, "  if (issue.code === %d) return '%s %d';\n", i, lang, i)
		}
		b.WriteString("};\n")
		files["src/locales/"+lang+".ts"] = [2]string{"", b.String()}
	}
	files["docs/a/page.md"] = [2]string{"# A\n", "# A\n\n" + strings.Repeat("About a.\n", 50)}
	files["docs/b/page.md"] = [2]string{"# B\n", "# B\n\n" + strings.Repeat("About b.\n", 50)}
	in := changeOf(files)
	in.Policy.Budget.Lines = 45
	titles := splitTitles(t, in)
	for _, want := range []string{"Add de.ts in src/locales", "Add fr.ts in src/locales", "Add ja.ts in src/locales",
		"Update docs: docs/a/page.md", "Update docs: docs/b/page.md"} {
		if !slices.Contains(titles, want) {
			t.Errorf("no part titled %q among %q", want, titles)
		}
	}
}

// A docs part says it waits for the code it describes only when it names
// code the change touches.
func TestDocsRationaleSaysWhatItWaitsFor(t *testing.T) {
	var code strings.Builder
	code.WriteString("package calc\n\n")
	for i := range 30 {
		fmt.Fprintf(&code, "func Sum%d(x int) int {\n\treturn x + %d\n}\n\n", i, i)
	}
	prose := strings.Repeat("Some words about the project, line after line.\n", 14)
	for _, tc := range []struct{ doc, want string }{
		{"# Guide\n\nCall Sum3 to add three.\n" + prose, "once the code it describes is in"},
		{"# Sponsors\n\nThanks to everyone who gives.\n" + prose, "naming no code this change touches"},
	} {
		in := changeOf(map[string][2]string{
			"calc/sum.go":   {"package calc\n", code.String()},
			"docs/guide.md": {"# Guide\n", tc.doc},
		})
		in.Policy.Budget.Lines = 50
		plan, err := Split(in)
		if err != nil {
			t.Fatal(err)
		}
		var docs *Part
		for i, p := range plan.Parts {
			if p.Kind == KindDocs {
				docs = &plan.Parts[i]
			}
		}
		if docs == nil || !strings.Contains(docs.Rationale, tc.want) {
			t.Errorf("docs %q: parts %+v, want a docs part saying %q", tc.doc, plan.Parts, tc.want)
		}
	}
}

// A part of tests that builds on code says so, rather than calling itself
// self-contained.
func TestDependentTestsSayWhatTheyTest(t *testing.T) {
	var code, tests strings.Builder
	code.WriteString("package calc\n\n")
	tests.WriteString("package calc\n\nimport \"testing\"\n\n")
	for i := range 30 {
		fmt.Fprintf(&code, "func Sum%d(x int) int {\n\treturn x + %d\n}\n\n", i, i)
	}
	for i := range 12 {
		fmt.Fprintf(&tests, "func TestCheck%d(t *testing.T) {\n\tif Sum7(%d) < 0 {\n\t\tt.Fatal(%d)\n\t}\n}\n\n", i, i, i)
	}
	in := changeOf(map[string][2]string{
		"calc/sum.go":       {"package calc\n", code.String()},
		"other/sum_test.go": {"package calc\n", tests.String()},
	})
	in.Policy.Budget.Lines = 50
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range plan.Parts {
		if len(p.Files) == 1 && p.Files[0].Path == "other/sum_test.go" && len(p.DependsOn) > 0 {
			if strings.Contains(p.Rationale, "self-contained") {
				t.Errorf("part %d builds on %v but says %q", p.Index, p.DependsOn, p.Rationale)
			}
			return
		}
	}
	t.Errorf("no tests-only part that builds on code: %+v", plan.Parts)
}

// A part named by its files names those with changed lines first: the
// bundles and fonts rebuilt beside 400 lines of tests do not name it.
func TestTitleNamesFilesWithLinesFirst(t *testing.T) {
	in := changeOf(map[string][2]string{"test/extras_test.exs": {"", strings.Repeat("assert true\n", 30)}})
	for _, p := range []string{"assets/fonts/a.woff2", "assets/dist/b.js"} {
		in.Change.Files = append(in.Change.Files, analyzer.FileChange{Path: p, Status: analyzer.Modified, Binary: true})
	}
	w, _ := linkerOf(t, in)
	g := &group{files: map[int]bool{}}
	for _, a := range w.atoms {
		g.add(a)
	}
	if got := w.title(g, KindConsumer); !strings.HasPrefix(got, "Add to extras_test.exs") && !strings.HasPrefix(got, "Change extras_test.exs") {
		t.Errorf("title %q, want it to start with the test file", got)
	}
}

// The same bump in several CI or requirements files is titled by what it
// bumps, not only by the files.
func TestRepeatedBumpIsTitledByItsEdit(t *testing.T) {
	files := map[string][2]string{}
	for _, name := range []string{"ci", "lint", "release"} {
		files[".github/workflows/"+name+".yml"] = [2]string{
			"jobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4.1.4\n",
			"jobs:\n  build:\n    steps:\n      - uses: actions/checkout@v4.1.6\n",
		}
	}
	plan, err := Split(changeOf(files))
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 1 || plan.Parts[0].Title != "Update CI settings: replace `v4.1.4` with `v4.1.6` in 3 files" {
		t.Errorf("parts %+v, want one titled by the bump", plan.Parts)
	}
}

func TestNaturalLess(t *testing.T) {
	names := []string{"N1_10", "N1_2", "N1_1", "Step10", "Step9", "a", "A", "x02", "x1"}
	slices.SortFunc(names, func(a, b string) int {
		switch {
		case naturalLess(a, b):
			return -1
		case naturalLess(b, a):
			return 1
		}
		return 0
	})
	if want := []string{"A", "N1_1", "N1_2", "N1_10", "Step9", "Step10", "a", "x1", "x02"}; !slices.Equal(names, want) {
		t.Errorf("sorted %v, want %v", names, want)
	}
}

// A part is called small only when it is: 300 lines of a 400-line budget
// are not.
func TestOnlySmallPartsAreCalledSmall(t *testing.T) {
	for _, tc := range []struct {
		lines int
		small bool
	}{{20, true}, {300, false}} {
		var b strings.Builder
		for i := range tc.lines {
			fmt.Fprintf(&b, "line %d\n", i)
		}
		in := changeOf(map[string][2]string{"notes/data.txt": {"", b.String()}})
		plan, err := Split(in)
		if err != nil {
			t.Fatal(err)
		}
		r := plan.Parts[0].Rationale
		if strings.Contains(r, "small") != tc.small {
			t.Errorf("%d lines: rationale %q", tc.lines, r)
		}
	}
}

// An over-budget part says what must ship whole, as far as it shows it.
func TestOverBudgetSaysWhatShipsWhole(t *testing.T) {
	var b strings.Builder
	for i := range 60 {
		fmt.Fprintf(&b, "line %d\n", i)
	}
	in := changeOf(map[string][2]string{"notes/data.txt": {"", b.String()}})
	in.Policy.Budget.Lines = 10
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if r := plan.Parts[0].Rationale; !strings.Contains(r, "would split a new file, which ships whole") {
		t.Errorf("rationale %q", r)
	}
}

// A dependency part names what it updates, as its author would.
func TestDependencyNames(t *testing.T) {
	tests := []struct{ dep, want string }{
		{"github.com/go-playground/validator/v10", "validator"},
		{"golang.org/x/net", "x/net"},
		{"github.com/quic-go/quic-go", "quic-go"},
		{"@types/node", "@types/node"},
		{"serde", "serde"},
		{"gopkg.in/yaml.v3", "yaml.v3"},
	}
	for _, tt := range tests {
		if got := dependencyName(tt.dep); got != tt.want {
			t.Errorf("dependencyName(%q) = %q, want %q", tt.dep, got, tt.want)
		}
	}
}

// A manifest that only drops dependencies is titled by what it drops.
func TestDependencyRemovalTitle(t *testing.T) {
	in := changeOf(map[string][2]string{
		"assets/package.json": {"{\n  \"dependencies\": {\n    \"handlebars\": \"^4.7.6\",\n    \"jquery\": \"^3.5.0\",\n    \"lunr\": \"^2.3.8\"\n  }\n}\n",
			"{\n  \"dependencies\": {\n    \"handlebars\": \"^4.7.6\",\n    \"lunr\": \"^2.3.8\"\n  }\n}\n"},
	})
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	if len(plan.Parts) != 1 || plan.Parts[0].Title != "Remove dependencies: jquery" {
		t.Errorf("parts %+v, want one titled %q", plan.Parts, "Remove dependencies: jquery")
	}
}

// Only lines inside a manifest's dependency sections name dependencies:
// a package.json script or Cargo.toml's edition is none.
func TestDependenciesComeFromDependencySections(t *testing.T) {
	tests := []struct {
		path, base, head string
		want             string
	}{
		{"package.json",
			"{\n  \"scripts\": {\n    \"dev\": \"vite\"\n  },\n  \"devDependencies\": {\n    \"vite\": \"^5.0.0\"\n  }\n}\n",
			"{\n  \"scripts\": {\n    \"dev\": \"vite --host\"\n  },\n  \"devDependencies\": {\n    \"vite\": \"^5.1.0\"\n  }\n}\n",
			"Update dependencies: vite"},
		{"Cargo.toml",
			"[package]\nname = \"rg\"\nedition = \"2018\"\nversion = \"1.0.0\"\n\n[dependencies]\nregex = \"1.9\"\n",
			"[package]\nname = \"rg\"\nedition = \"2021\"\nversion = \"1.0.0\"\n\n[dependencies]\nregex = \"1.10\"\n",
			"Update dependencies: regex"},
		{"pyproject.toml",
			"[project]\nname = \"app\"\nversion = \"1.0\"\ndependencies = [\n  \"requests>=2.0\",\n]\n",
			"[project]\nname = \"app\"\nversion = \"1.1\"\ndependencies = [\n  \"requests>=2.31\",\n]\n",
			"Update dependencies: requests"},
		{"Cargo.toml",
			"[package]\nname = \"rg\"\n\n[target.'cfg(all(target_env = \"musl\"))'.dependencies.tikv-jemallocator]\nversion = \"0.5.0\"\n",
			"[package]\nname = \"rg\"\n\n[target.'cfg(all(target_env = \"musl\"))'.dependencies.tikv-jemallocator]\nversion = \"0.6.0\"\n",
			"Update dependencies: tikv-jemallocator"},
		{"pyproject.toml",
			"[project]\nname = \"flask\"\n\n[dependency-groups]\ndocs = [\n    \"sphinx>=7\",\n]\n",
			"[project]\nname = \"flask\"\n\n[dependency-groups]\ndocs = [\n    \"sphinx>=8\",\n]\n",
			"Update dependencies: sphinx"},
	}
	for _, tt := range tests {
		titles := splitTitles(t, changeOf(map[string][2]string{tt.path: {tt.base, tt.head}}))
		if !slices.Contains(titles, tt.want) || strings.Contains(strings.Join(titles, " "), ": dev") || strings.Contains(strings.Join(titles, " "), "edition") {
			t.Errorf("%s: titles %q, want one %q and no other dependency", tt.path, titles, tt.want)
		}
	}
}

// A dependency bump with the few lines of code the new version needs is a
// dependency part, named by what it bumps and what it adapts.
func TestBumpWithItsAdaptationIsADependencyPart(t *testing.T) {
	in := changeOf(map[string][2]string{
		"package.json":   {"{\n  \"devDependencies\": {\n    \"vitest\": \"^3.2.0\"\n  }\n}\n", "{\n  \"devDependencies\": {\n    \"vitest\": \"^4.0.0\"\n  }\n}\n"},
		"pnpm-lock.yaml": {"lockfileVersion: '9.0'\n\nvitest:\n  specifier: ^3.2.0\n  version: 3.2.4\n", "lockfileVersion: '9.0'\n\nvitest:\n  specifier: ^4.0.0\n  version: 4.0.1\n"},
		"vitest-env.ts":  {"export default { name: 'xhtml', transformMode: 'web' }\n", "export default { name: 'xhtml', viteEnvironment: 'client' }\n"},
	})
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	g := &group{files: map[int]bool{}, alive: true}
	for _, a := range w.atoms {
		g.add(a)
	}
	kind := w.kindOf(g, false)
	if title := w.title(g, kind); kind != KindDependencies || title != "Update dependencies: vitest, and adapt vitest-env.ts" {
		t.Errorf("kind %s, title %q; want a dependency part titled by the bump and what it adapts", kind, title)
	}
}

// splitTitles splits in and returns its parts' titles, bottom first.
func splitTitles(t *testing.T, in Input) []string {
	t.Helper()
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	titles := make([]string, len(plan.Parts))
	for i, p := range plan.Parts {
		titles[i] = p.Title
	}
	return titles
}
