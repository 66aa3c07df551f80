package split

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
)

// TestConsolidateKeepsIntegrity: merged stacks still hold every line once,
// apply prefix by prefix, and give the head; parts fit unless one was over
// budget alone; and no stack grows.
func TestConsolidateKeepsIntegrity(t *testing.T) {
	budgets := []size.Budget{{Lines: 400, Files: 40}, {Lines: 30, Files: 4}, {Lines: 1, Files: 1}}
	forGeneratedPlans(t, 300, budgets, func(seed int64, in Input, plan Plan) {
		merged := Consolidate(plan)
		checkIntegrity(t, seed, in, merged)
		if len(merged.Parts) > len(plan.Parts) {
			t.Fatalf("seed %d: %d parts became %d", seed, len(plan.Parts), len(merged.Parts))
		}
		if len(plan.Parts) > 0 && plan.FewestParts != len(merged.Parts) {
			t.Fatalf("seed %d: the plan says %d parts at fewest, Consolidate makes %d", seed, plan.FewestParts, len(merged.Parts))
		}
		for _, p := range merged.Parts {
			if !p.OverBudget && p.WeightedLines > in.Policy.Budget.Lines {
				t.Fatalf("seed %d: part %d has %d weighted lines, budget %d", seed, p.Index, p.WeightedLines, in.Policy.Budget.Lines)
			}
			for _, d := range p.DependsOn {
				if d >= p.Index {
					t.Fatalf("seed %d: part %d depends on later part %d", seed, p.Index, d)
				}
			}
		}
	})
}

func TestConsolidateBalancesRuns(t *testing.T) {
	part := func(i, lines int) Part {
		return Part{Index: i, Title: string(rune('A' + i - 1)), WeightedLines: lines, ReviewableFiles: 1}
	}
	plan := Plan{Budget: Budget{Lines: 400, Files: 40}, Parts: []Part{
		part(1, 17), part(2, 11), part(3, 32), part(4, 29), part(5, 53), part(6, 181), part(7, 15), part(8, 6), part(9, 12), part(10, 60), part(11, 25),
	}}
	plan.Parts[5].DependsOn = []int{3, 4}
	plan.Parts[9].DependsOn = []int{6}
	got := Consolidate(plan)
	if len(got.Parts) != 2 {
		t.Fatalf("%d parts, want 2 for 441 lines under a 400-line budget", len(got.Parts))
	}
	a, b := got.Parts[0].WeightedLines, got.Parts[1].WeightedLines
	if a+b != 441 || max(a, b) > 323 {
		t.Errorf("parts of %d and %d lines: want the most even cut in stack order", a, b)
	}
	if d := got.Parts[1].DependsOn; len(d) != 1 || d[0] != 1 {
		t.Errorf("second part depends on %v, want [1]", d)
	}
	// Named, and of the kind of, the heaviest part merged, the others counted.
	mixed := Plan{Budget: Budget{Lines: 400, Files: 40}, Parts: []Part{part(1, 0), part(2, 50)}}
	mixed.Parts[0].Kind, mixed.Parts[1].Kind = KindMechanical, KindConsumer
	if got := Consolidate(mixed); len(got.Parts) != 1 || got.Parts[0].Kind != KindConsumer {
		t.Errorf("a move merged with code: %+v, want one consumer part", got.Parts)
	}
	for i, want := range []string{"E, and 4 more parts", "F, and 5 more parts"} {
		if got.Parts[i].Title != want {
			t.Errorf("part %d titled %q, want %q", i+1, got.Parts[i].Title, want)
		}
	}

	over := Plan{Budget: Budget{Lines: 100, Files: 40}, Parts: []Part{part(1, 20), part(2, 150), part(3, 20)}}
	over.Parts[1].OverBudget = true
	if got := Consolidate(over); len(got.Parts) != 3 {
		t.Errorf("an over-budget part was merged: %d parts", len(got.Parts))
	}

	vendored := Plan{Budget: Budget{Lines: 100, Files: 40}, Parts: []Part{part(1, 0), part(2, 20), part(3, 20)}}
	vendored.Parts[0].Kind = KindVendored
	if got := Consolidate(vendored); len(got.Parts) != 2 || got.Parts[0].Kind != KindVendored || got.Parts[0].Title != "A" {
		t.Errorf("the vendored part was merged with the change's own code: %+v", got.Parts)
	}
}

// referenceCuts is the plain form of balancedCuts: every run tried, its
// fit and weight summed afresh.
func referenceCuts(parts []Part, b Budget) []int {
	fits := func(run []Part) bool {
		if len(run) == 1 {
			return true
		}
		lines, files := 0, 0
		for _, p := range run {
			if p.OverBudget || p.Kind == KindVendored {
				return false
			}
			lines, files = lines+p.WeightedLines, files+p.ReviewableFiles
		}
		return lines <= b.Lines && files <= b.Files
	}
	weight := func(run []Part) int {
		w := 0
		for _, p := range run {
			w += p.WeightedLines
		}
		return w
	}
	n, inf := len(parts), math.MaxInt
	cost, from := [][]int{make([]int, n+1)}, [][]int{make([]int, n+1)}
	for j := 1; j <= n; j++ {
		cost[0][j] = inf
	}
	for k := 1; ; k++ {
		cost, from = append(cost, make([]int, n+1)), append(from, make([]int, n+1))
		for j := 0; j <= n; j++ {
			cost[k][j] = inf
			for i := 0; i < j; i++ {
				if cost[k-1][i] != inf && fits(parts[i:j]) {
					if c := max(cost[k-1][i], weight(parts[i:j])); c < cost[k][j] {
						cost[k][j], from[k][j] = c, i
					}
				}
			}
		}
		if cost[k][n] != inf {
			cuts := make([]int, k)
			for j, kk := n, k; kk > 0; kk-- {
				cuts[kk-1], j = j, from[kk][j]
			}
			return cuts
		}
	}
}

func TestBalancedCutsMatchTheReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	b := Budget{Lines: 400, Files: 40}
	for c := 0; c < 2000; c++ {
		parts := make([]Part, 1+rng.IntN(30))
		for i := range parts {
			parts[i] = Part{WeightedLines: rng.IntN(300), ReviewableFiles: rng.IntN(15), OverBudget: rng.IntN(12) == 0}
			if rng.IntN(15) == 0 {
				parts[i].Kind = KindVendored
			}
		}
		if got, want := balancedCuts(parts, b), referenceCuts(parts, b); !slices.Equal(got, want) {
			t.Fatalf("case %d: cuts %v, want %v for %+v", c, got, want, parts)
		}
	}
}
