package github

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer"
)

// MaxPullFiles is where GitHub stops listing a pull request's files.
const MaxPullFiles = 3000

// perPage is the largest page GitHub serves; fewer pages, fewer calls.
const perPage = 100

// PullRequest is what mvc needs of a pull request.
type PullRequest struct {
	Number int
	Title  string
	State  string // open or closed
	Draft  bool
	Author string
	URL    string // the web page

	BaseRef, BaseSHA, BaseRepo string // BaseRepo is "owner/name"
	HeadRef, HeadSHA, HeadRepo string // HeadRepo is empty when the fork was deleted

	// Additions, Deletions and ChangedFiles are GitHub's totals, complete
	// even when the per-file list is truncated.
	Additions, Deletions, ChangedFiles int
	Labels                             []string
	// UpdatedAt is when the pull request last changed (zero when unknown):
	// of two reads that differ, the later one is current.
	UpdatedAt time.Time
}

// FromFork reports whether the head lives in another repository, where
// the Actions token is read-only under pull_request.
func (p PullRequest) FromFork() bool { return !strings.EqualFold(p.HeadRepo, p.BaseRepo) }

// PullRequestFrom converts go-github's pull request, as decoded from an
// event payload, so the Action need not fetch what the event carries.
func PullRequestFrom(p *gh.PullRequest) PullRequest {
	out := PullRequest{
		Number: p.GetNumber(), Title: p.GetTitle(), State: p.GetState(), Draft: p.GetDraft(),
		Author: p.GetUser().GetLogin(), URL: p.GetHTMLURL(),
		BaseRef: p.GetBase().GetRef(), BaseSHA: p.GetBase().GetSHA(), BaseRepo: p.GetBase().GetRepo().GetFullName(),
		HeadRef: p.GetHead().GetRef(), HeadSHA: p.GetHead().GetSHA(), HeadRepo: p.GetHead().GetRepo().GetFullName(),
		Additions: p.GetAdditions(), Deletions: p.GetDeletions(), ChangedFiles: p.GetChangedFiles(),
		UpdatedAt: p.GetUpdatedAt().Time,
	}
	for _, l := range p.Labels {
		out.Labels = append(out.Labels, l.GetName())
	}
	return out
}

// PullRequest reads pull request number (one request).
func (c *Client) PullRequest(ctx context.Context, number int) (PullRequest, error) {
	p, _, err := c.gh.PullRequests.Get(ctx, c.owner, c.repo, number)
	if err != nil {
		return PullRequest{}, apiError(fmt.Sprintf("get pull request %d of %s/%s", number, c.owner, c.repo), err)
	}
	return PullRequestFrom(p), nil
}

// PullRequestChange lists the pull request's files (100 a page, up to
// GitHub's 3,000-file cap) as a Change sorted by path. Totals come from
// pr, so the analyzer sees when the list fell short of them. Hunks and
// headers come from each file's patch, without further requests.
func (c *Client) PullRequestChange(ctx context.Context, pr PullRequest) (analyzer.Change, error) {
	files, err := c.listFiles(ctx, pr.Number)
	if err != nil {
		return analyzer.Change{}, err
	}
	change := analyzer.Change{
		Base: pr.BaseSHA, Head: pr.HeadSHA,
		Totals: analyzer.Totals{Additions: pr.Additions, Deletions: pr.Deletions, Files: pr.ChangedFiles},
		Labels: pr.Labels,
	}
	for _, f := range files {
		change.Files = append(change.Files, c.fileChange(f))
	}
	sort.SliceStable(change.Files, func(i, j int) bool { return change.Files[i].Path < change.Files[j].Path })
	return change, nil
}

// listFiles pages through the files until GitHub has no next page.
func (c *Client) listFiles(ctx context.Context, number int) ([]*gh.CommitFile, error) {
	var all []*gh.CommitFile
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		page, resp, err := c.gh.PullRequests.ListFiles(ctx, c.owner, c.repo, number, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list files of pull request %d (page %d)", number, max(opts.Page, 1)), err)
		}
		all = append(all, page...)
		if resp.NextPage == 0 || len(all) >= MaxPullFiles {
			return all, nil
		}
		opts.Page = resp.NextPage
	}
}
