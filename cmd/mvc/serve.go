package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"time"

	"github.com/mvcbot/mvc/app"
	ghsource "github.com/mvcbot/mvc/source/github"
)

func init() {
	register(&command{
		name:    "serve",
		summary: "run as a GitHub App: a webhook server",
		usage:   serveUsage,
		order:   95,
		run:     runServe,
	})
}

const serveUsage = `Usage: mvc serve [flags]

Run mvc as a GitHub App: serve GitHub's webhooks and, on every pull request
of every repository the App is installed on, do what the Action does:
measure it, keep one sticky comment and one size label current. GET
/healthz answers 200, or 503 when every worker is stuck in a run past
--run-timeout. Logs go to stderr; SIGINT or SIGTERM stops taking
deliveries and finishes the work already taken (for up to --shutdown-grace).

The secrets are best passed in the environment, since flags show in the
process list: MVC_APP_ID, MVC_APP_PRIVATE_KEY (the .pem file's content)
and MVC_WEBHOOK_SECRET. PORT sets the port when --addr is not given.

Examples:
  MVC_APP_ID=123456 MVC_APP_PRIVATE_KEY="$(cat mvc.pem)" \
    MVC_WEBHOOK_SECRET=... mvc serve --addr :8080
  mvc serve --app-id 123456 --private-key-file mvc.pem \
    --github-api-url https://ghe.example.com/api/v3
`

// serveShutdownGrace bounds how long a stop waits for queued and running
// work. It stays under Docker's default stop timeout (10 s), after which
// the process is killed mid-run; Kubernetes allows 30 s. Raise it with
// --shutdown-grace together with the orchestrator's timeout.
const serveShutdownGrace = 8 * time.Second

type serveFlags struct {
	addr, appID, keyFile, secret, apiURL string
	workers, queue                       int
	runTimeout, shutdownGrace            time.Duration
}

func runServe(ctx context.Context, e *env, args []string) error {
	c := commands["serve"]
	fs := newFlagSet(c, e)
	var f serveFlags
	defaultAddr := ":8080"
	if port := e.getenv("PORT"); port != "" {
		defaultAddr = ":" + port
	}
	fs.StringVar(&f.addr, "addr", defaultAddr, "`address` to listen on (:$PORT when PORT is set)")
	fs.StringVar(&f.appID, "app-id", "", "the GitHub App's numeric `id` (default $MVC_APP_ID)")
	fs.StringVar(&f.keyFile, "private-key-file", "", "`path` of the App's private key .pem (default: the PEM in $MVC_APP_PRIVATE_KEY)")
	fs.StringVar(&f.secret, "webhook-secret", "", "the App's webhook `secret` (default $MVC_WEBHOOK_SECRET, which keeps it out of ps)")
	fs.StringVar(&f.apiURL, "github-api-url", app.DefaultAPIURL, "the REST API root; GitHub Enterprise Server: https://HOST/api/v3")
	fs.IntVar(&f.workers, "workers", app.DefaultWorkers, "pull requests measured at once")
	fs.IntVar(&f.queue, "queue", app.DefaultQueue, "pull requests that may wait for a worker; past that, deliveries get 503")
	fs.DurationVar(&f.runTimeout, "run-timeout", app.DefaultRunTimeout, "longest one run may take; a run still going then fails and frees its worker")
	fs.DurationVar(&f.shutdownGrace, "shutdown-grace", serveShutdownGrace, "how long a stop waits for the work already taken; keep it under the container's stop timeout (docker run --stop-timeout)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	cfg, err := f.config(e)
	if err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(e.stderr, nil))
	cfg.Logger = log
	if err := cfg.Validate(); err != nil {
		return usagef("%v", err)
	}
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return usagef("listen on %s: %v: pick another --addr", f.addr, err)
	}
	if err := checkApp(ctx, log, &cfg); err != nil {
		ln.Close()
		return err
	}
	srv, err := app.New(cfg)
	if err != nil {
		ln.Close()
		return usagef("%v", err)
	}
	return serveUntilDone(ctx, log, srv, ln, f.shutdownGrace)
}

// serveAppCheckTimeout bounds the startup check of the App's credentials.
const serveAppCheckTimeout = 15 * time.Second

