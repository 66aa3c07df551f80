package github

import (
	"context"
	"fmt"
	"net/http"
	"time"

	gh "github.com/google/go-github/v60/github"
)

// Comment is an issue or pull request comment.
type Comment struct {
	ID          int64
	Author      string
	AuthorIsBot bool
	Body        string
	URL         string // the web page
	CreatedAt   time.Time
	UpdatedAt   time.Time
}

func commentFrom(c *gh.IssueComment) Comment {
	return Comment{
		ID: c.GetID(), Author: c.GetUser().GetLogin(), AuthorIsBot: c.GetUser().GetType() == "Bot",
		Body: c.GetBody(), URL: c.GetHTMLURL(),
		CreatedAt: c.GetCreatedAt().Time, UpdatedAt: c.GetUpdatedAt().Time,
	}
}

// IssueComments lists every comment of an issue or pull request, oldest
// first: 100 a page, all pages.
func (c *Client) IssueComments(ctx context.Context, number int) ([]Comment, error) {
	var all []Comment
	opts := &gh.IssueListCommentsOptions{ListOptions: gh.ListOptions{PerPage: perPage}}
	for {
		page, resp, err := c.gh.Issues.ListComments(ctx, c.owner, c.repo, number, opts)
		if err != nil {
			return nil, apiError(fmt.Sprintf("list comments of #%d (page %d)", number, max(opts.Page, 1)), err)
		}
		for _, cm := range page {
			all = append(all, commentFrom(cm))
		}
		if resp.NextPage == 0 {
			return all, nil
		}
		opts.Page = resp.NextPage
	}
}

// CreateComment posts a comment on an issue or pull request. It is not
// resent after a 5xx: a retry after a success GitHub did not confirm would
// post it twice.
func (c *Client) CreateComment(ctx context.Context, number int, body string) (Comment, error) {
	cm, _, err := c.gh.Issues.CreateComment(ctx, c.owner, c.repo, number, &gh.IssueComment{Body: &body})
	if err != nil {
		return Comment{}, apiError(fmt.Sprintf("comment on #%d", number), err)
	}
	return commentFrom(cm), nil
}

// EditComment replaces a comment's body.
func (c *Client) EditComment(ctx context.Context, id int64, body string) (Comment, error) {
	cm, _, err := c.gh.Issues.EditComment(ctx, c.owner, c.repo, id, &gh.IssueComment{Body: &body})
	if err != nil {
		return Comment{}, apiError(fmt.Sprintf("edit comment %d", id), err)
	}
	return commentFrom(cm), nil
}

// DeleteComment deletes a comment; one already gone counts as deleted.
func (c *Client) DeleteComment(ctx context.Context, id int64) error {
	resp, err := c.gh.Issues.DeleteComment(ctx, c.owner, c.repo, id)
	if resp != nil && resp.StatusCode == http.StatusNotFound {
		return nil
	}
	if err != nil {
		return apiError(fmt.Sprintf("delete comment %d", id), err)
	}
	return nil
}

// Viewer is the login the token acts as. GitHub answers 403 for an
// installation token (an App's, or the Actions GITHUB_TOKEN), which acts
// as no user.
func (c *Client) Viewer(ctx context.Context) (string, error) {
	u, _, err := c.gh.Users.Get(ctx, "")
	if err != nil {
		return "", apiError("read the token's user", err)
	}
	return u.GetLogin(), nil
}
