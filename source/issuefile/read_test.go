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

// Pull requests exported with `gh pr list --json` are pull requests
// whichever of gh's fields the export has: the MERGED state, a /pull/
// url, or a field only pull requests have. With none of them (an open or
// closed pull request exported with the fields an issue export has) there
// is nothing to tell, which is why the documented command asks for url.
func TestReadGitHubCLIPullRequestExports(t *testing.T) {
	tests := []struct {
		name   string
		fields string // what gh wrote for each entry, after number and title
		pulls  []int  // the entries read as pull requests
	}{
		{
			// gh pr list --state all --json number,title,body,state,createdAt,closedAt
			name: "issue fields only: a merged one is known by its state",
			fields: `{"number": 20, "title": "fix db", "body": "Fixes #3", "state": "MERGED", "createdAt": "2026-01-02T00:00:00Z", "closedAt": "2026-01-03T00:00:00Z"},
				{"number": 21, "title": "wip", "body": "", "state": "OPEN", "createdAt": "2026-01-02T00:00:00Z", "closedAt": "0001-01-01T00:00:00Z"}`,
			pulls: []int{20},
		},
		{
			// ... --json number,title,body,state,createdAt,closedAt,url,mergedAt,isDraft,headRefName
			name: "the documented fields",
			fields: `{"number": 20, "title": "fix db", "body": "Fixes #3", "state": "MERGED", "createdAt": "2026-01-02T00:00:00Z", "closedAt": "2026-01-03T00:00:00Z",
				 "url": "https://github.com/octo/app/pull/20", "mergedAt": "2026-01-03T00:00:00Z", "isDraft": false, "headRefName": "fix-db"},
				{"number": 21, "title": "wip", "body": "", "state": "OPEN", "createdAt": "2026-01-02T00:00:00Z", "closedAt": "0001-01-01T00:00:00Z",
				 "url": "https://github.com/octo/app/pull/21", "mergedAt": "0001-01-01T00:00:00Z", "isDraft": true, "headRefName": "wip"}`,
			pulls: []int{20, 21},
		},
		{
			name: "a url alone tells; an issue's url does not",
			fields: `{"number": 21, "title": "wip", "state": "OPEN", "url": "https://github.com/octo/app/pull/21"},
				{"number": 22, "title": "closed unmerged", "state": "CLOSED", "url": "https://github.com/octo/app/pull/22/"},
				{"number": 23, "title": "an issue", "state": "OPEN", "url": "https://github.com/octo/app/issues/23"},
				{"number": 24, "title": "a REST issue", "state": "open", "url": "https://api.github.com/repos/octo/app/issues/24", "html_url": "https://github.com/octo/app/issues/24"},
				{"number": 25, "title": "a REST pull", "state": "open", "url": "https://api.github.com/repos/octo/app/pulls/25"},
				{"number": 26, "title": "a pull in the title", "state": "OPEN", "url": "https://github.com/octo/pull/issues/26"}`,
			pulls: []int{21, 22, 25},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Read(strings.NewReader("["+tt.fields+"]"), "prs.json")
			if err != nil {
				t.Fatal(err)
			}
			var pulls []int
			for _, is := range got {
				if is.PullRequest {
					pulls = append(pulls, is.Number)
				}
			}
			if diff := cmp.Diff(tt.pulls, pulls); diff != "" {
				t.Errorf("pull requests (-want +got):\n%s", diff)
			}
		})
	}
}
