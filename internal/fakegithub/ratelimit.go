package fakegithub

import (
	"net/http"
	"strconv"
	"time"
)

// window is the length of GitHub's primary rate-limit window.
const window = time.Hour

// rateLimit is the primary ("core") rate limit of the fake's one token.
type rateLimit struct {
	limit, remaining int
	reset            time.Time
}

func newRateLimit(now time.Time) rateLimit {
	return rateLimit{limit: 5000, remaining: 5000, reset: now.Add(window).Truncate(time.Second)}
}

// SetRateLimit sets the primary limit's state: remaining requests of
// limit until reset. With remaining 0, requests fail with 403 and
// x-ratelimit-remaining: 0 until the fake clock passes reset.
func (s *Server) SetRateLimit(limit, remaining int, reset time.Time) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.limits = rateLimit{limit: limit, remaining: remaining, reset: reset.Truncate(time.Second)}
}

// countRateLimit spends one request of the window and writes GitHub's
// rate-limit headers. An exhausted window answers 403 and returns false.
func (s *Server) countRateLimit(w http.ResponseWriter) bool {
	s.mu.Lock()
	now := s.now()
	if !now.Before(s.limits.reset) {
		s.limits = rateLimit{limit: s.limits.limit, remaining: s.limits.limit, reset: now.Add(window).Truncate(time.Second)}
	}
	exhausted := s.limits.remaining == 0
	if !exhausted {
		s.limits.remaining--
	}
	l := s.limits
	s.mu.Unlock()

	h := w.Header()
	h.Set("X-Ratelimit-Limit", strconv.Itoa(l.limit))
	h.Set("X-Ratelimit-Remaining", strconv.Itoa(l.remaining))
	h.Set("X-Ratelimit-Used", strconv.Itoa(l.limit-l.remaining))
	h.Set("X-Ratelimit-Reset", strconv.FormatInt(l.reset.Unix(), 10))
	h.Set("X-Ratelimit-Resource", "core")
	if exhausted {
		WriteJSON(w, http.StatusForbidden, ErrorBody{
			Message:          MsgPrimaryLimit,
			DocumentationURL: "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-primary-rate-limits",
			Status:           "403",
		})
	}
	return !exhausted
}
