package publish

import (
	"context"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
	"github.com/mvcbot/mvc/source/github"
)

// fixture is a fake GitHub with one pull request (#1 of octo/hello) and a
// client for it.
type fixture struct {
	srv    *fakegithub.Server
	repo   *fakegithub.Repo
	client *github.Client
}

func newFixture(t *testing.T, pr fakegithub.Pull) *fixture {
	t.Helper()
	return newFixtureWithToken(t, pr, "ghs_test") // an installation token, as the Actions GITHUB_TOKEN is
}

// newFixtureWithToken is newFixture with the client holding token.
func newFixtureWithToken(t *testing.T, pr fakegithub.Pull, token string) *fixture {
	t.Helper()
	srv := fakegithub.New(t)
	clock := fakegithub.NewClock(fakegithub.DefaultNow)
	srv.SetClock(clock.Now)
	repo := srv.AddRepo("octo", "hello")
	if pr.Number == 0 {
		pr.Number = 1
	}
	repo.AddPull(pr)
	client, err := github.NewClient(context.Background(), github.Options{
		BaseURL: srv.BaseURL(), Token: token, Owner: "octo", Repo: "hello", HTTPClient: srv.Client(), Clock: clock,
	})
	if err != nil {
		t.Fatal(err)
	}
	return &fixture{srv: srv, repo: repo, client: client}
}

// counts is reads and writes, for compact assertions.
type counts struct{ reads, writes int }

func (f *fixture) counts() counts { return counts{f.srv.Reads(), f.srv.Writes()} }
