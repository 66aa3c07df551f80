package github

import (
	"context"
	"fmt"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// Issue is what mvc needs of an issue it keeps (the delivery report).
type Issue struct {
	Number    int
	Title     string
	Body      string
	State     string
	URL       string
	CreatedAt time.Time
}

func issueFrom(i *gh.Issue) Issue {
	return Issue{
		Number: i.GetNumber(), Title: i.GetTitle(), Body: i.GetBody(), State: i.GetState(),
		URL: i.GetHTMLURL(), CreatedAt: i.GetCreatedAt().Time,
	}
}

// IssuesWithLabel lists every issue, open or closed, that carries label:
// 100 a page, all pages. Pull requests (which the issues API also lists)
// are left out.
func (c *Client) IssuesWithLabel(ctx context.Context, label string) ([]Issue, error) {
	var all []Issue
	opts := &gh.IssueListByRepoOptions{State: "all", Labels: []string{label}, ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		page, resp, err := c.gh.Issues.ListByRepo(ctx, c.owner, c.repo, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list issues labelled %s (page %d)", label, max(opts.Page, 1)), err)
		}
		for _, is := range page {
			if !is.IsPullRequest() {
				all = append(all, issueFrom(is))
			}
		}
		if resp.NextPage == 0 {
			return all, nil
		}
		opts.Page = resp.NextPage
	}
}

// CreateIssue opens an issue with labels. Like comments, it is never
// resent after a 5xx, which could open it twice.
func (c *Client) CreateIssue(ctx context.Context, title, body string, labels []string) (Issue, error) {
	is, _, err := c.gh.Issues.Create(ctx, c.owner, c.repo, &gh.IssueRequest{Title: &title, Body: &body, Labels: &labels})
	if err != nil {
		return Issue{}, apiError(fmt.Sprintf("open issue %q", title), err)
	}
	return issueFrom(is), nil
}

// EditIssueBody replaces an issue's body.
func (c *Client) EditIssueBody(ctx context.Context, number int, body string) (Issue, error) {
	is, _, err := c.gh.Issues.Edit(ctx, c.owner, c.repo, number, &gh.IssueRequest{Body: &body})
	if err != nil {
		return Issue{}, apiError(fmt.Sprintf("edit issue #%d", number), err)
	}
	return issueFrom(is), nil
}
