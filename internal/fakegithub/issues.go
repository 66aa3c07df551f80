package fakegithub

import (
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"

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
	// PullRequest seeds a pull request as the issues API shows one (with a
	// pull_request key), for issue-graph tests that need its body and
	// times; the pulls API does not know it (seed those with AddPull).
	PullRequest bool
	// CreatedAt defaults to the fake's clock, and so does ClosedAt for a
	// closed issue; UpdatedAt (what since= filters on) to the later of
	// the two.
	CreatedAt, ClosedAt, UpdatedAt time.Time
}

type issueState struct {
	issues map[int]*github.Issue
	moved  map[int]string // a transferred issue's number → its new API URL
}

func (r *Repo) issueStore() *issueState {
	return r.State("issues", func() any { return &issueState{issues: map[int]*github.Issue{}, moved: map[int]string{}} }).(*issueState)
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
		st.issues[n] = r.ghIssueLocked(n, in)
		for _, l := range in.Labels {
			r.ensureLabelLocked(l, DefaultLabelColor)
			r.issueLabels[n] = appendLabel(r.issueLabels[n], l)
		}
	})
	return n
}

// TransferIssue moves issue n to repository to as its issue number
// (the next free when 0), as GitHub's transfer does, and returns the new
// number. The old address answers 301 Moved Permanently with the new one
// in Location, which HTTP clients follow.
func (r *Repo) TransferIssue(n int, to *Repo, number int) int {
	st := r.issueStore()
	var in Issue
	r.Lock(func() {
		is := st.issues[n]
		in = Issue{Title: is.GetTitle(), Body: is.GetBody(), State: is.GetState(), Author: is.GetUser().GetLogin()}
		delete(st.issues, n)
	})
	in.Number = number
	number = to.AddIssue(in)
	r.Lock(func() { st.moved[n] = fmt.Sprintf("%s/issues/%d", to.apiURL(), number) })
	return number
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

// ghIssueLocked is a seeded issue as GitHub's API shows it.
func (r *Repo) ghIssueLocked(n int, in Issue) *github.Issue {
	now := r.s.now()
	created, closed, updated := in.CreatedAt, in.ClosedAt, in.UpdatedAt
	if created.IsZero() {
		created = now
	}
	if closed.IsZero() && in.State == "closed" {
		closed = now
	}
	if updated.IsZero() {
		updated = created
		if closed.After(created) {
			updated = closed
		}
	}
	kind := "issues"
	if in.PullRequest {
		kind = "pull"
	}
	is := &github.Issue{
		ID: github.Int64(r.issueID(n)), Number: github.Int(n), Title: github.String(in.Title), Body: github.String(in.Body),
		State: github.String(in.State), User: user(in.Author),
		CreatedAt: &github.Timestamp{Time: created}, UpdatedAt: &github.Timestamp{Time: updated},
		URL:           github.String(fmt.Sprintf("%s/issues/%d", r.apiURL(), n)),
		RepositoryURL: github.String(r.apiURL()),
		HTMLURL:       github.String(fmt.Sprintf("https://github.com/%s/%s/%d", r.FullName(), kind, n)),
	}
	if !closed.IsZero() {
		is.ClosedAt = &github.Timestamp{Time: closed}
	}
	if in.PullRequest {
		is.PullRequestLinks = r.pullLinks(n)
	}
	return is
}

// issueID is an issue's or pull request's id, unique across repositories
// (as pull request ids are: see ghPullLocked), so a request that names an
// issue by id (adding a sub-issue) finds it.
func (r *Repo) issueID(n int) int64 { return int64(n) + r.id*100000 }

// apiURL is the repository's API URL, which issues name in repository_url.
func (r *Repo) apiURL() string { return r.s.BaseURL() + "repos/" + r.FullName() }

// pullLinks is the pull_request key that marks a pull request in the
// issues API.
func (r *Repo) pullLinks(n int) *github.PullRequestLinks {
	return &github.PullRequestLinks{
		URL:      github.String(fmt.Sprintf("%s/pulls/%d", r.apiURL(), n)),
		HTMLURL:  github.String(fmt.Sprintf("https://github.com/%s/pull/%d", r.FullName(), n)),
		DiffURL:  github.String(fmt.Sprintf("https://github.com/%s/pull/%d.diff", r.FullName(), n)),
		PatchURL: github.String(fmt.Sprintf("https://github.com/%s/pull/%d.patch", r.FullName(), n)),
	}
}

// pullIssueLocked is a pull request seeded with AddPull as the issues API
// shows it.
func (r *Repo) pullIssueLocked(p *pull) *github.Issue {
	is := r.ghIssueLocked(p.Number, Issue{Title: p.Title, State: p.State, Author: p.Author, PullRequest: true, CreatedAt: p.created})
	is.Labels = r.issueLabelObjectsLocked(p.Number)
	return is
}

// issuesAndPullsLocked is every issue and pull request, as the issues API
// lists them, by number.
func (r *Repo) issuesAndPullsLocked(st *issueState) []*github.Issue {
	var out []*github.Issue
	for _, is := range st.issues {
		out = append(out, r.issueCopyLocked(is))
	}
	for n, p := range r.pulls {
		if st.issues[n] == nil {
			out = append(out, r.pullIssueLocked(p))
		}
	}
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
		s.Handle("GET", "/repos/{owner}/{repo}/issues/{number}", s.getIssue)
		s.Handle("PATCH", "/repos/{owner}/{repo}/issues/{number}", s.updateIssue)
	})
}

