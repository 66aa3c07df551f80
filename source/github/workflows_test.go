package github

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// GitHub lists at most 1,000 runs of a filtered query (newest first) while
// total_count counts them all: 2,500 deploys in the window are read whole
// by narrowing the created range, not cut to the newest 1,000.
func TestWorkflowRunsPastGitHubsCap(t *testing.T) {
	f := newFixture(t)
	f.repo.AddWorkflow("Deploy", ".github/workflows/deploy.yml")
	add := func(id int64, created time.Time) {
		f.repo.AddWorkflowRun(fakegithub.WorkflowRun{ID: id, Workflow: ".github/workflows/deploy.yml", SHA: shaN(int(id)), Branch: "main",
			Event: "push", Conclusion: "success", Created: created, Updated: created.Add(time.Minute)})
	}
	const n = 2500
	for i := range int64(n) {
		add(i+1, day(-25).Add(time.Duration(i)*10*time.Minute))
	}
	add(9999, day(-60)) // the predecessor
	runs, err := f.client.WorkflowRuns(context.Background(), "deploy.yml", "main", day(-30))
	if err != nil {
		t.Fatal(err)
	}
	seen := map[int64]bool{}
	for _, r := range runs {
		seen[r.ID] = true
	}
	if len(runs) != n+1 || len(seen) != n+1 || !seen[1] || !seen[n] || !seen[9999] {
		t.Fatalf("%d runs (%d distinct), want all %d and the predecessor", len(runs), len(seen), n)
	}
	reqs := f.srv.Requests()
	ranged := 0
	for _, r := range reqs {
		if strings.Contains(r.Query.Get("created"), "..") {
			ranged++
		}
	}
	if ranged == 0 || len(reqs) > 40 {
		t.Errorf("%d requests, %d of them on a created range: want the range narrowed, in few requests", len(reqs), ranged)
	}
}
