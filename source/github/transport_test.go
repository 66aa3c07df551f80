package github

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

const pullPath = "/repos/octo/hello/pulls/1"

func TestSecondaryRateLimitWaitsThenSucceeds(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNextSecondaryLimit("GET", pullPath, 30*time.Second)
	if _, err := f.client.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{30 * time.Second}) {
		t.Errorf("waits = %v, want the 30s retry-after", got)
	}
	if st := f.client.Stats(); st.Reads != 2 || st.Retries != 1 || st.Waited != 30*time.Second {
		t.Errorf("stats = %+v", st)
	}
}

func TestSecondaryLimitWithoutRetryAfterWaitsAMinute(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("GET", pullPath, http.StatusForbidden, nil, `{"message":"`+fakegithub.MsgSecondaryLimit+`"}`)
	f.srv.FailNext("GET", pullPath, http.StatusTooManyRequests, nil, "")
	if _, err := f.client.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{time.Minute, 2 * time.Minute}) {
		t.Errorf("waits = %v, want 1m then 2m", got)
	}
}

func TestPrimaryLimitWaitsForTheReset(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	reset := f.clock.Now().Add(90 * time.Second)
	f.srv.SetRateLimit(5000, 0, reset)
	if _, err := f.client.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{91 * time.Second}) {
		t.Errorf("waits = %v, want until one second past the reset", got)
	}
	if got := f.srv.Reads(); got != 2 {
		t.Errorf("reads = %d, want the refused one and the retry", got)
	}
}

func TestPrimaryLimitBeyondTheCapFailsNamingTheReset(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.SetRateLimit(5000, 0, f.clock.Now().Add(45*time.Minute))
	_, err := f.client.PullRequest(context.Background(), 1)
	var rl *RateLimitError
	if !errors.As(err, &rl) || !IsRateLimit(err) || IsPermission(err) {
		t.Fatalf("err = %v, want a *RateLimitError", err)
	}
	for _, want := range []string{"core, 5000 requests an hour", "until 2024-01-01T12:45:00Z", "45m1s away", "rerun after that time"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if len(f.clock.Waits()) != 0 {
		t.Errorf("waited %v; a wait past the cap should fail at once", f.clock.Waits())
	}
}

func TestServerErrorsRetryWithBackoff(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("GET", pullPath, http.StatusBadGateway, nil, "")
	f.srv.FailNext("GET", pullPath, http.StatusServiceUnavailable, nil, "")
	if _, err := f.client.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{time.Second, 2 * time.Second}) {
		t.Errorf("waits = %v, want 1s then 2s", got)
	}
}

func TestServerErrorsGiveUpAfterMaxAttempts(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	for range DefaultRetryPolicy.MaxAttempts {
		f.srv.FailNext("GET", pullPath, http.StatusInternalServerError, nil, "")
	}
	_, err := f.client.PullRequest(context.Background(), 1)
	if StatusCode(err) != 500 || !strings.Contains(err.Error(), "GitHub answered 500 Internal Server Error") {
		t.Errorf("err = %v", err)
	}
	if got := f.srv.Reads(); got != DefaultRetryPolicy.MaxAttempts {
		t.Errorf("reads = %d, want %d attempts", got, DefaultRetryPolicy.MaxAttempts)
	}
}

func TestCreatingACommentIsNotResentAfterA5xx(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("POST", "/repos/octo/hello/issues/1/comments", http.StatusBadGateway, nil, "")
	if _, err := f.client.CreateComment(context.Background(), 1, "hi"); StatusCode(err) != 502 {
		t.Errorf("err = %v, want the 502", err)
	}
	if got := f.srv.Writes(); got != 1 {
		t.Errorf("writes = %d, want 1: a resent comment could post twice", got)
	}
}

func TestAddingLabelsIsResentAfterA5xx(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("POST", "/repos/octo/hello/issues/1/labels", http.StatusBadGateway, nil, "")
	if _, err := f.client.AddLabels(context.Background(), 1, "size/S"); err != nil {
		t.Fatal(err)
	}
	if got := f.srv.Writes(); got != 2 {
		t.Errorf("writes = %d, want the failed one and the retry", got)
	}
}

// flakyTransport fails its first n requests with a connection error.
type flakyTransport struct {
	n    int
	next http.RoundTripper
}

func (t *flakyTransport) RoundTrip(r *http.Request) (*http.Response, error) {
	if t.n > 0 {
		t.n--
		return nil, errors.New("connection reset by peer")
	}
	return t.next.RoundTrip(r)
}

