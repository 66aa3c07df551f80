package app

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync/atomic"
	"testing"
	"time"
)

// untouchedBody is a request body that counts the reads of it.
type untouchedBody struct {
	io.Reader
	reads atomic.Int32
}

func (b *untouchedBody) Read(p []byte) (int, error) {
	b.reads.Add(1)
	return b.Reader.Read(p)
}

func (h *harness) postBody(event, sig string, body io.Reader) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/webhook", body)
	if event != "" {
		req.Header.Set(eventHeader, event)
	}
	req.Header.Set(deliveryHeader, "d-1")
	if sig != "" {
		req.Header.Set(signatureHeader, sig)
	}
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, req)
	return rec
}

// A request that cannot be a signed delivery is refused from its headers,
// before a byte of its (possibly 25 MB) body is read.
func TestUnsignedRequestsAreRefusedBeforeTheBody(t *testing.T) {
	h := newHarness(t)
	valid := signature(testSecret, []byte("{}"))
	tests := []struct {
		name, event, sig string
		wantStatus       int
		wantBody         string
	}{
		{"no signature", "pull_request", "", http.StatusUnauthorized, "missing X-Hub-Signature-256"},
		{"short signature", "pull_request", "sha256=abcd", http.StatusUnauthorized, "is not sha256=<hex>"},
		{"sha1 signature", "pull_request", "sha1=" + strings.Repeat("a", 40), http.StatusUnauthorized, "is not sha256=<hex>"},
		{"no event", "", valid, http.StatusBadRequest, "missing or malformed X-GitHub-Event"},
		{"odd event", "pull request", valid, http.StatusBadRequest, "missing or malformed X-GitHub-Event"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := &untouchedBody{Reader: strings.NewReader(`{"pad":"` + strings.Repeat("x", 1<<20) + `"}`)}
			rec := h.postBody(tt.event, tt.sig, body)
			if rec.Code != tt.wantStatus || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %q, want %d containing %q", rec.Code, rec.Body, tt.wantStatus, tt.wantBody)
			}
			if n := body.reads.Load(); n != 0 {
				t.Errorf("the body was read %d times before the headers were checked", n)
			}
		})
	}
}

// Only a few payloads are read at once: with every read slot taken, a
// delivery is answered 503 (GitHub can redeliver it) without reading it.
func TestConcurrentPayloadReadsAreBounded(t *testing.T) {
	h := newHarness(t)
	h.srv.readSlotWait = time.Millisecond
	for range cap(h.srv.reads) {
		h.srv.reads <- struct{}{}
	}
	payload := h.prPayload("opened", 3)
	body := &untouchedBody{Reader: strings.NewReader(string(payload))}
	rec := h.postBody("pull_request", signature(testSecret, payload), body)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "too many payloads") {
		t.Errorf("%d %q, want 503", rec.Code, rec.Body)
	}
	if body.reads.Load() != 0 {
		t.Error("the body was read without a read slot")
	}
	<-h.srv.reads // one slot frees: the delivery goes through
	h.stubRuns(ok)
	if rec := h.deliver("pull_request", "d-2", payload); rec.Code != http.StatusAccepted {
		t.Errorf("with a free slot: %d %q, want 202", rec.Code, rec.Body)
	}
	if got := len(h.srv.reads); got != cap(h.srv.reads)-1 {
		t.Errorf("%d slots held after the read, want the slot given back", got)
	}
	h.srv.Wait()
}

// An event mvc ignores is still authenticated, its body streamed through
// the HMAC rather than kept.
func TestIgnoredEventIsAuthenticated(t *testing.T) {
	h := newHarness(t)
	body := []byte(`{"ref":"refs/heads/main"}`)
	if rec := h.post("push", "d-1", body, signature("other", body)); rec.Code != http.StatusUnauthorized {
		t.Errorf("badly signed push: %d %q, want 401", rec.Code, rec.Body)
	}
	if rec := h.post("push", "d-2", body, signature(testSecret, body)); rec.Code != http.StatusAccepted || !strings.Contains(rec.Body.String(), "ignored") {
		t.Errorf("signed push: %d %q, want 202 ignored", rec.Code, rec.Body)
	}
}
