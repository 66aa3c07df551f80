package github

import (
	"context"
	"errors"
	"log/slog"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// Secondary limits met request after request add up; once the next wait
// would take the client past its total, that request fails at once with
// an error that names the total and when to rerun, and nothing more is
// waited or sent.
func TestWaitsStopAtTheClientsTotal(t *testing.T) {
	tests := []struct {
		name      string
		retry     RetryPolicy
		waits     []time.Duration // one secondary limit before each request
		wantWaits []time.Duration // waited before the refusal (all, when none)
		want      []string        // in the refusal's message; none: all succeed
	}{
		{
			name:      "one wait within the budget",
			waits:     []time.Duration{4 * time.Minute},
			wantWaits: []time.Duration{4 * time.Minute},
		},
		{
			name:      "waits up to the default total",
			waits:     []time.Duration{5 * time.Minute, 5 * time.Minute},
			wantWaits: []time.Duration{5 * time.Minute, 5 * time.Minute},
		},
		{
			name:      "the third of three 4m waits passes 10m",
			waits:     []time.Duration{4 * time.Minute, 4 * time.Minute, 4 * time.Minute},
			wantWaits: []time.Duration{4 * time.Minute, 4 * time.Minute},
			want: []string{"get pull request 1 of octo/hello: GitHub secondary rate limit hit again after this run had waited 8m0s in total",
				"(a run waits at most 10m0s)", "rerun after 12:12 UTC"},
		},
		{
			name:      "a smaller total, and a rerun time rounded up",
			retry:     RetryPolicy{TotalWait: time.Minute},
			waits:     []time.Duration{40 * time.Second, 30 * time.Second},
			wantWaits: []time.Duration{40 * time.Second},
			want:      []string{"after this run had waited 40s in total (a run waits at most 1m0s); rerun after 12:02 UTC"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.repo.AddPull(fakegithub.Pull{Number: 1})
			c := f.newClient(t, Options{Token: "test-token", Retry: tt.retry})
			var err error
			for _, w := range tt.waits {
				f.srv.FailNextSecondaryLimit("GET", pullPath, w)
				if _, err = c.PullRequest(context.Background(), 1); err != nil {
					break
				}
			}
			if got := f.clock.Waits(); !cmp.Equal(got, tt.wantWaits) {
				t.Errorf("waits = %v, want %v", got, tt.wantWaits)
			}
			if len(tt.want) == 0 {
				if err != nil {
					t.Fatalf("err = %v, want every request to succeed", err)
				}
				return
			}
			var rl *RateLimitError
			if !errors.As(err, &rl) || !IsRateLimit(err) || IsPermission(err) {
				t.Fatalf("err = %v, want a *RateLimitError", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("error %q lacks %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
			if got, want := f.srv.Reads(), 2*len(tt.wantWaits)+1; got != want {
				t.Errorf("reads = %d, want %d: the refused request is not sent again", got, want)
			}
		})
	}
}

// The total counts every wait of one request too, not only across
// requests: a secondary limit without Retry-After waits 1m, 2m, 4m, and
// the 8m that would follow (within a single wait's cap, raised here) is
// refused.
func TestRepeatedLimitOnOneRequestStopsAtTheTotal(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	c := f.newClient(t, Options{Token: "test-token", Retry: RetryPolicy{MaxWait: 10 * time.Minute}})
	for range 4 {
		f.srv.FailNext("GET", pullPath, http.StatusTooManyRequests, nil, "")
	}
	_, err := c.PullRequest(context.Background(), 1)
	if !IsRateLimit(err) || !strings.Contains(err.Error(), "waited 7m0s in total") {
		t.Fatalf("err = %v, want the total named", err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{time.Minute, 2 * time.Minute, 4 * time.Minute}) {
		t.Errorf("waits = %v", got)
	}
}

// A primary limit refused by the total says which limit, and to rerun
// after its reset.
func TestPrimaryLimitPastTheTotalNamesTheReset(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	c := f.newClient(t, Options{Token: "test-token", Retry: RetryPolicy{TotalWait: 2 * time.Minute}})
	f.srv.FailNextSecondaryLimit("GET", pullPath, 90*time.Second)
	if _, err := c.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	f.srv.SetRateLimit(5000, 0, f.clock.Now().Add(3*time.Minute))
	_, err := c.PullRequest(context.Background(), 1)
	want := "GitHub API rate limit (core) exhausted again after this run had waited 1m30s in total (a run waits at most 2m0s); rerun after 12:05 UTC"
	if !IsRateLimit(err) || !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want %q", err, want)
	}
}

// A 5xx met after the total is spent is answered as on the last attempt,
// and the log says why it was not retried.
func TestServerErrorPastTheTotalIsNotRetried(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	var logs strings.Builder
	c := f.newClient(t, Options{Token: "test-token", Logger: slog.New(slog.NewTextHandler(&logs, nil)),
		Retry: RetryPolicy{TotalWait: time.Minute}})
	f.srv.FailNextSecondaryLimit("GET", pullPath, time.Minute)
	f.srv.FailNext("GET", pullPath, http.StatusBadGateway, nil, "")
	_, err := c.PullRequest(context.Background(), 1)
	if StatusCode(err) != http.StatusBadGateway {
		t.Fatalf("err = %v, want the 502", err)
	}
	if got := f.srv.Reads(); got != 2 {
		t.Errorf("reads = %d, want the limited one and the 502", got)
	}
	want := "502 Bad Gateway on GET /api/v3/repos/octo/hello/pulls/1; not retried: this run has waited 1m0s in total, and waits at most 1m0s"
	if !strings.Contains(logs.String(), want) {
		t.Errorf("log lacks %q:\n%s", want, logs.String())
	}
}

// Each client has its own total: in the App, one per delivery, so a
// delivery that waited long leaves the next its whole budget.
func TestEachClientHasItsOwnTotal(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	for i := range 3 {
		c := f.newClient(t, Options{Token: "test-token"})
		for range 2 {
			f.srv.FailNextSecondaryLimit("GET", pullPath, 4*time.Minute)
			if _, err := c.PullRequest(context.Background(), 1); err != nil {
				t.Fatalf("client %d: %v", i+1, err)
			}
		}
	}
}

// An installation token shared through the cache is refreshed through
// the transport of the client that first made it; its waits are charged
// to the client that needs the token, whose budget is the one that
// matters, not to the first one's.
func TestTokenWaitsAreChargedToTheClientThatNeedsIt(t *testing.T) {
	key := testKeys(t)[0]
	f := newFixture(t)
	id := f.srv.InstallApp(42, &key.PublicKey, "octo/hello")
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	tokens := NewInstallationTokens()
	opts := Options{AppID: "42", AppPrivateKey: pemPKCS1(key), InstallationID: id, Tokens: tokens}
	first := opts
	first.Retry = RetryPolicy{TotalWait: time.Second}
	f.newClient(t, first) // caches the installation's transport, mints nothing yet
	f.srv.FailNextSecondaryLimit("POST", "/app/installations/"+strconv.FormatInt(id, 10)+"/access_tokens", 30*time.Second)
	if _, err := f.newClient(t, opts).PullRequest(context.Background(), 1); err != nil {
		t.Fatalf("the second client's token: %v", err)
	}
	if got := f.clock.Waits(); !cmp.Equal(got, []time.Duration{30 * time.Second}) {
		t.Errorf("waits = %v, want the token's 30s", got)
	}
}
