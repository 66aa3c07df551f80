package github

import (
	"context"
	"fmt"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// ReleaseRecords lists every release (100 a page), each tag resolved to its
// commit through tagSHAs (tag name → commit SHA, e.g. from TagList). A
// release whose tag is missing there keeps an empty SHA and does not
// count: its commit is unknown.
func (c *Client) ReleaseRecords(ctx context.Context, tagSHAs map[string]string) ([]delivery.ReleaseRecord, error) {
	var out []delivery.ReleaseRecord
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		page, resp, err := c.gh.Repositories.ListReleases(ctx, c.owner, c.repo, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list releases of %s/%s (page %d)", c.owner, c.repo, max(opts.Page, 1)), err)
		}
		for _, r := range page {
			out = append(out, delivery.ReleaseRecord{
				Tag: r.GetTagName(), SHA: tagSHAs[r.GetTagName()], Draft: r.GetDraft(),
				Prerelease: r.GetPrerelease(), Published: r.GetPublishedAt().Time,
			})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}
