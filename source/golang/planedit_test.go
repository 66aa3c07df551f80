package golang

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
)

func TestDependsOnStaysAnArrayAfterRepairs(t *testing.T) {
	h := split.PartHunk{OldStart: 1, OldLines: 1, NewStart: 1, NewLines: 1}
	part := func(i int, path string, deps ...int) split.Part {
		return split.Part{Index: i, Files: []split.PartFile{{Path: path, Hunks: []split.PartHunk{h}}}, DependsOn: append([]int{}, deps...)}
	}
	plan := split.Plan{Parts: []split.Part{part(1, "a.go"), part(2, "b.go"), part(3, "c.go", 2), part(4, "d.go")}}
	in := split.Input{Policy: size.DefaultPolicy()}
	for name, got := range map[string]split.Plan{
		"clone":  clonePlan(plan),
		"merge":  mergeParts(in, plan, 0, 1),
		"move":   moveHunk(in, plan, hunkRef{part: 2, file: 0, hunk: 0}, 1),
		"nil in": clonePlan(split.Plan{Parts: []split.Part{{Index: 1}}}),
	} {
		for _, p := range got.Parts {
			out, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if strings.Contains(string(out), `"depends_on":null`) {
				t.Errorf("%s: part %d has depends_on null, want an array", name, p.Index)
			}
		}
	}
}

func TestMergedPartIsNamedByItsHeaviestMember(t *testing.T) {
	lines := func(n int) split.PartHunk { return split.PartHunk{OldStart: 1, OldLines: 0, NewStart: 1, NewLines: n} }
	plan := split.Plan{Parts: []split.Part{
		{Index: 1, Title: "Change go.mod, go.sum and tls.go", Kind: split.KindDependencies, Rationale: "Small.", WeightedLines: 11,
			Files: []split.PartFile{{Path: "tls.go", Hunks: []split.PartHunk{lines(11)}}}, DependsOn: []int{}},
		{Index: 2, Title: "Add publishECHConfigs and 26 more in modules/caddytls", Kind: split.KindProvider, Rationale: "ECH.", WeightedLines: 400,
			Files: []split.PartFile{{Path: "ech.go", Hunks: []split.PartHunk{lines(400)}}}, DependsOn: []int{1}},
		{Index: 3, Title: "Change docs, and 2 more parts", Kind: split.KindProvider, Rationale: "Docs.", WeightedLines: 5,
			Files: []split.PartFile{{Path: "doc.go", Hunks: []split.PartHunk{lines(5)}}}, DependsOn: []int{}},
	}}
	in := split.Input{Policy: size.DefaultPolicy()}
	got := mergeParts(in, plan, 0, 1)
	p := got.Parts[0]
	if p.Title != "Add publishECHConfigs and 26 more in modules/caddytls, and 1 more part" || p.Kind != split.KindProvider {
		t.Errorf("merged part: title %q, kind %s; want the ECH part's, and 1 more part", p.Title, p.Kind)
	}
	if !strings.HasPrefix(p.Rationale, "ECH.") || !strings.Contains(p.Rationale, `"Change go.mod, go.sum and tls.go"`) {
		t.Errorf("rationale %q: want the heavier part's and the name of the part merged into it", p.Rationale)
	}
	if p.ChangedLines != 411 {
		t.Errorf("merged part has %d changed lines, want 411", p.ChangedLines)
	}
	// Merging a part --fewest-parts already merged (3 parts) counts its
	// members: 5 parts in all.
	again := mergeParts(in, got, 0, 1)
	if want := "Add publishECHConfigs and 26 more in modules/caddytls, and 4 more parts"; again.Parts[0].Title != want {
		t.Errorf("merged twice: title %q, want %q", again.Parts[0].Title, want)
	}
}

// After a merge renumbers the stack, no rationale names parts by their
// old numbers: the cycle clause goes, the rest stays.
func TestMergeDropsStaleCycleNotes(t *testing.T) {
	note := "A change to Run; it also uses part 3, later in the stack, which needs it in turn through a cycle of uses, " + split.CycleNote + ". Merged with \"x\", without which it does not build."
	if got, want := withoutCycleNote(note), "A change to Run. Merged with \"x\", without which it does not build."; got != want {
		t.Errorf("withoutCycleNote = %q, want %q", got, want)
	}
	plan := split.Plan{Parts: []split.Part{{Index: 1, Rationale: note}, {Index: 2}, {Index: 3}}}
	got := dropPart(plan, 2, 1)
	if strings.Contains(got.Parts[0].Rationale, "part 3") {
		t.Errorf("rationale still names part 3: %q", got.Parts[0].Rationale)
	}
}
