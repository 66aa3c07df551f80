package github

import (
	"context"
	"errors"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/fakegithub"
)

// unreachable is a transport that finds no server, as a wrong
// GITHUB_API_URL or a network outage does.
type unreachable struct{}

func (unreachable) RoundTrip(*http.Request) (*http.Response, error) {
	return nil, errors.New("dial tcp 127.0.0.1:9: connect: connection refused")
}

// Under auto, a source GitHub does not show this token is passed over in
// a few words; any other failure stops the choice, since the next
// source's figures would pass for this one's (QA finding 6).
func TestAutoPassesOverOnlyWhatTheTokenMayNotRead(t *testing.T) {
	const deployments = "/repos/octo/hello/deployments"
	tests := []struct {
		name    string
		fail    func(f *fixture)
		offline bool // the client reaches no server at all
		skipped []delivery.Skip
		err     string // empty: releases are chosen
	}{
		{
			name: "403: no access",
			fail: func(f *fixture) {
				f.srv.FailNext("GET", deployments, http.StatusForbidden, nil, `{"message":"`+fakegithub.MsgNotAccessible+`"}`)
			},
			skipped: []delivery.Skip{{Source: "deployments", Reason: "no access (403)"}},
		},
		{
			name:    "404: no access",
			fail:    func(f *fixture) { f.srv.FailNext("GET", deployments, http.StatusNotFound, nil, "") },
			skipped: []delivery.Skip{{Source: "deployments", Reason: "no access (404)"}},
		},
		{
			name: "5xx on every attempt",
			fail: func(f *fixture) {
				for range DefaultRetryPolicy.MaxAttempts {
					f.srv.FailNext("GET", deployments, http.StatusBadGateway, nil, "")
				}
			},
			err: "deploy source auto: read deployments: list production deployments of octo/hello (page 1): GitHub answered 502",
		},
		{
			name: "rate limit past the wait",
			fail: func(f *fixture) { f.srv.SetRateLimit(5000, 0, f.clock.Now().Add(time.Hour)) },
			err:  "deploy source auto: read deployments: list production deployments of octo/hello (page 1): GitHub API rate limit (core, 5000 requests an hour) exhausted",
		},
		{
			name:    "GitHub unreachable",
			offline: true,
			err:     "deploy source auto: read deployments: list production deployments of octo/hello (page 1): ",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			f := newFixture(t)
			f.repo.AddTag("v1.0.0", shaN(1))
			f.repo.AddRelease(fakegithub.Release{Tag: "v1.0.0", Published: day(-5)})
			client := f.client
			if tt.offline {
				client = f.newClient(t, Options{Token: "test-token", HTTPClient: &http.Client{Transport: unreachable{}}})
			}
			if tt.fail != nil {
				tt.fail(f)
			}
			q := delivery.Query{Environment: "production", Since: day(-30)}
			got, err := delivery.Pick(context.Background(), []delivery.Provider{NewDeliveries(client)}, q, delivery.SourceAuto)
			if tt.err != "" {
				if err == nil || !strings.HasPrefix(err.Error(), tt.err) || strings.Contains(err.Error(), "\n") {
					t.Fatalf("err = %v, want one line starting %q (chose %q)", err, tt.err, got.Source)
				}
				if n := countPaths(f.srv, func(p string) bool { return strings.HasSuffix(p, "/releases") }); n != 0 {
					t.Errorf("releases read %d times after deployments failed", n)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got.Source != delivery.SourceReleases {
				t.Errorf("chose %q, want releases", got.Source)
			}
			if diff := cmp.Diff(tt.skipped, got.Skipped); diff != "" {
				t.Errorf("skipped (-want +got):\n%s", diff)
			}
		})
	}
}
