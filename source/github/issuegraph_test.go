package github

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/issues"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

const issuesPath = "/repos/octo/hello/issues"

// listRequest is the issues-list request for page (1 sends no page=).
func listRequest(state string, page int) string {
	q := "direction=asc&"
	if page > 1 {
		q += fmt.Sprintf("page=%d&", page)
	}
	return "GET " + issuesPath + "?" + q + "per_page=100&sort=created&state=" + state
}

func relationRequest(number int, route string) string {
	return fmt.Sprintf("GET %s/%d/%s?per_page=100", issuesPath, number, route)
}

// requests are the requests the fake received, as strings.
func requests(f *fixture) []string {
	var out []string
	for _, r := range f.srv.Requests() {
		out = append(out, r.String())
	}
	return out
}

// seedGraph seeds open issues #1–#150, with a pull request among them
// (#7, through the pulls API) and one seeded as an issue (#8, closed):
// #3 has sub-issues #4 and #5 and one in octo/other; #10 is blocked by
// #11 and by closed #151 (outside the open list).
func seedGraph(t *testing.T, f *fixture) {
	t.Helper()
	for n := 1; n <= 150; n++ {
		switch n {
		case 7:
			f.repo.AddPull(fakegithub.Pull{Number: 7, Title: "Fix", Labels: []string{"bug"}})
		case 8:
			f.repo.AddIssue(fakegithub.Issue{Number: 8, PullRequest: true, State: "closed"})
		default:
			f.repo.AddIssue(fakegithub.Issue{Number: n, Title: fmt.Sprintf("Issue %d", n)})
		}
	}
	f.repo.AddIssue(fakegithub.Issue{Number: 151, State: "closed"})
	other := f.srv.AddRepo("octo", "other")
	other.AddIssue(fakegithub.Issue{Number: 1})
	f.repo.AddSubIssue(3, 4)
	f.repo.AddSubIssue(3, 5)
	f.repo.AddSubIssueFrom(3, other, 1)
	f.repo.AddBlockedBy(10, 151)
	f.repo.AddBlockedBy(10, 11)
}

func byNumber(list []issues.Issue) map[int]issues.Issue {
	out := map[int]issues.Issue{}
	for _, is := range list {
		out[is.Number] = is
	}
	return out
}

func TestIssueGraphReadsRelationsOnlyWhereSummariesCountThem(t *testing.T) {
	f := newFixture(t)
	seedGraph(t, f)
	res, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		listRequest("open", 1),
		listRequest("open", 2),
		relationRequest(3, "sub_issues"),
		relationRequest(10, "dependencies/blocked_by"),
	}
	if diff := cmp.Diff(want, requests(f)); diff != "" {
		t.Errorf("requests (-want +got):\n%s", diff)
	}
	if len(res.Issues) != 149 || res.Truncated {
		t.Errorf("%d issues, truncated %v; want the 149 open ones", len(res.Issues), res.Truncated)
	}
	got := byNumber(res.Issues)
	if is := got[3]; !cmp.Equal(is.SubIssues, []int{4, 5}) || is.BlockedBy != nil {
		t.Errorf("#3: sub-issues %v, blocked by %v", is.SubIssues, is.BlockedBy)
	}
	if is := got[10]; !cmp.Equal(is.BlockedBy, []int{11, 151}) {
		t.Errorf("#10: blocked by %v, want [11 151] (sorted, the closed blocker kept)", is.BlockedBy)
	}
	wantPR := issues.Issue{Number: 7, Title: "Fix", State: issues.Open, Labels: []string{"bug"}, PullRequest: true, CreatedAt: fakegithub.DefaultNow}
	if diff := cmp.Diff(wantPR, got[7]); diff != "" {
		t.Errorf("pull request #7 (-want +got):\n%s", diff)
	}
	if got[1].PullRequest || got[1].State != issues.Open || got[1].Title != "Issue 1" {
		t.Errorf("#1 = %+v", got[1])
	}
	wantNotes := []string{"sub-issues in other repositories: 1 skipped, as the graph numbers octo/hello's issues only"}
	if diff := cmp.Diff(wantNotes, res.Notes); diff != "" {
		t.Errorf("notes (-want +got):\n%s", diff)
	}
}

