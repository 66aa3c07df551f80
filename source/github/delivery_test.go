package github

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

// day is midnight UTC n days after the fake's clock date (2024-01-01).
func day(n float64) time.Time {
	return time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC).Add(time.Duration(n * 24 * float64(time.Hour)))
}

func shaN(n int) string { return fmt.Sprintf("%040x", n) }

// countPaths counts the fake's requests whose path matches.
func countPaths(srv *fakegithub.Server, match func(path string) bool) int {
	return srv.Count(func(r fakegithub.Request) bool { return match(r.Path) })
}

func TestDeploymentsReadStatusesOnlyWhereTheyMatter(t *testing.T) {
	f := newFixture(t)
	ok := func(at time.Time) []fakegithub.DeploymentStatus {
		return []fakegithub.DeploymentStatus{{State: "queued", Created: at}, {State: "in_progress", Created: at.Add(time.Minute)}, {State: "success", Created: at.Add(10 * time.Minute)}}
	}
	// 120 daily production deployments up to day 0 (2024-01-01); staging
	// interleaved; the one just before the window failed.
	for i := -119; i <= 0; i++ {
		statuses := ok(day(float64(i)))
		if i == -31 {
			statuses = []fakegithub.DeploymentStatus{{State: "failure", Created: day(-31)}}
		}
		f.repo.AddDeployment(fakegithub.Deployment{SHA: shaN(i + 200), Created: day(float64(i)), Statuses: statuses})
		f.repo.AddDeployment(fakegithub.Deployment{SHA: shaN(i + 500), Environment: "staging", Created: day(float64(i)), Statuses: ok(day(float64(i)))})
	}
	since := day(-30) // the window starts on day -30
	recs, err := f.client.DeploymentRecords(context.Background(), "production", since)
	if err != nil {
		t.Fatal(err)
	}
	deploys := delivery.FromDeploymentRecords(recs, "production")
	// Days -30..0 (31 deployments) are in the status budget, and so is day
	// -31 (within a day of the window); it failed, so the search goes on
	// to day -32, the predecessor, and stops.
	if len(deploys) != 32 || deploys[0].SHA != shaN(-32+200) || deploys[31].SHA != shaN(200) {
		t.Fatalf("got %d deployments from %s to %s", len(deploys), deploys[0].SHA, deploys[len(deploys)-1].SHA)
	}
	if !deploys[31].At.Equal(day(0).Add(10 * time.Minute)) {
		t.Errorf("deployment time %v, want its success status's time", deploys[31].At)
	}
	lists := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/deployments") })
	statuses := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/statuses") })
	if lists != 1 || statuses != 33 {
		t.Errorf("requests: %d deployment pages and %d status reads, want 1 and 33", lists, statuses)
	}
	for _, r := range f.srv.Requests() {
		if r.Query.Get("per_page") != "100" {
			t.Errorf("%s: per_page %q, want 100", r, r.Query.Get("per_page"))
		}
		if strings.HasSuffix(r.Path, "/deployments") && r.Query.Get("environment") != "production" {
			t.Errorf("%s: environment not filtered by GitHub", r)
		}
	}
}

func TestDeploymentsPageThroughABusyWindow(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 250; i++ {
		at := day(-10).Add(time.Duration(i) * time.Hour)
		f.repo.AddDeployment(fakegithub.Deployment{SHA: shaN(i), Created: at, Statuses: []fakegithub.DeploymentStatus{{State: "success", Created: at}}})
	}
	recs, err := f.client.DeploymentRecords(context.Background(), "production", day(-30))
	if err != nil {
		t.Fatal(err)
	}
	if got := len(delivery.FromDeploymentRecords(recs, "production")); got != 250 {
		t.Errorf("%d deployments, want 250", got)
	}
	if pages := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/deployments") }); pages != 3 {
		t.Errorf("%d deployment pages, want 3", pages)
	}
}

