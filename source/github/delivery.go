package github

import (
	"context"
	"fmt"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// Deliveries is the GitHub API as a delivery.Provider: the deployments,
// workflow, releases and tags sources. Reads are cached for the run, so
// releases and tags share one tag listing.
type Deliveries struct {
	c *Client
	// History supplies the commit graph tags are dated from (GitHub's tag
	// list has no dates); nil leaves the tags source to the local clone.
	History func(ctx context.Context) (*delivery.History, error)
	// Branch is the default branch, whose workflow runs are deployments;
	// empty means ask GitHub (one request). The Action knows it from the
	// event payload.
	Branch string

	tags []delivery.Tag
}

// NewDeliveries returns the delivery sources of c's repository.
func NewDeliveries(c *Client) *Deliveries { return &Deliveries{c: c} }

// Supports reports the sources the API can read.
func (d *Deliveries) Supports(source string) bool {
	switch source {
	case delivery.SourceDeployments, delivery.SourceWorkflow, delivery.SourceReleases:
		return true
	case delivery.SourceTags:
		return d.History != nil
	}
	return false
}

// Deployments reads q.Source's successful deployments. GitHub's refusal
// to show the source (403, 404) comes back as a *delivery.NoAccessError,
// which auto passes over; any other failure stops it.
func (d *Deliveries) Deployments(ctx context.Context, q delivery.Query) ([]delivery.Deployment, error) {
	deploys, err := d.deployments(ctx, q)
	if reason := noAccessReason(q.Source, err); reason != "" {
		return nil, &delivery.NoAccessError{Reason: reason, Err: err}
	}
	return deploys, err
}

// noAccessReason words, in a few words for a report's source line, an
// answer that the token may not read the source, or is "" for any other
// error. GitHub answers 404 for what a token may not see as well as for
// what does not exist, so a 404 on a named workflow's runs says both.
func noAccessReason(source string, err error) string {
	switch {
	case err == nil:
		return ""
	case IsPermission(err): // a 403 that is not a rate limit
		return "no access (403)"
	case IsNotFound(err) && source == delivery.SourceWorkflow:
		return "no such workflow, or no access (404)"
	case IsNotFound(err):
		return "no access (404)"
	}
	return ""
}

func (d *Deliveries) deployments(ctx context.Context, q delivery.Query) ([]delivery.Deployment, error) {
	switch q.Source {
	case delivery.SourceDeployments:
		recs, err := d.c.DeploymentRecords(ctx, q.Environment, q.Since)
		if err != nil {
			return nil, err
		}
		return delivery.FromDeploymentRecords(recs, q.Environment), nil
	case delivery.SourceWorkflow:
		return d.workflowDeployments(ctx, q)
	case delivery.SourceReleases:
		return d.releaseDeployments(ctx, q)
	case delivery.SourceTags:
		if d.Supports(q.Source) {
			return d.tagDeployments(ctx, q)
		}
	}
	return nil, fmt.Errorf("%s: %w", q.Source, delivery.ErrUnavailable)
}

func (d *Deliveries) workflowDeployments(ctx context.Context, q delivery.Query) ([]delivery.Deployment, error) {
	if d.Branch == "" {
		b, err := d.c.DefaultBranch(ctx)
		if err != nil {
			return nil, err
		}
		d.Branch = b
	}
	runs, err := d.c.WorkflowRuns(ctx, q.Workflow, d.Branch, q.Since)
	if err != nil {
		return nil, err
	}
	return delivery.FromRuns(runs, d.Branch), nil
}

func (d *Deliveries) releaseDeployments(ctx context.Context, q delivery.Query) ([]delivery.Deployment, error) {
	tags, err := d.tagList(ctx)
	if err != nil {
		return nil, err
	}
	shas := make(map[string]string, len(tags))
	for _, t := range tags {
		shas[t.Name] = t.SHA
	}
	rels, err := d.c.ReleaseRecords(ctx, shas)
	if err != nil {
		return nil, err
	}
	return delivery.FromReleases(rels, q.ExcludePrereleases), nil
}

func (d *Deliveries) tagDeployments(ctx context.Context, q delivery.Query) ([]delivery.Deployment, error) {
	tags, err := d.tagList(ctx)
	if err != nil {
		return nil, err
	}
	h, err := d.History(ctx)
	if err != nil {
		return nil, err
	}
	return delivery.TagDeployments(tags, q.TagPattern, h), nil
}

func (d *Deliveries) tagList(ctx context.Context) ([]delivery.Tag, error) {
	if d.tags != nil {
		return d.tags, nil
	}
	tags, err := d.c.TagList(ctx)
	if err != nil {
		return nil, err
	}
	d.tags = append([]delivery.Tag{}, tags...)
	return d.tags, nil
}
