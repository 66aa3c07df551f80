package main

import (
	"context"
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/internal/deliveryrun"
	"github.com/mvcbot/mvc/source/github"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// reportAPI is the GitHub side of `mvc report --github owner/repo`.
type reportAPI struct {
	client     *github.Client
	deliveries *github.Deliveries
}

// newReportAPI connects to owner/repo with GITHUB_TOKEN (GITHUB_API_URL
// for GitHub Enterprise). Tags it lists are dated from the local history.
func newReportAPI(ctx context.Context, e *env, full string, local *gitrepo.Deliveries) (*reportAPI, error) {
	owner, name, ok := strings.Cut(full, "/")
	if !ok || owner == "" || name == "" || strings.Contains(name, "/") {
		return nil, usagef("--github %q: use owner/repo, such as octo/app", full)
	}
	token := e.getenv("GITHUB_TOKEN")
	if token == "" {
		return nil, usagef("--github reads the GitHub API and needs a token: set GITHUB_TOKEN")
	}
	c, err := github.NewClient(ctx, github.Options{BaseURL: e.getenv("GITHUB_API_URL"), Token: token, Owner: owner, Repo: name})
	if err != nil {
		return nil, usagef("%v", err)
	}
	d := github.NewDeliveries(c)
	d.History = func(ctx context.Context) (*delivery.History, error) { return local.History(ctx) }
	return &reportAPI{client: c, deliveries: d}, nil
}

// summary says how many API requests the report cost: every call counts.
func (a *reportAPI) summary() string {
	s := a.client.Stats()
	return fmt.Sprintf("%s (%d retried)", count(s.Reads+s.Writes, "GitHub API request", "GitHub API requests"), s.Retries)
}

// expandSquashes asks the API for the original commits of the squash
// merges the window shipped, so their lead time starts when the work was
// written, not when it was squashed. A failure here costs precision, not
// the report: it is said on stderr and the commits keep their own dates.
func (r *deliveryRun) expandSquashes(ctx context.Context, f deliveryrun.Facts) {
	if r.api == nil || r.f.prLookups <= 0 {
		return
	}
	candidates := delivery.SquashCandidates(f.History, f.Deployments, f.Options)
	if len(candidates) == 0 {
		return
	}
	originals, err := r.api.client.PullRequestOriginals(ctx, candidates, r.f.prLookups)
	if err != nil {
		fmt.Fprintf(r.stderr, "mvc report: squash merges keep their own dates: %v\n", err)
		return
	}
	f.History.SetOriginals(originals)
	r.originals = originals
	if len(candidates) > r.f.prLookups {
		fmt.Fprintf(r.stderr, "mvc report: looked up the pull requests of %d of %d GitHub-made commits (--max-pr-lookups)\n", r.f.prLookups, len(candidates))
	}
	r.progress.step("looked up %d pull requests", min(len(candidates), r.f.prLookups))
}
