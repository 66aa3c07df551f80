package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/report"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// applySplit creates the stack as local branches and prints how to publish
// it. A dirty working tree or an existing branch is the user's to resolve
// (exit 2), unless --force; an empty change has nothing to apply (exit 0).
func applySplit(ctx context.Context, e *env, w io.Writer, repo *gitrepo.Repo, in split.Input, plan split.Plan, trunk string, force, markdown bool) error {
	res, err := createStack(ctx, repo, in, plan, force)
	switch {
	case errors.Is(err, errNoParts):
		// Nothing to do is not a failure: the proposal said so already.
		fmt.Fprintf(e.stderr, "mvc split: --apply: %v\n", err)
		return nil
	case errors.Is(err, gitrepo.ErrDirty) || errors.As(err, new(*gitrepo.BranchExistsError)):
		return &exitError{code: exitBadInput, err: fmt.Errorf("--apply: %w", err)}
	case err != nil:
		return fmt.Errorf("--apply: %w", err)
	}
	branches := res.branches
	if len(res.deleted) > 0 {
		fmt.Fprintf(e.stderr, "mvc split: --apply --force: deleted %s, left from an earlier stack that this one does not recreate\n", strings.Join(res.deleted, ", "))
	}
	if len(res.kept) > 0 {
		fmt.Fprintf(e.stderr, "mvc split: --apply --force: kept %s, left from an earlier stack, because it is the current branch\n", strings.Join(res.kept, ", "))
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

// commitID matches a commit named by its SHA rather than a branch.
var commitID = regexp.MustCompile(`^[0-9a-f]{7,64}$`)

// trunkName is the branch the bottom part merges into, for the printed
// commands: the --base branch, or the default branch the base was taken
// from, without its remote; main when neither names a branch.
func trunkName(baseFlag string, b gitrepo.Base) string {
	name := baseFlag
	if name == "" {
		if _, branch, ok := strings.Cut(b.How, " with "); ok {
			name = branch
		}
	}
	name = strings.TrimPrefix(name, "origin/")
	if name == "" || name == "HEAD" || strings.ContainsAny(name, "~^@:") || commitID.MatchString(name) {
		return "main"
	}
	return name
}
