package main

import (
	"bufio"
	"bytes"
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"fmt"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// serveEnv runs `mvc serve` in-process with the given environment.
func serveEnv(vars map[string]string, stderr *bytes.Buffer) *env {
	return &env{stdout: &bytes.Buffer{}, stderr: stderr, getenv: func(k string) string { return vars[k] }, now: time.Now}
}

func TestServeRefusesBadSettings(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	pemKey := string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)}))
	keyFile := filepath.Join(t.TempDir(), "app.pem")
	os.WriteFile(keyFile, []byte(pemKey), 0o600)
	full := map[string]string{"MVC_APP_ID": "12", "MVC_APP_PRIVATE_KEY": pemKey, "MVC_WEBHOOK_SECRET": "s"}
	without := func(k string) map[string]string {
		m := map[string]string{}
		for kk, v := range full {
			if kk != k {
				m[kk] = v
			}
		}
		return m
	}
	tests := []struct {
		name string
		vars map[string]string
		args []string
		want string
	}{
		{"no secret", without("MVC_WEBHOOK_SECRET"), nil, "no webhook secret: set MVC_WEBHOOK_SECRET"},
		{"no app id", without("MVC_APP_ID"), nil, "no GitHub App credentials"},
		{"no key", without("MVC_APP_PRIVATE_KEY"), nil, "no GitHub App credentials"},
		{"app id not a number", full, []string{"--app-id", "mvc"}, `app-id "mvc" is not a number`},
		{"key file missing", full, []string{"--private-key-file", "/nonexistent.pem"}, "--private-key-file: open /nonexistent.pem"},
		{"key file not PEM", full, []string{"--private-key-file", filepath.Join(t.TempDir())}, "--private-key-file"},
		{"bad API URL", full, []string{"--github-api-url", "ghe.example.com"}, "is not an http(s) URL"},
		{"no workers", full, []string{"--workers", "0"}, "--workers and --queue must be at least 1"},
		{"no run timeout", full, []string{"--run-timeout", "0s"}, "--run-timeout and --shutdown-grace must be positive"},
		{"no shutdown grace", full, []string{"--shutdown-grace", "-1s"}, "--shutdown-grace must be positive"},
		{"unknown flag", full, []string{"--port", "1"}, "flag provided but not defined: --port"},
		{"bad address", full, []string{"--addr", "nowhere:-1"}, "pick another --addr"},
		{"key file works until the address", full, []string{"--private-key-file", keyFile, "--addr", "nowhere:-1"}, "pick another --addr"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr bytes.Buffer
			code := run(context.Background(), append([]string{"serve"}, tt.args...), serveEnv(tt.vars, &stderr))
			msg := stderr.String()
			if code != exitBadInput || !strings.Contains(msg, tt.want) || strings.Count(msg, "\n") != 1 {
				t.Errorf("exit %d, stderr %q\nwant exit 2 and one line containing %q", code, msg, tt.want)
			}
		})
	}
}

// TestServeAnswersAndStops starts the server on a free port, checks that
// it answers, and stops it as SIGTERM would.
func TestServeAnswersAndStops(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	gh := fakegithub.New(t)
	gh.InstallApp(12, &key.PublicKey, "octo/app")
	vars := map[string]string{
		"MVC_APP_ID":          "12",
		"MVC_APP_PRIVATE_KEY": string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
		"MVC_WEBHOOK_SECRET":  "s",
	}
	logs := &signalWriter{match: regexp.MustCompile(`listening" addr=(\S+)`), found: make(chan string, 1)}
	e := &env{stdout: &bytes.Buffer{}, stderr: logs, getenv: func(k string) string { return vars[k] }, now: time.Now}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--github-api-url", gh.BaseURL()}, e)
	}()
	addr := <-logs.found
	resp, err := http.Get("http://" + addr + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("GET /healthz = %d", resp.StatusCode)
	}
	stop()
	if code := <-done; code != exitOK {
		t.Errorf("exit %d after a stop, want 0\n%s", code, logs.String())
	}
	if !strings.Contains(logs.String(), "mvc serve: stopped") {
		t.Errorf("no stop line:\n%s", logs.String())
	}
	if !strings.Contains(logs.String(), "authenticated as GitHub App\" app=app-12 app_id=12") {
		t.Errorf("no line naming the App the credentials are for:\n%s", logs.String())
	}
}

