package action

import (
	"net/http"
	"strings"
	"testing"

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
