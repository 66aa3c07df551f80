package github

import (
	"context"
	"fmt"
	"net/http"
	"slices"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer"
	"github.com/mvcbot/mvc/analyzer/delivery"
	"github.com/mvcbot/mvc/analyzer/size"
)

// MergedPullRequests lists the pull requests merged into base (any base
// when empty) and last updated since `since`: closed pull requests,
// most recently updated first, 100 a page, until a page ends before
// since. A pull request merged before since but updated after it is kept;
// the window decides later what counts.
func (c *Client) MergedPullRequests(ctx context.Context, base string, since time.Time) ([]delivery.PullRequest, error) {
	var out []delivery.PullRequest
	opts := &gh.PullRequestListOptions{State: "closed", Base: base, Sort: "updated", Direction: "desc", ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		page, resp, err := c.gh.PullRequests.List(ctx, c.owner, c.repo, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list closed pull requests of %s/%s (page %d)", c.owner, c.repo, max(opts.Page, 1)), err)
		}
		for _, p := range page {
			if p.MergedAt != nil && p.GetMergeCommitSHA() != "" {
				out = append(out, mergedPullOf(p))
			}
		}
		if resp.NextPage == 0 || len(page) == 0 || page[len(page)-1].GetUpdatedAt().Before(since) {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}

func mergedPullOf(p *gh.PullRequest) delivery.PullRequest {
	out := delivery.PullRequest{
		Number: p.GetNumber(), Title: p.GetTitle(), Body: p.GetBody(), Author: p.GetUser().GetLogin(),
		HeadRef: p.GetHead().GetRef(), Created: p.GetCreatedAt().Time, Merged: p.GetMergedAt().Time,
		MergeSHA: p.GetMergeCommitSHA(),
	}
	for _, l := range p.Labels {
		out.Labels = append(out.Labels, l.GetName())
	}
	return out
}

// DetailPullRequest reads what the lead-time stages and the size table
// need of one pull request: its commits (the first author date), its
// reviews (the first by someone else, the first approval) and its files,
// measured with policy. That is three requests or more. When the files
// cannot be listed (GitHub refuses very large diffs), the size falls back
// to additions + deletions, one more request.
//
// A FirstCommit already set (from the squash lookups, which read the same
// commits) is kept, and saves the commits request.
func (c *Client) DetailPullRequest(ctx context.Context, p *delivery.PullRequest, policy size.Policy) error {
	if p.FirstCommit.IsZero() {
		dates, err := c.pullCommitDates(ctx, p.Number)
		if err != nil {
			return err
		}
		for _, d := range dates {
			p.FirstCommit = earliest(p.FirstCommit, d)
		}
	}
	if err := c.readReviews(ctx, p); err != nil {
		return err
	}
	if err := c.measurePull(ctx, p, policy); err != nil {
		return err
	}
	p.Detailed = true
	return nil
}

func (c *Client) readReviews(ctx context.Context, p *delivery.PullRequest) error {
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		page, resp, err := c.gh.PullRequests.ListReviews(ctx, c.owner, c.repo, p.Number, opts)
		if err != nil {
			return apiError(fmt.Sprintf("list reviews of pull request %d (page %d)", p.Number, max(opts.Page, 1)), err)
		}
		for _, r := range page {
			at := r.GetSubmittedAt().Time
			// A review by the author, or one still pending, is no pickup.
			if r.GetUser().GetLogin() == p.Author || at.IsZero() || r.GetState() == "PENDING" {
				continue
			}
			p.FirstReview = earliest(p.FirstReview, at)
			if r.GetState() == "APPROVED" {
				p.Approved = earliest(p.Approved, at)
			}
		}
		if resp.NextPage == 0 {
			return nil
		}
		opts.Page = resp.NextPage
	}
}

func earliest(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

// measurePull sizes the pull request from its files, or, when GitHub will
// not list them, from its additions and deletions.
func (c *Client) measurePull(ctx context.Context, p *delivery.PullRequest, policy size.Policy) error {
	files, err := c.listFiles(ctx, p.Number)
	if err == nil {
		change := analyzer.Change{Labels: p.Labels}
		for _, f := range files {
			change.Files = append(change.Files, c.fileChange(f))
		}
		r := size.Measure(change, policy)
		p.Size, p.Weighted, p.SizeFrom = string(r.Size), r.WeightedLines, "files"
		return nil
	}
	if !slices.Contains([]int{http.StatusNotAcceptable, http.StatusUnprocessableEntity, http.StatusNotFound}, StatusCode(err)) {
		return err
	}
	pr, err := c.PullRequest(ctx, p.Number)
	if err != nil {
		return err
	}
	p.Weighted = pr.Additions + pr.Deletions
	p.Size, p.SizeFrom = string(policy.Buckets.Size(p.Weighted)), "additions+deletions"
	return nil
}