func TestIssueGraphStopsAtMaxIssues(t *testing.T) {
	tests := []struct {
		name      string
		opt       IssueGraphOptions
		issues    int
		truncated bool
		pages     int
	}{
		{"default bound", IssueGraphOptions{State: "all"}, 151, false, 2},
		{"bound at a page's end", IssueGraphOptions{State: "all", MaxIssues: 100}, 100, true, 1},
		{"bound inside a page", IssueGraphOptions{State: "all", MaxIssues: 120}, 120, true, 2},
		{"bound at the end", IssueGraphOptions{State: "all", MaxIssues: 151}, 151, false, 2},
		{"closed only", IssueGraphOptions{State: "closed", MaxIssues: 1}, 1, true, 1},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			seedGraph(t, f)
			f.srv.SetIssueRelations(false, false) // count list requests only
			res, err := f.client.IssueGraph(context.Background(), tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			if len(res.Issues) != tt.issues || res.Truncated != tt.truncated || f.srv.Reads() != tt.pages {
				t.Errorf("%d issues, truncated %v, %d requests; want %d, %v, %d", len(res.Issues), res.Truncated, f.srv.Reads(), tt.issues, tt.truncated, tt.pages)
			}
			said := len(res.Notes) > 0 && strings.HasPrefix(res.Notes[0], fmt.Sprintf("stopped after %d issues", tt.issues))
			if said != tt.truncated {
				t.Errorf("notes = %q", res.Notes)
			}
			// The oldest first, so a bound keeps a stable prefix.
			if res.Issues[0].Number != 1 && tt.opt.State == "all" {
				t.Errorf("first issue #%d, want #1", res.Issues[0].Number)
			}
		})
	}
}

func TestIssueGraphSendsSince(t *testing.T) {
	f := newFixture(t)
	f.repo.AddIssue(fakegithub.Issue{Number: 1, CreatedAt: fakegithub.DefaultNow.AddDate(0, -2, 0), UpdatedAt: fakegithub.DefaultNow.AddDate(0, -2, 0)})
	f.repo.AddIssue(fakegithub.Issue{Number: 2})
	since := time.Date(2023, 12, 1, 0, 0, 0, 0, time.FixedZone("CET", 3600))
	res, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{Since: since})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Issues) != 1 || res.Issues[0].Number != 2 {
		t.Errorf("issues = %+v, want #2 only", res.Issues)
	}
	if got := f.srv.Requests()[0].Query.Get("since"); got != "2023-11-30T23:00:00Z" {
		t.Errorf("since = %q, want UTC RFC 3339", got)
	}
}

func TestIssueGraphRejectsABadState(t *testing.T) {
	f := newFixture(t)
	_, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{State: "merged"})
	if err == nil || err.Error() != `issue state "merged": use open, closed or all` || f.srv.Reads() != 0 {
		t.Errorf("err = %v after %d requests", err, f.srv.Reads())
	}
}