func TestDeploymentsPageStatusesToo(t *testing.T) {
	f := newFixture(t)
	var statuses []fakegithub.DeploymentStatus
	for i := 0; i < 130; i++ { // a long-running deployment reporting progress
		statuses = append(statuses, fakegithub.DeploymentStatus{State: "in_progress", Created: day(-1).Add(time.Duration(i) * time.Minute)})
	}
	statuses = append(statuses, fakegithub.DeploymentStatus{State: "success", Created: day(-0.5)})
	f.repo.AddDeployment(fakegithub.Deployment{SHA: shaN(1), Created: day(-1), Statuses: statuses})
	recs, err := f.client.DeploymentRecords(context.Background(), "production", day(-30))
	if err != nil {
		t.Fatal(err)
	}
	if len(recs) != 1 || len(recs[0].Statuses) != 131 {
		t.Fatalf("records %+v", recs)
	}
	if got := delivery.FromDeploymentRecords(recs, "production"); len(got) != 1 || !got[0].At.Equal(day(-0.5)) {
		t.Errorf("deployments %+v, want one at its success", got)
	}
}

func TestWorkflowRunsByFileName(t *testing.T) {
	f := newFixture(t)
	f.repo.AddWorkflow("Deploy", ".github/workflows/deploy.yml")
	f.repo.AddWorkflow("CI", ".github/workflows/ci.yml")
	run := func(id int64, attempt int, branch, conclusion, workflow string, created time.Time) fakegithub.WorkflowRun {
		return fakegithub.WorkflowRun{ID: id, Attempt: attempt, Workflow: ".github/workflows/" + workflow, SHA: shaN(int(id)), Branch: branch,
			Event: "push", Conclusion: conclusion, Created: created, Updated: created.Add(5 * time.Minute)}
	}
	for i := int64(1); i <= 150; i++ { // 150 successful deploys in the window: two pages
		f.repo.AddWorkflowRun(run(i, 1, "main", "success", "deploy.yml", day(-20).Add(time.Duration(i)*time.Hour)))
	}
	f.repo.AddWorkflowRun(run(900, 1, "main", "failure", "deploy.yml", day(-2)))
	f.repo.AddWorkflowRun(run(900, 2, "main", "success", "deploy.yml", day(-2))) // a rerun that fixed it
	f.repo.AddWorkflowRun(run(901, 1, "feature", "success", "deploy.yml", day(-2)))
	f.repo.AddWorkflowRun(run(902, 1, "main", "success", "ci.yml", day(-2)))
	f.repo.AddWorkflowRun(run(800, 1, "main", "success", "deploy.yml", day(-60))) // the predecessor
	f.repo.AddWorkflowRun(run(799, 1, "main", "success", "deploy.yml", day(-61)))

	d := NewDeliveries(f.client)
	d.Branch = "main"
	got, err := d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceWorkflow, Workflow: "deploy.yml", Since: day(-30)})
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 152 || got[0].SHA != shaN(800) || got[151].Ref != "run 900" {
		t.Fatalf("%d deployments, first %+v last %+v", len(got), got[0], got[len(got)-1])
	}
	if want := day(-2).Add(5 * time.Minute); !got[151].At.Equal(want) {
		t.Errorf("rerun deployed at %v, want its completion %v", got[151].At, want)
	}
	reqs := f.srv.Requests()
	if len(reqs) != 3 {
		t.Fatalf("requests %v, want two pages and one predecessor query", reqs)
	}
	if q := reqs[0].Query; q.Get("branch") != "main" || q.Get("status") != "success" || q.Get("created") != ">=2023-12-01T00:00:00Z" {
		t.Errorf("run filters %v", q)
	}
	if q := reqs[2].Query; q.Get("created") != "<2023-12-01T00:00:00Z" || q.Get("per_page") != "1" {
		t.Errorf("predecessor query %v", q)
	}
}

func TestWorkflowByDisplayName(t *testing.T) {
	f := newFixture(t)
	f.repo.AddWorkflow("Deploy to production", ".github/workflows/release.yaml")
	f.repo.AddWorkflowRun(fakegithub.WorkflowRun{ID: 1, Workflow: ".github/workflows/release.yaml", SHA: shaN(1), Branch: "main", Conclusion: "success", Created: day(-1), Updated: day(-1)})
	runs, err := f.client.WorkflowRuns(context.Background(), "deploy to PRODUCTION", "main", day(-30))
	if err != nil || len(runs) != 1 {
		t.Fatalf("runs %+v, %v", runs, err)
	}
	_, err = f.client.WorkflowRuns(context.Background(), "Deploy", "main", day(-30))
	if err == nil || !strings.Contains(err.Error(), `name one of "Deploy to production" (.github/workflows/release.yaml)`) {
		t.Errorf("unknown workflow: %v", err)
	}
}

