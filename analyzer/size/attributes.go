package size

import (
	"bufio"
	"bytes"
	"path"
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitattributes"
)

// The linguist attributes mvc honours, as GitHub's linguist defines them.
const (
	attrGenerated     = "linguist-generated"
	attrVendored      = "linguist-vendored"
	attrDocumentation = "linguist-documentation"
	// attrDiff unset ("-diff", or the built-in macro "binary") makes git
	// treat a file as binary whatever its bytes.
	attrDiff = "diff"
)

// builtinMacros are the macros git defines itself; a root .gitattributes
// may redefine them.
var builtinMacros = func() map[string][]gitattributes.Attribute {
	m, err := gitattributes.ParseAttributesLine("[attr]binary -diff -merge -text", nil, true)
	if err != nil {
		panic(err)
	}
	return map[string][]gitattributes.Attribute{m.Name: m.Attributes}
}()

// attrState is what the .gitattributes files say about one attribute of
// one path.
type attrState int

const (
	attrUnspecified attrState = iota // no rule, or "!attr": use the built-in rules
	attrSet                          // "attr" or "attr=true"
	attrUnset                        // "-attr" or "attr=false"
)

// attrDecision is an attribute's state and the file whose rule decided it.
type attrDecision struct {
	state  attrState
	source string // e.g. "api/.gitattributes"
}

// attrRules are every rule of a change's .gitattributes files, lowest
// priority first: the root file before nested ones, and within a file in
// line order, so the last matching rule wins as it does in git.
type attrRules struct {
	rules  []attrRule
	macros map[string][]gitattributes.Attribute
}

type attrRule struct {
	pattern gitattributes.Pattern
	attrs   []gitattributes.Attribute
	source  string
}

// parseAttributes reads .gitattributes contents keyed by the directory that
// holds them ("" for the root). Lines git would ignore are skipped.
func parseAttributes(files map[string][]byte) attrRules {
	dirs := make([]string, 0, len(files))
	for dir := range files {
		dirs = append(dirs, dir)
	}
	// Shallower directories first: a deeper file's rules override them.
	sort.Slice(dirs, func(i, j int) bool {
		di, dj := strings.Count(dirs[i], "/"), strings.Count(dirs[j], "/")
		if (dirs[i] == "") != (dirs[j] == "") {
			return dirs[i] == ""
		}
		if di != dj {
			return di < dj
		}
		return dirs[i] < dirs[j]
	})
	a := attrRules{macros: map[string][]gitattributes.Attribute{}}
	for name, attrs := range builtinMacros {
		a.macros[name] = attrs
	}
	for _, dir := range dirs {
		a.addFile(dir, files[dir])
	}
	return a
}

func (a *attrRules) addFile(dir string, content []byte) {
	var domain []string
	if dir != "" {
		domain = strings.Split(dir, "/")
	}
	source := path.Join(dir, ".gitattributes")
	sc := bufio.NewScanner(bytes.NewReader(content))
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	for sc.Scan() {
		m, ok := parseAttributeLine(sc.Text(), domain, dir == "")
		switch {
		case !ok:
		case m.Pattern == nil: // a macro definition, allowed at the root only
			a.macros[m.Name] = m.Attributes
		default:
			a.rules = append(a.rules, attrRule{pattern: m.Pattern, attrs: m.Attributes, source: source})
		}
	}
}

// parseAttributeLine parses one line with go-git, skipping what git skips:
// comments, blanks, negative patterns, directory-only patterns (git never
// applies them to files) and malformed lines. go-git's parser panics on a
// few malformed lines (an empty quoted pattern), and the content comes from
// the repository under review, so a panic is turned into "skip the line".
func parseAttributeLine(line string, domain []string, allowMacro bool) (m gitattributes.MatchAttribute, ok bool) {
	trimmed := strings.TrimSpace(line)
	if trimmed == "" || strings.HasPrefix(trimmed, "#") || strings.HasPrefix(trimmed, "!") {
		return m, false
	}
	defer func() {
		if recover() != nil {
			ok = false
		}
	}()
	m, err := gitattributes.ParseAttributesLine(trimmed, domain, allowMacro)
	if err != nil || m.Name == "" || strings.HasSuffix(m.Name, "/") || strings.Contains(m.Name, "//") {
		return m, false
	}
	return m, true
}

// lookup returns what the highest-priority matching rule says about the
// attribute name for the path (split at "/").
func (a attrRules) lookup(path []string, name string) attrDecision {
	for i := len(a.rules) - 1; i >= 0; i-- {
		r := a.rules[i]
		if !safeMatch(r.pattern, path) {
			continue
		}
		if st, ok := a.stateIn(r.attrs, name); ok {
			return attrDecision{state: st, source: r.source}
		}
	}
	return attrDecision{}
}

// value is the value the last matching rule gives an attribute ("lfs"
// for filter=lfs), or "" when none sets one.
func (a attrRules) value(path []string, name string) string {
	for i := len(a.rules) - 1; i >= 0; i-- {
		r := a.rules[i]
		if !safeMatch(r.pattern, path) {
			continue
		}
		for j := len(r.attrs) - 1; j >= 0; j-- {
			if at := r.attrs[j]; at.Name() == name {
				if at.IsValueSet() {
					return at.Value()
				}
				return ""
			}
		}
	}
	return ""
}

// stateIn finds name among one rule's attributes, the last mention winning,
// expanding macros such as "[attr]gen linguist-generated".
func (a attrRules) stateIn(attrs []gitattributes.Attribute, name string) (attrState, bool) {
	for i := len(attrs) - 1; i >= 0; i-- {
		at := attrs[i]
		if at.Name() == name {
			return stateOf(at), true
		}
		if macro, ok := a.macros[at.Name()]; ok && at.IsSet() {
			if st, ok := a.stateIn(macro, name); ok {
				return st, true
			}
		}
	}
	return attrUnspecified, false
}

func stateOf(at gitattributes.Attribute) attrState {
	switch {
	case at.IsSet():
		return attrSet
	case at.IsUnset():
		return attrUnset
	case at.IsValueSet():
		switch strings.ToLower(at.Value()) {
		case "false", "0", "no", "off":
			return attrUnset
		}
		return attrSet
	}
	return attrUnspecified
}

// safeMatch guards go-git's pattern matcher, which can index past the end
// of a pattern with an empty segment, against repository-controlled input.
func safeMatch(p gitattributes.Pattern, path []string) (matched bool) {
	defer func() {
		if recover() != nil {
			matched = false
		}
	}()
	return p.Match(path)
}
