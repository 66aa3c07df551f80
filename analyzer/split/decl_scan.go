package split

import (
	"bytes"
	"regexp"
	"strings"
)

// segBuilder collects flattened segments from a line scanner: each new
// declaration ends the previous one; comment and decorator lines just
// above a declaration belong to it.
type segBuilder struct {
	segs    []segment
	pending int // first comment or decorator line waiting for a declaration, or -1
}

func newSegBuilder() *segBuilder { return &segBuilder{pending: -1} }

func (b *segBuilder) lead(i int) {
	if b.pending < 0 {
		b.pending = i
	}
}

func (b *segBuilder) start(i int, key, name string) {
	if b.pending >= 0 {
		i, b.pending = b.pending, -1
	}
	if n := len(b.segs); n > 0 {
		b.segs[n-1].end = i
	}
	b.segs = append(b.segs, segment{start: i, end: i + 1, key: key, name: name})
}

func (b *segBuilder) code() { b.pending = -1 }

func (b *segBuilder) finish(lines int) []segment {
	if n := len(b.segs); n > 0 {
		b.segs[n-1].end = lines
	}
	return b.segs
}

// scriptSegments finds TypeScript/JavaScript declarations: every statement
// that starts a line at the top level (functions, classes, interfaces,
// types, enums, variables, exports, imports, test suites), and the members
// of classes, interfaces, namespaces and describe blocks.
func scriptSegments(src []byte) []segment {
	var lx scriptLexer
	return memberSegments(src, lx.lexLines(src), lineScanner{
		lead: func(t string) bool {
			return strings.HasPrefix(t, "//") || strings.HasPrefix(t, "/*") || strings.HasPrefix(t, "*") || strings.HasPrefix(t, "@")
		},
		decl: scriptDecl,
		// A top-level statement starts unindented: an indented line at
		// depth 0 continues the one above (a chained call, a long type).
		unindented: true,
	})
}

// lineScanner is what a brace language's declaration scan needs to know
// about it.
type lineScanner struct {
	lead       func(t string) bool     // comment, decorator or attribute lines above a declaration
	decl       func(t string) declInfo // what a declaration's first line declares
	unindented bool                    // top-level declarations start in column 0
}

// memberSegments walks a file's lines with their lexer states: a line that
// starts at the top level starts a declaration, and inside a container
// (a class, an impl, a namespace, a describe block) so does a line one
// level in, down through nested containers (a class in a namespace).
func memberSegments(src []byte, states []lineState, sc lineScanner) []segment {
	lines := bytes.Split(src, []byte{'\n'})
	b := newSegBuilder()
	var open []openContainer // innermost last
	// memberDepth is where a container's members sit: one level inside
	// the header's last bracket (1 in a class body, 2 in
	// describe('x', () => { ... })), read from the line after the header
	// or after a brace on its own line.
	memberDepth := func(i int) int {
		if i+1 < len(states) {
			return max(states[i+1].depth, 1)
		}
		return 1
	}
	header := -1 // the latest header's depth, while its brace may follow
	for i, raw := range lines {
		st, l := states[i], string(raw)
		t := strings.TrimSpace(l)
		if !st.code || t == "" {
			continue
		}
		if t[0] == '{' && st.depth == header {
			// A brace on its own line (Allman style, common in C#, C++
			// and PHP) opens the declaration above.
			b.code()
			if n := len(open); n > 0 && open[n-1].header == header {
				open[n-1].depth = memberDepth(i)
			}
			continue
		}
		for len(open) > 0 && st.depth < open[len(open)-1].depth {
			open = open[:len(open)-1] // left the container
		}
		member := len(open) > 0 && st.depth == open[len(open)-1].depth
		switch {
		case sc.lead(t):
			if st.depth == 0 || member {
				b.lead(i)
			}
		case st.depth == 0 && !(sc.unindented && startsIndented(l)) && !closes(t):
			d := sc.decl(t)
			b.start(i, d.key, d.name)
			open, header = open[:0], 0
			if d.container {
				open = append(open, openContainer{key: d.key, depth: memberDepth(i), header: 0})
			}
		case member && !closes(t):
			d := sc.decl(t)
			key := open[len(open)-1].key + "." + d.key
			b.start(i, key, d.name)
			header = st.depth
			if d.container {
				open = append(open, openContainer{key: key, depth: memberDepth(i), header: st.depth})
			}
		default:
			b.code()
			header = -1
		}
	}
	return b.finish(len(lines))
}

// openContainer is a container whose members are being read.
type openContainer struct {
	key    string
	depth  int // the depth of its members
	header int // the depth of its header line
}

func startsIndented(l string) bool { return l != "" && (l[0] == ' ' || l[0] == '\t') }

func closes(t string) bool { return t[0] == '}' || t[0] == ')' || t[0] == ']' }

// declInfo is what a declaration's first line declares, in any scanned
// language: its key, the name others would use, and whether members follow.
type declInfo struct {
	key, name string
	container bool
}

var scriptModifiers = map[string]bool{
	"export": true, "default": true, "declare": true, "async": true, "abstract": true,
	"public": true, "private": true, "protected": true, "static": true, "readonly": true,
	"override": true, "get": true, "set": true, "accessor": true,
}

var scriptKeywords = map[string]bool{
	"function": true, "function*": true, "class": true, "interface": true, "type": true,
	"enum": true, "const": true, "let": true, "var": true, "namespace": true, "module": true,
}

