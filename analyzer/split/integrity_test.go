package split

import (
	"bytes"
	"math/rand"
	"testing"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
)

// TestIntegrityOnGeneratedChanges is the splitter's central promise: on
// any change, every changed line is in exactly one part, every prefix of
// the stack applies to the base, and the whole stack gives the head byte
// for byte. Small budgets force many parts and over-budget units.
func TestIntegrityOnGeneratedChanges(t *testing.T) {
	budgets := []size.Budget{{Lines: 400, Files: 40}, {Lines: 12, Files: 2}, {Lines: 1, Files: 1}}
	forGeneratedPlans(t, 600, budgets, func(seed int64, in Input, plan Plan) {
		checkIntegrity(t, seed, in, plan)
	})
}

// forGeneratedPlans splits n generated changes, cycling through budgets,
// and hands each input and plan to check.
func forGeneratedPlans(t *testing.T, n int64, budgets []size.Budget, check func(seed int64, in Input, plan Plan)) {
	t.Helper()
	for seed := int64(0); seed < n; seed++ {
		r := rand.New(rand.NewSource(seed))
		in := genChange(r)
		in.Policy = size.DefaultPolicy()
		in.Policy.Budget = budgets[seed%int64(len(budgets))]
		plan, err := Split(in)
		if err != nil {
			t.Fatalf("seed %d: Split: %v", seed, err)
		}
		check(seed, in, plan)
	}
}

func checkIntegrity(t *testing.T, seed int64, in Input, plan Plan) {
	t.Helper()
	if got, want := countPlanLines(plan), countChangeLines(in.Change); got != want {
		t.Fatalf("seed %d: parts hold %d changed lines, the change has %d", seed, got, want)
	}
	for n := 1; n <= len(plan.Parts); n++ {
		state, err := Apply(in, plan, n)
		if err != nil {
			t.Fatalf("seed %d: applying %d of %d parts: %v", seed, n, len(plan.Parts), err)
		}
		if n < len(plan.Parts) {
			continue
		}
		for _, f := range in.Change.Files {
			want, exists := in.Head[f.Path]
			got, gotExists := state[f.Path]
			if f.Status == analyzer.Removed {
				exists = false
			}
			if exists != gotExists || !bytes.Equal(got, want) {
				t.Fatalf("seed %d: after all %d parts %s is %q (exists %v), head has %q (exists %v)",
					seed, len(plan.Parts), f.Path, got, gotExists, want, exists)
			}
		}
	}
}

func countPlanLines(p Plan) int {
	n := 0
	for _, part := range p.Parts {
		for _, f := range part.Files {
			for _, h := range f.Hunks {
				n += h.OldLines + h.NewLines
			}
		}
	}
	return n
}

func countChangeLines(c analyzer.Change) int {
	n := 0
	for _, f := range c.Files {
		for _, h := range f.Hunks {
			for _, l := range h.Lines {
				if l.Op != analyzer.Context {
					n++
				}
			}
		}
	}
	return n
}
