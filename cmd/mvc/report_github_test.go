package main

import (
	"bytes"
	"context"
	"fmt"
	"os/exec"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
	"github.com/mvcbot/mvc/internal/gittest"
)

// TestReportFromGitHubDeployments runs `mvc report --github` against a fake
// GitHub holding deployments and statuses, with the clone for history.
func TestReportFromGitHubDeployments(t *testing.T) {
	g := gittest.New(t)
	var shas []string
	for i, at := range []string{"2024-03-01T10:00:00Z", "2024-03-04T10:00:00Z", "2024-03-05T10:00:00Z", "2024-03-06T10:00:00Z"} {
		g.Write("f", fmt.Sprint(i))
		shas = append(shas, g.CommitAt(fmt.Sprintf("c%d", i), utc(at), utc(at)))
	}
	srv := fakegithub.New(t)
	srv.AcceptToken("test-token")
	repo := srv.AddRepo("octo", "app")
	success := func(at string) []fakegithub.DeploymentStatus {
		return []fakegithub.DeploymentStatus{{State: "in_progress", Created: utc(at).Add(-time.Minute)}, {State: "success", Created: utc(at)}}
	}
	repo.AddDeployment(fakegithub.Deployment{SHA: shas[0], Created: utc("2024-03-02T09:00:00Z"), Statuses: success("2024-03-02T10:00:00Z")})
	// Staging saw c1 first; production must not count it.
	repo.AddDeployment(fakegithub.Deployment{SHA: shas[1], Environment: "staging", Created: utc("2024-03-04T12:00:00Z"), Statuses: success("2024-03-04T12:00:00Z")})
	// A failed attempt at c2, then a success that was later superseded.
	repo.AddDeployment(fakegithub.Deployment{SHA: shas[2], Created: utc("2024-03-05T11:00:00Z"), Statuses: []fakegithub.DeploymentStatus{{State: "failure", Created: utc("2024-03-05T11:00:00Z")}}})
	repo.AddDeployment(fakegithub.Deployment{SHA: shas[2], Created: utc("2024-03-05T12:00:00Z"), Statuses: append(success("2024-03-05T16:00:00Z"),
		fakegithub.DeploymentStatus{State: "inactive", Created: utc("2024-03-06T20:00:00Z")})})
	repo.AddDeployment(fakegithub.Deployment{SHA: shas[3], Created: utc("2024-03-06T19:00:00Z"), Statuses: success("2024-03-06T20:00:00Z")})

	env := []string{"GITHUB_TOKEN=test-token", "GITHUB_API_URL=" + srv.BaseURL()}
	res := runMVC(t, g.Dir, env, "report", "--github", "octo/app", "--deploy-source", "deployments",
		"--until", "2024-03-08T00:00:00Z", "--window-days", "7", "--format", "json")
	got := decodeReport(t, res)
	lead := got["lead_time_hours"].(map[string]any)
	// In the window (Mar 1, Mar 8]: the first deployment (unmeasured); the
	// Mar 5 16:00 one ships the commits of Mar 4 (30 h) and Mar 5 (6 h),
	// the staging-only one included; Mar 6 20:00 ships Mar 6's (10 h).
	if got["source"] != "deployments" || got["deploys"] != 3.0 || lead["n"] != 3.0 || lead["median"] != 10.0 {
		t.Errorf("source %v deploys %v lead %v", got["source"], got["deploys"], lead)
	}
	if want := fmt.Sprintf("mvc report: %d GitHub API requests", srv.Reads()); !strings.Contains(res.stderr, want) {
		t.Errorf("stderr %q, want the call count %q", res.stderr, want)
	}
	// One page of deployments, one status read per production deployment,
	// one page of merged pull requests (none) and one of incidents.
	if srv.Reads() != 7 {
		t.Errorf("%d API reads, want 7: %v", srv.Reads(), srv.Requests())
	}
}

func TestReportAutoPrefersGitHubDeployments(t *testing.T) {
	g := taggedRepo(t)
	srv := fakegithub.New(t)
	repo := srv.AddRepo("octo", "app")
	c5 := g.Git("rev-parse", "v0.3.0^{commit}")
	repo.AddDeployment(fakegithub.Deployment{SHA: c5, Created: utc("2024-01-12T00:00:00Z"),
		Statuses: []fakegithub.DeploymentStatus{{State: "success", Created: utc("2024-01-12T00:00:00Z")}}})
	env := []string{"GITHUB_TOKEN=any", "GITHUB_API_URL=" + srv.BaseURL()}
	got := decodeReport(t, runMVC(t, g.Dir, env, "report", "--github", "octo/app", "--until", "2024-01-14T00:00:00Z", "--format", "json"))
	if got["source"] != "deployments" || got["deploys"] != 1.0 {
		t.Errorf("auto took %v with %v deploys, want GitHub deployments", got["source"], got["deploys"])
	}
}

// TestReportProgressOnLongRuns runs the command in-process with a clock
// that makes every step look slow.
func TestReportProgressOnLongRuns(t *testing.T) {
	g := taggedRepo(t)
	t.Setenv("GIT_CONFIG_GLOBAL", "/dev/null")
	t.Setenv("GIT_CONFIG_NOSYSTEM", "1")
	clock := utc("2024-01-14T00:00:00Z")
	var stdout, stderr bytes.Buffer
	e := &env{stdout: &stdout, stderr: &stderr, getenv: func(string) string { return "" },
		now: func() time.Time { clock = clock.Add(2 * time.Second); return clock }}
	if code := run(context.Background(), []string{"report", "--repo", g.Dir, "--format", "json"}, e); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, want := range []string{"mvc report: found 3 deployments (source tags)", "mvc report: read 5 commits", "mvc report: computed metrics"} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}

