package main

import (
	"context"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/deliveryrun"
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

// cliAdvice words, in the CLI's flags, what a deploy source lacked.
var cliAdvice = report.DeliveryAdvice{
	API:        "needs the GitHub API: --github and a token",
	History:    "needs the clone's full history: git fetch --unshallow --tags",
	NameSource: "name a source with `--deploy-source`",
}

// measure runs the shared delivery measurement with what only the CLI
// adds: --path scoping, squash expansion, progress lines.
func (r *deliveryRun) measure(ctx context.Context) (report.Delivery, error) {
	src := deliveryrun.Sources{Clone: r.local, History: r.history}
	hooks := deliveryrun.Hooks{Progress: r.progress.step, Refine: r.refine}
	if r.api != nil {
		src.GitHub = r.api.deliveries
		hooks.Signals = r.signals
	}
	in, err := deliveryrun.Measure(ctx, src, deliveryrun.Request{Source: r.f.source, Query: r.query(), Options: r.opts}, hooks)
	if err != nil {
		return report.Delivery{}, err
	}
	in.Advice = cliAdvice
	if len(r.f.paths) > 0 {
		in.Detail += "; changes to `" + strings.Join(r.f.paths, "`, `") + "` only"
	}
	return in, nil
}

// history reads the commit graph from the clone, or, when the clone is
// shallow and the API is at hand, from GitHub's compare API. It runs only
// once deployments are found, so a report that finds none never mentions
// the shallow clone.
func (r *deliveryRun) history(ctx context.Context, deploys []delivery.Deployment, since time.Time) (*delivery.History, error) {
	read := deliveryrun.FromClone(r.local)
	if r.api != nil && r.repo.IsShallow(ctx) {
		fmt.Fprintln(r.stderr, "mvc report: shallow clone, reading the commits between deployments from GitHub (fetch-depth: 0 avoids it)")
		read = deliveryrun.FromCompare(r.api.client)
	}
	return read(ctx, deploys, since)
}

// refine limits lead time to --path, then dates squash merges from their
// pull requests' commits.
func (r *deliveryRun) refine(ctx context.Context, f deliveryrun.Facts) error {
	if err := r.scope(ctx, f.History); err != nil {
		return err
	}
	r.expandSquashes(ctx, f)
	return nil
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
	if len(commits) == 0 {
		fmt.Fprintf(r.stderr, "mvc report: warning: no commit of the history touches %s, so no lead time is measured: check --path (relative to the repository root)\n", strings.Join(r.f.paths, ", "))
	}
	return nil
}

// query selects the deployments; deliveryrun sets how far back.
func (r *deliveryRun) query() delivery.Query {
	return delivery.Query{
		Environment: r.f.environment, Workflow: r.f.workflow, TagPattern: r.f.tagPattern,
		ExcludePrereleases: r.f.excludePrereleases,
	}
}
