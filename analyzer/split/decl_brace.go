package split

import (
	"bytes"
	"strings"
)

// braceLexer tracks the C family (Rust, Java, Kotlin, C#, Swift, Scala,
// Dart, C, C++, PHP) just far enough to know where a line starts: in a block
// comment, a multi-line or raw string, or code at some bracket depth.
type braceLexer struct {
	rust    bool // raw strings and lifetimes
	php     bool // # starts a comment, except a #[attribute]
	depth   int
	inBlock bool // inside /* */
	triple  bool // inside a """ text block
	raw     int  // inside a Rust raw string closed by " and raw-1 hashes; 0 when not
	quote   byte // inside a ' or " literal, which ends at the line's end at the latest
}

func (lx *braceLexer) lexLines(src []byte) []lineState {
	lines := bytes.Split(src, []byte{'\n'})
	states := make([]lineState, len(lines))
	for i, l := range lines {
		states[i] = lineState{depth: lx.depth, code: !lx.inBlock && !lx.triple && lx.raw == 0}
		lx.lexLine(l)
		lx.quote = 0
	}
	return states
}

func (lx *braceLexer) lexLine(l []byte) {
	for i := 0; i < len(l); i++ {
		switch {
		case lx.inBlock:
			if bytes.HasPrefix(l[i:], []byte("*/")) {
				lx.inBlock = false
				i++
			}
		case lx.triple:
			if bytes.HasPrefix(l[i:], []byte(`"""`)) {
				lx.triple = false
				i += 2
			}
		case lx.raw > 0:
			if end := `"` + strings.Repeat("#", lx.raw-1); bytes.HasPrefix(l[i:], []byte(end)) {
				lx.raw = 0
				i += len(end) - 1
			}
		case lx.quote != 0:
			if l[i] == '\\' {
				i++
			} else if l[i] == lx.quote {
				lx.quote = 0
			}
		default:
			next := lx.code(l, i)
			if next < 0 {
				return // a line comment
			}
			i = next
		}
	}
}

// code handles the code byte at l[i] and returns the index of the last
// byte it consumed, or -1 when the rest of the line is a comment.
func (lx *braceLexer) code(l []byte, i int) int {
	rest := l[i:]
	switch c := l[i]; {
	case bytes.HasPrefix(rest, []byte("//")):
		return -1
	case lx.php && c == '#' && !bytes.HasPrefix(rest, []byte("#[")):
		return -1
	case bytes.HasPrefix(rest, []byte("/*")):
		lx.inBlock = true
		return i + 1
	case bytes.HasPrefix(rest, []byte(`"""`)):
		lx.triple = true
		return i + 2
	case lx.rust && c == 'r' && (i == 0 || !isIdentRune(rune(l[i-1]), 1)):
		j := i + 1
		for j < len(l) && l[j] == '#' {
			j++
		}
		if j < len(l) && l[j] == '"' {
			lx.raw = j - i // the hashes plus one
			return j
		}
	case c == '"':
		lx.quote = '"'
	case c == '\'':
		if lx.rust && isLifetime(rest) {
			return i // 'a in fn f<'a>: no closing quote follows
		}
		lx.quote = '\''
	case c == '{' || c == '(' || c == '[':
		lx.depth++
	case c == '}' || c == ')' || c == ']':
		lx.depth--
	}
	return i
}

// isLifetime tells a Rust lifetime ('a, 'static) from a character literal
// ('a', '\n'): a lifetime's name is not closed by a quote.
func isLifetime(s []byte) bool {
	if len(s) < 2 || s[1] == '\\' || !isIdentRune(rune(s[1]), 0) {
		return false
	}
	return len(s) < 3 || s[2] != '\''
}

// braceSegments finds the declarations of a C-family file: what starts a
// line at the top level (functions, types, impls, modules, imports), and
// the members of classes, structs, traits, impls and namespaces.
func braceSegments(src []byte, ext string) []segment {
	lx := braceLexer{rust: ext == ".rs", php: ext == ".php"}
	lead := isBraceLead
	if lx.php {
		lead = func(t string) bool { return isBraceLead(t) || t[0] == '#' }
	}
	return memberSegments(src, lx.lexLines(src), lineScanner{lead: lead, decl: braceDecl})
}

