package main

import (
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/fakegithub"
	"github.com/mvcbot/mvc/internal/gittest"
)

// signalsFixture is a clone tagged daily, v1 … v6, each tag two hours
// after one squash-merged pull request (#1 … #5), and a fake GitHub that
// knows what git does not: #2 is GitHub's revert of #1, #4 is labelled
// hotfix, and incident #50 names v6.
func signalsFixture(t *testing.T) (*gittest.Repo, *fakegithub.Server) {
	g := gittest.New(t)
	srv := fakegithub.New(t)
	srv.AcceptToken("test-token")
	repo := srv.AddRepo("octo", "app")
	day := func(d, hh int) time.Time { return time.Date(2024, 3, d, hh, 0, 0, 0, time.UTC) }
	g.Write("f", "0")
	g.AnnotatedTag("v1", g.CommitAt("root", day(1, 10), day(1, 10)), day(1, 12))
	pulls := []fakegithub.MergedPull{
		{Number: 1, Title: "Add search", Files: []fakegithub.File{{Name: "search.go", Additions: 1200}}},
		{Number: 2, Title: `Revert "Add search"`, Body: "Reverts octo/app#1", Files: []fakegithub.File{{Name: "search.go", Deletions: 1200}}},
		{Number: 3, Title: "Add login", Files: []fakegithub.File{{Name: "login.go", Additions: 20}}},
		{Number: 4, Title: "Fix login", Labels: []string{"hotfix"}, Files: []fakegithub.File{{Name: "login.go", Additions: 2, Deletions: 1}}},
		{Number: 5, Title: "Add cart", Files: []fakegithub.File{{Name: "cart.go", Additions: 30}}},
	}
	for i, p := range pulls {
		d := i + 2
		g.Write("f", fmt.Sprint(d))
		p.MergeSHA = g.CommitAt(fmt.Sprintf("%s (#%d)", p.Title, p.Number), day(d, 10), day(d, 10))
		p.Merged, p.Created, p.Author = day(d, 10), day(d, 4), "ada"
		p.Commits = []fakegithub.PullCommit{{SHA: fmt.Sprintf("orig%d", p.Number), Authored: day(d, 1)}}
		p.Reviews = []fakegithub.Review{{User: "bob", State: "APPROVED", Submitted: day(d, 7)}}
		repo.AddMergedPull(p)
		g.AnnotatedTag(fmt.Sprintf("v%d", d), p.MergeSHA, day(d, 12))
	}
	repo.AddIncident(fakegithub.Incident{Number: 50, Title: "Cart empty", Body: "Since v6 the cart forgets items.",
		Labels: []string{"incident"}, Opened: day(6, 18), Closed: day(7, 0)})
	return g, srv
}

func TestReportReadsFailureSignalsFromGitHub(t *testing.T) {
	g, srv := signalsFixture(t)
	args := []string{"report", "--deploy-source", "tags", "--until", "2024-03-08T00:00:00Z", "--window-days", "7", "--format", "json"}
	local := decodeReport(t, runMVC(t, g.Dir, nil, args...))
	if local["change_failure_rate"] != 0.0 || local["flow"] != nil {
		t.Errorf("git alone sees no failure and no pull requests: rate %v, flow %v", local["change_failure_rate"], local["flow"])
	}
	env := []string{"GITHUB_TOKEN=test-token", "GITHUB_API_URL=" + srv.BaseURL()}
	got := decodeReport(t, runMVC(t, g.Dir, env, append(args, "--github", "octo/app")...))
	var trail []string
	for _, f := range got["failures"].([]any) {
		m := f.(map[string]any)
		trail = append(trail, fmt.Sprintf("%s %s by %s after %v h", m["ref"], m["signal"], m["remediated_by"], m["recovered_hours"]))
	}
	want := []string{"v2 revert by v3 after 24 h", "v4 hotfix by v5 after 24 h", "v6 incident by incident #50 after 12 h"}
	if diff := cmp.Diff(want, trail); diff != "" {
		t.Errorf("failures (-want +got):\n%s", diff)
	}
	if got["change_failure_rate"] != 0.5 || got["rework_rate"] != 2.0/6 {
		t.Errorf("change failure rate %v, rework %v; want 0.5 and 1/3", got["change_failure_rate"], got["rework_rate"])
	}
	flow := got["flow"].(map[string]any)
	stages := flow["stages"].(map[string]any)
	wantStages := map[string]any{
		"coding":      map[string]any{"median": 3.0, "n": 5.0},
		"pickup":      map[string]any{"median": 3.0, "n": 5.0},
		"review":      map[string]any{"median": 0.0, "n": 5.0},
		"merge_wait":  map[string]any{"median": 3.0, "n": 5.0},
		"deploy_wait": map[string]any{"median": 2.0, "n": 5.0},
	}
	if diff := cmp.Diff(wantStages, stages); diff != "" {
		t.Errorf("stages (-want +got):\n%s", diff)
	}
	sizes := map[string]any{}
	for _, b := range flow["by_size"].([]any) {
		row := b.(map[string]any)
		sizes[row["size"].(string)] = fmt.Sprint(row["pull_requests"], " reworked ", row["reverted_or_hotfixed"])
	}
	// #1 (1,200 lines) was reverted; #3 shipped in v4, which a hotfix fixed.
	wantSizes := map[string]any{"XS": "[4] reworked 0", "S": "[3] reworked 1", "M": "[5] reworked 0", "XL": "[2] reworked 0", "XXL": "[1] reworked 1"}
	if diff := cmp.Diff(wantSizes, sizes); diff != "" {
		t.Errorf("by size (-want +got):\n%s", diff)
	}
	md := runMVC(t, g.Dir, env, "report", "--github", "octo/app", "--deploy-source", "tags", "--until", "2024-03-08T00:00:00Z", "--window-days", "7", "--format", "markdown")
	for _, w := range []string{"Change failure rate per week", "| Deploy wait | merged → deployed |", "incident #50", "level (DORA 2024)"} {
		if !strings.Contains(md.stdout, w) {
			t.Errorf("markdown report lacks %q", w)
		}
	}
}
