package delivery

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fakeProvider serves fixed deployments per source and records queries.
type fakeProvider struct {
	found   map[string][]Deployment
	failing map[string]error
	asked   []string
}

func (f *fakeProvider) Supports(source string) bool {
	_, ok := f.found[source]
	_, bad := f.failing[source]
	return ok || bad
}

func (f *fakeProvider) Deployments(_ context.Context, q Query) ([]Deployment, error) {
	f.asked = append(f.asked, q.Source)
	if err := f.failing[q.Source]; err != nil {
		return nil, err
	}
	return f.found[q.Source], nil
}

func TestPickAuto(t *testing.T) {
	one := []Deployment{deploy("a", 1, "x")}
	tests := []struct {
		name     string
		found    map[string][]Deployment
		failing  map[string]error
		workflow string
		want     string
		asked    []string
		skipped  []Skip
	}{
		{
			name:    "local only: tags when there are tags",
			found:   map[string][]Deployment{"tags": one, "merges": one},
			want:    "tags",
			asked:   []string{"tags"},
			skipped: []Skip{{"deployments", "needs the GitHub API", NeedAPI}, {"releases", "needs the GitHub API", NeedAPI}},
		},
		{
			name:  "no tags: fall back to the merges proxy",
			found: map[string][]Deployment{"tags": nil, "merges": one},
			want:  "merges",
			asked: []string{"tags", "merges"},
		},
		{
			name:     "workflow is tried only when named",
			found:    map[string][]Deployment{"deployments": nil, "workflow": one, "releases": one},
			workflow: "deploy.yml",
			want:     "workflow",
			asked:    []string{"deployments", "workflow"},
		},
		{
			name:  "workflow not named: releases come next",
			found: map[string][]Deployment{"deployments": nil, "workflow": one, "releases": one},
			want:  "releases",
			asked: []string{"deployments", "releases"},
		},
		{
			name:  "a source the run may not read is passed over, in a few words",
			found: map[string][]Deployment{"releases": one},
			failing: map[string]error{"deployments": &NoAccessError{Reason: "no access (403)",
				Err: errors.New("list production deployments of octo/app (page 1): GitHub answered 403 Resource not accessible by integration")}},
			want:    "releases",
			asked:   []string{"deployments", "releases"},
			skipped: []Skip{{"deployments", "no access (403)", ""}},
		},
		{
			name:    "a provider that cannot read a source it lists is passed over",
			found:   map[string][]Deployment{"merges": one},
			failing: map[string]error{"tags": fmt.Errorf("tags: %w", ErrUnavailable)},
			want:    "merges",
			asked:   []string{"tags", "merges"},
			skipped: []Skip{{"deployments", "needs the GitHub API", NeedAPI}, {"releases", "needs the GitHub API", NeedAPI},
				{"tags", "needs the repository's git history", NeedHistory}},
		},
		{
			name:  "nothing anywhere: auto, with every reason",
			found: map[string][]Deployment{"tags": nil, "merges": nil},
			want:  "auto",
			asked: []string{"tags", "merges"},
		},
		{
			// The API without a clone (the Action with no checkout):
			// tags and merges say they lack history, not the API.
			name:  "API only: tags and merges need git history",
			found: map[string][]Deployment{"deployments": nil, "releases": nil},
			want:  "auto",
			asked: []string{"deployments", "releases"},
			skipped: []Skip{{"deployments", "no deployments", ""}, {"releases", "no deployments", ""},
				{"tags", "needs the repository's git history", NeedHistory}, {"merges", "needs the repository's git history", NeedHistory}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := &fakeProvider{found: tt.found, failing: tt.failing}
			got, err := Pick(context.Background(), []Provider{p}, Query{Workflow: tt.workflow}, SourceAuto)
			if err != nil {
				t.Fatal(err)
			}
			if got.Source != tt.want {
				t.Errorf("source %q, want %q (skipped %v)", got.Source, tt.want, got.Skipped)
			}
			if diff := cmp.Diff(tt.asked, p.asked); diff != "" {
				t.Errorf("sources asked (-want +got):\n%s", diff)
			}
			if tt.skipped != nil {
				if diff := cmp.Diff(tt.skipped, got.Skipped); diff != "" {
					t.Errorf("skipped (-want +got):\n%s", diff)
				}
			}
		})
	}
}

