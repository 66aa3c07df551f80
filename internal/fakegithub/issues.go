package fakegithub

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Issue seeds an issue.
type Issue struct {
	Number int // the next free number when zero
	Title  string
	Body   string
	State  string // "open" when empty
	Labels []string
	Author string // "octocat" when empty
}

type issueState struct {
	issues map[int]*github.Issue
}

func (r *Repo) issueStore() *issueState {
	return r.State("issues", func() any { return &issueState{issues: map[int]*github.Issue{}} }).(*issueState)
}

// AddIssue seeds an issue and returns its number.
func (r *Repo) AddIssue(in Issue) int {
	st := r.issueStore()
	var n int
	r.Lock(func() {
		n = in.Number
		if n == 0 {
			n = r.nextIssueNumberLocked(st)
		}
		if in.State == "" {
			in.State = "open"
		}
		if in.Author == "" {
			in.Author = "octocat"
		}
		at := github.Timestamp{Time: r.s.now()}
		st.issues[n] = &github.Issue{
			Number: github.Int(n), Title: github.String(in.Title), Body: github.String(in.Body),
			State: github.String(in.State), User: user(in.Author), CreatedAt: &at, UpdatedAt: &at,
			HTMLURL: github.String(fmt.Sprintf("https://github.com/%s/issues/%d", r.FullName(), n)),
		}
		for _, l := range in.Labels {
			r.ensureLabelLocked(l, DefaultLabelColor)
			r.issueLabels[n] = appendLabel(r.issueLabels[n], l)
		}
	})
	return n
}

// Issues returns copies of the repository's issues (not pull requests),
// by number.
func (r *Repo) Issues() []*github.Issue {
	st := r.issueStore()
	var out []*github.Issue
	r.Lock(func() {
		for _, is := range st.issues {
			out = append(out, r.issueCopyLocked(is))
		}
	})
	slices.SortFunc(out, func(a, b *github.Issue) int { return a.GetNumber() - b.GetNumber() })
	return out
}

func (r *Repo) nextIssueNumberLocked(st *issueState) int {
	n := 0
	for k := range r.pulls {
		n = max(n, k)
	}
	for k := range st.issues {
		n = max(n, k)
	}
	return n + 1
}

func (r *Repo) issueCopyLocked(is *github.Issue) *github.Issue {
	cp := *is
	cp.Labels = r.issueLabelObjectsLocked(is.GetNumber())
	return &cp
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/issues", s.listIssues)
		s.Handle("POST", "/repos/{owner}/{repo}/issues", s.createIssue)
		s.Handle("PATCH", "/repos/{owner}/{repo}/issues/{number}", s.updateIssue)
	})
}

// listIssues filters by state (default open) and labels (all must match),
// newest first as GitHub does by default.
func (s *Server) listIssues(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	state := q.Get("state")
	if state == "" {
		state = "open"
	}
	var want []string
	if l := q.Get("labels"); l != "" {
		want = strings.Split(l, ",")
	}
	var out []*github.Issue
	for _, is := range repo.Issues() {
		if (state == "all" || is.GetState() == state) && hasLabels(is, want) {
			out = append(out, is)
		}
	}
	slices.Reverse(out)
	Paginate(w, r, out)
}

func hasLabels(is *github.Issue, want []string) bool {
	for _, w := range want {
		if !slices.ContainsFunc(is.Labels, func(l *github.Label) bool { return strings.EqualFold(l.GetName(), w) }) {
			return false
		}
	}
	return true
}

type issueBody struct {
	Title  *string   `json:"title"`
	Body   *string   `json:"body"`
	State  *string   `json:"state"`
	Labels *[]string `json:"labels"`
}

func (s *Server) createIssue(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	var body issueBody
	if !decodeBody(w, r, &body) {
		return
	}
	if body.Title == nil || *body.Title == "" {
		WriteValidationError(w, FieldError{Resource: "Issue", Field: "title", Code: "missing_field"})
		return
	}
	in := Issue{Title: *body.Title, Author: Actor}
	if body.Body != nil {
		in.Body = *body.Body
	}
	if body.Labels != nil {
		in.Labels = *body.Labels
	}
	n := repo.AddIssue(in)
	WriteJSON(w, http.StatusCreated, repo.issue(n))
}

func (r *Repo) issue(n int) *github.Issue {
	st := r.issueStore()
	var out *github.Issue
	r.Lock(func() {
		if is, ok := st.issues[n]; ok {
			out = r.issueCopyLocked(is)
		}
	})
	return out
}

func (s *Server) updateIssue(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	n, err := strconv.Atoi(r.PathValue("number"))
	var body issueBody
	if err != nil || !decodeBody(w, r, &body) {
		if err != nil {
			WriteError(w, http.StatusNotFound, "Not Found")
		}
		return
	}
	st := repo.issueStore()
	found := false
	repo.Lock(func() {
		is, ok := st.issues[n]
		if !ok {
			return
		}
		found = true
		if body.Title != nil {
			is.Title = body.Title
		}
		if body.Body != nil {
			is.Body = body.Body
		}
		if body.State != nil {
			is.State = body.State
		}
		if body.Labels != nil {
			repo.issueLabels[n] = nil
			for _, l := range *body.Labels {
				repo.ensureLabelLocked(l, DefaultLabelColor)
				repo.issueLabels[n] = appendLabel(repo.issueLabels[n], l)
			}
		}
		is.UpdatedAt = &github.Timestamp{Time: s.now()}
	})
	if !found {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	WriteJSON(w, http.StatusOK, repo.issue(n))
}
