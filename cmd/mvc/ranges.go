package main

import (
	"context"
	"errors"
	"strings"

	"github.com/mvcbot/mvc/source/gitrepo"
)

// resolveRange resolves the head and picks the base, as `mvc analyze` and
// `mvc split` both do. Refs that do not resolve and shallow clones are the
// user's to fix (exit 2), each with a message that fits what was asked.
func resolveRange(ctx context.Context, repo *gitrepo.Repo, baseRef, headRef string) (string, gitrepo.Base, error) {
	if strings.TrimSpace(headRef) == "" {
		return "", gitrepo.Base{}, usagef("--head is empty: name a commit, e.g. HEAD")
	}
	headSHA, err := repo.ResolveCommit(ctx, headRef)
	if err != nil {
		if _, errHEAD := repo.ResolveCommit(ctx, "HEAD"); errHEAD != nil {
			if refs, _ := repo.GitString(ctx, "for-each-ref", "--count=1", "--format=%(refname)", "refs/heads", "refs/remotes", "refs/tags"); refs != "" {
				return "", gitrepo.Base{}, usagef("--head %s: no such commit (the current branch has no commits yet): name a commit with --head", headRef)
			}
			return "", gitrepo.Base{}, usagef("--head %s: no such commit (an empty repository has none yet)", headRef)
		}
		return "", gitrepo.Base{}, usagef("--head %s: no such commit", headRef)
	}
	var base gitrepo.Base
	if baseRef != "" {
		base, err = repo.ExplicitBase(ctx, baseRef)
	} else {
		base, err = repo.DefaultBase(ctx, headRef)
	}
	switch {
	case err == nil:
		return headSHA, base, nil
	case baseRef != "" && errors.Is(err, gitrepo.ErrShallow):
		return "", base, usagef("--base %s: not in this shallow clone's history: fetch more (git fetch --unshallow --tags, or fetch-depth: 0 in actions/checkout)", baseRef)
	case baseRef != "":
		return "", base, usagef("--base %s: no such commit", baseRef)
	}
	return "", base, usagef("choose the base: %v", err)
}
