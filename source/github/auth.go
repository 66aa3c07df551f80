package github

import (
	"context"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"

	"github.com/bradleyfalzon/ghinstallation/v2"
	gh "github.com/google/go-github/v60/github"
)

// authenticate picks the credential: the App installation when App
// credentials are given, else the token.
func (c *Client) authenticate(ctx context.Context, opts Options, base *url.URL) (tokenSource, error) {
	if opts.AppID == "" && opts.AppPrivateKey == "" {
		if strings.TrimSpace(opts.Token) == "" {
			return nil, errors.New("GitHub client: no credentials: set github-token, or app-id and app-private-key")
		}
		token := strings.TrimSpace(opts.Token)
		// GitHub prefixes installation tokens (the Actions GITHUB_TOKEN,
		// or one another action minted for an App) with ghs_: they act as
		// no user, so asking GET /user who they are would only get a 403.
		c.installationToken = strings.HasPrefix(token, "ghs_")
		return staticToken(token), nil
	}
	appID, key, err := appCredentials(opts.AppID, opts.AppPrivateKey)
	if err != nil {
		return nil, err
	}
	apiURL := strings.TrimSuffix(base.String(), "/")
	atr := ghinstallation.NewAppsTransportFromPrivateKey(c.transport(opts, true), appID, key)
	atr.BaseURL = apiURL
	c.app = &appAuth{transport: atr, base: base, key: apiURL + "#" + strconv.FormatInt(appID, 10)}
	id := opts.InstallationID
	if id == 0 {
		if id, err = c.findInstallation(ctx, atr, base, appID); err != nil {
			return nil, err
		}
	}
	src := &installationSource{
		cache: opts.Tokens,
		key:   installationKey{apiURL, appID, id},
		mint: func() *ghinstallation.Transport {
			itr := ghinstallation.NewFromAppsTransport(atr, id)
			itr.BaseURL = atr.BaseURL
			return itr
		},
	}
	src.tr = src.cached()
	return src, nil
}

// installationSource yields an installation's tokens, shared through the
// cache when there is one. GitHub may revoke a token before it expires
// (the installation suspended and unsuspended, the token revoked by
// secret scanning): renew then replaces it, for this client and for every
// later one.
type installationSource struct {
	cache *InstallationTokens // nil: this client's own token
	key   installationKey
	// mint makes a transport that requests a new token when first asked.
	mint func() *ghinstallation.Transport

	mu sync.Mutex
	tr *ghinstallation.Transport
}

func (s *installationSource) Token(ctx context.Context) (string, error) {
	s.mu.Lock()
	tr := s.tr
	s.mu.Unlock()
	tok, err := tr.Token(ctx)
	if err != nil {
		return "", tokenError(err, s.key.app, s.key.install)
	}
	return tok, nil
}

// cached is the cache's transport for the installation, minted and stored
// when the cache has none.
func (s *installationSource) cached() *ghinstallation.Transport {
	if s.cache == nil {
		return s.mint()
	}
	return s.cache.getOrPut(s.key, nil, s.mint)
}

// renew drops the transport whose token GitHub refused. When another
// client has renewed it already, the cache's newer one is taken instead
// of minting a third.
func (s *installationSource) renew() {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cache == nil {
		s.tr = s.mint()
		return
	}
	s.tr = s.cache.getOrPut(s.key, s.tr, s.mint)
}

// InstallationTokens shares App installation tokens between clients, so a
// long-running server (mvc serve) mints one token per installation per
// hour instead of one per run. ghinstallation refreshes a token shortly
// before it expires. The refresh request goes through, and is counted by,
// the client that first asked for the installation. Safe for concurrent
// use; the zero value is not: use NewInstallationTokens.
type InstallationTokens struct {
	mu     sync.Mutex
	byInst map[installationKey]*ghinstallation.Transport
}

type installationKey struct {
	api          string
	app, install int64
}

// NewInstallationTokens returns an empty token cache.
func NewInstallationTokens() *InstallationTokens {
	return &InstallationTokens{byInst: map[installationKey]*ghinstallation.Transport{}}
}

// getOrPut returns the transport cached for key unless it is refused (a
// transport whose token GitHub no longer accepts) or missing, in which
// case a minted one replaces it.
func (t *InstallationTokens) getOrPut(key installationKey, refused *ghinstallation.Transport, mint func() *ghinstallation.Transport) *ghinstallation.Transport {
	t.mu.Lock()
	defer t.mu.Unlock()
	if tr := t.byInst[key]; tr != nil && tr != refused {
		return tr
	}
	tr := mint()
	t.byInst[key] = tr
	return tr
}

