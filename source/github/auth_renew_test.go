package github

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// mintedTokens counts the installation tokens requested so far.
func mintedTokens(srv *fakegithub.Server) int {
	n := 0
	for _, r := range srv.Requests() {
		if r.Method == http.MethodPost && strings.HasSuffix(r.Path, "/access_tokens") {
			n++
		}
	}
	return n
}

// A cached installation token that GitHub revoked (401 Bad credentials)
// is replaced once, for the client that met the 401 and for every later
// client sharing the cache; a request with a body is sent again whole.
func TestRevokedInstallationTokenIsRenewed(t *testing.T) {
	key := testKeys(t)[0]
	f := newFixture(t)
	id := f.srv.InstallApp(42, &key.PublicKey, "octo/hello")
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	tokens := NewInstallationTokens()
	opts := Options{AppID: "42", AppPrivateKey: pemPKCS1(key), InstallationID: id, Tokens: tokens}
	ctx := context.Background()
	if _, err := f.newClient(t, opts).PullRequest(ctx, 1); err != nil {
		t.Fatal(err)
	}
	revoked := `{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}`
	f.srv.FailNext("GET", "/repos/octo/hello/pulls/1", http.StatusUnauthorized, nil, revoked)
	second := f.newClient(t, opts)
	if _, err := second.PullRequest(ctx, 1); err != nil {
		t.Fatalf("after the token was revoked: %v", err)
	}
	if n := mintedTokens(f.srv); n != 2 {
		t.Errorf("%d tokens minted, want 2 (the first, then one after the 401)", n)
	}
	f.srv.FailNext("POST", "/repos/octo/hello/issues/1/comments", http.StatusUnauthorized, nil, revoked)
	c, err := f.newClient(t, opts).CreateComment(ctx, 1, "hello")
	if err != nil || c.Body != "hello" {
		t.Fatalf("comment after a 401: %+v, %v", c, err)
	}
	if n := mintedTokens(f.srv); n != 3 {
		t.Errorf("%d tokens minted, want 3", n)
	}
	if _, err := f.newClient(t, opts).PullRequest(ctx, 1); err != nil {
		t.Fatal(err)
	}
	if n := mintedTokens(f.srv); n != 3 {
		t.Errorf("%d tokens minted, want 3: a later client takes the renewed token", n)
	}
}

// A token refused twice is not renewed again and again: the second 401
// is the answer.
func TestRenewedTokenRefusedAgainFails(t *testing.T) {
	key := testKeys(t)[0]
	f := newFixture(t)
	id := f.srv.InstallApp(42, &key.PublicKey, "octo/hello")
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	for range 2 {
		f.srv.FailNext("GET", "/repos/octo/hello/pulls/1", http.StatusUnauthorized, nil, `{"message":"Bad credentials"}`)
	}
	c := f.newClient(t, Options{AppID: "42", AppPrivateKey: pemPKCS1(key), InstallationID: id, Tokens: NewInstallationTokens()})
	if _, err := c.PullRequest(context.Background(), 1); StatusCode(err) != http.StatusUnauthorized {
		t.Errorf("err = %v, want the 401", err)
	}
	if n := mintedTokens(f.srv); n != 2 {
		t.Errorf("%d tokens minted, want 2", n)
	}
}

// A personal or Actions token is not renewed: its 401 is final.
func TestStaticTokenIsNotRenewed(t *testing.T) {
	f := newFixture(t)
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	f.srv.FailNext("GET", "/repos/octo/hello/pulls/1", http.StatusUnauthorized, nil, `{"message":"Bad credentials"}`)
	if _, err := f.client.PullRequest(context.Background(), 1); StatusCode(err) != http.StatusUnauthorized {
		t.Errorf("err = %v, want the 401", err)
	}
	if n := len(f.srv.Requests()); n != 1 {
		t.Errorf("%d requests, want 1", n)
	}
}

// Forget drops an installation's cached token: the next client mints one.
func TestForgetInstallationToken(t *testing.T) {
	key := testKeys(t)[0]
	f := newFixture(t)
	id := f.srv.InstallApp(42, &key.PublicKey, "octo/hello")
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	tokens := NewInstallationTokens()
	opts := Options{AppID: "42", AppPrivateKey: pemPKCS1(key), InstallationID: id, Tokens: tokens}
	for _, forget := range []bool{false, true} {
		if forget {
			tokens.Forget(id)
		}
		if _, err := f.newClient(t, opts).PullRequest(context.Background(), 1); err != nil {
			t.Fatal(err)
		}
	}
	if n := mintedTokens(f.srv); n != 2 {
		t.Errorf("%d tokens minted, want 2", n)
	}
}
