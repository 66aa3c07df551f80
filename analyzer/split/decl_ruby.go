package split

import (
	"regexp"
	"strings"
)

// rubySegments finds Ruby declarations: classes and modules, methods and
// runs of requires; other statements belong to the declaration above them.
// Cutting also at test blocks (describe, it) and at statements between
// methods measured worse on the benchmark (sinatra: line ARI 0.452 and
// 0.533 on two samples against 0.462 and 0.539 for definitions only). Ruby
// closes blocks with keywords that a line scan cannot count reliably
// (modifier if, do ... end, one-line defs), so nesting is read from
// indentation, which Ruby code keeps by near-universal convention:
// RuboCop's Layout cops enforce it, and a mis-indented file only loses
// precision, never lines.
func rubySegments(src []byte) []segment {
	lines := strings.Split(string(src), "\n")
	b := newSegBuilder()
	var (
		containers []rubyContainer // open classes and modules, outermost first
		heredoc    string          // the terminator while inside a heredoc
		inDoc      bool            // inside =begin ... =end
	)
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case inDoc:
			inDoc = !strings.HasPrefix(l, "=end")
			continue
		case heredoc != "":
			if t == heredoc {
				heredoc = ""
			}
			continue
		case strings.HasPrefix(l, "=begin"):
			inDoc = true
			b.lead(i)
			continue
		case l == "__END__":
			return b.finish(len(lines)) // what follows is data, not code
		case t == "":
			continue
		}
		indent := len(l) - len(strings.TrimLeft(l, " \t"))
		// A line at or left of a container's header closes it: its end,
		// or a statement after it.
		for n := len(containers); n > 0 && indent <= containers[n-1].indent && !(t == "end" && indent == containers[n-1].indent); n-- {
			containers = containers[:n-1]
		}
		if m := rubyHeredoc.FindStringSubmatch(t); m != nil && !strings.HasPrefix(t, "#") {
			heredoc = m[2]
		}
		switch {
		case strings.HasPrefix(t, "#"):
			b.lead(i)
		case rubyCloser(t):
			if t == "end" && len(containers) > 0 && indent == containers[len(containers)-1].indent {
				containers = containers[:len(containers)-1]
			}
			b.code()
		default:
			d, ok := rubyDecl(t)
			if !ok {
				b.code() // the body of the declaration above, or a statement after it
				continue
			}
			if d.key == "import" && len(b.segs) > 0 && b.segs[len(b.segs)-1].key == "import" {
				b.code() // consecutive requires are one declaration
				continue
			}
			key := d.key
			if len(containers) > 0 {
				key = containers[len(containers)-1].key + "." + key
			}
			b.start(i, key, d.name)
			if d.container {
				containers = append(containers, rubyContainer{indent: indent, key: key})
			}
		}
	}
	return b.finish(len(lines))
}

type rubyContainer struct {
	indent int
	key    string
}

// rubyHeredoc matches the opening of a heredoc (<<~SQL, <<-EOS, <<'EOT'),
// whose body is text until a line holding only its terminator.
var rubyHeredoc = regexp.MustCompile(`<<[~-]?(['"]?)([A-Za-z_][A-Za-z0-9_]*)(['"]?)`)

// rubyCloser reports lines that continue or close the block above rather
// than start a statement.
func rubyCloser(t string) bool {
	if t[0] == '}' || t[0] == ')' || t[0] == ']' || t[0] == '.' {
		return true
	}
	w := leadingIdent(t)
	switch w {
	case "end", "else", "elsif", "when", "in", "rescue", "ensure", "then", "do":
		return true
	}
	return false
}

// rubyDecl reads what a Ruby line declares; ok is false for a plain
// statement.
func rubyDecl(t string) (d declInfo, ok bool) {
	words := strings.Fields(t)
	k := 0
	for k < len(words)-1 && (words[k] == "private" || words[k] == "protected" || words[k] == "public" || words[k] == "module_function") {
		k++
	}
	w := words[k]
	rest := ""
	if k+1 < len(words) {
		rest = words[k+1]
	}
	switch {
	case w == "def" && rest != "":
		name := strings.TrimPrefix(rest, "self.")
		name = name[:len(rubyMethodName(name))]
		return declInfo{key: "def " + name, name: name}, true
	case (w == "class" || w == "module") && rest != "" && rest != "<<":
		name := rest
		if i := strings.LastIndex(name, "::"); i >= 0 {
			name = name[i+2:]
		}
		name = leadingIdent(name)
		return declInfo{key: w + " " + name, name: name, container: true}, true
	case w == "require" || w == "require_relative" || w == "load":
		return declInfo{key: "import"}, true
	}
	return declInfo{}, false
}

// rubyMethodName is the method name at the start of s, with the ?, ! or
// = that Ruby allows at its end (valid?, save!, name=), or an operator.
func rubyMethodName(s string) string {
	n := leadingIdent(s)
	if n == "" {
		if i := strings.IndexAny(s, "( "); i > 0 {
			return s[:i] // an operator method: def ==(other)
		}
		return s
	}
	if len(s) > len(n) && strings.IndexByte("?!=", s[len(n)]) >= 0 && !strings.HasPrefix(s[len(n):], "==") {
		return s[:len(n)+1]
	}
	return n
}
