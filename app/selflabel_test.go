package app

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

// labelPayload is a labeled or unlabeled delivery for pull request 3.
func (h *harness) labelPayload(act, label, sender string) []byte {
	var ev github.PullRequestEvent
	json.Unmarshal(h.prPayload(act, 3), &ev)
	ev.Label = &github.Label{Name: github.String(label)}
	ev.Sender = &github.User{Login: github.String(sender), Type: github.String("User")}
	if strings.HasSuffix(sender, "[bot]") {
		ev.Sender.Type = github.String("Bot")
	}
	body, _ := json.Marshal(ev)
	return body
}

// GitHub sends the App the label events its own label writes cause: they
// are skipped, while a person's label (the exempt label above all) runs.
func TestOwnLabelEventsAreSkipped(t *testing.T) {
	h := newHarness(t)
	runs := h.stubRuns(ok)
	tests := []struct {
		name, act, label, sender string
		wantBody                 string
	}{
		{"size label set by mvc", "labeled", "size/XL", testBot, "ignored: label labeled by mvc itself"},
		{"size label removed by mvc", "unlabeled", "size/M", testBot, "ignored: label unlabeled by mvc itself"},
		{"custom size label set by mvc", "labeled", "pr-size:XL", testBot, "ignored: label labeled by mvc itself"},
		{"size label by another bot", "labeled", "size/S", "other[bot]", `ignored: size label "size/S" is mvc's to set`},
		{"exempt label by a person", "labeled", "mvc/exempt", "octocat", "queued"},
		{"other label by a person", "unlabeled", "bug", "octocat", "queued"},
	}
	queued := 0
	for i, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := h.deliver("pull_request", "d-"+string(rune('a'+i)), h.labelPayload(tt.act, tt.label, tt.sender))
			if rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %q, want 202 %q", rec.Code, rec.Body, tt.wantBody)
			}
			if tt.wantBody == "queued" {
				queued++
			}
			h.srv.Wait()
		})
	}
	if n := runs.get(); n != queued {
		t.Errorf("%d runs, want %d", n, queued)
	}
}
