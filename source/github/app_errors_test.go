package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/mvcbot/mvc/internal/fakegithub"
)

// A failed token exchange says what to fix, with GitHub's own message,
// instead of ghinstallation's status and URL.
func TestTokenExchangeErrorsSayWhatToFix(t *testing.T) {
	keys := testKeys(t)
	tests := []struct {
		name  string
		setup func(f *fixture, id int64) (Options, int64)
		want  []string
	}{
		{"key of another App", func(f *fixture, id int64) (Options, int64) {
			return Options{AppID: "42", AppPrivateKey: pemPKCS1(keys[1])}, id
		}, []string{"GitHub refused the credentials of GitHub App 42", "the private key is not one of App 42's"}},
		{"suspended", func(f *fixture, id int64) (Options, int64) {
			f.srv.FailNext("POST", fmt.Sprintf("/app/installations/%d/access_tokens", id), http.StatusForbidden, nil, `{"message":"This installation has been suspended"}`)
			return Options{AppID: "42", AppPrivateKey: pemPKCS1(keys[0])}, id
		}, []string{"of GitHub App 42 cannot get a token", `"This installation has been suspended"`, "unsuspend it in the installation's settings"}},
		{"not installed", func(f *fixture, id int64) (Options, int64) {
			return Options{AppID: "42", AppPrivateKey: pemPKCS1(keys[0])}, id + 999
		}, []string{"GitHub App 42 has no installation", "install it again or check the App id"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			id := f.srv.InstallApp(42, &keys[0].PublicKey, "octo/hello")
			f.repo.AddPull(fakegithub.Pull{Number: 1})
			opts, inst := tt.setup(f, id)
			opts.InstallationID = inst
			_, err := f.newClient(t, opts).PullRequest(context.Background(), 1)
			var tokErr *TokenError
			if !errors.As(err, &tokErr) {
				t.Fatalf("err = %v, want a *TokenError", err)
			}
			for _, want := range tt.want {
				if !strings.Contains(err.Error(), want) {
					t.Errorf("err = %v\nwant it to contain %q", err, want)
				}
			}
			if strings.Contains(err.Error(), "non 2xx") {
				t.Errorf("ghinstallation's wording leaks: %v", err)
			}
		})
	}
}

// CheckApp authenticates as the App: it names the App, and a key GitHub
// refuses is ErrAppCredentials.
func TestCheckApp(t *testing.T) {
	keys := testKeys(t)
	f := newFixture(t)
	f.srv.InstallApp(42, &keys[0].PublicKey, "octo/hello")
	ident, err := CheckApp(context.Background(), f.srv.BaseURL(), "42", pemPKCS1(keys[0]), f.srv.Client())
	if err != nil || ident.ID != 42 || ident.BotLogin() != fakegithub.AppSlug(42)+"[bot]" {
		t.Errorf("CheckApp = %+v, %v", ident, err)
	}
	_, err = CheckApp(context.Background(), f.srv.BaseURL(), "42", pemPKCS1(keys[1]), f.srv.Client())
	if !errors.Is(err, ErrAppCredentials) || !strings.Contains(err.Error(), "App id 42") {
		t.Errorf("with another App's key: %v, want ErrAppCredentials naming the App id", err)
	}
}
