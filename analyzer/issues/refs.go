package issues

import (
	"regexp"
	"strconv"
	"strings"
)

// reference is one issue reference in prose.
type reference struct {
	Number     int // 0 when the reference is to another repository
	Start, End int // byte offsets in the text
}

// refPattern matches the forms GitHub links to an issue: "#12", "GH-12"
// and a URL to an issue or pull request (group 1 its owner/repo);
// references glues "owner/repo" to a "#12". The "\b" at the end keeps
// "#12abc" out.
var refPattern = regexp.MustCompile(`(?i)(?:https?://github\.com/([\w.-]+/[\w.-]+)/(?:issues|pull)/(\d+)|#(\d+)|\bgh-(\d+))\b`)

// references finds the issue references in text, in order. repo is the
// graph's repository, "owner/name", or "" when it is not known.
//
// Which repository a reference is in decides whether it is an edge: the
// graph holds one repository, and #12 of another is another issue.
// "owner/repo#12" is always taken for another repository, since Issue does
// not say which repository it is in; write "#12" for this one. A
// github.com URL to /issues/N or /pull/N (one sequence of numbers per
// repository) is issue N when its owner/name is repo's, compared without
// case as GitHub does; a URL of another repository is left out, as
// "owner/other#12" is. When repo is not known, a pasted URL is taken for
// this repository's, since that is how people most often link their own
// issues. Matches glued to a word ("abc#12", "&#12;", "xgh-12") are not
// references.
func references(text, repo string) []reference {
	if !strings.ContainsAny(text, "#-/") { // every form has one of these
		return nil
	}
	var refs []reference
	for _, m := range refPattern.FindAllStringSubmatchIndex(text, -1) {
		r := reference{Start: m[0], End: m[1]}
		if m[6] >= 0 { // #12, perhaps after owner/repo
			if r.Start = repoBefore(text, m[0]); r.Start < m[0] {
				refs = append(refs, r) // another repository's: Number 0
				continue
			}
		}
		if m[0] > 0 && gluedBefore(text[m[0]-1]) {
			continue
		}
		if m[2] >= 0 && repo != "" && !strings.EqualFold(text[m[2]:m[3]], repo) {
			refs = append(refs, r) // a URL of another repository: Number 0
			continue
		}
		for g := 4; g < len(m); g += 2 {
			if m[g] >= 0 {
				r.Number, _ = strconv.Atoi(text[m[g]:m[g+1]])
			}
		}
		refs = append(refs, r)
	}
	return refs
}

// repoBefore returns where an "owner/repo" right before byte at of text
// starts, or at if there is none.
func repoBefore(text string, at int) int {
	repo := nameStart(text, at)
	if repo == at || repo == 0 || text[repo-1] != '/' {
		return at
	}
	if owner := nameStart(text, repo-1); owner < repo-1 && (owner == 0 || !gluedBefore(text[owner-1])) {
		return owner
	}
	return at
}

// nameStart returns where the run of name characters (letters, digits,
// "_", ".", "-") ending at byte end of text starts.
func nameStart(text string, end int) int {
	for end > 0 && isNameByte(text[end-1]) {
		end--
	}
	return end
}

func isNameByte(c byte) bool {
	return c == '_' || c == '.' || c == '-' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// gluedBefore reports whether a reference right after byte c is part of a
// longer word, an HTML entity or a path rather than a reference.
func gluedBefore(c byte) bool {
	return isNameByte(c) || c == '&' || c == '/'
}
