package github

import (
	"context"
	"crypto/rand"
	"crypto/rsa"
	"crypto/x509"
	"encoding/pem"
	"strings"
	"sync"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

var (
	keyOnce sync.Once
	keys    [2]*rsa.PrivateKey
)

// testKeys generates two App keys once per test binary.
func testKeys(t *testing.T) [2]*rsa.PrivateKey {
	keyOnce.Do(func() {
		for i := range keys {
			k, err := rsa.GenerateKey(rand.Reader, 2048)
			if err != nil {
				t.Fatal(err)
			}
			keys[i] = k
		}
	})
	return keys
}

func pemPKCS1(k *rsa.PrivateKey) string {
	return string(pem.EncodeToMemory(&pem.Block{Type: "RSA PRIVATE KEY", Bytes: x509.MarshalPKCS1PrivateKey(k)}))
}

func TestAppInstallationAuth(t *testing.T) {
	key := testKeys(t)[0]
	f := newFixture(t)
	f.srv.InstallApp(42, &key.PublicKey, "octo/hello")
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	// The key as a one-line secret with literal \n escapes still works.
	oneLine := strings.ReplaceAll(pemPKCS1(key), "\n", `\n`)
	c := f.newClient(t, Options{AppID: "42", AppPrivateKey: oneLine, Token: "ignored-when-app-given"})
	if _, err := c.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if _, err := c.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	if st := c.Stats(); st.Auth != 2 || st.Reads != 2 {
		t.Errorf("stats = %+v, want 2 auth (lookup, one token) and 2 reads", st)
	}
	last := f.srv.Requests()[len(f.srv.Requests())-1]
	if last.Auth || last.Path != "/repos/octo/hello/pulls/1" {
		t.Errorf("last request = %s", last)
	}
}

// TestKnownInstallationSkipsLookup: a webhook names the installation, so
// the App server's client mints a token without asking GitHub where the
// App is installed.
func TestKnownInstallationSkipsLookup(t *testing.T) {
	key := testKeys(t)[0]
	f := newFixture(t)
	id := f.srv.InstallApp(42, &key.PublicKey, "octo/hello")
	f.repo.AddPull(fakegithub.Pull{Number: 1})
	c := f.newClient(t, Options{AppID: "42", AppPrivateKey: pemPKCS1(key), InstallationID: id})
	if _, err := c.PullRequest(context.Background(), 1); err != nil {
		t.Fatal(err)
	}
	for _, r := range f.srv.Requests() {
		if strings.HasSuffix(r.Path, "/installation") {
			t.Errorf("looked the installation up although it was given: %s", r)
		}
	}
	if st := c.Stats(); st.Auth != 1 || st.Reads != 1 {
		t.Errorf("stats = %+v, want 1 auth (the token) and 1 read", st)
	}
}

func TestAppCredentialErrorsSayWhatToFix(t *testing.T) {
	keys := testKeys(t)
	pkcs8, _ := x509.MarshalPKCS8PrivateKey(keys[0])
	tests := []struct {
		name, appID, key, want string
	}{
		{"id not a number", "my-app", pemPKCS1(keys[0]), `app-id "my-app" is not a number: use the numeric App ID from the App's settings page`},
		{"key missing", "42", "", "GitHub App credentials: give both app-id and app-private-key, or neither"},
		{"id missing", "", pemPKCS1(keys[0]), "GitHub App credentials: give both app-id and app-private-key, or neither"},
		{"not PEM", "42", "ghp_abc", "app-private-key: not PEM: paste the whole .pem file GitHub generated, BEGIN and END lines included"},
		{"not installed", "43", pemPKCS1(keys[1]), "GitHub App 43 is not installed on octo/hello: install it on the repository, or check app-id"},
		{"key of another app", "42", pemPKCS1(keys[1]), "authenticate as GitHub App 42 (check that app-private-key belongs to app-id): GitHub answered 401"},
		{"PKCS#8 key works", "42", string(pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: pkcs8})), ""},
	}
	f := newFixture(t)
	f.srv.InstallApp(42, &keys[0].PublicKey, "octo/hello")
	f.srv.InstallApp(43, &keys[1].PublicKey, "octo/other")
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := NewClient(context.Background(), Options{
				BaseURL: f.srv.BaseURL(), Owner: "octo", Repo: "hello", HTTPClient: f.srv.Client(), Clock: f.clock,
				AppID: tt.appID, AppPrivateKey: tt.key,
			})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("err = %v", err)
			case tt.want != "" && (err == nil || !strings.HasPrefix(err.Error(), tt.want)):
				t.Errorf("err = %v\nwant %s", err, tt.want)
			}
		})
	}
}

func TestOptionErrors(t *testing.T) {
	tests := []struct {
		opts Options
		want string
	}{
		{Options{Owner: "o", Repo: "r"}, "GitHub client: no credentials: set github-token, or app-id and app-private-key"},
		{Options{Token: "t"}, "GitHub client: the repository owner and name are required (GITHUB_REPOSITORY=owner/name)"},
		{Options{Token: "t", Owner: "o", Repo: "r", BaseURL: "api.github.com"}, `GitHub API URL "api.github.com" is not an http(s) URL: set GITHUB_API_URL like https://api.github.com`},
	}
	for _, tt := range tests {
		if _, err := NewClient(context.Background(), tt.opts); err == nil || err.Error() != tt.want {
			t.Errorf("NewClient(%+v) = %v\nwant %s", tt.opts, err, tt.want)
		}
	}
}

func TestParseRepository(t *testing.T) {
	tests := []struct{ in, owner, name, err string }{
		{"octo/hello", "octo", "hello", ""},
		{" octo/hello.go ", "octo", "hello.go", ""},
		{"octo", "", "", `repository "octo" is not owner/name (GITHUB_REPOSITORY)`},
		{"octo/hello/x", "", "", `repository "octo/hello/x" is not owner/name (GITHUB_REPOSITORY)`},
		{"/hello", "", "", `repository "/hello" is not owner/name (GITHUB_REPOSITORY)`},
	}
	for _, tt := range tests {
		owner, name, err := ParseRepository(tt.in)
		if owner != tt.owner || name != tt.name || (err == nil) != (tt.err == "") || (err != nil && err.Error() != tt.err) {
			t.Errorf("ParseRepository(%q) = %q, %q, %v", tt.in, owner, name, err)
		}
	}
}
