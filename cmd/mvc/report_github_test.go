package main

import (
	"bytes"
	"context"
	"fmt"
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
	// One page of deployments, one status read per production deployment.
	if srv.Reads() != 5 {
		t.Errorf("%d API reads, want 5: %v", srv.Reads(), srv.Requests())
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
