package issues

import (
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// open returns open issues, each blocked by the issues deps gives it.
func open(deps map[int][]int, numbers ...int) []Issue {
	var list []Issue
	for _, n := range numbers {
		list = append(list, Issue{Number: n, State: Open, BlockedBy: deps[n]})
	}
	return list
}

func TestCycles(t *testing.T) {
	tests := []struct {
		name string
		list []Issue
		want [][]int
	}{
		{"none", open(map[int][]int{2: {1}, 3: {2}}, 1, 2, 3), nil},
		{"simple, rotated to the smallest", open(map[int][]int{5: {3}, 3: {4}, 4: {5}}, 3, 4, 5), [][]int{{3, 4, 5}}},
		{"members ascending", open(map[int][]int{1: {3}, 3: {2}, 2: {1}}, 1, 2, 3), [][]int{{1, 2, 3}}},
		{"overlapping cycles are one group", open(map[int][]int{1: {2}, 2: {1, 3}, 3: {2}}, 1, 2, 3), [][]int{{1, 2, 3}}},
		{"two groups, sorted", open(map[int][]int{7: {8}, 8: {7}, 2: {4}, 4: {2}, 9: {2}}, 2, 4, 7, 8, 9), [][]int{{2, 4}, {7, 8}}},
		{"parent waiting on a child that waits on it", []Issue{
			{Number: 1, State: Open, SubIssues: []int{2}}, {Number: 2, State: Open, Body: "blocked by #1"},
		}, [][]int{{1, 2}}},
		{"a closed issue breaks the cycle", []Issue{
			{Number: 1, State: Open, BlockedBy: []int{2}}, {Number: 2, State: Closed, BlockedBy: []int{1}},
		}, nil},
		{"pull requests are not in the relation", []Issue{
			{Number: 1, State: Open, BlockedBy: []int{2}}, {Number: 2, State: Open, PullRequest: true, Body: "depends on #1"},
		}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Analyze(Build(tt.list), DefaultPolicy()).Cycles); diff != "" {
				t.Errorf("Cycles (-want +got):\n%s", diff)
			}
		})
	}
}

func TestCriticalPath(t *testing.T) {
	tests := []struct {
		name    string
		list    []Issue
		want    []int
		tooLong bool
	}{
		{"nothing waits", open(nil, 1, 2), nil, false},
		{"chain, first to last", open(map[int][]int{3: {2}, 2: {1}}, 1, 2, 3), []int{1, 2, 3}, false},
		{"longest wins", open(map[int][]int{2: {1}, 9: {8}, 8: {7}, 7: {6}}, 1, 2, 6, 7, 8, 9), []int{6, 7, 8, 9}, false},
		{"ties go to the smallest numbers", open(map[int][]int{5: {3, 4}, 4: {1, 2}, 3: {2}}, 1, 2, 3, 4, 5), []int{1, 4, 5}, false},
		{"five in a row is too long", open(map[int][]int{2: {1}, 3: {2}, 4: {3}, 5: {4}}, 1, 2, 3, 4, 5), []int{1, 2, 3, 4, 5}, true},
		{"children come before their parent", []Issue{
			{Number: 1, State: Open, Body: "- [ ] #2"}, {Number: 2, State: Open, BlockedBy: []int{3}}, {Number: 3, State: Open},
		}, []int{3, 2, 1}, false},
		{"closed issues are not on it", []Issue{
			{Number: 1, State: Closed}, {Number: 2, State: Open, BlockedBy: []int{1}}, {Number: 3, State: Open, BlockedBy: []int{2}},
		}, []int{2, 3}, false},
		{"edges inside a cycle are left out", open(map[int][]int{1: {2}, 2: {1}, 3: {2}, 4: {3}}, 1, 2, 3, 4), []int{2, 3, 4}, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Analyze(Build(tt.list), DefaultPolicy())
			if diff := cmp.Diff(tt.want, f.CriticalPath); diff != "" {
				t.Errorf("CriticalPath (-want +got):\n%s", diff)
			}
			if f.ChainTooLong != tt.tooLong {
				t.Errorf("ChainTooLong = %v, want %v", f.ChainTooLong, tt.tooLong)
			}
		})
	}
}