func TestWorkflowDefaultBranchIsAskedOnce(t *testing.T) {
	f := newFixture(t)
	f.srv.Handle("GET", "/repos/{owner}/{repo}", func(w http.ResponseWriter, r *http.Request) {
		fakegithub.WriteJSON(w, http.StatusOK, &gh.Repository{DefaultBranch: gh.String("trunk")})
	})
	f.repo.AddWorkflow("Deploy", ".github/workflows/deploy.yml")
	f.repo.AddWorkflowRun(fakegithub.WorkflowRun{ID: 1, Workflow: ".github/workflows/deploy.yml", SHA: shaN(1), Branch: "trunk", Conclusion: "success", Created: day(-1), Updated: day(-1)})
	d := NewDeliveries(f.client)
	q := delivery.Query{Source: delivery.SourceWorkflow, Workflow: "deploy.yml", Since: day(-30)}
	for i := 0; i < 2; i++ {
		if got, err := d.Deployments(context.Background(), q); err != nil || len(got) != 1 {
			t.Fatalf("deployments %+v, %v", got, err)
		}
	}
	if n := countPaths(f.srv, func(p string) bool { return p == "/repos/octo/hello" }); n != 1 {
		t.Errorf("repository read %d times, want once", n)
	}
}

func TestReleasesResolveTagsAcrossPages(t *testing.T) {
	f := newFixture(t)
	for i := 0; i < 150; i++ {
		f.repo.AddTag(fmt.Sprintf("v0.%d.0", i), shaN(i))
	}
	f.repo.AddRelease(fakegithub.Release{Tag: "v0.1.0", Published: day(-5)})
	f.repo.AddRelease(fakegithub.Release{Tag: "v0.140.0", Prerelease: true, Published: day(-3)})
	f.repo.AddRelease(fakegithub.Release{Tag: "v0.141.0", Draft: true})
	f.repo.AddRelease(fakegithub.Release{Tag: "not-a-tag-yet", Published: day(-2)})
	d := NewDeliveries(f.client)
	got, err := d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceReleases})
	if err != nil {
		t.Fatal(err)
	}
	want := []delivery.Deployment{{SHA: shaN(1), At: day(-5), Ref: "v0.1.0"}, {SHA: shaN(140), At: day(-3), Ref: "v0.140.0"}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("releases (-want +got):\n%s", diff)
	}
	got, err = d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceReleases, ExcludePrereleases: true})
	if err != nil || len(got) != 1 {
		t.Errorf("without pre-releases: %+v, %v", got, err)
	}
	// Two tag pages once, then one release page per query.
	if tags := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/tags") }); tags != 2 {
		t.Errorf("%d tag pages, want 2 (cached across queries)", tags)
	}
}

func TestTagsThroughTheAPIAreDatedFromTheHistory(t *testing.T) {
	f := newFixture(t)
	f.repo.AddTag("v1.0.0", shaN(1))
	f.repo.AddTag("latest", shaN(1))
	f.repo.AddTag("v2.0.0", shaN(404))
	h := delivery.NewHistory([]delivery.Commit{{SHA: shaN(1), Author: day(-9), Committed: day(-8)}})
	d := NewDeliveries(f.client)
	if d.Supports(delivery.SourceTags) {
		t.Error("tags supported without a history to date them")
	}
	d.History = func(context.Context) (*delivery.History, error) { return h, nil }
	got, err := d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceTags})
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff([]delivery.Deployment{{SHA: shaN(1), At: day(-8), Ref: "v1.0.0"}}, got); diff != "" {
		t.Errorf("tags (-want +got):\n%s", diff)
	}
	if _, err := d.Deployments(context.Background(), delivery.Query{Source: delivery.SourceMerges}); err == nil {
		t.Error("merges through the API: no error")
	}
}

func TestDeliveryErrorsNameTheResource(t *testing.T) {
	f := newFixture(t)
	f.srv.FailNext("GET", "/repos/octo/hello/deployments", http.StatusForbidden, nil, `{"message":"Resource not accessible by integration"}`)
	_, err := NewDeliveries(f.client).Deployments(context.Background(), delivery.Query{Source: delivery.SourceDeployments, Environment: "production"})
	if err == nil || !strings.Contains(err.Error(), "list production deployments of octo/hello (page 1)") || !IsPermission(err) {
		t.Errorf("err = %v", err)
	}
}
