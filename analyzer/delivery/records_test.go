package delivery

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestFromDeploymentRecords(t *testing.T) {
	status := func(id int64, state string, at float64) StatusRecord {
		return StatusRecord{ID: id, State: state, Created: hour(at)}
	}
	tests := []struct {
		name    string
		records []DeploymentRecord
		env     string
		want    []Deployment
	}{
		{
			name: "several statuses of one deployment count once, at the success",
			records: []DeploymentRecord{{ID: 1, SHA: "a", Environment: "production", Statuses: []StatusRecord{
				status(13, "success", 3), status(11, "queued", 1), status(12, "in_progress", 2),
			}}},
			env:  "production",
			want: []Deployment{{SHA: "a", At: hour(3), Environment: "production", Ref: "deployment 1"}},
		},
		{
			name: "inactive after success still counts: GitHub marks superseded deployments so",
			records: []DeploymentRecord{{ID: 2, SHA: "a", Environment: "production", Statuses: []StatusRecord{
				status(21, "success", 1), status(22, "inactive", 9),
			}}},
			env:  "production",
			want: []Deployment{{SHA: "a", At: hour(1), Environment: "production", Ref: "deployment 2"}},
		},
		{
			name: "a deployment whose latest status is a failure does not count",
			records: []DeploymentRecord{{ID: 3, SHA: "a", Environment: "production", Statuses: []StatusRecord{
				status(31, "success", 1), status(32, "failure", 2),
			}}},
			env: "production",
		},
		{
			name:    "no statuses read: not a deployment",
			records: []DeploymentRecord{{ID: 4, SHA: "a", Environment: "production"}},
			env:     "production",
		},
		{
			name: "staging is not production; names match case-insensitively",
			records: []DeploymentRecord{
				{ID: 5, SHA: "a", Environment: "staging", Statuses: []StatusRecord{status(51, "success", 1)}},
				{ID: 6, SHA: "b", Environment: "Production", Statuses: []StatusRecord{status(61, "success", 2)}},
			},
			env:  "production",
			want: []Deployment{{SHA: "b", At: hour(2), Environment: "Production", Ref: "deployment 6"}},
		},
		{
			name: "equal status times are ordered by id",
			records: []DeploymentRecord{{ID: 7, SHA: "a", Environment: "production", Statuses: []StatusRecord{
				status(72, "error", 1), status(71, "success", 1),
			}}},
			env: "production",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := FromDeploymentRecords(tt.records, tt.env)
			if diff := cmp.Diff(tt.want, got); diff != "" {
				t.Errorf("FromDeploymentRecords (-want +got):\n%s", diff)
			}
		})
	}
}

func TestFromRuns(t *testing.T) {
	run := func(id int64, attempt int, sha, branch, conclusion string, at float64) RunRecord {
		return RunRecord{ID: id, Attempt: attempt, SHA: sha, Branch: branch, Event: "push", Conclusion: conclusion, Completed: hour(at)}
	}
	runs := []RunRecord{
		run(1, 1, "a", "main", "success", 1),
		run(1, 2, "a", "main", "success", 5), // a rerun of a successful run
		run(2, 1, "b", "main", "failure", 6),
		run(2, 2, "b", "main", "success", 7), // a rerun that fixed a flaky run
		run(3, 1, "c", "feature", "success", 8),
		run(4, 1, "d", "main", "cancelled", 9),
	}
	want := []Deployment{
		{SHA: "a", At: hour(1), Ref: "run 1"},
		{SHA: "b", At: hour(7), Ref: "run 2"},
	}
	if diff := cmp.Diff(want, FromRuns(runs, "main")); diff != "" {
		t.Errorf("FromRuns (-want +got):\n%s", diff)
	}
}

func TestFromReleases(t *testing.T) {
	rels := []ReleaseRecord{
		{Tag: "v1.0.0", SHA: "a", Published: hour(1)},
		{Tag: "v1.1.0-rc.1", SHA: "b", Prerelease: true, Published: hour(2)},
		{Tag: "v1.1.0", SHA: "b", Published: hour(3)},
		{Tag: "v2.0.0", SHA: "c", Draft: true},
		{Tag: "v1.2.0-beta", SHA: "d", Prerelease: true, Published: hour(4)},
		{Tag: "v0-unresolved", Published: hour(5)},
	}
	tests := []struct {
		name    string
		exclude bool
		want    []Deployment
	}{
		{"pre-releases included by default; one per commit at the earliest", false,
			[]Deployment{deploy("a", 1, "v1.0.0"), deploy("b", 2, "v1.1.0-rc.1"), deploy("d", 4, "v1.2.0-beta")}},
		{"pre-releases excluded on request", true,
			[]Deployment{deploy("a", 1, "v1.0.0"), deploy("b", 3, "v1.1.0")}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if diff := cmp.Diff(tt.want, FromReleases(rels, tt.exclude)); diff != "" {
				t.Errorf("FromReleases (-want +got):\n%s", diff)
			}
		})
	}
}