// listIssues lists issues and pull requests as GitHub does: filtered by
// state (default open), labels (all must match) and since (updated at or
// after), sorted by created (default) or updated, newest first unless
// direction=asc, with relation summaries.
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
	var since time.Time
	if v := q.Get("since"); v != "" {
		var err error
		if since, err = time.Parse(time.RFC3339, v); err != nil {
			WriteValidationError(w, FieldError{Resource: "Issue", Field: "since", Code: "invalid"})
			return
		}
	}
	st := repo.issueStore()
	var all []*github.Issue
	repo.Lock(func() { all = repo.issuesAndPullsLocked(st) })
	var out []*github.Issue
	for _, is := range all {
		if (state == "all" || is.GetState() == state) && hasLabels(is, want) && !is.GetUpdatedAt().Before(since) {
			out = append(out, is)
		}
	}
	sortIssues(out, q.Get("sort"), q.Get("direction"))
	Paginate(w, r, s.issueObjects(out))
}

// sortIssues orders by created or updated time, then number, ascending
// or (GitHub's default) descending.
func sortIssues(list []*github.Issue, by, direction string) {
	key := func(is *github.Issue) time.Time { return is.GetCreatedAt().Time }
	if by == "updated" {
		key = func(is *github.Issue) time.Time { return is.GetUpdatedAt().Time }
	}
	slices.SortStableFunc(list, func(a, b *github.Issue) int {
		if c := key(a).Compare(key(b)); c != 0 {
			return c
		}
		return a.GetNumber() - b.GetNumber()
	})
	if direction != "asc" {
		slices.Reverse(list)
	}
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
	WriteJSON(w, http.StatusCreated, s.issueObject(repo.issue(n)))
}

// SetIssueBody replaces an issue's body, as its author editing it would.
func (r *Repo) SetIssueBody(n int, body string) {
	st := r.issueStore()
	r.Lock(func() {
		if is, ok := st.issues[n]; ok {
			is.Body = github.String(body)
		}
	})
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
		if body.State != nil && *body.State != is.GetState() {
			is.State = body.State
			is.ClosedAt = nil
			if *body.State == "closed" {
				is.ClosedAt = &github.Timestamp{Time: s.now()}
			}
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
	WriteJSON(w, http.StatusOK, s.issueObject(repo.issue(n)))
}

// getIssue answers with an issue, or a pull request as the issues API
// shows one.
func (s *Server) getIssue(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	n, _ := strconv.Atoi(r.PathValue("number"))
	st := repo.issueStore()
	var out *github.Issue
	var moved string
	repo.Lock(func() { out, moved = repo.issueOrPullLocked(st, n), st.moved[n] })
	switch {
	case moved != "":
		w.Header().Set("Location", moved)
		WriteJSON(w, http.StatusMovedPermanently, ErrorBody{Message: "Moved Permanently", URL: moved, DocumentationURL: docsURL})
	case out == nil:
		WriteError(w, http.StatusNotFound, "Not Found")
	default:
		WriteJSON(w, http.StatusOK, s.issueObject(out))
	}
}

// issueOrPullLocked is issue or pull request n as the issues API shows
// it, or nil.
func (r *Repo) issueOrPullLocked(st *issueState, n int) *github.Issue {
	if is, ok := st.issues[n]; ok {
		return r.issueCopyLocked(is)
	}
	if p, ok := r.pulls[n]; ok {
		return r.pullIssueLocked(p)
	}
	return nil
}
