package fakegithub

import (
	"net/http"
	"sort"
	"strings"
	"time"

	"github.com/google/go-github/v60/github"
)

// CommitNode seeds one commit of the repository's graph, for the compare
// route.
type CommitNode struct {
	SHA            string
	Parents        []string
	Authored       time.Time
	Committed      time.Time
	CommitterEmail string
	Message        string
}

func (r *Repo) graph() map[string]CommitNode {
	return r.State("commit-graph", func() any { return map[string]CommitNode{} }).(map[string]CommitNode)
}

// AddCommits seeds commits of the graph.
func (r *Repo) AddCommits(commits ...CommitNode) {
	g := r.graph()
	r.Lock(func() {
		for _, c := range commits {
			g[c.SHA] = c
		}
	})
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/compare/{basehead}", s.compareCommits)
	})
}

// compareCommits answers base...head: the commits reachable from head and
// not from base, oldest first, paged like GitHub.
func (s *Server) compareCommits(w http.ResponseWriter, r *http.Request) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return
	}
	base, head, _ := strings.Cut(r.PathValue("basehead"), "...")
	g := repo.graph()
	var out *github.CommitsComparison
	repo.Lock(func() {
		_, knowBase := g[base]
		_, knowHead := g[head]
		if knowBase && knowHead {
			out = comparison(g, base, head)
		}
	})
	if out == nil {
		WriteError(w, http.StatusNotFound, "Not Found")
		return
	}
	out.Commits = pageOf(w, r, out.Commits)
	WriteJSON(w, http.StatusOK, out)
}

func comparison(g map[string]CommitNode, base, head string) *github.CommitsComparison {
	fromBase, fromHead := ancestors(g, base), ancestors(g, head)
	var ahead []CommitNode
	for sha := range fromHead {
		if !fromBase[sha] {
			ahead = append(ahead, g[sha])
		}
	}
	sort.Slice(ahead, func(i, j int) bool {
		if !ahead[i].Committed.Equal(ahead[j].Committed) {
			return ahead[i].Committed.Before(ahead[j].Committed)
		}
		return ahead[i].SHA < ahead[j].SHA
	})
	behind := 0
	for sha := range fromBase {
		if !fromHead[sha] {
			behind++
		}
	}
	out := &github.CommitsComparison{
		BaseCommit: ghCommit(g[base]), Status: github.String(compareStatus(len(ahead), behind)),
		AheadBy: github.Int(len(ahead)), BehindBy: github.Int(behind), TotalCommits: github.Int(len(ahead)),
	}
	for _, c := range ahead {
		out.Commits = append(out.Commits, ghCommit(c))
	}
	return out
}

func compareStatus(ahead, behind int) string {
	switch {
	case ahead > 0 && behind > 0:
		return "diverged"
	case ahead > 0:
		return "ahead"
	case behind > 0:
		return "behind"
	}
	return "identical"
}

func ancestors(g map[string]CommitNode, sha string) map[string]bool {
	seen := map[string]bool{}
	stack := []string{sha}
	for len(stack) > 0 {
		cur := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		c, ok := g[cur]
		if !ok || seen[cur] {
			continue
		}
		seen[cur] = true
		stack = append(stack, c.Parents...)
	}
	return seen
}

func ghCommit(c CommitNode) *github.RepositoryCommit {
	rc := &github.RepositoryCommit{SHA: github.String(c.SHA), Commit: &github.Commit{
		SHA:       github.String(c.SHA),
		Message:   github.String(c.Message),
		Author:    &github.CommitAuthor{Date: &github.Timestamp{Time: c.Authored}},
		Committer: &github.CommitAuthor{Date: &github.Timestamp{Time: c.Committed}, Email: github.String(c.CommitterEmail)},
	}}
	for _, p := range c.Parents {
		rc.Parents = append(rc.Parents, &github.Commit{SHA: github.String(p)})
	}
	return rc
}
