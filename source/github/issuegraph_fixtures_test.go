package github

import (
	"context"
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/issues"
)

// TestIssueGraphDecodesGitHubsExamples runs IssueGraph over GitHub's own
// example answers. The examples predate the relation summaries, so the
// test adds them to the listed issue, as GitHub sends them today; the
// example issue is a pull request (it has a pull_request key) and is its
// own sub-issue and blocker, which the client takes as given.
func TestIssueGraphDecodesGitHubsExamples(t *testing.T) {
	var list []map[string]any
	readFixture(t, "issues-list-for-repo.200.json", &list)
	list[0]["sub_issues_summary"] = map[string]int{"total": 1, "completed": 0, "percent_completed": 0}
	list[0]["issue_dependencies_summary"] = map[string]int{"blocked_by": 1, "blocking": 0, "total_blocked_by": 1, "total_blocking": 0}
	var subs, blockers []any
	readFixture(t, "issues-list-sub-issues.200.json", &subs)
	readFixture(t, "issues-list-blocked-by.200.json", &blockers)
	answers := map[string]any{
		"/api/v3/repos/octocat/Hello-World/issues":                              list,
		"/api/v3/repos/octocat/Hello-World/issues/1347/sub_issues":              subs,
		"/api/v3/repos/octocat/Hello-World/issues/1347/dependencies/blocked_by": blockers,
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		v, ok := answers[r.URL.Path]
		if !ok {
			t.Errorf("unexpected request %s", r.URL)
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(v)
	}))
	t.Cleanup(srv.Close)
	c, err := NewClient(context.Background(), Options{BaseURL: srv.URL + "/api/v3", Token: "t", Owner: "octocat", Repo: "Hello-World", Logger: discard()})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.IssueGraph(context.Background(), IssueGraphOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := IssueGraphResult{Issues: []issues.Issue{{
		Number: 1347, Title: "Found a bug", Body: "I'm having a problem with this.", State: issues.Open,
		Labels: []string{"bug"}, PullRequest: true, CreatedAt: time.Date(2011, 4, 22, 13, 33, 48, 0, time.UTC),
		SubIssues: []int{1347}, BlockedBy: []int{1347},
	}}}
	if diff := cmp.Diff(want, res); diff != "" {
		t.Errorf("IssueGraph (-want +got):\n%s", diff)
	}
	if st := c.Stats(); st.Reads != 3 {
		t.Errorf("%d requests, want 3", st.Reads)
	}
}
