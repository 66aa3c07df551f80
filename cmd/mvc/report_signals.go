package main

import (
	"context"
	"fmt"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/internal/deliveryrun"
	"github.com/mvcbot/mvc/source/github"
)

// signals reads the failure signals only the API knows (see
// github.DeliverySignals); it runs with --github only, since locally the
// history carries rollbacks, revert commits and hotfix branch merges.
// What could not be read is said on stderr; the report goes on.
func (r *deliveryRun) signals(ctx context.Context, f deliveryrun.Facts) delivery.Signals {
	s := r.f.stability
	sig, warnings := deliveryrun.ReadSignals(ctx, r.api.client, f, github.SignalOptions{
		IncidentLabel: s.incidentLabel, HotfixLabel: s.hotfixLabel, HotfixBranch: s.hotfixBranch,
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
