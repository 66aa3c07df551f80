package fakegithub

import (
	"net/http"
	"time"
	"unicode/utf8"

	"github.com/google/go-github/v60/github"
)

// commitStatuses are a repository's statuses per commit SHA, in the order
// they were set.
type commitStatuses map[string][]*github.RepoStatus

func (r *Repo) statusesLocked() commitStatuses {
	return r.ext["statuses"].(commitStatuses)
}

// Statuses returns the statuses set on a commit, oldest first.
func (r *Repo) Statuses(sha string) []github.RepoStatus {
	r.State("statuses", func() any { return commitStatuses{} })
	var out []github.RepoStatus
	r.Lock(func() {
		for _, s := range r.statusesLocked()[sha] {
			out = append(out, *s)
		}
	})
	return out
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("POST", "/repos/{owner}/{repo}/statuses/{sha}", s.createStatus)
		s.Handle("GET", "/repos/{owner}/{repo}/commits/{ref}/status", s.combinedStatus)
	})
}

// createStatus sets a commit status, validating it as GitHub does: a known
// state, and a description of at most 140 characters.
func (s *Server) createStatus(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var body github.RepoStatus
	if !decodeBody(w, r, &body) {
		return
	}
	switch body.GetState() {
	case "error", "failure", "pending", "success":
	default:
		WriteValidationError(w, FieldError{Resource: "Status", Field: "state", Code: "custom",
			Message: "state is not included in the list"})
		return
	}
	if utf8.RuneCountInString(body.GetDescription()) > 140 {
		WriteValidationError(w, FieldError{Resource: "Status", Field: "description", Code: "custom",
			Message: "description is too long (maximum is 140 characters)"})
		return
	}
	if body.Context == nil {
		body.Context = github.String("default")
	}
	at := github.Timestamp{Time: s.clock().UTC().Truncate(time.Second)}
	body.CreatedAt, body.UpdatedAt = &at, &at
	repo.State("statuses", func() any { return commitStatuses{} })
	var out github.RepoStatus
	repo.Lock(func() {
		s.nextID++
		body.ID = github.Int64(s.nextID)
		st := repo.statusesLocked()
		sha := r.PathValue("sha")
		st[sha] = append(st[sha], &body)
		out = body
	})
	WriteJSON(w, http.StatusCreated, &out)
}

// combined is GitHub's combined status of a ref: each context's latest
// status, and one state over them all.
type combined struct {
	State      string               `json:"state"`
	Statuses   []*github.RepoStatus `json:"statuses"`
	SHA        string               `json:"sha"`
	TotalCount int                  `json:"total_count"`
	Repository *github.Repository   `json:"repository"`
}

// combinedStatus answers GET .../commits/{ref}/status. The ref is taken
// as the commit SHA statuses were set on (the fake keeps no branches of
// commits); one with none answers "pending" and no statuses, as GitHub
// does for a commit without any. The statuses page like a list, per
// page and page from the query; total_count counts them all.
func (s *Server) combinedStatus(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	ref := r.PathValue("ref")
	repo.State("statuses", func() any { return commitStatuses{} })
	var latest []*github.RepoStatus
	repo.Lock(func() { latest = latestPerContext(repo.statusesLocked()[ref]) })
	page, perPage := pageParams(r.URL.Query())
	if link := linkHeader(r, page, max(1, (len(latest)+perPage-1)/perPage)); link != "" {
		w.Header().Set("Link", link)
	}
	start := min((page-1)*perPage, len(latest))
	WriteJSON(w, http.StatusOK, combined{
		State:      combinedState(latest),
		Statuses:   latest[start:min(start+perPage, len(latest))],
		SHA:        ref,
		TotalCount: len(latest),
		Repository: repo.ghRepo(),
	})
}

// latestPerContext keeps each context's last status, the most recently
// set first.
func latestPerContext(all []*github.RepoStatus) []*github.RepoStatus {
	seen := map[string]bool{}
	out := []*github.RepoStatus{}
	for i := len(all) - 1; i >= 0; i-- {
		if c := all[i].GetContext(); !seen[c] {
			seen[c] = true
			st := *all[i]
			out = append(out, &st)
		}
	}
	return out
}

// combinedState is GitHub's rule: failure if any context failed or
// errored, else pending if there are none or any is pending, else success.
func combinedState(latest []*github.RepoStatus) string {
	state := "success"
	if len(latest) == 0 {
		state = "pending"
	}
	for _, st := range latest {
		switch st.GetState() {
		case "failure", "error":
			return "failure"
		case "pending":
			state = "pending"
		}
	}
	return state
}
