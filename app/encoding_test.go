package app

import (
	"bytes"
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/action"
)

func (h *harness) postAs(contentType, event, delivery string, body []byte) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/webhook", bytes.NewReader(body))
	req.Header.Set("Content-Type", contentType)
	req.Header.Set(eventHeader, event)
	req.Header.Set(deliveryHeader, delivery)
	req.Header.Set(signatureHeader, signature(testSecret, body))
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, req)
	return rec
}

// A webhook set to application/x-www-form-urlencoded works as one set to
// JSON: the signature is over the form, the run's event file is the JSON
// in its payload field.
func TestFormEncodedDeliveries(t *testing.T) {
	h := newHarness(t)
	var event []byte
	h.stubRuns(func(_ context.Context, env action.Env) int {
		event, _ = os.ReadFile(env.Getenv("GITHUB_EVENT_PATH"))
		return action.ExitOK
	})
	payload := h.prPayload("opened", 3)
	form := []byte(url.Values{"payload": {string(payload)}}.Encode())
	if rec := h.postAs(formType, "pull_request", "d-1", form); rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), "queued") {
		t.Fatalf("form-encoded pull_request: %d %q, want 202 queued", rec.Code, rec.Body)
	}
	h.srv.Wait()
	if !bytes.Equal(event, payload) {
		t.Errorf("event file = %q, want the payload field's JSON", event)
	}
	ping := []byte(url.Values{"payload": {`{"zen":"hi"}`}}.Encode())
	if rec := h.postAs(formType+"; charset=utf-8", "ping", "d-2", ping); rec.Code != http.StatusOK {
		t.Errorf("form-encoded ping: %d %q", rec.Code, rec.Body)
	}
	if rec := h.postAs(formType, "pull_request", "d-3", []byte("zen=hi")); rec.Code != http.StatusBadRequest || !strings.Contains(rec.Body.String(), "no payload field") {
		t.Errorf("form without payload: %d %q, want 400", rec.Code, rec.Body)
	}
}

// A content type GitHub never sends is refused for every event, ping
// included, naming the setting to change.
func TestUnsupportedContentType(t *testing.T) {
	h := newHarness(t)
	for _, event := range []string{"ping", "pull_request", "push"} {
		rec := h.postAs("text/plain", event, "d-"+event, []byte(`{}`))
		if rec.Code != http.StatusUnsupportedMediaType || !strings.Contains(rec.Body.String(), "set the App's webhook content type to application/json") {
			t.Errorf("%s: %d %q, want 415 naming the fix", event, rec.Code, rec.Body)
		}
	}
}
