// Package fakegithub is a stateful, in-process stand-in for GitHub's REST
// API, for tests. It serves under a non-empty base path (/api/v3/, as GitHub
// Enterprise does), so code that builds absolute URLs fails; pages like
// GitHub; sends rate-limit headers on every response; answers with
// GitHub-shaped errors; records every request; and fails the test on a
// request no route expects.
//
// Tests seed state (repositories, pull requests, comments, labels, file
// contents), inject faults with FailNext, then run the code under test
// against BaseURL and assert on Requests, Reads and Writes.
//
// Resources live one per file (pulls.go, comments.go, labels.go, …). A new
// resource is added in a new file: register its routes from init with
// addRoutes, and keep its per-repository state with Repo.State.
package fakegithub

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"
)

// BasePath is where the API is mounted, as on GitHub Enterprise Server.
const BasePath = "/api/v3"

// DefaultNow is the fake's clock until a test calls SetClock: a fixed time,
// so timestamps in responses are deterministic.
var DefaultNow = time.Date(2024, 1, 1, 12, 0, 0, 0, time.UTC)

// Server is a fake GitHub REST API. Its methods are safe for concurrent use.
type Server struct {
	t   testing.TB
	srv *httptest.Server
	mux *http.ServeMux

	mu        sync.Mutex
	now       func() time.Time
	repos     map[string]*Repo // by lower-cased "owner/name"
	requests  []Request
	faults    []fault
	readOnly  bool
	viewer    string // the user a personal token acts as; "" for an installation token
	limits    rateLimit
	tokens    map[string]bool  // accepted tokens; empty accepts any
	tokenApps map[string]int64 // installation token -> its App, whose bot writes with it
	apps      map[int64]*app
	nextID    int64
	graph     issueGraph // sub-issues and dependencies, across repositories
}

// routeSets register the routes of each resource file; see addRoutes.
var routeSets []func(*Server)

// addRoutes lets a resource file register its routes from init, so new
// resources are added without editing this file.
func addRoutes(register func(*Server)) { routeSets = append(routeSets, register) }

// New starts a fake GitHub that is closed when the test ends.
func New(t testing.TB) *Server {
	s := &Server{
		t:      t,
		mux:    http.NewServeMux(),
		now:    func() time.Time { return DefaultNow },
		repos:  map[string]*Repo{},
		tokens: map[string]bool{},
		apps:   map[int64]*app{},
		nextID: 1000,
	}
	s.limits = newRateLimit(s.now())
	s.mux.HandleFunc("/", s.unexpected)
	for _, register := range routeSets {
		register(s)
	}
	s.srv = httptest.NewServer(http.HandlerFunc(s.serve))
	t.Cleanup(s.srv.Close)
	return s
}

// URL is the server's root, without the API base path.
func (s *Server) URL() string { return s.srv.URL }

// BaseURL is what API clients are configured with: URL()+"/api/v3/".
func (s *Server) BaseURL() string { return s.srv.URL + BasePath + "/" }

// Client is an HTTP client for the server (no authentication added).
func (s *Server) Client() *http.Client { return s.srv.Client() }

// SetClock makes the fake read time from now: response timestamps, the
// rate-limit window and its reset. Share it with the client's clock so a
// client that waits for a reset sees the fake refill.
func (s *Server) SetClock(now func() time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.now = now
	s.limits = newRateLimit(now())
}

// Handle serves method and pattern (relative to the base path, in
// net/http.ServeMux syntax: "/repos/{owner}/{repo}/deployments") with h.
// Requests still pass through recording, faults, authentication and
// rate limiting first.
func (s *Server) Handle(method, pattern string, h http.HandlerFunc) {
	s.mux.HandleFunc(method+" "+BasePath+pattern, h)
}

// serve is the pipeline every request goes through, in GitHub's order:
// record, rate-limit accounting, injected faults, authentication, then
// the route.
func (s *Server) serve(w http.ResponseWriter, r *http.Request) {
	rec := s.record(r)
	if !s.countRateLimit(w) {
		return
	}
	if s.injectFault(w, r) {
		return
	}
	if !rec.Auth && !s.authorized(w, r) {
		return
	}
	if s.refuseWrite(w, r) {
		return
	}
	s.mux.ServeHTTP(w, r)
}

// unexpected answers a request no route expects: the test fails, and the
// client sees GitHub's 404.
func (s *Server) unexpected(w http.ResponseWriter, r *http.Request) {
	s.t.Errorf("fakegithub: unexpected request %s %s", r.Method, r.URL.RequestURI())
	WriteError(w, http.StatusNotFound, "Not Found")
}

// apiPath is a request's path relative to the base path, still escaped
// (a label "size/XL" stays "size%2FXL").
func apiPath(r *http.Request) string {
	return strings.TrimPrefix(r.URL.EscapedPath(), BasePath)
}

// newID hands out unique ids for comments and labels.
func (s *Server) newID() int64 {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.nextID++
	return s.nextID
}

// clock returns the current fake time.
func (s *Server) clock() time.Time {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.now()
}
