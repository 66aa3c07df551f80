package split

import (
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

	over := Plan{Budget: Budget{Lines: 100, Files: 40}, Parts: []Part{part(1, 20), part(2, 150), part(3, 20)}}
	over.Parts[1].OverBudget = true
	if got := Consolidate(over); len(got.Parts) != 3 {
		t.Errorf("an over-budget part was merged: %d parts", len(got.Parts))
	}
}
