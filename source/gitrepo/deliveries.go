package gitrepo

import (
	"context"
	"errors"
	"fmt"

	"github.com/mvcbot/mvc/analyzer/delivery"
)

// Deliveries is a local clone as a delivery.Provider: the `tags` and
// `merges` sources, and the commit graph every source needs. It reads the
// tags (one for-each-ref) and the history (one git log walk) once, on
// first use.
type Deliveries struct {
	repo *Repo
	// Branch is the default branch whose first-parent merges are the
	// `merges` proxy: a ref of the clone, or a branch as GitHub names it
	// (main, read as origin/main when the clone has no main); empty means
	// origin/HEAD when the clone has it, else HEAD.
	Branch string

	history *delivery.History
	tags    []delivery.Tag
	loaded  bool
}

// NewDeliveries returns the delivery source of repo.
func NewDeliveries(repo *Repo) *Deliveries { return &Deliveries{repo: repo} }

// Supports reports the sources a clone can read without an API.
func (d *Deliveries) Supports(source string) bool {
	return source == delivery.SourceTags || source == delivery.SourceMerges
}

// Deployments lists the clone's deployments for q.Source over all history.
func (d *Deliveries) Deployments(ctx context.Context, q delivery.Query) ([]delivery.Deployment, error) {
	if err := d.load(ctx); err != nil {
		return nil, err
	}
	switch q.Source {
	case delivery.SourceTags:
		return delivery.TagDeployments(d.tags, q.TagPattern, d.history), nil
	case delivery.SourceMerges:
		tip, err := d.branchTip(ctx)
		if err != nil {
			return nil, err
		}
		return delivery.MergeDeployments(d.history, tip), nil
	}
	return nil, fmt.Errorf("%s: %w", q.Source, delivery.ErrUnavailable)
}

// History returns the commit graph, walking again (once) with the given
// SHAs as extra tips when the first walk did not reach some of them: API
// deployments may name commits no local ref points to.
func (d *Deliveries) History(ctx context.Context, shas ...string) (*delivery.History, error) {
	if err := d.load(ctx); err != nil {
		return nil, err
	}
	var missing []string
	for _, sha := range shas {
		if _, ok := d.history.Commit(sha); !ok {
			missing = append(missing, sha)
		}
	}
	if len(missing) == 0 {
		return d.history, nil
	}
	h, err := d.repo.History(ctx, missing...)
	if err != nil {
		return nil, err
	}
	d.history = h
	return h, nil
}

func (d *Deliveries) load(ctx context.Context) error {
	if d.loaded {
		return nil
	}
	tags, err := d.repo.Tags(ctx)
	if err != nil {
		return err
	}
	h, err := d.repo.History(ctx)
	if err != nil {
		return err
	}
	d.tags, d.history, d.loaded = tags, h, true
	return nil
}

// ErrUnknownBranch is the error of a Branch that names nothing in the
// clone: the caller's setting to correct, not a failure of git.
var ErrUnknownBranch = errors.New("no such branch or commit in the clone")

// CheckBranch resolves Branch, so a caller can refuse a wrong one before
// any work. A Branch that resolves to nothing gives ErrUnknownBranch.
func (d *Deliveries) CheckBranch(ctx context.Context) error {
	_, err := d.branchTip(ctx)
	return err
}

// branchTip resolves the default branch: the one named (or the remote's
// branch of that name), else the remote's default (origin/HEAD), else the
// checked-out HEAD.
func (d *Deliveries) branchTip(ctx context.Context) (string, error) {
	if d.Branch != "" {
		for _, ref := range []string{d.Branch, "refs/remotes/origin/" + d.Branch} {
			if sha, err := d.repo.ResolveCommit(ctx, ref); err == nil {
				return sha, nil
			}
		}
		return "", fmt.Errorf("branch %q: %w (nor origin/%s)", d.Branch, ErrUnknownBranch, d.Branch)
	}
	if sha, err := d.repo.ResolveCommit(ctx, "refs/remotes/origin/HEAD"); err == nil {
		return sha, nil
	}
	sha, err := d.repo.ResolveCommit(ctx, "HEAD")
	if err != nil {
		// An empty repository has no merges yet, which is not an error.
		return "", nil
	}
	return sha, nil
}
