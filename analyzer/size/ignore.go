package size

import (
	"strings"

	"github.com/go-git/go-git/v5/plumbing/format/gitignore"
)

// ignoreRules are the policy's ignore patterns with gitignore semantics
// relative to the repository root, as go-git implements them.
type ignoreRules struct {
	sources  []string
	patterns []gitignore.Pattern
}

func newIgnoreRules(lines []string) ignoreRules {
	var r ignoreRules
	for _, line := range lines {
		if isBlankOrComment(line) {
			continue
		}
		r.sources = append(r.sources, line)
		r.patterns = append(r.patterns, gitignore.ParsePattern(line, nil))
	}
	return r
}

func isBlankOrComment(line string) bool {
	t := strings.TrimSpace(line)
	return t == "" || strings.HasPrefix(t, "#")
}

// match returns the verdict of the last pattern that matches the path, as
// in a .gitignore: Exclude, Include (a "!pattern") or NoMatch, and that
// pattern.
func (r ignoreRules) match(path []string) (gitignore.MatchResult, string) {
	for i := len(r.patterns) - 1; i >= 0; i-- {
		if res := r.patterns[i].Match(path, false); res != gitignore.NoMatch {
			return res, r.sources[i]
		}
	}
	return gitignore.NoMatch, ""
}