func TestCycleLoops(t *testing.T) {
	tests := []struct {
		name string
		list []Issue
		want []Loop
	}{
		{"simple: the loop itself, any link cuts", open(map[int][]int{1: {3}, 3: {2}, 2: {1}}, 1, 2, 3),
			[]Loop{{Path: []int{1, 3, 2}, Cut: []int{1, 3}}}},
		// #1 → #2 → #3 → #1 was drawn here: there is no link #3 → #1.
		{"two loops sharing an issue: a real one, no single cut", open(map[int][]int{1: {2}, 2: {1, 3}, 3: {2}}, 1, 2, 3),
			[]Loop{{Path: []int{1, 2}, Tangled: true}}},
		{"a link on every loop is the cut", open(map[int][]int{1: {2}, 2: {1, 3}, 3: {1}}, 1, 2, 3),
			[]Loop{{Path: []int{1, 2}, Tangled: true, Cut: []int{1, 2}}}},
		{"the shortest loop through the smallest", open(map[int][]int{1: {2, 5}, 2: {3}, 3: {4}, 4: {1}, 5: {4}}, 1, 2, 3, 4, 5),
			[]Loop{{Path: []int{1, 5, 4}, Tangled: true, Cut: []int{4, 1}}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, Analyze(Build(tt.list), DefaultPolicy()).Loops); diff != "" {
				t.Errorf("Loops (-want +got):\n%s", diff)
			}
		})
	}
}

// On random graphs every loop is made of real links, and a cut is named
// exactly when one link frees the group (checked by brute force).
func TestCycleLoopsRandom(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for round := range 400 {
		n := 2 + rng.IntN(10)
		links := map[[2]int]bool{}
		deps := map[int][]int{}
		numbers := make([]int, n)
		for i := range n {
			numbers[i] = i + 1
			for j := range n {
				if i != j && rng.IntN(n) < 2 {
					deps[i+1] = append(deps[i+1], j+1)
					links[[2]int{i + 1, j + 1}] = true
				}
			}
		}
		f := Analyze(Build(open(deps, numbers...)), DefaultPolicy())
		if len(f.Loops) != len(f.Cycles) {
			t.Fatalf("round %d: %d loops for %d groups", round, len(f.Loops), len(f.Cycles))
		}
		for g, l := range f.Loops {
			for k, a := range l.Path {
				if b := l.Path[(k+1)%len(l.Path)]; !links[[2]int{a, b}] {
					t.Fatalf("round %d: loop %v draws #%d → #%d, not a link (%v)", round, l.Path, a, b, deps)
				}
			}
			var cuts [][]int
			for e := range links {
				if slices.Contains(f.Cycles[g], e[0]) && slices.Contains(f.Cycles[g], e[1]) && !hasLoop(f.Cycles[g], links, e) {
					cuts = append(cuts, e[:])
				}
			}
			if (len(cuts) > 0) != (l.Cut != nil) || (l.Cut != nil && hasLoop(f.Cycles[g], links, [2]int{l.Cut[0], l.Cut[1]})) {
				t.Fatalf("round %d: group %v loop %+v, single cuts %v (%v)", round, f.Cycles[g], l, cuts, deps)
			}
		}
	}
}

// hasLoop says whether the members still wait on each other in a loop
// without the link cut, by trying to peel off members that wait on none.
func hasLoop(members []int, links map[[2]int]bool, cut [2]int) bool {
	left := slices.Clone(members)
	for {
		k := slices.IndexFunc(left, func(a int) bool {
			for _, b := range left {
				if links[[2]int{a, b}] && [2]int{a, b} != cut {
					return false
				}
			}
			return true
		})
		if k < 0 {
			return len(left) > 0
		}
		left = slices.Delete(left, k, k+1)
	}
}

