package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// deliveryRun is one `mvc report`: its flags, its sources and where its
// progress goes.
type deliveryRun struct {
	f        reportFlags
	opts     delivery.Options
	repo     *gitrepo.Repo
	local    *gitrepo.Deliveries
	api      *reportAPI // nil without --github
	progress *reportProgress
	stderr   io.Writer
	// originals are the squash lookups' commit dates, by merge commit:
	// the pull request lookups reuse them.
	originals map[string][]time.Time
}

// measure picks the source, reads the history once and computes.
func (r *deliveryRun) measure(ctx context.Context) (report.Delivery, error) {
	choice, err := delivery.Pick(ctx, r.providers(), r.query(), r.f.source)
	if err != nil {
		return report.Delivery{}, err
	}
	r.progress.step("found %d deployments (source %s)", len(choice.Deployments), choice.Source)
	h, err := r.history(ctx, choice.Deployments)
	if err != nil {
		return report.Delivery{}, err
	}
	r.progress.step("read %d commits", h.Len())
	if err := r.scope(ctx, h); err != nil {
		return report.Delivery{}, err
	}
	opts := r.opts
	opts.Source = choice.Source
	if choice.Source != delivery.SourceDeployments {
		// Only GitHub deployments carry an environment; other sources
		// are the unit's production by definition.
		opts.Environment = ""
	}
	r.expandSquashes(ctx, h, choice.Deployments, opts)
	m := delivery.ComputeWith(h, choice.Deployments, r.signals(ctx, h, choice.Deployments, opts), opts)
	r.progress.step("computed metrics")
	detail := report.DeliverySourceDetail(choice.Source, r.query())
	if len(r.f.paths) > 0 {
		detail += "; changes to `" + strings.Join(r.f.paths, "`, `") + "` only"
	}
	return report.Delivery{Metrics: m, Detail: detail, Auto: r.f.source == delivery.SourceAuto, Skipped: choice.Skipped}, nil
}

// history reads the commit graph from the clone, or, when the clone is
// shallow and the API is at hand, from GitHub's compare API.
func (r *deliveryRun) history(ctx context.Context, deploys []delivery.Deployment) (*delivery.History, error) {
	if r.api != nil && r.repo.IsShallow(ctx) {
		fmt.Fprintln(r.stderr, "mvc report: shallow clone, reading the commits between deployments from GitHub (fetch-depth: 0 avoids it)")
		return r.api.client.CompareHistory(ctx, deploys, r.query().Since)
	}
	shas := make([]string, len(deploys))
	for i, d := range deploys {
		shas[i] = d.SHA
	}
	return r.local.History(ctx, shas...)
}

// scope limits lead time to the commits touching --path, if given.
func (r *deliveryRun) scope(ctx context.Context, h *delivery.History) error {
	if len(r.f.paths) == 0 {
		return nil
	}
	commits, err := r.repo.PathCommits(ctx, r.f.paths)
	if err != nil {
		return err
	}
	h.SetScope(commits)
	r.progress.step("found %d commits touching %s", len(commits), strings.Join(r.f.paths, ", "))
	return nil
}

// providers are the local clone first (tags and merges cost no API call),
// then the API.
func (r *deliveryRun) providers() []delivery.Provider {
	if r.api == nil {
		return []delivery.Provider{r.local}
	}
	return []delivery.Provider{r.local, r.api.deliveries}
}

func (r *deliveryRun) query() delivery.Query {
	return delivery.Query{
		Environment: r.f.environment, Workflow: r.f.workflow, TagPattern: r.f.tagPattern,
		ExcludePrereleases: r.f.excludePrereleases,
		// Since covers the previous window too: the trend compares with it.
		Since: delivery.NewWindow(r.opts.Until, 2*r.opts.WindowDays).Start,
	}
}