// scriptDecl reads what a statement's first line declares.
func scriptDecl(t string) declInfo {
	if scriptRequire.MatchString(t) && strings.HasPrefix(strings.TrimSpace(t), scriptRequire.FindString(t)) {
		// CommonJS: an import, which goes with its uses, and still names
		// what it binds (const t = require('tap') declares t).
		name := ""
		if m := scriptRequire.FindStringSubmatch(t); m != nil && !strings.HasPrefix(m[1], "{") {
			name = m[1]
		}
		return declInfo{key: importKey + strings.TrimSpace(t), name: name}
	}
	words := strings.Fields(t)
	k := 0
	// "get" and "set" are modifiers only when a name follows: get foo() {}.
	for k < len(words)-1 && scriptModifiers[words[k]] {
		k++
	}
	if k < len(words) && scriptKeywords[words[k]] && k+1 < len(words) {
		name := leadingIdent(words[k+1])
		kw := strings.TrimSuffix(words[k], "*")
		container := kw == "class" || kw == "interface" || kw == "namespace" || kw == "module"
		return declInfo{key: kw + " " + name, name: name, container: container}
	}
	if k < len(words) && words[k] == "import" {
		return declInfo{key: importKey + strings.Join(words[k+1:], " ")} // each import goes with its uses
	}
	rest := strings.Join(words[k:], " ")
	if m := memberAssignment.FindStringSubmatch(rest); m != nil {
		// CommonJS and prototype style: res.send = function send() {},
		// exports.parse = ..., Router.prototype.use = ...: the name is
		// what callers write after the dot.
		return declInfo{key: "member " + m[1], name: m[2]}
	}
	if name := leadingIdent(rest); name != "" && !controlWords[name] {
		if call := strings.TrimPrefix(rest, name); strings.HasPrefix(call, "(") && (testCalls[name] || testHooks[name]) {
			return declInfo{key: "call " + clipKey(rest), container: testCalls[name]}
		}
		after := strings.TrimLeft(rest[len(name):], " \t")
		// A whole call statement, expect(x).toBe(y); or main(), declares
		// nothing: a method reads name(…) { or name(…) =>, or opens its
		// parameters on the line, constructor(.
		end := strings.TrimSpace(after)
		call := after != "" && after[0] == '(' && !strings.ContainsAny(after, "{") && !strings.Contains(after, "=>") &&
			(strings.HasSuffix(end, ";") || strings.HasSuffix(end, ")"))
		if after != "" && strings.IndexByte("(<:=?!;", after[0]) >= 0 && !call {
			return declInfo{key: "member " + name, name: name}
		}
	}
	return declInfo{key: "stmt " + clipKey(t)}
}

// memberAssignment matches a top-level assignment to a dotted name.
var memberAssignment = regexp.MustCompile(`^((?:[A-Za-z_$][\w$]*\.)+([A-Za-z_$][\w$]*))\s*=[^=]`)

var testCalls = map[string]bool{"describe": true, "suite": true, "context": true, "it": true, "test": true}

// testHooks set up and tear down the tests around them: blocks of their
// own, named by no declaration (a part is not "Add before").
var testHooks = map[string]bool{
	"before": true, "after": true, "beforeEach": true, "afterEach": true, "beforeAll": true, "afterAll": true,
	"setup": true, "teardown": true, "suiteSetup": true, "suiteTeardown": true,
}

// controlWords start statements, not declarations: "for (…)" inside a
// describe block declares nothing, and two loops are not one declaration.
var controlWords = map[string]bool{
	"if": true, "for": true, "while": true, "do": true, "switch": true, "try": true, "catch": true,
	"return": true, "await": true, "yield": true, "throw": true, "new": true, "typeof": true,
	"delete": true, "void": true, "super": true, "this": true, "else": true, "with": true,
}

func clipKey(s string) string {
	if len(s) > 48 {
		return s[:48]
	}
	return s
}

// leadingIdent returns the identifier at the start of s ("" if none).
func leadingIdent(s string) string {
	for i, r := range s {
		if !isIdentRune(r, i) {
			return s[:i]
		}
	}
	return s
}

func isIdentRune(r rune, i int) bool {
	return r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= 0x80 ||
		(i > 0 && r >= '0' && r <= '9')
}

// goScan is the fallback for Go files that do not parse: a top-level
// declaration starts at a line beginning with its keyword.
func goScan(src []byte) []segment {
	lines := bytes.Split(src, []byte{'\n'})
	b := newSegBuilder()
	for i, raw := range lines {
		l := string(raw)
		switch {
		case strings.HasPrefix(l, "//"):
			b.lead(i)
		case l == "" || startsIndented(l) || closes(l):
		default:
			key, name := goScanDecl(l)
			b.start(i, key, name)
		}
	}
	return b.finish(len(lines))
}

// goScanDecl reads the key and name of a top-level Go line the way
// goSegments would, so a file that parses on one side and not the other
// still pairs its declarations.
func goScanDecl(l string) (key, name string) {
	kw, rest, _ := strings.Cut(l, " ")
	if kw == "func" && strings.HasPrefix(rest, "(") {
		recv, after, ok := strings.Cut(rest[1:], ") ")
		if ok {
			fields := strings.Fields(recv)
			typ := ""
			if len(fields) > 0 {
				typ = leadingIdent(strings.TrimLeft(fields[len(fields)-1], "*"))
			}
			name = leadingIdent(after)
			return "method " + typ + "." + name, name
		}
	}
	if kw == "import" || kw == "package" {
		return kw, ""
	}
	name = leadingIdent(strings.TrimLeft(rest, "( "))
	return kw + " " + name, name
}
