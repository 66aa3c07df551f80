package github

import (
	"context"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

var flowEpoch = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)

func flowAt(h int) time.Time { return flowEpoch.Add(time.Duration(h) * time.Hour) }

func TestMergedPullRequestsStopsAtSince(t *testing.T) {
	f := newFixture(t)
	// 150 merged pull requests, one an hour, listed newest first.
	for n := 1; n <= 150; n++ {
		f.repo.AddMergedPull(fakegithub.MergedPull{Number: n, MergeSHA: fmt.Sprintf("%040d", n), Merged: flowAt(n), Created: flowAt(n - 1)})
	}
	got, err := f.client.MergedPullRequests(context.Background(), "main", flowAt(40))
	if err != nil {
		t.Fatal(err)
	}
	// Page one (150…51) ends after since (40): read page two, the last.
	if len(got) != 150 || got[0].Number != 150 || f.srv.Reads() != 2 {
		t.Errorf("%d pull requests (first #%d) in %d reads", len(got), got[0].Number, f.srv.Reads())
	}
	f.srv.ResetRequests()
	if _, err := f.client.MergedPullRequests(context.Background(), "main", flowAt(60)); err != nil || f.srv.Reads() != 1 {
		t.Errorf("one page covers since: %d reads, %v", f.srv.Reads(), err)
	}
}

func TestDetailPullRequest(t *testing.T) {
	f := newFixture(t)
	f.repo.AddMergedPull(fakegithub.MergedPull{
		Number: 7, MergeSHA: strings.Repeat("7", 40), Merged: flowAt(30), Created: flowAt(10), Author: "ada",
		Title: "Add search", HeadRef: "feature/search", Labels: []string{"hotfix"},
		Commits: []fakegithub.PullCommit{{SHA: "c2", Authored: flowAt(8)}, {SHA: "c1", Authored: flowAt(2)}},
		Reviews: []fakegithub.Review{
			{User: "ada", State: "COMMENTED", Submitted: flowAt(11)}, // the author's own: no pickup
			{User: "bob", State: "CHANGES_REQUESTED", Submitted: flowAt(14)},
			{User: "cy", State: "APPROVED", Submitted: flowAt(20)},
			{User: "bob", State: "APPROVED", Submitted: flowAt(22)},
		},
		Files: []fakegithub.File{{Name: "search.go", Additions: 120, Deletions: 30}},
	})
	pulls, err := f.client.MergedPullRequests(context.Background(), "", flowAt(0))
	if err != nil || len(pulls) != 1 {
		t.Fatalf("%d pulls, %v", len(pulls), err)
	}
	p := pulls[0]
	if err := f.client.DetailPullRequest(context.Background(), &p, size.DefaultPolicy()); err != nil {
		t.Fatal(err)
	}
	want := delivery.PullRequest{
		Number: 7, Title: "Add search", Author: "ada", HeadRef: "feature/search", Labels: []string{"hotfix"},
		Created: flowAt(10), Merged: flowAt(30), MergeSHA: strings.Repeat("7", 40),
		FirstCommit: flowAt(2), FirstReview: flowAt(14), Approved: flowAt(20),
		// size.Measure's default weights count a deleted line less.
		Size: "L", Weighted: 135, SizeFrom: "files", Detailed: true,
	}
	if diff := cmp.Diff(want, p); diff != "" {
		t.Errorf("detailed pull request (-want +got):\n%s", diff)
	}
	// The list, then commits, reviews and files: one request each.
	if f.srv.Reads() != 4 {
		t.Errorf("%d reads, want 4: %v", f.srv.Reads(), f.srv.Requests())
	}
}

func TestIncidents(t *testing.T) {
	f := newFixture(t)
	f.repo.AddIncident(fakegithub.Incident{Number: 40, Title: "Checkout down", Body: "Since v1.4.0, probably #12 (abc1234).",
		Labels: []string{"incident"}, Opened: flowAt(5), Closed: flowAt(9)})
	f.repo.AddIncident(fakegithub.Incident{Number: 41, Title: "Slow search", Labels: []string{"incident", "p2"}, Opened: flowAt(6)})
	f.repo.AddIssue(fakegithub.Issue{Number: 42, Title: "Not an incident", Labels: []string{"bug"}})
	got, err := f.client.Incidents(context.Background(), "incident", flowAt(0), map[int]string{12: "merge-of-12"})
	if err != nil {
		t.Fatal(err)
	}
	want := []delivery.Incident{
		{Number: 41, Title: "Slow search", Opened: flowAt(6)},
		{Number: 40, Title: "Checkout down", Opened: flowAt(5), Closed: flowAt(9), SHAs: []string{"abc1234", "merge-of-12"}, Refs: []string{"v1.4.0"}},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("incidents (-want +got):\n%s", diff)
	}
	if f.srv.Reads() != 1 {
		t.Errorf("%d reads, want 1", f.srv.Reads())
	}
}

// TestDetailPullRequestFallsBackToLineCounts: GitHub refuses to list the
// files of a diff too large to render; the size then comes from the pull
// request's additions and deletions.
func TestDetailPullRequestFallsBackToLineCounts(t *testing.T) {
	f := newFixture(t)
	f.repo.AddMergedPull(fakegithub.MergedPull{Number: 8, MergeSHA: strings.Repeat("8", 40), Merged: flowAt(30), Created: flowAt(10),
		Files: []fakegithub.File{{Name: "big.go", Additions: 900, Deletions: 100}}})
	f.srv.FailNext("GET", "/repos/octo/hello/pulls/8/files", 422, nil, "")
	p := delivery.PullRequest{Number: 8}
	if err := f.client.DetailPullRequest(context.Background(), &p, size.DefaultPolicy()); err != nil {
		t.Fatal(err)
	}
	if p.Weighted != 1000 || p.SizeFrom != "additions+deletions" || p.Size != string(size.DefaultPolicy().Buckets.Size(1000)) {
		t.Errorf("fallback size %s from %d (%s)", p.Size, p.Weighted, p.SizeFrom)
	}
	f.srv.FailNext("GET", "/repos/octo/hello/pulls/8/reviews", 403, nil, "")
	if err := f.client.DetailPullRequest(context.Background(), &p, size.DefaultPolicy()); err == nil || !strings.Contains(err.Error(), "list reviews of pull request 8") {
		t.Errorf("a failing review list: %v, want an error naming it", err)
	}
}
