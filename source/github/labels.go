package github

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	gh "github.com/google/go-github/v60/github"
)

// Label is a repository label.
type Label struct {
	Name        string
	Color       string // six hex digits, no "#"
	Description string
}

func labelFrom(l *gh.Label) Label {
	return Label{Name: l.GetName(), Color: l.GetColor(), Description: l.GetDescription()}
}

func labelsFrom(ls []*gh.Label) []Label {
	out := make([]Label, 0, len(ls))
	for _, l := range ls {
		out = append(out, labelFrom(l))
	}
	return out
}

// AddLabels adds labels to an issue or pull request and returns all its
// labels afterwards. GitHub creates a label that does not exist yet, with
// its default colour (ededed).
func (c *Client) AddLabels(ctx context.Context, number int, names ...string) ([]Label, error) {
	ls, _, err := c.gh.Issues.AddLabelsToIssue(idempotent(ctx), c.owner, c.repo, number, names)
	if err != nil {
		return nil, apiError(fmt.Sprintf("add label %s to #%d", strings.Join(names, ", "), number), err)
	}
	return labelsFrom(ls), nil
}

// RemoveLabel takes a label off an issue or pull request. A label that is
// not there (GitHub: 404 "Label does not exist") counts as removed.
func (c *Client) RemoveLabel(ctx context.Context, number int, name string) error {
	op := fmt.Sprintf("remove label %s from #%d", name, number)
	u := fmt.Sprintf("repos/%s/%s/issues/%d/labels/%s", c.owner, c.repo, number, escapeLabel(name))
	req, err := c.gh.NewRequest(http.MethodDelete, u, nil)
	if err != nil {
		return fmt.Errorf("%s: %w", op, err)
	}
	_, err = c.gh.Do(ctx, req, nil)
	if err != nil && !(IsNotFound(err) && strings.Contains(errorMessage(err), "Label does not exist")) {
		return apiError(op, err)
	}
	return nil
}

// CreateLabel creates a repository label.
func (c *Client) CreateLabel(ctx context.Context, l Label) (Label, error) {
	out, _, err := c.gh.Issues.CreateLabel(ctx, c.owner, c.repo, &gh.Label{
		Name: &l.Name, Color: &l.Color, Description: optional(l.Description),
	})
	if err != nil {
		return Label{}, apiError(fmt.Sprintf("create label %s", l.Name), err)
	}
	return labelFrom(out), nil
}

// UpdateLabelColor recolours a repository label.
func (c *Client) UpdateLabelColor(ctx context.Context, name, color string) (Label, error) {
	op := fmt.Sprintf("set the colour of label %s to %s", name, color)
	u := fmt.Sprintf("repos/%s/%s/labels/%s", c.owner, c.repo, escapeLabel(name))
	req, err := c.gh.NewRequest(http.MethodPatch, u, map[string]string{"color": color})
	if err != nil {
		return Label{}, fmt.Errorf("%s: %w", op, err)
	}
	var out gh.Label
	if _, err := c.gh.Do(ctx, req, &out); err != nil {
		return Label{}, apiError(op, err)
	}
	return labelFrom(&out), nil
}

// escapeLabel makes a label name one path segment. go-github v60 puts
// names in paths unescaped, so "size/XL" would address a different route.
func escapeLabel(name string) string { return url.PathEscape(name) }

// errorMessage is GitHub's message in an API error, or "".
func errorMessage(err error) string {
	var e *gh.ErrorResponse
	if errors.As(err, &e) {
		return e.Message
	}
	return ""
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}
