package github

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"time"
)

// RetryPolicy bounds how long and how often a request is retried. go-github
// does not retry, so the client's transport does: rate limits (primary and
// secondary), 5xx answers and connection errors.
type RetryPolicy struct {
	// MaxAttempts is how often one request is tried, the first included.
	MaxAttempts int
	// MaxWait is the longest single wait GitHub may ask for, by a rate
	// limit or by a 5xx's Retry-After; a longer one fails at once with a
	// *RateLimitError or *UnavailableError naming the time to come back,
	// rather than idling a CI job for an hour.
	MaxWait time.Duration
	// Backoff is the wait after the first 5xx or connection error,
	// doubling on each further one up to MaxBackoff.
	Backoff, MaxBackoff time.Duration
	// TotalWait is the most a client waits in all, over its whole life
	// (an Action run, one App delivery). A wait that would take the total
	// past it is refused: a rate limit then fails at once with a
	// *RateLimitError saying so, and a 5xx or a lost connection is
	// answered as on the last attempt.
	TotalWait time.Duration
}

// DefaultRetryPolicy is what a zero RetryPolicy means.
var DefaultRetryPolicy = RetryPolicy{MaxAttempts: 5, MaxWait: 5 * time.Minute, Backoff: time.Second, MaxBackoff: 30 * time.Second, TotalWait: 10 * time.Minute}

// secondaryWait is GitHub's advice when a secondary limit names no time:
// wait at least a minute, longer on each repeat.
const secondaryWait = time.Minute

func (p RetryPolicy) withDefaults() RetryPolicy {
	d := DefaultRetryPolicy
	if p.MaxAttempts > 0 {
		d.MaxAttempts = p.MaxAttempts
	}
	if p.MaxWait > 0 {
		d.MaxWait = p.MaxWait
	}
	if p.Backoff > 0 {
		d.Backoff = p.Backoff
	}
	if p.MaxBackoff > 0 {
		d.MaxBackoff = p.MaxBackoff
	}
	if p.TotalWait > 0 {
		d.TotalWait = p.TotalWait
	}
	return d
}

// retryTransport sends each request, counts it, and retries what GitHub
// asks to be retried, waiting on the injected clock.
type retryTransport struct {
	next   http.RoundTripper
	clock  Clock
	policy RetryPolicy
	stats  *counter
	budget *waitBudget // unless the request's context names another
	auth   bool        // its requests are App authentication
	log    *slog.Logger
}

// decision is what to do after one attempt.
type decision struct {
	retry  bool
	wait   time.Duration
	reason string
	limit  *RateLimitError // the rate limit waited for, if that is the reason
	err    error           // give up with this error instead of the response
}

func (t *retryTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	body, err := replayableBody(req)
	if err != nil {
		return nil, err
	}
	for attempt := 1; ; attempt++ {
		resp, err := t.send(req, body, attempt > 1)
		d := t.decide(req, resp, err, attempt)
		if d.retry && req.Context().Value(singleShotKey{}) != nil {
			// Not handed back as it came: a rate limit's 403 would make
			// go-github refuse the client's later requests itself.
			closeBody(resp)
			return nil, fmt.Errorf("%s; not retried", d.reason)
		}
		if d.retry {
			d = t.charge(req, d)
		}
		if d.err != nil {
			closeBody(resp)
			return nil, d.err
		}
		if !d.retry {
			hideExhaustedWindow(resp)
			return resp, err
		}
		closeBody(resp)
		t.announce(req, d, attempt+1)
		if err := t.clock.Sleep(req.Context(), d.wait); err != nil {
			return nil, err
		}
		t.stats.waited(d.wait)
	}
}

