package app

import (
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
