package github

import (
	"context"
	"fmt"
	"time"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
)

// SignalOptions say what DeliverySignals reads.
type SignalOptions struct {
	IncidentLabel string // default "incident"
	HotfixLabel   string // default "hotfix"
	HotfixBranch  string // default "hotfix/"
	// Lookback is how far back merged pull requests are listed (by last
	// update): the window and the one before it, so reverts of pull
	// requests merged just before the window resolve.
	Lookback time.Time
	// WindowStart is where incidents are listed from.
	WindowStart time.Time
	// Shipped tells which merge commits a deployment in the window
	// shipped (delivery.ShippedIn): only those are looked up in detail.
	Shipped func(mergeSHAs []string) map[string]bool
	// MaxLookups caps the detailed lookups (three requests or more each),
	// newest merge first; 0 looks up none.
	MaxLookups int
	Policy     size.Policy // sizes pull requests as mvc labels them
	// CommitDates are pull requests' commit author dates already read,
	// by merge commit (PullRequestOriginals' answer): they save a request
	// per pull request.
	CommitDates map[string][]time.Time
}

// DeliverySignals reads what only GitHub knows about failures and pull
// requests, for delivery.ComputeWith: merged pull requests (hotfixes,
// GitHub revert pull requests, and for those the window shipped their
// commits, reviews and size) and incident issues. A source that fails is
// reported as not read and its error returned in warnings: a report
// without incidents is still a report. Cost: one request per 100 pull
// requests and per 100 incidents, plus three or more per lookup.
func (c *Client) DeliverySignals(ctx context.Context, o SignalOptions) (delivery.Signals, []error) {
	o = o.withDefaults()
	var warnings []error
	sig := delivery.Signals{}
	pulls, err := c.MergedPullRequests(ctx, "", o.Lookback)
	if err != nil {
		warnings = append(warnings, fmt.Errorf("hotfix and revert pull requests not read: %w", err))
	} else {
		warnings = append(warnings, c.detailShipped(ctx, pulls, o)...)
		sig = delivery.SignalsFromPulls(pulls, o.HotfixLabel, o.HotfixBranch)
	}
	merged := make(map[int]string, len(pulls))
	for _, p := range pulls {
		merged[p.Number] = p.MergeSHA
	}
	incidents, err := c.Incidents(ctx, o.IncidentLabel, o.WindowStart, merged)
	if err != nil {
		return sig, append(warnings, fmt.Errorf("incidents not read: %w", err))
	}
	sig.Incidents, sig.IncidentsRead = incidents, true
	return sig, warnings
}

func (o SignalOptions) withDefaults() SignalOptions {
	if o.IncidentLabel == "" {
		o.IncidentLabel = delivery.DefaultIncidentLabel
	}
	if o.HotfixLabel == "" {
		o.HotfixLabel = delivery.DefaultHotfixLabel
	}
	if o.HotfixBranch == "" {
		o.HotfixBranch = delivery.DefaultHotfixBranch
	}
	if o.Shipped == nil {
		o.Shipped = func([]string) map[string]bool { return nil }
	}
	return o
}

// detailShipped looks up the pull requests the window shipped, newest
// merge first (the list's order), within the budget. A failure ends the
// lookups: the rest count for the deploy wait only.
func (c *Client) detailShipped(ctx context.Context, pulls []delivery.PullRequest, o SignalOptions) []error {
	shas := make([]string, len(pulls))
	for i, p := range pulls {
		shas[i] = p.MergeSHA
	}
	shipped := o.Shipped(shas)
	looked := 0
	for i := range pulls {
		if !shipped[pulls[i].MergeSHA] {
			continue
		}
		for _, d := range o.CommitDates[pulls[i].MergeSHA] {
			pulls[i].FirstCommit = earliest(pulls[i].FirstCommit, d)
		}
		if looked == o.MaxLookups {
			return []error{fmt.Errorf("looked up %d of the window's %d pull requests (the lookup budget)", looked, len(shipped))}
		}
		if err := c.DetailPullRequest(ctx, &pulls[i], o.Policy); err != nil {
			return []error{fmt.Errorf("pull request stages and sizes incomplete: %w", err)}
		}
		looked++
	}
	return nil
}
