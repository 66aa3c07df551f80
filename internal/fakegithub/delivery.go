package fakegithub

import (
	"net/http"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// Delivery resources: deployments and their statuses, releases, tags,
// workflows and workflow runs. Lists come newest first, as GitHub sends
// them, and page like GitHub.

// Deployment seeds a deployment and its statuses (in the order they were
// created). ID 0 gets a fresh id.
type Deployment struct {
	ID          int64
	SHA         string
	Environment string // "production" when empty
	Created     time.Time
	Statuses    []DeploymentStatus
}

// DeploymentStatus is one status of a seeded deployment.
type DeploymentStatus struct {
	State   string
	Created time.Time
}

// Release seeds a release.
type Release struct {
	Tag        string
	Draft      bool
	Prerelease bool
	Published  time.Time // zero for a draft
}

// WorkflowRun seeds one run of a workflow; a rerun is the same ID with a
// higher Attempt, and the list shows only a run's latest attempt.
type WorkflowRun struct {
	ID         int64
	Workflow   string // the workflow's path, e.g. .github/workflows/deploy.yml
	Attempt    int
	SHA        string
	Branch     string
	Event      string
	Conclusion string // success, failure, …; the run is completed
	Created    time.Time
	Updated    time.Time
}

type deliveryState struct {
	deployments []Deployment
	releases    []Release
	tags        []*github.RepositoryTag
	workflows   []*github.Workflow
	runs        []WorkflowRun
}

func (r *Repo) delivery() *deliveryState {
	return r.State("delivery", func() any { return &deliveryState{} }).(*deliveryState)
}

// AddDeployment seeds a deployment and returns its id.
func (r *Repo) AddDeployment(d Deployment) int64 {
	if d.ID == 0 {
		d.ID = r.s.newID()
	}
	if d.Environment == "" {
		d.Environment = "production"
	}
	st := r.delivery()
	r.Lock(func() { st.deployments = append(st.deployments, d) })
	return d.ID
}

// AddRelease seeds a release.
func (r *Repo) AddRelease(rel Release) {
	st := r.delivery()
	r.Lock(func() { st.releases = append(st.releases, rel) })
}

// AddTag seeds a tag naming commit sha.
func (r *Repo) AddTag(name, sha string) {
	st := r.delivery()
	r.Lock(func() {
		st.tags = append(st.tags, &github.RepositoryTag{Name: github.String(name), Commit: &github.Commit{SHA: github.String(sha)}})
	})
}

// AddWorkflow seeds a workflow and returns its id.
func (r *Repo) AddWorkflow(name, path string) int64 {
	id := r.s.newID()
	st := r.delivery()
	r.Lock(func() {
		st.workflows = append(st.workflows, &github.Workflow{ID: github.Int64(id), Name: github.String(name), Path: github.String(path), State: github.String("active")})
	})
	return id
}

// AddWorkflowRun seeds a run attempt.
func (r *Repo) AddWorkflowRun(run WorkflowRun) {
	if run.Attempt == 0 {
		run.Attempt = 1
	}
	st := r.delivery()
	r.Lock(func() { st.runs = append(st.runs, run) })
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/deployments", s.listDeployments)
		s.Handle("GET", "/repos/{owner}/{repo}/deployments/{id}/statuses", s.listDeploymentStatuses)
		s.Handle("GET", "/repos/{owner}/{repo}/releases", s.listReleases)
		s.Handle("GET", "/repos/{owner}/{repo}/tags", s.listTags)
		s.Handle("GET", "/repos/{owner}/{repo}/actions/workflows", s.listWorkflows)
		s.Handle("GET", "/repos/{owner}/{repo}/actions/workflows/{workflow}/runs", s.listWorkflowRuns)
	})
}

func (s *Server) listDeployments(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	env := r.URL.Query().Get("environment")
	var out []*github.Deployment
	st := repo.delivery()
	repo.Lock(func() {
		for _, d := range st.deployments {
			if env == "" || strings.EqualFold(env, d.Environment) {
				out = append(out, &github.Deployment{
					ID: github.Int64(d.ID), SHA: github.String(d.SHA), Ref: github.String(d.SHA),
					Environment: github.String(d.Environment), Task: github.String("deploy"),
					CreatedAt: &github.Timestamp{Time: d.Created}, UpdatedAt: &github.Timestamp{Time: d.Created},
				})
			}
		}
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].GetID() > out[j].GetID() })
	Paginate(w, r, out)
}

func (s *Server) listDeploymentStatuses(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	id, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
	var out []*github.DeploymentStatus
	found := false
	st := repo.delivery()
	repo.Lock(func() {
		for _, d := range st.deployments {
			if d.ID != id {
				continue
			}
			found = true
			for i, st := range d.Statuses {
				out = append(out, &github.DeploymentStatus{
					ID: github.Int64(id*1000 + int64(i)), State: github.String(st.State), Environment: github.String(d.Environment),
					CreatedAt: &github.Timestamp{Time: st.Created}, UpdatedAt: &github.Timestamp{Time: st.Created},
				})
			}
		}
	})
	if !found {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	// Newest first, as GitHub lists them.
	sort.SliceStable(out, func(i, j int) bool { return out[i].GetID() > out[j].GetID() })
	Paginate(w, r, out)
}

func (s *Server) listReleases(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var out []*github.RepositoryRelease
	st := repo.delivery()
	repo.Lock(func() {
		for i, rel := range st.releases {
			gr := &github.RepositoryRelease{
				ID: github.Int64(int64(i + 1)), TagName: github.String(rel.Tag), Name: github.String(rel.Tag),
				Draft: github.Bool(rel.Draft), Prerelease: github.Bool(rel.Prerelease),
			}
			if !rel.Published.IsZero() {
				gr.PublishedAt = &github.Timestamp{Time: rel.Published}
			}
			out = append(out, gr)
		}
	})
	sort.SliceStable(out, func(i, j int) bool { return out[i].GetID() > out[j].GetID() })
	Paginate(w, r, out)
}

func (s *Server) listTags(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var out []*github.RepositoryTag
	st := repo.delivery()
	repo.Lock(func() { out = append(out, st.tags...) })
	Paginate(w, r, out)
}

func (s *Server) listWorkflows(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var all []*github.Workflow
	st := repo.delivery()
	repo.Lock(func() { all = append(all, st.workflows...) })
	page := pageOf(w, r, all)
	WriteJSON(w, http.StatusOK, &github.Workflows{TotalCount: github.Int(len(all)), Workflows: page})
}
