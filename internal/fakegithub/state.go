package fakegithub

import (
	"net/http"
	"strings"

	"github.com/google/go-github/v60/github"
)

// Actor is the login the fake credits with comments created through the
// API, as GitHub credits the Actions token.
const Actor = "github-actions[bot]"

// DefaultLabelColor is the colour GitHub gives a label it creates on the
// fly when one is added to an issue before it exists.
const DefaultLabelColor = "ededed"

// Repo is one repository's state. Seed it through its methods; they are
// safe to call while requests are served.
type Repo struct {
	s             *Server
	Owner, Name   string
	id            int64
	defaultBranch string

	pulls       map[int]*pull
	issueLabels map[int][]string // issue or pull number → label names, in order added
	comments    map[int][]*github.IssueComment
	labels      map[string]*github.Label // by lower-cased name
	files       map[string]map[string]string
	submodules  map[string]map[string]string
	treeLimit   int
	ext         map[string]any
}

// AddRepo creates the repository owner/name (default branch main).
func (s *Server) AddRepo(owner, name string) *Repo {
	r := &Repo{
		s: s, Owner: owner, Name: name, id: s.newID(), defaultBranch: "main",
		pulls:       map[int]*pull{},
		issueLabels: map[int][]string{},
		comments:    map[int][]*github.IssueComment{},
		labels:      map[string]*github.Label{},
		files:       map[string]map[string]string{},
		submodules:  map[string]map[string]string{},
		ext:         map[string]any{},
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.repos[strings.ToLower(r.FullName())] = r
	return r
}

// FullName is "owner/name".
func (r *Repo) FullName() string { return r.Owner + "/" + r.Name }

// State returns the repository's slot for key, creating it with init on
// first use. Resources defined in other files keep their state here, so
// adding a resource needs no change to Repo.
func (r *Repo) State(key string, init func() any) any {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	v, ok := r.ext[key]
	if !ok {
		v = init()
		r.ext[key] = v
	}
	return v
}

// Lock runs f while holding the fake's lock, for handlers and seeders in
// other files that read or change state.
func (r *Repo) Lock(f func()) {
	r.s.mu.Lock()
	defer r.s.mu.Unlock()
	f()
}

// repoOf finds the repository a request names in {owner}/{repo}, or
// answers 404 as GitHub does.
func (s *Server) repoOf(w http.ResponseWriter, r *http.Request) (*Repo, bool) {
	full := r.PathValue("owner") + "/" + r.PathValue("repo")
	s.mu.Lock()
	repo := s.repos[strings.ToLower(full)]
	s.mu.Unlock()
	if repo == nil {
		WriteError(w, http.StatusNotFound, "Not Found")
		return nil, false
	}
	return repo, true
}

// RepoOf is repoOf for route handlers defined outside this package's
// resource files (tests that add a route with Handle).
func (s *Server) RepoOf(w http.ResponseWriter, r *http.Request) (*Repo, bool) { return s.repoOf(w, r) }

// ghRepo is the repository as GitHub's API shows it.
func (r *Repo) ghRepo() *github.Repository {
	return &github.Repository{
		ID:            github.Int64(r.id),
		Name:          github.String(r.Name),
		FullName:      github.String(r.FullName()),
		Owner:         &github.User{Login: github.String(r.Owner), Type: github.String("Organization")},
		DefaultBranch: github.String(r.defaultBranch),
		HTMLURL:       github.String("https://github.com/" + r.FullName()),
	}
}

// user is a GitHub account as the API shows it; logins ending in [bot]
// are bots.
func user(login string) *github.User {
	kind := "User"
	if strings.HasSuffix(login, "[bot]") {
		kind = "Bot"
	}
	return &github.User{Login: github.String(login), Type: github.String(kind)}
}

// cutFullName splits "owner/name".
func cutFullName(full string) (owner, name string, ok bool) {
	return strings.Cut(full, "/")
}
