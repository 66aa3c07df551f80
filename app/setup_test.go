package app

import (
	"bytes"
	"context"
	"crypto/hmac"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/action"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

const (
	testSecret = "s3cret"
	testAppID  = 42
	testBot    = "mvc-test[bot]"
)

var (
	keyOnce sync.Once
	appKey  *rsa.PrivateKey
)

// testKey generates the App's key once per test binary.
func testKey(t *testing.T) *rsa.PrivateKey {
	keyOnce.Do(func() {
		k, err := rsa.GenerateKey(rand.Reader, 2048)
		if err != nil {
			t.Fatal(err)
		}
		appKey = k
	})
	return appKey
}

// harness is the App server in front of a fake GitHub on which the App is
// installed on octo/app.
type harness struct {
	t            *testing.T
	gh           *fakegithub.Server
	repo         *fakegithub.Repo
	srv          *Server
	installation int64
	logs         syncBuffer
	// clock is the runs' and the fake's time; Sleep advances it.
	clock *fakegithub.Clock
}

// newHarness starts the server; configure adjusts its Config first.
func newHarness(t *testing.T, configure ...func(*Config)) *harness {
	t.Setenv("TZ", "UTC")
	key := testKey(t)
	h := &harness{t: t, gh: fakegithub.New(t)}
	clock := fakegithub.NewClock(fakegithub.DefaultNow)
	h.clock = clock
	h.gh.SetClock(clock.Now)
	h.repo = h.gh.AddRepo("octo", "app")
	h.installation = h.gh.InstallApp(testAppID, &key.PublicKey, "octo/app")
	cfg := Config{
		AppID:         fmt.Sprint(testAppID),
		PrivateKey:    string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
		WebhookSecret: testSecret,
		BotLogin:      testBot,
		APIURL:        h.gh.BaseURL(),
		Logger:        slog.New(slog.NewTextHandler(&h.logs, &slog.HandlerOptions{Level: slog.LevelDebug})),
		HTTPClient:    h.gh.Client(),
		Sleep:         clock.Sleep,
		Now:           clock.Now,
	}
	for _, c := range configure {
		c(&cfg)
	}
	srv, err := New(cfg)
	if err != nil {
		t.Fatal(err)
	}
	h.srv = srv
	t.Cleanup(func() {
		if err := srv.Shutdown(context.Background()); err != nil {
			t.Error(err)
		}
	})
	return h
}

// waitOrFail is Wait that fails the test instead of hanging when runs do
// not end (the bug a test looks for may be a run that never ends).
func (h *harness) waitOrFail() {
	h.t.Helper()
	done := make(chan struct{})
	go func() { h.srv.Wait(); close(done) }()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		h.t.Fatalf("runs still going after 10s\nlogs:\n%s", h.logs.String())
	}
}

// deliver posts a signed delivery and returns the answer.
func (h *harness) deliver(event, delivery string, body []byte) *httptest.ResponseRecorder {
	h.t.Helper()
	return h.post(event, delivery, body, signature(testSecret, body))
}

func (h *harness) post(event, delivery string, body []byte, sig string) *httptest.ResponseRecorder {
	req := httptest.NewRequest(http.MethodPost, "/webhook", bytes.NewReader(body))
	req.Header.Set(eventHeader, event)
	req.Header.Set(deliveryHeader, delivery)
	if sig != "" {
		req.Header.Set(signatureHeader, sig)
	}
	rec := httptest.NewRecorder()
	h.srv.ServeHTTP(rec, req)
	return rec
}

func signature(secret string, body []byte) string {
	mac := hmac.New(sha256.New, []byte(secret))
	mac.Write(body)
	return "sha256=" + hex.EncodeToString(mac.Sum(nil))
}

// prPayload is a pull_request delivery for pull request n of octo/app.
func (h *harness) prPayload(act string, n int) []byte {
	return prPayloadFor(act, n, h.installation)
}

func prPayloadFor(act string, n int, installation int64) []byte {
	ev := github.PullRequestEvent{
		Action: github.String(act),
		Number: github.Int(n),
		PullRequest: &github.PullRequest{
			Number: github.Int(n),
			Base:   &github.PullRequestBranch{Ref: github.String("main")},
			Head:   &github.PullRequestBranch{SHA: github.String(headSHA(n))},
		},
		Repo: &github.Repository{
			Name: github.String("app"), FullName: github.String("octo/app"),
			Owner: &github.User{Login: github.String("octo")}, DefaultBranch: github.String("main"),
		},
		Installation: &github.Installation{ID: github.Int64(installation)},
	}
	data, err := json.Marshal(ev)
	if err != nil {
		panic(err)
	}
	return data
}

func headSHA(n int) string { return fmt.Sprintf("%040x", 0x4ead0000+n) }

// addPull seeds pull request n with files of lines added lines each; the
// base commit holds a README, as every real base commit holds some tree.
func (h *harness) addPull(n, files, lines int) {
	base := fmt.Sprintf("%040x", 0xba5e0000+n)
	fs := make([]fakegithub.File, files)
	for i := range fs {
		fs[i] = fakegithub.File{Name: fmt.Sprintf("pkg/f%04d.go", i), Additions: lines, Patch: patchOf(lines)}
	}
	h.repo.AddPull(fakegithub.Pull{Number: n, BaseSHA: base, HeadSHA: headSHA(n), Files: fs, Labels: h.repo.IssueLabels(n)})
	h.repo.SetFile(base, "README.md", "hello\n")
}

func patchOf(lines int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "@@ -0,0 +1,%d @@", lines)
	for i := range lines {
		fmt.Fprintf(&b, "\n+line %d", i)
	}
	return b.String()
}

// markedComments are the comments that carry mvc's sticky marker.
func (h *harness) markedComments(n int) []*github.IssueComment {
	return h.repo.CommentsWith(n, "<!-- mvc:pr-report -->")
}

// stubRuns replaces action.Run with run and counts the calls.
func (h *harness) stubRuns(run func(context.Context, action.Env) int) *counter {
	c := &counter{}
	h.srv.runAction = func(ctx context.Context, env action.Env) int {
		c.add()
		return run(ctx, env)
	}
	return c
}

type counter struct {
	mu sync.Mutex
	n  int
}

func (c *counter) add() { c.mu.Lock(); c.n++; c.mu.Unlock() }

func (c *counter) get() int { c.mu.Lock(); defer c.mu.Unlock(); return c.n }

// syncBuffer is a log sink safe for the workers' concurrent writes.
type syncBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuffer) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.Write(p)
}

func (s *syncBuffer) String() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.b.String()
}

func ok(context.Context, action.Env) int { return action.ExitOK }
