package issues

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBreakdown(t *testing.T) {
	tests := []struct {
		name string
		list []Issue // the first is the oversized one
		want []Step
	}{
		{
			name: "headings stay apart, a big heading splits",
			list: []Issue{{Number: 1, State: Open, Title: "Billing", Body: `
## API
- [ ] a1
- [ ] a2
## UI
- [ ] u1
- [ ] u2
- [ ] u3
- [ ] u4
- [ ] u5
- [ ] u6
- [x] done`}},
			want: []Step{
				{Title: "Billing: API", Tasks: []string{"a1", "a2"}},
				{Title: "Billing: UI (1/2)", Tasks: []string{"u1", "u2", "u3", "u4", "u5"}},
				{Title: "Billing: UI (2/2)", Tasks: []string{"u6"}},
			},
		},
		{
			name: "nested items and adjacent tests stay with their item",
			list: []Issue{{Number: 1, State: Open, Title: "Export", Body: `
- [ ] a
- [ ] b
- [ ] c
- [ ] d
- [ ] csv writer
  - [ ] quoting
  - [ ] encoding
- [ ] Tests for the csv writer`}},
			want: []Step{
				{Title: "Export: a", Tasks: []string{"a", "b", "c", "d"}},
				{Title: "Export: csv writer", Tasks: []string{"csv writer", "quoting", "encoding", "Tests for the csv writer"}},
			},
		},
		{
			name: "foundations first, the rest depends on them",
			list: []Issue{{Number: 1, State: Open, Title: "Teams", Body: `
- [ ] invite screen
- [ ] role picker
- [ ] audit log
- [ ] Add teams table migration
- [ ] seats in billing
- [ ] Refactor the user loader`}},
			want: []Step{
				{Title: "Teams: Add teams table migration", Tasks: []string{"Add teams table migration", "Refactor the user loader"}},
				{Title: "Teams: invite screen", Tasks: []string{"invite screen", "role picker", "audit log", "seats in billing"}, DependsOn: []int{0}},
			},
		},
		{
			name: "open children are steps, after what blocks them",
			list: []Issue{
				{Number: 1, State: Open, Title: "Search", SubIssues: []int{2, 3, 4, 5}, Body: "- [ ] x\n- [ ] y\n- [ ] #6"},
				{Number: 2, State: Open, Title: "Ranking", BlockedBy: []int{4}},
				{Number: 3, State: Open, Title: "Synonyms", Body: "depends on #2"},
				{Number: 4, State: Open, Title: "Index"},
				{Number: 5, State: Closed, Title: "Spike"},
				{Number: 6, State: Open, Title: "Highlighting"},
			},
			want: []Step{
				{Title: "Index", Issue: 4},
				{Title: "Ranking", Issue: 2, DependsOn: []int{0}},
				{Title: "Synonyms", Issue: 3, DependsOn: []int{1}},
				{Title: "Highlighting", Issue: 6},
				{Title: "Search: x", Tasks: []string{"x", "y"}},
			},
		},
		{
			name: "children blocking each other keep their order",
			list: []Issue{
				{Number: 1, State: Open, Title: "Loop", SubIssues: []int{2, 3, 4, 5, 6, 7}},
				{Number: 2, State: Open, Title: "two", BlockedBy: []int{3}},
				{Number: 3, State: Open, Title: "three", BlockedBy: []int{2}},
				{Number: 4, State: Open, Title: "four"}, {Number: 5, State: Open, Title: "five"},
				{Number: 6, State: Open, Title: "six"}, {Number: 7, State: Open, Title: "seven"},
			},
			want: []Step{
				{Title: "four", Issue: 4}, {Title: "five", Issue: 5}, {Title: "six", Issue: 6},
				{Title: "seven", Issue: 7}, {Title: "two", Issue: 2}, {Title: "three", Issue: 3, DependsOn: []int{4}},
			},
		},
		{
			name: "long titles are shortened",
			list: []Issue{{Number: 1, State: Open, Title: "Rewrite the whole notification pipeline for scale", Body: "- [ ] " +
				"Move every notification channel onto the new queue consumer\n" + tasks(5, false)}},
			want: []Step{
				{Title: "Rewrite the whole notification pipeline…: Move every notification channel onto the new queu…",
					Tasks: []string{"Move every notification channel onto the new queue consumer", "task a", "task b", "task c", "task d"}},
				{Title: "Rewrite the whole notification pipeline…: task e", Tasks: []string{"task e"}},
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := Analyze(Build(tt.list), DefaultPolicy())
			if len(f.TooBig) == 0 || f.TooBig[0].Number != tt.list[0].Number {
				t.Fatalf("TooBig = %+v, want #%d first", f.TooBig, tt.list[0].Number)
			}
			if diff := cmp.Diff(tt.want, f.TooBig[0].Breakdown); diff != "" {
				t.Errorf("Breakdown (-want +got):\n%s", diff)
			}
		})
	}
}
