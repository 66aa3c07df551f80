package app

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
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
	return h.postBodyAs(event, "d-1", sig, body)
}

// postBodyAs is postBody with a delivery id ("": no X-GitHub-Delivery).
func (h *harness) postBodyAs(event, delivery, sig string, body io.Reader) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/webhook", body)
	if event != "" {
		req.Header.Set(eventHeader, event)
	}
	if delivery != "" {
		req.Header.Set(deliveryHeader, delivery)
	}
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
		name, event, delivery, sig string
		wantStatus                 int
		wantBody                   string
	}{
		{"no signature", "pull_request", "d-1", "", http.StatusUnauthorized, "missing X-Hub-Signature-256"},
		{"short signature", "pull_request", "d-1", "sha256=abcd", http.StatusUnauthorized, "is not sha256=<hex>"},
		{"sha1 signature", "pull_request", "d-1", "sha1=" + strings.Repeat("a", 40), http.StatusUnauthorized, "is not sha256=<hex>"},
		{"no event", "", "d-1", valid, http.StatusBadRequest, "missing or malformed X-GitHub-Event"},
		{"odd event", "pull request", "d-1", valid, http.StatusBadRequest, "missing or malformed X-GitHub-Event"},
		// GitHub sends a delivery id with every delivery: without one, a
		// run could be neither deduplicated nor redelivered.
		{"no delivery id", "pull_request", "", valid, http.StatusBadRequest, "missing or malformed X-GitHub-Delivery"},
		{"delivery id too long", "pull_request", strings.Repeat("d", 129), valid, http.StatusBadRequest, "missing or malformed X-GitHub-Delivery"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body := &untouchedBody{Reader: strings.NewReader(`{"pad":"` + strings.Repeat("x", 1<<20) + `"}`)}
			rec := h.postBodyAs(tt.event, tt.delivery, tt.sig, body)
			if rec.Code != tt.wantStatus || !strings.Contains(rec.Body.String(), tt.wantBody) {
				t.Errorf("%d %q, want %d containing %q", rec.Code, rec.Body, tt.wantStatus, tt.wantBody)
			}
			if n := body.reads.Load(); n != 0 {
				t.Errorf("the body was read %d times before the headers were checked", n)
			}
		})
	}
}

// Unchecked bodies share a memory budget: with it spent, a delivery is
// answered 503 (GitHub can redeliver it) without reading it, and what a
// read reserves is given back once it is done.
func TestUncheckedBytesAreBounded(t *testing.T) {
	h := newHarness(t)
	h.srv.unchecked.used.Store(h.srv.unchecked.limit)
	payload := h.prPayload("opened", 3)
	body := &untouchedBody{Reader: strings.NewReader(string(payload))}
	rec := h.postBody("pull_request", signature(testSecret, payload), body)
	if rec.Code != http.StatusServiceUnavailable || !strings.Contains(rec.Body.String(), "too many payloads") {
		t.Errorf("%d %q, want 503", rec.Code, rec.Body)
	}
	if body.reads.Load() != 0 {
		t.Error("the body was read past the budget")
	}
	h.srv.unchecked.used.Store(0)
	h.stubRuns(ok)
	big := []byte(`{"pad":"` + strings.Repeat("x", 3<<20) + `"}`)
	if rec := h.postBody("pull_request", signature("other", big), strings.NewReader(string(big))); rec.Code != http.StatusUnauthorized {
		t.Errorf("3 MB badly signed: %d %q, want 401", rec.Code, rec.Body)
	}
	if rec := h.deliver("pull_request", "d-2", payload); rec.Code != http.StatusAccepted {
		t.Errorf("within the budget: %d %q, want 202", rec.Code, rec.Body)
	}
	if n := h.srv.unchecked.used.Load(); n != 0 {
		t.Errorf("%d bytes still reserved after the reads, want 0", n)
	}
	h.srv.Wait()
}

// Many unchecked 25 MB bodies at once: those past the budget are refused
// as their bytes arrive, so together they never hold more than it.
func TestManyLargeBodiesStayWithinTheBudget(t *testing.T) {
	h := newHarness(t)
	h.srv.unchecked.limit = 4 << 20
	var peak atomic.Int64
	var wg sync.WaitGroup
	codes := make(chan int, 40)
	for range 40 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			body := watchedBody{Reader: io.LimitReader(zeros{}, maxPayload), used: &h.srv.unchecked.used, peak: &peak}
			codes <- h.postBody("pull_request", "sha256="+strings.Repeat("ab", 32), body).Code
		}()
	}
	wg.Wait()
	close(codes)
	for code := range codes {
		if code != http.StatusServiceUnavailable && code != http.StatusUnauthorized {
			t.Errorf("answer %d, want 503 (budget spent) or 401 (read whole, wrong signature)", code)
		}
	}
	if p := peak.Load(); p > h.srv.unchecked.limit {
		t.Errorf("%d bytes reserved at once, over the %d budget", p, h.srv.unchecked.limit)
	}
	if n := h.srv.unchecked.used.Load(); n != 0 {
		t.Errorf("%d bytes still reserved, want 0", n)
	}
}

