package delivery

import (
	"sort"
	"strconv"
	"strings"
	"time"
)

// The records below are the GitHub API's facts in plain form. The adapter
// fetches them; the rules that turn them into deployments live here, where
// table tests can pin every pitfall (statuses, reruns, drafts).

// DeploymentRecord is one GitHub deployment and the statuses read for it.
type DeploymentRecord struct {
	ID          int64
	SHA         string
	Environment string
	Created     time.Time
	Statuses    []StatusRecord // any order
}

// StatusRecord is one deployment status.
type StatusRecord struct {
	ID      int64
	State   string // success, failure, error, inactive, in_progress, queued, pending
	Created time.Time
}

// FromDeploymentRecords keeps the deployments to env (case-insensitive, as
// GitHub compares them) whose latest status is success, each once, at that
// status's time. A deployment later marked inactive (superseded by a newer
// one) no longer has success as its latest status; GitHub does that to
// every previous deployment of an environment, so `inactive` after
// `success` still counts as a successful deployment.
func FromDeploymentRecords(records []DeploymentRecord, env string) []Deployment {
	var out []Deployment
	for _, r := range records {
		if env != "" && !strings.EqualFold(r.Environment, env) {
			continue
		}
		if at, ok := succeededAt(r.Statuses); ok {
			out = append(out, Deployment{SHA: r.SHA, At: at, Environment: r.Environment, Ref: "deployment " + strconv.FormatInt(r.ID, 10)})
		}
	}
	SortByTime(out)
	return out
}

// succeededAt returns the time of the status that decides the deployment:
// the latest one, skipping the `inactive` marks GitHub adds when a newer
// deployment replaces it.
func succeededAt(statuses []StatusRecord) (time.Time, bool) {
	sorted := append([]StatusRecord(nil), statuses...)
	sort.Slice(sorted, func(i, j int) bool {
		if !sorted[i].Created.Equal(sorted[j].Created) {
			return sorted[i].Created.After(sorted[j].Created)
		}
		return sorted[i].ID > sorted[j].ID
	})
	for _, s := range sorted {
		if s.State == "inactive" {
			continue
		}
		return s.Created, s.State == "success"
	}
	return time.Time{}, false
}

// RunRecord is one GitHub Actions workflow run (one attempt of it).
type RunRecord struct {
	ID         int64
	Attempt    int
	SHA        string
	Branch     string
	Event      string
	Conclusion string // success, failure, cancelled, …
	Completed  time.Time
}

// FromRuns keeps the successful runs on branch, one per run id: a rerun is
// the same run again, so it deploys once, at its first successful attempt.
func FromRuns(runs []RunRecord, branch string) []Deployment {
	first := map[int64]RunRecord{}
	for _, r := range runs {
		if r.Conclusion != "success" || (branch != "" && r.Branch != branch) {
			continue
		}
		if prev, ok := first[r.ID]; !ok || r.Completed.Before(prev.Completed) {
			first[r.ID] = r
		}
	}
	out := make([]Deployment, 0, len(first))
	for _, r := range first {
		out = append(out, Deployment{SHA: r.SHA, At: r.Completed, Ref: "run " + strconv.FormatInt(r.ID, 10)})
	}
	SortByTime(out)
	return out
}

// ReleaseRecord is one GitHub release, its tag resolved to a commit.
type ReleaseRecord struct {
	Tag        string
	SHA        string // the tag's commit; empty when it could not be resolved
	Draft      bool
	Prerelease bool
	Published  time.Time
}

// FromReleases keeps published, non-draft releases (pre-releases unless
// excluded), one deployment per commit at its earliest publication.
func FromReleases(releases []ReleaseRecord, excludePrereleases bool) []Deployment {
	var out []Deployment
	for _, r := range releases {
		if r.Draft || r.Published.IsZero() || r.SHA == "" || (excludePrereleases && r.Prerelease) {
			continue
		}
		out = append(out, Deployment{SHA: r.SHA, At: r.Published, Ref: r.Tag})
	}
	return EarliestPerCommit(out)
}
