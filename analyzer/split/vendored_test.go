package split

import (
	"fmt"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
)

// A vendored drop is one dependency update, first in the stack, kept
// apart from the change's own code however many names they share, and
// never folded into it however small.
func TestVendoredCodeIsOneDependencyPart(t *testing.T) {
	files := map[string][2]string{
		// The change's own code uses names the vendored code also defines
		// (Parse, Format): a coincidence, not a dependency.
		"app/app.go":      {goFuncs("app", "Run"), goFuncs("app", "Run", "Parse", "Format", "Serve")},
		"app/app_test.go": {"", "package app\n\nimport \"testing\"\n\nfunc TestParse(t *testing.T) {\n\tParse(1)\n\tFormat(2)\n}\n"},
		// A tiny vendored edit, under any folding threshold.
		"vendor/modules.txt": {"# example.com/lib v1.0.0\n", "# example.com/lib v1.1.0\n"},
	}
	for i := range 12 {
		files[fmt.Sprintf("vendor/example.com/lib/p%d/p.go", i)] = [2]string{"", goFuncs(fmt.Sprintf("p%d", i), "Parse", "Format", fmt.Sprintf("Helper%d", i))}
	}
	in := changeOf(files)
	plan, err := Split(in)
	if err != nil {
		t.Fatal(err)
	}
	checkIntegrity(t, 0, in, plan)
	var vendoredParts []int
	for _, p := range plan.Parts {
		vendored, own := 0, 0
		for _, f := range p.Files {
			if strings.HasPrefix(f.Path, "vendor/") {
				vendored++
			} else {
				own++
			}
		}
		if vendored > 0 && own > 0 {
			t.Errorf("part %d %q mixes vendored code with the change's own", p.Index, p.Title)
		}
		if vendored > 0 {
			vendoredParts = append(vendoredParts, p.Index)
			if p.Kind != KindVendored || p.WeightedLines != 0 || p.ReviewableFiles != 0 || vendored != 13 {
				t.Errorf("vendored part: kind %s, %d weighted lines, %d reviewable files, %d vendored files; want a vendored part of all 13, weighing nothing",
					p.Kind, p.WeightedLines, p.ReviewableFiles, vendored)
			}
			if p.Title != "Update vendored code in vendor" {
				t.Errorf("vendored part titled %q", p.Title)
			}
		}
		for _, d := range p.DependsOn {
			if d == 1 {
				t.Errorf("part %d %q depends on the vendored part by shared names alone", p.Index, p.Title)
			}
		}
	}
	if len(vendoredParts) != 1 || vendoredParts[0] != 1 {
		t.Errorf("vendored code in parts %v, want part 1 only", vendoredParts)
	}
}

// On any generated change, the vendored files are in one part of their
// own, whatever the budget, and --fewest-parts keeps it so.
func TestVendoredCodeStaysApartOnGeneratedChanges(t *testing.T) {
	budgets := []size.Budget{{Lines: 400, Files: 40}, {Lines: 12, Files: 2}, {Lines: 1, Files: 1}}
	forGeneratedPlans(t, 600, budgets, func(seed int64, in Input, plan Plan) {
		for _, p := range []Plan{plan, Consolidate(plan)} {
			holding := 0
			for _, part := range p.Parts {
				vendored := 0
				for _, f := range part.Files {
					if strings.HasPrefix(f.Path, "vendor/") {
						vendored++
					}
				}
				if vendored > 0 {
					holding++
				}
				if vendored > 0 && (vendored != len(part.Files) || part.Kind != KindVendored) {
					t.Fatalf("seed %d: part %d %q (%s) mixes vendored code with other files", seed, part.Index, part.Title, part.Kind)
				}
			}
			if holding > 1 {
				t.Fatalf("seed %d: vendored code in %d parts, want one", seed, holding)
			}
		}
	})
}
