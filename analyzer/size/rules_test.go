package size

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
)

func TestRequiredLiteral(t *testing.T) {
	for pattern, want := range map[string]string{
		"go.sum": "go.sum", "*.pb.go": ".pb.go", "zz_generated*": "zz_generated", "vendor/": "vendor",
		"**/.yarn/cache/": ".yarn", "*Test.java": "Test.java", "test_*.py": "test_", "[ab].go": "", `a\*b`: "",
	} {
		if got := requiredLiteral(pattern); got != want {
			t.Errorf("requiredLiteral(%q) = %q, want %q", pattern, got, want)
		}
	}
}

// The per-directory memo must give the same answer as matching each path
// afresh, whatever order the paths come in.
func TestNameMatcherMemoAgrees(t *testing.T) {
	paths := []string{"vendor/a.go", "a/vendor/b.go", "a/vendor", "a/b/c.go", "a/b/go.sum", "node_modules/x/y.js",
		"x/.yarn/cache/z.zip", ".yarn/cache/z.zip", "a/b/vendor.go", "third_party/q/q.c"}
	memo := &nameMatcher{}
	for round := range 2 {
		for _, p := range paths {
			fresh := (&nameMatcher{}).match(vendoredNames, splitPath(p))
			if got := memo.match(vendoredNames, splitPath(p)); got != fresh {
				t.Errorf("round %d: %s: memo %q, fresh %q", round, p, got, fresh)
			}
		}
	}
}

func splitPath(p string) []string { return strings.Split(p, "/") }

func BenchmarkMeasure1000Files(b *testing.B) {
	var c analyzer.Change
	for i := range 1000 {
		c.Files = append(c.Files, analyzer.FileChange{
			Path: fmt.Sprintf("pkg%02d/sub%d/file%04d.go", i%40, i%7, i), Status: analyzer.Modified,
			Additions: 50, Deletions: 50, Header: "package x\n\nimport \"fmt\"\n"})
	}
	p := DefaultPolicy()
	for b.Loop() {
		Measure(c, p)
	}
}