// checkApp authenticates as the App once, before serving: credentials
// GitHub refuses would fail every run, so they stop the start (exit 2).
// It also learns the App's bot user, whose own label events are skipped.
// GitHub being unreachable does not stop the start: runs retry, and
// without the bot's login no label event is skipped (a redundant run
// rather than a lost verdict).
func checkApp(ctx context.Context, log *slog.Logger, cfg *app.Config) error {
	ctx, cancel := context.WithTimeout(ctx, serveAppCheckTimeout)
	defer cancel()
	ident, err := ghsource.CheckApp(ctx, cfg.APIURL, cfg.AppID, cfg.PrivateKey, cfg.HTTPClient)
	switch {
	case errors.Is(err, ghsource.ErrAppCredentials):
		return usagef("%v", err)
	case ghsource.IsNotFound(err):
		return usagef("%v: is %s GitHub's API root? On GitHub Enterprise Server use --github-api-url https://HOST/api/v3", err, cfg.APIURL)
	case err != nil:
		log.Warn("mvc serve: could not check the App's credentials; starting anyway (label events mvc causes will each bring a run)", "err", err.Error())
		return nil
	}
	cfg.BotLogin = ident.BotLogin()
	log.Info("mvc serve: authenticated as GitHub App", "app", ident.Slug, "app_id", ident.ID)
	return nil
}

// config turns flags and environment into the App's config, saying which
// flag or variable to set.
func (f serveFlags) config(e *env) (app.Config, error) {
	secret := orEnv(f.secret, e, "MVC_WEBHOOK_SECRET")
	if secret == "" {
		return app.Config{}, usagef("no webhook secret: set MVC_WEBHOOK_SECRET (or --webhook-secret) to the secret in the GitHub App's settings")
	}
	key := e.getenv("MVC_APP_PRIVATE_KEY")
	if f.keyFile != "" {
		data, err := os.ReadFile(f.keyFile)
		if err != nil {
			return app.Config{}, usagef("--private-key-file: %v", err)
		}
		key = string(data)
	}
	appID := orEnv(f.appID, e, "MVC_APP_ID")
	if appID == "" || key == "" {
		return app.Config{}, usagef("no GitHub App credentials: set MVC_APP_ID and MVC_APP_PRIVATE_KEY (or --app-id and --private-key-file)")
	}
	if f.workers < 1 || f.queue < 1 {
		return app.Config{}, usagef("--workers and --queue must be at least 1, got %d and %d", f.workers, f.queue)
	}
	if f.runTimeout <= 0 || f.shutdownGrace <= 0 {
		return app.Config{}, usagef("--run-timeout and --shutdown-grace must be positive, got %s and %s", f.runTimeout, f.shutdownGrace)
	}
	return app.Config{
		AppID: appID, PrivateKey: key, WebhookSecret: secret, APIURL: f.apiURL,
		Workers: f.workers, Queue: f.queue, RunTimeout: f.runTimeout,
	}, nil
}

func orEnv(flagValue string, e *env, name string) string {
	if flagValue != "" {
		return flagValue
	}
	return e.getenv(name)
}

// serveUntilDone serves until ctx ends (SIGINT, SIGTERM), then stops
// taking deliveries and drains the work already taken.
func serveUntilDone(ctx context.Context, log *slog.Logger, srv *app.Server, ln net.Listener, graceTime time.Duration) error {
	hs := &http.Server{
		Handler:           srv,
		ReadHeaderTimeout: 10 * time.Second,
		// The handler cuts a webhook's body at app.BodyReadTimeout (GitHub
		// sends one at once); this bounds any other request.
		ReadTimeout: 10*time.Second + app.BodyReadTimeout,
		ErrorLog:    slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- hs.Serve(ln) }()
	log.Info("mvc serve: listening", "addr", ln.Addr().String(), "version", version)
	var serveErr error
	select {
	case <-ctx.Done():
	case serveErr = <-served:
	}
	log.Info("mvc serve: stopping; finishing the work already taken")
	grace, cancel := context.WithTimeout(context.Background(), graceTime)
	defer cancel()
	stopHTTP(log, hs, grace, min(serveHTTPDrain, graceTime/4))
	if err := srv.Shutdown(grace); err != nil {
		log.Warn("mvc serve: work left at the shutdown deadline (each delivery to redeliver is logged above)", "err", err.Error())
	}
	if serveErr != nil && !errors.Is(serveErr, http.ErrServerClosed) {
		return fmt.Errorf("serve webhooks: %w", serveErr)
	}
	log.Info("mvc serve: stopped")
	return nil
}

// serveHTTPDrain bounds how long a stop lets requests in flight finish
// (a quarter of the grace when that is shorter). A delivery is answered
// as soon as it is read, so a request still going after this is a slow or
// stalled sender, most likely not GitHub: it must not eat the grace that
// runs have.
const serveHTTPDrain = 2 * time.Second

// stopHTTP stops taking requests, lets those in flight finish for up to
// drain, then cuts the connections left. A delivery cut so is not
// acknowledged: GitHub shows it as failed, to be redelivered.
func stopHTTP(log *slog.Logger, hs *http.Server, grace context.Context, drain time.Duration) {
	ctx, cancel := context.WithTimeout(grace, drain)
	defer cancel()
	if err := hs.Shutdown(ctx); err != nil {
		hs.Close()
		log.Warn("mvc serve: cut connections still sending at shutdown", "after", drain.String())
	}
}
