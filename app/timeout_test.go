package app

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/action"
)

// A run that outlives its deadline is cancelled and frees its worker for
// the next pull request; its delivery can be redelivered.
func TestRunDeadlineFreesTheWorker(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Workers, c.RunTimeout = 1, 20*time.Millisecond })
	release := make(chan struct{})
	t.Cleanup(func() { close(release) }) // runs before the harness's Shutdown
	first := true                        // one worker: runs are sequential
	runs := h.stubRuns(func(ctx context.Context, _ action.Env) int {
		if first {
			first = false
			select { // a hung API call: it ends only when the run is cancelled
			case <-ctx.Done():
			case <-release:
			}
			return action.ExitFailure
		}
		return action.ExitOK
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 1))
	h.deliver("pull_request", "d-2", h.prPayload("opened", 2))
	h.waitOrFail()
	if n := runs.get(); n != 2 {
		t.Errorf("%d runs, want 2", n)
	}
	logs := h.logs.String()
	if !strings.Contains(logs, "run stopped at its deadline") || !strings.Contains(logs, "run_timeout=20ms") {
		t.Errorf("no deadline line:\n%s", logs)
	}
	if rec := h.deliver("pull_request", "d-1", h.prPayload("opened", 1)); rec.Code != http.StatusAccepted {
		t.Errorf("redelivery after the deadline: %d %s", rec.Code, rec.Body)
	}
	h.waitOrFail()
}

// An API request that hangs is cut at the API timeout and retried, so
// the run still measures the pull request.
func TestHungAPIRequestIsRetried(t *testing.T) {
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	h := newHarness(t, func(c *Config) {
		c.APITimeout = 20 * time.Millisecond
		c.HTTPClient = &http.Client{Transport: &hangOnce{next: c.HTTPClient.Transport, path: "/pulls/8", release: release}}
	})
	h.addPull(8, 1, 10)
	h.deliver("pull_request", "d-1", h.prPayload("opened", 8))
	h.waitOrFail()
	logs := h.logs.String()
	if !strings.Contains(logs, "no answer from GitHub within 20ms") || !strings.Contains(logs, "verdict=mvc") {
		t.Errorf("the hung request was not cut and retried:\n%s", logs)
	}
}

// hangOnce holds the first request whose path ends in path until its
// context ends, as a connection GitHub stopped answering does.
type hangOnce struct {
	next    http.RoundTripper
	path    string
	release chan struct{}
	hung    bool
}

func (t *hangOnce) RoundTrip(req *http.Request) (*http.Response, error) {
	if !t.hung && strings.HasSuffix(req.URL.Path, t.path) {
		t.hung = true
		select {
		case <-req.Context().Done():
			return nil, req.Context().Err()
		case <-t.release:
		}
	}
	return t.next.RoundTrip(req)
}

// /healthz fails once every worker is held by a run well past its
// deadline (one that ignores its cancellation), so a liveness probe
// restarts the server; it recovers when the run ends.
func TestHealthzReportsAWedgedPool(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Workers, c.RunTimeout = 1, time.Hour })
	started, release := make(chan struct{}), make(chan struct{})
	h.stubRuns(func(context.Context, action.Env) int {
		close(started)
		<-release
		return action.ExitOK
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 1))
	<-started
	if code := h.health(); code != http.StatusOK {
		t.Errorf("healthz with a run in time = %d, want 200", code)
	}
	h.clock.Sleep(context.Background(), time.Hour+2*time.Minute)
	if code := h.health(); code != http.StatusServiceUnavailable {
		t.Errorf("healthz with the only worker stuck = %d, want 503", code)
	}
	close(release)
	h.waitOrFail()
	if code := h.health(); code != http.StatusOK {
		t.Errorf("healthz after the run ended = %d, want 200", code)
	}
}

func (h *harness) health() int {
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	return rec.Code
}
