package fakegithub

import (
	"net/http"
	"strconv"
	"strings"

	"github.com/google/go-github/v60/github"
)

// The issue graph: sub-issues (each issue has at most one parent, as on
// GitHub) and "blocked by" dependencies, both of which may cross
// repositories. GitHub shows their counts on every issue object
// (sub_issues_summary, issue_dependencies_summary) and lists them on
// routes of their own; a GitHub without the features (older GitHub
// Enterprise Server) answers those routes 404 and shows no counts, which
// SetIssueRelations simulates.

// nodeRef names an issue across repositories: the lower-cased full name
// of its repository and its number.
type nodeRef struct {
	repo   string
	number int
}

type issueGraph struct {
	noSubIssues, noDependencies bool
	children                    map[nodeRef][]nodeRef // in the order added, as GitHub keeps them
	parent                      map[nodeRef]nodeRef
	blockedBy                   map[nodeRef][]nodeRef
}

func (g *issueGraph) initLocked() {
	if g.children == nil {
		g.children, g.parent, g.blockedBy = map[nodeRef][]nodeRef{}, map[nodeRef]nodeRef{}, map[nodeRef][]nodeRef{}
	}
}

// subIssuesSummary and dependenciesSummary are the counts GitHub adds to
// issue objects; go-github v60 predates them.
type subIssuesSummary struct {
	Total            int `json:"total"`
	Completed        int `json:"completed"`
	PercentCompleted int `json:"percent_completed"`
}

// dependenciesSummary: blocked_by and blocking count open issues only,
// the totals every one.
type dependenciesSummary struct {
	BlockedBy      int `json:"blocked_by"`
	Blocking       int `json:"blocking"`
	TotalBlockedBy int `json:"total_blocked_by"`
	TotalBlocking  int `json:"total_blocking"`
}

// issueObject is an issue as GitHub's API shows it today.
type issueObject struct {
	*github.Issue
	SubIssuesSummary    *subIssuesSummary    `json:"sub_issues_summary,omitempty"`
	DependenciesSummary *dependenciesSummary `json:"issue_dependencies_summary,omitempty"`
}

// SetIssueRelations turns the sub-issues and the dependencies features on
// or off (both are on in a new fake). Off, their routes answer 404 and
// issue objects lack their summary, as on a GitHub that predates them.
func (s *Server) SetIssueRelations(subIssues, dependencies bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.graph.noSubIssues, s.graph.noDependencies = !subIssues, !dependencies
}

// AddSubIssue makes child a sub-issue of parent, both of this repository.
func (r *Repo) AddSubIssue(parent, child int) { r.AddSubIssueFrom(parent, r, child) }

// AddSubIssueFrom makes issue child of repository from a sub-issue of
// parent. Like GitHub it moves child away from any other parent, but it
// checks nothing else, so tests can seed what GitHub refuses (a cycle).
func (r *Repo) AddSubIssueFrom(parent int, from *Repo, child int) {
	r.Lock(func() { r.s.graph.linkLocked(r.ref(parent), from.ref(child)) })
}

// AddBlockedBy records that issue n is blocked by issue blocker, both of
// this repository.
func (r *Repo) AddBlockedBy(n, blocker int) { r.AddBlockedByFrom(n, r, blocker) }

// AddBlockedByFrom records that issue n is blocked by issue blocker of
// repository from.
func (r *Repo) AddBlockedByFrom(n int, from *Repo, blocker int) {
	r.Lock(func() {
		g := &r.s.graph
		g.initLocked()
		at, b := r.ref(n), from.ref(blocker)
		if !containsRef(g.blockedBy[at], b) {
			g.blockedBy[at] = append(g.blockedBy[at], b)
		}
	})
}

func (r *Repo) ref(n int) nodeRef { return nodeRef{repo: strings.ToLower(r.FullName()), number: n} }

// linkLocked makes child a sub-issue of parent, moving it from its old
// parent.
func (g *issueGraph) linkLocked(parent, child nodeRef) {
	g.initLocked()
	if old, ok := g.parent[child]; ok {
		g.children[old] = deleteRef(g.children[old], child)
	}
	g.parent[child] = parent
	g.children[parent] = append(g.children[parent], child)
}

func containsRef(list []nodeRef, x nodeRef) bool {
	for _, r := range list {
		if r == x {
			return true
		}
	}
	return false
}

func deleteRef(list []nodeRef, x nodeRef) []nodeRef {
	out := list[:0:0]
	for _, r := range list {
		if r != x {
			out = append(out, r)
		}
	}
	return out
}

// issueObjects adds the relation summaries to issues of any repository.
func (s *Server) issueObjects(list []*github.Issue) []issueObject {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]issueObject, len(list))
	for i, is := range list {
		out[i] = s.issueObjectLocked(is)
	}
	return out
}

func (s *Server) issueObject(is *github.Issue) issueObject {
	return s.issueObjects([]*github.Issue{is})[0]
}

func (s *Server) issueObjectLocked(is *github.Issue) issueObject {
	g := &s.graph
	at := nodeRef{repo: strings.ToLower(repoOfURL(is.GetRepositoryURL())), number: is.GetNumber()}
	out := issueObject{Issue: is}
	if !g.noSubIssues {
		sum := &subIssuesSummary{Total: len(g.children[at])}
		for _, c := range g.children[at] {
			if s.stateLocked(c) == "closed" {
				sum.Completed++
			}
		}
		if sum.Total > 0 {
			sum.PercentCompleted = sum.Completed * 100 / sum.Total
		}
		out.SubIssuesSummary = sum
	}
	if !g.noDependencies {
		out.DependenciesSummary = s.dependenciesLocked(at)
	}
	return out
}

