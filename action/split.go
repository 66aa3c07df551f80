package action

import (
	"context"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/report"
)

// proposeSplit proposes a stack for a too-large pull request. The checkout
// gives the best input (both sides' contents, the base's history, owners);
// without it the API's patches are enough to cut by hunks and names. A
// problem here never fails the size check: the section is left out.
func (r *runner) proposeSplit(ctx context.Context, run *prRun, change analyzer.Change) {
	if run.result.Verdict != size.VerdictTooLarge || !run.result.Exact {
		return
	}
	in := split.Input{Change: change}
	// The stack's bottom part merges into the pull request's base branch.
	run.planOrigin = report.SplitOptions{FromPatches: true, Trunk: run.pr.BaseRef}
	if local := run.local; local != nil {
		mb, err := local.GitString(ctx, "merge-base", run.pr.BaseSHA, run.pr.HeadSHA)
		if err == nil {
			if full, err := local.SplitInput(ctx, mb, run.pr.HeadSHA); err == nil {
				in = full
				run.planOrigin = report.SplitOptions{Trunk: run.pr.BaseRef}
			} else {
				r.gha.Debugf("split input from the checkout: %v", err)
			}
		}
	}
	in.Policy = run.cfg.Size
	plan, err := split.Split(in)
	if err != nil {
		r.gha.Debugf("split proposal skipped: %v", err)
		return
	}
	run.plan = &plan
}