// commitByGitHub commits as GitHub's web merge does (committer
// noreply@github.com), at one date.
func commitByGitHub(t *testing.T, g *gittest.Repo, msg, at string) string {
	t.Helper()
	g.Git("add", "-A")
	cmd := exec.Command("git", "commit", "-q", "--allow-empty", "-m", msg)
	cmd.Dir = g.Dir
	cmd.Env = append(gittest.Env(), "GIT_COMMITTER_NAME=GitHub", "GIT_COMMITTER_EMAIL=noreply@github.com",
		"GIT_AUTHOR_DATE="+at, "GIT_COMMITTER_DATE="+at)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("git commit: %v\n%s", err, out)
	}
	return g.Git("rev-parse", "HEAD")
}

func TestReportMeasuresSquashMergesFromTheirPullRequest(t *testing.T) {
	g := gittest.New(t)
	g.Write("a", "1")
	first := g.CommitAt("first", utc("2024-03-01T10:00:00Z"), utc("2024-03-01T10:00:00Z"))
	g.Write("a", "2")
	squash := commitByGitHub(t, g, "Feature (#7)", "2024-03-05T12:00:00Z")

	srv := fakegithub.New(t)
	repo := srv.AddRepo("octo", "app")
	for _, d := range []struct{ sha, at string }{{first, "2024-03-01T11:00:00Z"}, {squash, "2024-03-05T14:00:00Z"}} {
		repo.AddDeployment(fakegithub.Deployment{SHA: d.sha, Created: utc(d.at), Statuses: []fakegithub.DeploymentStatus{{State: "success", Created: utc(d.at)}}})
	}
	repo.AddMergedPull(fakegithub.MergedPull{Number: 7, MergeSHA: squash, Merged: utc("2024-03-05T12:00:00Z"), Commits: []fakegithub.PullCommit{
		{SHA: "1111111111111111111111111111111111111111", Authored: utc("2024-03-03T10:00:00Z")},
		{SHA: "2222222222222222222222222222222222222222", Authored: utc("2024-03-04T10:00:00Z")},
	}})
	env := []string{"GITHUB_TOKEN=any", "GITHUB_API_URL=" + srv.BaseURL()}
	args := []string{"report", "--github", "octo/app", "--deploy-source", "deployments", "--until", "2024-03-08T00:00:00Z", "--window-days", "7", "--format", "json"}

	got := decodeReport(t, runMVC(t, g.Dir, env, args...))
	lead := got["lead_time_hours"].(map[string]any)
	// The PR's commits were written 52 h and 28 h before the deployment;
	// the squash itself only 2 h before.
	if lead["n"] != 2.0 || lead["median"] != 40.0 || got["squash_commits_expanded"] != 1.0 {
		t.Errorf("lead %v, expanded %v; want the PR's two commits measured", lead, got["squash_commits_expanded"])
	}
	// 1 deployments page, 2 status reads, 1 pull request lookup, 1 page of
	// its commits; then the stability signals: 1 page of merged pull
	// requests, the shipped one's reviews and files (its commits are
	// known already; no files seeded, so the line-count fallback: 1 more)
	// and 1 page of incidents.
	if srv.Reads() != 10 {
		t.Errorf("%d API reads, want 10: %v", srv.Reads(), srv.Requests())
	}

	got = decodeReport(t, runMVC(t, g.Dir, env, append(args, "--max-pr-lookups", "0")...))
	if lead := got["lead_time_hours"].(map[string]any); lead["n"] != 1.0 || lead["median"] != 2.0 {
		t.Errorf("without lookups: lead %v, want the squash's own 2 h", lead)
	}
}

func TestReportOnAShallowCloneReadsCommitsFromGitHub(t *testing.T) {
	g := gittest.New(t)
	srv := fakegithub.New(t)
	repo := srv.AddRepo("octo", "app")
	var parent []string
	for i, at := range []string{"2024-03-01T10:00:00Z", "2024-03-04T10:00:00Z", "2024-03-05T10:00:00Z"} {
		g.Write("f", fmt.Sprint(i))
		sha := g.CommitAt(fmt.Sprintf("c%d", i), utc(at), utc(at))
		repo.AddCommits(fakegithub.CommitNode{SHA: sha, Parents: parent, Authored: utc(at), Committed: utc(at)})
		repo.AddDeployment(fakegithub.Deployment{SHA: sha, Created: utc(at).Add(time.Hour),
			Statuses: []fakegithub.DeploymentStatus{{State: "success", Created: utc(at).Add(2 * time.Hour)}}})
		parent = []string{sha}
	}
	shallow := t.TempDir()
	g.Git("clone", "-q", "--depth", "1", "file://"+g.Dir, shallow)
	env := []string{"GITHUB_TOKEN=any", "GITHUB_API_URL=" + srv.BaseURL()}
	res := runMVC(t, shallow, env, "report", "--github", "octo/app", "--deploy-source", "deployments",
		"--until", "2024-03-08T00:00:00Z", "--window-days", "7", "--format", "json")
	got := decodeReport(t, res)
	// Each deployment ships its own commit, 2 hours after it was written;
	// the first is the first ever.
	if lead := got["lead_time_hours"].(map[string]any); lead["n"] != 2.0 || lead["median"] != 2.0 {
		t.Errorf("lead %v, want two commits at 2 h", lead)
	}
	if !strings.Contains(res.stderr, "shallow clone") {
		t.Errorf("stderr %q does not say the clone is shallow", res.stderr)
	}
}
