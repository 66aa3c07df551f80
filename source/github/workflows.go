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
// first deployment. GitHub returns at most 1,000 runs per filtered query.
func (c *Client) WorkflowRuns(ctx context.Context, workflow, branch string, since time.Time) ([]delivery.RunRecord, error) {
	list, err := c.workflowLister(ctx, workflow)
	if err != nil {
		return nil, err
	}
	cutoff := since.Add(-statusSlack).UTC().Format(time.RFC3339)
	opts := &gh.ListWorkflowRunsOptions{Branch: branch, Status: "success", Created: ">=" + cutoff, ListOptions: gh.ListOptions{PerPage: perPage}}
	var out []delivery.RunRecord
	for {
		runs, next, err := list(ctx, opts)
		if err != nil {
			return nil, err
		}
		out = append(out, runs...)
		if next == 0 {
			break
		}
		opts.Page = next
	}
	before := &gh.ListWorkflowRunsOptions{Branch: branch, Status: "success", Created: "<" + cutoff, ListOptions: gh.ListOptions{PerPage: 1}}
	pred, _, err := list(ctx, before)
	if err != nil {
		return nil, err
	}
	return append(out, pred...), nil
}

// runLister lists one page of a workflow's runs.
type runLister func(context.Context, *gh.ListWorkflowRunsOptions) ([]delivery.RunRecord, int, error)

// workflowLister resolves workflow to a file name or id (a display name
// costs one request to list the workflows) and returns its run lister.
func (c *Client) workflowLister(ctx context.Context, workflow string) (runLister, error) {
	page := func(op string, call func(*gh.ListWorkflowRunsOptions) (*gh.WorkflowRuns, *gh.Response, error)) runLister {
		return func(_ context.Context, opts *gh.ListWorkflowRunsOptions) ([]delivery.RunRecord, int, error) {
			runs, resp, err := call(opts)
			if err != nil {
				return nil, 0, apiError(fmt.Sprintf("list runs of workflow %s (page %d)", op, max(opts.Page, 1)), err)
			}
			return runRecords(runs.WorkflowRuns), resp.NextPage, nil
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
