package action

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// An outage GitHub expects to last an hour ends the run at once with exit
// 3 and the time to rerun, rather than idling the job for hours.
func TestServerErrorWithALongRetryAfterFailsAtOnce(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 2, Files: codeFiles(1, 20)})
	h.gh.FailNext("GET", "/repos/octo/app/pulls/2/files", http.StatusServiceUnavailable, map[string]string{"Retry-After": "3600"}, "")
	h.prEvent("opened", 2)
	if code := h.run(); code != ExitFailure {
		t.Fatalf("exit %d, want %d\n%s", code, ExitFailure, h.stdout.String())
	}
	if waits := h.clock.Waits(); len(waits) != 0 {
		t.Errorf("waited %v before giving up", waits)
	}
	out := h.stdout.String()
	for _, want := range []string{"::error title=mvc failed::list files of pull request 2 (page 1): GitHub answered 503 Service Unavailable", "until 2024-01-01T13:00:00Z", "rerun after that time"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
	if w := h.gh.Writes(); w != 0 {
		t.Errorf("%d writes after the outage", w)
	}
}

// Every wait on a rate limit or an outage is announced in the workflow log
// before it starts (not as a debug line, which the runner hides): a job
// waiting minutes in silence looks hung.
func TestWaitsAreAnnouncedInTheLogBeforeTheyStart(t *testing.T) {
	h := newHarness(t)
	h.addPull(fakegithub.Pull{Number: 17, Files: codeFiles(1, 3)})
	h.gh.FailNextSecondaryLimit("GET", "/repos/octo/app/pulls/17/files", 42*time.Second)
	h.gh.FailNext("GET", "/repos/octo/app/pulls/17/files", http.StatusServiceUnavailable, nil, "")
	h.prEvent("opened", 17)
	var before []string // the log as each wait began
	code := Run(context.Background(), Env{
		Getenv:     func(k string) string { return h.env[k] },
		Stdout:     &h.stdout,
		HTTPClient: h.gh.Client(),
		Sleep: func(ctx context.Context, d time.Duration) error {
			before = append(before, h.stdout.String())
			return h.clock.Sleep(ctx, d)
		},
		Now: h.clock.Now,
	})
	if code != ExitOK {
		t.Fatalf("exit %d\n%s", code, h.stdout.String())
	}
	want := []string{
		"\nGitHub API: secondary rate limit on GET /api/v3/repos/octo/app/pulls/17/files; waiting 42s before attempt 2 of 5\n",
		"\nGitHub API: 503 Service Unavailable on GET /api/v3/repos/octo/app/pulls/17/files; waiting 2s before attempt 3 of 5\n",
	}
	if len(before) != len(want) {
		t.Fatalf("%d waits, want %d", len(before), len(want))
	}
	for i, line := range want {
		if !strings.Contains("\n"+before[i], line) {
			t.Errorf("wait %d began without the line %q in the log:\n%s", i+1, strings.TrimSpace(line), before[i])
		}
	}
}
