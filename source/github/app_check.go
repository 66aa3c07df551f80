package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"

	"github.com/bradleyfalzon/ghinstallation/v2"
	gh "github.com/google/go-github/v60/github"
)

// AppIdentity is a GitHub App as GET /app describes it.
type AppIdentity struct {
	ID   int64
	Slug string
}

// BotLogin is the user the App's installations act as.
func (a AppIdentity) BotLogin() string { return a.Slug + "[bot]" }

// ErrAppCredentials marks credentials GitHub refused: a wrong App id, or
// a key that is not the App's. No run can work with them.
var ErrAppCredentials = errors.New("GitHub refused the App's credentials")

// CheckApp authenticates as the App once (GET /app, signed with its JWT),
// so a long-running server refuses to start with credentials that would
// fail every run, and learns the App's identity. baseURL is the API root
// (empty: github.com); httpClient supplies the transport (nil: default).
func CheckApp(ctx context.Context, baseURL, appID, pemKey string, httpClient *http.Client) (AppIdentity, error) {
	base, err := apiBase(baseURL)
	if err != nil {
		return AppIdentity{}, err
	}
	id, key, err := appCredentials(appID, pemKey)
	if err != nil {
		return AppIdentity{}, err
	}
	next := http.DefaultTransport
	if httpClient != nil && httpClient.Transport != nil {
		next = httpClient.Transport
	}
	atr := ghinstallation.NewAppsTransportFromPrivateKey(next, id, key)
	client := gh.NewClient(&http.Client{Transport: atr})
	client.BaseURL = base
	client.UserAgent = userAgent
	app, _, err := client.Apps.Get(ctx, "")
	switch {
	case StatusCode(err) == http.StatusUnauthorized:
		return AppIdentity{}, fmt.Errorf("%w (App id %d): %s: check that the App id is the one on the App's settings page and the private key one generated there",
			ErrAppCredentials, id, githubSays(err))
	case err != nil:
		return AppIdentity{}, apiError(fmt.Sprintf("authenticate as GitHub App %d", id), err)
	}
	return AppIdentity{ID: app.GetID(), Slug: app.GetSlug()}, nil
}

// githubSays is GitHub's message in an error answer.
func githubSays(err error) string {
	var resp *gh.ErrorResponse
	if errors.As(err, &resp) && resp.Message != "" {
		return fmt.Sprintf("GitHub says %q", resp.Message)
	}
	return err.Error()
}
