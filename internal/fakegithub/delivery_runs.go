package fakegithub

import (
	"net/http"
	"path"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// listWorkflowRuns serves a workflow's runs (by id or file name) with
// GitHub's filters: branch, status (a conclusion such as success) and
// created (">=T", "<T", …, or "A..B" inclusive, in RFC 3339), newest
// first, latest attempt only. As GitHub does, a query with any of these
// filters lists at most the newest 1,000 runs, while total_count counts
// them all.
func (s *Server) listWorkflowRuns(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	created, ok := parseCreated(q.Get("created"))
	if !ok {
		WriteError(w, http.StatusUnprocessableEntity, "Invalid created filter")
		return
	}
	var runs []WorkflowRun
	found := false
	st := repo.delivery()
	repo.Lock(func() {
		wf := findWorkflow(st.workflows, r.PathValue("workflow"))
		if wf == nil {
			return
		}
		found = true
		for _, run := range latestAttempts(st.runs) {
			if run.Workflow == wf.GetPath() && matchesRunFilters(run, q.Get("branch"), q.Get("status"), created) {
				runs = append(runs, run)
			}
		}
	})
	if !found {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].Created.After(runs[j].Created) })
	total := len(runs)
	if q.Get("branch") != "" || q.Get("status") != "" || q.Get("created") != "" {
		runs = runs[:min(len(runs), filteredRunsCap)]
	}
	out := make([]*github.WorkflowRun, len(runs))
	for i, run := range runs {
		out[i] = ghRun(run)
	}
	WriteJSON(w, http.StatusOK, &github.WorkflowRuns{TotalCount: github.Int(total), WorkflowRuns: pageOf(w, r, out)})
}

// filteredRunsCap is how many runs GitHub lists for a query filtered by
// actor, branch, check_suite_id, created, event, head_sha or status.
const filteredRunsCap = 1000

func findWorkflow(wfs []*github.Workflow, key string) *github.Workflow {
	for _, wf := range wfs {
		if strconv.FormatInt(wf.GetID(), 10) == key || path.Base(wf.GetPath()) == key {
			return wf
		}
	}
	return nil
}

// latestAttempts keeps each run id's highest attempt, as GitHub lists runs.
func latestAttempts(runs []WorkflowRun) []WorkflowRun {
	latest := map[int64]WorkflowRun{}
	var order []int64
	for _, run := range runs {
		prev, seen := latest[run.ID]
		if !seen {
			order = append(order, run.ID)
		}
		if !seen || run.Attempt > prev.Attempt {
			latest[run.ID] = run
		}
	}
	out := make([]WorkflowRun, len(order))
	for i, id := range order {
		out[i] = latest[id]
	}
	return out
}

func matchesRunFilters(run WorkflowRun, branch, status string, created func(time.Time) bool) bool {
	return (branch == "" || run.Branch == branch) && (status == "" || run.Conclusion == status) && created(run.Created)
}

// parseCreated reads the created filter's comparisons (>=, >, <=, <).
func parseCreated(filter string) (func(time.Time) bool, bool) {
	if filter == "" {
		return func(time.Time) bool { return true }, true
	}
	if from, to, ok := strings.Cut(filter, ".."); ok {
		a, err1 := time.Parse(time.RFC3339, from)
		b, err2 := time.Parse(time.RFC3339, to)
		if err1 != nil || err2 != nil {
			return nil, false
		}
		return func(c time.Time) bool { return !c.Before(a) && !c.After(b) }, true
	}
	for _, op := range []string{">=", "<=", ">", "<"} {
		rest, ok := strings.CutPrefix(filter, op)
		if !ok {
			continue
		}
		t, err := time.Parse(time.RFC3339, rest)
		if err != nil {
			return nil, false
		}
		return func(c time.Time) bool {
			switch op {
			case ">=":
				return !c.Before(t)
			case "<=":
				return !c.After(t)
			case ">":
				return c.After(t)
			}
			return c.Before(t)
		}, true
	}
	return nil, false
}

func ghRun(run WorkflowRun) *github.WorkflowRun {
	return &github.WorkflowRun{
		ID: github.Int64(run.ID), RunAttempt: github.Int(run.Attempt), HeadSHA: github.String(run.SHA),
		HeadBranch: github.String(run.Branch), Event: github.String(run.Event),
		Status: github.String("completed"), Conclusion: github.String(run.Conclusion),
		CreatedAt: &github.Timestamp{Time: run.Created}, UpdatedAt: &github.Timestamp{Time: run.Updated},
	}
}

// pageOf is Paginate for lists GitHub wraps in an object (workflows,
// runs): it sets the Link header and returns the page's items.
func pageOf[T any](w http.ResponseWriter, r *http.Request, items []T) []T {
	page, perPage := pageParams(r.URL.Query())
	last := max(1, (len(items)+perPage-1)/perPage)
	if link := linkHeader(r, page, last); link != "" {
		w.Header().Set("Link", link)
	}
	start := min((page-1)*perPage, len(items))
	end := min(start+perPage, len(items))
	return append([]T{}, items[start:end]...)
}
