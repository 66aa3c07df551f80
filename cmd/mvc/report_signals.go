package main

import (
	"context"
	"fmt"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
)

// signals reads the failure signals only the API knows: merged pull
// requests (hotfixes, GitHub revert pull requests, and the per-PR stages
// and sizes) and incident issues. Locally the history carries rollbacks,
// revert commits and hotfix branch merges, so without --github this reads
// nothing. A failed read costs that signal, not the report: it is said on
// stderr and the signal is reported as not read.
func (r *deliveryRun) signals(ctx context.Context, h *delivery.History, deploys []delivery.Deployment, opts delivery.Options) delivery.Signals {
	if r.api == nil {
		return delivery.Signals{}
	}
	s := r.f.stability
	sig := delivery.Signals{}
	pulls, err := r.api.client.MergedPullRequests(ctx, "", r.query().Since)
	if err != nil {
		fmt.Fprintf(r.stderr, "mvc report: hotfix and revert pull requests not read: %v\n", err)
	} else {
		r.detailPulls(ctx, h, deploys, opts, pulls)
		sig = delivery.SignalsFromPulls(pulls, s.hotfixLabel, s.hotfixBranch)
		r.progress.step("read %d merged pull requests", len(pulls))
	}
	merged := make(map[int]string, len(pulls))
	for _, p := range pulls {
		merged[p.Number] = p.MergeSHA
	}
	win := delivery.NewWindow(opts.Until, opts.WindowDays)
	incidents, err := r.api.client.Incidents(ctx, s.incidentLabel, win.Start, merged)
	if err != nil {
		fmt.Fprintf(r.stderr, "mvc report: incidents not read: %v\n", err)
		return sig
	}
	sig.Incidents, sig.IncidentsRead = incidents, true
	return sig
}

// detailPulls reads the commits, reviews and files of the pull requests
// the window shipped, newest merge first, up to --max-pr-lookups (three
// requests or more each). A failure stops the lookups, not the report.
func (r *deliveryRun) detailPulls(ctx context.Context, h *delivery.History, deploys []delivery.Deployment, opts delivery.Options, pulls []delivery.PullRequest) {
	shas := make([]string, len(pulls))
	for i, p := range pulls {
		shas[i] = p.MergeSHA
	}
	shipped := delivery.ShippedIn(h, deploys, opts, shas)
	policy := r.sizePolicy(ctx)
	looked := 0
	for i := range pulls {
		if !shipped[pulls[i].MergeSHA] {
			continue
		}
		if looked == r.f.prLookups {
			fmt.Fprintf(r.stderr, "mvc report: looked up %d of the window's %d pull requests (--max-pr-lookups)\n", looked, len(shipped))
			return
		}
		if err := r.api.client.DetailPullRequest(ctx, &pulls[i], policy); err != nil {
			fmt.Fprintf(r.stderr, "mvc report: pull request stages and sizes incomplete: %v\n", err)
			return
		}
		looked++
	}
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
