package split

import (
	"strings"
	"unicode"

	"github.com/mvcbot/mvc/analyzer"
)

// mechanical is the kind of an edit that changes no behaviour and that
// reviewers read differently: kept apart from the rest when large enough.
type mechanical int

const (
	notMechanical mechanical = iota
	whitespaceOnly
	commentOnly
	moved    // a file removed and added elsewhere with the same content
	repeated // the same edit in many files
	vendored // third-party code copied in: a dependency update, not read line by line
)

// identifiers returns the distinct identifiers in text, in order: the
// words a line could use to mention a declaration. Keywords and very short
// names carry no signal and are left out.
func identifiers(text string, into map[string]bool) {
	start := -1
	for i, r := range text + " " {
		if isIdentRune(r, 1) {
			if start < 0 && !(r >= '0' && r <= '9') {
				start = i
			}
			continue
		}
		if start >= 0 {
			if w := text[start:i]; len(w) >= 3 && !stopWords[w] {
				into[w] = true
			}
			start = -1
		}
	}
}

// stopWords are keywords and names so common across Go, TypeScript,
// JavaScript and Python that a shared one says nothing about two changes.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`func return package import type struct interface const var
	range break continue default switch case select defer chan map string bool byte rune error
	nil true false else for int int64 int32 uint uint64 float64 len append make new err ctx
	function class export extends implements async await this that let undefined null void
	typeof instanceof throw catch try finally yield static public private protected readonly
	number boolean any unknown never object from def self None True False elif pass raise
	with lambda global nonlocal assert del not and the get set Error String args value key
	TODO FIXME http https www com org github`) {
		m[w] = true
	}
	return m
}()

// isBlank reports whether every line is empty or whitespace.
func isBlank(lines []analyzer.Line) bool {
	for _, l := range lines {
		if strings.TrimSpace(l.Text) != "" {
			return false
		}
	}
	return true
}

// squeeze drops all whitespace, so two texts that differ only in layout
// compare equal.
func squeeze(lines []analyzer.Line) string {
	var b strings.Builder
	for _, l := range lines {
		for _, r := range l.Text {
			if !unicode.IsSpace(r) {
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// isComment reports whether a line is only a comment in the file's
// language (or blank).
func isComment(lg language, text string) bool {
	t := strings.TrimSpace(text)
	switch {
	case t == "":
		return true
	case lg == langPython || lg == langRuby:
		return strings.HasPrefix(t, "#")
	case lg == langGo || lg == langScript || lg == langBrace:
		return strings.HasPrefix(t, "//") || strings.HasPrefix(t, "/*") || strings.HasPrefix(t, "*")
	}
	return false
}

// classifyMechanical says whether an atom only reformats or only edits
// comments. Blank lines added or removed alone are not reformatting: they
// are the edges of other edits.
func classifyMechanical(a *atom, lg language) mechanical {
	all := append(append([]analyzer.Line(nil), a.dels...), a.adds...)
	if len(all) == 0 || isBlank(all) {
		return notMechanical
	}
	if len(a.dels) > 0 && len(a.adds) > 0 && squeeze(a.dels) == squeeze(a.adds) {
		return whitespaceOnly
	}
	if lg == langOther {
		return notMechanical
	}
	for _, l := range all {
		if !isComment(lg, l.Text) {
			return notMechanical
		}
	}
	return commentOnly
}

// editSignature identifies an edit by its text, ignoring layout, so the
// same replacement made in many files is recognised.
func editSignature(a *atom) string {
	if len(a.dels) == 0 || len(a.adds) == 0 {
		return ""
	}
	return squeeze(a.dels) + "\x00" + squeeze(a.adds)
}
