package issues

import (
	"slices"
	"testing"
)

// Any body parses and analyzes without panicking, the findings only name
// issues of the graph, and Below names what Build reads below and before
// each issue.
func FuzzBodies(f *testing.F) {
	for _, seed := range []string{
		"- [ ] #2\n- [x] task\n  - [ ] nested\nBlocked by #3, #4 and #5",
		"```\n- [ ] in code #2\n```\n<!-- - [ ] #3 -->\n> blocked by #4",
		"## A\n1. [ ] one\n2) [X] two\nfixes #1 closes #2 depends on: GH-3",
		"https://github.com/o/r/issues/2 blocks #1 requires #99999999999999999999",
		"\x00\xff- [ ]\r\n- [ ] \t#\n#-1 #0",
	} {
		f.Add(seed, seed)
	}
	f.Fuzz(func(t *testing.T, a, b string) {
		list := []Issue{
			{Number: 1, Title: "one", Body: a, State: Open, SubIssues: []int{2}},
			{Number: 2, Title: "two", Body: b, State: Open, BlockedBy: []int{1}},
			{Number: 3, Title: "three", Body: a + b, State: Closed, PullRequest: true},
		}
		g := Build(list)
		for _, is := range list {
			checkBelow(t, g, is)
		}
		fs := Analyze(g, DefaultPolicy())
		for _, tb := range fs.TooBig {
			if !g.Has(tb.Number) {
				t.Fatalf("too big names #%d, not in the graph", tb.Number)
			}
			for _, s := range tb.Breakdown {
				for _, d := range s.DependsOn {
					if d < 0 || d >= len(tb.Breakdown) {
						t.Fatalf("a step depends on step %d of %d", d, len(tb.Breakdown))
					}
				}
			}
		}
		for _, c := range fs.Cycles {
			for _, n := range c {
				if !g.Has(n) {
					t.Fatalf("cycle names #%d, not in the graph", n)
				}
			}
		}
	})
}

// checkBelow: Below's children are the targets of is's Parent edges, and
// its blockers are among the targets of its BlockedBy edges (which also
// hold what other bodies say is blocks).
func checkBelow(t *testing.T, g *Graph, is Issue) {
	t.Helper()
	children, blockers := Below("", is)
	var parents, blocked []int
	for _, e := range g.EdgesFrom(is.Number) {
		switch e.Kind {
		case Parent:
			parents = append(parents, e.To)
		case BlockedBy:
			blocked = append(blocked, e.To)
		}
	}
	slices.Sort(children)
	if !slices.Equal(children, parents) {
		t.Fatalf("#%d: Below's children %v, Build's %v", is.Number, children, parents)
	}
	for _, b := range blockers {
		if !slices.Contains(blocked, b) {
			t.Fatalf("#%d: Below's blocker #%d is no edge of Build's (%v)", is.Number, b, blocked)
		}
	}
}
