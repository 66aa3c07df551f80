package split

import (
	"fmt"
	"strings"
	"unicode"

	"github.com/mvcbot/mvc/analyzer"
)

// sweepTitle names a sweep by its edit when every atom of the group makes
// the same one: "Replace `5.10.0` with `5.10.1` in 294 files". Two sweeps
// over the same files (a version and a date bumped in every generated
// page) would otherwise both read "Apply the same edit to 294 files".
// It returns "" when the edits differ or are too long to quote.
func (w *work) sweepTitle(g *group, files int) string {
	summary := w.shared(g, editSummary)
	if summary == "" {
		return ""
	}
	return fmt.Sprintf("%s in %s", summary, plural(files, "file"))
}

// shared returns what of says of every atom of g when it says the same,
// non-empty thing of all of them, else "".
func (w *work) shared(g *group, of func(*atom) string) string {
	common := ""
	for _, id := range g.atoms {
		s := of(w.atoms[id])
		if s == "" || common != "" && s != common {
			return ""
		}
		common = s
	}
	return common
}

// sweepWordsTitle names a sweep of longer edits, the same in every file,
// by the names it brings in and drops: "Replace `Logger` and `log` with
// `Tracer` in 12 files". It returns "" when the atoms make different edits
// or the edit changes no name (punctuation, layout).
func (w *work) sweepWordsTitle(g *group, files int) string {
	if w.shared(g, editSignature) == "" {
		return ""
	}
	a := w.atoms[g.atoms[0]]
	gone, came := wordsOf(a.dels), wordsOf(a.adds)
	removed, added := missingFrom(gone, came), missingFrom(came, gone)
	quote := func(ws []string) string {
		q := make([]string, len(ws))
		for i, s := range ws {
			q[i] = "`" + s + "`"
		}
		return listNames(q, 2)
	}
	in := " in " + plural(files, "file")
	switch {
	case len(removed) > 0 && len(added) > 0:
		return "Replace " + quote(removed) + " with " + quote(added) + in
	case len(added) > 0:
		return "Add " + quote(added) + in
	case len(removed) > 0:
		return "Remove " + quote(removed) + in
	}
	return ""
}

// wordsOf lists the identifiers of lines in order, each once.
func wordsOf(lines []analyzer.Line) []string {
	var out []string
	seen := map[string]bool{}
	for _, l := range lines {
		m := map[string]bool{}
		identifiers(l.Text, m)
		// identifiers fills a set; keep the line's own order.
		for _, f := range strings.FieldsFunc(l.Text, func(r rune) bool { return !isIdentRune(r, 1) }) {
			if m[f] && !seen[f] && len(f) <= maxQuoted {
				seen[f] = true
				out = append(out, f)
			}
		}
	}
	return out
}

// missingFrom lists the words of a that b lacks, in a's order.
func missingFrom(a, b []string) []string {
	in := map[string]bool{}
	for _, w := range b {
		in[w] = true
	}
	var out []string
	for _, w := range a {
		if !in[w] {
			out = append(out, w)
		}
	}
	return out
}

// maxQuoted bounds a fragment quoted in a title.
const maxQuoted = 40

// editSummary says what an atom's lines change, word for word, when each
// deleted line is replaced by one added line and they differ in at most
// two short fragments: "Replace `a` with `b`", "Add `@Sendable`".
func editSummary(a *atom) string {
	// A line added or removed whole: "Add `#![forbid(unsafe_code)]`".
	if one := lineOf(a.adds, a.dels); one != "" {
		return "Add " + one
	}
	if one := lineOf(a.dels, a.adds); one != "" {
		return "Remove " + one
	}
	if len(a.dels) == 0 || len(a.dels) != len(a.adds) {
		return ""
	}
	type change struct{ old, new string }
	var changes []change
	seen := map[change]bool{}
	for i := range a.dels {
		old, new := differingWords(a.dels[i].Text, a.adds[i].Text)
		c := change{old, new}
		if old == new || len(old) > maxQuoted || len(new) > maxQuoted || strings.Contains(old+new, "`") {
			return ""
		}
		if !seen[c] {
			seen[c] = true
			changes = append(changes, c)
		}
	}
	if len(changes) > 2 {
		return ""
	}
	var verb string
	var parts []string
	for _, c := range changes {
		v, p := "Replace", fmt.Sprintf("`%s` with `%s`", c.old, c.new)
		switch {
		case c.old == "":
			v, p = "Add", fmt.Sprintf("`%s`", c.new)
		case c.new == "":
			v, p = "Remove", fmt.Sprintf("`%s`", c.old)
		}
		if verb != "" && v != verb {
			return ""
		}
		verb = v
		parts = append(parts, p)
	}
	return verb + " " + strings.Join(parts, " and ")
}

// lineOf quotes the one short line of only when none is on the other side.
func lineOf(only, other []analyzer.Line) string {
	if len(only) != 1 || len(other) != 0 {
		return ""
	}
	t := strings.TrimSpace(only[0].Text)
	if t == "" || len(t) > maxQuoted || strings.Contains(t, "`") {
		return ""
	}
	return "`" + t + "`"
}

// differingWords trims the words two lines share at their start and end,
// and returns what is left of each, spaces around it trimmed. Words are
// runs of letters, digits and . _ - (so a version or a date is one word);
// every other character is a word of its own.
func differingWords(old, new string) (string, string) {
	a, b := words(old), words(new)
	pre := 0
	for pre < len(a) && pre < len(b) && a[pre] == b[pre] {
		pre++
	}
	suf := 0
	for suf < len(a)-pre && suf < len(b)-pre && a[len(a)-1-suf] == b[len(b)-1-suf] {
		suf++
	}
	// A sigil that starts a word belongs to it: "@Sendable", not
	// "Sendable"; in "checkout@v4" it only joins two words.
	for pre > 0 && strings.Contains("@$#", a[pre-1]) && (pre == 1 || strings.TrimSpace(a[pre-2]) == "") && pre < len(a)-suf {
		pre--
	}
	join := func(ws []string) string { return strings.TrimSpace(strings.Join(ws, "")) }
	return join(a[pre : len(a)-suf]), join(b[pre : len(b)-suf])
}

func words(s string) []string {
	var out []string
	start := -1
	for i, r := range s {
		inWord := unicode.IsLetter(r) || unicode.IsDigit(r) || r == '.' || r == '_' || r == '-'
		switch {
		case inWord && start < 0:
			start = i
		case !inWord:
			if start >= 0 {
				out = append(out, s[start:i])
				start = -1
			}
			out = append(out, string(r))
		}
	}
	if start >= 0 {
		out = append(out, s[start:])
	}
	return out
}
