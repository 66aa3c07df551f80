package app

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/mvcbot/mvc/action"
	ghsource "github.com/mvcbot/mvc/source/github"
)

// Config is what the App server needs; New checks it.
type Config struct {
	// AppID and PrivateKey are the GitHub App's numeric id and PEM key.
	AppID, PrivateKey string
	// WebhookSecret is the App's webhook secret; deliveries not signed
	// with it are refused.
	WebhookSecret string
	// APIURL is the REST API root; empty means https://api.github.com.
	APIURL string
	// BotLogin is the App's own user, "<slug>[bot]": label events it
	// causes are skipped. Empty (unknown): no label event is skipped.
	BotLogin string
	// Workers run pull requests concurrently (default 4); Queue bounds the
	// pull requests waiting for a worker (default 100), past which
	// deliveries are answered 503 for GitHub to show and redeliver.
	Workers, Queue int
	// RunTimeout bounds one run (default 5 minutes): a run still going then
	// is cancelled and fails, so a hung API call or a long rate-limit wait
	// of one installation cannot hold a worker that all installations
	// share. APITimeout bounds each API request, its body included
	// (default 1 minute); a request that times out is retried like a
	// dropped connection.
	RunTimeout, APITimeout time.Duration
	// Logger receives one line per delivery and the runs' output (nil:
	// discard).
	Logger *slog.Logger
	// HTTPClient, Sleep and Now are handed to the Action's runs (nil: real
	// ones); tests inject a fake GitHub's client and a fake clock.
	HTTPClient *http.Client
	Sleep      func(ctx context.Context, d time.Duration) error
	Now        func() time.Time
}

// Defaults of Config.
const (
	DefaultAPIURL  = "https://api.github.com"
	DefaultWorkers = 4
	DefaultQueue   = 100
	// DefaultRunTimeout leaves room for a few retries and a rate-limit
	// wait or two (GitHub's secondary limits ask for a minute or more).
	DefaultRunTimeout = 5 * time.Minute
	DefaultAPITimeout = time.Minute
	// stuckMargin is how long past its deadline a run may take to notice
	// its cancellation before /healthz counts its worker as stuck.
	stuckMargin = time.Minute
	// maxPayload is GitHub's own cap on a webhook payload.
	maxPayload = 25 << 20
	// rememberedDeliveries bounds the de-duplication set.
	rememberedDeliveries = 4096
)

// Server is the webhook handler and the workers behind it.
type Server struct {
	cfg   Config
	log   *slog.Logger
	seen  *deliveries
	sched *scheduler
	mux   *http.ServeMux
	// tokens shares each installation's token across runs: one token
	// request per installation per hour, not one per delivery.
	tokens *ghsource.InstallationTokens
	// runAction is action.Run; tests replace it to hold a run in place.
	runAction func(context.Context, action.Env) int
	// unchecked counts the bytes of bodies being read, before their
	// signature is checked (see maxUncheckedBytes); bodyReadTimeout bounds
	// reading one (tests shorten both).
	unchecked       *byteBudget
	bodyReadTimeout time.Duration
}

// New checks cfg and starts the workers; Shutdown stops them.
func New(cfg Config) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	s := &Server{cfg: cfg, log: cfg.Logger, seen: newDeliveries(rememberedDeliveries), tokens: ghsource.NewInstallationTokens(), runAction: action.Run,
		unchecked: &byteBudget{limit: maxUncheckedBytes}, bodyReadTimeout: BodyReadTimeout}
	s.cfg.HTTPClient = withRequestTimeout(cfg.HTTPClient, cfg.APITimeout)
	s.sched = newScheduler(cfg.Workers, cfg.Queue, s.now, s.process, s.dropped)
	s.mux = http.NewServeMux()
	s.mux.HandleFunc("GET /healthz", s.healthz)
	// Any path takes webhooks, so the App's webhook URL may end in any path.
	s.mux.HandleFunc("POST /", s.webhook)
	return s, nil
}

// Validate fills in defaults and says what to fix. New calls it; a
// caller may call it first to find a mistake before any request.
func (c *Config) Validate() error {
	if c.WebhookSecret == "" {
		return errors.New("no webhook secret: set the one configured in the GitHub App's settings (MVC_WEBHOOK_SECRET)")
	}
	if err := ghsource.ValidateAppCredentials(c.AppID, c.PrivateKey); err != nil {
		return err
	}
	if c.APIURL == "" {
		c.APIURL = DefaultAPIURL
	}
	if u, err := url.Parse(c.APIURL); err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return fmt.Errorf("GitHub API URL %q is not an http(s) URL: use https://api.github.com or https://HOST/api/v3", c.APIURL)
	}
	c.APIURL = strings.TrimSuffix(c.APIURL, "/")
	if c.Workers < 0 || c.Queue < 0 {
		return fmt.Errorf("workers (%d) and queue (%d) cannot be negative", c.Workers, c.Queue)
	}
	if c.Workers == 0 {
		c.Workers = DefaultWorkers
	}
	if c.Queue == 0 {
		c.Queue = DefaultQueue
	}
	if c.RunTimeout < 0 || c.APITimeout < 0 {
		return fmt.Errorf("run timeout (%s) and API timeout (%s) cannot be negative", c.RunTimeout, c.APITimeout)
	}
	if c.RunTimeout == 0 {
		c.RunTimeout = DefaultRunTimeout
	}
	if c.APITimeout == 0 {
		c.APITimeout = DefaultAPITimeout
	}
	if c.Logger == nil {
		c.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	return nil
}

// ServeHTTP serves GET /healthz and webhooks on POST. A panic is logged
// and answered 500, never taking the server down.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	defer func() {
		if p := recover(); p != nil {
			s.log.Error("webhook handler panicked", "panic", p, "delivery", r.Header.Get(deliveryHeader))
			reply(w, http.StatusInternalServerError, "internal error")
		}
	}()
	s.mux.ServeHTTP(w, r)
}

// healthz answers 200, or 503 when every worker is held by a run that
// outlived its deadline by stuckMargin: a run that ignores its
// cancellation wedges the pool, and only a restart frees it, which a
// liveness probe can do.
func (s *Server) healthz(w http.ResponseWriter, _ *http.Request) {
	overdue := s.now().Add(-(s.cfg.RunTimeout + stuckMargin))
	if n := s.sched.startedBefore(overdue); n >= s.cfg.Workers {
		s.log.Error("all workers are stuck in runs past their deadline", "workers", n, "run_timeout", s.cfg.RunTimeout.String())
		reply(w, http.StatusServiceUnavailable, fmt.Sprintf("all %d workers are stuck in runs past their %s deadline: restart mvc serve", n, s.cfg.RunTimeout))
		return
	}
	reply(w, http.StatusOK, "ok")
}

// Wait returns once every accepted delivery has run. For tests and
// shutdown; deliveries arriving meanwhile may extend it.
func (s *Server) Wait() { s.sched.wait() }

// Shutdown refuses new deliveries (503) and lets queued and running work
// finish; when ctx ends first, the remaining runs are cancelled.
func (s *Server) Shutdown(ctx context.Context) error { return s.sched.shutdown(ctx) }

// reply writes a one-line plain-text answer.
func reply(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.WriteHeader(status)
	fmt.Fprintln(w, msg)
}
