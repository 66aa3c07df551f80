package github

import (
	"context"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// fixture is a fake GitHub with one repository and a client for it.
type fixture struct {
	srv    *fakegithub.Server
	repo   *fakegithub.Repo
	clock  *fakegithub.Clock
	client *Client
}

// newFixture starts a fake GitHub serving octo/hello and a token client
// on a shared fake clock.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	srv := fakegithub.New(t)
	clock := fakegithub.NewClock(fakegithub.DefaultNow)
	srv.SetClock(clock.Now)
	srv.AcceptToken("test-token")
	f := &fixture{srv: srv, repo: srv.AddRepo("octo", "hello"), clock: clock}
	f.client = f.newClient(t, Options{Token: "test-token"})
	return f
}

// newClient builds a client for octo/hello on the fixture's server and
// clock; opts supplies the credentials and may replace the HTTP client.
func (f *fixture) newClient(t *testing.T, opts Options) *Client {
	t.Helper()
	opts.BaseURL, opts.Owner, opts.Repo = f.srv.BaseURL(), "octo", "hello"
	opts.Clock = f.clock
	if opts.HTTPClient == nil {
		opts.HTTPClient = f.srv.Client()
	}
	c, err := NewClient(context.Background(), opts)
	if err != nil {
		t.Fatalf("NewClient: %v", err)
	}
	return c
}