// announce logs a wait before it starts, as one line that reads on its
// own: a wait can last minutes, and without it the job looks hung.
func (t *retryTransport) announce(req *http.Request, d decision, next int) {
	wait := d.wait
	if wait >= time.Second {
		wait = wait.Round(time.Second)
	}
	msg := fmt.Sprintf("GitHub API: %s on %s %s; waiting %s before attempt %d of %d",
		d.reason, req.Method, req.URL.Path, wait, next, t.policy.MaxAttempts)
	t.log.Info(msg, "method", req.Method, "path", req.URL.Path, "reason", d.reason,
		"wait", d.wait, "attempt", next, "max_attempts", t.policy.MaxAttempts)
}

// send makes one attempt with a fresh copy of the body.
func (t *retryTransport) send(req *http.Request, body []byte, retry bool) (*http.Response, error) {
	r := req.Clone(req.Context())
	if body != nil {
		r.Body = io.NopCloser(bytes.NewReader(body))
		r.ContentLength = int64(len(body))
	}
	t.stats.sent(req.Method, t.auth, retry)
	return t.next.RoundTrip(r)
}

// decide reads one attempt's result the way GitHub documents it.
func (t *retryTransport) decide(req *http.Request, resp *http.Response, err error, attempt int) decision {
	lastTry := attempt >= t.policy.MaxAttempts
	switch {
	case err != nil:
		if req.Context().Err() != nil || lastTry || !retryable(req) {
			return decision{}
		}
		return decision{retry: true, wait: t.backoff(attempt), reason: "connection error: " + err.Error()}
	case resp.StatusCode == http.StatusForbidden || resp.StatusCode == http.StatusTooManyRequests:
		return t.decideLimit(resp, attempt, lastTry)
	case resp.StatusCode >= 500 && resp.StatusCode != http.StatusNotImplemented:
		if lastTry || !retryable(req) {
			return decision{}
		}
		return t.decideOutage(resp, attempt)
	}
	return decision{}
}

// decideOutage backs off after a 5xx, longer when GitHub names a
// Retry-After, but no longer than MaxWait: an outage GitHub expects to
// last an hour would otherwise idle the job for hours, with the retries.
func (t *retryTransport) decideOutage(resp *http.Response, attempt int) decision {
	asked := retryAfter(resp)
	if asked > t.policy.MaxWait {
		return decision{err: &UnavailableError{
			Status: resp.Status, Wait: asked, MaxWait: t.policy.MaxWait,
			Until: t.clock.Now().Add(asked).Truncate(time.Second),
		}}
	}
	return decision{retry: true, wait: max(t.backoff(attempt), asked), reason: resp.Status}
}

// decideLimit tells rate limits from permission errors and waits for
// the former when the wait is short enough.
func (t *retryTransport) decideLimit(resp *http.Response, attempt int, lastTry bool) decision {
	limit := parseLimit(resp, t.clock.Now())
	var wait time.Duration
	switch {
	case resp.Header.Get("X-Ratelimit-Remaining") == "0" && !limit.Reset.IsZero():
		// Primary limit: the window reopens at reset (a whole second).
		wait = limit.Reset.Sub(t.clock.Now()) + time.Second
	case resp.Header.Get("Retry-After") != "":
		limit.Secondary, wait = true, retryAfter(resp)
	case resp.StatusCode == http.StatusTooManyRequests || mentionsSecondaryLimit(resp):
		limit.Secondary, wait = true, secondaryWait<<(attempt-1)
	default:
		return decision{} // a permission error: the caller decides
	}
	wait = max(wait, 0)
	if lastTry || wait > t.policy.MaxWait {
		limit.Wait, limit.MaxWait = wait, t.policy.MaxWait
		if limit.Secondary || limit.Reset.IsZero() {
			limit.Reset = t.clock.Now().Add(wait).Truncate(time.Second)
		}
		return decision{err: limit}
	}
	reason := "primary rate limit"
	if limit.Secondary {
		reason = "secondary rate limit"
	}
	return decision{retry: true, wait: wait, reason: reason, limit: limit}
}