// zeros is an endless body of zero bytes.
type zeros struct{}

func (zeros) Read(p []byte) (int, error) { clear(p); return len(p), nil }

// watchedBody records the most bytes the budget held while it was read.
type watchedBody struct {
	io.Reader
	used, peak *atomic.Int64
}

func (b watchedBody) Read(p []byte) (int, error) {
	used := b.used.Load()
	for peak := b.peak.Load(); used > peak && !b.peak.CompareAndSwap(peak, used); peak = b.peak.Load() {
	}
	return b.Reader.Read(p)
}

// trickle is a body that sends one byte, then nothing until stop closes:
// a sender that needs no secret, only a well-formed signature.
type trickle struct {
	sent    bool
	started chan<- struct{}
	stop    <-chan struct{}
}

func (b *trickle) Read(p []byte) (int, error) {
	if !b.sent {
		b.sent = true
		p[0] = '{'
		b.started <- struct{}{}
		return 1, nil
	}
	<-b.stop
	return 0, errors.New("sender gone")
}

// Senders trickling bodies with a wrong but well-formed signature cannot
// keep a signed delivery out: they hold a few kilobytes each, not a share
// of a fixed number of read slots.
func TestSlowSendersDoNotStarveSignedDeliveries(t *testing.T) {
	h := newHarness(t)
	h.stubRuns(ok)
	ts := httptest.NewServer(h.srv)
	t.Cleanup(ts.Close)
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	const senders = 40
	started := make(chan struct{}, senders)
	for i := range senders {
		go func() {
			req, _ := http.NewRequest(http.MethodPost, ts.URL+"/webhook", &trickle{started: started, stop: stop})
			req.ContentLength = 100000
			req.Header.Set(eventHeader, "pull_request")
			req.Header.Set(deliveryHeader, fmt.Sprint("slow-", i))
			req.Header.Set(signatureHeader, "sha256="+strings.Repeat("ab", 32))
			if resp, err := ts.Client().Do(req); err == nil {
				resp.Body.Close()
			}
		}()
	}
	for range senders {
		<-started
	}
	payload := h.prPayload("opened", 3)
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/webhook", bytes.NewReader(payload))
	req.Header.Set(eventHeader, "pull_request")
	req.Header.Set(deliveryHeader, "d-1")
	req.Header.Set(signatureHeader, signature(testSecret, payload))
	begun := time.Now()
	resp, err := ts.Client().Do(req)
	if err != nil {
		t.Fatal(err)
	}
	answer, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != http.StatusAccepted || time.Since(begun) > 2*time.Second {
		t.Errorf("signed delivery beside %d slow senders: %d %q after %s, want 202 at once", senders, resp.StatusCode, answer, time.Since(begun).Round(time.Millisecond))
	}
	h.srv.Wait()
}

// A body still arriving at the body deadline is cut and answered 408,
// and what it held is given back.
func TestSlowBodyIsCutAtItsDeadline(t *testing.T) {
	h := newHarness(t)
	h.srv.bodyReadTimeout = 50 * time.Millisecond
	ts := httptest.NewServer(h.srv)
	t.Cleanup(ts.Close)
	stop := make(chan struct{})
	t.Cleanup(func() { close(stop) })
	req, _ := http.NewRequest(http.MethodPost, ts.URL+"/webhook", &trickle{started: make(chan struct{}, 1), stop: stop})
	req.ContentLength = 100000
	req.Header.Set(eventHeader, "pull_request")
	req.Header.Set(deliveryHeader, "slow-1")
	req.Header.Set(signatureHeader, "sha256="+strings.Repeat("ab", 32))
	go func() {
		if resp, err := ts.Client().Do(req); err == nil {
			resp.Body.Close()
		}
	}()
	deadline := time.Now().Add(5 * time.Second)
	for !strings.Contains(h.logs.String(), "status=408") {
		if time.Now().After(deadline) {
			t.Fatalf("no 408 for a body still arriving past its deadline\nlogs:\n%s", h.logs.String())
		}
		time.Sleep(10 * time.Millisecond)
	}
	if n := h.srv.unchecked.used.Load(); n != 0 {
		t.Errorf("%d bytes still reserved after the cut, want 0", n)
	}
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

// The delivery id is required where mvc acts on a delivery (a signed `{}`
// included), and not of an event it only acknowledges: there no run
// needs deduplicating or redelivering.
func TestDeliveryIDIsRequiredOfEventsMvcReads(t *testing.T) {
	h := newHarness(t)
	body := []byte(`{}`)
	rec := h.postBodyAs("pull_request", "", signature(testSecret, body), strings.NewReader(string(body)))
	if rec.Code != http.StatusBadRequest || strings.TrimSpace(rec.Body.String()) != "missing or malformed X-GitHub-Delivery: only GitHub's webhooks are served here" {
		t.Errorf("pull_request without a delivery id: %d %q, want 400", rec.Code, rec.Body)
	}
	if rec := h.postBodyAs("push", "", signature(testSecret, body), strings.NewReader(string(body))); rec.Code != http.StatusAccepted {
		t.Errorf("push without a delivery id: %d %q, want 202 ignored", rec.Code, rec.Body)
	}
}
