package issues

import (
	"regexp"
	"strconv"
)

// reference is one issue reference in prose.
type reference struct {
	Number     int // 0 when the reference is to another repository
	Start, End int // byte offsets in the text
}

// refPattern matches the forms GitHub links to an issue: "#12",
// "owner/repo#12", "GH-12" and a URL to an issue or pull request. The
// "\b" at the end keeps "#12abc" out.
var refPattern = regexp.MustCompile(`(?i)(?:https?://github\.com/[\w.-]+/[\w.-]+/(?:issues|pull)/(\d+)|([\w.-]+/[\w.-]+)?#(\d+)|gh-(\d+))\b`)

// references finds the issue references in text, in order.
//
// Which repository a reference is in decides whether it is an edge: the
// graph holds one repository, and #12 of another is another issue.
// "owner/repo#12" is always taken for another repository, since Issue does
// not say which repository it is in; write "#12" for this one. A URL is the
// exception: nothing here knows the repository's name, and a pasted URL is
// how people most often link an issue of their own repository, so any
// github.com URL to /issues/N or /pull/N (one sequence of numbers per
// repository) counts as issue N. Matches glued to a word ("abc#12",
// "&#12;", "xgh-12") are not references.
func references(text string) []reference {
	var refs []reference
	for _, m := range refPattern.FindAllStringSubmatchIndex(text, -1) {
		if m[0] > 0 && gluedBefore(text[m[0]-1]) {
			continue
		}
		r := reference{Start: m[0], End: m[1]}
		switch {
		case m[2] >= 0:
			r.Number, _ = strconv.Atoi(text[m[2]:m[3]])
		case m[4] >= 0: // owner/repo#12
		case m[6] >= 0:
			r.Number, _ = strconv.Atoi(text[m[6]:m[7]])
		default:
			r.Number, _ = strconv.Atoi(text[m[8]:m[9]])
		}
		refs = append(refs, r)
	}
	return refs
}

// gluedBefore reports whether a reference right after byte c is part of a
// longer word, an HTML entity or a path rather than a reference.
func gluedBefore(c byte) bool {
	return c == '_' || c == '&' || c == '/' || c == '-' || c == '.' ||
		'0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}
