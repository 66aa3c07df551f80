package fakegithub

import (
	"encoding/json"
	"fmt"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// wireIssue is what the tests read of an issue object.
type wireIssue struct {
	ID            int64           `json:"id"`
	Number        int             `json:"number"`
	State         string          `json:"state"`
	RepositoryURL string          `json:"repository_url"`
	PullRequest   json.RawMessage `json:"pull_request"`
	ClosedAt      *time.Time      `json:"closed_at"`
	SubIssues     *struct {
		Total, Completed int
		Percent          int `json:"percent_completed"`
	} `json:"sub_issues_summary"`
	Dependencies *struct {
		BlockedBy      int `json:"blocked_by"`
		Blocking       int `json:"blocking"`
		TotalBlockedBy int `json:"total_blocked_by"`
		TotalBlocking  int `json:"total_blocking"`
	} `json:"issue_dependencies_summary"`
}

func decodeIssues(t *testing.T, body string) []wireIssue {
	t.Helper()
	var out []wireIssue
	if err := json.Unmarshal([]byte(body), &out); err != nil {
		t.Fatalf("decode %q: %v", body, err)
	}
	return out
}

func numbers(list []wireIssue) []int {
	out := []int{}
	for _, is := range list {
		out = append(out, is.Number)
	}
	return out
}

// graphRepo: #1 has sub-issues #2 (closed) and #3, #3 is blocked by #2
// and #4, #5 is a pull request seeded through the pulls API and #6 one
// seeded as an issue, #7 was updated in 2023.
func graphRepo(t *testing.T) (*Server, *Repo) {
	s := New(t)
	repo := s.AddRepo("octo", "hello")
	old := DefaultNow.AddDate(-1, 0, 0)
	repo.AddIssue(Issue{Number: 1, Title: "epic"})
	repo.AddIssue(Issue{Number: 2, State: "closed"})
	repo.AddIssue(Issue{Number: 3})
	repo.AddIssue(Issue{Number: 4})
	repo.AddPull(Pull{Number: 5})
	repo.AddIssue(Issue{Number: 6, PullRequest: true, Body: "Closes #3"})
	repo.AddIssue(Issue{Number: 7, CreatedAt: old, UpdatedAt: old})
	repo.AddSubIssue(1, 2)
	repo.AddSubIssue(1, 3)
	repo.AddBlockedBy(3, 2)
	repo.AddBlockedBy(3, 4)
	return s, repo
}

func TestListIssuesFiltersSortsAndMarksPullRequests(t *testing.T) {
	s, _ := graphRepo(t)
	tests := []struct {
		query string
		want  []int
	}{
		{"", []int{6, 5, 4, 3, 1, 7}}, // open, newest first; #7 is oldest
		{"?state=all&sort=created&direction=asc", []int{7, 1, 2, 3, 4, 5, 6}},
		{"?state=closed", []int{2}},
		{"?state=all&direction=asc&since=" + DefaultNow.Add(-time.Hour).Format(time.RFC3339), []int{1, 2, 3, 4, 5, 6}},
		{"?state=all&direction=asc&per_page=3&page=2", []int{3, 4, 5}},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			status, _, body := send(t, s, "GET", "/repos/octo/hello/issues"+tt.query, "")
			if status != 200 {
				t.Fatalf("status %d: %s", status, body)
			}
			if diff := cmp.Diff(tt.want, numbers(decodeIssues(t, body))); diff != "" {
				t.Errorf("numbers (-want +got):\n%s", diff)
			}
		})
	}
	_, _, body := send(t, s, "GET", "/repos/octo/hello/issues?state=all&direction=asc", "")
	for _, is := range decodeIssues(t, body) {
		if pr := is.Number == 5 || is.Number == 6; pr != (len(is.PullRequest) > 0) {
			t.Errorf("#%d: pull_request key %s", is.Number, is.PullRequest)
		}
		if closed := is.State == "closed"; closed != (is.ClosedAt != nil) {
			t.Errorf("#%d %s: closed_at %v", is.Number, is.State, is.ClosedAt)
		}
	}
	if status, _, _ := send(t, s, "GET", "/repos/octo/hello/issues?since=yesterday", ""); status != 422 {
		t.Errorf("bad since: status %d, want 422", status)
	}
}

