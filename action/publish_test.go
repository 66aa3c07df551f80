package action

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/publish"
	"github.com/mvcbot/mvc/report"
)

// A stack whose full listing GitHub would refuse is listed compactly, not
// cut off: every part and the commands stay in the comment.
func TestCommentBodyListsAHugeStackCompactly(t *testing.T) {
	stack := func(parts, files int) *split.Plan {
		p := &split.Plan{Base: strings.Repeat("1", 40), Head: strings.Repeat("2", 40), Budget: split.Budget{Lines: 400, Files: 40}}
		for i := range parts {
			part := split.Part{Index: i + 1, Title: fmt.Sprintf("Change step%d in cmd/tool", i), Rationale: "Its files have often changed together before.",
				WeightedLines: 300, DependsOn: []int{}}
			for f := range files {
				path := fmt.Sprintf("internal/some/deeply/nested/package%d/file_with_a_long_name_%d.go", i, f)
				part.Files = append(part.Files, split.PartFile{Path: path, OldPath: path, Status: analyzer.Modified,
					Hunks: []split.PartHunk{{OldStart: 10, OldLines: 2, NewStart: 10, NewLines: 5}}})
			}
			p.Parts = append(p.Parts, part)
		}
		return p
	}
	comment := func() *report.PRComment {
		return &report.PRComment{Size: size.Result{Verdict: size.VerdictTooLarge, Size: "XXL", Exact: true}}
	}
	for _, tc := range []struct {
		name                   string
		plan                   *split.Plan
		wantCompact, wantSteps bool
	}{
		{"a stack that fits is listed in full", stack(4, 5), false, true},
		// The steps by hand name every file: they go before the parts'
		// files and reasons do.
		{"a stack that fits without the steps keeps its parts in full", stack(60, 8), false, false},
		{"a huge stack is listed compactly", stack(60, 40), true, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			body := commentBody(comment(), tc.plan, report.SplitOptions{})
			if n := utf8.RuneCountInString(body); n > publish.MaxCommentLength {
				t.Fatalf("the comment has %d characters, GitHub takes %d", n, publish.MaxCommentLength)
			}
			compact := strings.Contains(body, "| # | part |")
			if compact != tc.wantCompact {
				t.Errorf("compact listing = %v, want %v", compact, tc.wantCompact)
			}
			if steps := strings.Contains(body, "Or by hand with git"); steps != tc.wantSteps {
				t.Errorf("steps by hand = %v, want %v", steps, tc.wantSteps)
			}
			last := tc.plan.Parts[len(tc.plan.Parts)-1].Title
			if !strings.Contains(body, last) || !strings.Contains(body, "Commands to build this stack") {
				t.Errorf("the comment lost the last part or the commands")
			}
		})
	}
}
