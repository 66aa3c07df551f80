// Package github is mvc's adapter to GitHub's REST API: it reads pull
// requests, their files (as an analyzer.Change), file contents at a ref,
// .gitattributes and comments, and writes comments and labels.
//
// Every request goes through one transport that counts it (Stats) and
// retries what GitHub asks to be retried: primary and secondary rate
// limits and 5xx answers, waiting on an injectable Clock. Errors name the
// operation and keep GitHub's message; IsPermission, IsRateLimit and
// IsNotFound classify them.
//
// Resources live one per file (pulls.go, comments.go, labels.go, …); add
// a resource in a new file with methods on Client.
package github

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// DefaultBaseURL is github.com's API root.
const DefaultBaseURL = "https://api.github.com/"

// Options configure a Client. Give Token, or AppID and AppPrivateKey to
// act as a GitHub App installation (which wins when both are given).
type Options struct {
	// BaseURL is the API root: GITHUB_API_URL, such as
	// https://api.github.com or https://ghe.example.com/api/v3.
	// Empty means github.com.
	BaseURL string
	Token   string
	// AppID is the GitHub App's numeric id, as text (it arrives as an
	// action input); AppPrivateKey its PEM-encoded RSA key.
	AppID         string
	AppPrivateKey string
	// InstallationID is the App's installation on Owner/Repo when the
	// caller already knows it (a webhook payload names it), sparing the
	// lookup request; zero looks it up.
	InstallationID int64
	// Tokens, when set, shares installation tokens with other clients
	// given the same cache and InstallationID (the App server's runs).
	Tokens *InstallationTokens
	// Owner and Repo name the repository the client works on; the App
	// installation is looked up for it.
	Owner, Repo string
	// HTTPClient supplies the base transport (nil: http.DefaultTransport).
	HTTPClient *http.Client
	Clock      Clock        // nil: SystemClock
	Logger     *slog.Logger // nil: discard
	Retry      RetryPolicy  // zero: DefaultRetryPolicy
}

// Client reads and writes one repository through GitHub's REST API.
type Client struct {
	gh          *gh.Client
	owner, repo string
	stats       *counter
	budget      *waitBudget // what the client may still wait, in all
	log         *slog.Logger
	app         *appAuth // the App's own credentials, when it acts as one
	// installationToken is a token of an App installation given as a
	// token: it acts as no user.
	installationToken bool
}

// NewClient checks the options and authenticates. With App credentials it
// finds the App's installation on Owner/Repo right away (one request), so
// wrong credentials fail here with a message that says what to fix; given
// InstallationID, it skips that lookup and a mistake surfaces on the first
// request instead.
func NewClient(ctx context.Context, opts Options) (*Client, error) {
	base, err := apiBase(opts.BaseURL)
	if err != nil {
		return nil, err
	}
	if opts.Owner == "" || opts.Repo == "" {
		return nil, errors.New("GitHub client: the repository owner and name are required (GITHUB_REPOSITORY=owner/name)")
	}
	opts = withDefaults(opts)
	c := &Client{owner: opts.Owner, repo: opts.Repo, stats: &counter{}, budget: newWaitBudget(opts.Retry.TotalWait), log: opts.Logger}
	api := c.transport(opts, false)
	auth, err := c.authenticate(ctx, opts, base)
	if err != nil {
		return nil, err
	}
	c.gh = gh.NewClient(&http.Client{Transport: &authTransport{token: auth, next: api, budget: c.budget}})
	c.gh.BaseURL = base
	c.gh.UserAgent = userAgent
	return c, nil
}

// userAgent names mvc to GitHub, which asks every client to identify itself.
const userAgent = "mvcbot-mvc"

// ParseRepository splits GITHUB_REPOSITORY ("owner/name").
func ParseRepository(full string) (owner, name string, err error) {
	owner, name, ok := strings.Cut(strings.TrimSpace(full), "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return "", "", fmt.Errorf("repository %q is not owner/name (GITHUB_REPOSITORY)", full)
	}
	return owner, name, nil
}

func withDefaults(opts Options) Options {
	if opts.Clock == nil {
		opts.Clock = SystemClock{}
	}
	if opts.Logger == nil {
		opts.Logger = slog.New(slog.NewTextHandler(io.Discard, nil))
	}
	if opts.HTTPClient == nil {
		opts.HTTPClient = &http.Client{}
	}
	opts.Retry = opts.Retry.withDefaults()
	return opts
}

// transport is the counting, retrying transport over the base one.
func (c *Client) transport(opts Options, auth bool) *retryTransport {
	next := opts.HTTPClient.Transport
	if next == nil {
		next = http.DefaultTransport
	}
	return &retryTransport{next: next, clock: opts.Clock, policy: opts.Retry, stats: c.stats, budget: c.budget, auth: auth, log: opts.Logger}
}

// apiBase parses the API root and gives it the trailing slash go-github
// needs to resolve relative paths under it.
func apiBase(raw string) (*url.URL, error) {
	if raw == "" {
		raw = DefaultBaseURL
	}
	u, err := url.Parse(raw)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
		return nil, fmt.Errorf("GitHub API URL %q is not an http(s) URL: set GITHUB_API_URL like https://api.github.com", raw)
	}
	if !strings.HasSuffix(u.Path, "/") {
		u.Path += "/"
	}
	return u, nil
}

// Owner is the repository's owner.
func (c *Client) Owner() string { return c.owner }

// Repo is the repository's name.
func (c *Client) Repo() string { return c.repo }

// Stats counts the requests sent so far.
func (c *Client) Stats() Stats { return c.stats.snapshot() }

// tokenSource yields the credential for each request.
type tokenSource interface {
	Token(ctx context.Context) (string, error)
}

// staticToken is a personal or Actions token.
type staticToken string

func (t staticToken) Token(context.Context) (string, error) { return string(t), nil }

// authTransport adds the Authorization header, and charges the waits of
// the request and of the token's refresh to this client's budget.
type authTransport struct {
	token  tokenSource
	next   http.RoundTripper
	budget *waitBudget
}

func (t *authTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	req = req.WithContext(withBudget(req.Context(), t.budget))
	resp, err := t.send(req, req.Body)
	if err == nil && resp.StatusCode == http.StatusUnauthorized {
		return t.retryRefused(req, resp)
	}
	return resp, err
}

func (t *authTransport) send(req *http.Request, body io.ReadCloser) (*http.Response, error) {
	tok, err := t.token.Token(req.Context())
	if err != nil {
		if body != nil {
			body.Close()
		}
		return nil, fmt.Errorf("get a GitHub App installation token: %w", err)
	}
	r := req.Clone(req.Context())
	r.Body = body
	r.Header.Set("Authorization", "Bearer "+tok)
	return t.next.RoundTrip(r)
}
