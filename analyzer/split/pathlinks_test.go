package split

import (
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

func TestFixtureOwner(t *testing.T) {
	for _, tc := range []struct {
		path, owner string
		names       []string
	}{
		{"go/types/testdata/shifts.src", "go/types", []string{"shifts"}},
		{"gopls/testdata/fillstruct/typeparams.go.golden", "gopls", []string{"fillstruct", "typeparams"}},
		{"src/__tests__/__snapshots__/utils.spec.ts.snap", "src/__tests__", []string{"utils"}},
		{"testdata/a.txt", ".", []string{"a"}},
		{"go/types/expr.go", "", nil},
		{"testdata", "", nil}, // a file named like a root is not under one
	} {
		owner, names := fixtureOwner(tc.path)
		if owner != tc.owner || len(names) != len(tc.names) {
			t.Errorf("fixtureOwner(%q) = %q, %q; want %q, %q", tc.path, owner, names, tc.owner, tc.names)
			continue
		}
		for i := range names {
			if names[i] != tc.names[i] {
				t.Errorf("fixtureOwner(%q) names = %q, want %q", tc.path, names, tc.names)
			}
		}
	}
}

func TestFixturesLinkWithTheCodeTheyPin(t *testing.T) {
	add := func(path string) analyzer.FileChange {
		return analyzer.FileChange{Path: path, Status: analyzer.Modified, Additions: 1,
			Hunks: []analyzer.Hunk{{OldStart: 1, NewStart: 2, NewLines: 1, Lines: []analyzer.Line{{Op: analyzer.Add, Text: "x := 1"}}}}}
	}
	files := []string{
		"go/types/expr.go",                        // 0: owns go/types/testdata
		"go/types/testdata/shifts.src",            // 1
		"gopls/analysis/fillstruct/fillstruct.go", // 2: named by the golden file's directory
		"gopls/testdata/fillstruct/a.go.golden",   // 3
		"web/server.go",                           // 4: unrelated
	}
	in := Input{Policy: size.DefaultPolicy()}
	for _, p := range files {
		in.Change.Files = append(in.Change.Files, add(p))
	}
	w, err := prepare(in)
	if err != nil {
		t.Fatal(err)
	}
	w.describeAtoms()
	l := w.newLinker()
	fixture := func(i, j int) bool {
		fl := l.files[pairKey(i, j)]
		return fl != nil && fl.fixture
	}
	for _, tc := range []struct {
		i, j int
		want bool
	}{
		{0, 1, true}, {2, 3, true}, {1, 2, false}, {0, 3, false}, {1, 4, false}, {3, 4, false},
	} {
		if got := fixture(tc.i, tc.j); got != tc.want {
			t.Errorf("fixture link %s ↔ %s = %v, want %v", files[tc.i], files[tc.j], got, tc.want)
		}
	}
}

func TestTestsLinkWithTheDeclarationTheirNameSpells(t *testing.T) {
	in := changeOf(map[string][2]string{
		"lib/response.js": {"res.send = function send(body) {\n  return this\n};\n",
			"res.send = function send(body) {\n  this.end(body)\n  return this\n};\n"},
		"lib/request.js":        {"req.query = 1;\n", "req.query = 2;\n"},
		"test/res.send.js":      {"it('sends')\n", "it('sends')\nit('sends a buffer')\n"},
		"test/parseUrl.test.ts": {"it('a')\n", "it('b')\n"},
		"src/url.ts":            {"export function parseUrl(s) {\n  return s\n}\n", "export function parseUrl(s) {\n  return s.trim()\n}\n"},
	})
	_, link := linkedChange(t, in)
	for _, tc := range []struct {
		test, code string
		want       bool
	}{
		{"test/res.send.js", "lib/response.js", true},
		{"test/res.send.js", "lib/request.js", false},
		{"test/parseUrl.test.ts", "src/url.ts", true},
		{"test/parseUrl.test.ts", "lib/response.js", false},
	} {
		if got := link(tc.test, tc.code).testPair; got != tc.want {
			t.Errorf("test link %s ↔ %s = %v, want %v", tc.test, tc.code, got, tc.want)
		}
	}
}
