package deliveryrun

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// until ends every test window: a fixed clock.
var until = time.Date(2024, 3, 31, 0, 0, 0, 0, time.UTC)

// fakeProvider answers for one source with fixed deployments.
type fakeProvider struct {
	source  string
	deploys []delivery.Deployment
	err     error
}

func (p fakeProvider) Supports(source string) bool { return source == p.source }

func (p fakeProvider) Deployments(context.Context, delivery.Query) ([]delivery.Deployment, error) {
	return p.deploys, p.err
}

// shipped is two commits, each deployed two hours after it was written.
func shipped(env string) ([]delivery.Commit, []delivery.Deployment) {
	var commits []delivery.Commit
	var deploys []delivery.Deployment
	var parents []string
	for i, at := range []time.Time{until.AddDate(0, 0, -10), until.AddDate(0, 0, -3)} {
		sha := fmt.Sprintf("%040d", i+1)
		commits = append(commits, delivery.Commit{SHA: sha, Parents: parents, Author: at, Committed: at})
		deploys = append(deploys, delivery.Deployment{SHA: sha, At: at.Add(2 * time.Hour), Environment: env, Ref: fmt.Sprintf("v1.%d.0", i)})
		parents = []string{sha}
	}
	return commits, deploys
}

// recorder is a run's hooks and history reader, noting what they saw.
type recorder struct {
	commits    []delivery.Commit
	historyErr error
	refineErr  error
	calls      []string
	since      time.Time
	facts      Facts
}

func (r *recorder) history(_ context.Context, deploys []delivery.Deployment, since time.Time) (*delivery.History, error) {
	r.calls = append(r.calls, fmt.Sprintf("history of %d", len(deploys)))
	r.since = since
	if r.historyErr != nil {
		return nil, r.historyErr
	}
	return delivery.NewHistory(r.commits), nil
}

func (r *recorder) hooks() Hooks {
	return Hooks{
		Progress: func(format string, args ...any) { r.calls = append(r.calls, fmt.Sprintf(format, args...)) },
		Refine: func(_ context.Context, f Facts) error {
			r.calls = append(r.calls, "refine")
			r.facts = f
			return r.refineErr
		},
		Signals: func(context.Context, Facts) delivery.Signals {
			r.calls = append(r.calls, "signals")
			return delivery.Signals{}
		},
	}
}

func TestMeasure(t *testing.T) {
	commits, tags := shipped("")
	_, deployments := shipped("production")
	clone := fakeProvider{source: delivery.SourceTags, deploys: tags}
	api := fakeProvider{source: delivery.SourceDeployments, deploys: deployments}
	// full is every step of a measurement, in order.
	full := func(source string) []string {
		return []string{"found 2 deployments (source " + source + ")", "history of 2", "read 2 commits", "refine", "signals", "computed metrics"}
	}

	tests := []struct {
		name      string
		src       Sources
		source    string
		rec       recorder
		wantErr   string
		wantCalls []string
		wantEnv   string // the environment the hooks see
		wantAuto  bool
		wantInfo  string // in the report's detail
	}{{
		name: "auto takes the clone's tags and drops the environment",
		src:  Sources{Clone: clone}, source: delivery.SourceAuto,
		wantCalls: full("tags"), wantEnv: "", wantAuto: true, wantInfo: "tags matching `v*`",
	}, {
		name: "GitHub deployments keep their environment",
		src:  Sources{Clone: clone, GitHub: api}, source: delivery.SourceDeployments,
		wantCalls: full("deployments"), wantEnv: "production", wantInfo: "GitHub deployments to `production`",
	}, {
		name: "the clone answers before the API",
		src:  Sources{Clone: clone, GitHub: fakeProvider{source: delivery.SourceTags, err: errors.New("API asked")}}, source: delivery.SourceTags,
		wantCalls: full("tags"), wantEnv: "", wantInfo: "tags matching `v*`",
	}, {
		name: "a source nobody reads stops before the history",
		src:  Sources{Clone: clone}, source: delivery.SourceReleases,
		wantErr: "read releases: needs the GitHub API", wantCalls: nil,
	}, {
		name: "a history error comes back as it is",
		src:  Sources{Clone: clone}, source: delivery.SourceTags, rec: recorder{historyErr: errors.New("git log: broken")},
		wantErr: "git log: broken", wantCalls: full("tags")[:2],
	}, {
		name: "a refine error stops before the signals",
		src:  Sources{Clone: clone}, source: delivery.SourceTags, rec: recorder{refineErr: errors.New("path commits: broken")},
		wantErr: "path commits: broken", wantCalls: full("tags")[:4],
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rec := tt.rec
			rec.commits = commits
			tt.src.History = rec.history
			req := Request{
				Source:  tt.source,
				Query:   delivery.Query{Environment: "production", TagPattern: "v*"},
				Options: delivery.Options{Until: until, WindowDays: 30, Environment: "production"},
			}
			got, err := Measure(context.Background(), tt.src, req, rec.hooks())
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err = %v, want %q", err, tt.wantErr)
				}
			} else if err != nil {
				t.Fatal(err)
			}
			picked := tt.source
			if picked == delivery.SourceAuto {
				picked = delivery.SourceTags
			}
			if !slices.Equal(rec.calls, tt.wantCalls) {
				t.Errorf("calls = %q, want %q", rec.calls, tt.wantCalls)
			}
			if err != nil {
				return
			}
			// The lookback covers the window before too: the trend needs it.
			if since := until.AddDate(0, 0, -60); !rec.since.Equal(since) || !rec.facts.Query.Since.Equal(since) {
				t.Errorf("history since %v, facts since %v; want %v", rec.since, rec.facts.Query.Since, since)
			}
			if o := rec.facts.Options; o.Source != picked || o.Environment != tt.wantEnv {
				t.Errorf("hooks saw source %q environment %q, want %q %q", o.Source, o.Environment, picked, tt.wantEnv)
			}
			if got.Auto != tt.wantAuto || !strings.Contains(got.Detail, tt.wantInfo) {
				t.Errorf("auto %v detail %q, want %v and %q", got.Auto, got.Detail, tt.wantAuto, tt.wantInfo)
			}
			if got.Metrics.Source != picked || got.Metrics.LeadTime.Median == nil || *got.Metrics.LeadTime.Median != 2 {
				t.Errorf("metrics source %q lead %v, want %q and 2 h", got.Metrics.Source, got.Metrics.LeadTime.Median, picked)
			}
		})
	}
}

func TestMeasureWithoutHooks(t *testing.T) {
	commits, tags := shipped("")
	src := Sources{
		Clone: fakeProvider{source: delivery.SourceTags, deploys: tags},
		History: func(context.Context, []delivery.Deployment, time.Time) (*delivery.History, error) {
			return delivery.NewHistory(commits), nil
		},
	}
	req := Request{Source: delivery.SourceTags, Query: delivery.Query{TagPattern: "v*"}, Options: delivery.Options{Until: until, WindowDays: 30}}
	got, err := Measure(context.Background(), src, req, Hooks{})
	if err != nil {
		t.Fatal(err)
	}
	if got.Metrics.Deploys != 2 {
		t.Errorf("deploys = %d, want the two tags counted", got.Metrics.Deploys)
	}
}
