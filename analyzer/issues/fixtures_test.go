package issues

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// restIssue is the part of GitHub's REST issue object the graph needs,
// decoded with encoding/json: the core must not import go-github.
type restIssue struct {
	Number      int    `json:"number"`
	Title       string `json:"title"`
	Body        string `json:"body"`
	State       string `json:"state"`
	Labels      []struct{ Name string }
	PullRequest *struct{} `json:"pull_request"`
	CreatedAt   time.Time `json:"created_at"`
	ClosedAt    time.Time `json:"closed_at"`
}

func (r restIssue) issue() Issue {
	is := Issue{Number: r.Number, Title: r.Title, Body: r.Body, State: State(r.State),
		PullRequest: r.PullRequest != nil, CreatedAt: r.CreatedAt, ClosedAt: r.ClosedAt}
	for _, l := range r.Labels {
		is.Labels = append(is.Labels, l.Name)
	}
	return is
}

func readFixture(t *testing.T, name string) []restIssue {
	t.Helper()
	dir := filepath.Join("..", "..", "..", "shared", "fixtures", "rest")
	if _, err := os.Stat(dir); err != nil {
		t.Skipf("no REST fixtures at %s", dir)
	}
	data, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	var list []restIssue
	if err := json.Unmarshal(data, &list); err != nil {
		t.Fatalf("decode %s: %v", name, err)
	}
	return list
}

// TestRESTFixtures runs GitHub's documented responses through Build and
// Analyze: the issue list, and the sub-issues and blockers of its first
// issue (the documented examples name the issue itself, which the graph
// ignores as a self-reference).
func TestRESTFixtures(t *testing.T) {
	listed := readFixture(t, "issues-list-for-repo.200.json")
	subs := readFixture(t, "issues-list-sub-issues.200.json")
	blockers := readFixture(t, "issues-list-blocked-by.200.json")
	if len(listed) == 0 {
		t.Fatal("issues-list-for-repo.200.json lists no issue")
	}
	var list []Issue
	for _, r := range listed {
		list = append(list, r.issue())
	}
	for _, r := range subs {
		list[0].SubIssues = append(list[0].SubIssues, r.Number)
	}
	for _, r := range blockers {
		list[0].BlockedBy = append(list[0].BlockedBy, r.Number)
	}
	g := Build(list)
	f := Analyze(g, DefaultPolicy())
	want := Summary{OpenPulls: 1}
	if diff := cmp.Diff(want, f.Summary); diff != "" {
		t.Errorf("Summary (-want +got):\n%s", diff)
	}
	if is, _ := g.Issue(1347); is.Title != "Found a bug" || is.CreatedAt.IsZero() || !cmp.Equal(is.Labels, []string{"bug"}) {
		t.Errorf("Issue(1347) = %+v, want the fixture's title, labels and creation time", is)
	}
	if len(f.TooBig)+len(f.Cycles)+len(f.CriticalPath)+len(f.Stale) != 0 {
		t.Errorf("findings on a one-issue fixture: %+v", f)
	}
}
