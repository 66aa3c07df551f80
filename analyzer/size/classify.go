package size

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"

	"github.com/mvcbot/mvc/analyzer"
)

// Classifier decides the class of each file of one change. It holds the
// change's .gitattributes rules and the policy's ignore patterns, parsed
// once, and remembers verdicts per directory, so it is not safe for
// concurrent use.
type Classifier struct {
	attrs  attrRules
	ignore ignoreRules
	names  nameMatcher
}

// NewClassifier prepares classification for a change under a policy.
func NewClassifier(c analyzer.Change, p Policy) *Classifier {
	return &Classifier{
		attrs:  parseAttributes(c.Attributes),
		ignore: newIgnoreRules(p.Ignore),
	}
}

// Classify returns the one class of a changed file and the rule that chose
// it. Built-in rules run first; the policy's ignore patterns then exclude
// files, and a "!pattern" gives an excluded file back its content class
// (code, test or docs).
func (cl *Classifier) Classify(f analyzer.FileChange) Classification {
	parts := strings.Split(f.Path, "/")
	builtin := cl.builtin(f, parts)
	switch res, pattern := cl.ignore.match(parts); res {
	case gitignore.Exclude:
		return Classification{Class: Ignored, Why: "ignore pattern " + pattern}
	case gitignore.Include:
		if !builtin.Class.Reviewable() {
			c := cl.content(parts)
			c.Why = "re-included by ignore pattern " + pattern + " (was " + string(builtin.Class) + ")"
			return c
		}
	}
	return builtin
}

// builtin applies the built-in rules in precedence order: a pure rename,
// then explicit linguist attributes, well-known names and generated
// headers, binary content, and finally the content class.
func (cl *Classifier) builtin(f analyzer.FileChange, parts []string) Classification {
	if isPureRename(f) {
		return Classification{Class: Rename, Why: "pure rename of " + f.OldPath}
	}
	if c, ok := cl.excluded(f, parts); ok {
		return c
	}
	if f.Binary {
		return Classification{Class: Binary, Why: "binary content"}
	}
	if d := cl.attrs.lookup(parts, attrDiff); d.state == attrUnset {
		// "binary" or "-diff" at the base: git would show no lines.
		return Classification{Class: Binary, Why: "binary (-diff) in " + d.source}
	}
	if lfs := cl.attrs.value(parts, "filter"); lfs == "lfs" || strings.HasPrefix(f.Header, lfsPointer) {
		// The diff shows a pointer's oid and size; the content it stands
		// for is in LFS storage, and binary as a rule.
		return Classification{Class: Binary, Why: "Git LFS pointer"}
	}
	if strings.HasPrefix(f.Header, "%PDF-") {
		// A PDF (or an Illustrator file, which is one) with no NUL in its
		// first 8 KB diffs as text to git, but nobody reviews its lines.
		return Classification{Class: Binary, Why: "PDF document"}
	}
	return cl.content(parts)
}

// isPureRename is a rename or copy that changed no line. A binary file's
// numstat counts no lines even when its bytes changed, so a binary rename
// is binary; sources report one whose bytes did not change (git's R100)
// as not binary, and it is a pure rename.
func isPureRename(f analyzer.FileChange) bool {
	moved := f.Status == analyzer.Renamed || f.Status == analyzer.Copied
	return moved && !f.Binary && f.Additions == 0 && f.Deletions == 0
}

// excluded finds a vendored, lockfile or generated class. An explicit
// attribute wins over names; "-linguist-vendored" and "-linguist-generated"
// un-mark what the built-in names or headers would have marked.
func (cl *Classifier) excluded(f analyzer.FileChange, parts []string) (Classification, bool) {
	if f.Submodule {
		return Classification{Class: Vendored, Why: "submodule: another repository's code, pinned by commit"}, true
	}
	vendored := cl.attrs.lookup(parts, attrVendored)
	generated := cl.attrs.lookup(parts, attrGenerated)
	switch {
	case vendored.state == attrSet:
		return Classification{Class: Vendored, Why: attrVendored + " in " + vendored.source}, true
	case generated.state == attrSet:
		return Classification{Class: Generated, Why: attrGenerated + " in " + generated.source}, true
	}
	if vendored.state != attrUnset {
		if p := cl.names.match(vendoredNames, parts); p != "" {
			return Classification{Class: Vendored, Why: "path matches " + p}, true
		}
	}
	if p := cl.names.match(lockfileNames, parts); p != "" {
		return Classification{Class: Lockfile, Why: "name matches " + p}, true
	}
	if generated.state == attrUnset {
		return Classification{}, false
	}
	if hasGeneratedMarker(f.Header) || isGeneratedHTML(f.Path, f.Header) {
		return Classification{Class: Generated, Why: "generated-code header"}, true
	}
	if isMinified(f.Path, f.Header) {
		return Classification{Class: Generated, Why: "minified content"}, true
	}
	if p := cl.names.match(generatedNames, parts); p != "" {
		return Classification{Class: Generated, Why: "name matches " + p}, true
	}
	return Classification{}, false
}

// content tells tests and docs from code by attributes and names.
func (cl *Classifier) content(parts []string) Classification {
	doc := cl.attrs.lookup(parts, attrDocumentation)
	if doc.state == attrSet {
		return Classification{Class: Docs, Why: attrDocumentation + " in " + doc.source}
	}
	if p := cl.names.match(testNames, parts); p != "" {
		return Classification{Class: Test, Why: "path matches " + p}
	}
	if doc.state != attrUnset {
		if p := cl.names.match(docNames, parts); p != "" {
			return Classification{Class: Docs, Why: "path matches " + p}
		}
	}
	return Classification{Class: Code, Why: "source"}
}
