package split

import (
	"sort"
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// owners matches paths against a CODEOWNERS file: the last matching line
// wins, as on GitHub. Its patterns follow gitignore rules, which go-git
// implements.
type owners struct {
	rules []ownerRule
}

type ownerRule struct {
	pattern gitignore.Pattern
	owners  string // sorted and joined, "" for a line that unassigns
}

func parseOwners(content []byte) owners {
	var o owners
	for _, line := range strings.Split(string(content), "\n") {
		line, _, _ = strings.Cut(line, " #")
		fields := strings.Fields(line)
		if len(fields) == 0 || strings.HasPrefix(fields[0], "#") {
			continue
		}
		names := append([]string(nil), fields[1:]...)
		sort.Strings(names)
		o.rules = append(o.rules, ownerRule{
			pattern: gitignore.ParsePattern(fields[0], nil),
			owners:  strings.Join(names, " "),
		})
	}
	return o
}

// of returns who owns p ("" when nobody does).
func (o owners) of(p string) string {
	parts := strings.Split(p, "/")
	for i := len(o.rules) - 1; i >= 0; i-- {
		if o.rules[i].pattern.Match(parts, false) == gitignore.Exclude {
			return o.rules[i].owners
		}
	}
	return ""
}
