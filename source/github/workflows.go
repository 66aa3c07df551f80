package github

import (
	"context"
	"fmt"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// WorkflowRuns lists the successful runs of workflow (a file name such as
// deploy.yml, or the workflow's display name) on branch: every run
// created since the window began (less statusSlack), 100 a page, plus the
// latest successful run before that, the predecessor of the window's
// first deployment.
//
// GitHub lists at most 1,000 runs for a filtered query, newest first, and
// says in total_count how many there are: past that, the oldest runs of
// the window would be dropped without a word. So when total_count says
// more, the created range is halved until each part lists whole.
func (c *Client) WorkflowRuns(ctx context.Context, workflow, branch string, since time.Time) ([]delivery.RunRecord, error) {
	list, err := c.workflowLister(ctx, workflow)
	if err != nil {
		return nil, err
	}
	cutoff := since.Add(-statusSlack).UTC().Truncate(time.Second)
	first, err := list(ctx, &gh.ListWorkflowRunsOptions{Branch: branch, Status: "success", Created: ">=" + cutoff.Format(time.RFC3339), ListOptions: gh.ListOptions{PerPage: perPage}})
	if err != nil {
		return nil, err
	}
	var out []delivery.RunRecord
	if first.total <= filteredRunsCap {
		out, err = listAll(ctx, list, first)
	} else { // the newest run listed first bounds the range from above
		out, err = runsCreated(ctx, list, branch, cutoff, first.newest)
	}
	if err != nil {
		return nil, err
	}
	before := &gh.ListWorkflowRunsOptions{Branch: branch, Status: "success", Created: "<" + cutoff.Format(time.RFC3339), ListOptions: gh.ListOptions{PerPage: 1}}
	pred, err := list(ctx, before)
	if err != nil {
		return nil, err
	}
	return append(out, pred.runs...), nil
}

// filteredRunsCap is how many runs GitHub lists for a query filtered by
// branch, status or created (among others), whatever total_count says.
const filteredRunsCap = 1000

// runsCreated lists the runs created from from to to (both included, to
// the second), halving the range while GitHub counts more than it lists.
func runsCreated(ctx context.Context, list runLister, branch string, from, to time.Time) ([]delivery.RunRecord, error) {
	opts := &gh.ListWorkflowRunsOptions{Branch: branch, Status: "success",
		Created: from.Format(time.RFC3339) + ".." + to.Format(time.RFC3339), ListOptions: gh.ListOptions{PerPage: perPage}}
	first, err := list(ctx, opts)
	if err != nil || first.total <= filteredRunsCap {
		if err != nil {
			return nil, err
		}
		return listAll(ctx, list, first)
	}
	if !to.After(from) {
		return nil, fmt.Errorf("list workflow runs created at %s: GitHub counts %d, more than the %d it lists for one query", from.Format(time.RFC3339), first.total, filteredRunsCap)
	}
	mid := from.Add(to.Sub(from) / 2).Truncate(time.Second)
	older, err := runsCreated(ctx, list, branch, from, mid)
	if err != nil {
		return nil, err
	}
	newer, err := runsCreated(ctx, list, branch, mid.Add(time.Second), to)
	if err != nil {
		return nil, err
	}
	return append(newer, older...), nil
}

// listAll reads the pages after first.
func listAll(ctx context.Context, list runLister, first runPage) ([]delivery.RunRecord, error) {
	out := first.runs
	for p := first; p.next != 0; {
		opts := *p.opts
		opts.Page = p.next
		var err error
		if p, err = list(ctx, &opts); err != nil {
			return nil, err
		}
		out = append(out, p.runs...)
	}
	return out, nil
}

// runPage is one page of a workflow's runs.
type runPage struct {
	runs   []delivery.RunRecord
	total  int       // total_count: every run the query matches
	newest time.Time // when the page's first run was created
	next   int       // the next page, 0 for none
	opts   *gh.ListWorkflowRunsOptions
}

// runLister lists one page of a workflow's runs.
type runLister func(context.Context, *gh.ListWorkflowRunsOptions) (runPage, error)

// workflowLister resolves workflow to a file name or id (a display name
// costs one request to list the workflows) and returns its run lister.
func (c *Client) workflowLister(ctx context.Context, workflow string) (runLister, error) {
	page := func(op string, call func(*gh.ListWorkflowRunsOptions) (*gh.WorkflowRuns, *gh.Response, error)) runLister {
		return func(_ context.Context, opts *gh.ListWorkflowRunsOptions) (runPage, error) {
			runs, resp, err := call(opts)
			if err != nil {
				return runPage{}, apiError(fmt.Sprintf("list runs of workflow %s (page %d)", op, max(opts.Page, 1)), err)
			}
			p := runPage{runs: runRecords(runs.WorkflowRuns), total: runs.GetTotalCount(), next: resp.NextPage, opts: opts}
			if len(runs.WorkflowRuns) > 0 {
				p.newest = runs.WorkflowRuns[0].GetCreatedAt().UTC().Truncate(time.Second).Add(time.Second)
			}
			return p, nil
		}
	}
	if isWorkflowFile(workflow) {
		return page(workflow, func(o *gh.ListWorkflowRunsOptions) (*gh.WorkflowRuns, *gh.Response, error) {
			return c.gh.Actions.ListWorkflowRunsByFileName(ctx, c.owner, c.repo, workflow, o)
		}), nil
	}
	id, err := c.workflowID(ctx, workflow)
	if err != nil {
		return nil, err
	}
	return page(fmt.Sprintf("%q", workflow), func(o *gh.ListWorkflowRunsOptions) (*gh.WorkflowRuns, *gh.Response, error) {
		return c.gh.Actions.ListWorkflowRunsByID(ctx, c.owner, c.repo, id, o)
	}), nil
}

func isWorkflowFile(name string) bool {
	return strings.HasSuffix(name, ".yml") || strings.HasSuffix(name, ".yaml")
}

// workflowID finds a workflow by its display name (case-insensitive).
func (c *Client) workflowID(ctx context.Context, name string) (int64, error) {
	var names []string
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		wfs, resp, err := c.gh.Actions.ListWorkflows(ctx, c.owner, c.repo, opts)
		if err != nil {
			return 0, apiError(fmt.Sprintf("list workflows of %s/%s", c.owner, c.repo), err)
		}
		for _, w := range wfs.Workflows {
			if strings.EqualFold(w.GetName(), name) {
				return w.GetID(), nil
			}
			names = append(names, fmt.Sprintf("%q (%s)", w.GetName(), w.GetPath()))
		}
		if resp.NextPage == 0 {
			return 0, workflowNotFound(name, c.owner+"/"+c.repo, names)
		}
		opts.Page = resp.NextPage
	}
}

func workflowNotFound(name, repo string, names []string) error {
	if len(names) == 0 {
		return fmt.Errorf("workflow %q not found: %s has no workflows", name, repo)
	}
	return fmt.Errorf("workflow %q not found in %s: name one of %s, or give its file name such as deploy.yml",
		name, repo, strings.Join(names, ", "))
}

func runRecords(runs []*gh.WorkflowRun) []delivery.RunRecord {
	out := make([]delivery.RunRecord, len(runs))
	for i, r := range runs {
		out[i] = delivery.RunRecord{
			ID: r.GetID(), Attempt: r.GetRunAttempt(), SHA: r.GetHeadSHA(), Branch: r.GetHeadBranch(),
			Event: r.GetEvent(), Conclusion: r.GetConclusion(), Completed: r.GetUpdatedAt().Time,
		}
	}
	return out
}

// DefaultBranch reads the repository's default branch (one request).
func (c *Client) DefaultBranch(ctx context.Context) (string, error) {
	repo, _, err := c.gh.Repositories.Get(ctx, c.owner, c.repo)
	if err != nil {
		return "", apiError(fmt.Sprintf("get repository %s/%s", c.owner, c.repo), err)
	}
	return repo.GetDefaultBranch(), nil
}
