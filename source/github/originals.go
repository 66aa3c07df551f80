package github

import (
	"context"
	"fmt"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// PullRequestOriginals finds, for each of shas (the first limit of them),
// the merged pull request whose merge commit it is, and returns the author
// dates of that pull request's own commits: what a squash commit stands
// for. It costs one request per SHA and one per pull request found (more
// for a pull request with over 100 commits; GitHub lists at most 250).
// SHAs that merged no pull request are left out.
func (c *Client) PullRequestOriginals(ctx context.Context, shas []string, limit int) (map[string][]time.Time, error) {
	out := map[string][]time.Time{}
	for _, sha := range shas[:min(len(shas), max(limit, 0))] {
		number, err := c.mergedPullOf(ctx, sha)
		if err != nil {
			return nil, err
		}
		if number == 0 {
			continue
		}
		dates, err := c.pullCommitDates(ctx, number)
		if err != nil {
			return nil, err
		}
		out[sha] = dates
	}
	return out, nil
}

// mergedPullOf returns the number of the merged pull request whose merge
// commit is sha, or 0.
func (c *Client) mergedPullOf(ctx context.Context, sha string) (int, error) {
	pulls, _, err := c.gh.PullRequests.ListPullRequestsWithCommit(ctx, c.owner, c.repo, sha, &gh.ListOptions{PerPage: perPage})
	if err != nil {
		return 0, apiError(fmt.Sprintf("list pull requests of commit %s", sha), err)
	}
	for _, p := range pulls {
		if p.MergedAt != nil && p.GetMergeCommitSHA() == sha {
			return p.GetNumber(), nil
		}
	}
	return 0, nil
}

func (c *Client) pullCommitDates(ctx context.Context, number int) ([]time.Time, error) {
	var out []time.Time
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		page, resp, err := c.gh.PullRequests.ListCommits(ctx, c.owner, c.repo, number, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list commits of pull request %d (page %d)", number, max(opts.Page, 1)), err)
		}
		for _, rc := range page {
			out = append(out, rc.GetCommit().GetAuthor().GetDate().Time)
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}
