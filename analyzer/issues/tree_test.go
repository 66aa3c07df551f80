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
