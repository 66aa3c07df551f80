package split

import (
	"slices"
	"testing"
)

// A directory replaced by a file of the same path (or the reverse) is one
// part: no tree holds both a and a/x, so the two sides cannot be stacked.
func TestDirectoryReplacedByAFileIsOnePart(t *testing.T) {
	in := changeOf(map[string][2]string{
		"docs/a/x.md":  {"# X\n\nSome words about x.\n", ""},
		"docs/a/y.md":  {"# Y\n\nSome words about y.\n", ""},
		"docs/a":       {"", "see docs/b\n"},
		"src/other.go": {"package src\n", "package src\n\nfunc Other() {}\n"},
	})
	in.Policy.Budget.Lines = 1
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	at := partOf(plan)
	if !slices.Equal(at["docs/a"], at["docs/a/x.md"]) || !slices.Equal(at["docs/a"], at["docs/a/y.md"]) {
		t.Errorf("docs/a in parts %v, docs/a/x.md in %v, docs/a/y.md in %v; want one part", at["docs/a"], at["docs/a/x.md"], at["docs/a/y.md"])
	}
}
