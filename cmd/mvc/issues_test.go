package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
	"github.com/mvcbot/mvc/internal/gittest"
)

// An export with an oversized issue, a cycle, a long chain and a stale
// blocker: every finding, in text and in JSON.
const issuesExport = `[
 {"number": 1, "title": "Checkout rewrite", "state": "OPEN", "body": "## Backend\n- [ ] Migrate the orders schema\n- [ ] Add the payments API\n- [ ] Add refunds\n## Frontend\n- [ ] New cart page\n- [ ] New checkout page\n- [ ] Docs for the checkout\n- [x] Design review"},
 {"number": 2, "title": "Small fix", "state": "OPEN", "body": "- [ ] code\n- [ ] tests"},
 {"number": 3, "title": "A", "state": "OPEN", "body": "Blocked by #4"},
 {"number": 4, "title": "B", "state": "OPEN", "body": "Depends on #3"},
 {"number": 5, "title": "C", "state": "OPEN", "body": "blocked by #6"},
 {"number": 6, "title": "D", "state": "OPEN", "body": "blocked by #7"},
 {"number": 7, "title": "E", "state": "OPEN", "body": "blocked by #8"},
 {"number": 8, "title": "F", "state": "OPEN", "body": "blocked by #9"},
 {"number": 9, "title": "G", "state": "OPEN", "body": "blocked by #10"},
 {"number": 10, "title": "H", "state": "CLOSED", "body": ""},
 {"number": 11, "title": "Fix A", "state": "MERGED", "headRefName": "fix-a", "body": "Fixes #3"}
]`

