package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"

	"github.com/mvcbot/mvc/analyzer/split"
	"github.com/mvcbot/mvc/source/gitrepo"
)

// errNoParts is createStack's answer to a plan with nothing in it: an
// empty change, nothing to apply.
var errNoParts = errors.New("the change is empty: there is nothing to split, and no branch was created")

// stackResult is what createStack wrote: the branches, and the branches of
// an earlier stack --force deleted because this one does not recreate them.
type stackResult struct {
	branches []gitrepo.StackBranch
	deleted  []string
	kept     []string // stale, but the current branch: not deleted
}

// createStack writes the plan as a stack of local branches, one commit
// each, every branch on the previous one and the first on the base (or,
// when the change starts at the empty tree, on no commit). It works on git
// objects and a temporary index only: the working tree, the real index and
// the current branch are never touched. Each part's tree is checked to
// hold exactly what the plan says before any branch is written.
func createStack(ctx context.Context, r *gitrepo.Repo, in split.Input, plan split.Plan, force bool) (stackResult, error) {
	var res stackResult
	if len(plan.Parts) == 0 {
		return res, errNoParts
	}
	if err := checkStackTarget(ctx, r, plan, force); err != nil {
		return res, err
	}
	b, err := newStackBuilder(ctx, r, in, plan)
	if err != nil {
		return res, err
	}
	defer b.close()
	if res.branches, err = b.build(ctx); err != nil {
		return res, err
	}
	for _, br := range res.branches {
		if err := setBranch(ctx, r, br, force); err != nil {
			return res, err
		}
	}
	if force {
		res.deleted, res.kept, err = deleteStaleBranches(ctx, r, res.branches)
	}
	return res, err
}

// checkStackTarget refuses a dirty working tree and existing branches.
func checkStackTarget(ctx context.Context, r *gitrepo.Repo, plan split.Plan, force bool) error {
	if force {
		return nil
	}
	if bare, _ := r.GitString(ctx, "rev-parse", "--is-bare-repository"); bare != "true" {
		status, err := r.Git(ctx, "status", "--porcelain", "--untracked-files=no")
		if err != nil {
			return fmt.Errorf("check the working tree of %s: %w", r.Dir, err)
		}
		if len(bytes.TrimSpace(status)) > 0 {
			return gitrepo.ErrDirty
		}
	}
	var taken []string
	for _, p := range plan.Parts {
		name := gitrepo.StackBranchName(p)
		if _, err := r.Git(ctx, "rev-parse", "--verify", "--quiet", "refs/heads/"+name); err == nil {
			taken = append(taken, name)
		}
	}
	if len(taken) > 0 {
		return &gitrepo.BranchExistsError{Names: taken}
	}
	return nil
}

func setBranch(ctx context.Context, r *gitrepo.Repo, br gitrepo.StackBranch, force bool) error {
	args := []string{"update-ref", "-m", "mvc split --apply", "refs/heads/" + br.Name, br.Commit}
	if !force {
		// The all-zero old value makes git refuse a branch created meanwhile.
		args = append(args, strings.Repeat("0", len(br.Commit)))
	}
	if _, err := r.Git(ctx, args...); err != nil {
		return fmt.Errorf("create branch %s: %w", br.Name, err)
	}
	return nil
}

// stackBranch matches the branches --apply names, mvc/split/NN-<slug>: only
// those are an earlier stack's, never a branch the user put under the
// prefix by another name.
var stackBranch = regexp.MustCompile(`^` + regexp.QuoteMeta(gitrepo.StackPrefix) + `[0-9]{2,}-[a-z0-9-]+$`)

// deleteStaleBranches deletes the branches of an earlier stack that this
// one does not recreate (a stack of 7 parts redone as 6 leaves its 07-),
// so the stack tools see one stack. The current branch is kept.
func deleteStaleBranches(ctx context.Context, r *gitrepo.Repo, branches []gitrepo.StackBranch) (deleted, kept []string, err error) {
	out, err := r.GitString(ctx, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads/"+gitrepo.StackPrefix)
	if err != nil {
		return nil, nil, fmt.Errorf("list the branches under %s: %w", gitrepo.StackPrefix, err)
	}
	ours := map[string]bool{}
	for _, br := range branches {
		ours[br.Name] = true
	}
	current, _ := r.GitString(ctx, "symbolic-ref", "-q", "--short", "HEAD")
	for _, line := range strings.Split(out, "\n") {
		name, sha, ok := strings.Cut(line, " ")
		switch {
		case !ok || ours[name] || !stackBranch.MatchString(name):
		case name == current:
			kept = append(kept, name)
		default:
			if _, err := r.Git(ctx, "update-ref", "-m", "mvc split --apply --force", "-d", "refs/heads/"+name, sha); err != nil {
				return deleted, kept, fmt.Errorf("delete branch %s of an earlier stack: %w", name, err)
			}
			deleted = append(deleted, name)
		}
	}
	return deleted, kept, nil
}

// tempIndex is a private index file for building trees without touching
// the user's index.
type tempIndex struct {
	dir string
	env []string
}

func newTempIndex() (*tempIndex, error) {
	dir, err := os.MkdirTemp("", "mvc-stack-")
	if err != nil {
		return nil, fmt.Errorf("create a temporary index: %w", err)
	}
	return &tempIndex{dir: dir, env: []string{"GIT_INDEX_FILE=" + filepath.Join(dir, "index")}}, nil
}

func (t *tempIndex) close() { os.RemoveAll(t.dir) }

// gitWith runs git with extra environment and standard input.
func gitWith(ctx context.Context, r *gitrepo.Repo, env []string, stdin []byte, args ...string) (string, error) {
	cmd := r.Command(ctx, args...)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", &gitrepo.Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return strings.TrimSpace(stdout.String()), nil
}

func shortID(sha string) string { return sha[:min(len(sha), 12)] }
