package main

import (
	"context"
	"fmt"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/source/github"
)

// signals reads the failure signals only the API knows (see
// github.DeliverySignals). Locally the history carries rollbacks, revert
// commits and hotfix branch merges, so without --github this reads
// nothing. What could not be read is said on stderr; the report goes on.
func (r *deliveryRun) signals(ctx context.Context, h *delivery.History, deploys []delivery.Deployment, opts delivery.Options) delivery.Signals {
	if r.api == nil {
		return delivery.Signals{}
	}
	s := r.f.stability
	sig, warnings := r.api.client.DeliverySignals(ctx, github.SignalOptions{
		IncidentLabel: s.incidentLabel, HotfixLabel: s.hotfixLabel, HotfixBranch: s.hotfixBranch,
		Lookback: r.query().Since, WindowStart: delivery.NewWindow(opts.Until, opts.WindowDays).Start,
		Shipped: func(shas []string) map[string]bool {
			return delivery.ShippedIn(h, deploys, opts, shas)
		},
		MaxLookups: r.f.prLookups, Policy: r.sizePolicy(ctx), CommitDates: r.originals,
	})
	for _, w := range warnings {
		fmt.Fprintf(r.stderr, "mvc report: %v\n", w)
	}
	r.progress.step("read %d merged pull requests and %d incidents", len(sig.Pulls), len(sig.Incidents))
	return sig
}

// sizePolicy is the repository's size policy (.github/mvc.yml in the
// working tree, else the defaults): PRs are bucketed as mvc labels them.
func (r *deliveryRun) sizePolicy(ctx context.Context) size.Policy {
	policy, _, err := loadPolicy(ctx, r.repo, "", config.Inputs{})
	if err != nil {
		fmt.Fprintf(r.stderr, "mvc report: sizing pull requests with the default policy: %v\n", err)
		return size.DefaultPolicy()
	}
	return policy
}