func TestIssueObjectsCarryRelationSummaries(t *testing.T) {
	s, _ := graphRepo(t)
	_, _, body := send(t, s, "GET", "/repos/octo/hello/issues?state=all&direction=asc", "")
	got := map[int]string{}
	for _, is := range decodeIssues(t, body) {
		got[is.Number] = fmt.Sprintf("sub %d/%d %d%%, blocked by %d/%d, blocking %d/%d",
			is.SubIssues.Completed, is.SubIssues.Total, is.SubIssues.Percent,
			is.Dependencies.BlockedBy, is.Dependencies.TotalBlockedBy, is.Dependencies.Blocking, is.Dependencies.TotalBlocking)
	}
	want := map[int]string{
		1: "sub 1/2 50%, blocked by 0/0, blocking 0/0",
		2: "sub 0/0 0%, blocked by 0/0, blocking 1/1", // closed, and still counts as blocking open #3
		3: "sub 0/0 0%, blocked by 1/2, blocking 0/0",
		4: "sub 0/0 0%, blocked by 0/0, blocking 1/1",
		5: "sub 0/0 0%, blocked by 0/0, blocking 0/0",
		6: "sub 0/0 0%, blocked by 0/0, blocking 0/0",
		7: "sub 0/0 0%, blocked by 0/0, blocking 0/0",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("summaries (-want +got):\n%s", diff)
	}
	_, _, one := send(t, s, "GET", "/repos/octo/hello/issues/1", "")
	if !strings.Contains(one, `"sub_issues_summary":{"total":2,"completed":1,"percent_completed":50}`) {
		t.Errorf("GET issue 1: %s", one)
	}
}

func TestRelationRoutes(t *testing.T) {
	s, repo := graphRepo(t)
	other := s.AddRepo("octo", "other")
	other.AddIssue(Issue{Number: 9})
	repo.AddBlockedByFrom(4, other, 9)
	tests := []struct {
		path   string
		status int
		want   []int
	}{
		{"/repos/octo/hello/issues/1/sub_issues", 200, []int{2, 3}},
		{"/repos/octo/hello/issues/3/sub_issues", 200, []int{}},
		{"/repos/octo/hello/issues/3/dependencies/blocked_by", 200, []int{2, 4}},
		{"/repos/octo/hello/issues/4/dependencies/blocked_by", 200, []int{9}},
		{"/repos/octo/hello/issues/99/sub_issues", 404, nil},
		{"/repos/octo/hello/issues/1/sub_issues?per_page=1&page=2", 200, []int{3}},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			status, _, body := send(t, s, "GET", tt.path, "")
			if status != tt.status {
				t.Fatalf("status %d, want %d: %s", status, tt.status, body)
			}
			if tt.want == nil {
				return
			}
			if diff := cmp.Diff(tt.want, numbers(decodeIssues(t, body))); diff != "" {
				t.Errorf("numbers (-want +got):\n%s", diff)
			}
		})
	}
	_, _, body := send(t, s, "GET", "/repos/octo/hello/issues/4/dependencies/blocked_by", "")
	if is := decodeIssues(t, body); len(is) != 1 || !strings.HasSuffix(is[0].RepositoryURL, "/repos/octo/other") {
		t.Errorf("cross-repository blocker: %s", body)
	}
}

func TestAddSubIssueFollowsGitHub(t *testing.T) {
	s, repo := graphRepo(t)
	id := func(n int) string { return fmt.Sprintf(`{"sub_issue_id":%d}`, repo.issueID(n)) }
	tests := []struct {
		name, path, body string
		status           int
		message          string
	}{
		{"adds", "/repos/octo/hello/issues/4/sub_issues", id(7), 201, `"sub_issues_summary":{"total":1`},
		{"has a parent", "/repos/octo/hello/issues/4/sub_issues", id(2), 422, "already has a parent"},
		{"same parent", "/repos/octo/hello/issues/4/sub_issues", id(7), 422, "already has a parent"},
		{"itself", "/repos/octo/hello/issues/4/sub_issues", id(4), 422, "its own sub-issue"},
		{"unknown id", "/repos/octo/hello/issues/4/sub_issues", `{"sub_issue_id":42}`, 422, "not found"},
		{"replace parent", "/repos/octo/hello/issues/4/sub_issues", fmt.Sprintf(`{"sub_issue_id":%d,"replace_parent":true}`, repo.issueID(3)), 201, `"total":2`},
		{"no parent", "/repos/octo/hello/issues/99/sub_issues", id(6), 404, "Not Found"},
		{"bad body", "/repos/octo/hello/issues/4/sub_issues", `{`, 400, "Problems parsing JSON"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := send(t, s, "POST", tt.path, tt.body)
			if status != tt.status || !strings.Contains(body, tt.message) {
				t.Errorf("status %d %s, want %d with %q", status, body, tt.status, tt.message)
			}
		})
	}
	_, _, body := send(t, s, "GET", "/repos/octo/hello/issues/1/sub_issues", "")
	if got := numbers(decodeIssues(t, body)); !cmp.Equal(got, []int{2}) {
		t.Errorf("#1's sub-issues after #3 moved to #4: %v", got)
	}
}