func writeExport(t *testing.T, content string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), "issues.json")
	if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestIssuesFromExport(t *testing.T) {
	p := writeExport(t, issuesExport)
	res := runMVC(t, t.TempDir(), nil, "issues", "--from", p)
	if res.code != 0 {
		t.Fatalf("code %d, stderr %s", res.code, res.stderr)
	}
	for _, want := range []string{
		"Too big to ship as one MVC (1)",
		"#1 Checkout rewrite: 6 open pieces of work",
		"1. Checkout rewrite: Backend",
		"#3 → #4 → #3",
		"Critical path: #9 → #8 → #7 → #6 → #5: 5 issues",
		"#9 G: blocked by #10, closed; nothing open blocks it now: ready to start",
	} {
		if !strings.Contains(res.stdout, want) {
			t.Errorf("the report lacks %q:\n%s", want, res.stdout)
		}
	}
	if strings.Contains(res.stdout, "Small fix") {
		t.Errorf("a two-task issue is reported:\n%s", res.stdout)
	}

	res = runMVC(t, t.TempDir(), nil, "issues", "--from", p, "--format", "json", "--max-chain", "5")
	var got struct {
		Policy   map[string]int `json:"policy"`
		Findings struct {
			TooBig []struct {
				Number    int               `json:"number"`
				Breakdown []json.RawMessage `json:"breakdown"`
			} `json:"too_big"`
			Cycles       [][]int `json:"cycles"`
			CriticalPath []int   `json:"critical_path"`
			ChainTooLong bool    `json:"chain_too_long"`
			Summary      struct {
				ClosesEdges int   `json:"closes_edges"`
				Missing     []int `json:"missing"`
			} `json:"summary"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, res.stdout)
	}
	f := got.Findings
	if len(f.TooBig) != 1 || f.TooBig[0].Number != 1 || len(f.TooBig[0].Breakdown) < 2 || fmt.Sprint(f.Cycles) != "[[3 4]]" ||
		len(f.CriticalPath) != 5 || f.ChainTooLong || got.Policy["max_chain"] != 5 || f.Summary.ClosesEdges != 1 || f.Summary.Missing == nil {
		t.Errorf("findings %+v policy %v", f, got.Policy)
	}
	if !strings.Contains(res.stdout, `"missing": []`) {
		t.Errorf("an empty list is not [] in JSON:\n%s", res.stdout)
	}
}

func TestIssuesQuietWhenNothingToSay(t *testing.T) {
	p := writeExport(t, `[{"number": 1, "title": "Tidy", "state": "OPEN", "body": "- [ ] one\n- [ ] two"}]`)
	res := runMVC(t, t.TempDir(), nil, "issues", "--from", p, "--format", "markdown")
	if res.code != 0 || !strings.Contains(res.stdout, "Nothing to report") || strings.Contains(res.stdout, "###") {
		t.Errorf("code %d:\n%s", res.code, res.stdout)
	}
}

// The API source reads the issues list, then sub-issues and blockers only
// where GitHub's summaries count some.
func TestIssuesFromGitHub(t *testing.T) {
	srv := fakegithub.New(t)
	srv.AcceptToken("test-token")
	repo := srv.AddRepo("octo", "app")
	epic := repo.AddIssue(fakegithub.Issue{Title: "Epic: search"})
	var children []int
	for i := range 7 {
		children = append(children, repo.AddIssue(fakegithub.Issue{Title: fmt.Sprintf("search part %d", i+1)}))
	}
	for _, c := range children {
		repo.AddSubIssue(epic, c)
	}
	repo.AddBlockedBy(children[1], children[0])
	env := []string{"GITHUB_TOKEN=test-token", "GITHUB_API_URL=" + srv.BaseURL()}
	res := runMVC(t, t.TempDir(), env, "issues", "--github", "octo/app")
	if res.code != 0 {
		t.Fatalf("code %d, stderr %s", res.code, res.stderr)
	}
	if !strings.Contains(res.stdout, fmt.Sprintf("#%d Epic: search: 7 open pieces of work", epic)) {
		t.Errorf("the epic is not flagged:\n%s", res.stdout)
	}
	// One page of issues, one of sub-issues, one of blockers.
	if srv.Reads() != 3 {
		t.Errorf("%d API reads, want 3: %v", srv.Reads(), srv.Requests())
	}
	if want := "in 3 GitHub API requests"; !strings.Contains(res.stderr, want) {
		t.Errorf("stderr %q lacks %q", res.stderr, want)
	}
}

// With neither --from nor --github, the clone's origin names the repository.
func TestIssuesReadsTheOriginRepository(t *testing.T) {
	g := gittest.New(t)
	g.Git("remote", "add", "origin", "git@github.com:octo/app.git")
	srv := fakegithub.New(t)
	srv.AcceptToken("test-token")
	srv.AddRepo("octo", "app").AddIssue(fakegithub.Issue{Title: "One"})
	res := runMVC(t, g.Dir, []string{"GITHUB_TOKEN=test-token", "GITHUB_API_URL=" + srv.BaseURL()}, "issues")
	if res.code != 0 || !strings.Contains(res.stdout, "Issue graph: octo/app (GitHub API)") {
		t.Errorf("code %d\nstdout %s\nstderr %s", res.code, res.stdout, res.stderr)
	}
}

func TestIssuesBadInput(t *testing.T) {
	p := writeExport(t, `{"not": "a list"}`)
	plain := t.TempDir()
	for _, tc := range []struct {
		env  []string
		args []string
		want string
	}{
		{nil, []string{"--from", p}, "want a JSON array of issues"},
		{nil, []string{"--from", filepath.Join(plain, "absent.json")}, "no such file"},
		{nil, []string{}, "no issues to read: pass --from FILE"},
		{nil, []string{"--github", "octo"}, `--github "octo": use owner/repo`},
		{nil, []string{"--github", "octo/app"}, "needs a token: set GITHUB_TOKEN"},
		{nil, []string{"--state", "merged"}, `--state "merged": use open, closed or all`},
		{nil, []string{"--max-tasks", "0"}, "--max-tasks 0: use 1 or more"},
		{nil, []string{"--from", p, "--github", "o/r"}, "use --from or --github, not both"},
		{nil, []string{"--from", writeExport(t, issuesExport), "--issue", "77"}, "--issue 77: no such issue in"},
		{nil, []string{"--format", "yaml"}, `--format "yaml"`},
	} {
		res := runMVC(t, plain, tc.env, append([]string{"issues"}, tc.args...)...)
		if res.code != exitBadInput || !strings.Contains(res.stderr, tc.want) || strings.Count(strings.TrimSpace(res.stderr), "\n") > 0 {
			t.Errorf("mvc issues %v: code %d, stderr %q; want exit 2 and one line with %q", tc.args, res.code, res.stderr, tc.want)
		}
	}
}

func TestGitHubRemote(t *testing.T) {
	for _, tc := range []struct{ url, want string }{
		{"https://github.com/octo/app.git", "octo/app"},
		{"https://github.com/octo/app", "octo/app"},
		{"https://x-access-token:abc@github.com/octo/app.git", "octo/app"},
		{"git@github.com:octo/my.app.git", "octo/my.app"},
		{"ssh://git@github.com/octo/app.git", "octo/app"},
		{"https://gitlab.com/octo/app.git", ""},
		{"https://github.com/octo", ""},
	} {
		got := ""
		if m := githubRemote.FindStringSubmatch(tc.url); m != nil {
			got = m[1] + "/" + m[2]
		}
		if got != tc.want {
			t.Errorf("%s: %q, want %q", tc.url, got, tc.want)
		}
	}
}

// The clone's .github/mvc.yml sets the thresholds; a flag given wins.
func TestIssuesThresholdsFromConfig(t *testing.T) {
	g := gittest.New(t)
	g.Write(".github/mvc.yml", "issues:\n  max-tasks: 8\n")
	p := writeExport(t, issuesExport)
	if res := runMVC(t, g.Dir, nil, "issues", "--from", p); res.code != 0 || strings.Contains(res.stdout, "Checkout rewrite") {
		t.Errorf("with max-tasks 8 from the config, a six-task issue is reported (code %d):\n%s", res.code, res.stdout)
	}
	if res := runMVC(t, g.Dir, nil, "issues", "--from", p, "--max-tasks", "5"); !strings.Contains(res.stdout, "#1 Checkout rewrite") {
		t.Errorf("--max-tasks 5 does not override the config:\n%s", res.stdout)
	}
	g.Write(".github/mvc.yml", "issues:\n  max-tasks: none\n")
	if res := runMVC(t, g.Dir, nil, "issues", "--from", p); res.code != exitBadInput || !strings.Contains(res.stderr, "issues.max-tasks: must be a positive whole number") {
		t.Errorf("a bad config: code %d, stderr %q", res.code, res.stderr)
	}
}

// --issue with an export looks at one issue's tree, like the API's.
func TestIssuesOneIssueFromExport(t *testing.T) {
	p := writeExport(t, issuesExport)
	res := runMVC(t, t.TempDir(), nil, "issues", "--from", p, "--issue", "5", "--format", "json")
	var got struct {
		Root     int `json:"root"`
		Findings struct {
			Summary struct {
				OpenIssues   int `json:"open_issues"`
				ClosedIssues int `json:"closed_issues"`
			} `json:"summary"`
		} `json:"findings"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &got); err != nil {
		t.Fatalf("%v\n%s", err, res.stdout)
	}
	// #5 is blocked by #6, read but not expanded.
	if got.Root != 5 || got.Findings.Summary.OpenIssues != 2 || got.Findings.Summary.ClosedIssues != 0 {
		t.Errorf("root %d summary %+v\n%s", got.Root, got.Findings.Summary, res.stdout)
	}
}

// Two loops sharing #2 (#1 ⇄ #2 ⇄ #3) are one group: the report draws a
// real loop, not #1 → #2 → #3 → #1 (there is no link #3 → #1), and does
// not promise that dropping one link frees them.
func TestIssuesTangledCycle(t *testing.T) {
	p := writeExport(t, `[
 {"number": 1, "title": "api", "body": "blocked by #2", "state": "OPEN"},
 {"number": 2, "title": "schema", "body": "blocked by #1\n\nblocked by #3", "state": "OPEN"},
 {"number": 3, "title": "ui", "body": "blocked by #2", "state": "OPEN"}
]`)
	res := runMVC(t, t.TempDir(), nil, "issues", "--from", p)
	want := "- #1, #2, #3 wait on each other through more than one loop, for example #1 → #2 → #1: no single link frees them all"
	if res.code != 0 || !strings.Contains(res.stdout, want) || strings.Contains(res.stdout, "#3 → #1") {
		t.Errorf("code %d, want %q:\n%s", res.code, want, res.stdout)
	}
	res = runMVC(t, t.TempDir(), nil, "issues", "--from", p, "--format", "json")
	if !strings.Contains(res.stdout, `"cycle_loops": [`) || !strings.Contains(res.stdout, `"tangled": true`) {
		t.Errorf("JSON lacks the loop:\n%s", res.stdout)
	}
}

// A task-list link to another repository's issue is not this repository's
// issue of that number: in a clone of octo/app, other/lib's #2 makes no
// edge (and no cycle with the local #2, which waits on #1); a link to
// octo/app's own issue does, whatever its case.
func TestIssuesOtherRepositoryURL(t *testing.T) {
	g := gittest.New(t)
	g.Git("remote", "add", "origin", "https://github.com/octo/app.git")
	p := writeExport(t, `[
 {"number": 1, "title": "Ship search", "state": "OPEN", "body": "- [ ] https://github.com/other/lib/issues/2 (upstream fix in their repo)\n- [ ] https://github.com/Octo/App/issues/3\n- [ ] wire it up"},
 {"number": 2, "title": "Unrelated local issue", "state": "OPEN", "body": "blocked by #1"},
 {"number": 3, "title": "Index", "state": "OPEN", "body": ""}
]`)
	res := runMVC(t, g.Dir, nil, "issues", "--from", p)
	if res.code != 0 || strings.Contains(res.stdout, "Dependency cycles") || !strings.Contains(res.stdout, "edges: 1 parent, 1 blocked-by") {
		t.Errorf("code %d:\n%s%s", res.code, res.stdout, res.stderr)
	}
}