func TestConnectionErrorsRetryWithTheBody(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	id := f.repo.AddComment(1, "github-actions[bot]", "old")
	flaky := &http.Client{Transport: &flakyTransport{n: 1, next: f.srv.Client().Transport}}
	client := f.newClient(t, Options{Token: "test-token", HTTPClient: flaky})
	if _, err := client.EditComment(context.Background(), id, "new"); err != nil {
		t.Fatal(err)
	}
	if got := f.repo.Comments(1)[0].GetBody(); got != "new" {
		t.Errorf("body = %q: the retry must resend the body", got)
	}
}

func TestCancelledContextStopsTheWait(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNextSecondaryLimit("GET", pullPath, 30*time.Second)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := f.client.PullRequest(ctx, 1); !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v, want context.Canceled", err)
	}
}

func TestReadOnlyTokenIsAPermissionError(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.SetReadOnly(true)
	_, err := f.client.CreateComment(context.Background(), 1, "hi")
	if !IsPermission(err) || IsRateLimit(err) {
		t.Errorf("IsPermission(%v) = false", err)
	}
	if !strings.Contains(err.Error(), "403 Resource not accessible by integration") {
		t.Errorf("err = %v, want GitHub's message", err)
	}
	if got := f.srv.Writes(); got != 1 {
		t.Errorf("writes = %d, want 1: a permission error is not retried", got)
	}
}

// The window's last request succeeds with remaining 0; the next one must
// still reach GitHub and wait for the reset. go-github would refuse it
// itself, against the real clock, so this fake clock starts now.
func TestLastRequestOfTheWindowThenWaitForTheReset(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	now := time.Now().Truncate(time.Second)
	clock := fakegithub.NewClock(now)
	f.srv.SetClock(clock.Now)
	f.clock = clock
	c := f.newClient(t, Options{Token: "test-token"})
	f.srv.SetRateLimit(5000, 1, now.Add(2*time.Minute))
	for i := range 2 {
		if _, err := c.PullRequest(context.Background(), 1); err != nil {
			t.Fatalf("request %d: %v", i+1, err)
		}
	}
	if got := clock.Waits(); !cmp.Equal(got, []time.Duration{2*time.Minute + time.Second}) {
		t.Errorf("waits = %v, want one until the reset", got)
	}
}

// A 5xx's Retry-After is honoured within the cap, like a rate limit's.
func TestServerErrorRetryAfterWithinTheCapIsWaited(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("GET", pullPath, http.StatusServiceUnavailable, map[string]string{"Retry-After": "120"}, "")
	if _, err := f.client.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{2 * time.Minute}) {
		t.Errorf("waits = %v, want the 2m Retry-After", got)
	}
}

// A 5xx asking for an hour fails at once, naming when to rerun, instead
// of idling the job for an hour per retry.
func TestServerErrorRetryAfterBeyondTheCapFailsNamingWhenToRerun(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("GET", pullPath, http.StatusServiceUnavailable, map[string]string{"Retry-After": "3600"}, "")
	_, err := f.client.PullRequest(context.Background(), 1)
	var un *UnavailableError
	if !errors.As(err, &un) || IsRateLimit(err) || IsPermission(err) {
		t.Fatalf("err = %v, want an *UnavailableError", err)
	}
	for _, want := range []string{"get pull request 1", "503 Service Unavailable", "asked to wait 1h0m0s", "until 2024-01-01T13:00:00Z", "longer than this run waits (5m0s)", "rerun after that time"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("error %q lacks %q", err, want)
		}
	}
	if waits := f.clock.Waits(); len(waits) != 0 {
		t.Errorf("waited %v; a Retry-After past the cap should fail at once", waits)
	}
	if got := f.srv.Reads(); got != 1 {
		t.Errorf("reads = %d, want 1: no retry after giving up", got)
	}
}

// Each wait is announced before it starts, in a line that says which
// limit, how long and which attempt comes next.
func TestEveryWaitIsLogged(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	var logs strings.Builder
	c := f.newClient(t, Options{Token: "test-token", Logger: slog.New(slog.NewTextHandler(&logs, nil))})
	f.srv.FailNextSecondaryLimit("GET", pullPath, 42*time.Second)
	f.srv.FailNext("GET", pullPath, http.StatusBadGateway, nil, "")
	if _, err := c.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		`msg="GitHub API: secondary rate limit on GET /api/v3/repos/octo/hello/pulls/1; waiting 42s before attempt 2 of 5"`,
		`msg="GitHub API: 502 Bad Gateway on GET /api/v3/repos/octo/hello/pulls/1; waiting 2s before attempt 3 of 5"`,
	} {
		if !strings.Contains(logs.String(), want) {
			t.Errorf("log lacks %s:\n%s", want, logs.String())
		}
	}
}
