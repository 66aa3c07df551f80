package fakegithub

import (
	"net/http"
	"strconv"
	"time"

	"github.com/google/go-github/v60/github"
)

// MergedPull seeds a merged pull request for lead-time lookups: its merge
// commit on the default branch (a squash or the last rebased commit) and
// its own commits, listed by GET pulls/{number}/commits and found from
// the merge commit by GET commits/{sha}/pulls.
type MergedPull struct {
	Number   int
	MergeSHA string
	Merged   time.Time
	Commits  []PullCommit
	// For the pull list (GET pulls?state=closed) and the per-PR stages:
	Title   string
	Body    string
	Author  string // "octocat" when empty
	HeadRef string
	BaseRef string // "main" when empty
	Labels  []string
	Created time.Time
	Reviews []Review
	// Files, when set, are also served by GET pulls/{number}/files.
	Files []File
}

func (p MergedPull) author() string {
	if p.Author == "" {
		return "octocat"
	}
	return p.Author
}

func (p MergedPull) baseRef() string {
	if p.BaseRef == "" {
		return "main"
	}
	return p.BaseRef
}

// PullCommit is one commit of a seeded pull request.
type PullCommit struct {
	SHA      string
	Authored time.Time
}

// MaxPullCommits is where GitHub stops listing a pull request's commits.
const MaxPullCommits = 250

func (r *Repo) mergedPulls() map[int]MergedPull {
	return r.State("merged-pulls", func() any { return map[int]MergedPull{} }).(map[int]MergedPull)
}

// AddMergedPull seeds a merged pull request.
func (r *Repo) AddMergedPull(p MergedPull) {
	pulls := r.mergedPulls()
	r.Lock(func() { pulls[p.Number] = p })
	if p.Files != nil {
		r.AddPull(Pull{Number: p.Number, Title: p.Title, State: "closed", Author: p.author(), HeadRef: p.HeadRef, BaseRef: p.baseRef(), Files: p.Files})
	}
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/commits/{sha}/pulls", s.listCommitPulls)
		s.Handle("GET", "/repos/{owner}/{repo}/pulls/{number}/commits", s.listPullCommits)
	})
}

func (s *Server) listCommitPulls(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	sha := r.PathValue("sha")
	pulls := repo.mergedPulls()
	var out []*github.PullRequest
	repo.Lock(func() {
		for _, p := range pulls {
			if p.MergeSHA == sha {
				out = append(out, &github.PullRequest{
					Number: github.Int(p.Number), State: github.String("closed"),
					MergedAt: &github.Timestamp{Time: p.Merged}, MergeCommitSHA: github.String(p.MergeSHA),
				})
			}
		}
	})
	Paginate(w, r, out)
}

func (s *Server) listPullCommits(w http.ResponseWriter, r *http.Request) {
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
	commits := p.Commits[:min(len(p.Commits), MaxPullCommits)]
	out := make([]*github.RepositoryCommit, len(commits))
	for i, c := range commits {
		out[i] = &github.RepositoryCommit{SHA: github.String(c.SHA), Commit: &github.Commit{
			SHA: github.String(c.SHA), Author: &github.CommitAuthor{Date: &github.Timestamp{Time: c.Authored}},
		}}
	}
	Paginate(w, r, out)
}
