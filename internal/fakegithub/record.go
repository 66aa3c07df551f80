package fakegithub

import (
	"bytes"
	"io"
	"net/http"
	"net/url"
	"strings"
)

// Request is one request the fake received.
type Request struct {
	Method string
	// Path is relative to the base path and still escaped, as sent:
	// "/repos/o/r/issues/1/labels/size%2FXL".
	Path  string
	Query url.Values
	Body  []byte
	// Auth marks GitHub App authentication requests (the installation
	// lookup and the token exchange), which Reads and Writes leave out:
	// API budgets are about the work, not the login.
	Auth bool
}

// IsWrite reports whether the request changes state.
func (r Request) IsWrite() bool { return r.Method != http.MethodGet && r.Method != http.MethodHead }

// String is "METHOD path?query", for test failure messages.
func (r Request) String() string {
	if len(r.Query) == 0 {
		return r.Method + " " + r.Path
	}
	return r.Method + " " + r.Path + "?" + r.Query.Encode()
}

// record stores the request and leaves its body readable for the handler.
func (s *Server) record(r *http.Request) Request {
	body, _ := io.ReadAll(r.Body)
	r.Body = io.NopCloser(bytes.NewReader(body))
	rec := Request{
		Method: r.Method,
		Path:   apiPath(r),
		Query:  r.URL.Query(),
		Body:   body,
	}
	rec.Auth = isAuthPath(rec.Path)
	s.mu.Lock()
	s.requests = append(s.requests, rec)
	s.mu.Unlock()
	return rec
}

// isAuthPath tells the GitHub App authentication routes apart.
func isAuthPath(path string) bool {
	return strings.HasPrefix(path, "/app/") || path == "/app" ||
		(strings.HasPrefix(path, "/repos/") && strings.HasSuffix(path, "/installation"))
}

// Requests returns every request received so far, in order.
func (s *Server) Requests() []Request {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Request(nil), s.requests...)
}

// Reads counts GET and HEAD requests, leaving out App authentication.
func (s *Server) Reads() int { return s.count(func(r Request) bool { return !r.Auth && !r.IsWrite() }) }

// Writes counts requests that change state, leaving out App
// authentication.
func (s *Server) Writes() int { return s.count(func(r Request) bool { return !r.Auth && r.IsWrite() }) }

// Count counts the requests that match.
func (s *Server) Count(match func(Request) bool) int { return s.count(match) }

func (s *Server) count(match func(Request) bool) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	n := 0
	for _, r := range s.requests {
		if match(r) {
			n++
		}
	}
	return n
}

// ResetRequests forgets the requests recorded so far, so a test can
// measure one phase (a rerun) on its own.
func (s *Server) ResetRequests() {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests = nil
}
