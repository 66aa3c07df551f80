package github

import (
	"context"
	"fmt"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// CompareHistory builds the part of the commit graph that deployments
// since `since` need, for a checkout without history (a shallow clone):
// for each deployment from the last one before since on, in time order,
// the commits between the previous deployment and it (GET
// compare/{previous}...{sha}, 100 a page, every page), with parents, dates
// and committer. The deployment before since has no predecessor here, so
// it ships nothing measured, as the first deployment ever would not.
// It costs one request per deployment (more past 100 commits each).
func (c *Client) CompareHistory(ctx context.Context, deploys []delivery.Deployment, since time.Time) (*delivery.History, error) {
	ordered := append([]delivery.Deployment(nil), deploys...)
	delivery.SortByTime(ordered)
	start := 0
	for i, d := range ordered {
		if !d.At.After(since) {
			start = i
		}
	}
	var commits []delivery.Commit
	for i := start + 1; i < len(ordered); i++ {
		base, head := ordered[i-1].SHA, ordered[i].SHA
		if base == head {
			continue
		}
		found, err := c.compareCommits(ctx, base, head)
		if err != nil {
			return nil, err
		}
		commits = append(commits, found...)
	}
	h := delivery.NewHistory(commits)
	// Compare answers carry each commit's message: revert lines and
	// hotfix branch merges are read as from a local walk.
	h.SetMessagesRead()
	return h, nil
}

// compareCommits lists base...head: the base commit, then every commit
// head has that base lacks.
func (c *Client) compareCommits(ctx context.Context, base, head string) ([]delivery.Commit, error) {
	var out []delivery.Commit
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		cmp, resp, err := c.gh.Repositories.CompareCommits(ctx, c.owner, c.repo, base, head, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("compare %s...%s (page %d)", abbrevSHA(base), abbrevSHA(head), max(opts.Page, 1)), err)
		}
		if opts.Page <= 1 && cmp.BaseCommit != nil {
			out = append(out, commitOf(cmp.BaseCommit))
		}
		for _, rc := range cmp.Commits {
			out = append(out, commitOf(rc))
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}

func commitOf(rc *gh.RepositoryCommit) delivery.Commit {
	c := delivery.Commit{
		SHA:            rc.GetSHA(),
		Author:         rc.GetCommit().GetAuthor().GetDate().Time,
		Committed:      rc.GetCommit().GetCommitter().GetDate().Time,
		CommitterEmail: rc.GetCommit().GetCommitter().GetEmail(),
	}
	for _, p := range rc.Parents {
		c.Parents = append(c.Parents, p.GetSHA())
	}
	message := rc.GetCommit().GetMessage()
	c.Reverts = delivery.ParseReverts(message)
	if c.IsMerge() {
		subject, _, _ := strings.Cut(message, "\n")
		c.MergedBranch = delivery.ParseMergedBranch(subject)
	}
	return c
}

func abbrevSHA(sha string) string {
	if len(sha) > 12 {
		return sha[:12]
	}
	return sha
}
