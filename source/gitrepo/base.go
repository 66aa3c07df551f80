package gitrepo

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// ErrShallow means a shallow clone lacks the history needed to find the
// base of a change. Its message tells the user how to fetch more.
var ErrShallow = errors.New("this is a shallow clone without the base commit: " +
	"fetch more history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout) or pass --base")

// Base is the commit a change is measured from, and how it was chosen.
type Base struct {
	// SHA is a commit, or the empty tree when head is a root commit.
	SHA string
	// How says in words how the base was chosen, for the user to check:
	// "merge base of HEAD with main".
	How string
	// Branch names the default branch a base found without --base was
	// taken from, as the remote names it (origin/HEAD gives the branch it
	// points to: master); empty when no default branch is known. Pull
	// requests of the change merge into it.
	Branch string
}

// defaultBranches are tried in order to find the branch a change will
// merge into: the remote's default, then the usual local and remote names
// (CI checkouts often have origin/main but no origin/HEAD).
var defaultBranches = []string{"origin/HEAD", "main", "origin/main", "master", "origin/master"}

// DefaultBase picks the base of the change that ends at head: the merge
// base of head with the default branch; when that is head itself (head is
// on the default branch), head's first parent; for a root commit, the
// empty tree. In a shallow clone that lacks what it needs, the error wraps
// ErrShallow.
func (r *Repo) DefaultBase(ctx context.Context, head string) (Base, error) {
	headSHA, err := r.ResolveCommit(ctx, head)
	if err != nil {
		return Base{}, err
	}
	branch, branchSHA := r.defaultBranch(ctx)
	if branch == "" {
		return r.firstParent(ctx, head, headSHA, "no main, master or origin/HEAD branch")
	}
	mb, err := r.GitString(ctx, "merge-base", headSHA, branchSHA)
	if err != nil || mb == "" {
		if r.IsShallow(ctx) {
			return Base{}, fmt.Errorf("find the merge base of %s with %s: %w", head, branch, ErrShallow)
		}
		return Base{}, fmt.Errorf("%s and %s share no history: pass --base", head, branch)
	}
	b := Base{SHA: mb, How: fmt.Sprintf("merge base of %s with %s", head, branch)}
	if mb == headSHA {
		if b, err = r.firstParent(ctx, head, headSHA, head+" is on "+branch); err != nil {
			return Base{}, err
		}
	}
	b.Branch = r.branchName(ctx, branch)
	return b, nil
}

// branchName is a default-branch candidate's name as its remote knows it:
// origin/HEAD gives the branch it points to, origin/main gives main. It
// is empty when origin/HEAD points nowhere by name.
func (r *Repo) branchName(ctx context.Context, candidate string) string {
	if candidate == "origin/HEAD" {
		target, err := r.GitString(ctx, "symbolic-ref", "-q", "--short", "refs/remotes/origin/HEAD")
		if err != nil {
			return ""
		}
		candidate = target
	}
	name := strings.TrimPrefix(candidate, "origin/")
	if name == "HEAD" {
		return ""
	}
	return name
}

// ExplicitBase resolves a base the user named. A name that does not
// resolve in a shallow clone most likely lies beyond its history, and the
// error says how to fetch it.
func (r *Repo) ExplicitBase(ctx context.Context, rev string) (Base, error) {
	sha, err := r.resolveTreeish(ctx, rev)
	if err != nil {
		if r.IsShallow(ctx) {
			return Base{}, fmt.Errorf("resolve %q: %w", rev, ErrShallow)
		}
		return Base{}, err
	}
	return Base{SHA: sha, How: "--base " + rev}, nil
}

// defaultBranch returns the first default-branch candidate that exists.
func (r *Repo) defaultBranch(ctx context.Context) (name, sha string) {
	for _, b := range defaultBranches {
		if sha, err := r.ResolveCommit(ctx, b); err == nil {
			return b, sha
		}
	}
	return "", ""
}

// firstParent is the base of a change that is a single commit: its first
// parent, or the empty tree for a root commit. A shallow clone's boundary
// commit looks like a root commit, so the shallow list is checked first.
func (r *Repo) firstParent(ctx context.Context, head, headSHA, why string) (Base, error) {
	line, err := r.GitString(ctx, "rev-list", "--parents", "-n", "1", headSHA)
	if err != nil {
		return Base{}, fmt.Errorf("read the parents of %s: %w", head, err)
	}
	if parents := strings.Fields(line)[1:]; len(parents) > 0 {
		return Base{SHA: parents[0], How: fmt.Sprintf("first parent of %s (%s)", head, why)}, nil
	}
	if r.isShallowBoundary(ctx, headSHA) {
		return Base{}, fmt.Errorf("find the parent of %s: %w", head, ErrShallow)
	}
	tree, err := r.EmptyTree(ctx)
	if err != nil {
		return Base{}, err
	}
	return Base{SHA: tree, How: fmt.Sprintf("the empty tree (%s is a root commit)", head)}, nil
}

// isShallowBoundary reports whether git cut sha's parents off when it made
// a shallow clone: such commits are listed in $GIT_DIR/shallow.
func (r *Repo) isShallowBoundary(ctx context.Context, sha string) bool {
	p, err := r.GitString(ctx, "rev-parse", "--git-path", "shallow")
	if err != nil {
		return false
	}
	if !filepath.IsAbs(p) {
		p = filepath.Join(r.Dir, p)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return false
	}
	for _, line := range strings.Split(string(data), "\n") {
		if strings.TrimSpace(line) == sha {
			return true
		}
	}
	return false
}

// EmptyTree returns the SHA of the empty tree in the repository's hash
// format: the base of a root commit.
func (r *Repo) EmptyTree(ctx context.Context) (string, error) {
	sha, err := r.GitString(ctx, "hash-object", "-t", "tree", "/dev/null")
	if err != nil {
		return "", fmt.Errorf("hash the empty tree: %w", err)
	}
	return sha, nil
}