// TestIssueGraphDegrades covers GitHubs that cannot give the relations:
// each case ends with notes, not an error, and no request the answers
// made pointless.
func TestIssueGraphDegrades(t *testing.T) {
	tests := []struct {
		name     string
		setup    func(*fixture)
		requests int // after the two list pages
		notes    []string
	}{
		{
			name:  "no summaries",
			setup: func(f *fixture) { f.srv.SetIssueRelations(false, false) },
			notes: []string{
				"GitHub sent no sub_issues_summary (on 149 of the issues read; a GitHub Enterprise Server without sub-issues?): their sub-issues were not read, read from task lists only",
				`GitHub sent no issue_dependencies_summary (on 149 of the issues read; a GitHub Enterprise Server without issue dependencies?): their issue dependencies were not read, read "blocked by" from bodies only`,
			},
		},
		{
			name: "sub-issues answer 404",
			setup: func(f *fixture) {
				f.repo.AddSubIssue(20, 21) // a second parent: not asked after the 404
				f.srv.FailNext("GET", issuesPath+"/3/sub_issues", http.StatusNotFound, nil, "")
			},
			requests: 2,
			notes:    []string{"sub-issues are not available on this GitHub (404 on issue #3): read from task lists only"},
		},
		{
			name: "sub-issues answer 403",
			setup: func(f *fixture) {
				f.repo.AddSubIssue(20, 21)
				f.srv.FailNext("GET", issuesPath+"/3/sub_issues", http.StatusForbidden, nil, `{"message":"`+fakegithub.MsgNotAccessible+`"}`)
			},
			requests: 2,
			notes:    []string{"sub-issues could not be read (403 on issue #3: Resource not accessible by integration): give the token read access to issues; read from task lists only"},
		},
		{
			name: "blocked-by answers 404",
			setup: func(f *fixture) {
				f.srv.FailNext("GET", issuesPath+"/10/dependencies/blocked_by", http.StatusNotFound, nil, "")
			},
			requests: 2,
			notes: []string{
				"sub-issues in other repositories: 1 skipped, as the graph numbers octo/hello's issues only",
				`issue dependencies are not available on this GitHub (404 on issue #10): read "blocked by" from bodies only`,
			},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			seedGraph(t, f)
			tt.setup(f)
			res, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{})
			if err != nil {
				t.Fatal(err)
			}
			if got := f.srv.Reads() - 2; got != tt.requests {
				t.Errorf("%d requests after the list, want %d: %q", got, tt.requests, requests(f))
			}
			if diff := cmp.Diff(tt.notes, res.Notes); diff != "" {
				t.Errorf("notes (-want +got):\n%s", diff)
			}
			if len(res.Issues) != 149 {
				t.Errorf("%d issues, want 149", len(res.Issues))
			}
		})
	}
}

func TestIssueGraphFailsOnOtherErrors(t *testing.T) {
	f := newFixture(t)
	seedGraph(t, f)
	f.srv.FailNext("GET", issuesPath+"/10/dependencies/blocked_by", http.StatusGone, nil, "")
	_, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{})
	want := "list issue dependencies of issue #10 of octo/hello (page 1): GitHub answered 410 Gone"
	if err == nil || err.Error() != want || StatusCode(err) != http.StatusGone {
		t.Errorf("err = %v, want %s", err, want)
	}
	f.srv.FailNext("GET", issuesPath, http.StatusGone, nil, "")
	_, err = f.client.IssueGraph(context.Background(), IssueGraphOptions{State: "all"})
	if want := "list all issues of octo/hello (page 1): GitHub answered 410 Gone"; err == nil || err.Error() != want {
		t.Errorf("err = %v, want %s", err, want)
	}
}

func TestIssueGraphWaitsOutASecondaryLimit(t *testing.T) {
	f := newFixture(t)
	seedGraph(t, f)
	f.srv.FailNextSecondaryLimit("GET", issuesPath, 30*time.Second)
	res, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Issues) != 149 {
		t.Errorf("%d issues, want 149", len(res.Issues))
	}
	if st := f.client.Stats(); st.Retries != 1 || st.Waited != 30*time.Second || st.Reads != 5 {
		t.Errorf("stats = %+v, want 5 reads with one retry after 30s", st)
	}
}

func TestIssueGraphPagesRelations(t *testing.T) {
	f := newFixture(t)
	f.repo.AddIssue(fakegithub.Issue{Number: 1})
	var want []int
	for n := 2; n <= 131; n++ {
		f.repo.AddIssue(fakegithub.Issue{Number: n})
		f.repo.AddSubIssue(1, n)
		want = append(want, n)
	}
	res, err := f.client.IssueGraph(context.Background(), IssueGraphOptions{})
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Issues[0].SubIssues; !cmp.Equal(got, want) {
		t.Errorf("sub-issues of #1 = %v", got)
	}
	if n := f.srv.Count(func(r fakegithub.Request) bool { return strings.HasSuffix(r.Path, "/sub_issues") }); n != 2 {
		t.Errorf("%d sub-issue requests, want 2 pages", n)
	}
}
