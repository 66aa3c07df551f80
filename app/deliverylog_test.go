package app

import (
	"encoding/json"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

// Every delivery gets one log line saying what became of it, ignored and
// oversized ones included: the operator checking why GitHub shows a 202
// or a 413 for a delivery finds it by its id.
func TestOneLogLinePerDelivery(t *testing.T) {
	h := newHarness(t)
	h.stubRuns(ok)
	installed, _ := json.Marshal(github.InstallationEvent{Action: github.String("created"), Installation: &github.Installation{ID: github.Int64(h.installation)}})
	deliveries := []struct {
		id, event string
		body      []byte
		want      string
	}{
		{"ig-push", "push", []byte(`{"ref":"refs/heads/main"}`), `reason="mvc acts on pull_request and issues events only"`},
		{"ig-closed", "pull_request", h.prPayload("closed", 3), `reason="pull_request action \"closed\" cannot change the size verdict"`},
		{"ig-install", "installation", installed, `msg="delivery ignored"`},
		{"too-large", "pull_request", []byte(`{"pad":"` + strings.Repeat("x", maxPayload) + `"}`), `level=WARN msg="delivery refused" delivery=too-large event=pull_request status=413`},
		{"queued", "pull_request", h.prPayload("opened", 3), `msg="delivery queued"`},
		{"ping", "ping", []byte(`{"zen":"hi"}`), `msg=ping`},
	}
	for _, d := range deliveries {
		h.deliver(d.event, d.id, d.body)
	}
	h.srv.Wait()
	logs := h.logs.String()
	for _, d := range deliveries {
		lines := regexp.MustCompile(`(?m)^.*delivery=`+regexp.QuoteMeta(d.id)+` .*$`).FindAllString(logs, -1)
		var handler []string
		for _, l := range lines {
			if !strings.Contains(l, " exit=") { // the run's own outcome line
				handler = append(handler, l)
			}
		}
		if len(handler) != 1 || !strings.Contains(handler[0], d.want) {
			t.Errorf("%s: lines %q, want one containing %q", d.id, handler, d.want)
		}
	}
}
