package publish

import (
	"context"
	"fmt"
	"strings"

	"github.com/mvcbot/mvc/analyzer/size"
	"github.com/mvcbot/mvc/config"
	"github.com/mvcbot/mvc/source/github"
)

// LabelAPI is what the size label needs of GitHub.
type LabelAPI interface {
	// AddLabels returns all the labels afterwards; GitHub creates
	// missing labels with its default colour.
	AddLabels(ctx context.Context, number int, names ...string) ([]github.Label, error)
	RemoveLabel(ctx context.Context, number int, name string) error
	UpdateLabelColor(ctx context.Context, name, color string) (github.Label, error)
}

// githubDefaultColor is the colour GitHub gives a label it creates when
// one is added to an issue before it exists.
const githubDefaultColor = "ededed"

// SizeLabel is the size label a pull request should carry.
type SizeLabel struct {
	Number int
	Size   size.Size
	Labels config.Labels // prefix and colours
	// Current are the labels the pull request carries now, from the pull
	// request itself: no extra request to learn them.
	Current []string
}

// LabelResult is what happened to the size labels.
type LabelResult struct {
	Action  Action
	Added   string   // the label added, if any
	Removed []string // stale size labels taken off
	Colored bool     // the new label was created and given its colour
	Reason  string
}

// Warning is the ::warning text when GitHub refused the write, else "".
func (r LabelResult) Warning() string { return warning(r.Action, "the size label") }

// PublishSizeLabel leaves exactly one of the six size labels on the pull
// request: it adds the wanted one (first, so the pull request is never
// without one), removes the other five, and touches no other label. When
// GitHub created the label just now (its default colour), it gets its
// configured colour. Nothing is written when the labels are already right.
func PublishSizeLabel(ctx context.Context, api LabelAPI, l SizeLabel) (LabelResult, error) {
	want := l.Labels.Prefix + string(l.Size)
	stale := staleSizeLabels(l.Current, l.Labels.Prefix, want)
	has := containsFold(l.Current, want)
	if has && len(stale) == 0 {
		return LabelResult{Action: Unchanged, Reason: want + " is already the only size label"}, nil
	}
	res := LabelResult{Action: Updated}
	if !has {
		if err := addSizeLabel(ctx, api, l, want, &res); err != nil {
			return readOnlyOr(res, err)
		}
	}
	for _, name := range stale {
		if err := api.RemoveLabel(ctx, l.Number, name); err != nil {
			return readOnlyOr(res, err)
		}
		res.Removed = append(res.Removed, name)
	}
	res.Reason = describe(res)
	return res, nil
}

// addSizeLabel adds want and gives it its colour when GitHub created it.
func addSizeLabel(ctx context.Context, api LabelAPI, l SizeLabel, want string, res *LabelResult) error {
	labels, err := api.AddLabels(ctx, l.Number, want)
	if err != nil {
		return err
	}
	res.Added = want
	color := strings.ToLower(l.Labels.Colors[l.Size])
	got, ok := findFold(labels, want)
	if !ok || color == "" || color == githubDefaultColor || !strings.EqualFold(got.Color, githubDefaultColor) {
		return nil // an existing label keeps the colour its owners chose
	}
	if _, err := api.UpdateLabelColor(ctx, got.Name, color); err != nil {
		return err
	}
	res.Colored = true
	return nil
}

// readOnlyOr turns a refused write into a ReadOnly result that keeps what
// was done before it; other errors stay errors.
func readOnlyOr(res LabelResult, err error) (LabelResult, error) {
	if github.IsPermission(err) {
		res.Action, res.Reason = ReadOnly, readOnlyFix
		return res, nil
	}
	return LabelResult{}, fmt.Errorf("set the size label: %w", err)
}

// staleSizeLabels are the size labels other than want, matched as GitHub
// matches names: without regard to case.
func staleSizeLabels(current []string, prefix, want string) []string {
	var stale []string
	for _, name := range current {
		if strings.EqualFold(name, want) {
			continue
		}
		for _, s := range size.Sizes {
			if strings.EqualFold(name, prefix+string(s)) {
				stale = append(stale, name)
			}
		}
	}
	return stale
}

func containsFold(names []string, name string) bool {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return true
		}
	}
	return false
}

func findFold(labels []github.Label, name string) (github.Label, bool) {
	for _, l := range labels {
		if strings.EqualFold(l.Name, name) {
			return l, true
		}
	}
	return github.Label{}, false
}

func describe(r LabelResult) string {
	var parts []string
	if r.Added != "" {
		parts = append(parts, "added "+r.Added)
	}
	if len(r.Removed) > 0 {
		parts = append(parts, "removed "+strings.Join(r.Removed, ", "))
	}
	return strings.Join(parts, "; ")
}
