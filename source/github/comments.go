package github

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"sync"
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

// Viewer is the login the client writes as, or "" when GitHub does not
// say. Acting as an App, it is the App's bot (GET /app, signed with the
// App's key, asked once per App and process); with a user's token, that
// user (GET /user). An installation token handed in as a token (the
// Actions GITHUB_TOKEN, or one minted by another action; ghs_…) acts as
// no user, and the login stays unknown without a request.
func (c *Client) Viewer(ctx context.Context) (string, error) {
	if c.app != nil {
		return c.app.botLogin(ctx)
	}
	if c.installationToken {
		return "", nil
	}
	u, _, err := c.gh.Users.Get(ctx, "")
	switch {
	case IsPermission(err) || StatusCode(err) == http.StatusForbidden || StatusCode(err) == http.StatusNotFound:
		return "", nil
	case err != nil:
		return "", apiError("read the token's user", err)
	}
	return u.GetLogin(), nil
}

// appAuth is how a client acting as an App authenticates as the App
// itself, to learn its bot's login.
type appAuth struct {
	transport http.RoundTripper
	base      *url.URL
	key       string // API root and App id: one App's identity
}

// botLogins caches each App's bot login for the process: the App server
// runs many clients of one App.
var botLogins sync.Map // appAuth.key -> string

func (a *appAuth) botLogin(ctx context.Context) (string, error) {
	if login, ok := botLogins.Load(a.key); ok {
		return login.(string), nil
	}
	client := gh.NewClient(&http.Client{Transport: a.transport})
	client.BaseURL = a.base
	client.UserAgent = userAgent
	app, _, err := client.Apps.Get(ctx, "")
	if err != nil {
		return "", apiError("read the App's identity", err)
	}
	login := AppIdentity{ID: app.GetID(), Slug: app.GetSlug()}.BotLogin()
	botLogins.Store(a.key, login)
	return login, nil
}
