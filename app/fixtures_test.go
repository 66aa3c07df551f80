package app

import (
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestRealPayloads feeds GitHub's recorded pull_request, issues and ping
// payloads through the handler: a payload without an installation (a
// repository webhook's; an App's webhook always names one) is refused
// whatever its action; of the others, the handled actions are queued and
// the rest ignored.
func TestRealPayloads(t *testing.T) {
	dir := filepath.Join("..", "..", "shared", "fixtures", "webhooks")
	if _, err := os.Stat(dir); err != nil {
		t.Skip("../shared/fixtures is absent (a clone outside the workspace):", err)
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*.json"))
	h := newHarness(t)
	runs := h.stubRuns(ok)
	queued := 0
	for _, f := range files {
		event := filepath.Base(filepath.Dir(f))
		if event != "pull_request" && event != "issues" && event != "ping" {
			continue
		}
		name := strings.TrimSuffix(filepath.Base(f), ".json")
		action, _, _ := strings.Cut(name, ".")
		t.Run(event+"/"+name, func(t *testing.T) {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			var ev struct {
				Issue struct {
					State string `json:"state"`
				} `json:"issue"`
			}
			json.Unmarshal(body, &ev)
			want := http.StatusAccepted
			switch {
			case event == "ping":
				want = http.StatusOK
			case !strings.Contains(string(body), `"installation"`):
				want = http.StatusBadRequest
			case event == "pull_request" && !prActions[action]:
			case event == "issues" && (!issueActions[action] || ev.Issue.State == "closed"):
			default:
				queued++
			}
			if rec := h.deliver(event, "fixture-"+event+"-"+name, body); rec.Code != want {
				t.Errorf("%d %s, want %d", rec.Code, rec.Body, want)
			}
		})
	}
	h.srv.Wait()
	// The fixtures name few pull requests and issues of one repository:
	// some runs join a waiting one, so there may be fewer runs than
	// deliveries.
	if n := runs.get(); queued == 0 || n == 0 || n > queued {
		t.Errorf("%d runs for %d queued deliveries", n, queued)
	}
}
