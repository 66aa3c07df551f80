package github

import (
	"context"
	"fmt"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// The deployment-status budget. Each deployment's statuses cost one
// request, so they are read only for deployments created since the window
// began (less statusSlack: a deployment created just before the window may
// succeed inside it), and then for older ones, newest first, until one
// succeeded: the predecessor of the window's first deployment, which
// decides what that deployment shipped.
const (
	statusSlack           = 24 * time.Hour
	maxPredecessorLookups = 20
)

// DeploymentRecords lists the deployments to environment, newest first, 100
// a page, with their statuses read within the budget above. Deployments
// whose statuses were not read carry none, and so do not count.
func (c *Client) DeploymentRecords(ctx context.Context, environment string, since time.Time) ([]delivery.DeploymentRecord, error) {
	cutoff := since.Add(-statusSlack)
	var out []delivery.DeploymentRecord
	lookups, found := 0, false
	opts := &gh.DeploymentsListOptions{Environment: environment, ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		page, resp, err := c.gh.Repositories.ListDeployments(ctx, c.owner, c.repo, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list %s deployments of %s/%s (page %d)", environment, c.owner, c.repo, max(opts.Page, 1)), err)
		}
		for _, d := range page {
			rec := deploymentRecord(d)
			recent := !rec.Created.Before(cutoff)
			if !recent && (found || lookups >= maxPredecessorLookups) {
				return out, nil
			}
			if rec.Statuses, err = c.deploymentStatuses(ctx, rec.ID); err != nil {
				return nil, err
			}
			if !recent {
				lookups++
				found = len(delivery.FromDeploymentRecords([]delivery.DeploymentRecord{rec}, "")) > 0
			}
			out = append(out, rec)
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}

func deploymentRecord(d *gh.Deployment) delivery.DeploymentRecord {
	return delivery.DeploymentRecord{
		ID: d.GetID(), SHA: d.GetSHA(), Environment: d.GetEnvironment(), Created: d.GetCreatedAt().Time,
	}
}

// deploymentStatuses reads every status of one deployment (all pages).
func (c *Client) deploymentStatuses(ctx context.Context, id int64) ([]delivery.StatusRecord, error) {
	var out []delivery.StatusRecord
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		page, resp, err := c.gh.Repositories.ListDeploymentStatuses(ctx, c.owner, c.repo, id, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list statuses of deployment %d (page %d)", id, max(opts.Page, 1)), err)
		}
		for _, s := range page {
			out = append(out, delivery.StatusRecord{ID: s.GetID(), State: s.GetState(), Created: s.GetCreatedAt().Time})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}