// Forget drops the cached tokens of an installation, so the next run
// mints a fresh one: after GitHub says the installation was suspended,
// unsuspended, deleted or granted new permissions, the old token may be
// revoked or lack the new permissions.
func (t *InstallationTokens) Forget(installation int64) {
	t.mu.Lock()
	defer t.mu.Unlock()
	for key := range t.byInst {
		if key.install == installation {
			delete(t.byInst, key)
		}
	}
}

// ValidateAppCredentials checks an App id and private key without any
// request, so a front door can report a mistake as bad input (exit 2)
// before touching the API.
func ValidateAppCredentials(appID, pemKey string) error {
	_, _, err := appCredentials(appID, pemKey)
	return err
}

// appCredentials validates the App id and key, saying what to fix.
func appCredentials(appID, pemKey string) (int64, *rsa.PrivateKey, error) {
	if appID == "" || strings.TrimSpace(pemKey) == "" {
		return 0, nil, errors.New("GitHub App credentials: give both app-id and app-private-key, or neither")
	}
	id, err := strconv.ParseInt(strings.TrimSpace(appID), 10, 64)
	if err != nil || id <= 0 {
		return 0, nil, fmt.Errorf("app-id %q is not a number: use the numeric App ID from the App's settings page", appID)
	}
	key, err := parsePrivateKey(pemKey)
	if err != nil {
		return 0, nil, fmt.Errorf("app-private-key: %w", err)
	}
	return id, key, nil
}

// parsePrivateKey reads an App's PEM key (PKCS#1, as GitHub issues it, or
// PKCS#8). A key pasted with literal "\n" escapes is unescaped first.
func parsePrivateKey(s string) (*rsa.PrivateKey, error) {
	s = strings.TrimSpace(s)
	if !strings.Contains(s, "\n") {
		s = strings.ReplaceAll(s, `\n`, "\n")
	}
	block, _ := pem.Decode([]byte(s))
	if block == nil {
		return nil, errors.New("not PEM: paste the whole .pem file GitHub generated, BEGIN and END lines included")
	}
	if key, err := x509.ParsePKCS1PrivateKey(block.Bytes); err == nil {
		return key, nil
	}
	parsed, err := x509.ParsePKCS8PrivateKey(block.Bytes)
	if err != nil {
		return nil, fmt.Errorf("the PEM block %q holds no RSA private key: %v", block.Type, err)
	}
	key, ok := parsed.(*rsa.PrivateKey)
	if !ok {
		return nil, fmt.Errorf("the PEM block holds a %T, not an RSA private key", parsed)
	}
	return key, nil
}

// findInstallation asks GitHub for the App's installation on the
// repository, signed with the App's JWT.
func (c *Client) findInstallation(ctx context.Context, atr http.RoundTripper, base *url.URL, appID int64) (int64, error) {
	app := gh.NewClient(&http.Client{Transport: atr})
	app.BaseURL = base
	inst, _, err := app.Apps.FindRepositoryInstallation(ctx, c.owner, c.repo)
	switch {
	case IsNotFound(err):
		return 0, fmt.Errorf("GitHub App %d is not installed on %s/%s: install it on the repository, or check app-id", appID, c.owner, c.repo)
	case StatusCode(err) == http.StatusUnauthorized:
		return 0, apiError(fmt.Sprintf("authenticate as GitHub App %d (check that app-private-key belongs to app-id)", appID), err)
	case err != nil:
		return 0, apiError(fmt.Sprintf("find GitHub App %d's installation on %s/%s", appID, c.owner, c.repo), err)
	}
	return inst.GetID(), nil
}

// renewable is a token source that can replace a token GitHub refused.
type renewable interface{ renew() }

// retryRefused handles a 401. An installation token can be revoked
// before it expires, and a cached one would then fail every run for up to
// an hour: mint a new one and send the request once more. Any other
// credential, or a request whose body cannot be sent again, keeps the
// 401.
func (t *authTransport) retryRefused(req *http.Request, refused *http.Response) (*http.Response, error) {
	src, renews := t.token.(renewable)
	if !renews {
		return refused, nil
	}
	var body io.ReadCloser
	if req.Body != nil && req.Body != http.NoBody {
		if req.GetBody == nil {
			return refused, nil
		}
		b, err := req.GetBody()
		if err != nil {
			return refused, nil
		}
		body = b
	}
	closeBody(refused)
	src.renew()
	return t.send(req, body)
}
