package issues

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestTree(t *testing.T) {
	list := []Issue{
		{Number: 1, State: Open, Body: "- [ ] #2\n- [ ] #3"},
		{Number: 2, State: Open, SubIssues: []int{4}},
		{Number: 3, State: Open, Body: "blocked by #5"},
		{Number: 4, State: Open, Body: "- [ ] #1"}, // a cycle back to the root
		{Number: 5, State: Open, SubIssues: []int{6}},
		{Number: 6, State: Open},
		{Number: 7, State: Open},
	}
	var got []int
	for _, is := range Tree(list, 1) {
		got = append(got, is.Number)
	}
	// 5 blocks 3: read, not expanded, so 6 stays out; 7 is unrelated.
	if diff := cmp.Diff([]int{1, 2, 3, 4, 5}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
	if Tree(list, 99) != nil {
		t.Error("a tree for an issue not in the list")
	}
}

// A blocker met before the edge that puts it below the tree is still
// expanded: #4 blocks #2 (met first, from #1's first child) and is #5's
// task, so its own task #6 belongs to the tree.
func TestTreeExpandsABlockerThatIsAlsoBelow(t *testing.T) {
	list := []Issue{
		{Number: 1, State: Open, Body: "- [ ] #2\n- [ ] #5"},
		{Number: 2, State: Open, Body: "blocked by #4"},
		{Number: 4, State: Open, Body: "- [ ] #6"},
		{Number: 5, State: Open, Body: "- [ ] #4"},
		{Number: 6, State: Open},
	}
	var got []int
	for _, is := range Tree(list, 1) {
		got = append(got, is.Number)
	}
	if diff := cmp.Diff([]int{1, 2, 4, 5, 6}, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestBelow(t *testing.T) {
	tests := []struct {
		name               string
		repo               string
		is                 Issue
		children, blockers []int
	}{
		{
			name:     "sub-issues first, then task items in body order, each once",
			is:       Issue{Number: 10, SubIssues: []int{13}, Body: "- [ ] #12\n- [ ] task\n- [x] #11\n- [ ] #13 again\n- [ ] #10 itself"},
			children: []int{13, 12, 11},
		},
		{
			name:     "URLs of this repository count, of another do not",
			repo:     "octo/app",
			is:       Issue{Number: 1, Body: "- [ ] https://github.com/octo/app/issues/2\n- [ ] https://github.com/octo/other/issues/3\n- [ ] octo/other#4"},
			children: []int{2},
		},
		{
			name:     "blockers: the API's, then the body's; blocks is the other way",
			is:       Issue{Number: 5, BlockedBy: []int{7}, Body: "Blocked by #8 and #7.\n\nBlocks #9.\n\n```\nblocked by #6\n```"},
			blockers: []int{7, 8},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			children, blockers := Below(tt.repo, tt.is)
			if diff := cmp.Diff(tt.children, children); diff != "" {
				t.Errorf("children (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.blockers, blockers); diff != "" {
				t.Errorf("blockers (-want +got):\n%s", diff)
			}
		})
	}
}
