package gitrepo

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
)

// StackPrefix is where `mvc split --apply` puts the stack's branches.
const StackPrefix = "mvc/split/"

// StackBranch is one branch of a created stack.
type StackBranch struct {
	Part   int    // 1-based index of the plan's part
	Name   string // branch name without refs/heads/
	Commit string
	Tree   string
}

// ErrDirty is returned when the working tree has uncommitted changes: they
// are not part of head, so the stack would silently leave them out.
var ErrDirty = errors.New("the working tree has uncommitted changes, which the stack would leave out: commit or stash them, or pass --force")

// BranchExistsError is returned when branches of the stack exist already:
// a previous --apply, or the user's own.
type BranchExistsError struct{ Names []string }

func (e *BranchExistsError) Error() string {
	return fmt.Sprintf("branch %s already exists: delete it (git branch -D %s) or pass --force", e.Names[0], strings.Join(e.Names, " "))
}

// StackBranchName is the branch of a part: mvc/split/01-<slug of title>.
func StackBranchName(p split.Part) string {
	return fmt.Sprintf("%s%02d-%s", StackPrefix, p.Index, slug(p.Title))
}

var slugUnsafe = regexp.MustCompile(`[^a-z0-9]+`)

// slug keeps a title's letters and digits, lowercased, joined by dashes,
// cut at a word boundary near 40 characters, as the pull request
// comment's commands name the branches.
func slug(title string) string {
	const maxLen = 40
	s := strings.Trim(slugUnsafe.ReplaceAllString(strings.ToLower(title), "-"), "-")
	if len(s) > maxLen {
		s = s[:maxLen+1]
		if i := strings.LastIndexByte(s, '-'); i > maxLen/2 {
			s = s[:i]
		}
		s = strings.TrimRight(s[:min(len(s), maxLen)], "-")
	}
	if s == "" {
		return "part"
	}
	return s
}

// ErrNoIdentity is returned when git has no name or email to write the
// stack's commits with: the user's setup to fix, said in one line rather
// than git's dozen.
var ErrNoIdentity = errors.New("git has no identity to write the stack's commits with: " +
	"set user.name and user.email (git config --global user.name \"Your Name\"; git config --global user.email you@example.com), " +
	"or GIT_AUTHOR_NAME, GIT_AUTHOR_EMAIL, GIT_COMMITTER_NAME and GIT_COMMITTER_EMAIL")

// checkIdentity asks git for the author and committer it would write, as
// commit-tree will, before any object is written.
func checkIdentity(ctx context.Context, r *Repo) error {
	for _, v := range []string{"GIT_AUTHOR_IDENT", "GIT_COMMITTER_IDENT"} {
		if _, err := r.Git(ctx, "var", v); err != nil {
			var gitErr *Error
			if errors.As(err, &gitErr) {
				return ErrNoIdentity
			}
			return err
		}
	}
	return nil
}

// ErrNoParts is CreateStack's answer to a plan with nothing in it: an
// empty change, nothing to apply.
var ErrNoParts = errors.New("the change is empty: there is nothing to split, and no branch was created")

// StackResult is what CreateStack wrote: the branches, and the branches of
// an earlier stack --force deleted because this one does not recreate them.
type StackResult struct {
	Branches []StackBranch
	Deleted  []string
	Kept     []string // stale, but the current branch: not deleted
}

// CreateStack writes the plan as a stack of local branches, one commit
// each, every branch on the previous one and the first on the base (or,
// when the change starts at the empty tree, on no commit). It works on git
// objects and a temporary index only: the working tree, the real index and
// the current branch are never touched. Each part's tree is checked to
// hold exactly what the plan says before any branch is written.
func (r *Repo) CreateStack(ctx context.Context, in split.Input, plan split.Plan, force bool) (StackResult, error) {
	var res StackResult
	if len(plan.Parts) == 0 {
		return res, ErrNoParts
	}
	if err := checkStackTarget(ctx, r, plan, force); err != nil {
		return res, err
	}
	if err := checkIdentity(ctx, r); err != nil {
		return res, err
	}
	b, err := newStackBuilder(ctx, r, in, plan)
	if err != nil {
		return res, err
	}
	defer b.close()
	if res.Branches, err = b.build(ctx); err != nil {
		return res, err
	}
	for _, br := range res.Branches {
		if err := setBranch(ctx, r, br, force); err != nil {
			return res, err
		}
	}
	if force {
		res.Deleted, res.Kept, err = deleteStaleBranches(ctx, r, res.Branches)
	}
	return res, err
}

// checkStackTarget refuses a dirty working tree and existing branches.
func checkStackTarget(ctx context.Context, r *Repo, plan split.Plan, force bool) error {
	if force {
		return nil
	}
	if bare, _ := r.GitString(ctx, "rev-parse", "--is-bare-repository"); bare != "true" {
		status, err := r.Git(ctx, "status", "--porcelain", "--untracked-files=no")
		if err != nil {
			return fmt.Errorf("check the working tree of %s: %w", r.Dir, err)
		}
		if len(bytes.TrimSpace(status)) > 0 {
			return ErrDirty
		}
	}
	var taken []string
	for _, p := range plan.Parts {
		name := StackBranchName(p)
		if _, err := r.Git(ctx, "rev-parse", "--verify", "--quiet", "refs/heads/"+name); err == nil {
			taken = append(taken, name)
		}
	}
	if len(taken) > 0 {
		return &BranchExistsError{Names: taken}
	}
	return nil
}

func setBranch(ctx context.Context, r *Repo, br StackBranch, force bool) error {
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
var stackBranch = regexp.MustCompile(`^` + regexp.QuoteMeta(StackPrefix) + `[0-9]{2,}-[a-z0-9-]+$`)

// deleteStaleBranches deletes the branches of an earlier stack that this
// one does not recreate (a stack of 7 parts redone as 6 leaves its 07-),
// so the stack tools see one stack. The current branch is kept.
func deleteStaleBranches(ctx context.Context, r *Repo, branches []StackBranch) (deleted, kept []string, err error) {
	out, err := r.GitString(ctx, "for-each-ref", "--format=%(refname:short) %(objectname)", "refs/heads/"+StackPrefix)
	if err != nil {
		return nil, nil, fmt.Errorf("list the branches under %s: %w", StackPrefix, err)
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
func gitWith(ctx context.Context, r *Repo, env []string, stdin []byte, args ...string) (string, error) {
	cmd := r.Command(ctx, args...)
	cmd.Env = append(cmd.Env, env...)
	cmd.Stdin = bytes.NewReader(stdin)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", &Error{Args: args, Stderr: stderr.String(), Err: err}
	}
	return strings.TrimSpace(stdout.String()), nil
}

func shortID(sha string) string { return sha[:min(len(sha), 12)] }
