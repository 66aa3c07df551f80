package issues

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestBuild(t *testing.T) {
	g := Build([]Issue{
		{Number: 10, Title: "epic", State: Open, SubIssues: []int{11, 12, 10},
			Body: "- [ ] #11\n- [x] #13\n- [ ] write docs\nBlocked by #20, #10\nThis blocks #12.\nFixes #99"},
		{Number: 11, State: Open, BlockedBy: []int{12}, Body: "depends on #12"},
		{Number: 12, State: Closed},
		{Number: 13, State: Closed},
		{Number: 30, State: Open, PullRequest: true, Body: "Closes #11, fixes #40\n- [ ] #11"},
		{Number: 11, Title: "duplicate, ignored", Body: "blocked by #77"},
	})
	wantEdges := []Edge{
		{From: 10, To: 11, Kind: Parent, Source: SourceSubIssues},
		{From: 10, To: 12, Kind: Parent, Source: SourceSubIssues},
		{From: 10, To: 13, Kind: Parent, Source: SourceTaskList},
		{From: 10, To: 20, Kind: BlockedBy, Source: SourceBody},
		{From: 11, To: 12, Kind: BlockedBy, Source: SourceDependencies},
		{From: 12, To: 10, Kind: BlockedBy, Source: SourceBody},
		{From: 30, To: 11, Kind: Closes, Source: SourceBody},
		{From: 30, To: 11, Kind: Parent, Source: SourceTaskList},
		{From: 30, To: 40, Kind: Closes, Source: SourceBody},
	}
	if diff := cmp.Diff(wantEdges, g.Edges()); diff != "" {
		t.Errorf("Edges (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]int{20, 40}, g.Missing()); diff != "" {
		t.Errorf("Missing (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantEdges[4:5], g.EdgesFrom(11)); diff != "" {
		t.Errorf("EdgesFrom(11) (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff([]Edge{wantEdges[0], wantEdges[6], wantEdges[7]}, g.EdgesTo(11)); diff != "" {
		t.Errorf("EdgesTo(11) (-want +got):\n%s", diff)
	}
	wantTasks := []Task{{Text: "#11", Ref: 11}, {Text: "#13", Done: true, Ref: 13}, {Text: "write docs"}}
	if diff := cmp.Diff(wantTasks, g.Tasks(10)); diff != "" {
		t.Errorf("Tasks(10) (-want +got):\n%s", diff)
	}
	var numbers []int
	for _, is := range g.Issues() {
		numbers = append(numbers, is.Number)
	}
	if diff := cmp.Diff([]int{10, 11, 12, 13, 30}, numbers); diff != "" {
		t.Errorf("Issues (-want +got):\n%s", diff)
	}
	if is, _ := g.Issue(11); is.Title == "duplicate, ignored" {
		t.Errorf("Issue(11) is the second of two with that number; want the first")
	}
}

// A task-list or "blocked by" URL to another repository's issue is that
// repository's, not this one's issue of the same number; the repository's
// own URLs count, whatever their case.
func TestBuildInLeavesOtherRepositoriesURLsOut(t *testing.T) {
	list := []Issue{
		{Number: 1, State: Open, Body: "- [ ] https://github.com/other/lib/issues/2 (upstream)\n- [ ] https://github.com/Octo/App/issues/3\nblocked by https://github.com/other/lib/pull/4"},
		{Number: 2, State: Open, Body: "blocked by #1"},
		{Number: 3, State: Open},
		{Number: 4, State: Open},
	}
	want := []Edge{
		{From: 1, To: 3, Kind: Parent, Source: SourceTaskList},
		{From: 2, To: 1, Kind: BlockedBy, Source: SourceBody},
	}
	if diff := cmp.Diff(want, BuildIn("octo/app", list).Edges()); diff != "" {
		t.Errorf("edges (-want +got):\n%s", diff)
	}
	if got := BuildIn("octo/app", list).Tasks(1)[0].Ref; got != 0 {
		t.Errorf("the other repository's task names #%d", got)
	}
	if n := len(Build(list).Edges()); n != 4 {
		t.Errorf("with the repository unknown, %d edges; want every URL taken as local (4)", n)
	}
}
