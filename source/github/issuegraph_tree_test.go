package github

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/issues"
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

// seedBodies: #30's task list names #31, #32 (by URL) and a plain task;
// #31's names #33, whose names #30 back (a cycle); #32 is blocked by #34
// in prose, whose own task #35 stays out (a blocker is not expanded); #36
// names #99, which does not exist, twice, and #37, transferred to
// octo/other.
func seedBodies(f *fixture) {
	bodies := map[int]string{
		30: "- [ ] #31\n- [ ] https://github.com/octo/hello/issues/32\n- [ ] write the docs",
		31: "- [ ] #33", 32: "Blocked by #34.", 33: "- [ ] #30", 34: "- [ ] #35", 35: "",
		36: "- [ ] #99\n- [ ] #37\n\nblocked by #99", 37: "",
	}
	for n, body := range bodies {
		f.repo.AddIssue(fakegithub.Issue{Number: n, Body: body})
	}
	f.repo.TransferIssue(37, f.srv.AddRepo("octo", "other"), 5)
}

func getIssue(n int) string { return fmt.Sprintf("GET %s/%d", issuesPath, n) }

func TestIssueTreeReadsTheIssuesBodiesName(t *testing.T) {
	tests := []struct {
		name     string
		number   int
		max      int
		nodes    []int
		requests []string
		notes    []string
	}{
		{
			name: "task-list issues recursively, prose blockers as leaves", number: 30,
			nodes:    []int{30, 31, 32, 33, 34},
			requests: []string{getIssue(30), getIssue(31), getIssue(32), getIssue(33), getIssue(34)},
		},
		{
			name: "bounded: a body cannot cost more reads than the bound", number: 30, max: 3,
			nodes:    []int{30, 31, 32},
			requests: []string{getIssue(30), getIssue(31), getIssue(32)},
			notes:    []string{"stopped at 3 issues below #30: raise the limit to read the rest of the tree"},
		},
		{
			name: "an issue that does not exist is read once; a transferred one is left out", number: 36,
			nodes: []int{36},
			// The transferred issue's address redirects to its new one.
			requests: []string{getIssue(36), getIssue(99), getIssue(37), "GET /repos/octo/other/issues/5"},
			notes: []string{
				"issues named in task lists or bodies that GitHub does not have (404 or deleted): #99",
				"issues named in task lists or bodies that moved to another repository: #37, left out, as the graph numbers octo/hello's issues only",
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			seedBodies(f)
			res, err := f.client.IssueTree(context.Background(), tt.number, tt.max)
			if err != nil {
				t.Fatal(err)
			}
			var nodes []int
			for _, is := range res.Issues {
				nodes = append(nodes, is.Number)
			}
			if diff := cmp.Diff(tt.nodes, nodes); diff != "" {
				t.Errorf("issues (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.requests, requests(f)); diff != "" {
				t.Errorf("requests (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.notes, res.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
		})
	}
}

// The QA's epic: three open issues and three plain tasks in its task
// list. Read alone it is too big, with the numbers the whole-repository
// read gives it; so is an epic mixing tasks, a sub-issue and an item
// naming an issue.
func TestIssueTreeGivesTheWholeRepositorysVerdict(t *testing.T) {
	tests := []struct {
		name string
		seed func(*fakegithub.Repo)
		want string
	}{
		{
			name: "task list of issues",
			seed: func(r *fakegithub.Repo) {
				r.AddIssue(fakegithub.Issue{Number: 10, Title: "Epic", Body: "- [ ] #11\n- [ ] #12\n- [ ] #13\n- [ ] task a\n- [ ] task b\n- [ ] task c\n"})
				for n := 11; n <= 13; n++ {
					r.AddIssue(fakegithub.Issue{Number: n})
				}
			},
			want: "6 open pieces of work (open sub-issues: 3, unchecked tasks: 3)",
		},
		{
			name: "tasks, a sub-issue and an item naming an issue",
			seed: func(r *fakegithub.Repo) {
				r.AddIssue(fakegithub.Issue{Number: 10, Title: "New auth", Body: "## Setup\n- [ ] Add migration\n- [ ] Refactor session store\n## Feature\n- [ ] Login form\n- [ ] tests for login form\n- [ ] OAuth callback\n- [ ] Logout\n- [x] Design doc\n- [ ] Docs for auth\n- [ ] blocked by #12\n"})
				r.AddIssue(fakegithub.Issue{Number: 11, Body: "depends on #12"})
				r.AddIssue(fakegithub.Issue{Number: 12, Body: "blocked by #11"})
				r.AddIssue(fakegithub.Issue{Number: 13})
				r.AddSubIssue(10, 13)
			},
			want: "9 open pieces of work (open sub-issues: 2, unchecked tasks: 7)",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			tt.seed(f.repo)
			whole, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{})
			if err != nil {
				t.Fatal(err)
			}
			alone, err := f.client.IssueTree(context.Background(), 10, 0)
			if err != nil {
				t.Fatal(err)
			}
			want := tooBigReasons(whole, 10)
			if len(want) == 0 || !strings.HasPrefix(want[0], tt.want) {
				t.Fatalf("whole repository: #10 is %q, want %q", want, tt.want)
			}
			if diff := cmp.Diff(want, tooBigReasons(alone, 10)); diff != "" {
				t.Errorf("#10 read alone (-whole repository +alone):\n%s", diff)
			}
		})
	}
}

// tooBigReasons are why issue n of res is too big, none if it is not.
func tooBigReasons(res IssueGraphResult, n int) []string {
	f := issues.Analyze(issues.BuildIn("octo/hello", res.Issues), issues.DefaultPolicy())
	for _, tb := range f.TooBig {
		if tb.Number == n {
			return tb.Reasons
		}
	}
	return nil
}
