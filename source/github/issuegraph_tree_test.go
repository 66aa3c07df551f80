package github

import (
	"context"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// edgesOf renders a result's nodes and edges: number → sub-issues and
// blockers.
func edgesOf(res IssueGraphResult) map[int][2][]int {
	out := map[int][2][]int{}
	for _, is := range res.Issues {
		out[is.Number] = [2][]int{is.SubIssues, is.BlockedBy}
	}
	return out
}

// seedTree: #1 has sub-issues #2 and #3; #2 has #4; #3 is blocked by
// #9, which has a sub-issue #10 of its own (a blocker is not expanded);
// #4 is blocked by #2, a node met before; #6 is a sub-issue of #4 in
// octo/other. #20 and #21 are sub-issues of each other, which GitHub
// refuses and the fake seeds.
func seedTree(f *fixture) {
	for _, n := range []int{1, 2, 3, 4, 9, 10, 20, 21} {
		f.repo.AddIssue(fakegithub.Issue{Number: n})
	}
	other := f.srv.AddRepo("octo", "other")
	other.AddIssue(fakegithub.Issue{Number: 6})
	f.repo.AddSubIssue(1, 2)
	f.repo.AddSubIssue(1, 3)
	f.repo.AddSubIssue(2, 4)
	f.repo.AddSubIssueFrom(4, other, 6)
	f.repo.AddSubIssue(9, 10)
	f.repo.AddBlockedBy(3, 9)
	f.repo.AddBlockedBy(4, 2)
	f.repo.AddSubIssue(20, 21)
	f.repo.AddSubIssue(21, 20)
}

func TestIssueTree(t *testing.T) {
	tests := []struct {
		name      string
		number    int
		max       int
		edges     map[int][2][]int
		requests  []string
		truncated bool
		notes     []string
	}{
		{
			name: "sub-issues recursively, blockers as leaves", number: 1,
			edges: map[int][2][]int{
				1: {{2, 3}, nil}, 2: {{4}, nil}, 3: {nil, {9}}, 4: {nil, {2}}, 9: {nil, nil},
			},
			requests: []string{
				"GET " + issuesPath + "/1",
				relationRequest(1, "sub_issues"),
				relationRequest(2, "sub_issues"),
				relationRequest(3, "dependencies/blocked_by"),
				relationRequest(4, "sub_issues"),
				relationRequest(4, "dependencies/blocked_by"),
			},
			notes: []string{"sub-issues in other repositories: 1 skipped, as the graph numbers octo/hello's issues only"},
		},
		{
			name: "a cycle ends", number: 20,
			edges:    map[int][2][]int{20: {{21}, nil}, 21: {{20}, nil}},
			requests: []string{"GET " + issuesPath + "/20", relationRequest(20, "sub_issues"), relationRequest(21, "sub_issues")},
		},
		{
			name: "bounded", number: 1, max: 2,
			// #3 had no room; #2 was not expanded, as the walk stopped.
			edges:     map[int][2][]int{1: {{2, 3}, nil}, 2: {nil, nil}},
			requests:  []string{"GET " + issuesPath + "/1", relationRequest(1, "sub_issues")},
			truncated: true,
			notes:     []string{"stopped at 2 issues below #1: raise the limit to read the rest of the tree"},
		},
		{
			name: "a leaf", number: 10,
			edges:    map[int][2][]int{10: {nil, nil}},
			requests: []string{"GET " + issuesPath + "/10"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			seedTree(f)
			res, err := f.client.IssueTree(context.Background(), tt.number, tt.max)
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.edges, edgesOf(res)); diff != "" {
				t.Errorf("edges (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.requests, requests(f)); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			if res.Truncated != tt.truncated {
				t.Errorf("truncated = %v", res.Truncated)
			}
			if diff := cmp.Diff(tt.notes, res.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

func TestIssueTreeOfAMissingIssue(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.IssueTree(context.Background(), 99, 0)
	if !IsNotFound(err) || err.Error() != "get issue #99 of octo/hello: GitHub answered 404 Not Found" {
		t.Errorf("err = %v", err)
	}
}

func TestIssueTreeWithoutSubIssues(t *testing.T) {
	f := newFixture(t)
	seedTree(f)
	f.srv.SetIssueRelations(false, true)
	res, err := f.client.IssueTree(context.Background(), 3, 0)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(map[int][2][]int{3: {nil, {9}}, 9: {nil, nil}}, edgesOf(res)); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	want := []string{"GitHub sent no sub_issues_summary (on 1 of the issues read; a GitHub Enterprise Server without sub-issues?): their sub-issues were not read, read from task lists only"}
	if diff := cmp.Diff(want, res.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}
