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
