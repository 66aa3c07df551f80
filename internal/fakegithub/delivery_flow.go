package fakegithub

import (
	"net/http"
	"sort"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
)

// Merged pull requests as the pull list shows them (GET pulls?state=
// closed), their reviews, and incident issues with controlled dates: the
// stability signals and the per-PR lead-time breakdown.

// Review is one submitted review of a seeded merged pull request.
type Review struct {
	User      string
	State     string // APPROVED, CHANGES_REQUESTED, COMMENTED, DISMISSED
	Submitted time.Time
}

// Incident seeds an issue opened and (unless Closed is zero) closed at
// the given times, with labels.
type Incident struct {
	Number int
	Title  string
	Body   string
	Labels []string
	Opened time.Time
	Closed time.Time
}

// AddIncident seeds an incident issue and returns its number.
func (r *Repo) AddIncident(in Incident) int {
	n := r.AddIssue(Issue{Number: in.Number, Title: in.Title, Body: in.Body, Labels: in.Labels})
	st := r.issueStore()
	r.Lock(func() {
		is := st.issues[n]
		is.CreatedAt = &github.Timestamp{Time: in.Opened}
		is.UpdatedAt = &github.Timestamp{Time: in.Opened}
		if !in.Closed.IsZero() {
			is.State = github.String("closed")
			is.ClosedAt = &github.Timestamp{Time: in.Closed}
			is.UpdatedAt = &github.Timestamp{Time: in.Closed}
		}
	})
	return n
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/pulls", s.listMergedPulls)
		s.Handle("GET", "/repos/{owner}/{repo}/pulls/{number}/reviews", s.listReviews)
	})
}

// listMergedPulls lists the seeded merged pull requests for state=closed
// or all (none are open), into base when given, sorted as GitHub does for
// sort=updated (or created, the default), newest first unless
// direction=asc.
func (s *Server) listMergedPulls(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	out := []*github.PullRequest{}
	if state := q.Get("state"); state == "closed" || state == "all" {
		pulls := repo.mergedPulls()
		repo.Lock(func() {
			for _, p := range pulls {
				if b := q.Get("base"); b == "" || b == p.baseRef() {
					out = append(out, ghMergedPull(p))
				}
			}
		})
	}
	key := func(p *github.PullRequest) time.Time { return p.GetCreatedAt().Time }
	if q.Get("sort") == "updated" {
		key = func(p *github.PullRequest) time.Time { return p.GetUpdatedAt().Time }
	}
	asc := q.Get("direction") == "asc"
	sort.SliceStable(out, func(i, j int) bool {
		a, b := key(out[i]), key(out[j])
		if a.Equal(b) {
			return out[i].GetNumber() > out[j].GetNumber()
		}
		return a.After(b) != asc
	})
	Paginate(w, r, out)
}

func ghMergedPull(p MergedPull) *github.PullRequest {
	pr := &github.PullRequest{
		Number: github.Int(p.Number), State: github.String("closed"), Title: github.String(p.Title),
		Body: github.String(p.Body), User: user(p.author()),
		Head:      &github.PullRequestBranch{Ref: github.String(p.HeadRef)},
		Base:      &github.PullRequestBranch{Ref: github.String(p.baseRef())},
		CreatedAt: &github.Timestamp{Time: p.Created}, UpdatedAt: &github.Timestamp{Time: p.Merged},
		ClosedAt: &github.Timestamp{Time: p.Merged}, MergedAt: &github.Timestamp{Time: p.Merged},
		MergeCommitSHA: github.String(p.MergeSHA),
	}
	for _, l := range p.Labels {
		pr.Labels = append(pr.Labels, &github.Label{Name: github.String(l)})
	}
	return pr
}

func (s *Server) listReviews(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	n, _ := strconv.Atoi(r.PathValue("number"))
	pulls := repo.mergedPulls()
	var p MergedPull
	var found bool
	repo.Lock(func() { p, found = pulls[n] })
	if !found {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	out := make([]*github.PullRequestReview, len(p.Reviews))
	for i, rv := range p.Reviews {
		out[i] = &github.PullRequestReview{ID: github.Int64(int64(n*1000 + i)), User: user(rv.User),
			State: github.String(rv.State), SubmittedAt: &github.Timestamp{Time: rv.Submitted}}
	}
	Paginate(w, r, out)
}
