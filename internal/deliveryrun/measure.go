// Package deliveryrun is the one delivery measurement every front door
// runs (the `mvc report` command, the Action's pr and report modes): pick
// the deploy source, read the commit history behind the deployments, set
// the options the source implies, read failure signals, compute with
// delivery.ComputeWith and wrap the result for the report. What differs
// between front doors (where history comes from, path scoping, squash
// expansion, which signals, progress lines) comes in as Sources and Hooks,
// so a fix to the flow lands here once.
//
// It sits between the adapters (source/gitrepo, source/github) and the
// pure core (analyzer/delivery): it does I/O only through what it is given.
package deliveryrun

import (
	"context"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/report"
)

// Sources are where a measurement reads deployments and commits.
type Sources struct {
	// Clone reads tags and merges from git at no API cost
	// (gitrepo.Deliveries); nil without a checkout. It is asked first.
	Clone delivery.Provider
	// GitHub reads deployments, workflow runs and releases
	// (github.Deliveries); nil without the API.
	GitHub delivery.Provider
	// History reads the commit graph behind the picked deployments
	// (FromClone, FromCompare, or the caller's choice between them).
	History HistoryReader
}

// providers are the clone first (tags and merges cost no API call), then
// the API.
func (s Sources) providers() []delivery.Provider {
	var out []delivery.Provider
	if s.Clone != nil {
		out = append(out, s.Clone)
	}
	if s.GitHub != nil {
		out = append(out, s.GitHub)
	}
	return out
}

// Request is what to measure.
type Request struct {
	// Source is the deploy source asked for; delivery.SourceAuto takes the
	// first with deployments and says so in the report.
	Source string
	// Query selects the deployments. Its Since is set by Measure from
	// Options: the window and the one before it, which the trend compares
	// with.
	Query delivery.Query
	// Options are the window, environment, edition and failure rules;
	// Measure sets Source, and clears Environment for a source that has
	// none.
	Options delivery.Options
}

// Facts are what the hooks work on: the picked deployments, the history
// behind them, the options for the picked source and the query that found
// them (Since filled in).
type Facts struct {
	Deployments []delivery.Deployment
	History     *delivery.History
	Options     delivery.Options
	Query       delivery.Query
}

// Shipped tells which of shas a deployment in the window shipped
// (delivery.ShippedIn).
func (f Facts) Shipped(shas []string) map[string]bool {
	return delivery.ShippedIn(f.History, f.Deployments, f.Options, shas)
}

// Hooks are what a front door adds to the flow; nil hooks do nothing.
type Hooks struct {
	// Progress reports a finished step (found, read, computed).
	Progress func(format string, args ...any)
	// Refine edits the history before anything reads it: limiting lead
	// time to some paths, dating squash merges from their pull requests'
	// commits. An error stops the measurement.
	Refine func(ctx context.Context, f Facts) error
	// Signals reads the failure signals the history does not carry
	// (incidents, labelled hotfixes, revert pull requests); nil leaves
	// failures to git alone: rollbacks, revert commits, hotfix merges.
	Signals func(ctx context.Context, f Facts) delivery.Signals
}

func (h Hooks) progress(format string, args ...any) {
	if h.Progress != nil {
		h.Progress(format, args...)
	}
}

// Measure picks the deploy source, reads the history behind its
// deployments once, and computes the delivery metrics of req's window.
// Errors from picking, reading the history and Refine come back as they
// are: callers word them for their users.
func Measure(ctx context.Context, src Sources, req Request, hooks Hooks) (report.Delivery, error) {
	q := req.Query
	q.Since = lookback(req.Options)
	choice, err := delivery.Pick(ctx, src.providers(), q, req.Source)
	if err != nil {
		return report.Delivery{}, err
	}
	hooks.progress("found %d deployments (source %s)", len(choice.Deployments), choice.Source)
	h, err := src.History(ctx, choice.Deployments, q.Since)
	if err != nil {
		return report.Delivery{}, err
	}
	hooks.progress("read %d commits", h.Len())
	f := Facts{Deployments: choice.Deployments, History: h, Options: sourceOptions(req.Options, choice.Source), Query: q}
	if hooks.Refine != nil {
		if err := hooks.Refine(ctx, f); err != nil {
			return report.Delivery{}, err
		}
	}
	var sig delivery.Signals
	if hooks.Signals != nil {
		sig = hooks.Signals(ctx, f)
	}
	m := delivery.ComputeWith(h, f.Deployments, sig, f.Options)
	hooks.progress("computed metrics")
	return report.Delivery{
		Metrics: m,
		Detail:  report.DeliverySourceDetail(choice.Source, q),
		Auto:    req.Source == delivery.SourceAuto,
		Skipped: choice.Skipped,
	}, nil
}

// lookback is where deployments are read from: the window and the one
// before it, since the trend compares with it.
func lookback(opts delivery.Options) time.Time {
	return delivery.NewWindow(opts.Until, 2*opts.WindowDays).Start
}

// sourceOptions are opts for the picked source.
func sourceOptions(opts delivery.Options, source string) delivery.Options {
	opts.Source = source
	if source != delivery.SourceDeployments {
		// Only GitHub deployments carry an environment; other sources are
		// the unit's production by definition.
		opts.Environment = ""
	}
	return opts
}
