package issues

import (
	"fmt"
	"math/rand/v2"
	"testing"
)

// BenchmarkAnalyze10k builds and analyzes 10,000 issues with about 50,000
// edges: API sub-issues and dependencies, task lists and prose.
func BenchmarkAnalyze10k(b *testing.B) {
	const n = 10000
	r := rand.New(rand.NewPCG(1, 2))
	list := make([]Issue, n)
	for i := range list {
		is := Issue{Number: i + 1, Title: fmt.Sprintf("issue %d", i+1), State: Open}
		if r.IntN(4) == 0 {
			is.State = Closed
		}
		for range 2 {
			is.SubIssues = append(is.SubIssues, r.IntN(n)+1)
			is.BlockedBy = append(is.BlockedBy, r.IntN(n)+1)
		}
		is.Body = fmt.Sprintf("## Plan\n- [ ] #%d\n- [x] step one\n- [ ] step two\n\nBlocked by #%d and #%d.",
			r.IntN(n)+1, r.IntN(n)+1, r.IntN(n)+1)
		list[i] = is
	}
	b.ReportAllocs()
	for b.Loop() {
		g := Build(list)
		if len(g.Edges()) < 45000 {
			b.Fatalf("%d edges, want about 50,000", len(g.Edges()))
		}
		Analyze(g, DefaultPolicy())
	}
}
