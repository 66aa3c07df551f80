package github

import (
	"context"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// Viewer names the login mvc writes as: the App's bot (asked once per App
// and process), a personal token's user, and nobody for an installation
// token given as a token, which GitHub would answer with a 403.
func TestViewer(t *testing.T) {
	ctx := context.Background()
	t.Run("app", func(t *testing.T) {
		key := testKeys(t)[0]
		f := newFixture(t)
		id := f.srv.InstallApp(4242, &key.PublicKey, "octo/hello")
		for range 2 {
			c := f.newClient(t, Options{AppID: "4242", AppPrivateKey: pemPKCS1(key), InstallationID: id})
			if got, err := c.Viewer(ctx); err != nil || got != fakegithub.AppSlug(4242)+"[bot]" {
				t.Errorf("Viewer() = %q, %v", got, err)
			}
		}
		if n := f.srv.Count(func(r fakegithub.Request) bool { return r.Path == "/app" }); n != 1 {
			t.Errorf("%d GET /app, want 1 for the process", n)
		}
	})
	t.Run("personal token", func(t *testing.T) {
		f := newFixture(t)
		f.srv.SetViewer("octocat")
		if got, err := f.client.Viewer(ctx); err != nil || got != "octocat" {
			t.Errorf("Viewer() = %q, %v", got, err)
		}
	})
	t.Run("installation token", func(t *testing.T) {
		f := newFixture(t)
		f.srv.AcceptToken("ghs_actions")
		c := f.newClient(t, Options{Token: "ghs_actions"})
		if got, err := c.Viewer(ctx); err != nil || got != "" {
			t.Errorf("Viewer() = %q, %v; want unknown", got, err)
		}
		if n := len(f.srv.Requests()); n != 0 {
			t.Errorf("%d requests, want none", n)
		}
	})
}