// isBraceLead reports comment, attribute and annotation lines, which
// belong to the declaration below them.
func isBraceLead(t string) bool {
	for _, p := range []string{"//", "/*", "*", "#[", "#![", "@", "["} {
		if strings.HasPrefix(t, p) {
			return true
		}
	}
	return false
}

var braceModifiers = toSet(`pub public private protected internal fileprivate open static final
	abstract override sealed data inline async unsafe extern virtual partial readonly default
	suspend mutating required convenience lazy synchronized native transient volatile strictfp
	external operator infix tailrec implicit lateinit export constexpr`)

// braceKeywords name what a declaration line declares; the containers hold
// members one level in.
var (
	braceKeywords = toSet(`fn func fun function def class struct enum trait interface impl mod namespace
		object record union protocol extension typealias type macro_rules! const static let var val
		module`)
	braceContainers = toSet(`class struct enum trait interface impl mod namespace object record
		protocol extension module`)
	braceImports = toSet(`use using import package include #include extern`)
	braceControl = toSet(`if for while switch catch return new else do try throw when match
		sizeof await yield`)
)

func toSet(words string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// braceDecl reads what a C-family declaration line declares.
func braceDecl(t string) declInfo {
	words := strings.Fields(t)
	k := 0
	for k < len(words)-1 && (braceModifiers[words[k]] || strings.HasPrefix(words[k], "pub(")) {
		k++
	}
	if k < len(words) && braceImports[words[k]] {
		return declInfo{key: importKey + strings.Join(words[k+1:], " ")} // each import goes with its uses
	}
	kw := words[k]
	if lt := strings.IndexByte(kw, '<'); lt > 0 {
		kw = kw[:lt] // impl<T>, fn<T>
	}
	if braceKeywords[kw] && (k+1 < len(words) || kw == "impl") {
		if kw == "impl" {
			// impl<T> Display for Wrapper<T>: the key is the whole header.
			head := strings.TrimSpace(strings.TrimSuffix(strings.Join(words[k:], " "), "{"))
			name := leadingIdent(strings.TrimLeft(words[len(words)-1], "&"))
			if f := strings.Index(head, " for "); f >= 0 {
				name = leadingIdent(strings.TrimSpace(head[f+5:]))
			}
			return declInfo{key: clipKey(head), name: name, container: true}
		}
		name := leadingIdent(strings.TrimLeft(words[k+1], "`"))
		if kw == "fn" || kw == "func" || kw == "fun" || kw == "def" {
			// Kotlin extension functions: fun String.shout(): the name is
			// after the receiver.
			if dot := strings.IndexByte(words[k+1], '.'); dot > 0 && dot < strings.IndexByte(words[k+1]+"(", '(') {
				name = leadingIdent(words[k+1][dot+1:])
			}
		}
		return declInfo{key: kw + " " + name, name: name, container: braceContainers[kw]}
	}
	// A field of a struct or a record: name: Type.
	if name, ok := strings.CutSuffix(words[k], ":"); ok && name != "" && leadingIdent(name) == name {
		return declInfo{key: "field " + name, name: name}
	}
	// A Java, C# or C++ field: Type name; or Type name = value;
	if decl, _, _ := strings.Cut(t, "="); strings.HasSuffix(t, ";") && !strings.Contains(decl, "(") {
		f := strings.Fields(strings.TrimSuffix(strings.TrimSpace(strings.TrimSuffix(decl, ";")), ";"))
		if n := len(f); n >= 2 {
			if name := leadingIdent(f[n-1]); name != "" && name == f[n-1] {
				return declInfo{key: "field " + name, name: name}
			}
		}
	}
	// Java, C#, C++ methods and functions: the name is the word before the
	// first parenthesis.
	if p := strings.IndexByte(t, '('); p > 0 {
		before := strings.TrimRight(t[:p], " \t")
		end := len(before)
		start := end
		for start > 0 && isIdentRune(rune(before[start-1]), 1) {
			start--
		}
		if name := before[start:end]; name != "" && !braceControl[name] && !braceControl[words[k]] {
			return declInfo{key: "func " + name, name: name}
		}
	}
	return declInfo{key: "stmt " + clipKey(t)}
}