// charge takes a retry's wait from the client's budget. A refused rate
// limit fails at once, naming the total waited and when to rerun; a
// refused 5xx or connection error is given back as it came, as on the
// last attempt, with a log line saying why it was not retried.
func (t *retryTransport) charge(req *http.Request, d decision) decision {
	b := budgetOf(req, t.budget)
	spent, ok := b.take(d.wait)
	if ok {
		return d
	}
	if d.limit == nil {
		t.log.Info(fmt.Sprintf("GitHub API: %s on %s %s; not retried: this run has waited %s in total, and waits at most %s",
			d.reason, req.Method, req.URL.Path, spent, b.total),
			"method", req.Method, "path", req.URL.Path, "reason", d.reason, "waited", spent, "total_wait", b.total)
		return decision{}
	}
	e := *d.limit
	e.Wait, e.Waited, e.TotalWait = d.wait, spent, b.total
	if e.Secondary || e.Reset.IsZero() {
		e.Reset = t.clock.Now().Add(d.wait).Truncate(time.Second)
	}
	return decision{err: &e}
}

func (t *retryTransport) backoff(attempt int) time.Duration {
	return min(t.policy.Backoff<<(attempt-1), t.policy.MaxBackoff)
}

// hideExhaustedWindow keeps go-github from refusing the next request on
// its own. After a success that used the window's last request, go-github
// would answer every further call with a RateLimitError without sending
// it, so this transport could never wait for the reset. Without the reset
// time go-github lets the request through; this transport then meets
// GitHub's 403 and waits, or fails naming the reset.
func hideExhaustedWindow(resp *http.Response) {
	if resp != nil && resp.StatusCode < 300 && resp.Header.Get("X-Ratelimit-Remaining") == "0" {
		resp.Header.Del("X-Ratelimit-Reset")
	}
}

// retryAfter reads Retry-After in seconds (GitHub's form); 0 when absent.
func retryAfter(resp *http.Response) time.Duration {
	secs, err := strconv.Atoi(strings.TrimSpace(resp.Header.Get("Retry-After")))
	if err != nil || secs < 0 {
		return 0
	}
	return time.Duration(secs) * time.Second
}

// mentionsSecondaryLimit peeks at an error body, leaving it readable.
func mentionsSecondaryLimit(resp *http.Response) bool {
	body, _ := io.ReadAll(io.LimitReader(resp.Body, 64<<10))
	resp.Body.Close()
	resp.Body = io.NopCloser(bytes.NewReader(body))
	return strings.Contains(strings.ToLower(string(body)), "secondary rate limit")
}

// replayableBody reads a request body once so every attempt can resend it.
func replayableBody(req *http.Request) ([]byte, error) {
	if req.Body == nil || req.Body == http.NoBody {
		return nil, nil
	}
	defer req.Body.Close()
	return io.ReadAll(req.Body)
}

func closeBody(resp *http.Response) {
	if resp != nil && resp.Body != nil {
		_, _ = io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		resp.Body.Close()
	}
}

// retryableKey marks a POST whose repetition is harmless.
type retryableKey struct{}

// idempotent marks ctx's POST requests as safe to resend after a 5xx or a
// lost connection (adding labels is; creating a comment is not: a retry
// after a timed-out success would post it twice).
func idempotent(ctx context.Context) context.Context {
	return context.WithValue(ctx, retryableKey{}, true)
}

// singleShotKey marks a request sent once, never retried nor waited for.
type singleShotKey struct{}

// singleShot sends ctx's requests once: an optional read whose failure
// the caller shrugs off, such as the check before setting a commit
// status, must cost one request, never a wait.
func singleShot(ctx context.Context) context.Context {
	return context.WithValue(ctx, singleShotKey{}, true)
}

// retryable reports whether resending req after a 5xx or connection
// error is safe. Rate-limited requests were not processed, so they are
// always resent.
func retryable(req *http.Request) bool {
	return req.Method != http.MethodPost || req.Context().Value(retryableKey{}) != nil
}
