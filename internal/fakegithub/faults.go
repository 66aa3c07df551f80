package fakegithub

import (
	"net/http"
	"strconv"
	"time"
)

// Messages GitHub sends for the faults tests inject most.
const (
	MsgNotAccessible  = "Resource not accessible by integration"
	MsgSecondaryLimit = "You have exceeded a secondary rate limit. Please wait a few minutes before you try again."
	MsgPrimaryLimit   = "API rate limit exceeded for installation ID 1."
)

// fault is one injected failure, consumed by the first matching request.
type fault struct {
	method, path string
	status       int
	headers      map[string]string
	body         string
}

// FailNext makes the next request for method and path (relative to the
// base path, escaped as sent: "/repos/o/r/pulls/1/files") fail with status,
// the extra headers and body. An empty body becomes GitHub's error shape
// with the status text. Faults queue: inject twice to fail twice.
func (s *Server) FailNext(method, path string, status int, headers map[string]string, body string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.faults = append(s.faults, fault{method: method, path: path, status: status, headers: headers, body: body})
}

// FailNextSecondaryLimit injects GitHub's secondary rate limit: 403 with
// retry-after (in seconds) and the message that names it.
func (s *Server) FailNextSecondaryLimit(method, path string, retryAfter time.Duration) {
	s.FailNext(method, path, http.StatusForbidden,
		map[string]string{"Retry-After": strconv.Itoa(int(retryAfter / time.Second))},
		`{"message":"`+MsgSecondaryLimit+`","documentation_url":"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits"}`)
}

// SetReadOnly makes every write answer 403 "Resource not accessible by
// integration", as a fork pull request's token does.
func (s *Server) SetReadOnly(readOnly bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.readOnly = readOnly
}

// injectFault answers with the first queued fault that matches, if any.
func (s *Server) injectFault(w http.ResponseWriter, r *http.Request) bool {
	f, ok := s.takeFault(r.Method, apiPath(r))
	if !ok {
		return false
	}
	for k, v := range f.headers {
		w.Header().Set(k, v)
	}
	if f.body == "" {
		WriteError(w, f.status, http.StatusText(f.status))
		return true
	}
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.WriteHeader(f.status)
	_, _ = w.Write([]byte(f.body))
	return true
}

func (s *Server) takeFault(method, path string) (fault, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for i, f := range s.faults {
		if f.method == method && f.path == path {
			s.faults = append(s.faults[:i], s.faults[i+1:]...)
			return f, true
		}
	}
	return fault{}, false
}

// refuseWrite answers a write with 403 in read-only mode.
func (s *Server) refuseWrite(w http.ResponseWriter, r *http.Request) bool {
	s.mu.Lock()
	readOnly := s.readOnly
	s.mu.Unlock()
	if !readOnly || r.Method == http.MethodGet || r.Method == http.MethodHead {
		return false
	}
	WriteJSON(w, http.StatusForbidden, ErrorBody{
		Message:          MsgNotAccessible,
		DocumentationURL: "https://docs.github.com/rest/issues/comments#create-an-issue-comment",
		Status:           "403",
	})
	return true
}
