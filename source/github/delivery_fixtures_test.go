package github

import (
	"testing"

	gh "github.com/google/go-github/v60/github"
)

// TestDeliveryShapesDecode proves the records keep what the delivery
// metrics need from GitHub's own example responses.
func TestDeliveryShapesDecode(t *testing.T) {
	var deployments []*gh.Deployment
	readFixture(t, "repos-list-deployments.200.json", &deployments)
	if d := deploymentRecord(deployments[0]); d.ID == 0 || len(d.SHA) != 40 || d.Environment != "production" || d.Created.IsZero() {
		t.Errorf("deployment = %+v", d)
	}

	var statuses []*gh.DeploymentStatus
	readFixture(t, "repos-list-deployment-statuses.200.json", &statuses)
	if s := statuses[0]; s.GetID() == 0 || s.GetState() != "success" || s.GetCreatedAt().IsZero() {
		t.Errorf("status = %+v", s)
	}

	var releases []*gh.RepositoryRelease
	readFixture(t, "repos-list-releases.200.json", &releases)
	if r := releases[0]; r.GetTagName() != "v1.0.0" || r.GetPublishedAt().IsZero() || r.GetDraft() || r.GetPrerelease() {
		t.Errorf("release = %+v", r)
	}

	var tags []*gh.RepositoryTag
	readFixture(t, "repos-list-tags.200.json", &tags)
	if tg := tags[0]; tg.GetName() == "" || len(tg.GetCommit().GetSHA()) != 40 {
		t.Errorf("tag = %+v", tg)
	}

	var runs gh.WorkflowRuns
	readFixture(t, "actions-list-workflow-runs.200.json", &runs)
	r := runRecords(runs.WorkflowRuns)[0]
	if r.ID == 0 || r.Attempt != 1 || len(r.SHA) != 40 || r.Branch == "" || r.Event != "push" || r.Completed.IsZero() {
		t.Errorf("run = %+v", r)
	}
}
