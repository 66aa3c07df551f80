// Package imports finds which files of a change import which, for
// languages whose imports a careful scanner reads reliably without a
// parser: Python and Ruby. It is pure: contents in, plain facts out.
package imports

import (
	"strings"
)

// Import is one imported module of a source file.
type Import struct {
	Line int // 1-based line where the statement starts
	// Module is the dotted module name, with its leading dots when
	// relative ("..pkg.mod", ".").
	Module string
	// Names are what a from-import takes from the module ("*" for all);
	// empty for a plain import.
	Names []string
}

// Python lists the imports of a Python file: `import a.b as c, d` and
// `from .a import (b, c)`, anywhere in the file (inside functions and
// `if TYPE_CHECKING:` blocks too). Strings, comments, bracketed and
// backslash continuations are understood, so an import inside a docstring
// is not one.
func Python(src []byte) []Import {
	var out []Import
	for _, st := range logicalLines(string(src)) {
		for _, stmt := range strings.Split(st.text, ";") {
			out = append(out, parseImport(strings.TrimSpace(stmt), st.line)...)
		}
	}
	return out
}

// statement is a logical line with strings emptied and comments dropped.
type statement struct {
	line int
	text string
}

// logicalLines joins physical lines into Python's logical lines. String
// literals are kept as empty quotes so their content cannot look like
// code.
func logicalLines(src string) []statement {
	var out []statement
	var cur strings.Builder
	start, line, depth := 1, 1, 0
	flush := func() {
		if t := strings.TrimSpace(cur.String()); t != "" {
			out = append(out, statement{line: start, text: t})
		}
		cur.Reset()
	}
	for i := 0; i < len(src); i++ {
		c := src[i]
		switch {
		case c == '#':
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
			}
		case c == '"' || c == '\'':
			end := skipString(src, i)
			line += strings.Count(src[i:end], "\n")
			cur.WriteString(`""`)
			i = end - 1
		case c == '\\' && i+1 < len(src) && src[i+1] == '\n':
			i++
			line++
			cur.WriteByte(' ')
		case c == '\n':
			line++
			if depth > 0 {
				cur.WriteByte(' ')
				continue
			}
			flush()
			start = line
		default:
			depth += bracketDelta(c, depth)
			cur.WriteByte(c)
		}
	}
	flush()
	return out
}

func bracketDelta(c byte, depth int) int {
	switch c {
	case '(', '[', '{':
		return 1
	case ')', ']', '}':
		if depth > 0 {
			return -1
		}
	}
	return 0
}

// skipString returns the index just after the string literal that starts
// at src[i], single or triple quoted; an unterminated single-quoted string
// ends at the line's end, as Python reports it.
func skipString(src string, i int) int {
	q := src[i : i+1]
	if strings.HasPrefix(src[i:], q+q+q) {
		q = q + q + q
	}
	for j := i + len(q); j < len(src); j++ {
		switch {
		case src[j] == '\\':
			j++
		case len(q) == 1 && src[j] == '\n':
			return j
		case strings.HasPrefix(src[j:], q):
			return j + len(q)
		}
	}
	return len(src)
}

// parseImport reads one simple statement; anything but an import gives
// nothing.
func parseImport(s string, line int) []Import {
	switch {
	case strings.HasPrefix(s, "import ") || strings.HasPrefix(s, "import\t"):
		var out []Import
		for _, item := range strings.Split(s[len("import "):], ",") {
			if mod := firstField(item); isDotted(mod, false) {
				out = append(out, Import{Line: line, Module: mod})
			}
		}
		return out
	case strings.HasPrefix(s, "from ") || strings.HasPrefix(s, "from\t"):
		rest := strings.TrimSpace(s[len("from "):])
		mod, names, ok := strings.Cut(rest, " import")
		mod = strings.ReplaceAll(mod, " ", "")
		if !ok || !isDotted(mod, true) {
			return nil
		}
		return []Import{{Line: line, Module: mod, Names: importedNames(names)}}
	}
	return nil
}

func importedNames(s string) []string {
	s = strings.Trim(strings.TrimSpace(s), "()")
	var names []string
	for _, item := range strings.Split(s, ",") {
		if n := firstField(item); n != "" {
			names = append(names, n)
		}
	}
	return names
}

func firstField(s string) string {
	f := strings.Fields(s)
	if len(f) == 0 {
		return ""
	}
	return f[0]
}

// isDotted reports a module name: identifiers joined by dots, with
// leading dots allowed for a relative from-import.
func isDotted(s string, relative bool) bool {
	if relative {
		s = strings.TrimLeft(s, ".")
		if s == "" {
			return true
		}
	}
	for _, part := range strings.Split(s, ".") {
		if !isIdent(part) {
			return false
		}
	}
	return true
}

func isIdent(s string) bool {
	for i, r := range s {
		letter := r == '_' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r > 127
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return s != ""
}
