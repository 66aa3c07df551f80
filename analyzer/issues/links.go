package issues

import (
	"regexp"
	"slices"
	"strings"
)

// Links are the relations a body states in prose, as issue numbers of this
// repository in the order they first appear.
type Links struct {
	// BlockedBy: "blocked by #3", "depends on: #3, #4", "requires #5",
	// "after #6".
	BlockedBy []int
	// Blocks: "blocks #7", the same relation seen from the other end.
	Blocks []int
	// Closes: GitHub's closing keywords, "fixes #8". They only act in a
	// pull request's body; Build ignores them in an issue's.
	Closes []int
}

var (
	// dependencyWord is deliberately short: a false edge invents a blocker
	// or a cycle, a missed one only leaves the graph as the API has it. So
	// "see #3", "related to #3" or "part of #3" are not dependencies, and a
	// word counts only when a reference follows it directly.
	dependencyWord = regexp.MustCompile(`(?i)\b(blocked\s+by|depends?\s+on|requires|after|blocks)[ \t]*:?[ \t]*`)
	// closingWord is exactly GitHub's list of closing keywords.
	closingWord = regexp.MustCompile(`(?i)\b(?:close[sd]?|fix(?:e[sd])?|resolve[sd]?)[ \t]*:?[ \t]*`)
	// listSeparator joins references in "#3, #4 and #5" or "#3 & #4".
	listSeparator = regexp.MustCompile(`(?i)^[ \t]*(?:,[ \t]*(?:and[ \t]+)?|and[ \t]+|&[ \t]*)`)
)

// ParseLinks reads the dependencies and closing references a body states
// in prose, outside code, HTML comments and quotes.
func ParseLinks(body string) Links { return parseLinks(body, "") }

// parseLinks is ParseLinks in repository repo ("owner/name", "" unknown).
func parseLinks(body, repo string) Links {
	var l Links
	for _, prose := range proseLines(body) {
		line := prose.Words
		refs := references(line, repo)
		if len(refs) == 0 {
			continue
		}
		for _, m := range dependencyWord.FindAllStringSubmatchIndex(line, -1) {
			list := referenceList(line, refs, m[1])
			if strings.EqualFold(line[m[2]:m[3]], "blocks") {
				l.Blocks = appendNew(l.Blocks, list...)
			} else {
				l.BlockedBy = appendNew(l.BlockedBy, list...)
			}
		}
		// GitHub closes only the issue right after each keyword: "fixes
		// #1, #2" closes #1 alone.
		for _, m := range closingWord.FindAllStringIndex(line, -1) {
			if r, ok := referenceAt(refs, m[1]); ok && r.Number > 0 {
				l.Closes = appendNew(l.Closes, r.Number)
			}
		}
	}
	return l
}

// referenceList returns the numbers of the list of references starting at
// byte at of line; references to other repositories keep the list going
// but are left out.
func referenceList(line string, refs []reference, at int) []int {
	var list []int
	for {
		r, ok := referenceAt(refs, at)
		if !ok {
			return list
		}
		if r.Number > 0 {
			list = append(list, r.Number)
		}
		sep := listSeparator.FindString(line[r.End:])
		if sep == "" {
			return list
		}
		at = r.End + len(sep)
	}
}

func referenceAt(refs []reference, at int) (reference, bool) {
	for _, r := range refs {
		if r.Start == at {
			return r, true
		}
	}
	return reference{}, false
}

// appendNew appends the numbers list does not hold yet.
func appendNew(list []int, numbers ...int) []int {
	for _, n := range numbers {
		if !slices.Contains(list, n) {
			list = append(list, n)
		}
	}
	return list
}
