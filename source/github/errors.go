package github

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// RateLimitError is a rate limit the client would not wait out: the wait
// exceeded RetryPolicy.MaxWait, the limit persisted through every
// attempt, or the wait would have taken the client's total past
// RetryPolicy.TotalWait.
type RateLimitError struct {
	Secondary bool
	Resource  string    // the primary limit's bucket, such as "core"
	Limit     int       // the primary limit's requests per window
	Reset     time.Time // when requests may resume
	Wait      time.Duration
	MaxWait   time.Duration
	// TotalWait is set when the client's total wait budget refused the
	// wait; Waited is what the client had waited in all by then.
	Waited, TotalWait time.Duration
}

func (e *RateLimitError) Error() string {
	if e.TotalWait > 0 {
		return e.overBudget()
	}
	when := e.Reset.UTC().Format(time.RFC3339)
	if e.Secondary {
		return fmt.Sprintf("GitHub secondary rate limit: asked to wait %s (until %s), longer than this run waits (%s); rerun later, and avoid many jobs calling the API at once", e.Wait, when, e.MaxWait)
	}
	return fmt.Sprintf("GitHub API rate limit (%s, %d requests an hour) exhausted until %s, %s away, longer than this run waits (%s); rerun after that time, or authenticate as a GitHub App for a larger limit", e.Resource, e.Limit, when, e.Wait.Round(time.Second), e.MaxWait)
}

// overBudget says that the run gave up on waiting, not that one wait was
// too long: rerunning right away would only meet the limit again.
func (e *RateLimitError) overBudget() string {
	limit := fmt.Sprintf("GitHub API rate limit (%s) exhausted", e.Resource)
	if e.Secondary {
		limit = "GitHub secondary rate limit hit"
	}
	return fmt.Sprintf("%s again after this run had waited %s in total (a run waits at most %s); rerun after %s",
		limit, e.Waited.Round(time.Second), e.TotalWait, clockTime(e.Reset))
}

// clockTime is t as a UTC wall-clock time, rounded up to the minute so
// that a rerun at that time is never early: "12:11 UTC". The date is left
// out: a refused wait ends within RetryPolicy.MaxWait.
func clockTime(t time.Time) string {
	t = t.UTC()
	if m := t.Truncate(time.Minute); m.Before(t) {
		t = m.Add(time.Minute)
	}
	return t.Format("15:04 UTC")
}

// UnavailableError is a 5xx answer whose Retry-After asks for a longer
// wait than RetryPolicy.MaxWait: GitHub expects to be down or overloaded
// for longer than a run should sit idle.
type UnavailableError struct {
	Status  string    // GitHub's status line, such as "503 Service Unavailable"
	Until   time.Time // when GitHub asked to be tried again
	Wait    time.Duration
	MaxWait time.Duration
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("GitHub answered %s and asked to wait %s (until %s), longer than this run waits (%s); rerun after that time",
		e.Status, e.Wait, e.Until.UTC().Format(time.RFC3339), e.MaxWait)
}

// parseLimit reads GitHub's rate-limit headers into a RateLimitError.
func parseLimit(resp *http.Response, now time.Time) *RateLimitError {
	e := &RateLimitError{Resource: resp.Header.Get("X-Ratelimit-Resource")}
	e.Limit, _ = strconv.Atoi(resp.Header.Get("X-Ratelimit-Limit"))
	if secs, err := strconv.ParseInt(resp.Header.Get("X-Ratelimit-Reset"), 10, 64); err == nil && secs > 0 {
		e.Reset = time.Unix(secs, 0)
	}
	if e.Resource == "" {
		e.Resource = "core"
	}
	return e
}

// IsRateLimit reports whether err is a rate limit, primary or secondary,
// that outlasted the client's patience.
func IsRateLimit(err error) bool {
	var own *RateLimitError
	var primary *gh.RateLimitError
	var secondary *gh.AbuseRateLimitError
	return errors.As(err, &own) || errors.As(err, &primary) || errors.As(err, &secondary)
}

// IsPermission reports whether GitHub refused a request for lack of
// permission: a 403 that is not a rate limit (a fork's read-only token:
// "Resource not accessible by integration"), or a 404 on a write, which
// is how GitHub answers a token that may read but not write a resource.
func IsPermission(err error) bool {
	if IsRateLimit(err) {
		return false
	}
	var e *gh.ErrorResponse
	if !errors.As(err, &e) || e.Response == nil {
		return false
	}
	switch e.Response.StatusCode {
	case http.StatusForbidden:
		return true
	case http.StatusNotFound:
		return e.Response.Request != nil && e.Response.Request.Method != http.MethodGet
	}
	return false
}

// IsNotFound reports whether GitHub answered 404.
func IsNotFound(err error) bool { return StatusCode(err) == http.StatusNotFound }

// IsValidation reports whether GitHub refused the request's content (422).
func IsValidation(err error) bool { return StatusCode(err) == http.StatusUnprocessableEntity }

// StatusCode is the HTTP status of GitHub's error answer, or 0.
func StatusCode(err error) int {
	var e *gh.ErrorResponse
	if errors.As(err, &e) && e.Response != nil {
		return e.Response.StatusCode
	}
	return 0
}

// apiError rewrites go-github's error into one line that names the
// operation, GitHub's message and its field errors, keeping the original
// for errors.As (IsPermission and friends).
func apiError(op string, err error) error {
	err = unwrapOwn(err)
	var e *gh.ErrorResponse
	if !errors.As(err, &e) || e.Response == nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	return &Error{Op: op, Status: e.Response.StatusCode, Message: e.Message, Fields: fieldErrors(e.Errors), err: err}
}

// unwrapOwn drops the *url.Error that net/http wraps around the
// transport's own verdicts (a wait it would not take): its method and URL
// add nothing to a message that names the operation, and hide the advice.
func unwrapOwn(err error) error {
	ue, ok := err.(*url.Error)
	if !ok {
		return err
	}
	var rl *RateLimitError
	var un *UnavailableError
	if errors.As(ue.Err, &rl) || errors.As(ue.Err, &un) {
		return ue.Err
	}
	return err
}

// Error is GitHub's answer to a failed request, as one readable line.
type Error struct {
	Op      string // what the client was doing: "add labels to pull request 12"
	Status  int
	Message string // GitHub's "message"
	Fields  []string
	err     error
}

func (e *Error) Error() string {
	msg := fmt.Sprintf("%s: GitHub answered %d %s", e.Op, e.Status, e.Message)
	if len(e.Fields) > 0 {
		msg += " (" + strings.Join(e.Fields, "; ") + ")"
	}
	return msg
}

func (e *Error) Unwrap() error { return e.err }

// fieldErrors renders a 422's "errors" list: "Label.name already_exists".
func fieldErrors(errs []gh.Error) []string {
	var out []string
	for _, fe := range errs {
		s := strings.TrimSpace(fe.Resource + "." + fe.Field + " " + fe.Code)
		if fe.Message != "" {
			s += ": " + fe.Message
		}
		out = append(out, strings.TrimPrefix(s, ". "))
	}
	return out
}