func (s *Server) dependenciesLocked(at nodeRef) *dependenciesSummary {
	g := &s.graph
	sum := &dependenciesSummary{TotalBlockedBy: len(g.blockedBy[at])}
	for _, b := range g.blockedBy[at] {
		if s.stateLocked(b) != "closed" {
			sum.BlockedBy++
		}
	}
	for n, blockers := range g.blockedBy {
		if containsRef(blockers, at) {
			sum.TotalBlocking++
			if s.stateLocked(n) != "closed" {
				sum.Blocking++
			}
		}
	}
	return sum
}

// repoOfURL is "owner/name" of a repository API URL.
func repoOfURL(u string) string {
	_, full, _ := strings.Cut(u, "/repos/")
	return full
}

// issueLocked is the issue or pull request ref names, as the issues API
// shows it, or nil.
func (s *Server) issueLocked(ref nodeRef) *github.Issue {
	repo := s.repos[ref.repo]
	if repo == nil {
		return nil
	}
	st, _ := repo.ext["issues"].(*issueState)
	if st == nil {
		st = &issueState{}
	}
	return repo.issueOrPullLocked(st, ref.number)
}

func (s *Server) stateLocked(ref nodeRef) string {
	if is := s.issueLocked(ref); is != nil {
		return is.GetState()
	}
	return "open"
}

func init() {
	addRoutes(func(s *Server) {
		s.Handle("GET", "/repos/{owner}/{repo}/issues/{number}/sub_issues", s.listSubIssues)
		s.Handle("POST", "/repos/{owner}/{repo}/issues/{number}/sub_issues", s.addSubIssue)
		s.Handle("GET", "/repos/{owner}/{repo}/issues/{number}/dependencies/blocked_by", s.listBlockedBy)
	})
}

// relationOf finds the issue a relation route names, or answers 404: for
// a missing issue and, as GitHub does, for a feature it lacks.
func (s *Server) relationOf(w http.ResponseWriter, r *http.Request, off func(*issueGraph) bool) (*Repo, nodeRef, bool) {
	repo, ok := s.repoOf(w, r)
	if !ok {
		return nil, nodeRef{}, false
	}
	n, _ := strconv.Atoi(r.PathValue("number"))
	at := repo.ref(n)
	s.mu.Lock()
	found := !off(&s.graph) && s.issueLocked(at) != nil
	s.mu.Unlock()
	if !found {
		WriteError(w, http.StatusNotFound, "Not Found")
		return nil, nodeRef{}, false
	}
	return repo, at, true
}

func (s *Server) listSubIssues(w http.ResponseWriter, r *http.Request) {
	if _, at, ok := s.relationOf(w, r, func(g *issueGraph) bool { return g.noSubIssues }); ok {
		Paginate(w, r, s.relatedObjects(func(g *issueGraph) []nodeRef { return g.children[at] }))
	}
}

func (s *Server) listBlockedBy(w http.ResponseWriter, r *http.Request) {
	if _, at, ok := s.relationOf(w, r, func(g *issueGraph) bool { return g.noDependencies }); ok {
		Paginate(w, r, s.relatedObjects(func(g *issueGraph) []nodeRef { return g.blockedBy[at] }))
	}
}

// relatedObjects is the issues pick names, in its order, with their
// summaries.
func (s *Server) relatedObjects(pick func(*issueGraph) []nodeRef) []issueObject {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := []issueObject{}
	for _, ref := range pick(&s.graph) {
		if is := s.issueLocked(ref); is != nil {
			out = append(out, s.issueObjectLocked(is))
		}
	}
	return out
}

type subIssueBody struct {
	SubIssueID    int64 `json:"sub_issue_id"`
	ReplaceParent bool  `json:"replace_parent"`
}

// addSubIssue adds the issue with id sub_issue_id as a sub-issue and
// answers 201 with the parent. Like GitHub it refuses (422) an issue that
// is not there, the parent itself, and an issue that has a parent already
// unless replace_parent is set.
func (s *Server) addSubIssue(w http.ResponseWriter, r *http.Request) {
	repo, at, ok := s.relationOf(w, r, func(g *issueGraph) bool { return g.noSubIssues })
	if !ok {
		return
	}
	var body subIssueBody
	if !decodeBody(w, r, &body) {
		return
	}
	var problem string
	var parent *github.Issue
	repo.Lock(func() {
		child, found := s.refOfIDLocked(body.SubIssueID)
		old, hasParent := s.graph.parent[child]
		switch {
		case !found:
			problem = "the issue to add as a sub-issue was not found"
		case child == at:
			problem = "an issue cannot be its own sub-issue"
		case hasParent && (old == at || !body.ReplaceParent):
			problem = "the issue already has a parent issue"
		default:
			s.graph.linkLocked(at, child)
		}
		parent = s.issueLocked(at)
	})
	if problem != "" {
		WriteValidationError(w, FieldError{Resource: "Issue", Field: "sub_issue_id", Code: "invalid", Message: problem})
		return
	}
	WriteJSON(w, http.StatusCreated, s.issueObject(parent))
}

// refOfIDLocked finds an issue by id; see issueID.
func (s *Server) refOfIDLocked(id int64) (nodeRef, bool) {
	for key, repo := range s.repos {
		if id/100000 == repo.id {
			ref := nodeRef{repo: key, number: int(id % 100000)}
			return ref, s.issueLocked(ref) != nil
		}
	}
	return nodeRef{}, false
}
