package github

import (
	"context"
	"fmt"
	"time"

	gh "github.com/google/go-github/v60/github"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// Incidents lists the issues labelled label (open or closed) updated
// since `since`, 100 a page, as incidents: opening and closing times and
// what their title and body name. Pull requests the text names (#N) are
// resolved to merge commits through mergeSHAs (the merged pull requests
// already read) at no extra request; others are left out, since an issue
// number is not a deployment. Incidents opened before since cannot blame
// a deployment in the window, so not reading them loses nothing.
func (c *Client) Incidents(ctx context.Context, label string, since time.Time, mergeSHAs map[int]string) ([]delivery.Incident, error) {
	var out []delivery.Incident
	opts := &gh.IssueListByRepoOptions{State: "all", Labels: []string{label}, Since: since, ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		page, resp, err := c.gh.Issues.ListByRepo(ctx, c.owner, c.repo, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list issues labelled %s of %s/%s (page %d)", label, c.owner, c.repo, max(opts.Page, 1)), err)
		}
		for _, is := range page {
			if !is.IsPullRequest() {
				out = append(out, incidentOf(is, mergeSHAs))
			}
		}
		if resp.NextPage == 0 {
			return out, nil
		}
		opts.Page = resp.NextPage
	}
}

func incidentOf(is *gh.Issue, mergeSHAs map[int]string) delivery.Incident {
	inc := delivery.Incident{Number: is.GetNumber(), Title: is.GetTitle(), Opened: is.GetCreatedAt().Time}
	if is.GetState() == "closed" {
		inc.Closed = is.GetClosedAt().Time
	}
	shas, pulls, refs := delivery.ParseReferences(is.GetTitle() + "\n" + is.GetBody())
	inc.SHAs, inc.Refs = shas, refs
	for _, n := range pulls {
		if sha := mergeSHAs[n]; sha != "" {
			inc.SHAs = append(inc.SHAs, sha)
		}
	}
	return inc
}
