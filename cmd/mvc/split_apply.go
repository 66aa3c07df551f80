package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// applySplit creates the stack as local branches and prints how to publish
// it. A dirty working tree or an existing branch is the user's to resolve
// (exit 2), unless --force; an empty change has nothing to apply (exit 0).
func applySplit(ctx context.Context, e *env, w io.Writer, repo *gitrepo.Repo, in split.Input, plan split.Plan, trunk string, force, markdown bool) error {
	res, err := repo.CreateStack(ctx, in, plan, force)
	switch {
	case errors.Is(err, gitrepo.ErrNoParts):
		// Nothing to do is not a failure: the proposal said so already.
		fmt.Fprintf(e.stderr, "mvc split: --apply: %v\n", err)
		return nil
	case errors.Is(err, gitrepo.ErrDirty) || errors.Is(err, gitrepo.ErrNoIdentity) || errors.As(err, new(*gitrepo.BranchExistsError)):
		return &exitError{code: exitBadInput, err: fmt.Errorf("--apply: %w", err)}
	case err != nil:
		return fmt.Errorf("--apply: %w", err)
	}
	branches := res.Branches
	if len(res.Deleted) > 0 {
		fmt.Fprintf(e.stderr, "mvc split: --apply --force: deleted %s, left from an earlier stack that this one does not recreate\n", strings.Join(res.Deleted, ", "))
	}
	if len(res.Kept) > 0 {
		fmt.Fprintf(e.stderr, "mvc split: --apply --force: kept %s, left from an earlier stack, because it is the current branch\n", strings.Join(res.Kept, ", "))
	}
	out := make([]report.StackBranch, len(branches))
	for i, b := range branches {
		out[i] = report.StackBranch{Name: b.Name, Commit: b.Commit, Title: plan.Parts[i].Title}
	}
	render := report.Text
	if markdown {
		render = report.Markdown // the stack section goes on the Markdown document
	}
	_, err = io.WriteString(w, "\n"+render(report.StackDoc(out, trunk)))
	return err
}

// stackTrunk is the trunk for --apply's commands: the one trunkOf found,
// else a placeholder the user is told to replace.
func stackTrunk(e *env, baseFlag, trunk string) string {
	switch {
	case trunk != "":
		return trunk
	case baseFlag != "":
		fmt.Fprintf(e.stderr, "mvc split: --apply: --base %s is not a branch and no branch holds it; a pull request's base must be a branch: replace %s in the commands below\n", baseFlag, trunkPlaceholder)
	default:
		fmt.Fprintf(e.stderr, "mvc split: --apply: no default branch (origin/HEAD, main or master) is known and no other branch holds the base; "+
			"a pull request's base must be a branch: replace %s in the commands below, or pass --base BRANCH\n", trunkPlaceholder)
	}
	return trunkPlaceholder
}

// trunkOf is the branch the bottom pull request merges into, or "" when
// nothing names one. A pull request's base must be a branch: a --base
// that is a tag, a commit or an expression gives the trunk branch (main,
// master, …) that holds the base, else any branch that does. A remote
// branch (upstream/main) gives its name on the remote.
func trunkOf(ctx context.Context, repo *gitrepo.Repo, baseFlag string, b gitrepo.Base) string {
	if baseFlag == "" {
		return defaultTrunk(ctx, repo, b)
	}
	if repo.HasCommit(ctx, "refs/heads/"+baseFlag) {
		return baseFlag
	}
	if _, branch, ok := strings.Cut(baseFlag, "/"); ok && repo.HasCommit(ctx, "refs/remotes/"+baseFlag) {
		return branch
	}
	return branchHolding(ctx, repo, b.SHA, "")
}

// defaultTrunk is the trunk without --base: the default branch the base
// was taken from (origin/HEAD as the branch it points to, master, never
// "HEAD"), else a branch other than the current one that holds the base.
func defaultTrunk(ctx context.Context, repo *gitrepo.Repo, b gitrepo.Base) string {
	if b.Branch != "" {
		return b.Branch
	}
	current, _ := repo.GitString(ctx, "symbolic-ref", "-q", "--short", "HEAD")
	return branchHolding(ctx, repo, b.SHA, current)
}

// trunkPlaceholder stands for the trunk in the printed commands when no
// branch holds the base.
const trunkPlaceholder = "TRUNK"

// branchHolding names a branch whose history holds the commit: a usual
// trunk name first, then the first local or remote branch git lists;
// never the branch except, which holds a change's base without being
// where it merges.
func branchHolding(ctx context.Context, repo *gitrepo.Repo, sha, except string) string {
	out, err := repo.GitString(ctx, "for-each-ref", "--contains", sha, "--format=%(refname)", "refs/heads", "refs/remotes")
	if err != nil || out == "" {
		return ""
	}
	var names []string
	for _, ref := range strings.Split(out, "\n") {
		name, remote := strings.TrimPrefix(ref, "refs/heads/"), strings.HasPrefix(ref, "refs/remotes/")
		if remote {
			_, name, _ = strings.Cut(strings.TrimPrefix(ref, "refs/remotes/"), "/")
		}
		if name != "HEAD" && name != except && !strings.HasPrefix(name, gitrepo.StackPrefix) {
			names = append(names, name)
		}
	}
	for _, trunk := range []string{"main", "master", "trunk", "develop"} {
		if slices.Contains(names, trunk) {
			return trunk
		}
	}
	if len(names) > 0 {
		return names[0]
	}
	return ""
}
