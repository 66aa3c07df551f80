package app

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// A run's waits on rate limits reach the App's log as they begin, with the
// delivery's attributes, so an operator sees why a run is slow.
func TestRateLimitWaitsAreLogged(t *testing.T) {
	h := newHarness(t)
	h.addPull(7, 1, 10)
	h.gh.FailNextSecondaryLimit("GET", "/repos/octo/app/pulls/7/files", 42*time.Second)
	h.deliver("pull_request", "d-1", h.prPayload("opened", 7))
	h.srv.Wait()
	var line string
	for _, l := range strings.Split(h.logs.String(), "\n") {
		if strings.Contains(l, "GitHub API: secondary rate limit") {
			line = l
		}
	}
	for _, want := range []string{"level=INFO", "waiting 42s before attempt 2 of 5", "delivery=d-1", "repo=octo/app", "number=7"} {
		if !strings.Contains(line, want) {
			t.Errorf("wait line %q lacks %q\nlogs:\n%s", line, want, h.logs.String())
		}
	}
}

// Each delivery's run has its own client, and so its own total wait
// budget (10 minutes): one delivery that waited 8 minutes leaves the next
// all of its own, and a delivery whose waits would pass it stops at once
// with a log line that says so.
func TestEachDeliveryHasItsOwnWaitBudget(t *testing.T) {
	h := newHarness(t)
	for _, n := range []int{7, 8, 9} {
		h.addPull(n, 1, 10)
	}
	limit := func(n, times int) {
		for range times {
			h.gh.FailNextSecondaryLimit("GET", fmt.Sprintf("/repos/octo/app/pulls/%d/files", n), 4*time.Minute)
		}
	}
	limit(7, 2)
	h.deliver("pull_request", "d-7", h.prPayload("opened", 7))
	h.waitOrFail()
	limit(8, 2)
	h.deliver("pull_request", "d-8", h.prPayload("opened", 8))
	h.waitOrFail()
	for _, n := range []int{7, 8} {
		if st := h.repo.Statuses(headSHA(n)); len(st) != 1 {
			t.Errorf("pull request %d: statuses = %+v, want one: each delivery may wait 10m\nlogs:\n%s", n, st, h.logs.String())
		}
	}
	limit(9, 3)
	h.deliver("pull_request", "d-9", h.prPayload("opened", 9))
	h.waitOrFail()
	if st := h.repo.Statuses(headSHA(9)); len(st) != 0 {
		t.Errorf("statuses = %+v after the budget ran out", st)
	}
	want := "GitHub secondary rate limit hit again after this run had waited 8m0s in total (a run waits at most 10m0s)"
	if logs := h.logs.String(); !strings.Contains(logs, want) || !strings.Contains(logs, "delivery=d-9") {
		t.Errorf("logs lack %q for d-9:\n%s", want, logs)
	}
}