// A chain and a ring of 10,000 issues must not overflow the stack.
func TestLongChainAndRing(t *testing.T) {
	const n = 10000
	chain, ring := make([]Issue, n), make([]Issue, n)
	for i := range n {
		chain[i] = Issue{Number: i + 1, State: Open}
		ring[i] = Issue{Number: i + 1, State: Open, BlockedBy: []int{(i+1)%n + 1}}
		if i > 0 {
			chain[i].BlockedBy = []int{i}
		}
	}
	f := Analyze(Build(chain), DefaultPolicy())
	if len(f.CriticalPath) != n || f.CriticalPath[0] != 1 || f.CriticalPath[n-1] != n || len(f.Cycles) != 0 {
		t.Errorf("chain: critical path of %d issues, %d cycles; want %d, 0", len(f.CriticalPath), len(f.Cycles), n)
	}
	f = Analyze(Build(ring), DefaultPolicy())
	if len(f.Cycles) != 1 || len(f.Cycles[0]) != n || f.Cycles[0][0] != 1 || f.Cycles[0][1] != 2 || f.CriticalPath != nil {
		t.Errorf("ring: %d cycles, critical path %v; want one of %d, none", len(f.Cycles), f.CriticalPath, n)
	}
}

func TestStale(t *testing.T) {
	f := Analyze(Build([]Issue{
		{Number: 1, State: Closed},
		{Number: 2, State: Open, Title: "ready", BlockedBy: []int{1}},
		{Number: 3, State: Open, Title: "still waits", Body: "blocked by #1 and #2"},
		{Number: 4, State: Open, Title: "unknown blocker", BlockedBy: []int{1, 99}},
		{Number: 5, State: Open, Title: "open blocker only", BlockedBy: []int{2}},
		{Number: 6, State: Closed, Title: "closed itself", BlockedBy: []int{1}},
		{Number: 7, State: Open, PullRequest: true, Body: "depends on #1"},
	}), DefaultPolicy())
	want := []Stale{
		{Number: 2, Title: "ready", Closed: []int{1}, Ready: true},
		{Number: 3, Title: "still waits", Closed: []int{1}},
		{Number: 4, Title: "unknown blocker", Closed: []int{1}},
	}
	if diff := cmp.Diff(want, f.Stale); diff != "" {
		t.Errorf("Stale (-want +got):\n%s", diff)
	}
}

func TestSummary(t *testing.T) {
	f := Analyze(Build([]Issue{
		{Number: 1, State: Open, SubIssues: []int{2}, Body: "blocked by #3, #50"},
		{Number: 2, State: Closed},
		{Number: 3, State: Open},
		{Number: 4, State: Open, PullRequest: true, Body: "Fixes #1"},
		{Number: 5, State: Closed, PullRequest: true, Body: "Fixes #60"},
	}), DefaultPolicy())
	want := Summary{OpenIssues: 2, ClosedIssues: 1, OpenPulls: 1, ClosedPulls: 1,
		ParentEdges: 1, BlockedByEdges: 2, ClosesEdges: 2, Missing: []int{50, 60}}
	if diff := cmp.Diff(want, f.Summary); diff != "" {
		t.Errorf("Summary (-want +got):\n%s", diff)
	}
}

func TestQuietOnAQuietGraph(t *testing.T) {
	f := Analyze(Build([]Issue{
		{Number: 1, State: Open, Title: "small", Body: tasks(3, false)},
		{Number: 2, State: Closed, Title: "done"},
	}), DefaultPolicy())
	want := Findings{Summary: Summary{OpenIssues: 1, ClosedIssues: 1}}
	if diff := cmp.Diff(want, f, cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("Analyze (-want +got):\n%s", diff)
	}
}
