package app

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/action"
)

// Past the shutdown deadline, work that waited for a worker is not
// started (it would only be cancelled): each delivery to redeliver is
// logged once, at WARN, and forgotten so that its redelivery runs.
func TestShutdownDeadlineDropsQueuedWork(t *testing.T) {
	h := newHarness(t, func(c *Config) { c.Workers = 1 })
	started := make(chan struct{}, 3)
	runs := h.stubRuns(func(ctx context.Context, _ action.Env) int {
		started <- struct{}{}
		<-ctx.Done()
		return action.ExitFailure
	})
	h.deliver("pull_request", "d-1", h.prPayload("opened", 1))
	<-started
	h.deliver("pull_request", "d-2", h.prPayload("opened", 2))
	h.deliver("pull_request", "d-3", h.prPayload("synchronize", 2)) // folds into d-2
	h.deliver("pull_request", "d-4", h.prPayload("opened", 3))
	expired, cancel := context.WithCancel(context.Background())
	cancel()
	err := h.srv.Shutdown(expired)
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "1 runs cancelled and 2 not started") {
		t.Errorf("Shutdown = %v, want the counts of cancelled and dropped work", err)
	}
	if n := runs.get(); n != 1 {
		t.Errorf("%d runs, want only the one under way at the deadline", n)
	}
	logs := h.logs.String()
	for _, d := range []string{"d-3", "d-4"} {
		line := "level=WARN msg=\"delivery not run: mvc stopped before its turn; redeliver it from the App's settings\" delivery=" + d + " "
		if strings.Count(logs, line) != 1 {
			t.Errorf("want one WARN line for %s:\n%s", d, logs)
		}
	}
	if strings.Contains(logs, "level=ERROR") {
		t.Errorf("work stopped by a shutdown is not an error:\n%s", logs)
	}
	for _, d := range []string{"d-1", "d-2", "d-3", "d-4"} {
		if !h.srv.seen.add(d) {
			t.Errorf("%s is still remembered: its redelivery would be skipped as a duplicate", d)
		}
	}
}
