package github

import (
	"context"
	"fmt"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// TagList lists every tag with the commit it names (GitHub peels annotated
// tags in this list), 100 a page. The list carries no dates: a tag's time
// comes from its commit in the local history (delivery.TagDeployments);
// tagger dates of annotated tags would cost one request per tag.
func (c *Client) TagList(ctx context.Context) ([]delivery.Tag, error) {
	var out []delivery.Tag
	opts := &gh.ListOptions{PerPage: perPage}
	for {
		page, resp, err := c.gh.Repositories.ListTags(ctx, c.owner, c.repo, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list tags of %s/%s (page %d)", c.owner, c.repo, max(opts.Page, 1)), err)
		}
		for _, t := range page {
			out = append(out, delivery.Tag{Name: t.GetName(), SHA: t.GetCommit().GetSHA()})
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}
