package github

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

func TestPullRequestOriginals(t *testing.T) {
	f := newFixture(t)
	var commits []fakegithub.PullCommit
	for i := 0; i < 130; i++ {
		commits = append(commits, fakegithub.PullCommit{SHA: shaN(1000 + i), Authored: day(-10).Add(time.Duration(i) * time.Hour)})
	}
	f.repo.AddMergedPull(fakegithub.MergedPull{Number: 7, MergeSHA: shaN(1), Merged: day(-1), Commits: commits})
	f.repo.AddMergedPull(fakegithub.MergedPull{Number: 8, MergeSHA: shaN(3), Merged: day(-1), Commits: commits[:1]})

	got, err := f.client.PullRequestOriginals(context.Background(), []string{shaN(1), shaN(2), shaN(3)}, 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 1 || len(got[shaN(1)]) != 130 || !got[shaN(1)][129].Equal(day(-10).Add(129*time.Hour)) {
		t.Fatalf("originals: %d SHAs, %d dates for the squash", len(got), len(got[shaN(1)]))
	}
	// Two lookups (the limit), two pages of the pull request's commits;
	// the third SHA was over budget.
	lookups := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/pulls") && strings.Contains(p, "/commits/") })
	pages := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/pulls/7/commits") })
	if lookups != 2 || pages != 2 || f.srv.Reads() != 4 {
		t.Errorf("%d lookups, %d commit pages, %d reads; want 2, 2, 4", lookups, pages, f.srv.Reads())
	}
}