// Credentials GitHub refuses would fail every run: the server does not
// start, and says what to check.
func TestServeRefusesCredentialsGitHubRefuses(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	gh := fakegithub.New(t)
	gh.InstallApp(42, &key.PublicKey, "octo/app")
	vars := map[string]string{
		"MVC_APP_ID":          "43", // the key is App 42's
		"MVC_APP_PRIVATE_KEY": string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
		"MVC_WEBHOOK_SECRET":  "s",
	}
	var stderr bytes.Buffer
	code := run(context.Background(), []string{"serve", "--addr", "127.0.0.1:0", "--github-api-url", gh.BaseURL()}, serveEnv(vars, &stderr))
	msg := stderr.String()
	if code != exitBadInput || !strings.Contains(msg, "GitHub refused the App's credentials (App id 43)") || !strings.Contains(msg, "private key") || strings.Count(msg, "\n") != 1 {
		t.Errorf("exit %d, stderr %q\nwant exit 2 and one line saying the credentials were refused", code, msg)
	}
}

// signalWriter collects the log and sends the first match's group once.
type signalWriter struct {
	mu    sync.Mutex
	buf   bytes.Buffer
	match *regexp.Regexp
	found chan string
	sent  bool
}

func (w *signalWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.buf.Write(p)
	if m := w.match.FindStringSubmatch(w.buf.String()); m != nil && !w.sent {
		w.sent = true
		w.found <- m[1]
	}
	return len(p), nil
}

func (w *signalWriter) String() string {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.buf.String()
}

// A stalled sender (here, unsigned and trickling its body) does not hold
// a stop for the whole grace, nor turn it into a failure: its connection
// is cut once the short HTTP drain is over, and the stop is clean.
func TestServeStopCutsAStalledSender(t *testing.T) {
	key, err := rsa.GenerateKey(rand.Reader, 1024)
	if err != nil {
		t.Fatal(err)
	}
	gh := fakegithub.New(t)
	gh.InstallApp(12, &key.PublicKey, "octo/app")
	vars := map[string]string{
		"MVC_APP_ID":          "12",
		"MVC_APP_PRIVATE_KEY": string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(key)})),
		"MVC_WEBHOOK_SECRET":  "s",
	}
	logs := &signalWriter{match: regexp.MustCompile(`listening" addr=(\S+)`), found: make(chan string, 1)}
	e := &env{stdout: &bytes.Buffer{}, stderr: logs, getenv: func(k string) string { return vars[k] }, now: time.Now}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan int)
	const grace = 4 * time.Second
	go func() {
		done <- run(ctx, []string{"serve", "--addr", "127.0.0.1:0", "--github-api-url", gh.BaseURL(), "--shutdown-grace", grace.String()}, e)
	}()
	conn, err := net.Dial("tcp", <-logs.found)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	fmt.Fprintf(conn, "POST /webhook HTTP/1.1\r\nHost: mvc\r\nX-GitHub-Event: push\r\nX-Hub-Signature-256: sha256=%s\r\nContent-Length: 1000\r\nExpect: 100-continue\r\n\r\n", strings.Repeat("0", 64))
	// "100 Continue" comes when the handler starts reading the body: from
	// then on the request is in flight, and the sender stalls.
	if line, err := bufio.NewReader(conn).ReadString('\n'); err != nil || !strings.Contains(line, "100 Continue") {
		t.Fatalf("read %q, %v; want 100 Continue", line, err)
	}
	fmt.Fprint(conn, "{")
	stopped := time.Now()
	stop()
	code := <-done
	if took := time.Since(stopped); took >= grace {
		t.Errorf("the stop took %s, the whole grace", took)
	}
	out := logs.String()
	if code != exitOK || strings.Contains(out, "work left") || !strings.Contains(out, "cut connections still sending") {
		t.Errorf("exit %d, want 0 with the cut connection logged and no work claimed lost\n%s", code, out)
	}
}