func TestWithoutIssueRelations(t *testing.T) {
	s, _ := graphRepo(t)
	s.SetIssueRelations(false, false)
	for _, path := range []string{"/repos/octo/hello/issues/1/sub_issues", "/repos/octo/hello/issues/3/dependencies/blocked_by"} {
		if status, _, body := send(t, s, "GET", path, ""); status != 404 || !strings.Contains(body, `"message":"Not Found"`) {
			t.Errorf("GET %s: %d %s", path, status, body)
		}
	}
	_, _, body := send(t, s, "GET", "/repos/octo/hello/issues", "")
	if strings.Contains(body, "sub_issues_summary") || strings.Contains(body, "issue_dependencies_summary") {
		t.Errorf("summaries without the features: %s", body)
	}
	s.SetIssueRelations(true, false)
	_, _, body = send(t, s, "GET", "/repos/octo/hello/issues/1", "")
	if !strings.Contains(body, "sub_issues_summary") || strings.Contains(body, "issue_dependencies_summary") {
		t.Errorf("sub-issues only: %s", body)
	}
}

// TestIssueGraphAnswersUseGitHubsFieldNames is TestAnswersUseGitHubsFieldNames
// for the issue-graph routes.
func TestIssueGraphAnswersUseGitHubsFieldNames(t *testing.T) {
	if _, err := os.Stat(fixtures); err != nil {
		t.Skipf("%s is absent: the real GitHub shapes are not checked", fixtures)
	}
	s, repo := graphRepo(t)
	repo.AddLabel("bug", "d73a4a")
	repo.AddIssue(Issue{Number: 8, Labels: []string{"bug"}})
	repo.AddSubIssue(8, 4)
	// GitHub's issue schema has the summaries; its examples predate them.
	known := map[string]bool{"[0].sub_issues_summary": true, "[0].issue_dependencies_summary": true, ".sub_issues_summary": true, ".issue_dependencies_summary": true}
	tests := []struct{ method, path, body, fixture string }{
		{"GET", "/repos/octo/hello/issues?state=all&direction=asc", "", "issues-list-for-repo.200.json"},
		{"GET", "/repos/octo/hello/issues/1/sub_issues", "", "issues-list-sub-issues.200.json"},
		{"GET", "/repos/octo/hello/issues/3/dependencies/blocked_by", "", "issues-list-blocked-by.200.json"},
		{"POST", "/repos/octo/hello/issues/8/sub_issues", fmt.Sprintf(`{"sub_issue_id":%d}`, repo.issueID(7)), "issues-add-sub-issue.201.json"},
	}
	for _, tt := range tests {
		t.Run(tt.fixture, func(t *testing.T) { checkFieldNames(t, s, tt.method, tt.path, tt.body, tt.fixture, known) })
	}
}

// A transferred issue's old address answers 301 with the new one, as
// GitHub's does; a client following it reads the issue in its new
// repository.
func TestTransferredIssueRedirects(t *testing.T) {
	s := New(t)
	repo, other := s.AddRepo("octo", "hello"), s.AddRepo("octo", "other")
	repo.AddIssue(Issue{Number: 3, Title: "moved", Body: "- [ ] a"})
	if n := repo.TransferIssue(3, other, 0); n != 1 {
		t.Fatalf("new number %d, want 1 (the next free in octo/other)", n)
	}
	status, _, body := send(t, s, "GET", "/repos/octo/hello/issues/3", "") // send's client follows redirects
	var got wireIssue
	if err := json.Unmarshal([]byte(body), &got); status != 200 || err != nil || got.Number != 1 || !strings.HasSuffix(got.RepositoryURL, "/repos/octo/other") {
		t.Errorf("%d: followed to %+v (%v)", status, got, err)
	}
	var reqs []string
	for _, r := range s.Requests() {
		reqs = append(reqs, r.String())
	}
	if diff := cmp.Diff([]string{"GET /repos/octo/hello/issues/3", "GET /repos/octo/other/issues/1"}, reqs); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	if len(repo.Issues()) != 0 {
		t.Errorf("octo/hello still lists %d issues", len(repo.Issues()))
	}
}
