package app

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/google/go-github/v60/github"
)

func TestSignature(t *testing.T) {
	body := []byte(`{"zen":"Keep it logically awesome.","hook_id":1}`)
	tests := []struct {
		name, sig  string
		wantStatus int
		wantBody   string
	}{
		{"valid", signature(testSecret, body), http.StatusOK, "pong"},
		{"missing", "", http.StatusUnauthorized, "missing X-Hub-Signature-256"},
		{"wrong secret", signature("other", body), http.StatusUnauthorized, "does not match"},
		{"sha1 scheme", "sha1=abc", http.StatusUnauthorized, "is not sha256=<hex>"},
		{"not hex", "sha256=zz", http.StatusUnauthorized, "is not sha256=<hex>"},
	}
	h := newHarness(t)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := h.post("ping", "d-1", body, tt.sig)
			if rec.Code != tt.wantStatus || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %q, want %d containing %q", rec.Code, rec.Body.String(), tt.wantStatus, tt.wantBody)
			}
			if strings.Count(strings.TrimSpace(rec.Body.String()), "\n") != 0 {
				t.Errorf("answer is not one line: %q", rec.Body.String())
			}
		})
	}
}

func TestHealthz(t *testing.T) {
	h := newHarness(t)
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/healthz", nil))
	if rec.Code != http.StatusOK {
		t.Errorf("GET /healthz = %d", rec.Code)
	}
}

// TestEventsThatDoNothing: ignored events are acknowledged and malformed
// pull_request payloads refused, and neither starts a run (nor calls
// GitHub: the fake fails the test on any request).
func TestEventsThatDoNothing(t *testing.T) {
	h := newHarness(t)
	runs := h.stubRuns(ok)
	editedTitle, _ := json.Marshal(github.PullRequestEvent{
		Action: github.String("edited"), Number: github.Int(3),
		Changes:      &github.EditChange{Title: &github.EditTitle{From: github.String("old")}},
		Repo:         &github.Repository{FullName: github.String("octo/app")},
		Installation: &github.Installation{ID: github.Int64(h.installation)},
	})
	var closed github.PullRequestEvent
	json.Unmarshal(h.prPayload("labeled", 3), &closed)
	closed.PullRequest.State = github.String("closed")
	closedPR, _ := json.Marshal(closed)
	tests := []struct {
		name, event string
		body        []byte
		wantStatus  int
		wantBody    string
	}{
		{"another event", "release", []byte(`{"action":"published"}`), http.StatusAccepted, "ignored"},
		{"assigned issue", "issues", []byte(`{"action":"assigned","issue":{"number":4},"repository":{"full_name":"o/r"},"installation":{"id":1}}`), http.StatusAccepted, `ignored: issues action "assigned"`},
		{"closed issue", "issues", []byte(`{"action":"edited","issue":{"number":4,"state":"closed"},"repository":{"full_name":"o/r"},"installation":{"id":1}}`), http.StatusAccepted, "the issue is closed"},
		{"issue without installation", "issues", []byte(`{"action":"opened","issue":{"number":4},"repository":{"full_name":"o/r"}}`), http.StatusBadRequest, "no installation id"},
		{"issue without number", "issues", []byte(`{"action":"opened","repository":{"full_name":"o/r"},"installation":{"id":1}}`), http.StatusBadRequest, "no issue number"},
		{"closed", "pull_request", h.prPayload("closed", 3), http.StatusAccepted, `ignored: pull_request action "closed"`},
		{"labeled closed", "pull_request", closedPR, http.StatusAccepted, "ignored: the pull request is closed"},
		{"edited title", "pull_request", editedTitle, http.StatusAccepted, "without a new base branch"},
		{"not JSON", "pull_request", []byte(`{"action":`), http.StatusBadRequest, "not valid JSON"},
		{"no installation", "pull_request", prPayloadFor("opened", 3, 0), http.StatusBadRequest, "no installation id"},
		{"no repository", "pull_request", []byte(`{"action":"opened","number":3,"installation":{"id":1}}`), http.StatusBadRequest, "names no repository"},
		{"no number", "pull_request", []byte(`{"action":"opened","repository":{"full_name":"o/r"},"installation":{"id":1}}`), http.StatusBadRequest, "no pull request number"},
		// The shape is checked before the action: an empty payload is no
		// App delivery, whatever it would have asked (QA finding 11).
		{"empty pull_request", "pull_request", []byte(`{}`), http.StatusBadRequest,
			"the pull_request payload has no action, installation id, repository (repository.full_name) or pull request number: it is not a GitHub App's delivery"},
		{"empty issues", "issues", []byte(`{}`), http.StatusBadRequest,
			"the issues payload has no action, installation id, repository (repository.full_name) or issue number: it is not a GitHub App's delivery"},
		{"no action", "pull_request", []byte(`{"number":3,"repository":{"full_name":"o/r"},"installation":{"id":1}}`), http.StatusBadRequest, "the payload has no action"},
		{"ignored action without installation", "pull_request", []byte(`{"action":"closed","number":3,"repository":{"full_name":"o/r"}}`), http.StatusBadRequest, "no installation id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := h.deliver(tt.event, "d-"+tt.name, tt.body)
			if rec.Code != tt.wantStatus || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %q, want %d containing %q", rec.Code, rec.Body.String(), tt.wantStatus, tt.wantBody)
			}
			if strings.Count(strings.TrimSpace(rec.Body.String()), "\n") != 0 {
				t.Errorf("answer is not one line: %q", rec.Body.String())
			}
		})
	}
	h.srv.Wait()
	if n := runs.get(); n != 0 {
		t.Errorf("%d runs, want none", n)
	}
}

func TestEditedBaseRuns(t *testing.T) {
	h := newHarness(t)
	runs := h.stubRuns(ok)
	var ev github.PullRequestEvent
	json.Unmarshal(h.prPayload("edited", 3), &ev)
	ev.Changes = &github.EditChange{Base: &github.EditBase{Ref: &github.EditRef{From: github.String("develop")}}}
	body, _ := json.Marshal(ev)
	if rec := h.deliver("pull_request", "d-1", body); rec.Code != http.StatusAccepted {
		t.Fatalf("%d %s", rec.Code, rec.Body)
	}
	h.srv.Wait()
	if runs.get() != 1 {
		t.Errorf("%d runs, want 1", runs.get())
	}
}

func TestPayloadOverGitHubsLimit(t *testing.T) {
	h := newHarness(t)
	body := []byte(`{"pad":"` + strings.Repeat("x", maxPayload) + `"}`)
	if rec := h.deliver("pull_request", "d-1", body); rec.Code != http.StatusRequestEntityTooLarge {
		t.Errorf("%d %s, want 413", rec.Code, rec.Body)
	}
}

func TestHandlerRecoversFromPanic(t *testing.T) {
	h := newHarness(t)
	h.srv.mux.HandleFunc("GET /boom", func(http.ResponseWriter, *http.Request) { panic("boom") })
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, "/boom", nil))
	if rec.Code != http.StatusInternalServerError || !strings.Contains(h.logs.String(), "panicked") {
		t.Errorf("%d, logs:\n%s", rec.Code, h.logs.String())
	}
}
