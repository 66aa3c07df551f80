package publish

import (
	"context"
	"fmt"

	"github.com/mvcbot/mvc/source/github"
)

// IssueAPI is what the sticky report issue needs of GitHub.
type IssueAPI interface {
	// IssuesWithLabel lists every issue, open or closed, with the label.
	IssuesWithLabel(ctx context.Context, label string) ([]github.Issue, error)
	CreateIssue(ctx context.Context, title, body string, labels []string) (github.Issue, error)
	EditIssueBody(ctx context.Context, number int, body string) (github.Issue, error)
}

// StickyIssue is a repository's one report issue (the delivery report),
// found by its label and hidden marker, edited in place on every run.
type StickyIssue struct {
	Label  string // e.g. mvc/report
	Marker string // e.g. <!-- mvc:delivery-report -->
	Title  string // used when the issue is created
	Body   string
}

// IssueResult is what happened to the report issue.
type IssueResult struct {
	Action Action
	Number int
	URL    string
	Reason string
}

// Warning is the ::warning text when GitHub refused the write, else "".
func (r IssueResult) Warning() string {
	if r.Action != ReadOnly {
		return ""
	}
	return "mvc skipped the report issue: the token cannot write issues. To fix: add `issues: write` to the workflow's permissions"
}

// PublishIssue keeps one report issue current: among the issues carrying
// the label, the oldest one whose body has the marker is edited (nothing
// when the body is unchanged); with none, one is opened. A closed report
// issue is still edited rather than duplicated: closing it is how a team
// hides it, and reopening would be noise.
func PublishIssue(ctx context.Context, api IssueAPI, s StickyIssue) (IssueResult, error) {
	body := fitComment(withMarker(s.Body, s.Marker))
	issues, err := api.IssuesWithLabel(ctx, s.Label)
	if err != nil {
		return IssueResult{}, fmt.Errorf("find the report issue: %w", err)
	}
	var existing *github.Issue
	for i := range issues {
		is := &issues[i]
		if startsWithLine(is.Body, s.Marker) && (existing == nil || is.Number < existing.Number) {
			existing = is
		}
	}
	if existing == nil {
		is, err := api.CreateIssue(ctx, s.Title, body, []string{s.Label})
		return issueOutcome(is, err, Created, "first report in this repository")
	}
	if sameBody(existing.Body, body) {
		return IssueResult{Action: Unchanged, Number: existing.Number, URL: existing.URL, Reason: "the report is up to date"}, nil
	}
	is, err := api.EditIssueBody(ctx, existing.Number, body)
	if err == nil || github.IsPermission(err) {
		is.Number, is.URL = existing.Number, existing.URL
	}
	return issueOutcome(is, err, Updated, "the report changed")
}

func issueOutcome(is github.Issue, err error, done Action, reason string) (IssueResult, error) {
	switch {
	case github.IsPermission(err):
		return IssueResult{Action: ReadOnly, Number: is.Number, URL: is.URL, Reason: "the token cannot write issues"}, nil
	case err != nil:
		return IssueResult{}, err
	}
	return IssueResult{Action: done, Number: is.Number, URL: is.URL, Reason: reason}, nil
}
