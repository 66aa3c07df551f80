package split

import (
	"strings"
)

// pyLexer tracks what matters to find Python statements: triple-quoted
// strings that span lines, brackets that continue a statement, and
// backslash continuations.
type pyLexer struct {
	depth     int
	triple    string // `"""` or `'''` while inside one
	continued bool   // the previous line ended with a backslash
}

// starts reports whether the line begins a new logical line, then
// consumes it.
func (lx *pyLexer) starts(l string) bool {
	begins := lx.triple == "" && lx.depth == 0 && !lx.continued
	lx.lex(l)
	return begins
}

func (lx *pyLexer) lex(l string) {
	var quote byte
	lx.continued = false
	for i := 0; i < len(l); i++ {
		c := l[i]
		switch {
		case lx.triple != "":
			if strings.HasPrefix(l[i:], lx.triple) {
				i += 2
				lx.triple = ""
			} else if c == '\\' {
				i++
			}
		case quote != 0:
			if c == '\\' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '#':
			return
		case strings.HasPrefix(l[i:], `"""`) || strings.HasPrefix(l[i:], `'''`):
			lx.triple = l[i : i+3]
			i += 2
		case c == '"' || c == '\'':
			quote = c
		case c == '(' || c == '[' || c == '{':
			lx.depth++
		case c == ')' || c == ']' || c == '}':
			if lx.depth > 0 {
				lx.depth--
			}
		case c == '\\' && i == len(strings.TrimRight(l, " \t\r"))-1:
			lx.continued = true
		}
	}
}

// pythonSegments finds Python declarations: top-level def and class (with
// their decorators and comments), runs of imports, other top-level
// statements, and the methods of top-level classes.
func pythonSegments(src []byte) []segment {
	lines := strings.Split(string(src), "\n")
	var lx pyLexer
	b := newSegBuilder()
	class, memberIndent := "", -1
	for i, l := range lines {
		if !lx.starts(l) {
			continue
		}
		t := strings.TrimSpace(l)
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		switch {
		case t == "":
		case strings.HasPrefix(t, "#") || strings.HasPrefix(t, "@"):
			if indent == 0 || indent == memberIndent {
				b.lead(i)
			}
		case indent == 0:
			key, name := pyDecl(t)
			class, memberIndent = "", -1
			if strings.HasPrefix(key, "class ") {
				class = name
			}
			b.start(i, key, name)
		case class != "" && (memberIndent < 0 || indent == memberIndent):
			memberIndent = indent
			if key, name := pyDecl(t); strings.HasPrefix(key, "def ") {
				b.start(i, "def "+class+"."+name, name)
			} else {
				b.code()
			}
		default:
			b.code()
		}
	}
	return b.finish(len(lines))
}

// pyDecl reads what a statement declares: its key and the name other code
// would use for it.
func pyDecl(t string) (key, name string) {
	t = strings.TrimPrefix(t, "async ")
	for _, kw := range []string{"def ", "class "} {
		if strings.HasPrefix(t, kw) {
			name = leadingIdent(strings.TrimSpace(t[len(kw):]))
			return kw + name, name
		}
	}
	if strings.HasPrefix(t, "import ") || strings.HasPrefix(t, "from ") {
		// Each import its own declaration: it goes with its uses.
		return importKey + clipKey(strings.TrimPrefix(t, "import ")), ""
	}
	if name := leadingIdent(t); name != "" && strings.HasPrefix(strings.TrimSpace(t[len(name):]), "=") {
		return "var " + name, name
	}
	return "stmt " + clipKey(t), ""
}
