package issues

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

func tasks(n int, done bool) string {
	var b strings.Builder
	box := "[ ]"
	if done {
		box = "[x]"
	}
	for i := range n {
		b.WriteString("- " + box + " task " + string(rune('a'+i)) + "\n")
	}
	return b.String()
}

func TestTooBig(t *testing.T) {
	tests := []struct {
		name string
		list []Issue
		want []int // numbers flagged
	}{
		{"six unchecked tasks", []Issue{{Number: 1, State: Open, Body: tasks(6, false)}}, []int{1}},
		{"five unchecked tasks is fine", []Issue{{Number: 1, State: Open, Body: tasks(5, false)}}, nil},
		{"checked tasks do not count", []Issue{{Number: 1, State: Open, Body: tasks(5, false) + tasks(9, true)}}, nil},
		{"closed issue", []Issue{{Number: 1, State: Closed, Body: tasks(9, false)}}, nil},
		{"pull request", []Issue{{Number: 1, State: Open, PullRequest: true, Body: tasks(9, false)}}, nil},
		{"open sub-issues count, closed do not", []Issue{
			{Number: 1, State: Open, SubIssues: []int{2, 3, 4, 5, 6, 7}, Body: tasks(1, false)},
			{Number: 2, State: Open}, {Number: 3, State: Open}, {Number: 4, State: Open},
			{Number: 5, State: Open}, {Number: 6, State: Closed}, {Number: 7, State: Closed},
		}, nil},
		{"a task naming a sub-issue counts once", []Issue{
			{Number: 1, State: Open, SubIssues: []int{2, 3, 4}, Body: "- [ ] #2\n- [ ] #3\n- [ ] #4\n- [ ] GH-5\n- [ ] x\n- [ ] y"},
			{Number: 2, State: Open}, {Number: 3, State: Open}, {Number: 4, State: Open}, {Number: 5, State: Open},
		}, []int{1}},
		{"a ticked task naming an open issue is open", []Issue{
			{Number: 1, State: Open, Body: "- [x] #2\n- [x] #3\n- [x] #4\n- [ ] a\n- [ ] b\n- [ ] c"},
			{Number: 2, State: Open}, {Number: 3, State: Open}, {Number: 4, State: Open},
		}, []int{1}},
		{"epic label without pieces", []Issue{{Number: 1, State: Open, Labels: []string{"Epic"}}}, []int{1}},
		{"epic title without pieces", []Issue{{Number: 1, State: Open, Title: "[Tracking] new login"}}, []int{1}},
		{"epic with pieces", []Issue{{Number: 1, State: Open, Title: "Epic: login", Body: tasks(2, true)}}, nil},
		{"epic-ish words are not epics", []Issue{{Number: 1, State: Open, Title: "Fix epic loading time", Labels: []string{"epic-size"}}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []int
			for _, tb := range Analyze(Build(tt.list), DefaultPolicy()).TooBig {
				got = append(got, tb.Number)
				if len(tb.Reasons) == 0 {
					t.Errorf("#%d flagged without a reason", tb.Number)
				}
			}
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("too big (-want +got):\n%s", diff)
			}
		})
	}
}

func TestTooBigReason(t *testing.T) {
	f := Analyze(Build([]Issue{
		{Number: 1, State: Open, Title: "Search", SubIssues: []int{2}, Body: tasks(5, false)},
		{Number: 2, State: Open, Title: "Index"},
	}), DefaultPolicy())
	want := []string{"6 open pieces of work (open sub-issues: 1, unchecked tasks: 5): more than 5 is more than one MVC"}
	if len(f.TooBig) != 1 {
		t.Fatalf("TooBig = %v, want #1", f.TooBig)
	}
	if diff := cmp.Diff(want, f.TooBig[0].Reasons); diff != "" {
		t.Errorf("Reasons (-want +got):\n%s", diff)
	}
}