// A read that failed (GitHub unreachable, a 5xx after the retries, a rate
// limit, git failing) ends auto: the next source's figures would be
// reported as if this one had no deployments.
func TestPickAutoStopsAtAFailedRead(t *testing.T) {
	one := []Deployment{deploy("a", 1, "x")}
	unreachable := errors.New(`list production deployments of octo/app (page 1): Get "http://127.0.0.1:9/api/v3/repos/octo/app/deployments": dial tcp 127.0.0.1:9: connect: connection refused`)
	p := &fakeProvider{
		found:   map[string][]Deployment{"releases": one, "tags": one},
		failing: map[string]error{"deployments": unreachable},
	}
	got, err := Pick(context.Background(), []Provider{p}, Query{}, SourceAuto)
	if !errors.Is(err, unreachable) || !strings.HasPrefix(err.Error(), "deploy source auto: read deployments: list production deployments") {
		t.Errorf("err = %v, want the failed read, naming the source", err)
	}
	if got.Source != SourceAuto || len(got.Deployments) != 0 {
		t.Errorf("chose %q with %d deployments after a failed read", got.Source, len(got.Deployments))
	}
	if diff := cmp.Diff([]string{"deployments"}, p.asked); diff != "" {
		t.Errorf("sources asked (-want +got):\n%s", diff)
	}
}

func TestNoAccessErrorKeepsTheProvidersError(t *testing.T) {
	inner := errors.New("list releases of octo/app (page 1): GitHub answered 404 Not Found")
	var err error = &NoAccessError{Reason: "no access (404)", Err: inner}
	if !errors.Is(err, ErrNoAccess) || !errors.Is(err, inner) || err.Error() != inner.Error() {
		t.Errorf("err = %v: want it to match ErrNoAccess and the provider's error, with the provider's message", err)
	}
	p := &fakeProvider{failing: map[string]error{"releases": err}}
	if _, err := Pick(context.Background(), []Provider{p}, Query{}, SourceReleases); err == nil || err.Error() != "read releases: "+inner.Error() {
		t.Errorf("named source: err = %v, want the provider's error", err)
	}
}

func TestPickNamedSourceFailsLoudly(t *testing.T) {
	p := &fakeProvider{failing: map[string]error{"releases": errors.New("boom")}}
	_, err := Pick(context.Background(), []Provider{p}, Query{}, SourceReleases)
	if err == nil || !strings.Contains(err.Error(), "read releases: boom") {
		t.Errorf("err = %v, want it to name the source", err)
	}
	_, err = Pick(context.Background(), []Provider{p}, Query{}, SourceDeployments)
	if !errors.Is(err, ErrUnavailable) {
		t.Errorf("err = %v, want ErrUnavailable", err)
	}
	var unavailable *UnavailableError
	if _, err = Pick(context.Background(), []Provider{p}, Query{}, SourceTags); !errors.As(err, &unavailable) || unavailable.Source != SourceTags || unavailable.Need != NeedHistory {
		t.Errorf("err = %v, want an UnavailableError saying tags need git history", err)
	}
}

func TestPickAsksTheFirstProviderThatSupportsTheSource(t *testing.T) {
	api := &fakeProvider{found: map[string][]Deployment{"tags": {deploy("a", 1, "api")}}}
	local := &fakeProvider{found: map[string][]Deployment{"tags": {deploy("a", 1, "local")}}}
	got, err := Pick(context.Background(), []Provider{local, api}, Query{}, SourceTags)
	if err != nil || got.Deployments[0].Ref != "local" || len(api.asked) != 0 {
		t.Errorf("got %+v, %v; api asked %v", got, err, api.asked)
	}
}

func TestValidSource(t *testing.T) {
	for _, s := range append(slices.Clone(Sources), SourceAuto) {
		if err := ValidSource(s); err != nil {
			t.Errorf("%s: %v", s, err)
		}
	}
	if err := ValidSource("tag"); err == nil || !strings.Contains(err.Error(), "auto, deployments") {
		t.Errorf("ValidSource(tag) = %v", err)
	}
}
