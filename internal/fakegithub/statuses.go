package fakegithub

import (
	"net/http"
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
