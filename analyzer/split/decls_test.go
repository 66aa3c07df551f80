package split

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer"
)

// segmentsOf renders a file's declarations as "key → name", in order.
func segmentsOf(p, src string) []string {
	var out []string
	for _, seg := range indexFile(p, []byte(src)).segs {
		out = append(out, seg.key+" → "+seg.name)
	}
	return out
}

// keysByLine renders a file's declarations as one key per line.
func keysByLine(p, src string) []string {
	idx := indexFile(p, []byte(src))
	n := strings.Count(src, "\n")
	out := make([]string, n)
	for i := range out {
		out[i] = idx.at(i)
	}
	return out
}

func TestGoDeclarations(t *testing.T) {
	src := `// Package p does things.
package p

import "fmt"

// T is a type.
type T struct{}

// Hello greets.
func (t *T) Hello() { fmt.Println("hi") }

const (
	A = 1
	// B is two.
	B = 2
)

func F[X any](x X) X {
	return x
}
`
	want := []string{
		"package", "package", "import", "import",
		"type T", "type T", "type T",
		"method T.Hello", "method T.Hello", "method T.Hello",
		"const A", "const A", "const A", "const B", "const B", "const B",
		"func F", "func F", "func F", "func F",
	}
	if diff := cmp.Diff(want, keysByLine("p.go", src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestGoDeclarationsOfABrokenFile(t *testing.T) {
	src := "package p\n\nfunc (r *Repo[K]) Open() {\n\tif {\n}\n\nfunc Close() {}\n"
	got := keysByLine("p.go", src)
	if got[2] != "method Repo.Open" || got[6] != "func Close" {
		t.Errorf("fallback scanner keys = %q", got)
	}
}

func TestScriptDeclarations(t *testing.T) {
	src := "import { a } from './a'\n" + // 0
		"// adds\n" + // 1
		"export async function add(x: number) {\n" + // 2
		"  const s = `${x + '}'}` // } in a template\n" + // 3
		"  return /}/.test(s)\n" + // 4
		"}\n" + // 5
		"export class Box {\n" + // 6
		"  size = 1\n" + // 7
		"  /** grows */\n" + // 8
		"  grow(n) {\n" + // 9
		"    return n\n" + // 10
		"  }\n" + // 11
		"}\n" + // 12
		"describe('box', () => {\n" + // 13
		"  it('grows', () => {})\n" + // 14
		"})\n" // 15
	want := []string{
		"import { a } from './a'", "function add", "function add", "function add", "function add", "function add",
		"class Box", "class Box.member size", "class Box.member grow", "class Box.member grow",
		"class Box.member grow", "class Box.member grow", "class Box.member grow",
		"call describe('box', () => {", "call describe('box', () => {.call it('grows', () => {})",
		"call describe('box', () => {.call it('grows', () => {})",
	}
	if diff := cmp.Diff(want, keysByLine("box.ts", src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// CommonJS and prototype-style assignments are declarations named by
// what callers write after the dot.
func TestScriptMemberAssignments(t *testing.T) {
	src := "res.send = function send(body) {\n" + // 0
		"  return this\n" + // 1
		"};\n" + // 2
		"Router.prototype.use = function use(fn) {};\n" + // 3
		"exports.parse = parse;\n" + // 4
		"a.b == c;\n" // 5
	got := segmentsOf("lib/response.js", src)
	want := []string{
		"member res.send → send", "member Router.prototype.use → use",
		"member exports.parse → parse", "stmt a.b == c; → ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

// Inside a describe block, hooks and loops are blocks of their own that
// declare no name: a part is never titled "Add before" or "Change for",
// and two loops are not one declaration.
func TestScriptHooksAndStatementsDeclareNoName(t *testing.T) {
	src := "describe('store', () => {\n" + // 0
		"  let fixture;\n" + // 1
		"  before(async () => {\n" + // 2
		"    fixture = await load();\n" + // 3
		"  });\n" + // 4
		"  for (const id of ids) {\n" + // 5
		"    it(id, () => {});\n" + // 6
		"  }\n" + // 7
		"  for (const id of more) {\n" + // 8
		"    it(id, () => {});\n" + // 9
		"  }\n" + // 10
		"});\n" // 11
	got := segmentsOf("store.test.js", src)
	want := []string{
		"call describe('store', () => { → ",
		"call describe('store', () => {.let fixture → fixture",
		"call describe('store', () => {.call before(async () => { → ",
		"call describe('store', () => {.stmt for (const id of ids) { → ",
		"call describe('store', () => {.stmt for (const id of more) { → ",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestPythonDeclarations(t *testing.T) {
	src := "import os\n" + // 0
		"from x import y\n" + // 1
		"\n" + // 2
		"LIMIT = 3\n" + // 3
		"@cached\n" + // 4
		"def load(path):\n" + // 5
		"    '''Load it.\n" + // 6
		"def not_a_def():\n" + // 7 (inside the docstring)
		"    '''\n" + // 8
		"    return (1,\n" + // 9
		"2)\n" + // 10 (a continuation at column 0)
		"class Store:\n" + // 11
		"    def get(self):\n" + // 12
		"        return 1\n" // 13
	want := []string{
		"import os", "import from x import y", "import from x import y", "var LIMIT", "def load", "def load", "def load", "def load",
		"def load", "def load", "def load", "class Store", "def Store.get", "def Store.get",
	}
	if diff := cmp.Diff(want, keysByLine("store.py", src)); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestCutPairsEditsOfOneDeclaration(t *testing.T) {
	// A hunk that edits the end of f and inserts g: the edit to f and the
	// new g become two atoms, in order, each a valid hunk.
	decl := func(keys ...string) func(int) string {
		return func(i int) string { return keys[i] }
	}
	b := block{oldIdx: 10, newIdx: 10,
		dels: lines("-", "\treturn 1"),
		adds: lines("+", "\treturn 2", "}", "", "func g() {}")}
	atoms := cut(b, decl(append(make([]string, 10), "func f")...), decl(append(make([]string, 10), "func f", "func f", "func g", "func g")...))
	if len(atoms) != 2 {
		t.Fatalf("got %d atoms, want 2", len(atoms))
	}
	f, g := atoms[0].partHunk(), atoms[1].partHunk()
	if f.OldStart != 11 || f.OldLines != 1 || f.NewStart != 11 || f.NewLines != 2 {
		t.Errorf("edit of f = %+v", f)
	}
	if g.OldStart != 11 || g.OldLines != 0 || g.NewStart != 13 || g.NewLines != 2 {
		t.Errorf("insertion of g = %+v", g)
	}
}

func lines(op string, texts ...string) []analyzer.Line {
	out := make([]analyzer.Line, len(texts))
	for i, s := range texts {
		out[i] = analyzer.Line{Op: analyzer.Op(op[0]), Text: s}
	}
	return out
}

// A whole call statement declares nothing; a method, or a signature that
// opens its parameters on the line, does.
func TestScriptDeclCallsDeclareNothing(t *testing.T) {
	for line, want := range map[string]string{
		"expect(result).toBe(3);": "",
		"main()":                  "",
		"render(x) {":             "render",
		"handler = (req) => {":    "handler",
		"constructor(":            "constructor",
		"get(key: string): V {":   "get",
	} {
		if got := scriptDecl(line).name; got != want {
			t.Errorf("scriptDecl(%q).name = %q, want %q", line, got, want)
		}
	}
}
