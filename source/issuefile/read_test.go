package issuefile

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/issues"
)

func TestReadGitHubCLIExport(t *testing.T) {
	src := `[
  {"number": 12, "title": "Epic", "body": "- [ ] #13", "state": "OPEN",
   "labels": [{"id": "LA_1", "name": "epic", "color": "ededed"}],
   "createdAt": "2026-01-02T03:04:05Z", "closedAt": "0001-01-01T00:00:00Z"},
  {"number": 13, "title": "Part", "body": "", "state": "CLOSED", "labels": [],
   "createdAt": "2026-01-03T00:00:00Z", "closedAt": "2026-01-04T00:00:00Z", "blocked_by": [11]},
  {"number": 14, "title": "Fix", "body": "Closes #13", "state": "MERGED", "headRefName": "fix", "labels": ["bug"]}
]`
	got, err := Read(strings.NewReader(src), "issues.json")
	if err != nil {
		t.Fatal(err)
	}
	want := []issues.Issue{
		{Number: 12, Title: "Epic", Body: "- [ ] #13", State: issues.Open, Labels: []string{"epic"}, CreatedAt: time.Date(2026, 1, 2, 3, 4, 5, 0, time.UTC)},
		{Number: 13, Title: "Part", State: issues.Closed, CreatedAt: time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC), ClosedAt: time.Date(2026, 1, 4, 0, 0, 0, 0, time.UTC), BlockedBy: []int{11}},
		{Number: 14, Title: "Fix", Body: "Closes #13", State: issues.Closed, Labels: []string{"bug"}, PullRequest: true},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("(-want +got):\n%s", diff)
	}
}

func TestReadErrorsSayWhatToFix(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`{"number": 1}`, "want a JSON array of issues"},
		{``, "want a JSON array of issues"},
		{`[{"title": "no number"}]`, "entry 1: no issue number"},
		{`[{"number": 3, "state": "pending"}]`, `issue #3: state "pending" is neither open nor closed`},
		{`[{"number": 4, "created_at": "yesterday"}]`, `issue #4: created: "yesterday" is not an RFC 3339 time`},
		{`[{"number": 5, "labels": [7]}]`, "a label is a name or an object with a name"},
		{`[{"number": 6,`, "issues.json: unexpected end of JSON input"},
	} {
		_, err := Read(strings.NewReader(tc.src), "issues.json")
		if err == nil || !strings.Contains(err.Error(), tc.want) || strings.Contains(err.Error(), "\n") {
			t.Errorf("Read(%q) = %v, want one line containing %q", tc.src, err, tc.want)
		}
	}
}

// The REST API's own issue objects read as they are, pull requests marked.
func TestReadRESTFixture(t *testing.T) {
	path := filepath.Join("..", "..", "..", "shared", "fixtures", "rest", "issues-list-for-repo.200.json")
	f, err := os.Open(path)
	if err != nil {
		t.Skipf("real REST fixtures not found (%v): they sit beside the project in development and CI", err)
	}
	defer f.Close()
	got, err := Read(f, path)
	if err != nil {
		t.Fatal(err)
	}
	// The example is a pull request: the issues list holds both.
	if len(got) != 1 || got[0].Number != 1347 || got[0].State != issues.Open || !got[0].PullRequest ||
		!cmp.Equal(got[0].Labels, []string{"bug"}) || got[0].CreatedAt.IsZero() {
		t.Errorf("decoded %+v", got)
	}
}
